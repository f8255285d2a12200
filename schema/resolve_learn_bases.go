// The learn pass, continued: the phrases that introduce a base, in rows
// (`Geerbt von [x]`) and in prose (`Erbt von [x]`), learned from the pages
// whose annotation or rows name the base, and the bases they and repeated
// rows give the types that state none.

package schema

import (
	"slices"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// shortPhrase keeps the last two words of a phrase: "erbt von" of "das
// gerät. erbt von".
func shortPhrase(p string) string {
	w := strings.Fields(p)
	return strings.Join(w[max(0, len(w)-2):], " ")
}

// phraseKeys are the phrases a link stands with, as learned: the last two
// words before it ("erbt von"), and the words after it that end its
// clause, written after "..." ("... から継承します": a language that puts
// the verb last).
func phraseKeys(lp *parser.LinkPhrase) []string {
	var keys []string
	if lp.Phrase != "" {
		keys = append(keys, shortPhrase(lp.Phrase))
	}
	if lp.After != "" {
		keys = append(keys, "... "+lp.After)
	}
	return keys
}

// learnedAny reports whether a link stands with a learned phrase.
func learnedAny(learned map[string]int, lp *parser.LinkPhrase) bool {
	for _, k := range phraseKeys(lp) {
		if learned[k] > 0 {
			return true
		}
	}
	return false
}

// learnBasePhrases learns the phrases that introduce a base and gives the
// types and rows that have no other sign the claims they make. Rows first:
// a row's link that names its type's annotated base, or a type that
// declares a property of the row's name, shows what the phrase before it
// means ("Geerbt von [directoryObject]" on id). Then prose: the phrase
// before a link to the base that the annotation, or the learned rows,
// name.
func (r *resolver) learnBasePhrases() (map[string]int, map[string]int) {
	// What each row's phrase points at, looked up on all cores, then
	// counted in order.
	type sighting struct {
		phrase string
		toBase bool
		target *entry
	}
	perEntry := make([][]sighting, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		for _, td := range e.tdocs {
			base := r.annotatedBase(td)
			for _, d := range td.doc.Properties {
				for l := range d.LinkPhrases {
					lp := &d.LinkPhrases[l]
					target := r.resolveClaim(td.page, lp.Claim)
					for _, k := range phraseKeys(lp) {
						perEntry[i] = append(perEntry[i], sighting{k, target != nil && target != e && (target == base || declares(target, d.Name)), nil})
					}
				}
			}
		}
	})
	rows := map[string]map[string]int{}
	for _, seen := range perEntry {
		for _, s := range seen {
			note(rows, s.phrase, s.toBase)
		}
	}
	learnedRows := learnedPhrases(rows)
	for _, e := range r.order {
		for ti, td := range e.tdocs {
			for k := range td.doc.Properties {
				d := td.doc.Properties[k]
				if d.Inherited != nil {
					continue
				}
				// The first link whose words the folder taught: "[Details]
				// unten. Geerbt von [base]" is base's row.
				for l := range d.LinkPhrases {
					if lp := &d.LinkPhrases[l]; learnedAny(learnedRows, lp) {
						c := lp.Claim
						c.Source = parser.ClaimRow
						e.ownRow(&e.tdocs[ti], k).Inherited = &c
						break
					}
				}
			}
		}
	}
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		perEntry[i] = perEntry[i][:0]
		for _, td := range e.tdocs {
			// The base is the annotated one, else one of the types the
			// rows inherit from: a type's rows name the ancestor that
			// declares each property, its parent or one further up.
			var bases map[*entry]bool
			if b := r.annotatedBase(td); b != nil {
				bases = map[*entry]bool{b: true}
			} else {
				bases = r.rowBases(td)
			}
			// A base page's table of derived types says so too
			// (educationCsvDataProvider's base lists it, its own page says
			// "[educationSynchronizationDataProvider](...) abgeleitet").
			if d := r.derivedFrom[e]; len(bases) == 0 && d != nil && d.base.t.Kind != Enum {
				bases = map[*entry]bool{d.base: true}
			}
			for k := range td.doc.LinkPhrases {
				lp := &td.doc.LinkPhrases[k]
				target := r.resolveClaim(td.page, lp.Claim)
				extended := extends(td, target)
				if len(bases) == 0 && !extended {
					continue // nothing says what a base of this type is
				}
				for _, key := range phraseKeys(lp) {
					perEntry[i] = append(perEntry[i], sighting{key, bases[target] || extended, target})
				}
			}
		}
	})
	prose := map[string]map[string]int{}
	// A phrase learned from the pages of one base alone may be those
	// pages' own wording (`Geerbt von der Entität [domainDnsRecord]`
	// keeps `der entität`): it must point at two bases or more.
	proseTargets := map[string]map[*entry]bool{}
	for _, seen := range perEntry {
		for _, s := range seen {
			note(prose, s.phrase, s.toBase)
			if s.toBase {
				if proseTargets[s.phrase] == nil {
					proseTargets[s.phrase] = map[*entry]bool{}
				}
				proseTargets[s.phrase][s.target] = true
			}
		}
	}
	learnedProse := learnedPhrases(prose)
	for phrase := range learnedProse {
		if len(proseTargets[phrase]) < 2 {
			delete(learnedProse, phrase)
		}
	}
	// The types whose prose lists each type, a link with no words around
	// it (an item of a list, a table of links): a base page may list the
	// types derived from it (identityRiskEvent's table of risk events). A
	// link inside a sentence ("a stage of an [accessReviewInstance]") is
	// no list.
	linkedBy := map[*entry][]*entry{}
	for _, x := range r.order {
		for _, td := range x.tdocs {
			for k := range td.doc.LinkPhrases {
				lp := &td.doc.LinkPhrases[k]
				if lp.Phrase != "" || lp.After != "" {
					continue
				}
				if t := r.resolveClaim(td.page, lp.Claim); t != nil && t != x && !slices.Contains(linkedBy[t], x) {
					linkedBy[t] = append(linkedBy[t], x)
				}
			}
		}
	}
	// Each type's own claims: on all cores, as a type changes only its
	// own definitions.
	parallel(len(r.order), func(i int) {
		for _, td := range r.order[i].tdocs {
			if statesBase(td.doc) {
				continue
			}
			var claim *parser.BaseClaim
			var extended []parser.BaseClaim
			var targets []*entry
			for k := range td.doc.LinkPhrases {
				lp := &td.doc.LinkPhrases[k]
				if learnedAny(learnedProse, lp) {
					claim = &lp.Claim
					break
				}
				if target := r.resolveClaim(td.page, lp.Claim); extends(td, target) && len(target.tdocs[0].doc.Properties) >= 3 &&
					!slices.Contains(targets, target) {
					extended = append(extended, lp.Claim)
					targets = append(targets, target)
				}
			}
			// Else the one type the prose links whose rows (three or more)
			// the page repeats, and more, as a derived type's page does.
			if claim == nil && len(extended) == 1 {
				claim = &extended[0]
			}
			// Else, of several, the one whose rows all the others repeat
			// too: the others are types derived from it beside this one
			// (domainDnsUnavailableRecord's prose links domainDnsRecord
			// and the records derived from it).
			if claim == nil && len(extended) > 1 {
				if k := sharedBase(targets); k >= 0 {
					claim = &extended[k]
				}
			}
			// Else, the prose saying nothing, the type whose prose lists
			// this one and whose rows (three or more) its page repeats,
			// and more: a base page that lists the types derived from it.
			// Of several, the one with the most rows (the nearest: a
			// derived type repeats its base's rows and more).
			if claim == nil && len(extended) == 0 {
				claim = r.listingBase(td, linkedBy[r.order[i]])
			}
			if claim != nil {
				c := *claim
				c.Source = parser.ClaimInherits
				td.doc.Bases = append(td.doc.Bases, c)
			}
		}
	})
	return learnedProse, learnedRows
}

// sharedBase returns the index of the one target whose rows every other
// target's page repeats, and more, or -1 when there is none.
func sharedBase(targets []*entry) int {
	found := -1
	for k, t := range targets {
		all := true
		for _, u := range targets {
			if u != t && !extends(u.tdocs[0], t) {
				all = false
				break
			}
		}
		if all {
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// listingBase returns, as a claim, the one of the types whose prose lists
// td's type (by) whose rows td's page repeats and that has the most rows,
// or nil when none does or two tie.
func (r *resolver) listingBase(td typeDoc, by []*entry) *parser.BaseClaim {
	var best *entry
	tie := false
	for _, x := range by {
		if !extends(td, x) || len(x.tdocs[0].doc.Properties) < 3 {
			continue
		}
		switch n, m := len(x.tdocs[0].doc.Properties), 0; {
		case best != nil:
			m = len(best.tdocs[0].doc.Properties)
			if n == m {
				tie = true
			} else if n > m {
				best, tie = x, false
			}
		default:
			best = x
		}
	}
	if best == nil || tie {
		return nil
	}
	return &parser.BaseClaim{Name: best.t.Name, Link: best.tdocs[0].page.Path, Pos: td.doc.Pos}
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
