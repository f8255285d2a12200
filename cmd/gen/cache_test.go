package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/internal/cache"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCachedRerunIsTheSameRun(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, first := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, first)
	prior := recorded(t, in, out)
	require.NotNil(t, prior, "a successful run is recorded")
	assert.Equal(t, docsInputFiles(), prior.Files)
	ageFiles(t, out)
	before := modTimes(t, out)
	code, stdout, second := genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code)
	assert.Equal(t, first, second, "the same diagnostics and summary")
	assert.Contains(t, stdout, fmt.Sprintf("no changes: %d files up to date", docsInputFiles()))
	assert.Equal(t, before, modTimes(t, out))
	// Without -v, a rerun counts the warnings it printed before.
	code, _, third := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code)
	summary := first[strings.LastIndex(strings.TrimSuffix(first, "\n"), "\n")+1:]
	assert.Equal(t, fmt.Sprintf("gen: %d more warnings, unchanged since the last run; -v shows all\n", strings.Count(first, "\n")-1)+summary, third)
	assert.Equal(t, before, modTimes(t, out))
}

func TestCorruptCacheCostsOnlyAFullRun(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, first := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, first)
	path := runRecordFile(t)
	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o644))
	require.Nil(t, recorded(t, in, out), "not a record")
	code, stdout, second := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code)
	assert.Equal(t, first, second)
	assert.Contains(t, stdout, "no changes")
	assert.NotNil(t, recorded(t, in, out), "the record is written again")
}

func TestCacheNoticesChangedOutput(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	want := goFiles(t, out)
	// Someone edits a generated file and deletes another.
	writeFile(t, filepath.Join(out, "book.go"), want["book.go"]+"\n// edited\n")
	require.NoError(t, os.Remove(filepath.Join(out, "genre.go")))
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "wrote "+filepath.Join(out, "book.go"))
	assert.Contains(t, stdout, "wrote "+filepath.Join(out, "genre.go"))
	assert.Equal(t, want, goFiles(t, out))
}

func TestNoCacheFlag(t *testing.T) {
	in, out := copyDocsInput(t)
	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Regexp(t, `gen: resolve passes: collect [0-9.]+[µm]?s, learn `, stdout, "-v times each pass of a run that resolves")
	assert.Nil(t, recorded(t, in, out), "-no-cache writes no record")
	code, stdout, _ = genOut(t, "-in", in, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, fmt.Sprintf("no changes: %d files up to date", docsInputFiles()), "the write step still finds nothing to do")
}

// TestCacheKeyHoldsTheFilterFlags: a rerun with another -ignore or
// -exclude is another run, not the cached one.
func TestCacheKeyHoldsTheFilterFlags(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, first := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, first)
	require.Contains(t, first, "warning: unknown-type:")

	code, _, ignored := genOut(t, "-in", in, "-out", out, "-ignore", "unknown-type")
	require.Equal(t, exitOK, code)
	assert.NotContains(t, ignored, "unknown-type", "not the cached run's diagnostics")

	code, _, excluded := genOut(t, "-in", in, "-out", out, "-exclude", "book.md")
	require.Equal(t, exitOK, code)
	assert.NotContains(t, excluded, "book.md", "not the cached run's diagnostics")
	assert.NoFileExists(t, filepath.Join(out, "book.go"))

	code, _, again := genOut(t, "-in", in, "-out", out, "-exclude", "book.md", "-v")
	require.Equal(t, exitOK, code)
	assert.Equal(t, excluded, again, "the same flags hit their own entry")
}

// A page that could not be read is read again on the next run: a failure
// to read is never recorded as the page's hash. The steps are
// chmod 000, run, chmod 644, run; neither chmod changes the page's size or
// modification time. Tests run as root here, and root reads a page with
// no read permission, so hooks.readPage (the one place pages are read) is made
// to refuse such a page as the kernel does for anyone else; the rest of
// the run is the real one.
func TestUnreadablePageIsReadAgain(t *testing.T) {
	in, out := copyDocsInput(t)
	t.Chdir(filepath.Dir(out))
	h := testHooks(t)
	h.readPage = func(path string) ([]byte, error) {
		if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o444 == 0 {
			return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}
		}
		return readPageFile(path)
	}
	genOut := func(t *testing.T, args ...string) (int, string, string) { return genWith(t, h, args...) }
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	want := goFiles(t, out)

	// The page changes (an hour ago, out of the racy window, so that a
	// recorded hash would be reused) and cannot be read.
	page, goFile := filepath.Join(in, "lending-renewal.md"), filepath.Join(out, "lending_renewal.go")
	old := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(page, old, old))
	require.NoError(t, os.Chmod(page, 0o000))
	code, _, stderr = genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assertLine(t, stderr, "docs-input/resources/lending-renewal.md:1:1: warning: unreadable:")
	assert.NoFileExists(t, goFile)

	require.NoError(t, os.Chmod(page, 0o644))
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code, "-out lacks the page's type: stale")
	assert.Contains(t, stdout, "added "+goFile)
	code, stdout, stderr = genOut(t, "-in", in, "-out", out, "-v")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "wrote "+goFile)
	assert.NotContains(t, stderr, "unreadable")
	got := goFiles(t, out)
	assert.Equal(t, keys(want), keys(got))
	assert.Equal(t, want["lending_renewal.go"], got["lending_renewal.go"])
}

// What listing the pages reports (a symbolic link, a folder that cannot be
// read) is found again on every run, also on a rerun with nothing else to
// do, and -strict and -ignore apply to it as to any diagnostic.
func TestListingDiagnosticsOnACachedRun(t *testing.T) {
	in := t.TempDir()
	t.Chdir(in)
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\n"+table+"|a|String|x|\n")
	out := filepath.Join(t.TempDir(), "models")
	run := func(args ...string) (int, string, string) {
		t.Helper()
		return genOut(t, append([]string{"-in", in, "-out", out}, args...)...)
	}
	for _, flags := range [][]string{{}, {"-strict"}, {"-strict", "-ignore", "symlink"}} {
		code, _, stderr := run(flags...)
		require.Equal(t, exitOK, code, stderr)
		require.Contains(t, stderr, "0 errors, 0 warnings")
	}
	evil := filepath.Join(in, "evil.md")
	require.NoError(t, os.Symlink("/etc/passwd", evil))
	for range 2 {
		code, _, stderr := run("-strict", "-check")
		assert.Equal(t, exitError, code, stderr)
		assertLine(t, stderr, "evil.md:1:1: error: symlink:")
		code, _, stderr = run("-strict")
		assert.Equal(t, exitError, code, stderr)
		assertLine(t, stderr, "evil.md:1:1: error: symlink:")
	}
	for i := range 2 { // a run, then a rerun with nothing to do
		code, _, stderr := run()
		assert.Equal(t, exitOK, code, stderr)
		if i == 0 {
			assertLine(t, stderr, "evil.md:1:1: warning: symlink:")
		} else {
			assertLine(t, stderr, "gen: 1 more warning, unchanged since the last run; -v shows all")
		}
		assert.Contains(t, stderr, "0 errors, 1 warnings")
		code, _, stderr = run("-v")
		assert.Equal(t, exitOK, code, stderr)
		assertLine(t, stderr, "evil.md:1:1: warning: symlink:")
		code, _, stderr = run("-strict", "-ignore", "symlink")
		assert.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stderr, "0 errors, 0 warnings")
	}
	require.NoError(t, os.Remove(evil))
	code, _, stderr := run()
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "0 errors, 0 warnings", "a link that is gone is not reported")
}

// Temporary files in the cache folder that killed runs left (old ones:
// a recent one may be another run's) are removed by the next run; a run
// leaves none of its own.
func TestStaleTemporaryFilesLeaveTheCache(t *testing.T) {
	pages := pageModelsDir(t)
	root := filepath.Dir(pages)
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, tempFiles(t, root), "a run leaves no temporary file")

	old := time.Now().Add(-time.Hour)
	stale := []string{filepath.Join(root, ".gen-tmp-0123456789abcdef-x.run.tmp"), filepath.Join(pages, "ab", ".gen-tmp-0123456789abcdef-y.page.tmp")}
	recent := filepath.Join(root, ".gen-tmp-1123456789abcdef-x.pages.tmp")
	for _, p := range append(stale, recent) {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		writeFile(t, p, "partial")
	}
	for _, p := range stale {
		require.NoError(t, os.Chtimes(p, old, old))
	}
	code, stdout, stderr := genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "no changes", "also a run with nothing to do")
	assert.NoFileExists(t, stale[0])
	assert.FileExists(t, recent)
	assert.FileExists(t, stale[1], "below the cache folder: for pruning")
	// Pruning measures the page models when their size is not recorded:
	// a run that stores a page model then prunes.
	require.NoError(t, os.Remove(filepath.Join(pages, "size")))
	editPage(t, filepath.Join(in, "book.md"), "| Number of pages. |", "| The number of pages. |")
	code, _, stderr = genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.NoFileExists(t, stale[1], "pruning removes it")
}

// tempFiles lists the files under root named as gen's temporary files.
func tempFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && emitter.IsTempName(d.Name()) {
			out = append(out, p)
		}
		return err
	}))
	return out
}

// A run records its output as it left it, while it still held -out's
// lock. Here another run into the same -out (one with -types, which
// leaves a smaller package) gets in as soon as the first lets go: the next
// run must not take the other run's files for the first run's.
func TestOutputStampsAreTakenUnderTheLock(t *testing.T) {
	t.Parallel()
	in, out := copyDocsInput(t)
	h := testHooks(t)
	other := false
	h.write = func(dir string, files []emitter.File) (emitter.WriteResult, error) {
		res, err := emitter.Write(dir, files)
		if !other { // the lock is released: the other run writes
			other = true
			code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-types", "microsoft.graph.genre")
			require.Equal(t, exitOK, code, stderr)
		}
		return res, err
	}
	code, _, stderr := genWith(t, h, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	require.NoFileExists(t, filepath.Join(out, "book.go"), "the other run's package")

	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code, stdout)
	assert.Contains(t, stdout, "added "+filepath.Join(out, "book.go"))
	code, stdout, stderr = genOut(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stdout, "no changes")
	fresh := filepath.Join(t.TempDir(), "models")
	code, _, stderr = genOut(t, "-in", in, "-out", fresh, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	assertSameTree(t, fresh, out, "the whole package again")
}

// A run record is the record of its own invocation on its own -in folder
// only: one copied from another -in's file, or left by a folder that was
// deleted and copied back since, is not trusted, even where every page
// keeps its path, size and modification time.
func TestForeignRunRecordsAreNotTrusted(t *testing.T) {
	a, out := copyDocsInput(t)
	b, _ := copyDocsInput(t)
	// b differs from a in one page, in a member of the same length.
	editPage(t, filepath.Join(b, "genre.md"), "| history |", "| stories |")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, dir := range []string{a, b} {
		setPageTimes(t, dir, old)
	}
	code, _, stderr := genOut(t, "-in", b, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	bRecord := runRecordFile(t)
	require.NoError(t, os.Remove(bRecord))
	code, _, stderr = genOut(t, "-in", a, "-out", out)
	require.Equal(t, exitOK, code, stderr)

	// a's record, copied to where b's is.
	record, err := os.ReadFile(runRecordFile(t))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bRecord, record, 0o644))
	code, stdout, _ := genOut(t, "-in", b, "-out", out, "-check")
	assert.Equal(t, exitError, code, stdout)
	assert.Contains(t, stdout, `+	GenreStories Genre = "stories"`)

	// b's own record, then b deleted and a copied in its place, with the
	// same modification times (cp -a).
	code, _, stderr = genOut(t, "-in", b, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	require.NoError(t, os.RemoveAll(b))
	require.NoError(t, os.CopyFS(b, os.DirFS(a)))
	setPageTimes(t, b, old)
	code, stdout, _ = genOut(t, "-in", b, "-out", out, "-check")
	assert.Equal(t, exitError, code, stdout)
	assert.Contains(t, stdout, `+	GenreHistory Genre = "history"`)
}

// setPageTimes gives every page under dir this modification time.
func setPageTimes(t *testing.T, dir string, when time.Time) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, os.Chtimes(filepath.Join(dir, e.Name()), when, when))
	}
}

// recorded is what the cache records of the last run of gen -in in -out
// in this test, or nil.
func recorded(t *testing.T, in, out string) *cache.Recorded {
	t.Helper()
	store := cache.Open(cache.Config{Dir: testCacheDir(t), RunKey: runKey(options{in: in, out: out, pkg: "models"}), In: in, Out: out, MaxMB: 1})
	defer store.Close()
	return store.Prior()
}

// runRecordFile is the one run record in the test's cache folder.
func runRecordFile(t *testing.T) string {
	t.Helper()
	records, err := filepath.Glob(filepath.Join(testCacheDir(t), "*.run"))
	require.NoError(t, err)
	require.Len(t, records, 1)
	return records[0]
}

// A page's model depends on the name of its -in folder (a link such as
// ../resources/b.md resolves by it): the same page in folders of two
// names does not share a cached model.
func TestPageModelsAreKeyedByTheFolderName(t *testing.T) {
	pages := map[string]string{
		"a.md": "# a resource type\n\nNamespace: microsoft.graph\n\nInherits from [the base](../resources/b.md).\n\n" + table + "|x|String|x|\n",
		"b.md": "# b resource type\n\nNamespace: microsoft.graph\n\n" + table + "|y|String|y|\n",
	}
	root := t.TempDir()
	for _, name := range []string{"resources", "docs"} {
		for page, content := range pages {
			writeFile(t, filepath.Join(root, name, page), content)
		}
		rerunAsNoCache(t, filepath.Join(root, name), filepath.Join(root, "out-"+name, "models"), name)
	}
	src, err := os.ReadFile(filepath.Join(root, "out-docs", "models", "a.go"))
	require.NoError(t, err)
	assert.NotContains(t, string(src), "\tB\n", "outside docs/, the link names no page")
}
