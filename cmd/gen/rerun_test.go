package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

// rerunPages writes two pages: a.md with one warning (a type no page
// describes), b.md with none.
func rerunPages(t *testing.T) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "docs")
	writeFile(t, filepath.Join(in, "a.md"), resourcePage("a", "", "An a.", "x | [ghost](ghost.md) | x", "y | String | y"))
	writeFile(t, filepath.Join(in, "b.md"), resourcePage("b", "", "A b.", "z | String | z"))
	return in
}

// A rerun prints the warnings new since the last run and counts the
// others; a first run, -v, -check, -strict, -diagnostics json and
// -no-cache print them all. The summary always counts them all.
func TestRerunShowsTheNewWarnings(t *testing.T) {
	in := rerunPages(t)
	t.Chdir(filepath.Dir(in))
	out := filepath.Join(t.TempDir(), "models")
	run := func(args ...string) string {
		t.Helper()
		code, _, stderr := genOut(t, append([]string{"-in", "docs", "-out", out}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		return stderr
	}
	ghost := "docs/a.md:11:3: warning: unknown-type: type microsoft.graph.ghost of a.x is described by no page\n"
	assert.Equal(t, ghost+"gen: 2 pages, 2 types (0 enums); 0 errors, 1 warnings\n", run(), "a first run prints all")
	assert.Equal(t, "gen: 1 more warning, unchanged since the last run; -v shows all\n"+
		"gen: 2 pages, 2 types (0 enums); 0 errors, 1 warnings\n", run(), "nothing changed: nothing new")

	// Lines added above the old warning move it: it is not new. A new
	// warning in b.md is.
	editPage(t, filepath.Join(in, "a.md"), "An a.", "An a.\n\nIt has\nmore lines\nnow.")
	editPage(t, filepath.Join(in, "b.md"), "| z | String | z |", "| z | String | z |\n| w | [phantom](phantom.md) | w |")
	phantom := "docs/b.md:12:3: warning: unknown-type: type microsoft.graph.phantom of b.w is described by no page\n"
	assert.Equal(t, phantom+"gen: 1 more warning, unchanged since the last run; -v shows all\n"+
		"gen: 2 pages, 2 types (0 enums); 0 errors, 2 warnings\n", run())

	moved := strings.Replace(ghost, "a.md:11:3", "a.md:15:3", 1)
	all := moved + phantom + "gen: 2 pages, 2 types (0 enums); 0 errors, 2 warnings\n"
	assert.Equal(t, all, run("-v"))
	assert.Equal(t, "gen: 2 more warnings, unchanged since the last run; -v shows all\n"+
		"gen: 2 pages, 2 types (0 enums); 0 errors, 2 warnings\n", run(), "and without it, none is new")
	assert.Equal(t, all, run("-no-cache"))
	code, _, stderr := genOut(t, "-in", "docs", "-out", out, "-check")
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, all, stderr)
	code, _, stderr = genOut(t, "-in", "docs", "-out", out, "-diagnostics", "json")
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 3, strings.Count(stderr, "\n"), "two warnings and the summary:\n%s", stderr)
	for range 2 {
		code, _, stderr = genOut(t, "-in", "docs", "-out", out, "-strict")
		assert.Equal(t, exitError, code)
		assertLine(t, stderr, "docs/a.md:15:3: error: unknown-type: ")
		assertLine(t, stderr, "docs/b.md:12:3: error: unknown-type: ")
	}
}

// What is one warning across runs: code, file and message, with the lines
// the message names left out; not the line. A key more often than before
// shows every warning of it.
func TestNewSince(t *testing.T) {
	w := func(file string, line int, code, msg string) diag.Diagnostic {
		return diag.Diagnostic{File: file, Line: line, Col: 1, Severity: diag.Warning, Code: code, Message: msg}
	}
	prior := diag.List{
		w("other.md", 1, "duplicate-definition", "microsoft.graph.x is also described at x.md:1"),
		w("a.md", 6, "name-from-json", `table name "Метка" is not a property name; using "label", the JSON key in the same place (line 49)`),
		w("a.md", 7, "unknown-type", "type microsoft.graph.ghost of a.x is described by no page"),
		w("", 0, "folder-hint", "1 of 2 pages describe no type"),
	}
	now := diag.List{
		w("other.md", 5, "duplicate-definition", "microsoft.graph.x is also described at x.md:4"),
		w("a.md", 9, "name-from-json", `table name "Метка" is not a property name; using "label", the JSON key in the same place (line 52)`),
		w("a.md", 10, "unknown-type", "type microsoft.graph.ghost of a.x is described by no page"),
		w("a.md", 11, "unknown-type", "type microsoft.graph.ghost of a.x is described by no page"),
		w("b.md", 7, "unknown-type", "type microsoft.graph.ghost of a.x is described by no page"),
		w("", 0, "folder-hint", "1 of 2 pages describe no type"),
		w("a.md", 8, "name-from-json", `table name "Имя" is not a property name; using "name", the JSON key in the same place (line 53)`),
		{File: "a.md", Line: 7, Col: 1, Severity: diag.Error, Code: "write-failed", Message: "x"},
	}
	shown, unchanged := newSince(now, prior)
	assert.Equal(t, diag.List{now[2], now[3], now[4], now[6], now[7]}, shown,
		"a ghost more in a.md shows both; one in another file, another name and an error are new")
	assert.Equal(t, 3, unchanged, "moved, with the lines they name moved too; about no file")
}

// Each -watch cycle after the first prints the warnings new since the one
// before.
func TestWatchShowsTheNewWarnings(t *testing.T) {
	in := rerunPages(t)
	t.Chdir(filepath.Dir(in))
	out := filepath.Join(t.TempDir(), "models")
	runs, stop, _, stderr := startWatch(t, nil, "-in", "docs", "-out", out)
	waitRun(t, runs)
	editPage(t, filepath.Join(in, "b.md"), "| z | String | z |", "| z | String | z |\n| w | [phantom](phantom.md) | w |")
	waitRun(t, runs)
	assert.Equal(t, exitOK, stop())
	assert.Equal(t, "docs/a.md:11:3: warning: unknown-type: type microsoft.graph.ghost of a.x is described by no page\n"+
		"gen: 2 pages, 2 types (0 enums); 0 errors, 1 warnings\n"+
		"docs/b.md:12:3: warning: unknown-type: type microsoft.graph.phantom of b.w is described by no page\n"+
		"gen: 1 more warning, unchanged since the last run; -v shows all\n"+
		"gen: 2 pages, 2 types (0 enums); 0 errors, 2 warnings\n", stderr.String())
}
