package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyDocsInput copies docs-input into a temporary folder and returns the
// resources folder and a fresh output folder beside it.
func copyDocsInput(t *testing.T) (in, out string) {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(root, "docs-input"), os.DirFS(repoPath("docs-input"))))
	return filepath.Join(root, "docs-input", "resources"), filepath.Join(root, "models")
}

// genOut runs the command as a test does (testHooks) and returns its exit
// code, stdout and stderr.
func genOut(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return genWith(t, testHooks(t), args...)
}

// genWith is genOut with hooks of the test's choosing.
func genWith(t *testing.T, h hooks, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(h, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]time.Time{}
	for _, e := range entries {
		info, err := e.Info()
		require.NoError(t, err)
		out[e.Name()] = info.ModTime()
	}
	return out
}

func ageFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, os.Chtimes(filepath.Join(dir, e.Name()), old, old))
	}
}

func TestNoOpRunRewritesNothing(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	ageFiles(t, out)
	before := modTimes(t, out)
	code, stdout, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, before, modTimes(t, out))
	assert.Contains(t, stdout, fmt.Sprintf("no changes: %d files up to date", docsInputFiles()))
}

func TestChangedPageRewritesOnlyItsFiles(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	ageFiles(t, out)
	before := modTimes(t, out)
	page := filepath.Join(in, "author.md")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, bytes.Replace(b, []byte("Имя автора."), []byte("Полное имя автора."), 1), 0o644))
	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "wrote "+filepath.Join(out, "author.go")+"\n", strings.SplitAfter(stdout, "\n")[0])
	after := modTimes(t, out)
	for name, mt := range before {
		if name == "author.go" {
			assert.NotEqual(t, mt, after[name])
		} else {
			assert.Equal(t, mt, after[name], name)
		}
	}
}

func TestVanishedTypeFileRemovedHandWrittenSpared(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	hand := "package models\n\n// Helpers written by hand.\nfunc Helper() {}\n"
	writeFile(t, filepath.Join(out, "helpers.go"), hand)
	require.NoError(t, os.Remove(filepath.Join(in, "lending-renewal.md")))
	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "removed "+filepath.Join(out, "lending_renewal.go"))
	_, err := os.Stat(filepath.Join(out, "lending_renewal.go"))
	assert.True(t, os.IsNotExist(err))
	got, err := os.ReadFile(filepath.Join(out, "helpers.go"))
	require.NoError(t, err)
	assert.Equal(t, hand, string(got))
	buildPackage(t, filepath.Dir(out))
}

func TestFailedRunLeavesOldOutput(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	before := goFiles(t, out)
	// Bad input: a strict run over a page with warnings writes nothing.
	writeFile(t, filepath.Join(in, "broken.md"), "# broken resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[nowhere](nowhere.md)|x|\n")
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-strict")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "error: unknown-type:")
	assert.Equal(t, before, goFiles(t, out))
	// A file in the way: nothing is written either.
	require.NoError(t, os.Remove(filepath.Join(in, "broken.md")))
	require.NoError(t, os.Remove(filepath.Join(out, "book.go")))
	require.NoError(t, os.Mkdir(filepath.Join(out, "book.go"), 0o755))
	writeFile(t, filepath.Join(in, "zebra.md"), "# zebra resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	code, _, stderr = genOut(t, "-in", in, "-out", out)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "book.go")
	_, err := os.Stat(filepath.Join(out, "zebra.go"))
	assert.True(t, os.IsNotExist(err), "nothing is written when one file cannot be")
}

func TestCheck(t *testing.T) {
	in, out := copyDocsInput(t)
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code, "an empty -out is stale")
	assert.Contains(t, stdout, "added "+filepath.Join(out, "book.go"))
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "-check writes nothing")

	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	code, stdout, _ = genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, fmt.Sprintf("is up to date (%d files)", docsInputFiles()))

	page := filepath.Join(in, "genre.md")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, bytes.Replace(b, []byte("| history | 2 |"), []byte("| poetry | 2 |"), 1), 0o644))
	writeFile(t, filepath.Join(out, "stale_type.go"), "// "+"Code generated by gen; DO NOT EDIT."+"\n\npackage models\n")
	ageFiles(t, out)
	before := modTimes(t, out)
	code, stdout, _ = genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, "changed "+filepath.Join(out, "genre.go"))
	assert.Contains(t, stdout, "removed "+filepath.Join(out, "stale_type.go"))
	assert.Contains(t, stdout, `+	GenrePoetry Genre = "poetry"`)
	assert.Contains(t, stdout, `-	GenreHistory Genre = "history"`)
	assert.Equal(t, before, modTimes(t, out), "-check touches nothing")
}

func TestSubsetPackageBuildsAndIsClosed(t *testing.T) {
	in, _ := copyDocsInput(t)
	mod := t.TempDir()
	out := filepath.Join(mod, "models")
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-types", "microsoft.graph.b*k, microsoft.graph.lending.*")
	require.Equal(t, exitOK, code, stderr)
	var names []string
	for _, n := range keys(goFiles(t, out)) {
		if !isRuntimeFile(n) {
			names = append(names, n)
		}
	}
	// book, its bases (libraryItem, entity), its property types (author,
	// genre, coverType) and the lending types with theirs (loanState);
	// not the navigation targets (member, shelf) nor postalAddress.
	assert.Equal(t, []string{"author.go", "book.go", "cover_type.go", "doc.go", "entity.go", "genre.go",
		"lending_loan.go", "lending_renewal.go", "library_item.go", "loan_state.go", "operations.go", "registry.go"}, names)
	src, err := os.ReadFile(filepath.Join(out, "book.go"))
	require.NoError(t, err)
	assert.Contains(t, string(src), "Borrowers []json.RawMessage `graph:\"navigation\" json:\"borrowers,omitempty\"`", "a navigation collection outside the subset: raw JSON elements")
	buildPackage(t, mod)

	code, _, stderr = genOut(t, "-in", in, "-out", out, "-types", "microsoft.graph.nothing")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "matches no type")
}

func TestOutputFlags(t *testing.T) {
	in, out := copyDocsInput(t)
	writeFile(t, filepath.Join(in, "odd.md"), "# odd resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[nowhere](nowhere.md)|x|\n")

	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-q")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr, "-q prints errors only")

	code, _, stderr = genOut(t, "-in", in, "-out", out, "-diagnostics", "json")
	assert.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines[:len(lines)-1] {
		var d struct {
			File, Severity, Code, Message string
			Line, Col                     int
		}
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		assert.NotEmpty(t, d.File)
		assert.Positive(t, d.Line)
		assert.NotEmpty(t, d.Code)
	}
	var summary struct{ Summary map[string]int }
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &summary))
	assert.Equal(t, 15, summary.Summary["pages"])
	assert.Equal(t, len(lines)-1, summary.Summary["warnings"])

	code, _, stderr = genOut(t, "-in", in, "-out", out, "-strict")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "error: unknown-type:")

	code, _, _ = genOut(t, "-in", in, "-out", out, "-diagnostics", "xml")
	assert.Equal(t, exitUsage, code)
	code, _, _ = genOut(t, "-in", in, "-out", out, "-q", "-v")
	assert.Equal(t, exitUsage, code)

	code, _, stderr = genOut(t, "-h")
	assert.Equal(t, exitOK, code)
	for _, f := range []string{"-in", "-out", "-pkg", "-schema-out", "-openapi-out", "-types", "-diagnostics", "-check", "-v", "-q", "-strict", "-go-generate", "-no-cache", "-ignore", "-exclude", "-cache-max", "-watch", "-overrides", "-client"} {
		assert.Regexp(t, `\n  `+f+`[ \t\n]`, stderr, "flag %s is documented", f)
	}
	assert.Equal(t, 19, strings.Count(stderr, "example: "), "every flag has an example")
}

func TestConcurrentRunsOnOneOutput(t *testing.T) {
	in, out := copyDocsInput(t)
	var wg sync.WaitGroup
	codes := make([]int, 4)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = genOut(t, "-in", in, "-out", out)
		}()
	}
	wg.Wait()
	assert.Equal(t, []int{0, 0, 0, 0}, codes)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, entries, docsInputFiles(), "no temporary files, no duplicates")
	buildPackage(t, filepath.Dir(out))
}

// The //go:generate line in generated/doc.go reruns the generator and gives
// back the same package.
func TestGoGenerateLine(t *testing.T) {
	cmd := exec.Command("go", "generate", "-n", "./generated")
	cmd.Dir = repoPath()
	outb, err := cmd.CombinedOutput()
	require.NoError(t, err, string(outb))
	line := strings.TrimSpace(string(outb))
	assert.Equal(t, "go run "+modulePath+" -in ../docs-input -out . -pkg generated -client -go-generate", line)
	want := repoPath("generated") // before the working folder changes
	root := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(root, "docs-input"), os.DirFS(repoPath("docs-input"))))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "generated"), 0o755))
	writeFile(t, filepath.Join(root, "go.mod"), "module github.com/docgen/graphgen\n") // as in the repository
	t.Chdir(filepath.Join(root, "generated"))
	args := strings.Fields(line)[3:]
	code, _, stderr := genOut(t, args...)
	require.Equal(t, exitOK, code, stderr)
	assertSameTree(t, want, ".", "run `make generate`")
}

// A run killed between staging its files and renaming them (kill -9: no
// clean-up runs) leaves temporary files in -out. They make -out stale,
// also when the pages did not change, and the next run removes them; only
// gen's own go (named as gen names them and holding generated code), and a
// file a person named like an earlier version's temporary file stays,
// also when gen writes the file it seems to belong to.
func TestTemporaryFilesOfAKilledRun(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	want := goFiles(t, out)
	strays := map[string]string{
		".gen-tmp-0123456789abcdef-book.go.tmp":   want["book.go"],
		".gen-tmp-fedcba9876543210-author.go.tmp": "", // created, not yet written
	}
	for name, content := range strays {
		writeFile(t, filepath.Join(out, name), content)
	}
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code, stdout)
	for name := range strays {
		assert.Contains(t, stdout, "removed "+filepath.Join(out, name)+" (a temporary file left by a run that was killed)")
	}
	assert.Contains(t, stdout, "0 files would be written, 2 removed")

	// A file of a person's, named as gen named its temporary files before.
	mine := filepath.Join(out, ".gen-book.go.tmp")
	writeFile(t, mine, "my notes")
	require.NoError(t, os.Remove(filepath.Join(out, "book.go")))
	code, stdout, stderr = genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "wrote "+filepath.Join(out, "book.go"))
	for name := range strays {
		assert.Contains(t, stdout, "removed "+filepath.Join(out, name))
		assert.NoFileExists(t, filepath.Join(out, name))
	}
	got, err := os.ReadFile(mine)
	require.NoError(t, err)
	assert.Equal(t, "my notes", string(got))
	assert.Equal(t, want, goFiles(t, out))
	code, stdout, _ = genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitOK, code, stdout)

	// A file so named that holds no generated code (a killed run's
	// -schema-out written into -out, say) is not gen's to remove, and
	// keeps no rerun from finding nothing to do.
	schema := filepath.Join(out, ".gen-tmp-0123456789abcdef-schema.json.tmp")
	writeFile(t, schema, "{}")
	code, stdout, stderr = genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, fmt.Sprintf("gen: no changes: %d files up to date in %s\n", docsInputFiles(), out), stdout, "the recorded run, replayed")
	assert.FileExists(t, schema)
}
