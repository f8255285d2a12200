// The per-page cache: each page's parse result (its page model, with
// positions and diagnostics), kept under the user cache folder so that a
// rerun parses only the pages whose content changed. Nothing learned
// across pages is stored: the resolver computes that from the page models
// every run.

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
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
	"github.com/docgen/graphgen/parser/wire"
	"golang.org/x/sync/errgroup"
)

// sealMagic starts every sealed cache file (page models, the snapshot, the
// run record, the resolved schema); the format changes with it.
const sealMagic = "graphgen cache 7\n" // 6: keys hold the -in folder's name; 7: one name for every kind

// defaultPageCacheMB bounds the cache: least recently used entries are
// pruned beyond it.
const defaultPageCacheMB = 256

type pageCache struct {
	dir   string       // "" when there is no cache
	build string       // the generator build: part of every key
	root  string       // the -in folder's name (parser.Options.RootName): part of every key
	limit int64        // bytes
	wrote atomic.Int64 // bytes written this run
	// snapshot holds the page models of the last run with this run's
	// options, read in one piece (far quicker than thousands of entries),
	// by path and content hash.
	snapshot map[string]*parser.Page
	ready    chan struct{} // closed once the snapshot is read (nil: none started)
	dropped  atomic.Bool   // the run needs no snapshot (dropSnapshot)
	misses   atomic.Int64  // pages not found in the snapshot this run
}

func openPageCache(build, root string, limitMB int) *pageCache {
	base, err := os.UserCacheDir()
	if err != nil || build == "" {
		return &pageCache{}
	}
	return &pageCache{dir: filepath.Join(base, "graphgen", "pages"), build: build, root: root, limit: int64(limitMB) << 20}
}

// key names the entry of a page: everything its page model is made from,
// which is its path relative to -in, its content hash, the name of the
// -in folder (links such as ../resources/x.md resolve by it) and the
// generator build. The snapshot and the resolved cache are sealed with
// keys of the same kind, naming their own file (whose name stands for -in,
// -out and the options) instead of a page.
func (c *pageCache) key(rel, hash string) string {
	sum := sha256.Sum256([]byte(c.build + "\x00" + c.root + "\x00" + rel + "\x00" + hash))
	return hex.EncodeToString(sum[:20])
}

func (c *pageCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".page")
}

// fromSnapshot returns the snapshot's model of a page that is read and
// hashed, or nil.
func (c *pageCache) fromSnapshot(f *pageFile) *parser.Page {
	if f.skip || f.hash == "" {
		return nil
	}
	p := c.snapshotPage(f.rel, f.hash)
	if p != nil {
		f.data = nil // the page model keeps what it needs
	}
	return p
}

// snapshotPage is the snapshot's model of the page at rel with this
// content hash, or nil.
func (c *pageCache) snapshotPage(rel, hash string) *parser.Page {
	if c.dir == "" {
		return nil
	}
	c.waitSnapshot()
	return c.snapshot[rel+"\x00"+hash]
}

// load returns the cached page model, or nil when there is none or the
// entry is not exactly what this key wrote (corrupt, truncated, foreign):
// such an entry is never trusted, and the caller parses and stores anew.
func (c *pageCache) load(rel, hash string) *parser.Page {
	if c.dir == "" {
		return nil
	}
	if p := c.snapshotPage(rel, hash); p != nil {
		return p
	}
	c.misses.Add(1)
	return c.loadEntry(rel, hash)
}

// loadEntry returns the page model of the page's own entry, or nil (see
// load), without waiting for the snapshot.
func (c *pageCache) loadEntry(rel, hash string) *parser.Page {
	if c.dir == "" {
		return nil
	}
	key := c.key(rel, hash)
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	payload := unsealed(key, data)
	if payload == nil {
		return nil
	}
	r := wire.NewReaderOwning(payload)
	if r.Str() != hash {
		return nil
	}
	p := parser.ReadPage(r)
	if !r.Done() || p.Path != rel {
		return nil
	}
	c.touch(c.path(key))
	return p
}

// appendEntry writes what an entry holds, and each page of a snapshot: the
// page's content hash and its page model (parser.AppendPage).
func appendEntry(w *wire.Writer, p *parser.Page, hash string) {
	w.Str(hash)
	parser.AppendPage(w, p)
}

// sealSum is the checksum of sealed data: CRC-32C, which the processor
// computes, finds a truncated or damaged file at a tenth of the cost of
// SHA-256 (the key, not the checksum, tells whose data it is).
var sealSum = crc32.MakeTable(crc32.Castagnoli)

// sealSumLen is the length of the checksum in hex.
const sealSumLen = 8

// sealed frames a payload as cache data: magic, key, checksum, payload;
// the header and the payload, to be written one after the other.
func sealed(key string, payload []byte) [][]byte {
	return [][]byte{sealHeader(key, crc32.Checksum(payload, sealSum)), payload}
}

// sealHeader is what precedes a sealed payload whose checksum is sum.
func sealHeader(key string, sum uint32) []byte {
	return fmt.Appendf(nil, "%s%s\n%08x\n", sealMagic, key, sum)
}

// writeSealed writes parts to path as the sealed payload of key, each part
// prefixed with its length, without copying them into one buffer.
func writeSealed(path, key string, parts ...[]byte) error {
	content := [][]byte{nil}
	sum := crc32.New(sealSum)
	for _, p := range parts {
		size := binary.AppendUvarint(nil, uint64(len(p)))
		sum.Write(size)
		sum.Write(p)
		content = append(content, size, p)
	}
	content[0] = sealHeader(key, sum.Sum32())
	return emitter.WriteFile(path, content...)
}

// readSealed returns the n parts writeSealed wrote at path for key; nil
// when the file is not whole, not sealed for key, or not n parts.
func readSealed(path, key string, n int) [][]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	data = unsealed(key, data)
	var parts [][]byte
	for len(data) > 0 {
		size, k := binary.Uvarint(data)
		if k <= 0 || size > uint64(len(data)-k) {
			return nil
		}
		parts = append(parts, data[k:k+int(size)])
		data = data[k+int(size):]
	}
	if len(parts) != n {
		return nil
	}
	return parts
}

// unsealed returns the payload of sealed data for key, or nil when the
// data is not exactly that.
func unsealed(key string, data []byte) []byte {
	header := sealMagic + key + "\n"
	if !bytes.HasPrefix(data, []byte(header)) {
		return nil
	}
	rest := data[len(header):]
	if nl := bytes.IndexByte(rest, '\n'); nl != sealSumLen {
		return nil
	}
	payload := rest[sealSumLen+1:]
	if fmt.Sprintf("%08x", crc32.Checksum(payload, sealSum)) != string(rest[:sealSumLen]) {
		return nil
	}
	return payload
}

// snapshotChunks is how many separately encoded parts (parser/wire) a
// snapshot holds, so that they decode in parallel; fixed, so the file does
// not depend on the machine.
const snapshotChunks = 8

// loadSnapshot starts reading the page models the last run with these
// options left at path, in the background: the run hashes its pages
// meanwhile, and load waits for it.
func (c *pageCache) loadSnapshot(path string) {
	if c.dir == "" || path == "" {
		return
	}
	c.ready = make(chan struct{})
	go func() {
		defer close(c.ready)
		defer func() {
			if recover() != nil { // an entry that cannot be read is no snapshot
				c.snapshot = nil
			}
		}()
		c.snapshot = c.readSnapshot(path)
	}()
}

// errDropped stops reading a snapshot that is no longer wanted.
var errDropped = errors.New("snapshot dropped")

// dropSnapshot stops reading the snapshot, for a run that needs no page
// models: what is being decoded finishes, the rest is skipped.
func (c *pageCache) dropSnapshot() { c.dropped.Store(true) }

// waitSnapshot waits until the snapshot started by loadSnapshot is read.
func (c *pageCache) waitSnapshot() {
	if c.ready != nil {
		<-c.ready
	}
}

func (c *pageCache) readSnapshot(path string) map[string]*parser.Page {
	chunks := readSealed(path, c.key("snapshot", path), snapshotChunks)
	if chunks == nil {
		return nil
	}
	decoded := make([]map[string]*parser.Page, len(chunks))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, chunk := range chunks {
		g.Go(func() error {
			if c.dropped.Load() {
				return errDropped
			}
			r := wire.NewReaderOwning(chunk)
			n := r.Count()
			pages := make(map[string]*parser.Page, n)
			for range n {
				hash := r.Str()
				p := parser.ReadPage(r)
				pages[p.Path+"\x00"+hash] = p
			}
			if !r.Done() {
				return wire.ErrFormat
			}
			decoded[i] = pages
			return nil
		})
	}
	if g.Wait() != nil {
		return nil
	}
	snapshot := map[string]*parser.Page{}
	for _, pages := range decoded {
		maps.Copy(snapshot, pages)
	}
	return snapshot
}

// saveSnapshot writes this run's page models to path when the snapshot
// read missed more than a tenth of them. A few edited pages do not call
// for it: they are found in their own entries, since lookups go by path
// and content hash.
func (c *pageCache) saveSnapshot(path string, files []pageFile, pages []*parser.Page) {
	c.waitSnapshot()
	if c.dir == "" || path == "" || (c.snapshot != nil && c.misses.Load()*10 <= int64(len(pages))) {
		return
	}
	hashes := make(map[string]string, len(files))
	for _, f := range files {
		hashes[f.rel] = f.hash
	}
	type entry struct {
		page *parser.Page
		hash string
	}
	var entries []entry
	for _, p := range pages {
		if h := hashes[p.Path]; h != "" {
			entries = append(entries, entry{p, h})
		}
	}
	chunks := make([][]byte, snapshotChunks)
	for i := range chunks {
		part := entries[i*len(entries)/snapshotChunks : (i+1)*len(entries)/snapshotChunks]
		var w wire.Writer
		w.Uint(uint64(len(part)))
		for _, e := range part {
			appendEntry(&w, e.page, e.hash)
		}
		chunks[i] = w.Buf
	}
	writeSealed(path, c.key("snapshot", path), chunks...)
}

// touch marks an entry as used now, at most once an hour, for pruning.
func (c *pageCache) touch(path string) {
	if info, err := os.Stat(path); err == nil && time.Since(info.ModTime()) > time.Hour {
		now := time.Now()
		os.Chtimes(path, now, now)
	}
}

// store writes a page model; failures only cost the next run a parse.
func (c *pageCache) store(hash string, p *parser.Page) {
	if c.dir == "" {
		return
	}
	key := c.key(p.Path, hash)
	var w wire.Writer
	appendEntry(&w, p, hash)
	entry := sealed(key, w.Buf)
	path := c.path(key)
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil && emitter.WriteFileVia(c.tempDir(), path, entry...) == nil {
		c.wrote.Add(int64(len(entry[0]) + len(entry[1])))
	}
}

// sizeFile keeps the cache's size as of the last prune plus what was
// written since, so a run need not walk the cache to know it.
func (c *pageCache) sizeFile() string { return filepath.Join(c.dir, "size") }

// size returns the cache's recorded size in bytes, measuring it when no
// size is recorded.
func (c *pageCache) size() int64 {
	b, err := os.ReadFile(c.sizeFile())
	if err != nil {
		return c.prune(math.MaxInt64)
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// finish records what this run wrote and, beyond the limit, prunes the
// least recently used entries down to three quarters of it.
func (c *pageCache) finish() {
	wrote := c.wrote.Swap(0)
	if c.dir == "" || wrote == 0 {
		return
	}
	total := c.size() + wrote
	if total > c.limit {
		total = c.prune(c.limit * 3 / 4)
	}
	emitter.WriteFileVia(c.tempDir(), c.sizeFile(), []byte(strconv.FormatInt(total, 10)+"\n"))
}

// tempDir is where the cache's files are written before they are renamed
// into place: the cache folder itself, not one of its many subfolders, so
// that every run finds what a killed run left in one look
// (removeStaleTemps).
func (c *pageCache) tempDir() string { return filepath.Dir(c.dir) }

// staleTempAge is how old a temporary file in the cache must be to be
// taken for a killed run's: a run writes each within moments, and another
// run may be writing one now.
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes the temporary files killed runs left in the
// cache folder (emitter.RemoveStaleTemps).
func removeStaleTemps(cacheFile string) {
	if cacheFile != "" {
		emitter.RemoveStaleTemps(filepath.Dir(cacheFile), staleTempAge)
	}
}

// prune removes the oldest entries until the cache holds at most target
// bytes, and returns what it holds then. Temporary files that killed runs
// left among the entries (as a version that wrote them beside the entries
// could) go too, once they are staleTempAge old.
func (c *pageCache) prune(target int64) int64 {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
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

func (c *pageCache) String() string {
	if c.dir == "" {
		return "page cache: off"
	}
	return fmt.Sprintf("page cache: %.1f MB of %d MB in %s", float64(c.size()+c.wrote.Load())/(1<<20), c.limit>>20, c.dir)
}

// snapshotPath is where the page models of the run recorded at cacheFile
// are kept together.
func snapshotPath(cacheFile string) string {
	if cacheFile == "" {
		return ""
	}
	return strings.TrimSuffix(cacheFile, ".run") + ".pages"
}
