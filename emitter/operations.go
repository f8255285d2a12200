// The operation table (operations.go): each documented operation's kind,
// paths, binding, permissions, and its body and result as Go types, for
// the runtime's Operations and LookupOperation.

package emitter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen/graphgen/schema"
)

// operationsFile holds the table; the naming module keeps the name free.
const operationsFile = "operations.go"

// renderOperationFiles renders the table, the action bodies and, with
// Options.Client, the client's methods and paths.
func renderOperationFiles(s *schema.Schema, opts Options) ([]File, error) {
	table, err := renderOperations(s, opts)
	if err != nil {
		return nil, err
	}
	files := []File{table}
	bodies, ok, err := renderBodies(s, opts)
	if err != nil {
		return nil, err
	}
	if ok {
		files = append(files, bodies)
	}
	if opts.Client {
		client, err := renderClient(s, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, client...)
	}
	return files, nil
}

// renderOperations renders the table, empty where no API page was read:
// the runtime reads it in every package.
func renderOperations(s *schema.Schema, opts Options) (File, error) {
	f := jen.NewFile(opts.Package)
	f.HeaderComment(Header)
	f.Comment("operations lists the documented operations, sorted by GoName (the schema sorted them).")
	var entries []jen.Code
	for _, o := range s.Operations {
		entries = append(entries, operationEntry(s, o))
	}
	f.Var().Id("operations").Op("=").Index().Id("OperationSpec").Values(entries...)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("rendering %s: %w", operationsFile, err)
	}
	return File{Name: operationsFile, Content: buf.Bytes()}, nil
}

// operationEntry is one OperationSpec literal. Every string from a page
// is a Go string literal (jen.Lit quotes it); the Go types are the
// schema's names.
func operationEntry(s *schema.Schema, o *schema.Operation) jen.Code {
	fields := jen.Dict{
		jen.Id("GoName"): jen.Lit(o.GoName),
		jen.Id("Name"):   jen.Lit(o.Name),
		jen.Id("Kind"):   jen.Lit(string(o.Kind)),
	}
	var reqs []jen.Code
	for _, r := range o.Requests {
		reqs = append(reqs, jen.Values(jen.Dict{jen.Id("Method"): jen.Lit(r.Method), jen.Id("Path"): jen.Lit(r.Path)}))
	}
	if len(reqs) > 0 {
		fields[jen.Id("Requests")] = jen.Index().Id("RequestSpec").Values(reqs...)
	}
	if o.Binding != nil {
		fields[jen.Id("Binding")] = jen.Lit(o.Binding.Type)
		if o.Binding.Collection {
			fields[jen.Id("BindingCollection")] = jen.True()
		}
		if t := structOf(s, o.Binding.Type); t != nil {
			fields[jen.Id("binding")] = nilPointer(jen.Id(t.GoName))
		}
	}
	if o.Returns != nil {
		fields[jen.Id("Returns")] = jen.Lit(refText(o.Returns))
		if elem, envelope := resultType(s, o.Returns); elem != nil {
			fields[jen.Id("result")] = nilPointer(elem)
			if envelope != "" {
				fields[jen.Id("Envelope")] = jen.Lit(envelope)
			}
		}
	}
	if b := bodyType(s, o); b != nil {
		fields[jen.Id("body")] = nilPointer(b)
	}
	if p := o.Permissions; p != nil {
		kinds := jen.Dict{}
		for name, list := range map[string][]string{"DelegatedWork": p.DelegatedWork, "DelegatedPersonal": p.DelegatedPersonal, "Application": p.Application} {
			if len(list) > 0 {
				kinds[jen.Id(name)] = scopes(list)
			}
		}
		fields[jen.Id("Permissions")] = jen.Op("&").Id("PermissionSpec").Values(kinds)
	}
	return jen.Values(fields)
}

func scopes(list []string) jen.Code {
	var lits []jen.Code
	for _, s := range list {
		lits = append(lits, jen.Lit(s))
	}
	return jen.Index().String().Values(lits...)
}

// nilPointer is (*T)(nil): a Go type held as data, statically.
func nilPointer(t jen.Code) jen.Code {
	return jen.Parens(jen.Op("*").Add(t)).Call(jen.Nil())
}

// refText writes a type reference as the docs do: Collection(x) for a
// collection.
func refText(r *schema.TypeRef) string {
	if r.Collection {
		return "Collection(" + r.Type + ")"
	}
	return r.Type
}

// structOf is the struct type named, or nil for an enum, a primitive, the
// type that stands for any JSON, or a type no page describes.
func structOf(s *schema.Schema, name string) *schema.Type {
	t := s.Lookup(name)
	if t == nil || t.Kind == schema.Enum || t.AnyJSON() {
		return nil
	}
	return t
}

// valueType is the Go type of one value of the named type, as a field of
// it holds it (a type's interface where it has derived types); nil for
// Edm.Stream, which is no JSON.
func valueType(s *schema.Schema, name string) *jen.Statement {
	elem, _ := elemType(&schema.Property{Type: name, Ref: s.Lookup(name)})
	return elem
}

// resultType is the Go type of the values a response holds, and the
// envelope they come in: "Collection" for a collection, "Value" for one
// primitive or enum value ({"value": x}), none for an entity or complex
// type (its struct or interface), the type that stands for any JSON and
// types no page describes (raw JSON). nil for a stream.
//
// The table names the element, not Collection[T]: an instantiation per
// type returned made the en-2020-05 beta package take 1.7 times the CPU
// and memory to compile (BENCHMARKS.md).
func resultType(s *schema.Schema, r *schema.TypeRef) (elem jen.Code, envelope string) {
	e := valueType(s, r.Type)
	if e == nil {
		return nil, ""
	}
	t := s.Lookup(r.Type)
	switch {
	case r.Collection:
		return e, "Collection"
	case structOf(s, r.Type) != nil || t != nil && t.AnyJSON():
		return e, ""
	case t == nil && !strings.HasPrefix(r.Type, "Edm."):
		return e, "" // raw JSON: no page describes it
	}
	return e, "Value"
}

// bodyType is the Go type of the request body: an action's body struct, the
// struct a create or update sends; nil where there is none.
func bodyType(s *schema.Schema, o *schema.Operation) jen.Code {
	switch {
	case o.BodyGoName != "":
		return jen.Id(o.BodyGoName)
	case (o.Kind == schema.OpCreate || o.Kind == schema.OpUpdate) && o.Binding != nil:
		if t := structOf(s, o.Binding.Type); t != nil {
			return jen.Id(t.GoName)
		}
	}
	return nil
}
