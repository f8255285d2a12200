// The learn pass's date and time words: a translated type word whose rows'
// JSON placeholders are all "String (timestamp)" is a date or a time, but
// the placeholder does not say which (pages copy it for dates and times of
// day); the values the API pages' examples give those rows do, by their
// shape ("startDate": "2017-09-04" is a Date).

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
)

// learnTemporalWords sets each vague word (learned as DateTimeOffset from
// timestamp placeholders alone) to the type its rows' example values show,
// where they show one often enough; words[i][j] is the word of
// r.order[i]'s row j.
func (r *resolver) learnTemporalWords(learned map[string]LearnedWord, vague map[string]bool, words [][]string) {
	rows := map[*propEntry]string{}
	for i, e := range r.order {
		for j, pe := range e.props {
			if w := words[i][j]; vague[w] {
				rows[pe] = w
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	shapes := map[string]map[string]int{} // word -> the Edm type a value shows -> values
	for _, p := range r.pages {
		op := p.Operation
		if op == nil {
			continue
		}
		for _, x := range op.Examples {
			if x.Temporal == "" {
				continue
			}
			w := rows[r.exampleRow(p, op, x)]
			if w == "" {
				continue
			}
			if shapes[w] == nil {
				shapes[w] = map[string]int{}
			}
			shapes[w][x.Temporal]++
		}
	}
	for w, byShape := range shapes {
		if edm, _, ok := majority(byShape); ok {
			lw := learned[w]
			lw.Type = edm
			learned[w] = lw
		}
	}
}

// exampleRow is the row an example value is the value of: exampleRoot's
// type's row the first key names, then that row's type's, to the last
// key; nil where a step is unknown. It runs in the learn pass, on the
// rows as the pages give them: a type's own rows, no inherited ones.
func (r *resolver) exampleRow(p *parser.Page, op *parser.OperationDoc, x parser.ExampleValue) *propEntry {
	e, path := r.exampleRoot(p, op, x)
	ns := pageNamespace(p)
	for i, key := range path {
		if e == nil {
			return nil
		}
		if key == "*" {
			continue // an item of the array the key before holds
		}
		pe := e.ownRowNamed(key)
		if pe == nil || i == len(path)-1 {
			return pe
		}
		e = r.lookupExpr(pe.doc.Type, ns)
	}
	return nil
}

// ownRowNamed is the entry's own row of that name (without case), or nil.
func (e *entry) ownRowNamed(name string) *propEntry {
	for _, pe := range e.props {
		if strings.EqualFold(pe.doc.Name, name) {
			return pe
		}
	}
	return nil
}
