// Assembling a schema from types another reader made (a service's CSDL):
// sorted, linked and named as resolving pages does, so that it compares
// and subsets like a resolved schema.

package schema

import (
	"fmt"
	"sort"
)

// FromTypes makes a schema of types whose Name, Kind, Base, flags,
// properties (Name, Type, Collection, Navigation, Nullable) and members are
// set: it sorts them by name, links bases, property types and derived
// types, and settles every Go name as a run over pages would. A type whose
// name came before keeps its place (the later one is dropped), and a base
// no type here has stays named but unlinked; the caller reports both, and
// breaks base cycles, where it has positions.
func FromTypes(types []*Type) *Schema {
	s := &Schema{Version: Version, byName: make(map[string]*Type, len(types))}
	for _, t := range types {
		if t == nil || s.byName[t.Name] != nil {
			continue
		}
		s.byName[t.Name] = t
		s.Types = append(s.Types, t)
	}
	sort.SliceStable(s.Types, func(i, j int) bool { return s.Types[i].Name < s.Types[j].Name })
	s.link()
	assignNames(s)
	return s
}

// Index indexes the types of a schema another package filled in, links
// and Go names included (the cache's decoder), by name, as resolving
// does: Lookup and Subset then work on it. It fails on a type with no
// name or a name twice.
func (s *Schema) Index() error {
	s.byName = make(map[string]*Type, len(s.Types))
	for _, t := range s.Types {
		if t.Name == "" || s.byName[t.Name] != nil {
			return fmt.Errorf("schema: a type with no name, or a name twice (%q)", t.Name)
		}
		s.byName[t.Name] = t
	}
	return nil
}

// link sets each type's BaseType and Derived and each property's Ref from
// the names they hold.
func (s *Schema) link() {
	for _, t := range s.Types {
		t.BaseType = nil
		t.Derived = nil
	}
	for _, t := range s.Types {
		if t.Base != nil {
			t.BaseType = s.byName[*t.Base]
		}
		for _, p := range t.Properties {
			p.Ref = s.byName[p.Type]
		}
	}
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	for _, t := range s.Types {
		sort.Slice(t.Derived, func(i, j int) bool { return t.Derived[i].Name < t.Derived[j].Name })
	}
}
