package cache

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page codec writes every field: a field added to the page model
// must be added to appendPage and decodePage, and then to this list.
func TestPageCodecCoversEveryField(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[parser.Page]():           {"Path", "DocType", "Locale", "Namespace", "Types", "Enums", "Operation", "Diags"},
		reflect.TypeFor[parser.OperationDoc]():   {"Pos", "Description", "Requests", "Parameters", "Body", "BodyPos", "RequestKeys", "Response", "Permissions", "Examples", "ExampleRequests", "SideEffectFree"},
		reflect.TypeFor[parser.ExampleValue]():   {"Request", "Type", "Path", "Value", "Temporal", "Pos"},
		reflect.TypeFor[parser.RequestDoc]():     {"Method", "Path", "Pos"},
		reflect.TypeFor[parser.ParamDoc]():       {"Name", "Type", "Required", "Place", "Description", "PossibleValues", "Pos"},
		reflect.TypeFor[parser.ResponseDoc]():    {"Status", "Type", "Annotated", "Keys", "Pos"},
		reflect.TypeFor[parser.PermissionsDoc](): {"DelegatedWork", "DelegatedPersonal", "Application", "Pos"},
		reflect.TypeFor[parser.TypeDoc]():        {"Name", "Pos", "Description", "Bases", "Derived", "Abstract", "OpenType", "KeyProperty", "Properties", "HasJSON", "HasMethods", "Anchor", "TitleName", "OwnName", "LinkPhrases"},
		reflect.TypeFor[parser.PropDoc]():        {"Name", "Pos", "Type", "Description", "Navigation", "Inherited", "Nullable", "Key", "Deprecated", "PossibleValues", "FromJSON", "FromMethods", "JSONPrimitive", "Translation", "TypeWord", "JSONTimestamp", "InJSON", "JSONArray", "Backticked", "Listed", "JSONValues", "LinkPhrases"},
		reflect.TypeFor[parser.TypeExpr]():       {"Raw", "Primitive", "Name", "Link", "Collection", "LinkPrimitive", "LinkText"},
		reflect.TypeFor[parser.BaseClaim]():      {"Source", "Name", "Link", "Pos"},
		reflect.TypeFor[parser.LinkPhrase]():     {"Phrase", "After", "Claim"},
		reflect.TypeFor[parser.EnumDoc]():        {"Name", "Pos", "Description", "Members", "Flags", "Anchor", "AnchorOnly"},
		reflect.TypeFor[parser.MemberDoc]():      {"Name", "Value", "Description", "Pos", "Deprecated"},
		reflect.TypeFor[parser.Position]():       {"Line", "Col"},
	}
	for typ, fields := range want {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		assert.Equal(t, fields, got, "%s: update internal/cache/pagecodec.go", typ)
	}
}

// fullPage sets every field of the page model, each to a value of its own.
func fullPage() *parser.Page {
	claim := func(n string) parser.BaseClaim {
		return parser.BaseClaim{Source: parser.ClaimRow, Name: n, Link: n + ".md", Pos: parser.Position{Line: 3, Col: 4}}
	}
	zero, seven := int64(0), int64(-7)
	inherited := claim("base")
	return &parser.Page{Path: "a/b.md", DocType: "resourcePageType", Locale: "de-DE", Namespace: "microsoft.graph",
		Types: []*parser.TypeDoc{{
			Name: "microsoft.graph.b", Pos: parser.Position{Line: 1, Col: 2}, Description: "A b.", Bases: []parser.BaseClaim{claim("x")},
			Derived: []parser.BaseClaim{claim("y"), claim("z")}, Abstract: true, OpenType: true, KeyProperty: "id",
			Properties: []*parser.PropDoc{{
				Name: "id", Pos: parser.Position{Line: 9, Col: 1},
				Type:        parser.TypeExpr{Raw: "[c](c.md) collection", Primitive: "Edm.String", Name: "c", Link: "c.md", Collection: true, LinkPrimitive: "Edm.Date", LinkText: "c"},
				Description: "The id.", Navigation: true, Inherited: &inherited, Nullable: true, Key: true, Deprecated: true,
				PossibleValues: []string{"one", "two"}, FromJSON: true, FromMethods: true, JSONPrimitive: "Edm.Int32", Translation: "Kennung", TypeWord: "zahl", JSONTimestamp: true,
				InJSON: true, JSONArray: true, Backticked: []string{"three"}, Listed: []string{"four", "five"}, JSONValues: []string{"six"}, LinkPhrases: []parser.LinkPhrase{{Phrase: "geerbt von", After: "zu", Claim: claim("w")}, {Phrase: "", After: "unten", Claim: claim("u")}},
			}},
			HasJSON: true, HasMethods: true, Anchor: "b-resource", TitleName: "microsoft.graph.bee", OwnName: "microsoft.graph.bea", LinkPhrases: []parser.LinkPhrase{{Phrase: "erbt von", After: "ab", Claim: claim("v")}},
		}},
		Enums: []*parser.EnumDoc{{Name: "microsoft.graph.e", Pos: parser.Position{Line: 20, Col: 1}, Description: "An e.",
			Members: []parser.MemberDoc{{Name: "none", Value: &zero, Description: "None.", Pos: parser.Position{Line: 22, Col: 3}, Deprecated: true},
				{Name: "some", Value: &seven}, {Name: "unvalued"}},
			Flags: true, Anchor: "e-values", AnchorOnly: true}},
		Operation: &parser.OperationDoc{Pos: parser.Position{Line: 1, Col: 1},
			Requests: []parser.RequestDoc{{Method: "POST", Path: "/me/sendMail", Pos: parser.Position{Line: 30, Col: 1}}},
			Parameters: []parser.ParamDoc{{Name: "message", Type: parser.TypeExpr{Raw: "m", Name: "message", Link: "m.md"}, Required: parser.Required,
				Place: parser.ParamFunction, Description: "The message.", PossibleValues: []string{"a", "b"}, Pos: parser.Position{Line: 41, Col: 2}}},
			Body: parser.TypeExpr{Raw: "u", Name: "user", Collection: true}, BodyPos: parser.Position{Line: 44, Col: 1}, RequestKeys: []parser.ParamDoc{{Name: "message", Type: parser.TypeExpr{Name: "microsoft.graph.message"}, Place: parser.ParamBody, Pos: parser.Position{Line: 60, Col: 3}}},
			Response:        parser.ResponseDoc{Status: 202, Type: parser.TypeExpr{Primitive: "Edm.String"}, Annotated: true, Keys: []string{"keyId", "hint"}, Pos: parser.Position{Line: 50, Col: 1}},
			Permissions:     &parser.PermissionsDoc{DelegatedWork: []string{"Mail.Send", "Mail.ReadWrite"}, DelegatedPersonal: []string{}, Pos: parser.Position{Line: 20, Col: 1}},
			ExampleRequests: []parser.RequestDoc{{Method: "GET", Path: "/me/x", Pos: parser.Position{Line: 66, Col: 1}}}, SideEffectFree: true,
			Examples: []parser.ExampleValue{{Request: true, Type: "microsoft.graph.team", Path: []string{"visibility"}, Value: "Public", Pos: parser.Position{Line: 70, Col: 17}},
				{Path: []string{"value", "*", "status"}, Value: "completed"}, {Path: []string{"start"}, Value: "2017-09-04", Temporal: "Edm.Date"}}},
		Diags: diag.List{{File: "a/b.md", Line: 5, Col: 6, Severity: diag.Warning, Code: "bad-table", Message: "a row"}},
	}
}

// A page written and read back is the same page; a cut, a changed or an
// added byte is refused.
func TestPageCodecRoundTrip(t *testing.T) {
	p := fullPage()
	b := encodePageAlone(p)
	back, err := decodePageAlone(b)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	require.NotNil(t, back.Enums[0].Members[0].Value, "a member of value 0 keeps it")
	assert.Nil(t, back.Enums[0].Members[2].Value)

	for _, bad := range [][]byte{b[:len(b)-1], append(append([]byte(nil), b...), 0), b[:2], []byte("graphgen page 0\n")} {
		_, err := decodePageAlone(bad)
		assert.ErrorIs(t, err, errFormat)
	}
}

// Every page of our own and of a bilingual and a localized corpus folder
// reads back as it was written, and of the same structure.
func TestPageCodecOnRealPages(t *testing.T) {
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
			p := parser.Parse(filepath.Base(path), data, parser.Options{RootName: "resources"})
			b := encodePageAlone(p)
			back, err := decodePageAlone(b)
			require.NoError(t, err, path)
			require.Equal(t, b, encodePageAlone(back), path)
			require.True(t, sameStructure(p, back), path)
		}
	}
}

// encodePageAlone is a page's encoding by itself.
func encodePageAlone(p *parser.Page) []byte {
	var w writer
	encodePage(&w, p)
	return w.buf
}

// decodePageAlone reads what encodePageAlone wrote; data that is not
// exactly that is errFormat.
func decodePageAlone(data []byte) (*parser.Page, error) {
	r := newReader(data)
	p := decodePage(r)
	if !r.Done() {
		return nil, errFormat
	}
	return p, nil
}
