package cache

import (
	"reflect"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The schema codec writes every field: a field added to these types must
// be added to encodeSchema and decodeSchema, and then to this list.
func TestSchemaCodecCoversEveryField(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[schema.Type]():        {"Name", "Kind", "Base", "Abstract", "OpenType", "Flags", "GoName", "GoInterface", "Source", "Description", "Properties", "Members", "BaseType", "Derived", "FileName", "KeyProperty", "pin", "overridden"},
		reflect.TypeFor[schema.Property]():    {"Name", "Type", "Collection", "Navigation", "Nullable", "Deprecated", "GoName", "Description", "Source", "Ref", "pin"},
		reflect.TypeFor[schema.Member]():      {"Name", "Value", "Deprecated", "GoName", "Description", "Source"},
		reflect.TypeFor[diag.Diagnostic]():    {"File", "Line", "Col", "Severity", "Code", "Message"},
		reflect.TypeFor[schema.Learned]():     {"TypeWords", "BasePhrases", "InheritedPhrases", "CollectionPhrases", "NameCases", "TranslatedMembers", "TranslatedRows"},
		reflect.TypeFor[schema.LearnedWord](): {"Type", "Count", "Collection"},
		reflect.TypeFor[schema.Schema]():      {"Version", "Types", "Operations", "EntryPoints", "Diagnostics", "Learned", "Overrides", "byName"},
	}
	// The overrides (schema.Schema.Overrides, and the pins and sources they leave
	// on types and properties) are not in the binary form: a schema
	// resolved with them is never cached (encodeSchema refuses it).
	for typ, fields := range want {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		assert.Equal(t, fields, got, "%s: update internal/cache/schemacodec.go", typ)
	}
}

// A schema written and read back is the same schema, every field and link
// included; a cut or changed byte is refused.
func TestSchemaCodecRoundTrip(t *testing.T) {
	s := resolvePages(t, map[string]string{
		"shelf.md": "# shelf resource type\n\nNamespace: microsoft.graph\n\nA shelf.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n| books | [book](book.md) collection | The books. |\n| kind | [shelfKind](#shelfkind-values) | What kind. |\n| raw | Json | Anything. |\n\n### shelfKind values\n\n| Member | Value | Description |\n|:--|:--|:--|\n| wall | 0 | On a wall. |\n| floor | 1 | Standing. |\n",
		"book.md":  "# book resource type\n\nNamespace: microsoft.graph\n\nA book. Inherits from [item](item.md).\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n| unknown | Widget | Nothing describes it. |\n",
		"item.md":  "# item resource type\n\nNamespace: microsoft.graph\n\nAn item.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n",
	})
	s.Learned = &schema.Learned{TypeWords: map[string]schema.LearnedWord{"zeichenfolge": {Type: "Edm.String", Count: 3}, "zeichenfolgenauflistung": {Type: "Edm.String", Count: 4, Collection: true}}, BasePhrases: map[string]int{"erbt von": 4},
		InheritedPhrases: map[string]int{"geerbt von": 5}, CollectionPhrases: map[string]int{"... -sammlung": 6}, NameCases: map[string]string{"a.b": "a.B"},
		TranslatedMembers: map[string]int{"named": 7, "leftOut": 8}, TranslatedRows: map[string]int{"名称 = name": 9}}
	require.NotEmpty(t, s.Diagnostics)
	b, err := encodeSchema(s)
	require.NoError(t, err)
	back, err := decodeSchema(b)
	require.NoError(t, err)
	assert.Equal(t, schemaJSON(t, s), schemaJSON(t, back))
	for i, typ := range s.Types {
		assert.Equal(t, typ.FileName, back.Types[i].FileName)
		assert.Equal(t, typ.KeyProperty, back.Types[i].KeyProperty)
		assert.Equal(t, typ.GoInterface, back.Types[i].GoInterface)
	}
	assert.Equal(t, s.Learned, back.Learned)
	zero := back.Lookup("microsoft.graph.shelfKind").Members[0].Value
	require.NotNil(t, zero, "a member of value 0 keeps it")
	assert.Zero(t, *zero)

	for _, bad := range [][]byte{b[:len(b)-1], append(append([]byte(nil), b...), 0), b[:3], []byte("graphgen schema 0\n")} {
		_, err := decodeSchema(bad)
		assert.Error(t, err)
	}
}

// A schema resolved with overrides is never cached.
func TestSchemaCodecRefusesOverrides(t *testing.T) {
	s := resolvePages(t, map[string]string{"item.md": "# item resource type\n\nNamespace: microsoft.graph\n\nAn item.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n"})
	s.Overrides = []*schema.Override{{Type: "microsoft.graph.item"}}
	_, err := encodeSchema(s)
	assert.Error(t, err)
}

// resolvePages resolves pages given by path and text.
func resolvePages(t *testing.T, files map[string]string) *schema.Schema {
	t.Helper()
	var parsed []*parser.Page
	for path, md := range files {
		parsed = append(parsed, parser.Parse(path, []byte(md), parser.Options{RootName: "resources"}))
	}
	return schema.Resolve(parsed)
}
