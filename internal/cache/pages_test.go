package cache

import (
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testStore is a store over a folder of the test's own, for a run of -in
// in; what it writes is written once Close returns.
func testStore(t testing.TB, in string) *Store {
	t.Helper()
	st := Open(Config{Dir: t.TempDir(), RunKey: "key", In: in, Out: t.TempDir(), MaxMB: DefaultMaxMB})
	require.NotNil(t, st)
	return st
}

// The snapshot holds every page model of a run, found again by path and
// content hash in the next run's store.
func TestSnapshotRoundTrip(t *testing.T) {
	in := t.TempDir()
	st := testStore(t, in)
	pages := []*parser.Page{fullPage()}
	hashes := []PageHash{{Rel: pages[0].Path, Hash: contentHash([]byte("b"))}}
	st.SaveSnapshot(hashes, pages)
	st.Close()

	again := Open(st.cfg)
	defer again.Close()
	assert.Equal(t, pages[0], again.FromSnapshot(hashes[0].Rel, hashes[0].Hash))
	assert.Nil(t, again.FromSnapshot(hashes[0].Rel, contentHash([]byte("c"))), "another content")
}

// BenchmarkSnapshotLoad reads the page models of the bilingual beta folder
// back from the snapshot: the first step of a rerun after an edit.
func BenchmarkSnapshotLoad(b *testing.B) {
	dir := corpus.Require(b, "corpus", "bilingual-ru-2020-10", "beta", "resources")
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	require.NoError(b, err)
	pages := make([]*parser.Page, len(paths))
	hashes := make([]PageHash, len(paths))
	for i, p := range paths {
		data := mustRead(b, p)
		pages[i] = parser.Parse(filepath.Base(p), data, parser.Options{RootName: "resources"})
		hashes[i] = PageHash{Rel: pages[i].Path, Hash: contentHash(data)}
	}
	st := testStore(b, dir)
	st.SaveSnapshot(hashes, pages)
	st.Close()
	b.ReportAllocs()
	for b.Loop() {
		if snapshot, err := st.readSnapshot(); err != nil || len(snapshot) != len(pages) {
			b.Fatal("snapshot not read whole", err)
		}
	}
}
