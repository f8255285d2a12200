package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The binary form writes every field: a field added to the page model
// must be added to appendPage and ReadPage, and then to this list.
func TestPageBinaryCoversEveryField(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[Page]():           {"Path", "DocType", "Locale", "Namespace", "Types", "Enums", "Operation", "Diags"},
		reflect.TypeFor[OperationDoc]():   {"Pos", "Description", "Requests", "Parameters", "Body", "BodyPos", "RequestKeys", "Response", "Permissions"},
		reflect.TypeFor[RequestDoc]():     {"Method", "Path", "Pos"},
		reflect.TypeFor[ParamDoc]():       {"Name", "Type", "Required", "Place", "Description", "Pos"},
		reflect.TypeFor[ResponseDoc]():    {"Status", "Type", "Annotated", "Pos"},
		reflect.TypeFor[PermissionsDoc](): {"DelegatedWork", "DelegatedPersonal", "Application", "Pos"},
		reflect.TypeFor[TypeDoc]():        {"Name", "Pos", "Description", "Bases", "Derived", "Abstract", "OpenType", "KeyProperty", "Properties", "HasJSON", "HasMethods", "Anchor", "LinkPhrases"},
		reflect.TypeFor[PropDoc]():        {"Name", "Pos", "Type", "Description", "Navigation", "Inherited", "Nullable", "Key", "Deprecated", "PossibleValues", "FromJSON", "FromMethods", "JSONPrimitive", "InJSON", "JSONArray", "Backticked", "Listed", "JSONValues", "LinkPhrase"},
		reflect.TypeFor[TypeExpr]():       {"Raw", "Primitive", "Name", "Link", "Collection", "LinkPrimitive"},
		reflect.TypeFor[BaseClaim]():      {"Source", "Name", "Link", "Pos"},
		reflect.TypeFor[LinkPhrase]():     {"Phrase", "After", "Claim"},
		reflect.TypeFor[EnumDoc]():        {"Name", "Pos", "Description", "Members", "Flags", "Anchor", "AnchorOnly"},
		reflect.TypeFor[MemberDoc]():      {"Name", "Value", "Description", "Pos", "Deprecated"},
		reflect.TypeFor[Position]():       {"Line", "Col"},
	}
	for typ, fields := range want {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		assert.Equal(t, fields, got, "%s: update parser/binary.go", typ)
	}
}

// fullPage sets every field of the page model, each to a value of its own.
func fullPage() *Page {
	claim := func(n string) BaseClaim {
		return BaseClaim{Source: ClaimRow, Name: n, Link: n + ".md", Pos: Position{Line: 3, Col: 4}}
	}
	zero, seven := int64(0), int64(-7)
	inherited := claim("base")
	return &Page{Path: "a/b.md", DocType: "resourcePageType", Locale: "de-DE", Namespace: "microsoft.graph",
		Types: []*TypeDoc{{
			Name: "microsoft.graph.b", Pos: Position{Line: 1, Col: 2}, Description: "A b.", Bases: []BaseClaim{claim("x")},
			Derived: []BaseClaim{claim("y"), claim("z")}, Abstract: true, OpenType: true, KeyProperty: "id",
			Properties: []*PropDoc{{
				Name: "id", Pos: Position{Line: 9, Col: 1},
				Type:        TypeExpr{Raw: "[c](c.md) collection", Primitive: "Edm.String", Name: "c", Link: "c.md", Collection: true, LinkPrimitive: "Edm.Date"},
				Description: "The id.", Navigation: true, Inherited: &inherited, Nullable: true, Key: true, Deprecated: true,
				PossibleValues: []string{"one", "two"}, FromJSON: true, FromMethods: true, JSONPrimitive: "Edm.Int32",
				InJSON: true, JSONArray: true, Backticked: []string{"three"}, Listed: []string{"four", "five"}, JSONValues: []string{"six"}, LinkPhrase: &LinkPhrase{Phrase: "geerbt von", After: "zu", Claim: claim("w")},
			}},
			HasJSON: true, HasMethods: true, Anchor: "b-resource", LinkPhrases: []LinkPhrase{{Phrase: "erbt von", After: "ab", Claim: claim("v")}},
		}},
		Enums: []*EnumDoc{{Name: "microsoft.graph.e", Pos: Position{Line: 20, Col: 1}, Description: "An e.",
			Members: []MemberDoc{{Name: "none", Value: &zero, Description: "None.", Pos: Position{Line: 22, Col: 3}, Deprecated: true},
				{Name: "some", Value: &seven}, {Name: "unvalued"}},
			Flags: true, Anchor: "e-values", AnchorOnly: true}},
		Operation: &OperationDoc{Pos: Position{Line: 1, Col: 1},
			Requests: []RequestDoc{{Method: "POST", Path: "/me/sendMail", Pos: Position{Line: 30, Col: 1}}},
			Parameters: []ParamDoc{{Name: "message", Type: TypeExpr{Raw: "m", Name: "message", Link: "m.md"}, Required: Required,
				Place: ParamFunction, Description: "The message.", Pos: Position{Line: 41, Col: 2}}},
			Body: TypeExpr{Raw: "u", Name: "user", Collection: true}, BodyPos: Position{Line: 44, Col: 1}, RequestKeys: []ParamDoc{{Name: "message", Type: TypeExpr{Name: "microsoft.graph.message"}, Place: ParamBody, Pos: Position{Line: 60, Col: 3}}},
			Response:    ResponseDoc{Status: 202, Type: TypeExpr{Primitive: "Edm.String"}, Annotated: true, Pos: Position{Line: 50, Col: 1}},
			Permissions: &PermissionsDoc{DelegatedWork: []string{"Mail.Send", "Mail.ReadWrite"}, DelegatedPersonal: []string{}, Pos: Position{Line: 20, Col: 1}}},
		Diags: diag.List{{File: "a/b.md", Line: 5, Col: 6, Severity: diag.Warning, Code: "bad-table", Message: "a row"}},
	}
}

// A page written and read back is the same page; a cut, a changed or an
// added byte is refused.
func TestPageBinaryRoundTrip(t *testing.T) {
	p := fullPage()
	b, err := p.MarshalBinary()
	require.NoError(t, err)
	back, err := UnmarshalPage(b)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	require.NotNil(t, back.Enums[0].Members[0].Value, "a member of value 0 keeps it")
	assert.Nil(t, back.Enums[0].Members[2].Value)

	for _, bad := range [][]byte{b[:len(b)-1], append(append([]byte(nil), b...), 0), b[:len(pageMagic)+2], []byte("graphgen page 0\n")} {
		_, err := UnmarshalPage(bad)
		assert.Error(t, err)
	}
}

// Every page of our own and of a bilingual and a localized corpus folder
// reads back as it was written, and of the same structure.
func TestPageBinaryOnRealPages(t *testing.T) {
	dirs := []string{filepath.Join(corpus.Root(), "docs-input", "resources")}
	if !testing.Short() {
		for _, f := range []string{"bilingual-ru-2020-10", "localized-zh-2023"} {
			if d := corpus.Shared("corpus", f, "beta", "resources"); d != "" {
				dirs = append(dirs, d)
			}
		}
	}
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		require.NotEmpty(t, paths, dir)
		for _, path := range paths {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			p := Parse(filepath.Base(path), data, Options{RootName: "resources"})
			b, err := p.MarshalBinary()
			require.NoError(t, err)
			back, err := UnmarshalPage(b)
			require.NoError(t, err, path)
			again, _ := back.MarshalBinary()
			require.Equal(t, b, again, path)
			require.True(t, SameStructure(p, back), path)
		}
	}
}
