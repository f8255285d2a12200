package schema

import (
	"reflect"
	"strings"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var proseFolders = []string{
	"bilingual-ru-2020-10/beta", "bilingual-ru-2020-10/v1.0", "en-2020-05/beta", "en-2020-05/v1.0",
	"localized-de-2019-03/beta", "localized-de-2019-03/v1.0", "localized-ru-2023/beta", "localized-zh-2023/beta",
}

// schemaJSON is the schema as -schema-out writes it, with its links named.
func schemaJSON(t *testing.T, s *Schema) string {
	t.Helper()
	b, err := s.JSON()
	require.NoError(t, err)
	var links strings.Builder
	for _, typ := range s.Types {
		links.WriteString(typ.Name + " file " + typ.FileName + " key " + typ.KeyProperty + "\n")
		if typ.BaseType != nil {
			links.WriteString(typ.Name + " base " + typ.BaseType.Name + "\n")
		}
		for _, d := range typ.Derived {
			links.WriteString(typ.Name + " derived " + d.Name + "\n")
		}
		for _, p := range typ.Properties {
			if p.Ref != nil {
				links.WriteString(typ.Name + "." + p.Name + " ref " + p.Ref.Name + "\n")
			}
		}
	}
	return string(b) + links.String()
}

// On every corpus folder: tracing the descriptions changes neither the
// schema nor the pages; a schema given the descriptions of edited pages is
// the schema resolved from them; and the binary form reads back whole.
func TestProseOnEveryCorpusFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves every corpus folder three times")
	}
	for _, folder := range proseFolders {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			dir := corpus.Require(t, append([]string{"corpus"}, append(strings.Split(folder, "/"), "resources")...)...)
			pages, _ := loadPages(t, dir, nil, nil)
			before := allDescriptions(pages)
			want := schemaJSON(t, Resolve(pages))

			s, pr := TraceProse(pages, Resolve)
			require.NotNil(t, pr, "every description traced")
			assert.Equal(t, before, allDescriptions(pages), "the pages keep their text")
			require.Equal(t, want, schemaJSON(t, s))
			traced := 0
			for _, o := range pr.Origins {
				if o.Page >= 0 {
					traced++
				}
			}
			assert.Greater(t, traced, len(pr.Origins)/2, "most descriptions come from a page")

			bin, err := s.MarshalBinary()
			require.NoError(t, err)
			cached, err := UnmarshalBinary(bin)
			require.NoError(t, err)
			require.Equal(t, want, schemaJSON(t, cached), "the binary form reads back whole")

			// Every seventh page edited in its descriptions only.
			var edited []*parser.Page
			for i, p := range pages {
				if i%7 != 0 {
					continue
				}
				edited = append(edited, p)
				for _, d := range p.Descriptions() {
					if *d != "" {
						*d = "Edited: " + *d
					}
				}
			}
			require.NoError(t, cached.Redescribe(pr, ProseTexts(edited...)))
			assert.Equal(t, schemaJSON(t, Resolve(pages)), schemaJSON(t, cached), "redescribed as resolved")
		})
	}
}

func allDescriptions(pages []*parser.Page) []string {
	var out []string
	for _, p := range pages {
		for _, d := range p.Descriptions() {
			out = append(out, *d)
		}
	}
	return out
}

// Pages that differ only in description text have the same structure;
// emptying one, or any other change, does not.
func TestSameStructure(t *testing.T) {
	parse := func(md string) *parser.Page { return parser.Parse("book.md", []byte(md), parser.Options{}) }
	const page = "# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n| pages | Int32 | How many pages. |\n"
	a := parse(page)
	assert.True(t, parser.SameStructure(a, parse(strings.Replace(page, "The title.", "The book's title.", 1))))
	assert.True(t, parser.SameStructure(a, parse(strings.Replace(page, "A book.", "A bound book.", 1))))
	assert.False(t, parser.SameStructure(a, parse(strings.Replace(page, "The title.", "", 1))), "a description emptied")
	assert.False(t, parser.SameStructure(a, parse(strings.Replace(page, "| Int32 |", "| Int64 |", 1))), "a type changed")
	assert.False(t, parser.SameStructure(a, parse(strings.Replace(page, "A book.", "A book.\n\nBound.", 1))), "the rows moved down")
	assert.Equal(t, "The title.", *a.Descriptions()[1], "comparing leaves the text")
}

// A resolver that makes text of a description leaves nothing traced: the
// schema is then resolved from the pages as they are.
func TestTraceProseRefusesTextMadeOfADescription(t *testing.T) {
	page := parser.Parse("book.md", []byte("# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n"), parser.Options{})
	quoting := func(pages []*parser.Page) *Schema {
		s := Resolve(pages)
		for _, typ := range s.Types {
			typ.Description = "About: " + typ.Description
		}
		return s
	}
	s, pr := TraceProse([]*parser.Page{page}, quoting)
	assert.Nil(t, pr)
	assert.Equal(t, "About: A book.", s.Lookup("microsoft.graph.book").Description)
}

// The binary form writes every field: a field added to these types must be
// added to MarshalBinary and UnmarshalBinary, and then to this list.
func TestBinaryCoversEveryField(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[Type]():            {"Name", "Kind", "Base", "Abstract", "OpenType", "Flags", "GoName", "GoInterface", "Source", "Description", "Properties", "Members", "BaseType", "Derived", "FileName", "KeyProperty", "pin", "overridden"},
		reflect.TypeFor[Property]():        {"Name", "Type", "Collection", "Navigation", "Nullable", "Deprecated", "GoName", "Description", "Source", "Ref", "pin"},
		reflect.TypeFor[Member]():          {"Name", "Value", "Deprecated", "GoName", "Description", "Source"},
		reflect.TypeFor[diag.Diagnostic](): {"File", "Line", "Col", "Severity", "Code", "Message"},
		reflect.TypeFor[Learned]():         {"TypeWords", "BasePhrases", "InheritedPhrases", "CollectionPhrases", "NameCases", "TranslatedMembers"},
		reflect.TypeFor[LearnedWord]():     {"Type", "Count"},
		reflect.TypeFor[Schema]():          {"Version", "Types", "Operations", "EntryPoints", "Diagnostics", "Learned", "Overrides", "byName"},
	}
	// The overrides (Schema.Overrides, and the pins and sources they leave
	// on types and properties) are not in the binary form: a schema
	// resolved with them is never cached (MarshalBinary refuses it).
	for typ, fields := range want {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		assert.Equal(t, fields, got, "%s: update schema/binary.go", typ)
	}
}

// A schema written and read back is the same schema, every field and link
// included; a cut or changed byte is refused.
func TestBinaryRoundTrip(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"shelf.md": "# shelf resource type\n\nNamespace: microsoft.graph\n\nA shelf.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n| books | [book](book.md) collection | The books. |\n| kind | [shelfKind](#shelfkind-values) | What kind. |\n| raw | Json | Anything. |\n\n### shelfKind values\n\n| Member | Value | Description |\n|:--|:--|:--|\n| wall | 0 | On a wall. |\n| floor | 1 | Standing. |\n",
		"book.md":  "# book resource type\n\nNamespace: microsoft.graph\n\nA book. Inherits from [item](item.md).\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n| unknown | Widget | Nothing describes it. |\n",
		"item.md":  "# item resource type\n\nNamespace: microsoft.graph\n\nAn item.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n",
	})
	s.Learned = &Learned{TypeWords: map[string]LearnedWord{"zeichenfolge": {"Edm.String", 3}}, BasePhrases: map[string]int{"erbt von": 4},
		InheritedPhrases: map[string]int{"geerbt von": 5}, CollectionPhrases: map[string]int{"... -sammlung": 6}, NameCases: map[string]string{"a.b": "a.B"},
		TranslatedMembers: map[string]int{"named": 7, "leftOut": 8}}
	require.NotEmpty(t, s.Diagnostics)
	b, err := s.MarshalBinary()
	require.NoError(t, err)
	back, err := UnmarshalBinary(b)
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

	for _, bad := range [][]byte{b[:len(b)-1], append(append([]byte(nil), b...), 0), b[:len(binaryMagic)+3], []byte("graphgen schema 0\n")} {
		_, err := UnmarshalBinary(bad)
		assert.Error(t, err)
	}
}

// A resolver whose diagnostic quotes a description leaves nothing traced:
// the diagnostic would go stale when only that description changed.
func TestTraceProseRefusesADiagnosticQuotingADescription(t *testing.T) {
	page := parser.Parse("book.md", []byte("# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n"), parser.Options{})
	quoting := func(pages []*parser.Page) *Schema {
		s := Resolve(pages)
		typ := s.Lookup("microsoft.graph.book")
		s.Diagnostics = append(s.Diagnostics, diag.Diagnostic{File: "book.md", Line: 1, Col: 1, Severity: diag.Warning, Code: "x", Message: "described as " + typ.Description})
		return s
	}
	s, pr := TraceProse([]*parser.Page{page}, quoting)
	assert.Nil(t, pr)
	assert.Equal(t, "described as A book.", s.Diagnostics[len(s.Diagnostics)-1].Message)
}

// A page whose text could be taken for a token leaves nothing traced, and
// neither it nor the pages before it are resolved with tokens in them.
func TestTraceProseRefusesTextLikeAToken(t *testing.T) {
	book := parser.Parse("book.md", []byte("# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n"), parser.Options{})
	shelf := parser.Parse("shelf.md", []byte("# shelf resource type\n\nNamespace: microsoft.graph\n\nA shelf.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. |\n"), parser.Options{})
	*shelf.Descriptions()[0] = proseToken + "0"
	pages := []*parser.Page{book, shelf}
	want := schemaJSON(t, Resolve(pages))
	s, pr := TraceProse(pages, Resolve)
	assert.Nil(t, pr)
	assert.Equal(t, want, schemaJSON(t, s))
	assert.Equal(t, "A book.", s.Lookup("microsoft.graph.book").Description)
}
