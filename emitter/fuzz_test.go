package emitter

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	mdparser "github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
)

// FuzzPipeline: pages in, Go source out. No panic; every emitted file
// parses with go/parser; the package type-checks with go/types whenever
// the run has no errors (warnings are fine: the package must be complete).
func FuzzPipeline(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Root(), "docs-input", "resources", "*.md"))
	var all [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
			all = append(all, b)
		}
	}
	f.Add(bytes.Join(all, []byte("\n=====\n")))
	f.Add([]byte("# type resource type\n\n|Property|Type|Description|\n|-|-|-|\n|type|String|*/ func Evil() {} //go:generate x|\n|string|Int32|x|\n|3d|Boolean|x|\n|fooBar|String|x|\n|FooBar|String|x|\n|ODataType|String|x|\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var pages []*mdparser.Page
		for i, chunk := range bytes.Split(data, []byte("\n=====\n")) {
			if i >= 20 {
				break
			}
			pages = append(pages, mdparser.Parse(fmt.Sprintf("p%d.md", i), chunk, mdparser.Options{RootName: "resources"}))
		}
		s := schema.Resolve(pages)
		if len(s.Types) == 0 {
			return
		}
		files, err := Render(s, Options{Package: "models"})
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		fset := token.NewFileSet()
		var parsed []*ast.File
		for _, file := range files {
			pf, err := parser.ParseFile(fset, file.Name, file.Content, parser.ParseComments)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Content)
			}
			parsed = append(parsed, pf)
		}
		conf := types.Config{Importer: stdImporter}
		if _, err := conf.Check("models", fset, parsed, nil); err != nil {
			t.Fatalf("package does not type-check: %v", err)
		}
	})
}
