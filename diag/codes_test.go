package diag

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite docs/diagnostics.md from the registry")

// registryVars maps each code's Go name in codes.go to its code.
func registryVars(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	require.NoError(t, err)
	out := map[string]string{}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				call, ok := vs.Values[i].(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					continue
				}
				if lit, ok := call.Args[0].(*ast.BasicLit); ok {
					out[name.Name] = strings.Trim(lit.Value, `"`)
				}
			}
		}
	}
	return out
}

// TestRegistryIsWhatIsEmitted: every registered code is reported by some
// stage (its Go name is used outside this package, in code that is not a
// test), no code is registered twice, and nothing builds a Diagnostic by
// hand (so nothing can report a code the registry lacks: codes are values
// only this package makes).
func TestRegistryIsWhatIsEmitted(t *testing.T) {
	vars := registryVars(t)
	require.Len(t, vars, len(Codes()), "every registered code is a named variable in codes.go")
	names := map[string]bool{}
	for _, c := range Codes() {
		assert.False(t, names[c.Name()], "code %s registered twice", c.Name())
		names[c.Name()] = true
		assert.Regexp(t, `^[a-z][a-z0-9-]*$`, c.Name())
		assert.NotEmpty(t, c.Meaning(), c.Name())
		// The example is a line as gen prints it, with this code and severity.
		assert.Regexp(t, `^([^:]+:\d+:\d+|gen): `+string(c.Severity())+`: `+c.Name()+`: .+$`, c.Example(), c.Name())
	}
	used := map[string]bool{}
	literal := regexp.MustCompile(`diag\.Diagnostic\{[^}]`)
	root := filepath.Join("..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "generated" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Dir(p) == "." {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		assert.NotRegexp(t, literal, string(src), "%s builds a diagnostic by hand; report through List.Warn or List.Error", p)
		for v := range vars {
			if regexp.MustCompile(`\bdiag\.` + v + `\b`).Match(src) {
				used[v] = true
			}
		}
		return nil
	})
	require.NoError(t, err)
	for v, code := range vars {
		assert.True(t, used[v], "code %s (diag.%s) is registered but nothing reports it", code, v)
	}
}

// TestDiagnosticsDoc: docs/diagnostics.md is what the registry says (every
// code, its severity, meaning and an example line), and the README links it.
func TestDiagnosticsDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "diagnostics.md")
	want := markdownTable()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, want, string(got), "docs/diagnostics.md is stale: go test ./diag -update")

	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(readme), "(docs/diagnostics.md)"), "README links docs/diagnostics.md")
	for _, c := range Codes() {
		assert.Contains(t, string(got), "### `"+c.Name()+"`", "docs/diagnostics.md lists code %s", c.Name())
	}
}
