// Root causes of validation mistakes: a resource page that does not name
// its base makes every example of the type that holds one of the base's
// properties a mistake; that is one mistake in the docs, reported once at
// the page, not once per example.

package schema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// minExplained is how many mistakes a missing base must explain to be
// reported as their cause: one property could belong to anything.
const minExplained = 2

// rootCauses sorts the validator's findings into mistakes, causes and the
// mistakes the causes explain.
func (v *validator) rootCauses() Validation {
	explained := map[int]bool{}
	var out Validation
	byType := map[*Type][]unknownProperty{}
	for _, u := range v.unknown {
		// "value" is the key of OData's collection envelope: an example
		// that holds one where a single object is annotated lacks
		// isCollection, which no base explains.
		if u.name != "value" {
			byType[u.t] = append(byType[u.t], u)
		}
	}
	types := make([]*Type, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b *Type) int { return strings.Compare(a.Name, b.Name) })
	for _, t := range types {
		base, covered := v.missingBase(t, byType[t])
		if base == nil || len(covered) < minExplained {
			continue
		}
		names, examples := map[string]bool{}, map[string]bool{}
		for _, u := range covered {
			explained[u.diag] = true
			names[u.name] = true
			examples[u.example] = true
		}
		have := "names no base"
		if t.BaseType != nil {
			have = "names " + t.BaseType.Name + " as its base"
		}
		are := "are properties"
		if len(names) == 1 {
			are = "is a property"
		}
		out.Causes.Error(SourcePos(t.Source), diag.MissingBase,
			"%s %s, but its examples hold %s, which %s of %s: does it inherit from it? This explains %d %s in %d %s",
			t.Name, have, quoteList(names), are, base.Name, len(covered), plural(len(covered), "finding"), len(examples), plural(len(examples), "example"))
	}
	for i, d := range v.diags {
		if explained[i] || v.explainedBy[i] {
			out.Explained = append(out.Explained, d)
		} else {
			out.Mistakes = append(out.Mistakes, d)
		}
	}
	return out
}

// missingBase finds the type outside t's lineage that best explains t's
// unknown properties as a base it lacks: the one whose own properties the
// examples hold the largest share of (at least half, and two of them
// unless it is a root type of one property that others derive from, as
// entity and its id: a base
// lost takes all its properties along, while a type that merely shares a
// name is no base), then the one that explains the most findings, then by
// name.
func (v *validator) missingBase(t *Type, unknown []unknownProperty) (*Type, []unknownProperty) {
	inLineage := map[*Type]bool{}
	for b := range t.Lineage() {
		inLineage[b] = true
	}
	// The candidates: the types that declare one of the names themselves.
	if v.owners == nil {
		v.owners = map[string][]*Type{}
		for _, c := range v.s.Types {
			for _, p := range c.Properties {
				v.owners[p.Name] = append(v.owners[p.Name], c)
			}
		}
	}
	names := map[string]bool{}
	seen := map[*Type]bool{}
	var candidates []*Type
	for _, u := range unknown {
		names[u.name] = true
		for _, c := range v.owners[u.name] {
			if !seen[c] {
				seen[c] = true
				candidates = append(candidates, c)
			}
		}
	}
	var best *Type
	var bestCovered []unknownProperty
	bestShare := 0.0
	for _, c := range candidates {
		if c.Kind == Enum || inLineage[c] || isA(c, t) || len(c.Properties) == 0 {
			continue
		}
		held := 0
		for _, p := range c.Properties {
			if names[p.Name] {
				held++
			}
		}
		share := float64(held) / float64(len(c.Properties))
		// One name in common makes a base only of a type that has no other
		// property (entity and its id); otherwise it is a name two types
		// happen to share.
		if share < 0.5 || held < 2 && (share < 1 || c.BaseType != nil || len(c.Derived) == 0) {
			continue
		}
		props := allProperties(c)
		var covered []unknownProperty
		for _, u := range unknown {
			if props[u.name] != nil {
				covered = append(covered, u)
			}
		}
		if best == nil || share > bestShare || share == bestShare && (len(covered) > len(bestCovered) ||
			len(covered) == len(bestCovered) && c.Name < best.Name) {
			best, bestCovered, bestShare = c, covered, share
		}
	}
	return best, bestCovered
}

func quoteList(set map[string]bool) string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, fmt.Sprintf("%q", n))
	}
	slices.Sort(names)
	if len(names) > 5 {
		names = append(names[:5], fmt.Sprintf("%d more", len(names)-5))
	}
	return strings.Join(names, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
