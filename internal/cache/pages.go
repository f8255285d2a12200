// The page models: each page's parse result (its model, with positions
// and diagnostics), so that a rerun parses only the pages whose content
// changed. Each model has an entry of its own, by the page's path and
// content hash, shared by every run; the run also keeps all its models in
// one snapshot, read in one piece (far quicker than thousands of
// entries). Nothing learned across pages is kept: the resolver computes
// that from the models every run.

package cache

import (
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/parser"
	"golang.org/x/sync/errgroup"
)

// DefaultMaxMB bounds the page models: least recently used entries are
// pruned beyond it.
const DefaultMaxMB = 256

// pageStore is the page models' part of a Store.
type pageStore struct {
	dir   string       // the entries' folder
	limit int64        // bytes
	wrote atomic.Int64 // bytes written this run
	// snapshot holds the page models of the last run with this run key,
	// by path and content hash.
	snapshot map[string]*parser.Page
	ready    chan struct{} // closed once the snapshot is read
	dropped  atomic.Bool   // the run needs no snapshot (dropSnapshot)
	misses   atomic.Int64  // pages not found in the snapshot this run
}

// entryPath is where the entry of key is.
func (ps *pageStore) entryPath(key string) string {
	return filepath.Join(ps.dir, key[:2], key+".page")
}

// pageKey names the entry of a page: everything its model is made from,
// which is its path relative to -in, its content hash, the name of the
// -in folder (links such as ../resources/x.md resolve by it) and the
// generator build.
func (st *Store) pageKey(rel, hash string) string { return st.key(rel, hash) }

// FromSnapshot returns the snapshot's model of the page at rel with this
// content hash, or nil.
func (st *Store) FromSnapshot(rel, hash string) *parser.Page {
	if st == nil || !isContentHash(hash) {
		return nil
	}
	st.waitSnapshot()
	return st.pages.snapshot[rel+"\x00"+hash]
}

// Page returns the model of the page at rel with this content hash, from
// the snapshot or from its own entry; nil when there is none, or the entry
// is not exactly what this key wrote (damaged, foreign): the caller parses
// and stores anew.
func (st *Store) Page(rel, hash string) *parser.Page {
	if st == nil || !isContentHash(hash) {
		return nil
	}
	if p := st.FromSnapshot(rel, hash); p != nil {
		return p
	}
	st.pages.misses.Add(1)
	p, _ := st.entry(rel, hash)
	return p
}

// entry reads the page's own entry, without waiting for the snapshot.
func (st *Store) entry(rel, hash string) (*parser.Page, error) {
	key := st.pageKey(rel, hash)
	path := st.pages.entryPath(key)
	parts, err := readSealed(path, key, 1)
	if err != nil {
		return nil, err
	}
	r := newReaderOwning(parts[0])
	if r.Str() != hash {
		return nil, errForeign
	}
	p := decodePage(r)
	if !r.Done() {
		return nil, errDamaged
	}
	if p.Path != rel {
		return nil, errForeign
	}
	touch(path)
	return p, nil
}

// StorePage keeps the model of a page with this content hash; failures
// only cost the next run a parse.
func (st *Store) StorePage(hash string, p *parser.Page) {
	if st == nil || p == nil || !isContentHash(hash) {
		return
	}
	key := st.pageKey(p.Path, hash)
	var w writer
	w.Str(hash)
	encodePage(&w, p)
	path := st.pages.entryPath(key)
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	if n, err := writeSealed(st.dir, path, key, w.buf); err == nil {
		st.pages.wrote.Add(n)
	}
}

// touch marks an entry as used now, at most once an hour, for pruning.
func touch(path string) {
	if info, err := os.Stat(path); err == nil && time.Since(info.ModTime()) > time.Hour {
		now := time.Now()
		os.Chtimes(path, now, now)
	}
}

// snapshotChunks is how many separately encoded parts a snapshot holds, so
// that they decode in parallel; fixed, so the file does not depend on the
// machine.
const snapshotChunks = 8

// snapshotKey is what the snapshot is sealed for.
func (st *Store) snapshotKey() string { return st.key("snapshot", st.run+".pages") }

// loadSnapshot starts reading the snapshot in the background.
func (st *Store) loadSnapshot() {
	st.pages.ready = make(chan struct{})
	go func() {
		defer close(st.pages.ready)
		st.pages.snapshot, _ = st.readSnapshot()
	}()
}

// dropSnapshot stops reading the snapshot, for a run that needs no page
// models: what is being decoded finishes, the rest is skipped.
func (st *Store) dropSnapshot() {
	if st != nil {
		st.pages.dropped.Store(true)
	}
}

// errDropped stops reading a snapshot that is no longer wanted.
var errDropped = fmt.Errorf("snapshot dropped")

func (st *Store) waitSnapshot() { <-st.pages.ready }

// readSnapshot reads the snapshot, its chunks on all cores.
func (st *Store) readSnapshot() (map[string]*parser.Page, error) {
	chunks, err := readSealed(st.run+".pages", st.snapshotKey(), snapshotChunks)
	if err != nil {
		return nil, err
	}
	decoded := make([]map[string]*parser.Page, len(chunks))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, chunk := range chunks {
		g.Go(func() error {
			if st.pages.dropped.Load() {
				return errDropped
			}
			pages, err := decodeSnapshotChunk(chunk)
			decoded[i] = pages
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	snapshot := map[string]*parser.Page{}
	for _, pages := range decoded {
		maps.Copy(snapshot, pages)
	}
	return snapshot, nil
}

// encodeSnapshotChunk writes pages with their content hashes.
func encodeSnapshotChunk(pages []*parser.Page, hashes map[string]string) []byte {
	var w writer
	w.Uint(uint64(len(pages)))
	for _, p := range pages {
		w.Str(hashes[p.Path])
		encodePage(&w, p)
	}
	return w.buf
}

// decodeSnapshotChunk reads what encodeSnapshotChunk wrote, by path and
// content hash.
func decodeSnapshotChunk(chunk []byte) (map[string]*parser.Page, error) {
	r := newReaderOwning(chunk)
	n := r.Count()
	pages := make(map[string]*parser.Page, n)
	for range n {
		hash := r.Str()
		p := decodePage(r)
		pages[p.Path+"\x00"+hash] = p
	}
	if !r.Done() {
		return nil, errDamaged
	}
	return pages, nil
}

// SaveSnapshot writes this run's page models when the snapshot read
// missed more than a tenth of them. A few edited pages do not call for
// it: they are found in their own entries, since lookups go by path and
// content hash. It writes before it returns: the models are the run's,
// and resolving changes them for a while (traceProse).
func (st *Store) SaveSnapshot(files []PageHash, pages []*parser.Page) {
	if st == nil {
		return
	}
	st.waitSnapshot()
	if st.pages.snapshot != nil && st.pages.misses.Load()*10 <= int64(len(pages)) {
		return
	}
	hashes := pagesOf(files)
	var kept []*parser.Page
	for _, p := range pages {
		if isContentHash(hashes[p.Path]) {
			kept = append(kept, p)
		}
	}
	chunks := make([][]byte, snapshotChunks)
	for i := range chunks {
		chunks[i] = encodeSnapshotChunk(kept[i*len(kept)/snapshotChunks:(i+1)*len(kept)/snapshotChunks], hashes)
	}
	st.write(st.run+".pages", st.snapshotKey(), chunks...)
}

// sizeFile keeps the entries' size as of the last prune plus what was
// written since, so a run need not walk them to know it.
func (ps *pageStore) sizeFile() string { return filepath.Join(ps.dir, "size") }

// size returns the entries' recorded size in bytes, measuring it when no
// size is recorded.
func (ps *pageStore) size() int64 {
	b, err := os.ReadFile(ps.sizeFile())
	if err != nil {
		return ps.prune(math.MaxInt64)
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// finishPages records what this run wrote and, beyond the limit, prunes
// the least recently used entries down to three quarters of it.
func (st *Store) finishPages() {
	ps := &st.pages
	wrote := ps.wrote.Swap(0)
	if wrote == 0 {
		return
	}
	total := ps.size() + wrote
	if total > ps.limit {
		total = ps.prune(ps.limit * 3 / 4)
	}
	emitter.WriteFileVia(st.dir, ps.sizeFile(), []byte(strconv.FormatInt(total, 10)+"\n"))
}

// prune removes the oldest entries until they hold at most target bytes,
// and returns what they hold then. Temporary files that killed runs left
// among the entries (as a version that wrote them beside the entries
// could) go too, once they are staleTempAge old.
func (ps *pageStore) prune(target int64) int64 {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	filepath.WalkDir(ps.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if emitter.IsTempName(d.Name()) {
			if info, err := d.Info(); err == nil && d.Type().IsRegular() && time.Since(info.ModTime()) > staleTempAge {
				os.Remove(p)
			}
			return nil
		}
		if !strings.HasSuffix(p, ".page") {
			return nil
		}
		if info, err := d.Info(); err == nil {
			entries = append(entries, entry{p, info.Size(), info.ModTime()})
			total += info.Size()
		}
		return nil
	})
	sort.Slice(entries, func(i, j int) bool { return entries[i].used.Before(entries[j].used) })
	for _, e := range entries {
		if total <= target {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
	return total
}

// PagesLine says, for -v, how big the page models are; it settles what
// this run wrote first.
func (st *Store) PagesLine() string {
	if st == nil {
		return "page cache: off"
	}
	st.finishPages()
	return fmt.Sprintf("page cache: %.1f MB of %d MB in %s", float64(st.pages.size())/(1<<20), st.pages.limit>>20, st.pages.dir)
}
