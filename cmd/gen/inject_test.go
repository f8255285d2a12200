package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goIn runs the go command in dir and returns its combined output.
func goIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	skipGoTool(t)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
	return string(out)
}

// The attack of issue #25, end to end: descriptions written to inject an
// init function, a go:generate directive, a build constraint and a block
// comment that swallows fields. gen writes the package and exits 0 with a
// defused-text warning at each; the package builds and vets with every
// file in the build, go generate runs nothing, and a program importing it
// prints nothing.
func TestPageTextCannotBecomeCode(t *testing.T) {
	mod := t.TempDir()
	code, stderr := gen(t, "-in", repoPath("emitter", "testdata", "hostile"), "-out", filepath.Join(mod, "models"), "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	checkStderr(t, stderr)
	for _, at := range []string{"kid.md:1:1:", "kid.md:11:1:", "kid.md:12:1:", "kid.md:14:1:", "kid.md:15:1:", "kid.md:16:1:", "color.md:4:1:", "color.md:14:1:", "color.md:15:1:"} {
		assert.Contains(t, stderr, at+" warning: defused-text: ", "a warning at %s", at)
	}
	buildPackage(t, mod)
	files, err := filepath.Glob(filepath.Join(mod, "models", "*.go"))
	require.NoError(t, err)
	assert.Equal(t, "0 "+strconv.Itoa(len(files)), strings.TrimSpace(goIn(t, mod, "list", "-f", "{{len .IgnoredGoFiles}} {{len .GoFiles}}", "./models")),
		"no file left the build")
	goIn(t, mod, "generate", "./...")
	_, err = os.Stat(filepath.Join(mod, "models", "PWNED"))
	assert.ErrorIs(t, err, os.ErrNotExist, "go generate ran a page's directive")
	writeFile(t, filepath.Join(mod, "main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"gencheck/models\"\n)\n\n"+
		"func main() {\n\tvar k models.Kid\n\tfmt.Println(k.Label == nil, k.Middle == nil, k.Count == nil, k.Other == nil, k.Plus == nil, models.ColorRed)\n}\n")
	assert.Equal(t, "true true true true true red\n", goIn(t, mod, "run", "."), "every field is there, and no init ran")
}

// The //go:generate line quotes what would end it: an -in folder whose
// name holds a line break stays one directive, and no Go comes of it.
func TestGoGenerateLineQuotesPaths(t *testing.T) {
	for _, arg := range []string{"docs\npackage evil", "a b", `q"uote`, "tab\there", "bell\a"} {
		line, err := goGenerateLine(options{in: arg, out: ".", pkg: "models"})
		require.NoError(t, err)
		assert.NotContains(t, line, "\n", "%q", arg)
		assert.Contains(t, line, strconv.QuoteToASCII(arg), "%q", arg)
	}
	assert.Equal(t, "plain/path", quoteArg("plain/path"))
}
