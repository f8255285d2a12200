// The bodies of the actions that take parameters (operation_bodies.go): a
// struct per action, its parameters as fields, with the codec, nulls,
// Clone and additional data of every generated struct.

package emitter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen/graphgen/schema"
)

// bodiesFile holds the action bodies; the naming module keeps the name
// free.
const bodiesFile = "operation_bodies.go"

// renderBodies renders every action body; ok is false where no action has
// parameters (no file).
func renderBodies(s *schema.Schema, opts Options) (file File, ok bool, err error) {
	f := jen.NewFile(opts.Package)
	f.HeaderComment(Header)
	var methods strings.Builder
	for _, o := range s.Operations {
		if o.BodyGoName == "" {
			continue
		}
		ok = true
		bodyDecl(f, s, o)
		// Those of every struct but ODataType: a body has no @odata.type.
		valueMethods(&methods, o.BodyGoName, "parameters")
	}
	if !ok {
		return File{}, false, nil
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, false, fmt.Errorf("rendering %s: %w", bodiesFile, err)
	}
	buf.WriteString(methods.String())
	return File{Name: bodiesFile, Content: buf.Bytes()}, true, nil
}

// bodyDecl declares one action's body struct, with a doc comment that
// names the action and its paths, then the page's description.
func bodyDecl(f *jen.File, s *schema.Schema, o *schema.Operation) {
	var paths []string
	for _, r := range o.Requests {
		paths = append(paths, r.Method+" "+r.Path)
	}
	head := fmt.Sprintf("%s is the body of the %s action (%s): %s.", o.BodyGoName, o.Name, o.GoName, strings.Join(paths, ", "))
	for _, l := range commentLines(head, commentWidth) {
		f.Add(comment(l))
	}
	if lines := commentLines(o.Description, commentWidth); len(lines) > 0 {
		f.Add(comment(""))
		for _, l := range lines {
			f.Add(comment(l))
		}
	}
	fields := []jen.Code{jen.Id("Object")}
	for _, p := range o.Parameters {
		typ := fieldType(&schema.Property{Name: p.Name, Type: p.Type, Collection: p.Collection, Ref: s.Lookup(p.Type)})
		if typ == nil {
			continue // Edm.Stream: no JSON
		}
		for _, line := range commentLines(p.Description, commentWidth) {
			fields = append(fields, comment(line))
		}
		fields = append(fields, jen.Id(p.GoName).Add(typ).Tag(map[string]string{"json": p.Name + ",omitempty"}))
	}
	f.Type().Id(o.BodyGoName).Struct(fields...)
}
