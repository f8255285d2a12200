// Reading the XML of a CSDL document as a stream of tokens into the model:
// the elements gen uses, with their positions; names are qualified once
// the whole document is read (resolve.go), as an alias may be declared
// after its first use.

package csdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// The XML namespaces of CSDL 4.0 and 4.01 (both versions share them).
const (
	edmxNS = "http://docs.oasis-open.org/odata/ns/edmx"
	edmNS  = "http://docs.oasis-open.org/odata/ns/edm"
)

// oldNamespacePrefix begins the namespaces of the OData 2 and 3 metadata
// documents (CSDL 1.0 to 3.0), whose elements mean other things.
const oldNamespacePrefix = "http://schemas.microsoft.com/ado/"

// maxDepth bounds how deep elements nest: a real $metadata nests about ten
// deep (annotation records in annotations); a deeper document is refused
// rather than held on a stack without end.
const maxDepth = 256

// context is what an open element is to the reader, and so what its
// children can be.
type context int

const (
	skipped context = iota // an element gen does not read, and everything inside it
	inEdmx
	inReference
	inDataServices
	inSchema
	inStructured // EntityType, ComplexType
	inKey
	inEnum
	inOperation // Action, Function
	inContainer
	leaf // Property, Member, Parameter, ...: what is inside (annotations) is not read
)

type reader struct {
	file   string
	dec    *xml.Decoder
	m      *Model
	diags  diag.List
	failed bool
	stack  []context

	sawRoot, sawDataServices bool
	encoding                 string // declared by the XML declaration, when not UTF-8
	aliases                  aliases
	aliasAt                  map[string]Pos
	included                 map[string]bool // namespaces an edmx:Include names
	typeDefs                 map[string]*typeDef

	// The element being read.
	namespace string // of the Schema
	typ       *Type
	enum      enumState
	op        *Operation
	container string
}

// typeDef is a TypeDefinition: properties of its type are of its
// underlying primitive type, as the docs write them.
type typeDef struct {
	underlying string // as written
	pos        Pos
}

// enumState tells whether the members of the enum being read declare
// their values, which CSDL wants of all or of none.
type enumState struct {
	valued, unvalued []*Member
}

// Read reads the CSDL document data; file names it in positions. A
// document that is no CSDL 4.0 or 4.01 gives no model and an error; else
// the model comes with warnings for what it holds that gen cannot use
// (skipped or worked around, as each says).
func Read(file string, data []byte) (*Model, diag.List) {
	r := &reader{
		file:     file,
		m:        &Model{File: file},
		aliases:  aliases{},
		aliasAt:  map[string]Pos{},
		included: map[string]bool{},
		typeDefs: map[string]*typeDef{},
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		r.fail(Pos{1, 1}, "the file is UTF-16 (it begins with a UTF-16 byte order mark); gen reads CSDL in UTF-8")
		return nil, r.diags
	}
	r.dec = xml.NewDecoder(bytes.NewReader(data))
	r.dec.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		r.encoding = label
		return nil, errors.New("not UTF-8")
	}
	r.read()
	if r.failed {
		return nil, r.diags
	}
	r.resolve()
	r.diags.Sort()
	return r.m, r.diags
}

func (r *reader) at(p Pos) diag.Pos { return diag.At(r.file, p.Line, p.Col) }

// fail reports that the document is no CSDL gen reads, and stops reading.
func (r *reader) fail(p Pos, format string, args ...any) {
	r.diags.Error(r.at(p), diag.NotCSDL, format, args...)
	r.failed = true
}

func (r *reader) warn(p Pos, format string, args ...any) {
	r.diags.Warn(r.at(p), diag.BadCSDL, format, args...)
}

func (r *reader) read() {
	for !r.failed {
		at := r.pos()
		tok, err := r.dec.Token()
		if err != nil {
			r.readFailed(err)
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(r.stack) >= maxDepth {
				r.fail(at, "elements nest deeper than %d; a CSDL document nests about ten deep", maxDepth)
				return
			}
			r.stack = append(r.stack, r.start(t, at))
		case xml.EndElement:
			r.end(r.stack[len(r.stack)-1])
			r.stack = r.stack[:len(r.stack)-1]
			if len(r.stack) == 0 {
				r.finish()
				return // what follows the root element is not read
			}
		}
	}
}

// pos is where the decoder is: the start of the next token. Just past a
// line break the decoder counts column 0; that is column 1.
func (r *reader) pos() Pos {
	line, col := r.dec.InputPos()
	return Pos{max(line, 1), max(col, 1)}
}

// readFailed reports the end of the tokens: the end of the file before a
// root element, or XML that is not well-formed.
func (r *reader) readFailed(err error) {
	at := r.pos()
	line, col := at.Line, at.Col
	var syntax *xml.SyntaxError
	switch {
	case errors.Is(err, io.EOF) && !r.sawRoot:
		r.fail(Pos{1, 1}, "no root element: the file holds no XML element, where a CSDL document is one edmx:Edmx element")
	case r.encoding != "":
		r.fail(Pos{line, col}, "the file declares encoding %q; gen reads CSDL in UTF-8", clip(r.encoding))
	case errors.As(err, &syntax) && syntax.Msg == "unexpected EOF":
		r.fail(Pos{line, col}, "XML syntax error: the file ends before its elements are closed (cut short?)")
	case errors.As(err, &syntax):
		if syntax.Line != line {
			col = 1
		}
		r.fail(Pos{max(syntax.Line, 1), col}, "XML syntax error: %s", syntax.Msg)
	default:
		r.fail(Pos{line, col}, "%v", err)
	}
}

// attr returns the value of the element's attribute without a namespace.
func attr(el xml.StartElement, name string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// flag reads a boolean attribute, def when absent; a value other than true
// or false is warned of and taken as def.
func (r *reader) flag(el xml.StartElement, name string, def bool, at Pos) bool {
	v, ok := attr(el, name)
	switch {
	case !ok:
		return def
	case v == "true":
		return true
	case v == "false":
		return false
	}
	r.warn(at, "%s=%q on <%s> is not true or false; taken as %t", name, v, el.Name.Local, def)
	return def
}

// name reads the Name attribute of a declaration, warning when it is no
// simple identifier (the element is then skipped).
func (r *reader) name(el xml.StartElement, at Pos) (string, bool) {
	n, ok := attr(el, "Name")
	switch {
	case !ok:
		r.warn(at, "<%s> has no Name; skipped", el.Name.Local)
	case !simpleIdentifier(n):
		r.warn(at, "<%s> Name %q is not a CSDL identifier (a letter or _, then letters, digits or _, at most %d); skipped",
			el.Name.Local, clip(n), maxIdentifier)
	default:
		return n, true
	}
	return "", false
}

// clip shortens a value for a message.
func clip(s string) string {
	const most = 60
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// start reads an opening tag and returns what the element is to the
// reader.
func (r *reader) start(el xml.StartElement, at Pos) context {
	if len(r.stack) == 0 {
		return r.root(el, at)
	}
	parent := r.stack[len(r.stack)-1]
	switch {
	case parent == skipped || parent == leaf:
		return skipped
	case parent == inEdmx || parent == inReference:
		if el.Name.Space != edmxNS {
			return skipped
		}
	case el.Name.Space != edmNS:
		if parent == inDataServices && el.Name.Local == "Schema" && strings.HasPrefix(el.Name.Space, oldNamespacePrefix) {
			r.fail(at, "<Schema> of namespace %q is OData 2 or 3 metadata (CSDL 1.0 to 3.0); gen reads CSDL 4.0 and 4.01 (%s)", el.Name.Space, edmNS)
		}
		return skipped
	}
	switch parent {
	case inEdmx:
		switch el.Name.Local {
		case "Reference":
			return inReference
		case "DataServices":
			r.sawDataServices = true
			return inDataServices
		}
	case inReference:
		if el.Name.Local == "Include" {
			r.include(el, at)
			return leaf
		}
	case inDataServices:
		if el.Name.Local == "Schema" {
			return r.schema(el, at)
		}
	case inSchema:
		return r.schemaChild(el, at)
	case inStructured:
		switch el.Name.Local {
		case "Key":
			return inKey
		case "Property", "NavigationProperty":
			r.property(el, at)
			return leaf
		}
	case inKey:
		if el.Name.Local == "PropertyRef" && r.typ != nil {
			if n, ok := attr(el, "Name"); ok {
				r.typ.Key = append(r.typ.Key, n)
			}
		}
	case inEnum:
		if el.Name.Local == "Member" {
			r.member(el, at)
			return leaf
		}
	case inOperation:
		switch el.Name.Local {
		case "Parameter", "ReturnType":
			r.parameter(el, at)
			return leaf
		}
	case inContainer:
		r.entryPoint(el, at)
		return leaf
	}
	return skipped
}

// root checks that the document is an edmx:Edmx of version 4.
func (r *reader) root(el xml.StartElement, at Pos) context {
	r.sawRoot = true
	switch {
	case el.Name.Local == "Edmx" && strings.HasPrefix(el.Name.Space, oldNamespacePrefix):
		r.fail(at, "the root element is of namespace %q: OData 2 or 3 metadata (CSDL 1.0 to 3.0); gen reads CSDL 4.0 and 4.01 (%s)", el.Name.Space, edmxNS)
	case el.Name.Local != "Edmx" || el.Name.Space != edmxNS:
		r.fail(at, "the root element is <%s>, not <edmx:Edmx> of namespace %s: this is no CSDL $metadata document", qname(el.Name), edmxNS)
	default:
		r.m.Version, _ = attr(el, "Version")
		if r.m.Version != "4.0" && r.m.Version != "4.01" {
			r.warn(at, "edmx:Edmx Version is %q; gen reads CSDL 4.0 and 4.01, and reads this as those", clip(r.m.Version))
		}
	}
	return inEdmx
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return clip(n.Local)
	}
	return clip(n.Space) + " " + clip(n.Local)
}

// finish checks, once the root is closed, that the document declared a
// schema.
func (r *reader) finish() {
	switch {
	case !r.sawDataServices:
		r.fail(Pos{1, 1}, "edmx:Edmx holds no edmx:DataServices: the document declares no schema")
	case len(r.m.Schemas) == 0:
		r.fail(Pos{1, 1}, "edmx:DataServices holds no Schema of namespace %s: the document declares no schema", edmNS)
	}
}

// alias records an alias of a namespace, for the whole document.
func (r *reader) alias(alias, namespace string, at Pos) {
	switch {
	case !simpleIdentifier(alias) || alias == edmNamespace:
		r.warn(at, "Alias %q is not a CSDL identifier; names written with it stay as written", clip(alias))
	case r.aliases[alias] != "" && r.aliases[alias] != namespace:
		first := r.aliasAt[alias]
		r.warn(at, "Alias %q is declared again, for %s; it stays the alias of %s (line %d)", alias, namespace, r.aliases[alias], first.Line)
	default:
		r.aliases[alias], r.aliasAt[alias] = namespace, at
	}
}

// include reads an edmx:Include: a namespace of a referenced document,
// whose types this one may name, perhaps by an alias.
func (r *reader) include(el xml.StartElement, at Pos) {
	ns, _ := attr(el, "Namespace")
	if !namespaceName(ns) {
		r.warn(at, "edmx:Include Namespace %q is not a namespace name; skipped", clip(ns))
		return
	}
	r.included[ns] = true
	if a, ok := attr(el, "Alias"); ok {
		r.alias(a, ns, at)
	}
}

func (r *reader) schema(el xml.StartElement, at Pos) context {
	ns, _ := attr(el, "Namespace")
	if !namespaceName(ns) || ns == edmNamespace {
		r.warn(at, "Schema Namespace %q is not a namespace name; the schema is skipped", clip(ns))
		return skipped
	}
	info := SchemaInfo{Namespace: ns, Line: at.Line}
	if a, ok := attr(el, "Alias"); ok {
		info.Alias = a
		r.alias(a, ns, at)
	}
	r.m.Schemas = append(r.m.Schemas, info)
	r.namespace = ns
	return inSchema
}

func (r *reader) schemaChild(el xml.StartElement, at Pos) context {
	local := el.Name.Local
	switch local {
	case "EntityType", "ComplexType", "EnumType", "TypeDefinition", "Action", "Function", "EntityContainer":
	default:
		return skipped // Term, Annotations, Annotation
	}
	n, ok := r.name(el, at)
	if !ok {
		return skipped
	}
	q := r.namespace + "." + n
	switch local {
	case "EntityType", "ComplexType":
		t := &Type{Name: q, Kind: EntityType, Pos: at}
		if local == "ComplexType" {
			t.Kind = ComplexType
		}
		t.Base, _ = attr(el, "BaseType")
		t.Abstract = r.flag(el, "Abstract", false, at)
		t.OpenType = r.flag(el, "OpenType", false, at)
		t.HasStream = r.flag(el, "HasStream", false, at)
		r.m.Types = append(r.m.Types, t)
		r.typ = t
		return inStructured
	case "EnumType":
		t := &Type{Name: q, Kind: EnumType, Pos: at, IsFlags: r.flag(el, "IsFlags", false, at)}
		r.m.Types = append(r.m.Types, t)
		r.typ, r.enum = t, enumState{}
		return inEnum
	case "TypeDefinition":
		u, _ := attr(el, "UnderlyingType")
		if prev := r.typeDefs[q]; prev != nil {
			r.warn(at, "TypeDefinition %s is declared again; the first (line %d) is kept", q, prev.pos.Line)
		} else {
			r.typeDefs[q] = &typeDef{underlying: u, pos: at}
		}
		return leaf
	case "Action", "Function":
		op := &Operation{Name: q, Kind: Action, Pos: at, Bound: r.flag(el, "IsBound", false, at)}
		if local == "Function" {
			op.Kind = Function
			op.Composable = r.flag(el, "IsComposable", false, at)
		}
		r.m.Operations = append(r.m.Operations, op)
		r.op = op
		return inOperation
	default: // EntityContainer
		r.container = q
		return inContainer
	}
}

func (r *reader) property(el xml.StartElement, at Pos) {
	n, ok := r.name(el, at)
	if !ok || r.typ == nil {
		return
	}
	p := &Property{Name: n, Navigation: el.Name.Local == "NavigationProperty", Pos: at}
	p.Type, _ = attr(el, "Type") // qualified in resolve
	p.Nullable = r.flag(el, "Nullable", true, at)
	p.Contained = p.Navigation && r.flag(el, "ContainsTarget", false, at)
	r.typ.Properties = append(r.typ.Properties, p)
}

func (r *reader) member(el xml.StartElement, at Pos) {
	n, ok := r.name(el, at)
	if !ok || r.typ == nil {
		return
	}
	m := &Member{Name: n, Pos: at}
	if v, ok := attr(el, "Value"); ok {
		x, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			r.warn(at, "member %s of %s has Value %q, which is no 64-bit integer; it is left without a value", n, r.typ.Name, clip(v))
		} else {
			m.Value = &x
		}
		r.enum.valued = append(r.enum.valued, m)
	} else {
		r.enum.unvalued = append(r.enum.unvalued, m)
	}
	r.typ.Members = append(r.typ.Members, m)
}

// endEnum gives the members of an enum that declares no values their
// places, as CSDL does; a mix of both, or a flags member without a value,
// is warned of and left without.
func (r *reader) endEnum() {
	t, e := r.typ, r.enum
	switch {
	case len(e.unvalued) == 0:
	case t.IsFlags:
		r.warn(e.unvalued[0].Pos, "member %s of the flags enum %s declares no Value, which CSDL requires of flags members; left without a value", e.unvalued[0].Name, t.Name)
	case len(e.valued) > 0:
		r.warn(e.unvalued[0].Pos, "member %s of %s declares no Value where others do (CSDL wants all or none); left without a value", e.unvalued[0].Name, t.Name)
	default:
		for i, m := range t.Members {
			v := int64(i)
			m.Value = &v
		}
	}
}

func (r *reader) parameter(el xml.StartElement, at Pos) {
	if r.op == nil {
		return
	}
	p := Parameter{Nullable: r.flag(el, "Nullable", true, at)}
	p.Type, _ = attr(el, "Type") // qualified in resolve
	if el.Name.Local == "ReturnType" {
		if r.op.Return != nil {
			r.warn(at, "%s %s has a second ReturnType; the first is kept", r.op.Kind, r.op.Name)
			return
		}
		r.op.Return = &p
		return
	}
	n, ok := r.name(el, at)
	if !ok {
		return
	}
	p.Name = n
	if r.op.Bound && r.op.Binding == nil {
		r.op.Binding = &p
		return
	}
	r.op.Parameters = append(r.op.Parameters, p)
}

// entryPointKinds are the children of an EntityContainer gen reads, and the
// attribute of each that names its type or operation.
var entryPointKinds = map[string]struct {
	kind EntryPointKind
	attr string
}{
	"EntitySet":      {EntitySet, "EntityType"},
	"Singleton":      {Singleton, "Type"},
	"ActionImport":   {ActionImport, "Action"},
	"FunctionImport": {FunctionImport, "Function"},
}

func (r *reader) entryPoint(el xml.StartElement, at Pos) {
	k, ok := entryPointKinds[el.Name.Local]
	if !ok {
		return
	}
	n, ok := r.name(el, at)
	if !ok {
		return
	}
	target, _ := attr(el, k.attr)
	r.m.EntryPoints = append(r.m.EntryPoints, &EntryPoint{Name: n, Kind: k.kind, Container: r.container, Type: target, Pos: at})
}

// end closes the element being read.
func (r *reader) end(c context) {
	switch c {
	case inEnum:
		r.endEnum()
		r.typ = nil
	case inStructured:
		r.typ = nil
	case inOperation:
		if r.op.Bound && r.op.Binding == nil {
			r.warn(r.op.Pos, "%s %s is bound but has no parameter to bind it", r.op.Kind, r.op.Name)
		}
		r.op = nil
	case inContainer:
		r.container = ""
	case inSchema:
		r.namespace = ""
	}
}
