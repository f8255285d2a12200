package cache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var proseFolders = []string{
	"bilingual-ru-2020-10/beta", "bilingual-ru-2020-10/v1.0", "en-2020-05/beta", "en-2020-05/v1.0",
	"localized-de-2019-03/beta", "localized-de-2019-03/v1.0", "localized-ru-2023/beta", "localized-zh-2023/beta",
}

// schemaJSON is the schema as -schema-out writes it, with its links named.
func schemaJSON(t *testing.T, s *schema.Schema) string {
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
			pages := loadFolder(t, dir)
			before := allDescriptions(pages)
			want := schemaJSON(t, schema.Resolve(pages))

			s, pr := traceProse(pages, schema.Resolve)
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

			bin, err := encodeSchema(s)
			require.NoError(t, err)
			cached, err := decodeSchema(bin)
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
			require.NoError(t, redescribe(cached, pr, proseTexts(edited...)))
			assert.Equal(t, schemaJSON(t, schema.Resolve(pages)), schemaJSON(t, cached), "redescribed as resolved")
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
	assert.True(t, sameStructure(a, parse(strings.Replace(page, "The title.", "The book's title.", 1))))
	assert.True(t, sameStructure(a, parse(strings.Replace(page, "A book.", "A bound book.", 1))))
	assert.False(t, sameStructure(a, parse(strings.Replace(page, "The title.", "", 1))), "a description emptied")
	assert.False(t, sameStructure(a, parse(strings.Replace(page, "| Int32 |", "| Int64 |", 1))), "a type changed")
	assert.False(t, sameStructure(a, parse(strings.Replace(page, "A book.", "A book.\n\nBound.", 1))), "the rows moved down")
	assert.Equal(t, "The title.", *a.Descriptions()[1], "comparing leaves the text")
}

// A resolver that makes text of a description leaves nothing traced: the
// schema is then resolved from the pages as they are.
func TestTraceProseRefusesTextMadeOfADescription(t *testing.T) {
	page := parser.Parse("book.md", []byte("# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n"), parser.Options{})
	quoting := func(pages []*parser.Page) *schema.Schema {
		s := schema.Resolve(pages)
		for _, typ := range s.Types {
			typ.Description = "About: " + typ.Description
		}
		return s
	}
	s, pr := traceProse([]*parser.Page{page}, quoting)
	assert.Nil(t, pr)
	assert.Equal(t, "About: A book.", s.Lookup("microsoft.graph.book").Description)
}

// A resolver whose diagnostic quotes a description leaves nothing traced:
// the diagnostic would go stale when only that description changed.
func TestTraceProseRefusesADiagnosticQuotingADescription(t *testing.T) {
	page := parser.Parse("book.md", []byte("# book resource type\n\nNamespace: microsoft.graph\n\nA book.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n"), parser.Options{})
	quoting := func(pages []*parser.Page) *schema.Schema {
		s := schema.Resolve(pages)
		typ := s.Lookup("microsoft.graph.book")
		s.Diagnostics = append(s.Diagnostics, diag.Diagnostic{File: "book.md", Line: 1, Col: 1, Severity: diag.Warning, Code: "x", Message: "described as " + typ.Description})
		return s
	}
	s, pr := traceProse([]*parser.Page{page}, quoting)
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
	want := schemaJSON(t, schema.Resolve(pages))
	s, pr := traceProse(pages, schema.Resolve)
	assert.Nil(t, pr)
	assert.Equal(t, want, schemaJSON(t, s))
	assert.Equal(t, "A book.", s.Lookup("microsoft.graph.book").Description)
}

// loadFolder parses every page of a folder, as gen would name them.
func loadFolder(t *testing.T, dir string) []*parser.Page {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	require.NoError(t, err)
	pages := make([]*parser.Page, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		pages[i] = parser.Parse(filepath.Base(p), data, parser.Options{RootName: filepath.Base(dir)})
	}
	return pages
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}
