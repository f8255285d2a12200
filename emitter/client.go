// The client's generated part (-client): a method on *Client per
// operation (operation_methods.go), and for an operation documented with
// several paths, the type and functions that choose one
// (operation_paths.go). The runtime's client files do the sending; a
// method builds its path, and names its body and result types.

package emitter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen/graphgen/schema"
)

// The client's files; the naming module keeps the names free.
const (
	methodsFile = "operation_methods.go"
	pathsFile   = "operation_paths.go"
)

// renderClient renders the client's methods, and its path types where an
// operation has several paths (else no operation_paths.go).
func renderClient(s *schema.Schema, opts Options) ([]File, error) {
	f := jen.NewFile(opts.Package)
	f.HeaderComment(Header)
	f.Comment("serviceRoot is the base URL a client sends to unless WithBaseURL says otherwise.")
	f.Const().Id("serviceRoot").Op("=").Lit(opts.ServiceRoot)
	paths := jen.NewFile(opts.Package)
	paths.HeaderComment(Header)
	choices := false
	for _, o := range s.Operations {
		if len(o.Requests) == 0 {
			continue
		}
		m := newClientMethod(s, o)
		m.declare(f)
		if o.PathGoName != "" {
			m.declarePaths(paths)
			choices = true
		}
	}
	files := []struct {
		name string
		f    *jen.File
	}{{methodsFile, f}}
	if choices {
		files = append(files, files[0])
		files[1].name, files[1].f = pathsFile, paths
	}
	var out []File
	for _, x := range files {
		var buf bytes.Buffer
		if err := x.f.Render(&buf); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", x.name, err)
		}
		out = append(out, File{Name: x.name, Content: buf.Bytes()})
	}
	return out, nil
}

// clientMethod is what one operation's method is made of.
type clientMethod struct {
	s *schema.Schema
	o *schema.Operation
	// paths are the distinct documented requests: one, or several that a
	// path type chooses among.
	paths []schema.Request
	body  jen.Code // the body's type: *T for a struct, any; nil for none
	patch bool     // an update: the body is sent as PatchBody(&T{}, body)
	// result: the values' Go type (nil: none, or a stream when
	// o.Returns is set), and the envelope (Collection, Value or "").
	result    *jen.Statement
	envelope  string
	iface     bool // result is a type's interface
	rawResult bool // result is raw JSON
}

func newClientMethod(s *schema.Schema, o *schema.Operation) *clientMethod {
	m := &clientMethod{s: s, o: o}
	for _, r := range o.Requests {
		if len(m.paths) == 0 || r.GoName != "" {
			m.paths = append(m.paths, r)
		}
	}
	if b := bodyType(s, o); b != nil {
		m.body = jen.Op("*").Add(b)
		m.patch = o.Kind == schema.OpUpdate
	} else if o.Kind != schema.OpAction && sendsBody(m.paths[0].Method) {
		m.body = jen.Any() // a $ref's {"@odata.id": ...}, a type no page describes
	}
	if o.Returns != nil {
		if e, env := resultType(s, o.Returns); e != nil {
			m.result, m.envelope = jen.Add(e), env
			t := s.Lookup(o.Returns.Type)
			m.iface = env == "" && t != nil && t.GoInterface != ""
			m.rawResult = env == "" && structOf(s, o.Returns.Type) == nil
		}
	}
	return m
}

func sendsBody(method string) bool {
	return method == "POST" || method == "PUT" || method == "PATCH"
}

// declare writes the method (and for a list, its page method).
func (m *clientMethod) declare(f *jen.File) {
	o := m.o
	var head []string
	for _, r := range m.paths {
		head = append(head, r.Method+" "+r.Path)
	}
	doc := fmt.Sprintf("%s sends %s (%s).", o.GoName, strings.Join(head, ", "), o.Name)
	if m.isList() {
		doc = fmt.Sprintf("%s lists every item of %s (%s), page after page; %s reads one page.", o.GoName, strings.Join(head, ", "), o.Name, o.PageGoName)
	}
	m.docComment(f, doc)
	params, pathExpr, methodExpr := m.signature()
	opts := jen.Id("opts").Op("...").Id("RequestOption")
	call := func(result jen.Code) *jen.Statement {
		body := jen.Nil()
		if m.body != nil {
			body = jen.Id("body")
		}
		if m.patch {
			return jen.Id("c").Dot("update").Call(jen.Id("ctx"), methodExpr, pathExpr, body, result, jen.Id("opts"))
		}
		return jen.Id("c").Dot("call").Call(jen.Id("ctx"), methodExpr, pathExpr, body, result, jen.Id("opts"))
	}
	recv := jen.Params(jen.Id("c").Op("*").Id("Client"))
	switch {
	case m.isList():
		seq := jen.Qual("iter", "Seq2").Types(m.result, jen.Error())
		f.Func().Add(recv).Id(o.GoName).Params(append(params, opts)...).Add(seq).Block(
			jen.Var().Id("seq").Add(seq),
			jen.Id("c").Dot("list").Call(jen.Op("&").Id("seq"), jen.Id("ctx"), pathExpr, jen.Id("opts")),
			jen.Return(jen.Id("seq")),
		)
		f.Comment(fmt.Sprintf("%s reads one page of %s: the first, or the one WithNextLink names.", o.PageGoName, o.GoName))
		f.Func().Add(recv).Id(o.PageGoName).Params(append(params, opts)...).Params(jen.Op("*").Id("Collection").Types(m.result), jen.Error()).Block(
			jen.Id("out").Op(":=").New(jen.Id("Collection").Types(m.result)),
			jen.Id("err").Op(":=").Id("c").Dot("page").Call(jen.Id("ctx"), pathExpr, jen.Id("out"), jen.Id("opts")),
			jen.If(jen.Id("failed").Call(jen.Id("err"))).Block(jen.Return(jen.Nil(), jen.Id("err"))),
			jen.Return(jen.Id("out"), jen.Id("err")),
		)
	case m.result == nil && o.Returns != nil: // a stream: the bytes
		f.Func().Add(recv).Id(o.GoName).Params(append(params, opts)...).Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Var().Id("out").Index().Byte(),
			jen.Id("err").Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out"), jen.Id("err")),
		)
	case m.result == nil:
		f.Func().Add(recv).Id(o.GoName).Params(append(params, opts)...).Error().Block(
			jen.Return(call(jen.Nil())),
		)
	case m.envelope == "Collection":
		m.pointerResult(f, recv, params, opts, jen.Id("Collection").Types(m.result), call, false)
	case m.envelope == "Value":
		f.Func().Add(recv).Id(o.GoName).Params(append(params, opts)...).Params(m.result, jen.Error()).Block(
			jen.Var().Id("out").Id("Value").Types(m.result),
			jen.Id("err").Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out").Dot("Value"), jen.Id("err")),
		)
	case m.iface || m.rawResult:
		f.Func().Add(recv).Id(o.GoName).Params(append(params, opts)...).Params(m.result, jen.Error()).Block(
			jen.Var().Id("out").Add(m.result),
			jen.Id("err").Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out"), jen.Id("err")),
		)
	default:
		m.pointerResult(f, recv, params, opts, m.result, call, true)
	}
}

// pointerResult writes a method that returns a *T, nil on an error (but a
// *DecodeError, which comes with the value); with nilWithoutBody, nil too
// when the service answers without a body (a PATCH's 204 No Content), not
// a zero value that reads as one.
func (m *clientMethod) pointerResult(f *jen.File, recv jen.Code, params []jen.Code, opts jen.Code, typ jen.Code, call func(jen.Code) *jen.Statement, nilWithoutBody bool) {
	declare, result := jen.Id("out").Op(":=").New(typ), jen.Id("out")
	if nilWithoutBody {
		declare, result = jen.Var().Id("out").Op("*").Add(typ), jen.Op("&").Id("out")
	}
	f.Func().Add(recv).Id(m.o.GoName).Params(append(params, opts)...).Params(jen.Op("*").Add(typ), jen.Error()).Block(
		declare,
		jen.Id("err").Op(":=").Add(call(result)),
		jen.If(jen.Id("failed").Call(jen.Id("err"))).Block(jen.Return(jen.Nil(), jen.Id("err"))),
		jen.Return(jen.Id("out"), jen.Id("err")),
	)
}

// isList: a GET that returns a collection, read page after page.
func (m *clientMethod) isList() bool { return m.o.PageGoName != "" && m.result != nil }

// signature is the method's parameters but the options, and the
// expressions of its path and HTTP method.
func (m *clientMethod) signature() (params []jen.Code, path, method jen.Code) {
	params = []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	if m.o.PathGoName != "" {
		params = append(params, jen.Id("path").Id(m.o.PathGoName))
		path, method = jen.Id("path").Dot("path"), jen.Id("path").Dot("method")
	} else {
		r := m.paths[0]
		params = append(params, m.pathParams(r)...)
		path, method = m.pathExpr(r), jen.Lit(r.Method)
	}
	if m.body != nil {
		params = append(params, jen.Id("body").Add(m.body))
	}
	return params, path, method
}

// pathParams are a path's placeholders as parameters: a key is a string,
// a function's argument is typed as the function's parameter is (any
// where the page gives no type, or a type that is not a primitive or an
// enum).
func (m *clientMethod) pathParams(r schema.Request) []jen.Code {
	var out []jen.Code
	for _, p := range r.Params {
		out = append(out, jen.Id(p.GoName).Add(m.paramType(p)))
	}
	return out
}

func (m *clientMethod) paramType(p schema.PathParam) jen.Code {
	if p.Argument == "" {
		return jen.String()
	}
	for _, fp := range m.o.Parameters {
		if fp.Name != p.Argument || fp.Collection {
			continue
		}
		t := m.s.Lookup(fp.Type)
		if t != nil && t.Kind != schema.Enum {
			break // a struct: its JSON
		}
		if e := valueType(m.s, fp.Type); e != nil && (t != nil || strings.HasPrefix(fp.Type, "Edm.")) {
			return e
		}
	}
	return jen.Any()
}

// pathExpr is the path with its placeholders' values in: the page's text
// between them as string literals, a key escaped (pathKey), an argument
// as an OData literal (funcArg).
func (m *clientMethod) pathExpr(r schema.Request) jen.Code {
	text := r.Path
	if !strings.HasPrefix(text, "/") {
		text = "/" + text
	}
	if len(text) > 1 {
		text = strings.TrimSuffix(text, "/") // POST /charts/ is POST /charts
	}
	var parts []jen.Code
	for _, p := range r.Params {
		i := strings.Index(text, p.Placeholder)
		if i < 0 {
			continue
		}
		if i > 0 {
			parts = append(parts, jen.Lit(text[:i]))
		}
		quoted := i > 0 && text[i-1] == '\'' && strings.HasPrefix(text[i+len(p.Placeholder):], "'")
		switch {
		case p.Argument != "":
			parts = append(parts, jen.Id("funcArg").Call(jen.Id(p.GoName)))
		case quoted: // '{x}': inside an OData string, its quotes doubled
			parts = append(parts, jen.Id("pathString").Call(jen.Id(p.GoName)))
		default:
			parts = append(parts, jen.Id("pathKey").Call(jen.Id(p.GoName)))
		}
		text = text[i+len(p.Placeholder):]
	}
	if text != "" || len(parts) == 0 {
		parts = append(parts, jen.Lit(text))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

// declarePaths writes the path type and its functions, one per path.
func (m *clientMethod) declarePaths(f *jen.File) {
	o := m.o
	var ctors []string
	for _, r := range m.paths {
		ctors = append(ctors, r.GoName)
	}
	m.docComment(f, fmt.Sprintf("%s chooses the path %s is sent to: %s.", o.PathGoName, o.GoName, strings.Join(ctors, ", ")), true)
	f.Type().Id(o.PathGoName).Struct(jen.List(jen.Id("method"), jen.Id("path")).String())
	for _, r := range m.paths {
		for _, l := range commentLines(fmt.Sprintf("%s is %s %s.", r.GoName, r.Method, r.Path), commentWidth) {
			f.Add(comment(l))
		}
		f.Func().Id(r.GoName).Params(m.pathParams(r)...).Id(o.PathGoName).Block(
			jen.Return(jen.Id(o.PathGoName).Values(jen.Lit(r.Method), m.pathExpr(r))),
		)
	}
}

// docComment writes a doc comment: the head, then the page's description
// (unless short is given).
func (m *clientMethod) docComment(f *jen.File, head string, short ...bool) {
	for _, l := range commentLines(head, commentWidth) {
		f.Add(comment(l))
	}
	if len(short) > 0 {
		return
	}
	if lines := commentLines(m.o.Description, commentWidth); len(lines) > 0 {
		f.Add(comment(""))
		for _, l := range lines {
			f.Add(comment(l))
		}
	}
}
