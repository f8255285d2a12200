package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertLine asserts that a line of output starts with want: a diagnostic
// with exactly that path, not one whose path merely ends with it.
func assertLine(t *testing.T, output, want string) {
	t.Helper()
	assert.Contains(t, "\n"+output, "\n"+want, "want a line starting %q in\n%s", want, output)
}

// shortPath names a file as the go command does: relative to the current
// folder, with .. when outside it, unless the absolute path is shorter or
// the relative one would lead elsewhere (the current folder reached
// through a symbolic link).
func TestShortPath(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"mod/models", "mod/docs/resources", "real/deep"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	t.Chdir(filepath.Join(root, "mod", "models"))
	cases := map[string]string{
		".":                        ".",
		"../docs/resources":        "../docs/resources",
		"./../docs/./resources/":   "../docs/resources",
		filepath.Join(root, "mod"): "..",
		filepath.Join(root, "mod", "docs", "resources", "x.md"): "../docs/resources/x.md", // need not exist
		"/": "/", // "../../../.." and more is longer
	}
	for p, want := range cases {
		assert.Equal(t, filepath.FromSlash(want), shortPath(p), p)
	}

	// In a folder reached through a link, .. is not the link's parent:
	// the relative path would name another file, so the absolute one is
	// printed.
	require.NoError(t, os.Symlink(filepath.Join(root, "real", "deep"), filepath.Join(root, "mod", "link")))
	t.Chdir(filepath.Join(root, "mod", "link"))
	docs := filepath.Join(root, "mod", "docs")
	assert.Equal(t, docs, shortPath(docs), "../docs from the link's target is not there")
}

// Text diagnostics name each page relative to the current folder, so that
// run by go generate in the package folder the path opens in an editor;
// the JSON diagnostics keep the path relative to -in, and the overrides
// file as it was named.
func TestDiagnosticPathsFollowTheCurrentFolder(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "docs", "resources", "a.md"), "# a resource type\n\n"+table+"|x|[ghost](ghost.md)|x|\n|y|String|x|\n")
	writeFile(t, filepath.Join(root, "docs", "resources", "sub", "empty.md"), "")
	ov := filepath.Join(root, "ov.json")
	writeFile(t, ov, `{"types": {"microsoft.graph.a": {"properties": {"y": {"type": "Edm.String"}}}}}`)
	require.NoError(t, os.MkdirAll(filepath.Join(root, "models"), 0o755))

	// From the package folder, as go generate runs it.
	t.Chdir(filepath.Join(root, "models"))
	code, stderr := gen(t, "-in", "../docs/resources", "-out", ".", "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	checkStderr(t, stderr)
	assertLine(t, stderr, "../docs/resources/a.md:6:2: warning: unknown-type: ")
	assertLine(t, stderr, "../docs/resources/sub/empty.md:1:1: warning: no-type: ")

	// From the module root, with -in absolute: still relative, shorter.
	t.Chdir(root)
	code, stderr = gen(t, "-in", filepath.Join(root, "docs", "resources"), "-out", "models", "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	assertLine(t, stderr, "docs/resources/a.md:6:2: warning: unknown-type: ")
	assertLine(t, stderr, "docs/resources/sub/empty.md:1:1: warning: no-type: ")

	// JSON: relative to -in, wherever gen runs.
	code, stderr = gen(t, "-in", "docs/resources", "-out", "models", "-no-cache", "-diagnostics", "json")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, `{"file":"a.md","line":6,"col":2,"severity":"warning","code":"unknown-type"`)
	assert.Contains(t, stderr, `{"file":"sub/empty.md","line":1,"col":1,"severity":"warning","code":"no-type"`)

	// A warning in the overrides file (an override the docs agree with)
	// names it from the current folder in text, as given in JSON.
	t.Chdir(filepath.Join(root, "models"))
	code, stderr = gen(t, "-in", "../docs/resources", "-out", ".", "-no-cache", "-overrides", ov)
	require.Equal(t, exitOK, code, stderr)
	assertLine(t, stderr, "../ov.json:1:49: warning: override-not-needed: ")
	assert.NotContains(t, stderr, ov+":", "the absolute path is longer")
	code, stderr = gen(t, "-in", "../docs/resources", "-out", ".", "-no-cache", "-overrides", ov, "-diagnostics", "json")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, `{"file":"`+filepath.ToSlash(ov)+`","line":1,`)
	assert.True(t, strings.Contains(stderr, `"file":"a.md"`), stderr)
}
