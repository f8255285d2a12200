package emitter

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema"
	"github.com/docgen/graphgen/templates"
)

func prop(name, typ string, collection bool) *schema.Property {
	return &schema.Property{Name: name, GoName: strings.ToUpper(name[:1]) + name[1:], Type: typ, Collection: collection, Nullable: true}
}

// fieldTypes renders t and returns each field's Go type as written, by
// field name ("" for the embedded base).
func fieldTypes(t *testing.T, f File) map[string]string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.ParseComments)
	require.NoError(t, err, string(f.Content))
	out := map[string]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		for _, fld := range st.Fields.List {
			var b bytes.Buffer
			require.NoError(t, format.Node(&b, token.NewFileSet(), fld.Type))
			name := ""
			if len(fld.Names) > 0 {
				name = fld.Names[0].Name
			}
			out[name] = b.String()
		}
		return false
	})
	return out
}

func renderOne(t *testing.T, s *schema.Schema) map[string]File {
	t.Helper()
	files, err := Render(s, Options{Package: "models"})
	require.NoError(t, err)
	byName := map[string]File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	return byName
}

// The mapping table of the end-to-end issue, row by row.
func TestFieldTypes(t *testing.T) {
	enum := &schema.Type{Name: "microsoft.graph.state", Kind: schema.Enum, GoName: "State", FileName: "state.go"}
	cplx := &schema.Type{Name: "microsoft.graph.address", Kind: schema.Complex, GoName: "Address", FileName: "address.go"}
	base := &schema.Type{Name: "microsoft.graph.base", Kind: schema.Entity, GoName: "Base", FileName: "base.go"}
	rows := []struct {
		p    *schema.Property
		want string
	}{
		{prop("s", "Edm.String", false), "*string"},
		{prop("g", "Edm.Guid", false), "*string"},
		{prop("b", "Edm.Boolean", false), "*bool"},
		{prop("i16", "Edm.Int16", false), "*int16"},
		{prop("i32", "Edm.Int32", false), "*int32"},
		{prop("i64", "Edm.Int64", false), "*int64"},
		{prop("u8", "Edm.Byte", false), "*uint8"},
		{prop("i8", "Edm.SByte", false), "*int8"},
		{prop("f32", "Edm.Single", false), "*float32"},
		{prop("f64", "Edm.Double", false), "*float64"},
		{prop("dec", "Edm.Decimal", false), "*json.Number"},
		{prop("ts", "Edm.DateTimeOffset", false), "*time.Time"},
		{prop("d", "Edm.Date", false), "*Date"},
		{prop("tod", "Edm.TimeOfDay", false), "*TimeOfDay"},
		{prop("dur", "Edm.Duration", false), "*Duration"},
		{prop("bin", "Edm.Binary", false), "[]byte"},
		{prop("js", "microsoft.graph.Json", false), "json.RawMessage"},
		{prop("unresolved", "microsoft.graph.nowhere", false), "json.RawMessage"},
		{&schema.Property{Name: "e", GoName: "E", Type: enum.Name, Ref: enum}, "*State"},
		{&schema.Property{Name: "c", GoName: "C", Type: cplx.Name, Ref: cplx}, "*Address"},
		{&schema.Property{Name: "n", GoName: "N", Type: base.Name, Ref: base, Navigation: true}, "*Base"},
		{&schema.Property{Name: "cs", GoName: "Cs", Type: cplx.Name, Ref: cplx, Collection: true}, "[]Address"},
		{&schema.Property{Name: "es", GoName: "Es", Type: enum.Name, Ref: enum, Collection: true}, "[]State"},
		{prop("ss", "Edm.String", true), "[]string"},
		{prop("bins", "Edm.Binary", true), "[][]byte"},
		{prop("tss", "Edm.DateTimeOffset", true), "[]time.Time"},
	}
	thing := &schema.Type{Name: "microsoft.graph.thing", Kind: schema.Entity, GoName: "Thing", FileName: "thing.go", BaseType: base}
	for _, r := range rows {
		thing.Properties = append(thing.Properties, r.p)
	}
	thing.Properties = append(thing.Properties, prop("stream", "Edm.Stream", false))
	s := &schema.Schema{Types: []*schema.Type{cplx, base, enum, thing}}
	files := renderOne(t, s)
	got := fieldTypes(t, files["thing.go"])
	assert.Equal(t, "Base", got[""], "the base struct is embedded")
	for _, r := range rows {
		assert.Equal(t, r.want, got[r.p.GoName], r.p.Type)
	}
	_, hasStream := got["Stream"]
	assert.False(t, hasStream, "Edm.Stream gets no field")
	assert.Contains(t, string(files["thing.go"].Content), "`json:\"s,omitempty\"`")
	typeCheck(t, files)
}

// typeCheck compiles the rendered package in memory with go/types.
func typeCheck(t *testing.T, files map[string]File) {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		pf, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		require.NoError(t, err, f.Name)
		parsed = append(parsed, pf)
	}
	conf := types.Config{Importer: importerFor(t)}
	_, err := conf.Check("models", fset, parsed, nil)
	require.NoError(t, err)
}

func TestEnumRendering(t *testing.T) {
	zero, one := int64(0), int64(1)
	e := &schema.Type{Name: "microsoft.graph.actionState", Kind: schema.Enum, GoName: "ActionState", FileName: "action_state.go",
		Description: "State of an action.",
		Members: []*schema.Member{
			{Name: "none", Value: &zero, GoName: "ActionStateNone", Description: "Nothing."},
			{Name: "active", Value: &one, GoName: "ActionStateActive", Deprecated: true},
		}}
	files := renderOne(t, &schema.Schema{Types: []*schema.Type{e}})
	src := string(files["action_state.go"].Content)
	assert.Contains(t, src, "type ActionState string")
	assert.Contains(t, src, `ActionStateNone ActionState = "none"`)
	assert.Contains(t, src, `ActionStateActive ActionState = "active"`)
	assert.Contains(t, src, "// Deprecated:")
	typeCheck(t, files)
}

func TestEveryFileHasHeaderAndIsFormatted(t *testing.T) {
	ty := &schema.Type{Name: "microsoft.graph.x", Kind: schema.Complex, GoName: "X", FileName: "x.go", Properties: []*schema.Property{prop("a", "Edm.String", false)}}
	files, err := Render(&schema.Schema{Types: []*schema.Type{ty}}, Options{Package: "models"})
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		assert.True(t, IsGenerated(f.Content), f.Name)
		formatted, err := format.Source(f.Content)
		require.NoError(t, err)
		assert.Equal(t, string(formatted), string(f.Content), "%s is gofmt-clean", f.Name)
	}
	want := []string{"doc.go", "operations.go", "registry.go", "x.go"}
	for _, rf := range templates.Runtime() {
		want = append(want, rf.Name)
	}
	slices.Sort(want)
	assert.Equal(t, want, names)
	again, err := Render(&schema.Schema{Types: []*schema.Type{ty}}, Options{Package: "models"})
	require.NoError(t, err)
	assert.Equal(t, files, again, "byte-identical from run to run")
}

func TestCommentLinesWrap(t *testing.T) {
	lines := commentLines(strings.Repeat("word ", 40), 30)
	for _, l := range lines {
		assert.LessOrEqual(t, len(l), 30)
	}
	assert.Equal(t, 40, strings.Count(strings.Join(lines, " "), "word"))
	assert.Empty(t, commentLines("  \n ", 30))
}

func TestPlainTextForDocComments(t *testing.T) {
	cases := map[string]string{
		`A read returns "\*\*\*\*".`: `A read returns "****".`,
		`The $ and \_ characters`:    `The $ and _ characters`,
		`one \| two`:                 `one | two`,
		`<b>Bold</b> and <a href="x.md">link text</a><br/>next`: ` Bold  and  link text  next`,
		`the HTML code for an <iframe> element`:                 `the HTML code for an <iframe> element`,
		`a path C:\Windows\System32`:                            `a path C:\Windows\System32`,
	}
	for in, want := range cases {
		assert.Equal(t, want, plainText(in), in)
	}
	assert.Equal(t, []string{"one | two"}, commentLines(`one \| two`, 76))
}

// The methods written as text are exactly what gofmt writes, also at the
// width where gofmt moves an empty body's brace to its own line, and for
// names gofmt measures in bytes.
func TestMethodsNeedNoFormatting(t *testing.T) {
	var types []*schema.Type
	// "func (*N) isAnyN()" is 2*len(N)+17 bytes: names of 40 to 43 letters
	// put it at 97 to 103.
	for n := 40; n <= 43; n++ {
		name := strings.Repeat("x", n-1)
		base := &schema.Type{Name: "microsoft.graph.b" + name, Kind: schema.Entity, GoName: "B" + name, FileName: "b" + name + ".go",
			Properties: []*schema.Property{prop("id", "Edm.String", false)}}
		base.GoInterface = "Any" + base.GoName
		derived := &schema.Type{Name: "microsoft.graph.d" + name, Kind: schema.Entity, GoName: "D" + name, FileName: "d" + name + ".go", BaseType: base}
		base.Derived = []*schema.Type{derived}
		types = append(types, base, derived)
	}
	wide := &schema.Type{Name: "microsoft.graph.тип", Kind: schema.Complex, GoName: "Тип" + strings.Repeat("я", 20), FileName: "tip.go"}
	wide.GoInterface = "Any" + wide.GoName
	types = append(types, wide)
	for _, flags := range []bool{false, true} {
		e := &schema.Type{Name: "microsoft.graph.e" + strconv.FormatBool(flags), Kind: schema.Enum, GoName: "E" + strconv.FormatBool(flags),
			FileName: "e" + strconv.FormatBool(flags) + ".go", Flags: flags}
		for i := range 30 { // a case list far past any line width
			e.Members = append(e.Members, &schema.Member{Name: "member" + strconv.Itoa(i), GoName: e.GoName + "Member" + strconv.Itoa(i)})
		}
		types = append(types, e)
	}
	files, err := Render(&schema.Schema{Types: types}, Options{Package: "models"})
	require.NoError(t, err)
	for _, f := range files {
		formatted, err := format.Source(f.Content)
		require.NoError(t, err, f.Name)
		assert.Equal(t, string(formatted), string(f.Content), "%s is gofmt-clean", f.Name)
	}
}

// The type that stands for any JSON gets no file and no registry entry.
func TestAnyJSONTypeIsNoGoType(t *testing.T) {
	j := &schema.Type{Name: "microsoft.graph.Json", Kind: schema.Complex, GoName: "JSON", FileName: "json.go"}
	r := &schema.Type{Name: "microsoft.graph.range", Kind: schema.Complex, GoName: "Range", FileName: "range.go",
		Properties: []*schema.Property{prop("values", "microsoft.graph.Json", false)}}
	files := renderOne(t, &schema.Schema{Types: []*schema.Type{j, r}})
	assert.NotContains(t, files, "json.go")
	assert.NotContains(t, string(files[registryFile].Content), "Json")
	assert.Equal(t, "json.RawMessage", fieldTypes(t, files["range.go"])["Values"])
	typeCheck(t, files)
}

// The Go type gen diff judges fields by (schema.GoFieldType) is the one the
// emitter writes, for every kind of property.
func TestGoFieldTypeIsTheEmitters(t *testing.T) {
	enum := &schema.Type{Name: "microsoft.graph.state", Kind: schema.Enum, GoName: "State"}
	cplx := &schema.Type{Name: "microsoft.graph.address", Kind: schema.Complex, GoName: "Address"}
	base := &schema.Type{Name: "microsoft.graph.base", Kind: schema.Entity, GoName: "Base", GoInterface: "AnyBase"}
	json := &schema.Type{Name: "microsoft.graph.Json", Kind: schema.Complex, GoName: "JSON"}
	var props []*schema.Property
	for _, typ := range []string{"Edm.String", "Edm.Guid", "Edm.Boolean", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte",
		"Edm.Single", "Edm.Double", "Edm.Decimal", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Binary",
		"Edm.Stream", "microsoft.graph.Json", "microsoft.graph.nowhere"} {
		props = append(props, prop("p", typ, false), prop("p", typ, true))
	}
	for _, ref := range []*schema.Type{enum, cplx, base, json} {
		for _, coll := range []bool{false, true} {
			p := prop("p", ref.Name, coll)
			p.Ref = ref
			props = append(props, p)
		}
	}
	for _, p := range props {
		want := ""
		if code := fieldType(p); code != nil {
			want = fmt.Sprintf("%#v", code)
		}
		assert.Equal(t, want, schema.GoFieldType(p), "%s collection=%v ref=%v", p.Type, p.Collection, p.Ref != nil)
	}
}
