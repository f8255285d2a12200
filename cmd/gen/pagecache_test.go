package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageModelsDir is where the test's cache keeps the page models.
func pageModelsDir(t *testing.T) string {
	return filepath.Join(testCacheDir(t), "pages")
}

// sealed reports whether data is a file of the cache: the one format
// starts with this.
func sealed(data []byte) bool { return bytes.HasPrefix(data, []byte("graphgen cache ")) }

func editPage(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(b), old, path)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

// sameAsNoCache runs gen with its caches and then -no-cache into another
// folder: both must hold the same bytes and say the same.
func sameAsNoCache(t *testing.T, in, out, step string) {
	t.Helper()
	rerunAsNoCache(t, in, out, step)
}

func TestPageCacheRerunsAreByteIdentical(t *testing.T) {
	cache := pageModelsDir(t)
	in, out := copyDocsInput(t)
	sameAsNoCache(t, in, out, "first run")
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*.page"))
	assert.Len(t, entries, 14, "one entry per page")

	steps := []struct {
		name string
		edit func()
	}{
		{"a row changed", func() {
			editPage(t, filepath.Join(in, "book.md"), "| pageCount | Int32 | Number of pages. |", "| pageCount | Int64 | Number of pages, cover included. |")
		}},
		{"a page added", func() {
			writeFile(t, filepath.Join(in, "magazine.md"), "# magazine resource type\n\nNamespace: microsoft.graph\n\nA magazine.\n\nInherits from [libraryItem](libraryitem.md).\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| issue | Int32 | The issue number. |\n")
		}},
		{"a page removed", func() { require.NoError(t, os.Remove(filepath.Join(in, "author.md"))) }},
		{"a base changed", func() {
			editPage(t, filepath.Join(in, "magazine.md"), "Inherits from [libraryItem](libraryitem.md).", "Inherits from [entity](entity.md).")
		}},
		{"an enum member removed", func() { editPage(t, filepath.Join(in, "genre.md"), "| history | 2 |", "") }},
		// What the resolver learns across pages: shelfkind.md is unchanged
		// (its page model comes from the cache), but its translated members
		// are named from the possible values shelf.md lists.
		{"an edit that changes what is learned", func() {
			editPage(t, filepath.Join(in, "shelf.md"), "`rack`", "`shelving`")
		}},
	}
	for _, s := range steps {
		s.edit()
		sameAsNoCache(t, in, out, s.name)
	}
	got, err := os.ReadFile(filepath.Join(out, "shelf_kind.go"))
	require.NoError(t, err)
	assert.Contains(t, string(got), `ShelfKindShelving ShelfKind = "shelving"`, "learned anew from the edited page")
}

func TestCorruptPageCacheEntriesAreIgnored(t *testing.T) {
	cache := pageModelsDir(t)
	in, out := copyDocsInput(t)
	sameAsNoCache(t, in, out, "first run")
	entries, err := filepath.Glob(filepath.Join(cache, "*", "*.page"))
	require.NoError(t, err)
	require.Len(t, entries, 14)
	// Truncated, garbled, and a foreign entry (another page's, well formed)
	// under this page's name.
	data0, _ := os.ReadFile(entries[0])
	require.NoError(t, os.WriteFile(entries[0], data0[:len(data0)/2], 0o644))
	data1, _ := os.ReadFile(entries[1])
	data1[len(data1)-10] ^= 0xff
	require.NoError(t, os.WriteFile(entries[1], data1, 0o644))
	data3, _ := os.ReadFile(entries[3])
	require.NoError(t, os.WriteFile(entries[2], data3, 0o644))
	require.NoError(t, os.WriteFile(entries[4], []byte("not a cache entry"), 0o644))
	// The run's snapshot of all page models is corrupt too: each page is
	// looked up in its own entry.
	snapshots, _ := filepath.Glob(filepath.Join(filepath.Dir(cache), "*.pages"))
	require.Len(t, snapshots, 1)
	snap, _ := os.ReadFile(snapshots[0])
	require.NoError(t, os.WriteFile(snapshots[0], snap[:len(snap)-100], 0o644))
	// Force a full pipeline run (not the no-op shortcut, nor the last
	// schema reused) on unchanged pages.
	require.NoError(t, os.Remove(filepath.Join(out, "book.go")))
	schemas, _ := filepath.Glob(filepath.Join(filepath.Dir(cache), "*.schema"))
	require.Len(t, schemas, 1)
	require.NoError(t, os.Remove(schemas[0]))
	sameAsNoCache(t, in, out, "after corrupting entries")
	for _, e := range entries[:5] {
		got, err := os.ReadFile(e)
		require.NoError(t, err)
		assert.True(t, sealed(got), "%s is written again", e)
	}
	again, _ := os.ReadFile(entries[2])
	assert.False(t, bytes.Equal(data3, again), "the foreign entry is replaced by the page's own")
	fixed, _ := os.ReadFile(snapshots[0])
	assert.True(t, sealed(fixed) && len(fixed) > len(snap)-100, "the snapshot is written again")
}

func TestPageCacheIsBounded(t *testing.T) {
	cache := pageModelsDir(t)
	// An old input of 150 pages of about 8 KB each fills the cache past 1 MB.
	old := t.TempDir()
	long := strings.Repeat("A long description. ", 400)
	for i := range 150 {
		name := fmt.Sprintf("thing%03d", i)
		writeFile(t, filepath.Join(old, name+".md"), resourcePage(name, "", long, "x | String | "+long))
	}
	code, _, stderr := genOut(t, "-q", "-in", old, "-out", filepath.Join(t.TempDir(), "oldmodels"), "-cache-max", "100")
	require.Equal(t, exitOK, code, stderr)
	oldEntries, _ := filepath.Glob(filepath.Join(cache, "*", "*.page"))
	require.Len(t, oldEntries, 150)
	long_ago := mustTime(t, "2020-01-01T00:00:00Z")
	for _, e := range oldEntries {
		require.NoError(t, os.Chtimes(e, long_ago, long_ago)) // not used since
	}
	sizeBefore := cacheBytes(t, cache)
	require.Greater(t, sizeBefore, int64(1<<20))

	// A run with a 1 MB bound prunes the least recently used entries down
	// to three quarters of it, and -v says how big the cache is.
	in, out := copyDocsInput(t)
	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-v", "-cache-max", "1")
	require.Equal(t, exitOK, code, stderr)
	assert.LessOrEqual(t, cacheBytes(t, cache), int64(1<<20)*3/4)
	assert.Regexp(t, `gen: page cache: 0\.\d MB of 1 MB in `+regexp.QuoteMeta(cache), stdout)
	kept, _ := filepath.Glob(filepath.Join(cache, "*", "*.page"))
	newest := 0
	for _, k := range kept {
		info, err := os.Stat(k)
		require.NoError(t, err)
		if info.ModTime().After(long_ago) {
			newest++
		}
	}
	assert.Equal(t, 14, newest, "this run's pages are all kept; the oldest went first")
	assert.Less(t, len(kept), 150+14)

	code, _, _ = genOut(t, "-in", in, "-out", out, "-cache-max", "0")
	assert.Equal(t, exitUsage, code)
}

func cacheBytes(t *testing.T, dir string) int64 {
	t.Helper()
	var total int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".page") {
			info, _ := d.Info()
			total += info.Size()
		}
		return nil
	})
	return total
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}
