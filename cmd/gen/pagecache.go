// The per-page cache: each page's parse result (its page model, with
// positions and diagnostics), kept under the user cache folder so that a
// rerun parses only the pages whose content changed. Nothing learned
// across pages is stored: the resolver computes that from the page models
// every run.

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/parser"
)

// pageCacheMagic starts every entry; the format changes with it.
const pageCacheMagic = "graphgen page cache 2\n"

// defaultPageCacheMB bounds the cache: least recently used entries are
// pruned beyond it.
const defaultPageCacheMB = 256

type pageCache struct {
	dir   string // "" when there is no cache
	build string // the generator build: part of every key
	limit int64  // bytes
	wrote int64  // bytes written this run
}

func openPageCache(build string, limitMB int) *pageCache {
	base, err := os.UserCacheDir()
	if err != nil || build == "" {
		return &pageCache{}
	}
	return &pageCache{dir: filepath.Join(base, "graphgen", "pages"), build: build, limit: int64(limitMB) << 20}
}

// key names the entry of a page: its path relative to -in, its content
// hash and the generator build.
func (c *pageCache) key(rel, hash string) string {
	sum := sha256.Sum256([]byte(c.build + "\x00" + rel + "\x00" + hash))
	return hex.EncodeToString(sum[:20])
}

func (c *pageCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".page")
}

// load returns the cached page model, or nil when there is none or the
// entry is not exactly what this key wrote (corrupt, truncated, foreign):
// such an entry is never trusted, and the caller parses and stores anew.
func (c *pageCache) load(rel, hash string) *parser.Page {
	if c.dir == "" {
		return nil
	}
	key := c.key(rel, hash)
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	header := pageCacheMagic + key + "\n"
	if !bytes.HasPrefix(data, []byte(header)) {
		return nil
	}
	rest := data[len(header):]
	nl := bytes.IndexByte(rest, '\n')
	if nl != 64 {
		return nil
	}
	payload := rest[nl+1:]
	sum := sha256.Sum256(payload)
	if hex.EncodeToString(sum[:]) != string(rest[:nl]) {
		return nil
	}
	var e cachedPage
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&e); err != nil || e.Page == nil || e.Page.Path != rel {
		return nil
	}
	for _, z := range e.ZeroValues {
		if z[0] >= len(e.Page.Enums) || z[1] >= len(e.Page.Enums[z[0]].Members) {
			return nil
		}
		e.Page.Enums[z[0]].Members[z[1]].Value = new(int64)
	}
	c.touch(c.path(key))
	return e.Page
}

// cachedPage is an entry's payload. gob cannot tell a nil pointer from a
// pointer to zero, so the members whose value is 0 are listed apart.
type cachedPage struct {
	Page       *parser.Page
	ZeroValues [][2]int // enum index, member index
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
	e := cachedPage{Page: p}
	for i, en := range p.Enums {
		for j, m := range en.Members {
			if m.Value != nil && *m.Value == 0 {
				e.ZeroValues = append(e.ZeroValues, [2]int{i, j})
			}
		}
	}
	var payload bytes.Buffer
	if gob.NewEncoder(&payload).Encode(e) != nil {
		return
	}
	sum := sha256.Sum256(payload.Bytes())
	var entry bytes.Buffer
	entry.WriteString(pageCacheMagic + key + "\n" + hex.EncodeToString(sum[:]) + "\n")
	entry.Write(payload.Bytes())
	path := c.path(key)
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil && emitter.WriteFile(path, entry.Bytes()) == nil {
		c.wrote += int64(entry.Len())
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
	if c.dir == "" || c.wrote == 0 {
		return
	}
	total := c.size() + c.wrote
	if total > c.limit {
		total = c.prune(c.limit * 3 / 4)
	}
	emitter.WriteFile(c.sizeFile(), []byte(strconv.FormatInt(total, 10)+"\n"))
	c.wrote = 0
}

// prune removes the oldest entries until the cache holds at most target
// bytes, and returns what it holds then.
func (c *pageCache) prune(target int64) int64 {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".page") {
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
	return fmt.Sprintf("page cache: %.1f MB of %d MB in %s", float64(c.size()+c.wrote)/(1<<20), c.limit>>20, c.dir)
}
