// The bases, implicit entity bases and cycles passes: each type's base from
// the signs its pages give (ranked), base pages' lists of derived types,
// implicit entity bases, and cycles broken.

package schema

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// resolveClaim finds the type a base claim names.
func (r *resolver) resolveClaim(p *parser.Page, c parser.BaseClaim) *entry {
	if e := r.lookupLink(c.Link, c.Name); e != nil {
		return e
	}
	return r.lookupName(c.Name, pageNamespace(p))
}

// claimRank orders the signs of a base: the annotation's baseType, then the
// "Inherits from" line, then "Inherited from" remarks on rows. An annotation
// naming the root entity type comes after the Inherits line: it is the
// template's default, and a more specific base the prose names is an entity
// too, so both hold.
func claimRank(c parser.BaseClaim) int {
	switch c.Source {
	case parser.ClaimAnnotation:
		if strings.EqualFold(c.Name, entityName) {
			return 2
		}
		return 0
	case parser.ClaimInherits:
		return 1
	}
	return 3
}

func (r *resolver) resolveBases() {
	// Each type's base from its own claims, on all cores.
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		if len(e.tdocs) == 0 {
			return
		}
		type found struct {
			claim parser.BaseClaim
			page  *parser.Page
			e     *entry
		}
		var best *found
		var unknown *found
		for _, td := range e.tdocs {
			claims := append([]parser.BaseClaim(nil), td.doc.Bases...)
			for _, pd := range td.doc.Properties {
				if pd.Inherited != nil && (pd.Inherited.Link != "" || pd.Inherited.Name != "") {
					claims = append(claims, *pd.Inherited)
				}
			}
			sort.SliceStable(claims, func(i, j int) bool { return claimRank(claims[i]) < claimRank(claims[j]) })
			for _, c := range claims {
				be := r.resolveClaim(td.page, c)
				if be == e {
					r.warn(td.page, c.Pos, diag.SelfBase, "%s says it inherits from itself; ignored", parser.ShortName(e.t.Name))
					continue
				}
				if be != nil && be.t.Kind == Enum {
					// A struct cannot embed a string type: the claim is a
					// mistake (a link to the wrong page, say).
					r.warn(td.page, c.Pos, diag.EnumBase, "%s names the enum %s as its base; ignored", parser.ShortName(e.t.Name), be.t.Name)
					continue
				}
				if be == nil {
					if unknown == nil && c.Source != parser.ClaimRow {
						unknown = &found{c, td.page, nil}
					}
					continue
				}
				if best == nil {
					best = &found{c, td.page, be}
					continue
				}
				if be != best.e && claimRank(c) != claimRank(best.claim) && c.Source != parser.ClaimRow {
					r.warn(td.page, c.Pos, diag.BaseConflict, "%s: %s says the base is %s, %s at %s says %s; using %s (annotation, then Inherits line, then an annotation naming entity, then Inherited rows)",
						parser.ShortName(e.t.Name), c.Source, be.t.Name, best.claim.Source, where(best.page, best.claim.Pos), best.e.t.Name, best.e.t.Name)
				}
			}
		}
		if best == nil && unknown == nil {
			if d := r.derivedFrom[e]; d != nil && d.base.t.Kind != Enum {
				best = &found{d.claim, d.page, d.base}
			}
		}
		switch {
		case best != nil:
			e.baseRank = claimRank(best.claim)
			e.t.BaseType = best.e.t
			name := best.e.t.Name
			e.t.Base = &name
		case unknown != nil:
			q := qualify(unknown.claim.Name, pageNamespace(unknown.page))
			if unknown.claim.Name == "" {
				q = strings.TrimSuffix(path.Base(unknown.claim.Link), ".md")
			}
			r.warn(unknown.page, unknown.claim.Pos, diag.UnknownBase, "base %s of %s is described by no page; the type gets no base", q, parser.ShortName(e.t.Name))
			e.t.Base = &q
		}
	})
}

// implicitEntityBases gives entities that name no base the root entity
// type as base: most entity pages never say "Inherits from entity" but
// have its id key.
func (r *resolver) implicitEntityBases() {
	root := r.byName[entityName]
	if root == nil {
		return
	}
	for _, e := range r.order {
		if e.t.Kind != Entity || e.t.Base != nil || e.t == root.t {
			continue
		}
		if e.t.KeyProperty != "" && e.t.KeyProperty != "id" {
			continue // keyed on a property of its own
		}
		e.t.BaseType = root.t
		name := root.t.Name
		e.t.Base = &name
		e.baseRank = implicitRank // no page said it: the weakest sign
	}
}

// implicitRank ranks a base no page states (the root entity type of an
// entity keyed on id) after every claimRank.
const implicitRank = 4

// breakCycles removes the base of one type in each inheritance cycle: the
// one whose base rests on the weakest sign, of equals the greatest name, so
// the choice is stable.
func (r *resolver) breakCycles() {
	for _, e := range r.order {
		chain := slices.Collect(e.t.Lineage())
		// Lineage stops before a type it met: if the last one still has a
		// base, that base closes a cycle.
		back := chain[len(chain)-1].BaseType
		if back == nil {
			continue
		}
		cycle := chain[slices.Index(chain, back):]
		// The type whose base rests on the weakest sign loses it (a base
		// the prose or repeated rows suggest before one an annotation
		// states), of equals the last by name.
		victim := cycle[0]
		names := make([]string, 0, len(cycle))
		for _, c := range cycle {
			names = append(names, c.Name)
			if weaker(r.rankOf(c), c.Name, r.rankOf(victim), victim.Name) {
				victim = c
			}
		}
		sort.Strings(names)
		ve := r.byName[strings.ToLower(victim.Name)]
		r.warn(ve.page, r.typePos(ve), diag.InheritanceCycle, "inheritance cycle through %s; %s loses its base %s",
			strings.Join(names, ", "), victim.Name, victim.BaseType.Name)
		victim.BaseType = nil
		victim.Base = nil
	}
}

// rankOf is the claimRank of the sign that gave t its base.
func (r *resolver) rankOf(t *Type) int {
	if e := r.byName[strings.ToLower(t.Name)]; e != nil {
		return e.baseRank
	}
	return 0
}

// weaker reports whether a base of rank a on the type named an rests on a
// weaker sign than one of rank b on bn: a higher rank, of equals the later
// name.
func weaker(a int, an string, b int, bn string) bool {
	if a != b {
		return a > b
	}
	return an > bn
}

// collectDerivedLists reads the derived types base pages list. A type two
// bases claim keeps neither claim.
func (r *resolver) collectDerivedLists() {
	r.derivedFrom = map[*entry]*derivedClaim{}
	ambiguous := map[*entry]bool{}
	for _, e := range r.order {
		for _, td := range e.tdocs {
			for _, c := range td.doc.Derived {
				d := r.lookupLink(c.Link, c.Name)
				if d == nil || d == e || len(d.tdocs) == 0 {
					continue
				}
				if prev := r.derivedFrom[d]; prev != nil && prev.base != e {
					ambiguous[d] = true
					continue
				}
				r.derivedFrom[d] = &derivedClaim{base: e, page: td.page, claim: c}
			}
		}
	}
	for d := range ambiguous {
		delete(r.derivedFrom, d)
	}
}
