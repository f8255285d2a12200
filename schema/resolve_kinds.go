// The kinds pass: entity or complex, from keys, operations, navigation
// targets and the base chain.

package schema

import (
	"strings"
)

// inferKinds decides entity or complex. Entities are the root entity
// type, types with a key (unless other pages use them only as structural
// property types), types with REST operations (a Methods table), types a
// navigation property targets, and every type derived from one of them; a
// base of an entity is an entity too.
func (r *resolver) inferKinds() {
	entity := map[*Type]bool{}
	structural, navigation := map[*Type]bool{}, map[*Type]bool{}
	for _, e := range r.order {
		for _, pe := range e.props {
			if ref := pe.prop.Ref; ref != nil && ref.Kind != Enum {
				if pe.prop.Navigation {
					navigation[ref] = true
				} else {
					structural[ref] = true
				}
			}
		}
	}
	// structuralOnly: the type or one of its bases is used only as a
	// structural property's type.
	structuralOnly := func(t *Type) bool {
		for b := range t.Lineage() {
			if structural[b] && !navigation[b] {
				return true
			}
		}
		return false
	}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			continue
		}
		// A key alone does not make an entity of a type other pages only
		// use as a structural property's type: that is what complex
		// types are for.
		keyed := e.t.KeyProperty != "" && !structuralOnly(e.t)
		if strings.EqualFold(e.t.Name, entityName) || keyed || hasMethods(e) || navigation[e.t] {
			entity[e.t] = true
		}
	}
	// Up: every base of an entity.
	for t := range entity {
		for b := range t.Ancestors() {
			if entity[b] {
				break
			}
			entity[b] = true
		}
	}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			continue
		}
		for t := range e.t.Lineage() {
			if entity[t] {
				e.t.Kind = Entity
				break
			}
		}
	}
}

// hasMethods reports a type whose page lists REST operations on it: only
// entities are addressable.
func hasMethods(e *entry) bool {
	for _, td := range e.tdocs {
		if td.doc.HasMethods {
			return true
		}
	}
	return false
}
