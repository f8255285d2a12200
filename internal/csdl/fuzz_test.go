package csdl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/diag"
)

// FuzzRead: whatever the bytes, reading never panics; a model comes
// exactly when no error does; every diagnostic is placed in the file; and
// the schema of a model is made, with no base chain deeper than gen
// follows.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="a" Alias="b" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="c" BaseType="b.c"/>` +
		`<EnumType Name="e" IsFlags="true"><Member Name="m"/></EnumType></Schema></edmx:DataServices></edmx:Edmx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := Read("in.xml", data)
		errors, _ := diags.Count()
		if (m == nil) != (errors > 0) {
			t.Fatalf("model %v with %d errors: %v", m != nil, errors, diags)
		}
		for _, d := range diags {
			if d.File != "in.xml" || d.Line < 1 || d.Col < 1 {
				t.Fatalf("diagnostic not placed in the file: %v", d)
			}
			if d.Severity == diag.Error && d.Code != diag.NotCSDL.Name() || d.Severity == diag.Warning && d.Code != diag.BadCSDL.Name() {
				t.Fatalf("unexpected code: %v", d)
			}
		}
		if m == nil {
			return
		}
		for _, x := range m.Schema().Types {
			depth := 0
			for range x.Ancestors() {
				depth++
			}
			if depth > maxBaseDepth {
				t.Fatalf("%s is %d bases deep", x.Name, depth)
			}
		}
	})
}
