package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rerunAsNoCache runs gen -v with its caches, then -no-cache into another
// folder: both must hold the same bytes and say the same. It returns the
// -v line that says how the schema was had.
func rerunAsNoCache(t *testing.T, in, out, step string) string {
	t.Helper()
	code, stdout, stderr := genOut(t, "-v", "-in", in, "-out", out, "-schema-out", out+".json")
	require.Equal(t, exitOK, code, stderr)
	fresh := filepath.Join(t.TempDir(), "models")
	code, _, want := genOut(t, "-v", "-in", in, "-out", fresh, "-schema-out", fresh+".json", "-no-cache")
	require.Equal(t, exitOK, code, want)
	assert.Equal(t, want, stderr, "%s: the same diagnostics", step)
	assertSameTree(t, fresh, out, step)
	a, _ := os.ReadFile(out + ".json")
	b, _ := os.ReadFile(fresh + ".json")
	assert.True(t, bytes.Equal(a, b), "%s: the same schema JSON", step)
	return regexp.MustCompile(`(?m)^gen: schema: .*$`).FindString(stdout)
}

// A rerun whose edited pages changed only in descriptions gives the last
// schema the new text; any other edit resolves again. Either way the
// output is the output of a -no-cache run.
func TestDescriptionEditsReuseTheSchema(t *testing.T) {
	in, out := copyDocsInput(t)
	assert.Equal(t, "gen: schema: resolved", rerunAsNoCache(t, in, out, "first run"))
	page := func(name string) string { return filepath.Join(in, name) }
	const reused1 = "gen: schema: reused; 1 page edited in descriptions only"
	steps := []struct {
		name, want string
		edit       func()
	}{
		{"a row's description", reused1, func() {
			editPage(t, page("book.md"), "| Number of pages. |", "| How many pages the book has. |")
		}},
		{"a type's description, on a localized page", reused1, func() {
			editPage(t, page("shelf.md"), "Полка в читальном зале, на", "Прочная полка в читальном зале, на")
		}},
		{"an enum member's description", reused1, func() {
			editPage(t, page("genre.md"), "| Novels and short stories. |", "| Novels, novellas and short stories. |")
		}},
		{"a row's description with a possible value", "gen: schema: resolved", func() {
			editPage(t, page("book.md"), "`science`, `history`", "`history`")
		}},
		{"a description emptied", "gen: schema: resolved", func() {
			editPage(t, page("book.md"), "| Replacement price. |", "| |")
		}},
		{"a row's type", "gen: schema: resolved", func() {
			editPage(t, page("book.md"), "| edition | Int16 |", "| edition | Int32 |")
		}},
		{"a line added above the table", "gen: schema: resolved", func() {
			editPage(t, page("book.md"), "A printed or electronic book in the collection.", "A printed or electronic book\nin the collection.")
		}},
		{"an edit undone", reused1, func() {
			editPage(t, page("book.md"), "| How many pages the book has. |", "| Number of pages. |")
		}},
	}
	for _, s := range steps {
		s.edit()
		assert.Equal(t, s.want, rerunAsNoCache(t, in, out, s.name), s.name)
	}
}

// A corrupt, truncated or foreign resolved cache is never trusted: the run
// resolves, and writes it again.
func TestCorruptResolvedCacheIsIgnored(t *testing.T) {
	cache := pageModelsDir(t)
	in, out := copyDocsInput(t)
	rerunAsNoCache(t, in, out, "first run")
	dir := filepath.Dir(cache)
	schemas, _ := filepath.Glob(filepath.Join(dir, "*.schema"))
	states, _ := filepath.Glob(filepath.Join(dir, "*.resolved"))
	require.Len(t, schemas, 1)
	require.Len(t, states, 1)
	good, err := os.ReadFile(schemas[0])
	require.NoError(t, err)

	// Another run's schema, well formed, under this run's name.
	other := t.TempDir()
	require.NoError(t, os.CopyFS(other, os.DirFS(in)))
	require.NoError(t, os.Remove(filepath.Join(other, "shelf.md")))
	code, _, stderr := genOut(t, "-q", "-in", other, "-out", filepath.Join(t.TempDir(), "models"), "-schema-out", filepath.Join(t.TempDir(), "s.json"))
	require.Equal(t, exitOK, code, stderr)
	foreign := ""
	all, _ := filepath.Glob(filepath.Join(dir, "*.schema"))
	for _, p := range all {
		if p != schemas[0] {
			foreign = p
		}
	}
	require.NotEmpty(t, foreign)
	foreignData, _ := os.ReadFile(foreign)

	for _, c := range []struct {
		name string
		file string
		data []byte
	}{
		{"truncated schema", schemas[0], good[:len(good)/2]},
		{"garbled schema", schemas[0], flipByte(good, len(good)-20)},
		{"foreign schema", schemas[0], foreignData},
		{"not a cache file", states[0], []byte("not a cache entry")},
	} {
		require.NoError(t, os.WriteFile(c.file, c.data, 0o644))
		editPage(t, filepath.Join(in, "book.md"), "| Number of pages", "| The number of pages")
		assert.Equal(t, "gen: schema: resolved", rerunAsNoCache(t, in, out, c.name), c.name)
		again, err := os.ReadFile(c.file)
		require.NoError(t, err)
		assert.True(t, sealed(again), "%s: written again", c.name)
		editPage(t, filepath.Join(in, "book.md"), "| The number of pages", "| Number of pages")
		assert.Equal(t, "gen: schema: reused; 1 page edited in descriptions only", rerunAsNoCache(t, in, out, c.name+", then"), c.name)
	}
}

func flipByte(data []byte, i int) []byte {
	out := append([]byte(nil), data...)
	out[i] ^= 0xff
	return out
}
