// The operations and entry points of a document in the form a run over
// pages gives them: each action and function overload an operation (its
// name without the namespace, its binding, parameters and return type),
// each entity set and singleton an entry point. What a CSDL does not say
// is left unset: a parameter's "required" (Nullable says whether null is
// allowed, not whether the parameter may be left out), requests (paths are
// the docs'), permissions.

package csdl

import (
	"strings"

	"github.com/docgen/graphgen/schema"
)

// operations maps the model's actions, functions, entity sets and
// singletons; imports name an unbound operation, which is one already.
func (m *Model) operations() ([]*schema.Operation, []*schema.EntryPoint) {
	var ops []*schema.Operation
	for _, o := range m.Operations {
		op := &schema.Operation{
			Name:   shortName(o.Name),
			Kind:   schema.OpAction,
			Source: m.source(o.Pos),
		}
		if o.Kind == Function {
			op.Kind = schema.OpFunction
		}
		if o.Bound && o.Binding != nil {
			op.Binding = &schema.TypeRef{Type: o.Binding.Type, Collection: o.Binding.Collection}
		}
		if o.Return != nil {
			op.Returns = &schema.TypeRef{Type: o.Return.Type, Collection: o.Return.Collection}
		}
		for _, p := range o.Parameters {
			op.Parameters = append(op.Parameters, &schema.Parameter{Name: p.Name, Type: p.Type, Collection: p.Collection, Source: op.Source})
		}
		ops = append(ops, op)
	}
	var entries []*schema.EntryPoint
	for _, e := range m.EntryPoints {
		var kind string
		switch e.Kind {
		case EntitySet:
			kind = schema.EntitySet
		case Singleton:
			kind = schema.Singleton
		default:
			continue
		}
		entries = append(entries, &schema.EntryPoint{Name: e.Name, Kind: kind, Type: e.Type, Source: m.source(e.Pos)})
	}
	return ops, entries
}

// shortName is a qualified name without its namespace.
func shortName(q string) string {
	return q[strings.LastIndexByte(q, '.')+1:]
}
