// The resolved schema: the schema the last resolving run made, with where
// each of its descriptions came from (prose.go), so that a rerun whose
// edited pages changed only in their descriptions gives that schema the
// new text instead of resolving every page again.
//
// Two files beside the run record: <run>.schema holds the schema as
// resolved, written when a run resolves; <run>.resolved says what the
// pages are now: each page's content hash, and the descriptions of the
// pages edited since the schema was resolved, written every run.

package cache

import (
	"fmt"
	"sync/atomic"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// <run>.schema holds four parts: the inputs hash of the pages the schema
// was resolved from (which <run>.resolved names), the folder hint of those
// pages, the prose record, and the schema.
const schemaParts = 4

// resolvedState is what <run>.resolved holds.
type resolvedState struct {
	SchemaID string            // the inputs hash of the schema the pages are described by
	Hashes   map[string]string // every page's content hash, by path relative to -in
	// Edits holds the descriptions (proseTexts) of every page edited since
	// the schema was resolved, in descriptions only.
	Edits map[string][]string
}

// resolvedStore is the resolved schema's part of a Store.
type resolvedStore struct {
	state *resolvedState // as read by Reused, or written since
	prose *prose         // the prose record of the schema Resolve made
	// edited is how many pages this run found edited in descriptions only
	// (-1: the schema was resolved).
	edited int
}

// Resolve resolves pages with resolve and records where each description
// of the schema came from, for SaveResolved. Without a cache, it only
// resolves.
func (st *Store) Resolve(pages []*parser.Page, resolve func([]*parser.Page) *schema.Schema) *schema.Schema {
	if st == nil {
		return resolve(pages)
	}
	s, pr := traceProse(pages, resolve)
	st.resolved.prose = pr
	return s
}

func (st *Store) resolvedKey(path string) string { return st.key("resolved", path) }

// maxEditedShare bounds the pages a rerun compares one by one: beyond a
// quarter of them changed, it resolves without comparing.
const maxEditedShare = 4

// Reused returns the recorded schema with the descriptions of the pages
// now, and the folder hint recorded with it, when every page that changed
// since the recorded run changed only in its descriptions; else nil, and
// the run resolves. parse(i) parses pages[i] afresh (nil when it did not
// parse cleanly); a changed page whose model is cached is not parsed.
func (st *Store) Reused(pages []PageHash, parse func(i int) *parser.Page) (*schema.Schema, string) {
	if st == nil {
		return nil, ""
	}
	s, hint, err := st.reuse(pages, parse)
	if err != nil {
		st.resolved.edited = -1
		return nil, ""
	}
	return s, hint
}

// errResolve is reuse's answer when the run has to resolve.
var errResolve = fmt.Errorf("the pages changed in more than descriptions")

func (st *Store) reuse(pages []PageHash, parse func(i int) *parser.Page) (*schema.Schema, string, error) {
	// Read here, not on opening: a run with nothing to do needs no state.
	parts, err := readSealed(st.run+".resolved", st.resolvedKey(st.run+".resolved"), 1)
	if err != nil {
		return nil, "", err
	}
	state, err := decodeState(parts[0])
	if err != nil {
		return nil, "", err
	}
	st.resolved.state = state
	if len(state.Hashes) != len(pages) {
		return nil, "", errResolve
	}
	var changed []int
	for i, f := range pages {
		old, ok := state.Hashes[f.Rel]
		switch {
		case !ok || f.Hash == "" || old == "":
			return nil, "", errResolve
		case old == f.Hash:
		// A page that was or is not read (its hash says why) is no
		// description edit, and only content hashes key page models.
		case !isContentHash(f.Hash) || !isContentHash(old) || len(changed) > len(pages)/maxEditedShare:
			return nil, "", errResolve
		default:
			changed = append(changed, i)
		}
	}
	edited := make([]*parser.Page, len(changed))
	var differ atomic.Bool
	diag.Parallel("parse", len(changed), func(k int) error {
		f := pages[changed[k]]
		old, _ := st.entry(f.Rel, state.Hashes[f.Rel])
		now, _ := st.entry(f.Rel, f.Hash)
		if now == nil {
			now = parse(changed[k])
			st.StorePage(f.Hash, now)
		}
		edited[k] = now
		if old == nil || now == nil || !sameStructure(old, now) {
			differ.Store(true)
		}
		return nil
	})
	if differ.Load() {
		return nil, "", errResolve
	}
	parts, err = readSealed(st.run+".schema", st.resolvedKey(st.run+".schema"), schemaParts)
	if err != nil {
		return nil, "", err
	}
	if string(parts[0]) != state.SchemaID {
		return nil, "", errForeign
	}
	pr, err := decodeProse(parts[2])
	if err != nil {
		return nil, "", err
	}
	s, err := decodeSchema(parts[3])
	if err != nil {
		return nil, "", err
	}
	edits := proseTexts(edited...)
	for path, texts := range state.Edits {
		if _, ok := edits[path]; !ok {
			edits[path] = texts
		}
	}
	if err := redescribe(s, pr, edits); err != nil {
		return nil, "", err
	}
	state.Edits = edits
	st.resolved.edited = len(edited)
	st.dropSnapshot()
	return s, string(parts[1]), nil
}

// SaveResolved records the schema Resolve made from pages (their inputs
// hash is inputs), and what the folder hint was; the pages now are those.
// The schema is encoded before it returns, so the run may go on with it,
// and written in the background. Nothing is recorded of a schema Resolve
// did not trace.
func (st *Store) SaveResolved(pages []PageHash, inputs string, s *schema.Schema, hint string) {
	if st == nil || st.resolved.prose == nil {
		return
	}
	b, err := encodeSchema(s)
	if err != nil {
		return
	}
	prose := encodeProse(st.resolved.prose)
	st.resolved.state = &resolvedState{SchemaID: inputs}
	state := st.stateNow(pages)
	st.later(func() {
		path := st.run + ".schema"
		st.write(path, st.resolvedKey(path), []byte(inputs), []byte(hint), prose, b)
		st.writeState(state)
	})
}

// SaveState records, in the background, the pages now against the
// recorded schema, for a run that reused it.
func (st *Store) SaveState(pages []PageHash) {
	if st == nil || st.resolved.state == nil {
		return
	}
	state := st.stateNow(pages)
	st.later(func() { st.writeState(state) })
}

// stateNow is the recorded state with the pages now.
func (st *Store) stateNow(pages []PageHash) []byte {
	state := *st.resolved.state
	state.Hashes = pagesOf(pages)
	return state.encode()
}

func (st *Store) writeState(state []byte) {
	path := st.run + ".resolved"
	st.write(path, st.resolvedKey(path), state)
}

// SchemaLine says, for -v, how the run had its schema.
func (st *Store) SchemaLine() string {
	edited := -1
	if st != nil {
		edited = st.resolved.edited
	}
	switch {
	case edited < 0:
		return "schema: resolved"
	case edited == 1:
		return "schema: reused; 1 page edited in descriptions only"
	}
	return fmt.Sprintf("schema: reused; %d pages edited in descriptions only", edited)
}

func (state *resolvedState) encode() []byte {
	w := writer{buf: make([]byte, 0, 128*len(state.Hashes))}
	w.Str(state.SchemaID)
	writeStrings(&w, state.Hashes)
	w.Uint(uint64(len(state.Edits)))
	for _, path := range sortedKeys(state.Edits) {
		w.Str(path)
		w.Strs(state.Edits[path])
	}
	return w.buf
}

// decodeState reads what encode wrote.
func decodeState(data []byte) (*resolvedState, error) {
	r := newReaderOwning(data)
	state := &resolvedState{SchemaID: r.Str(), Hashes: readStrings(r)}
	if n := r.Count(); n > 0 {
		state.Edits = make(map[string][]string, n)
		for range n {
			path := r.Str()
			state.Edits[path] = r.Strs()
		}
	}
	if !r.Done() {
		return nil, errDamaged
	}
	return state, nil
}
