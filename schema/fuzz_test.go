package schema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
)

// pageSeparator splits one fuzz input into several pages.
var pageSeparator = []byte("\n=====\n")

// FuzzResolve: any set of pages resolves without a panic into a schema
// whose names are unique and whose JSON renders.
func FuzzResolve(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Root(), "docs-input", "resources", "*.md"))
	// The API pages too (their front matter says what they are): the
	// operations pass reads paths, calls and examples.
	apiPaths, _ := filepath.Glob(filepath.Join(corpus.Root(), "docs-input", "api", "*.md"))
	paths = append(paths, apiPaths...)
	var all [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			all = append(all, b)
		}
	}
	f.Add(bytes.Join(all, pageSeparator))
	f.Add([]byte("# a resource type\n\nInherits from [b](b.md)\n\n|Property|Type|\n|-|-|\n|x|[b](b.md)|\n=====\n# b resource type\n\nInherits from [a](a.md)\n"))
	f.Add([]byte("---\ndoc_type: apiPageType\n---\n# f\n\n## HTTP request\n\n```http\nGET /me/f(ȺȺȺ,abc=microsoft.graph.x'{v}')\nPOST https://example.com/embed\n```\n\n## Response\n\n```json\n{\"getUrl\": \"u\", \"postUrl\": \"v\"}\n```\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var pages []*parser.Page
		for i, chunk := range bytes.Split(data, pageSeparator) {
			if i >= 20 {
				break
			}
			pages = append(pages, parser.Parse(fmt.Sprintf("p%d.md", i), chunk, parser.Options{RootName: "resources"}))
		}
		s := Resolve(pages)
		if _, err := s.JSON(); err != nil {
			t.Fatal(err)
		}
		goNames, files := map[string]bool{}, map[string]bool{}
		for _, ty := range s.Types {
			if goNames[ty.GoName] || files[ty.FileName] {
				t.Fatalf("duplicate Go name %s or file %s", ty.GoName, ty.FileName)
			}
			goNames[ty.GoName], files[ty.FileName] = true, true
			seen := map[*Type]bool{}
			for b := ty.BaseType; b != nil; b = b.BaseType {
				if seen[b] {
					t.Fatalf("inheritance cycle left through %s", ty.Name)
				}
				seen[b] = true
			}
		}
	})
}
