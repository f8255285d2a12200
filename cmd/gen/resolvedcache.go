// The resolved cache: the schema the last resolving run made, with where
// each of its descriptions came from, so that a rerun whose edited pages
// changed only in their descriptions gives that schema the new text
// (schema.Redescribe) instead of resolving every page again.
//
// Two files beside the run record: X.schema holds the schema as resolved,
// written when a run resolves; X.resolved says what the pages are now:
// each page's content hash, and the descriptions of the pages edited since
// the schema was resolved, written every run.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/wire"
	"github.com/docgen/graphgen/schema"
)

// X.schema holds four parts: the inputs hash of the pages the schema was
// resolved from (which X.resolved names), the folder hint of those pages,
// the prose record, and the schema.
const schemaParts = 4

// resolvedState is what X.resolved holds.
type resolvedState struct {
	SchemaID string            // the resolvedSchema the pages are described by
	Hashes   map[string]string // every page's content hash, by path relative to -in
	// Edits holds the descriptions (schema.ProseTexts) of every page
	// edited since the schema was resolved, in descriptions only.
	Edits map[string][]string
}

// reuse is a rerun's way to a schema without resolving.
type reuse struct {
	cache      *pageCache
	schemaPath string
	statePath  string
	state      *resolvedState // read by schema; nil: nothing recorded, or not for this build
	// Edited is how many pages this run found edited in descriptions only
	// (-1: the schema was resolved).
	edited int
}

func openReuse(cache *pageCache, cacheFile string) *reuse {
	r := &reuse{cache: cache, edited: -1}
	if cache.dir == "" || cacheFile == "" {
		return r
	}
	base := strings.TrimSuffix(cacheFile, ".run")
	r.schemaPath, r.statePath = base+".schema", base+".resolved"
	return r
}

// write records parts at path, sealed for this build; failures only cost
// a later run a resolve.
func (r *reuse) write(path string, parts ...[]byte) {
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		writeSealed(path, r.cache.key("resolved", path), parts...)
	}
}

// parts returns the n parts write recorded at path, or nil.
func (r *reuse) parts(path string, n int) [][]byte {
	return readSealed(path, r.cache.key("resolved", path), n)
}

// maxEditedShare bounds the pages a rerun compares one by one: beyond a
// quarter of them changed, it resolves without comparing.
const maxEditedShare = 4

// schema returns the recorded schema with the descriptions of the pages
// now, when every page that changed since the recorded run changed only in
// its descriptions; else nil, and the run resolves. It parses the changed
// pages on copies of files, so a run that resolves after all reads them
// afresh.
func (r *reuse) schema(files []pageFile, rootName string) (s *schema.Schema, hint string) {
	defer func() {
		if recover() != nil { // a cache that cannot be read is no cache
			s, hint, r.edited = nil, "", -1
		}
	}()
	// Read here, not on opening: a run with nothing to do needs no state.
	if parts := r.parts(r.statePath, 1); parts != nil {
		r.state = decodeState(parts[0])
	}
	st := r.state
	if st == nil || len(st.Hashes) != len(files) {
		return nil, ""
	}
	var changed []pageFile
	for _, f := range files {
		old, ok := st.Hashes[f.rel]
		switch {
		case !ok || f.hash == "" || old == "":
			return nil, ""
		case old == f.hash:
		// A page that was or is not read (its hash says why) is no
		// description edit, and only content hashes key page models.
		case f.skip || !isContentHash(old) || len(changed) > len(files)/maxEditedShare:
			return nil, ""
		default:
			changed = append(changed, f)
		}
	}
	edited := make([]*parser.Page, len(changed))
	var differ atomic.Bool
	diag.Parallel("parse", len(changed), func(i int) error {
		f := &changed[i]
		old := r.cache.loadEntry(f.rel, st.Hashes[f.rel])
		edited[i] = parseFile(f, rootName, r.cache, r.cache.loadEntry)
		if old == nil || edited[i] == nil || len(f.diag) > 0 || !parser.SameStructure(old, edited[i]) {
			differ.Store(true)
		}
		return nil
	})
	if differ.Load() {
		return nil, ""
	}
	parts := r.parts(r.schemaPath, schemaParts)
	if parts == nil || string(parts[0]) != st.SchemaID {
		return nil, ""
	}
	prose, err := schema.UnmarshalProse(parts[2])
	if err != nil {
		return nil, ""
	}
	s, err = schema.UnmarshalBinary(parts[3])
	if err != nil {
		return nil, ""
	}
	edits := schema.ProseTexts(edited...)
	for path, texts := range st.Edits {
		if _, ok := edits[path]; !ok {
			edits[path] = texts
		}
	}
	if s.Redescribe(prose, edits) != nil {
		return nil, ""
	}
	st.Edits = edits
	r.edited = len(edited)
	return s, string(parts[1])
}

// saveResolved records a schema this run resolved from files, and what
// the folder hint was; the pages now are those.
func (r *reuse) saveResolved(files []pageFile, inputs string, s *schema.Schema, pr *schema.Prose, hint string) {
	if r.schemaPath == "" || pr == nil {
		return
	}
	b, err := s.MarshalBinary()
	if err != nil {
		return
	}
	prose, err := pr.MarshalBinary()
	if err != nil {
		return
	}
	r.write(r.schemaPath, []byte(inputs), []byte(hint), prose, b)
	r.state = &resolvedState{SchemaID: inputs}
	r.saveState(files)
}

// saveState records the pages now, against the schema recorded.
func (r *reuse) saveState(files []pageFile) {
	if r.statePath == "" || r.state == nil {
		return
	}
	st := *r.state
	st.Hashes = make(map[string]string, len(files))
	for _, f := range files {
		st.Hashes[f.rel] = f.hash
	}
	r.write(r.statePath, st.encode())
}

func (r *reuse) String() string {
	if r.edited < 0 {
		return "schema: resolved"
	}
	if r.edited == 1 {
		return "schema: reused; 1 page edited in descriptions only"
	}
	return fmt.Sprintf("schema: reused; %d pages edited in descriptions only", r.edited)
}

func (st *resolvedState) encode() []byte {
	w := wire.Writer{Buf: make([]byte, 0, 128*len(st.Hashes))}
	w.Str(st.SchemaID)
	writeStrings(&w, st.Hashes)
	w.Uint(uint64(len(st.Edits)))
	for path, texts := range st.Edits {
		w.Str(path)
		w.Strs(texts)
	}
	return w.Buf
}

// decodeState reads what encode wrote, or nil.
func decodeState(data []byte) *resolvedState {
	r := wire.NewReaderOwning(data)
	st := &resolvedState{SchemaID: r.Str(), Hashes: readStrings(r)}
	if n := r.Count(); n > 0 {
		st.Edits = make(map[string][]string, n)
		for range n {
			path := r.Str()
			st.Edits[path] = r.Strs()
		}
	}
	if !r.Done() {
		return nil
	}
	return st
}
