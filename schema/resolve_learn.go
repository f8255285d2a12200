// Pass 1b, learn: what the folder teaches about its own words, in a step
// of its own after every page was read on its own (so a page's cached model
// stays valid): translated type words from the JSON placeholders beside
// them, and the phrases that introduce a base, in prose and in rows, from
// the pages whose annotation names the base.

package schema

import (
	"sort"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// Learned is what the folder taught, with how often each was seen.
type Learned struct {
	TypeWords        map[string]LearnedWord `json:"typeWords,omitempty"`        // lower-case type word -> Edm type
	BasePhrases      map[string]int         `json:"basePhrases,omitempty"`      // "erbt von" before a base link
	InheritedPhrases map[string]int         `json:"inheritedPhrases,omitempty"` // "geerbt von" before a row's base
	// CollectionPhrases are the words around a type's name that make a
	// collection (`sammlung von objekten des typs ...`, `... -sammlung`), with
	// `...` for the name, learned from rows whose JSON example is an array:
	// each with the number of rows without an example it made collections.
	CollectionPhrases map[string]int `json:"collectionPhrases,omitempty"`
	// NameCases are enums a translated title wrote in other letter case
	// than the links to its page do: qualified name as written -> as the
	// links write it.
	NameCases map[string]string `json:"nameCases,omitempty"`
}

// LearnedWord is a type word and the Edm type its rows' JSON placeholders
// give.
type LearnedWord struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Empty reports whether nothing was learned.
func (l *Learned) Empty() bool {
	return l == nil || len(l.TypeWords) == 0 && len(l.BasePhrases) == 0 && len(l.InheritedPhrases) == 0 &&
		len(l.NameCases) == 0 && len(l.CollectionPhrases) == 0
}

// A word or phrase is learned when it was seen this often, and means the
// same thing this share of the time.
const (
	learnMinCount = 3
	learnMinShare = 0.8
)

func (r *resolver) learn() *Learned {
	l := &Learned{TypeWords: r.learnTypeWords()}
	l.BasePhrases, l.InheritedPhrases = r.learnBasePhrases()
	l.NameCases = r.learnEnumCase()
	l.CollectionPhrases = r.learnCollectionPhrases()
	return l
}

// collectionPhrase is a type cell's words around the name it links or
// names, lower-cased, with "..." for the name ("" when there are none).
func collectionPhrase(t parser.TypeExpr) string {
	if t.Name == "" || len(t.Raw) == len(t.Name) {
		return ""
	}
	i := strings.Index(t.Raw, t.Name)
	if i < 0 {
		return ""
	}
	before, after := strings.TrimSpace(t.Raw[:i]), strings.TrimSpace(t.Raw[i+len(t.Name):])
	if before == "" && after == "" {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(before+" ... "+after), " "))
}

// learnCollectionPhrases learns the words that make a type cell a
// collection from the rows whose JSON example shows the value: a phrase
// whose rows are arrays there makes the rows without an example
// collections too.
func (r *resolver) learnCollectionPhrases() map[string]int {
	seen := map[string]map[string]int{}
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			if !d.InJSON {
				continue
			}
			if ph := collectionPhrase(d.Type); ph != "" {
				if seen[ph] == nil {
					seen[ph] = map[string]int{}
				}
				seen[ph][strconv.FormatBool(d.JSONArray)]++
			}
		}
	}
	phrases := map[string]bool{}
	for ph, shapes := range seen {
		if shape, _, ok := majority(shapes); ok && shape == "true" {
			phrases[ph] = true
		}
	}
	// Reported with the rows each made collections (a phrase the words
	// already read, `... collection`, changes nothing).
	applied := map[string]int{}
	for _, e := range r.order {
		for _, pe := range e.props {
			if ph := collectionPhrase(pe.doc.Type); phrases[ph] && !pe.doc.Type.Collection {
				pe.doc.Type.Collection = true
				applied[ph]++
			}
		}
	}
	return applied
}

// learnEnumCase gives an enum whose translated page titles it in other
// letter case ("DeviceType-Enumerationstyp") the case that most links to
// its page use ([deviceType](intune-shared-devicetype.md)): a translation
// capitalizes nouns, a link's text is the name as the service spells it.
// Short is never empty: a type's name is an identifier.
func (r *resolver) learnEnumCase() map[string]string {
	votes := map[*entry]map[string]int{}
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			if d.Type.Name == "" {
				continue
			}
			// A link names its page; a type cell without one names the
			// type as the service spells it, too.
			var target *entry
			if d.Type.Link != "" {
				target = r.lookupLink(d.Type.Link, d.Type.Name)
			} else {
				target = r.lookupName(d.Type.Name, pageNamespace(pe.page))
			}
			if target == nil || !target.caseUnsure() || !strings.EqualFold(parser.ShortName(target.t.Name), d.Type.Name) {
				continue
			}
			if votes[target] == nil {
				votes[target] = map[string]int{}
			}
			votes[target][d.Type.Name]++
		}
	}
	out := map[string]string{}
	for e, v := range votes {
		short := parser.ShortName(e.t.Name)
		name, n, ok := majority(v)
		// A title or anchor with no capital after its first letter shows
		// no word case at all: one or two rows that agree give it.
		if !ok && n > 0 && !hasInnerCapital(short) && n == total(v) {
			ok = true
		}
		// Links that capitalize a lower-case title are prose, not the name;
		// links that drop the capitals inside a name lost its words
		// ("vpnserver" for vpnServer).
		if !ok || innerCapitals(name) < innerCapitals(short) || name == short || !parser.IsIdentifier(name) || isASCIIUpper(name[0]) && !isASCIIUpper(short[0]) {
			continue
		}
		renamed := namespaceOf(e.t.Name) + "." + name
		out[e.t.Name] = renamed
		e.t.Name = renamed
	}
	return out
}

// caseUnsure reports a type whose name's letter case its definition does
// not settle: written on a translated page (a title capitalizes nouns, an
// annotation copied by hand: "microsoft.graph.approle"), or read from an
// anchor.
func (e *entry) caseUnsure() bool {
	switch {
	case len(e.edocs) > 0:
		return e.edocs[0].page.Translated() || e.edocs[0].doc.AnchorOnly
	case len(e.tdocs) > 0:
		return e.tdocs[0].page.Translated()
	}
	return false
}

// hasInnerCapital reports an ASCII capital after the first letter.
func hasInnerCapital(s string) bool { return innerCapitals(s) > 0 }

// innerCapitals counts the ASCII capitals after the first letter.
func innerCapitals(s string) int {
	n := 0
	for i := 1; i < len(s); i++ {
		if isASCIIUpper(s[i]) {
			n++
		}
	}
	return n
}

// total is the sum of counts.
func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// unknownWord returns the lower-cased type cell of a row whose type word
// names nothing the data files or the pages know, or "".
func (r *resolver) unknownWord(p *parser.Page, d *parser.PropDoc) string {
	t := d.Type
	if t.Primitive != "" || t.Link != "" || t.Name == "" || r.lookupName(t.Name, pageNamespace(p)) != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(t.Raw))
}

func (r *resolver) learnTypeWords() map[string]LearnedWord {
	seen := map[string]map[string]int{}
	for _, e := range r.order {
		for _, pe := range e.props {
			if w := r.unknownWord(pe.page, pe.doc); w != "" && pe.doc.JSONPrimitive != "" {
				if seen[w] == nil {
					seen[w] = map[string]int{}
				}
				seen[w][pe.doc.JSONPrimitive]++
			}
		}
	}
	learned := map[string]LearnedWord{}
	for w, byType := range seen {
		if edm, n, ok := majority(byType); ok {
			learned[w] = LearnedWord{Type: edm, Count: n}
		}
	}
	for _, e := range r.order {
		for _, pe := range e.props {
			if lw, ok := learnedWordOf(learned, r.unknownWord(pe.page, pe.doc)); ok {
				pe.doc.Type.Primitive, pe.doc.Type.Name = lw.Type, ""
			}
		}
	}
	return learned
}

// learnedWordOf finds the learned type word a type cell is, or starts with
// before a comma (`zeichenfolge, maximale größe 20`: a string with a size).
func learnedWordOf(learned map[string]LearnedWord, cell string) (LearnedWord, bool) {
	if lw, ok := learned[cell]; ok {
		return lw, true
	}
	if first, _, ok := strings.Cut(cell, ","); ok {
		lw, ok := learned[strings.TrimSpace(first)]
		return lw, ok
	}
	return LearnedWord{}, false
}

// majority returns the value seen most, when it was seen often enough and
// in a large enough share.
func majority(counts map[string]int) (string, int, bool) {
	keys := make([]string, 0, len(counts))
	total := 0
	for k, n := range counts {
		keys = append(keys, k)
		total += n
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	n := counts[best]
	return best, n, n >= learnMinCount && float64(n) >= learnMinShare*float64(total)
}

// shortPhrase keeps the last two words of a phrase: "erbt von" of "das
// gerät. erbt von".
func shortPhrase(p string) string {
	w := strings.Fields(p)
	return strings.Join(w[max(0, len(w)-2):], " ")
}

// learnBasePhrases learns the phrases that introduce a base and gives the
// types and rows that have no other sign the claims they make. Rows first:
// a row's link that names its type's annotated base, or a type that
// declares a property of the row's name, shows what the phrase before it
// means ("Geerbt von [directoryObject]" on id). Then prose: the phrase
// before a link to the base that the annotation, or the learned rows,
// name.
func (r *resolver) learnBasePhrases() (map[string]int, map[string]int) {
	rows := map[string]map[string]int{}
	for _, e := range r.order {
		for _, td := range e.tdocs {
			base := r.annotatedBase(td)
			for _, d := range td.doc.Properties {
				if d.LinkPhrase == nil {
					continue
				}
				target := r.resolveClaim(td.page, d.LinkPhrase.Claim)
				note(rows, shortPhrase(d.LinkPhrase.Phrase), target != nil && target != e && (target == base || declares(target, d.Name)))
			}
		}
	}
	learnedRows := learnedPhrases(rows)
	prose := map[string]map[string]int{}
	// A phrase learned from the pages of one base alone may be those
	// pages' own wording (`Geerbt von der Entität [domainDnsRecord]`
	// keeps `der entität`): it must point at two bases or more.
	proseTargets := map[string]map[*entry]bool{}
	for _, e := range r.order {
		for _, td := range e.tdocs {
			for _, d := range td.doc.Properties {
				if d.Inherited == nil && d.LinkPhrase != nil && learnedRows[shortPhrase(d.LinkPhrase.Phrase)] > 0 {
					c := d.LinkPhrase.Claim
					c.Source = parser.ClaimRow
					d.Inherited = &c
				}
			}
			// The base is the annotated one, else one of the types the
			// rows inherit from: a type's rows name the ancestor that
			// declares each property, its parent or one further up.
			bases := r.rowBases(td)
			if b := r.annotatedBase(td); b != nil {
				bases = map[*entry]bool{b: true}
			}
			for _, lp := range td.doc.LinkPhrases {
				target := r.resolveClaim(td.page, lp.Claim)
				if len(bases) == 0 && !extends(td, target) {
					continue // nothing says what a base of this type is
				}
				toBase := bases[target] || extends(td, target)
				note(prose, shortPhrase(lp.Phrase), toBase)
				if toBase {
					if proseTargets[shortPhrase(lp.Phrase)] == nil {
						proseTargets[shortPhrase(lp.Phrase)] = map[*entry]bool{}
					}
					proseTargets[shortPhrase(lp.Phrase)][target] = true
				}
			}
		}
	}
	learnedProse := learnedPhrases(prose)
	for phrase := range learnedProse {
		if len(proseTargets[phrase]) < 2 {
			delete(learnedProse, phrase)
		}
	}
	for _, e := range r.order {
		for _, td := range e.tdocs {
			if statesBase(td.doc) {
				continue
			}
			var claim *parser.BaseClaim
			var extended []parser.BaseClaim
			for _, lp := range td.doc.LinkPhrases {
				if learnedProse[shortPhrase(lp.Phrase)] > 0 {
					claim = &lp.Claim
					break
				}
				if target := r.resolveClaim(td.page, lp.Claim); extends(td, target) && len(target.tdocs[0].doc.Properties) >= 3 {
					extended = append(extended, lp.Claim)
				}
			}
			// Else the one type the prose links whose rows (three or more)
			// the page repeats, and more, as a derived type's page does.
			if claim == nil && len(extended) == 1 {
				claim = &extended[0]
			}
			if claim != nil {
				c := *claim
				c.Source = parser.ClaimInherits
				td.doc.Bases = append(td.doc.Bases, c)
			}
		}
	}
	return learnedProse, learnedRows
}

func note(m map[string]map[string]int, phrase string, toBase bool) {
	if m[phrase] == nil {
		m[phrase] = map[string]int{}
	}
	if toBase {
		m[phrase]["base"]++
	} else {
		m[phrase]["other"]++
	}
}

// declares reports whether a type's pages list a property of this name.
func declares(e *entry, name string) bool {
	for _, pe := range e.props {
		if strings.EqualFold(pe.doc.Name, name) {
			return true
		}
	}
	return false
}

// statesBase reports a definition with a sign of its base other than an
// annotation naming the root entity type, the template's default (which a
// more specific base the prose names outranks: claimRank).
func statesBase(d *parser.TypeDoc) bool {
	for _, c := range d.Bases {
		if c.Source != parser.ClaimAnnotation || !strings.EqualFold(c.Name, entityName) {
			return true
		}
	}
	return false
}

// extends reports a type whose page lists every property the target's
// page declares (two or more), and more: what a derived type's page does,
// its base's rows repeated.
func extends(td typeDoc, target *entry) bool {
	if target == nil || len(target.tdocs) == 0 || target.tdocs[0].doc == td.doc {
		return false
	}
	base := target.tdocs[0].doc.Properties
	if len(base) < 2 || len(td.doc.Properties) <= len(base) {
		return false
	}
	mine := map[string]bool{}
	for _, d := range td.doc.Properties {
		mine[d.Name] = true
	}
	if len(mine) <= len(base) {
		return false // a derived type adds properties; the same list says nothing
	}
	// Nine rows in ten: a translated page renames a few.
	missing := 0
	for _, d := range base {
		if !mine[d.Name] {
			missing++
		}
	}
	return missing*10 <= len(base)
}

// rowBases are the types the rows of a definition say they are inherited
// from.
func (r *resolver) rowBases(td typeDoc) map[*entry]bool {
	bases := map[*entry]bool{}
	for _, d := range td.doc.Properties {
		if d.Inherited == nil {
			continue
		}
		if t := r.resolveClaim(td.page, *d.Inherited); t != nil {
			bases[t] = true
		}
	}
	return bases
}

// learnedPhrases keeps the phrases that point at the base often enough and
// in a large enough share of their uses.
func learnedPhrases(seen map[string]map[string]int) map[string]int {
	out := map[string]int{}
	for phrase, m := range seen {
		if n := m["base"]; n >= learnMinCount && float64(n) >= learnMinShare*float64(n+m["other"]) {
			out[phrase] = n
		}
	}
	return out
}

// annotatedBase is the type a definition's annotation names as its base,
// or nil.
func (r *resolver) annotatedBase(td typeDoc) *entry {
	for _, c := range td.doc.Bases {
		if c.Source == parser.ClaimAnnotation && c.Name != "" {
			return r.resolveClaim(td.page, c)
		}
	}
	return nil
}
