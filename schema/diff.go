// Comparing two schemas: every change at the schema level, with what it
// means for the generated Go package (breaking or not) and where it is.

package schema

import (
	"sort"
	"strconv"
	"strings"
)

// Change is one difference between two schemas.
type Change struct {
	Change   string `json:"change"`           // added, removed, changed
	Element  string `json:"element"`          // type, property, member, go-name, description
	Aspect   string `json:"aspect,omitempty"` // what changed: kind, base, abstract, open, flags, type, navigation, wire-name, value
	Name     string `json:"name"`             // qualified: microsoft.graph.calendar.canEdit
	Type     string `json:"type"`             // the qualified type the change is in
	Go       string `json:"go"`               // the Go identifier: Calendar, Calendar.CanEdit, CalendarColorAuto
	Old      string `json:"old"`
	New      string `json:"new"`
	Breaking bool   `json:"breaking"`
	At       string `json:"at"` // path:line in the new pages, or in the old for a removal
}

// The elements a change is about.
const (
	ElemType        = "type"
	ElemProperty    = "property"
	ElemMember      = "member"
	ElemGoName      = "go-name"
	ElemDescription = "description"
)

// Diff returns every change from old to new: types by qualified name,
// properties by wire name (a case-only difference is a wire-name change),
// members by name; then the operations, their parameters and permissions,
// and the entry points (diff_operations.go). Order: by type, then
// element, then name; the operations' after the types'.
func Diff(old, new *Schema) []Change { return DiffWith(old, new, DiffOptions{}) }

// DiffWith compares as Diff does, with a side that is a service's metadata
// marked (the operations are compared as diff_operations.go says then).
func DiffWith(old, new *Schema, o DiffOptions) []Change {
	var out []Change
	oldTypes, newTypes := typesByName(old), typesByName(new)
	for _, name := range unionKeys(oldTypes, newTypes) {
		o, n := oldTypes[name], newTypes[name]
		switch {
		case o == nil:
			out = append(out, Change{Change: "added", Element: ElemType, Name: name, Type: name, Go: n.GoName,
				New: kindWord(n), At: n.Source})
		case n == nil:
			out = append(out, Change{Change: "removed", Element: ElemType, Name: name, Type: name, Go: o.GoName,
				Old: kindWord(o), Breaking: true, At: o.Source})
		default:
			out = append(out, diffType(o, n)...)
		}
	}
	return append(out, diffOperations(old, new, o)...)
}

func typesByName(s *Schema) map[string]*Type {
	m := make(map[string]*Type, len(s.Types))
	for _, t := range s.Types {
		m[t.Name] = t
	}
	return m
}

func unionKeys[V any](a, b map[string]V) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// kindWord says what a type renders as: an enum, or a struct (entity or
// complex).
func kindWord(t *Type) string { return string(t.Kind) }

func baseOf(t *Type) string {
	if t.Base == nil {
		return ""
	}
	return *t.Base
}

func boolWord(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func diffType(o, n *Type) []Change {
	var out []Change
	at := n.Source
	changed := func(aspect, ov, nv string, breaking bool) {
		out = append(out, Change{Change: "changed", Element: ElemType, Aspect: aspect, Name: n.Name, Type: n.Name, Go: n.GoName,
			Old: ov, New: nv, Breaking: breaking, At: at})
	}
	if o.Kind != n.Kind {
		// Entity and complex types render alike (structs); an enum is a
		// string type: between the two, every use stops compiling.
		changed("kind", string(o.Kind), string(n.Kind), (o.Kind == Enum) != (n.Kind == Enum))
	}
	if ob, nb := baseOf(o), baseOf(n); ob != nb {
		// A new base only adds an embedded struct; losing or swapping one
		// takes away promoted fields and methods.
		at = n.sourceOf("base")
		changed("base", ob, nb, ob != "")
		at = n.Source
	}
	if o.Abstract != n.Abstract {
		changed("abstract", boolWord(o.Abstract), boolWord(n.Abstract), false)
	}
	if o.OpenType != n.OpenType {
		changed("open", boolWord(o.OpenType), boolWord(n.OpenType), false)
	}
	if o.Flags != n.Flags {
		// A flags enum has Split; a plain one does not.
		changed("flags", boolWord(o.Flags), boolWord(n.Flags), o.Flags)
	}
	if o.GoName != n.GoName {
		out = append(out, Change{Change: "changed", Element: ElemGoName, Name: n.Name, Type: n.Name, Go: n.GoName,
			Old: o.GoName, New: n.GoName, Breaking: true, At: n.sourceOf("goName")})
	}
	if o.GoInterface != n.GoInterface {
		// The interface comes with the first derived type and goes with the
		// last: every field declared with the type changes its Go type.
		out = append(out, Change{Change: "changed", Element: ElemGoName, Aspect: "interface", Name: n.Name, Type: n.Name, Go: n.GoName,
			Old: o.GoInterface, New: n.GoInterface, Breaking: true, At: at})
	}
	if strings.TrimSpace(o.Description) != strings.TrimSpace(n.Description) {
		out = append(out, Change{Change: "changed", Element: ElemDescription, Name: n.Name, Type: n.Name, Go: n.GoName,
			Old: o.Description, New: n.Description, At: at})
	}
	out = append(out, diffProperties(o, n)...)
	out = append(out, diffMembers(o, n)...)
	out = append(out, diffGoFields(o, n, out)...)
	return out
}

// typeExpr says a property's type as the docs do: "Edm.String",
// "Collection(microsoft.graph.event)".
func typeExpr(p *Property) string {
	if p.Collection {
		return "Collection(" + p.Type + ")"
	}
	return p.Type
}

func diffProperties(o, n *Type) []Change {
	var out []Change
	index := func(t *Type) map[string]*Property {
		m := make(map[string]*Property, len(t.Properties))
		for _, p := range t.Properties {
			m[strings.ToLower(p.Name)] = p
		}
		return m
	}
	op, np := index(o), index(n)
	for _, key := range unionKeys(op, np) {
		a, b := op[key], np[key]
		switch {
		case a == nil:
			out = append(out, Change{Change: "added", Element: ElemProperty, Name: n.Name + "." + b.Name, Type: n.Name,
				Go: n.GoName + "." + b.GoName, New: typeExpr(b), At: b.Source})
		case b == nil:
			out = append(out, Change{Change: "removed", Element: ElemProperty, Name: o.Name + "." + a.Name, Type: n.Name,
				Go: o.GoName + "." + a.GoName, Old: typeExpr(a), Breaking: true, At: a.Source})
		default:
			name, goName := n.Name+"."+b.Name, n.GoName+"."+b.GoName
			changed := func(aspect, ov, nv string, breaking bool) {
				out = append(out, Change{Change: "changed", Element: ElemProperty, Aspect: aspect, Name: name, Type: n.Name,
					Go: goName, Old: ov, New: nv, Breaking: breaking, At: b.Source})
			}
			if a.Name != b.Name {
				// The JSON tag changes: the old spelling no longer decodes.
				changed("wire-name", a.Name, b.Name, true)
			}
			if typeExpr(a) != typeExpr(b) {
				changed("type", typeExpr(a), typeExpr(b), true)
			}
			if a.Navigation != b.Navigation {
				changed("navigation", boolWord(a.Navigation), boolWord(b.Navigation), false)
			}
			if a.GoName != b.GoName {
				out = append(out, Change{Change: "changed", Element: ElemGoName, Name: name, Type: n.Name, Go: goName,
					Old: o.GoName + "." + a.GoName, New: goName, Breaking: true, At: b.Source})
			}
			if strings.TrimSpace(a.Description) != strings.TrimSpace(b.Description) {
				out = append(out, Change{Change: "changed", Element: ElemDescription, Name: name, Type: n.Name, Go: goName,
					Old: a.Description, New: b.Description, At: b.Source})
			}
		}
	}
	return out
}

func valueWord(v *int64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

func diffMembers(o, n *Type) []Change {
	var out []Change
	index := func(t *Type) map[string]*Member {
		m := make(map[string]*Member, len(t.Members))
		for _, x := range t.Members {
			m[x.Name] = x
		}
		return m
	}
	om, nm := index(o), index(n)
	for _, key := range unionKeys(om, nm) {
		a, b := om[key], nm[key]
		name := n.Name + "." + key
		switch {
		case a == nil:
			out = append(out, Change{Change: "added", Element: ElemMember, Name: name, Type: n.Name, Go: b.GoName,
				New: valueWord(b.Value), At: b.Source})
		case b == nil:
			// The constant goes, and the value no longer decodes as a
			// known member.
			out = append(out, Change{Change: "removed", Element: ElemMember, Name: name, Type: n.Name, Go: a.GoName,
				Old: valueWord(a.Value), Breaking: true, At: a.Source})
		default:
			if valueWord(a.Value) != valueWord(b.Value) {
				// Members travel by name; the number is documentation.
				out = append(out, Change{Change: "changed", Element: ElemMember, Aspect: "value", Name: name, Type: n.Name,
					Go: b.GoName, Old: valueWord(a.Value), New: valueWord(b.Value), At: b.Source})
			}
			if a.GoName != b.GoName {
				out = append(out, Change{Change: "changed", Element: ElemGoName, Name: name, Type: n.Name, Go: b.GoName,
					Old: a.GoName, New: b.GoName, Breaking: true, At: b.Source})
			}
			if strings.TrimSpace(a.Description) != strings.TrimSpace(b.Description) {
				out = append(out, Change{Change: "changed", Element: ElemDescription, Name: name, Type: n.Name, Go: b.GoName,
					Old: a.Description, New: b.Description, At: b.Source})
			}
		}
	}
	return out
}
