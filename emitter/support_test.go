package emitter

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema/naming"
	"github.com/docgen/graphgen/templates"
)

// The names the naming module keeps free are exactly what the runtime
// declares and the files it is copied to.
func TestSupportNamesAreTheRuntimes(t *testing.T) {
	var exported []string
	files := []string{"doc.go", registryFile, operationsFile, bodiesFile}
	for _, rf := range templates.Runtime() {
		files = append(files, rf.Name)
		f, err := parser.ParseFile(token.NewFileSet(), rf.Name, rf.Source, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					exported = append(exported, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if spec.Name.IsExported() {
							exported = append(exported, spec.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							if n.IsExported() {
								exported = append(exported, n.Name)
							}
						}
					}
				}
			}
		}
	}
	slices.Sort(exported)
	assert.Equal(t, exported, slices.Sorted(slices.Values(naming.SupportNames)), "naming.SupportNames")
	slices.Sort(files)
	assert.Equal(t, files, slices.Sorted(slices.Values(naming.SupportFiles)), "naming.SupportFiles")
}

// Each runtime file reaches a package as it is, but for the header in
// front and its package clause; none is the package's doc comment.
func TestRuntimeFilesAreCopiedAsTheyAre(t *testing.T) {
	rts := templates.Runtime()
	require.NotEmpty(t, rts)
	for _, rf := range rts {
		out, err := runtimeFile(rf.Source, "models")
		require.NoError(t, err)
		assert.True(t, IsGenerated(out), rf.Name)
		f, err := parser.ParseFile(token.NewFileSet(), rf.Name, out, parser.ParseComments)
		require.NoError(t, err)
		assert.Equal(t, "models", f.Name.Name)
		assert.Nil(t, f.Doc, "%s: a comment right above the package clause would be the package's doc", rf.Name)
		assert.Equal(t, string(rf.Source), strings.Replace(string(bytes.TrimPrefix(out, []byte("// "+Header+"\n\n"))), "\npackage models\n", "\npackage runtime\n", 1), rf.Name)
	}
	_, err := runtimeFile([]byte("package other\n"), "models")
	assert.Error(t, err)
}
