// The operations pass's return type from a response body's keys: where
// nothing names what an action or function returns (the prose says
// "password object" without a link, no annotation), the body's keys do:
// the one type whose properties hold them all.

package schema

import (
	"slices"
	"strings"
)

// typeOfKeys is the one type whose properties (its bases' included) hold
// every key, or the base of all the types that do (the types derived from
// it hold its keys too); nil where none does, where unrelated types do
// (id and displayName say little), or where the keys are fewer than two.
func (r *resolver) typeOfKeys(keys []string) *Type {
	if len(keys) < 2 {
		return nil
	}
	r.propertyNamesOnce.Do(r.indexPropertyNames)
	var holders []*Type
	for _, e := range r.order {
		names := r.propertyNames[e.t]
		if names == nil {
			continue
		}
		all := true
		for _, k := range keys {
			if all = names[strings.ToLower(k)]; !all {
				break
			}
		}
		if all {
			holders = append(holders, e.t)
		}
	}
	for _, base := range holders {
		if all := !slices.ContainsFunc(holders, func(t *Type) bool { return !derivesFrom(t, base) }); all {
			return base
		}
	}
	return nil
}

// derivesFrom reports t is base or derives from it.
func derivesFrom(t, base *Type) bool {
	seen := map[*Type]bool{}
	for ; t != nil && !seen[t]; t = t.BaseType {
		if t == base {
			return true
		}
		seen[t] = true
	}
	return false
}

// indexPropertyNames sets, for each struct type, the lower-case names of
// its properties and its bases'.
func (r *resolver) indexPropertyNames() {
	r.propertyNames = map[*Type]map[string]bool{}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			continue
		}
		names := map[string]bool{}
		seen := map[*Type]bool{}
		for t := e.t; t != nil && !seen[t]; t = t.BaseType {
			seen[t] = true
			for _, p := range t.Properties {
				names[strings.ToLower(p.Name)] = true
			}
		}
		r.propertyNames[e.t] = names
	}
}
