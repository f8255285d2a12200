// The schema of a document's types, in the form a run over pages gives it,
// so that gen diff compares the two: qualified names, Edm names, element
// types with a collection flag, positions as path:line.

package csdl

import (
	"strconv"

	"github.com/docgen/graphgen/schema"
)

// Schema returns the schema of the model's types, actions, functions
// and entry points (toschema_operations.go), linked and with Go names. It
// holds no descriptions: the service's metadata is not documentation, and
// gen diff does not compare them with the docs'.
func (m *Model) Schema() *schema.Schema {
	types := make([]*schema.Type, 0, len(m.Types))
	for _, t := range m.Types {
		st := &schema.Type{
			Name:     t.Name,
			Kind:     schema.Kind(t.Kind),
			Abstract: t.Abstract,
			OpenType: t.OpenType,
			Flags:    t.IsFlags,
			Source:   m.source(t.Pos),
		}
		if t.Base != "" {
			base := t.Base
			st.Base = &base
		}
		if len(t.Key) == 1 {
			st.KeyProperty = t.Key[0]
		}
		for _, p := range t.Properties {
			st.Properties = append(st.Properties, &schema.Property{
				Name:       p.Name,
				Type:       p.Type,
				Collection: p.Collection,
				Navigation: p.Navigation,
				Nullable:   p.Nullable,
				Source:     m.source(p.Pos),
			})
		}
		for _, mb := range t.Members {
			st.Members = append(st.Members, &schema.Member{Name: mb.Name, Value: mb.Value, Source: m.source(mb.Pos)})
		}
		types = append(types, st)
	}
	ops, entries := m.operations()
	return schema.FromModel(types, ops, entries)
}

// source is a position as schema sources give it: path:line.
func (m *Model) source(p Pos) string { return m.File + ":" + strconv.Itoa(p.Line) }
