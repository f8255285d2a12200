package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/parser/corpus"
)

// addDocsInputSeeds seeds a fuzz target with our own pages.
func addDocsInputSeeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Root(), "docs-input", "resources", "*.md"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("\xEF\xBB\xBF# x resource type\r\n|Property|Type|\r\n|-|-|\r\n|a|String|\r\n"))
}

// FuzzParse: no input makes the parser panic, and every position it
// reports lies inside the page.
func FuzzParse(f *testing.F) {
	addDocsInputSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Parse("fuzz.md", data, Options{RootName: "resources"})
		lines := bytes.Count(data, []byte("\n")) + 1
		check := func(what string, pos Position) {
			if pos.Line < 1 || pos.Line > lines || pos.Col < 1 {
				t.Fatalf("%s at %d:%d outside a page of %d lines", what, pos.Line, pos.Col, lines)
			}
		}
		for _, d := range p.Diags {
			check("diagnostic "+d.Code, Position{Line: d.Line, Col: d.Col})
		}
		for _, ty := range p.Types {
			check("type "+ty.Name, ty.Pos)
			for _, pr := range ty.Properties {
				check("property "+pr.Name, pr.Pos)
			}
		}
		for _, en := range p.Enums {
			check("enum "+en.Name, en.Pos)
		}
	})
}
