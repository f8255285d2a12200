// The operations pass's return type from a response body's keys: where
// nothing names what an action or function returns (the prose says
// "password object" without a link, no annotation), the body's keys do:
// the one type whose properties hold them all.

package schema

import "strings"

// typeOfKeys is the type whose properties (its bases' included) hold every
// key, the one with the fewest properties where several do (a base before
// the types derived from it); nil where none does, or two tie, or the keys
// are fewer than two.
func (r *resolver) typeOfKeys(keys []string) *Type {
	if len(keys) < 2 {
		return nil
	}
	r.propertyNamesOnce.Do(r.indexPropertyNames)
	var best *Type
	bestN, tie := 0, false
	for _, e := range r.order {
		names := r.propertyNames[e.t]
		if names == nil {
			continue
		}
		all := true
		for _, k := range keys {
			all = all && names[strings.ToLower(k)]
		}
		if !all {
			continue
		}
		switch n := len(names); {
		case best == nil || n < bestN:
			best, bestN, tie = e.t, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
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
