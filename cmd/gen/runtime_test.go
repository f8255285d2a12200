package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedPackageRuntime generates docs-input into a temporary module
// and runs testdata/runtime_test.go.txt there: polymorphic decoding,
// round trips, enums, explicit nulls and unknown data, action bodies and
// the operation table, on the generated code itself. The re-encoded golden cases are compared with
// testdata/roundtrip/*.out.json (-update rewrites them).
func TestGeneratedPackageRuntime(t *testing.T) {
	in, _ := copyDocsInput(t)
	mod := t.TempDir()
	// The whole of docs-input, as make generate reads it: api/ too.
	code, stderr := gen(t, "-in", filepath.Dir(in), "-out", filepath.Join(mod, "models"))
	require.Equal(t, exitOK, code, stderr)
	test, err := os.ReadFile(filepath.Join("testdata", "runtime_test.go.txt"))
	require.NoError(t, err)
	writeFile(t, filepath.Join(mod, "models", "runtime_test.go"), string(test))
	ins, err := filepath.Glob(filepath.Join("testdata", "roundtrip", "*.in.json"))
	require.NoError(t, err)
	for _, p := range ins {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		writeFile(t, filepath.Join(mod, "roundtrip", filepath.Base(p)), string(b))
	}
	out, err := goInModule(t, mod, "test", "-count=1", "./models")
	require.NoError(t, err, "%s", out)
	for _, p := range ins {
		got, err := os.ReadFile(filepath.Join(mod, "roundtrip", strings.Replace(filepath.Base(p), ".in.json", ".got.json", 1)))
		require.NoError(t, err)
		golden := strings.Replace(p, ".in.json", ".out.json", 1)
		if *update {
			require.NoError(t, os.WriteFile(golden, got, 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run with -update to create %s", golden)
		require.Equal(t, string(want), string(got), "%s re-encoded differs from %s", p, golden)
	}
}

// TestWrongTypeInABaseTypedFieldDoesNotCompile: a field declared with a
// base type that has derived types holds the base or a type derived from
// it, and the compiler rejects anything else.
func TestWrongTypeInABaseTypedFieldDoesNotCompile(t *testing.T) {
	in, _ := copyDocsInput(t)
	mod := t.TempDir()
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(mod, "models"))
	require.Equal(t, exitOK, code, stderr)
	build := func(src string) (string, error) {
		writeFile(t, filepath.Join(mod, "use", "use.go"), "package use\n\nimport \"gencheck/models\"\n\n"+src)
		return goInModule(t, mod, "build", "./use")
	}
	out, err := build("var _ = models.Shelf{Items: []models.AnyLibraryItem{&models.Book{}, &models.LibraryItem{}}}\nvar _ = models.LendingLoan{Item: &models.Book{}}\n")
	require.NoError(t, err, "the base and a derived type are accepted: %s", out)
	for _, wrong := range []string{
		"var _ = models.Shelf{Items: []models.AnyLibraryItem{&models.Member{}}}\n", // not derived from libraryItem
		"var _ = models.LendingLoan{Item: &models.Member{}}\n",
		"var _ models.AnyLibraryItem = \"hello\"\n",
		"var _ = models.LendingLoan{Item: models.Book{}}\n", // a struct value, not a pointer
	} {
		out, err := build(wrong)
		require.Error(t, err, "must not compile: %s", wrong)
		assert.Contains(t, out, "does not implement models.AnyLibraryItem", wrong)
	}
}

// goInModule runs the go command in a temporary module named gencheck
// (its go.mod is written if missing) and returns what it printed.
func goInModule(t *testing.T, mod string, args ...string) (string, error) {
	t.Helper()
	skipGoTool(t)
	if _, err := os.Stat(filepath.Join(mod, "go.mod")); err != nil {
		writeFile(t, filepath.Join(mod, "go.mod"), "module gencheck\n\ngo 1.22\n")
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}
