// The translated rows pass: a row name that is still a translation takes
// the English name that the folder's rules gave the same words, as a
// collection or as one value, on its other pages ("名称" is name where
// JSON keys named eight rows so): the folder's own vocabulary, learned
// from what its structure proved.

package schema

import (
	"maps"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// rowWord is the key of the folder's vocabulary: a translation as written,
// lower-cased, and whether its row holds a collection (a language without
// plurals writes "定义" for definition and for definitions).
type rowWord struct {
	word       string
	collection bool
}

// wordOf is the vocabulary's key for a row name as written.
func wordOf(name string, collection bool) rowWord {
	return rowWord{strings.ToLower(strings.TrimSpace(name)), collection}
}

// rowVocabulary counts, for each translated row name the page's rules
// replaced, the English names they gave it.
func (r *resolver) rowVocabulary() map[rowWord]map[string]int {
	vocabulary := map[rowWord]map[string]int{}
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			if !pe.page.Translated() || strings.TrimSpace(d.Translation) == "" || !parser.IsIdentifier(d.Name) {
				continue // an English page's odd row name is no word of a translation
			}
			k := wordOf(d.Translation, pe.prop.Collection)
			if vocabulary[k] == nil {
				vocabulary[k] = map[string]int{}
			}
			vocabulary[k][d.Name]++
		}
	}
	return vocabulary
}

// translatedRows names the rows of translated pages whose names are still
// translations (no identifier, or a capitalised word the JSON block
// lacks) by the folder's vocabulary: the English name the same words have
// on learnMinCount rows or more, learnMinShare of them, where neither the
// type nor an ancestor has a row of that name in any case. It returns the
// words it used, with the rows each named ("名称 = name": 12).
func (r *resolver) translatedRows() map[string]int {
	vocabulary := r.rowVocabulary()
	if len(vocabulary) == 0 {
		return nil
	}
	// Each type's row names, whatever their case, taken before any row is
	// renamed: a name the type or an ancestor already has ("Status" from
	// the JSON block, "name" on the base) is no name for a translated row.
	names := make(map[*Type]map[string]bool, len(r.order))
	for _, e := range r.order {
		names[e.t] = map[string]bool{}
		for _, pe := range e.props {
			names[e.t][strings.ToLower(pe.prop.Name)] = true
		}
	}
	named := make([]map[string]int, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		has := maps.Clone(names[e.t])
		for b := range e.t.Ancestors() {
			maps.Copy(has, names[b])
		}
		for _, pe := range e.props {
			name := pe.prop.Name
			if !pe.page.Translated() || pe.doc.InJSON || pe.doc.FromJSON ||
				parser.IsIdentifier(name) && (!startsUpper(name) || innerCapitals(name) > 0) {
				continue
			}
			english, n, ok := majority(vocabulary[wordOf(name, pe.prop.Collection)])
			if !ok || has[strings.ToLower(english)] {
				continue
			}
			r.warn(pe.page, pe.doc.Pos, diag.NameFromFolder, "table name %q of %s is not a property name; using %q, the name the folder's rules gave the same words on %d other rows",
				name, parser.ShortName(e.t.Name), english, n)
			pe.prop.Name = english
			has[strings.ToLower(english)] = true
			if named[i] == nil {
				named[i] = map[string]int{}
			}
			named[i][name+" = "+english]++
		}
	})
	counts := map[string]int{}
	for _, m := range named {
		for k, n := range m {
			counts[k] += n
		}
	}
	return counts
}
