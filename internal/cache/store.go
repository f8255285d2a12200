// Package cache keeps what lets a rerun of gen skip work: the record of
// the last run (a rerun on unchanged pages writes nothing), each page's
// model (a rerun parses only the pages whose content changed), the schema
// the last run resolved (a rerun whose edits touched only descriptions
// does not resolve), and the stamps that tell a file from a copy. One
// Store is one run's view of the cache folder; every file in it has one
// sealed format (seal.go), and every codec is here.
//
// The cache is an optimisation: a missing, stale, damaged or foreign file
// costs a full run, never a wrong one, and failures to write are ignored.
//
// On disk, under the cache folder (DefaultDir):
//
//	<run>.run        the run record (record.go)
//	<run>.pages      the snapshot: every page model of the run, in one piece (pages.go)
//	<run>.schema     the schema as last resolved, with its prose record (resolved.go)
//	<run>.resolved   the pages now against that schema (resolved.go)
//	pages/xx/<key>.page  one page model, by the page's path and content (pages.go)
//	pages/size       the page models' size, for pruning
//
// where <run> is a hash of the run key (Config.RunKey).
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/docgen/graphgen/emitter"
)

// DefaultDir is the user's cache folder for gen: graphgen under
// os.UserCacheDir, or "" when there is none.
func DefaultDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "graphgen")
}

// Config says which run a Store is for.
type Config struct {
	Dir string // the cache folder; "" for no cache
	// RunKey names the invocation: absolute -in and -out and every option
	// that changes what a run writes or says. The record and the resolved
	// schema are this key's; the page models are shared.
	RunKey string
	In     string // the -in folder: its identity keys the record, its name the page models
	Out    string // the -out folder, whose files the record stamps
	// SchemaOut and OpenAPIOut are the files of -schema-out and
	// -openapi-out, or "".
	SchemaOut, OpenAPIOut string
	// HashFile is the content hash of a file the user named (SchemaOut,
	// OpenAPIOut), "" when it is no regular file.
	HashFile func(path string) string
	MaxMB    int // the page models' bound, in MB
}

// Store is one run's cache. A nil *Store is no cache: every method does
// nothing, finds nothing, and says so.
type Store struct {
	cfg   Config
	dir   string // the cache folder
	run   string // where the run's files are, without their extension
	build string // the generator build (buildID): part of every key
	root  string // the -in folder's name (parser.Options.RootName)
	inID  fileIdentity

	priorRead chan struct{} // closed once prior is read
	prior     *record       // the record of this invocation, or nil

	pages      pageStore
	resolved   resolvedStore
	background sync.WaitGroup // files still being written
}

// Open starts reading the record of the last run of cfg and its page
// models, in the background: the run lists and hashes its pages
// meanwhile. Nil when there is no cache (no folder, no key, a build that
// cannot be identified).
func Open(cfg Config) *Store {
	build := buildID()
	if cfg.Dir == "" || cfg.RunKey == "" || build == "" {
		return nil
	}
	st := &Store{cfg: cfg, dir: cfg.Dir, build: build, root: filepath.Base(filepath.Clean(cfg.In)),
		run: filepath.Join(cfg.Dir, contentHash([]byte(cfg.RunKey))[:32]), priorRead: make(chan struct{})}
	st.pages = pageStore{dir: filepath.Join(cfg.Dir, "pages"), limit: int64(cfg.MaxMB) << 20}
	st.resolved.edited = -1
	emitter.RemoveStaleTemps(st.dir, staleTempAge)
	st.inID = folderID(cfg.In)
	go func() {
		defer close(st.priorRead)
		st.prior = loadRecord(st.run+".run").belongsTo(cfg.RunKey, st.inID)
		st.prior.readStamps(cfg.Out)
	}()
	st.loadSnapshot()
	return st
}

// Close waits for the files still being written, and keeps the page
// models within their bound.
func (st *Store) Close() {
	if st == nil {
		return
	}
	st.background.Wait()
	st.finishPages()
}

// later writes a file in the background; Close waits for it.
func (st *Store) later(write func()) { st.background.Go(write) }

// key names a file of the cache: what it is made from and the generator
// build, hashed.
func (st *Store) key(parts ...string) string {
	h := sha256.New()
	for _, p := range append([]string{st.build, st.root}, parts...) {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:20])
}

// write writes a file of the run's own (record, snapshot, resolved
// schema), sealed for key; failures only cost a later run some work.
func (st *Store) write(path, key string, parts ...[]byte) {
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		writeSealed(st.dir, path, key, parts...)
	}
}

// staleTempAge is how old a temporary file in the cache must be to be
// taken for a killed run's: a run writes each within moments, and another
// run may be writing one now.
const staleTempAge = 10 * time.Minute

// PageHash is a page as the cache knows it: its path relative to -in, its
// content hash (ContentHash; a page not read has a word instead) and its
// stamp.
type PageHash struct {
	Rel, Hash string
	Stamp     Stamp
}

// ContentHash is the hash the cache knows a page's (or a file's) content
// by.
func ContentHash(b []byte) string { return contentHash(b) }

func contentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// isContentHash reports whether h is a content hash, not one of the words
// a page that was not read has instead ("unreadable", "too-large:N", never
// 64 bytes long): only content hashes are recorded and reused.
func isContentHash(h string) bool { return len(h) == 2*sha256.Size }

// pagesOf is the pages' hashes by path.
func pagesOf(list []PageHash) map[string]string {
	out := make(map[string]string, len(list))
	for _, p := range list {
		out[p.Rel] = p.Hash
	}
	return out
}
