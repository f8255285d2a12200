// The run record: what lets a rerun on unchanged pages finish without
// parsing. One per run key (Config.RunKey), it records that key and the
// identity of the -in folder (a record for anything else, copied or left
// over, is not this run's), the content hash of every input page (so a
// fresh checkout with new modification times still hits), the stamp of
// every generated file in -out (any rewrite, edit or removal changes it),
// the content hashes of the -schema-out and -openapi-out files, the
// generator build, and the run's diagnostics. A rerun that matches all of
// them reports the same diagnostics and writes nothing. Any rerun,
// matching or not, compares its warnings with the recorded ones (Prior):
// they are kept whole (code, file, position, message), with paths
// relative to -in, so that where gen runs does not change them.

package cache

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"crypto/sha256"
	"encoding/hex"
	"path/filepath"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
)

// record is what the .run file holds.
type record struct {
	Key         string       // Config.RunKey
	InputID     fileIdentity // folderID of -in
	Executable  string       // the generator build
	Inputs      string       // InputsHash
	Outputs     map[string]Stamp
	SchemaOut   string // the content hash of the -schema-out file
	OpenAPIOut  string // the content hash of the -openapi-out file
	Diagnostics diag.List
	Pages       int
	Types       int
	Enums       int
	GoFiles     int // .go files in -out after the run
	// PageStamps remembers each page's stamp and content hash, so a rerun
	// hashes only pages whose stamp changed.
	PageStamps map[string]pageStamp
	// Fingerprints holds what each type's file was rendered from, so that
	// a rerun skips the files whose type did not change (emitter.File).
	Fingerprints map[string]string
	Written      int64 // when the record was made, in Unix nanoseconds

	// stamps are the stamps of Outputs in -out as this run found them,
	// read in the background from its start (readStamps).
	stamps     map[string]Stamp
	stampsRead chan struct{}
}

type pageStamp struct {
	Stamp
	Hash string
}

// Recorded is what the record of the last run of this invocation says.
type Recorded struct {
	Diagnostics         diag.List
	Pages, Types, Enums int
	Files               int // the files it wrote to -out
}

// Prior is the record of the last run of this invocation on this -in
// folder, or nil.
func (st *Store) Prior() *Recorded {
	e := st.record()
	if e == nil {
		return nil
	}
	return &Recorded{Diagnostics: e.Diagnostics, Pages: e.Pages, Types: e.Types, Enums: e.Enums, Files: len(e.Outputs)}
}

// record waits for the record Open started reading.
func (st *Store) record() *record {
	if st == nil {
		return nil
	}
	<-st.priorRead
	return st.prior
}

// readStamps starts reading the stamps of the recorded outputs in dir, in
// the background: a rerun compares them with the record whether or not it
// has anything to do.
func (e *record) readStamps(dir string) {
	if e == nil || e.stampsRead != nil {
		return
	}
	e.stampsRead = make(chan struct{})
	go func() {
		defer close(e.stampsRead)
		e.stamps = outputsStamps(dir, sortedKeys(e.Outputs))
	}()
}

// stampsNow waits for readStamps.
func (e *record) stampsNow(dir string) map[string]Stamp {
	e.readStamps(dir)
	<-e.stampsRead
	return e.stamps
}

// racyWindow: a page modified (or changed in its metadata) this close to
// the recorded run may have changed again within the same timestamp; its
// hash is not reused.
const racyWindow = 2 * time.Second

// KnownHash returns the recorded content hash of the page at rel when its
// stamp is unchanged since the recorded run, or "".
func (st *Store) KnownHash(rel string, now Stamp) string {
	e := st.record()
	if e == nil {
		return ""
	}
	st2, ok := e.PageStamps[rel]
	if !ok || st2.Stamp != now || max(now.MTime, now.ID.Ctime) > e.Written-int64(racyWindow) || !isContentHash(st2.Hash) {
		return ""
	}
	return st2.Hash
}

// belongsTo returns the record when it was made by this invocation (key)
// on this -in folder (in, its folderID as this run started: not one
// deleted and copied back since, whose pages may keep sizes and
// modification times), else nil: a foreign record, copied from another
// key's file or left by another folder, is never trusted.
func (e *record) belongsTo(key string, in fileIdentity) *record {
	if e == nil || e.Key != key || e.InputID != in {
		return nil
	}
	return e
}

// InputsHash combines the pages' paths and content hashes, and what
// listing them reported: a symbolic link added or a folder that became
// unreadable makes another run, which reports it (and fails under
// -strict), never a replay of the recorded one.
func InputsHash(pages []PageHash, listed diag.List) string {
	h := sha256.New()
	for _, f := range pages {
		io.WriteString(h, f.Rel)
		h.Write([]byte{0})
		io.WriteString(h, f.Hash)
		h.Write([]byte{0})
	}
	for _, d := range listed {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s\x00%s\x00%s\x00", d.File, d.Line, d.Col, d.Severity, d.Code, d.Message)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// outputsStamps is the stamp of every regular file of names in dir.
func outputsStamps(dir string, names []string) map[string]Stamp {
	out := make(map[string]Stamp, len(names))
	for _, n := range names {
		info, err := os.Lstat(filepath.Join(dir, n))
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		out[n] = StampOf(info)
	}
	return out
}

// generatedCount counts the .go files in dir (-1 when it cannot be read),
// and says whether dir holds a temporary file a killed run left
// (emitter.IsStrayTemp: only files named so are looked into).
func generatedCount(dir string) (n int, temps bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return -1, false
	}
	for _, e := range entries {
		temps = temps || emitter.IsStrayTemp(dir, e)
	}
	return goFileCount(entries), temps
}

// goFileCount counts the regular .go files of a folder's listing.
func goFileCount(entries []fs.DirEntry) int {
	n := 0
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".go") {
			n++
		}
	}
	return n
}

// UpToDate reports whether the record describes exactly this run, whose
// pages hash to inputs (InputsHash): then the run has nothing to do, and
// the snapshot is no longer read.
func (st *Store) UpToDate(inputs string) bool {
	e := st.record()
	if e == nil || e.Executable != st.build || e.Inputs != inputs || len(e.Outputs) == 0 {
		return false
	}
	out := st.cfg.Out
	now := e.stampsNow(out)
	if len(now) != len(e.Outputs) {
		return false
	}
	for name, stamp := range e.Outputs {
		if now[name] != stamp {
			return false
		}
	}
	// A .go file added since (a stale generated file put back, say), or a
	// temporary file (a killed run's), means a full run decides what to
	// do with it.
	if n, temps := generatedCount(out); temps || n != e.GoFiles {
		return false
	}
	hashFile := st.cfg.HashFile
	if (st.cfg.SchemaOut != "" && hashFile(st.cfg.SchemaOut) != e.SchemaOut) ||
		(st.cfg.OpenAPIOut != "" && hashFile(st.cfg.OpenAPIOut) != e.OpenAPIOut) {
		return false
	}
	st.dropSnapshot()
	return true
}

// Outcome is a run that wrote its output, as the record keeps it.
type Outcome struct {
	Inputs      string // InputsHash
	Pages       []PageHash
	Files       []emitter.File
	Write       emitter.WriteResult // with the stamps the write took under -out's lock
	SchemaJSON  []byte              // nil without -schema-out
	OpenAPI     []byte              // nil without -openapi-out
	Diagnostics diag.List
	Counts      Recorded // its counts (Diagnostics and Files are not read)
}

// SaveRecord records a run that wrote its output, in the background;
// failures to save are ignored. The outputs are recorded as the write left
// them, under -out's lock: a run into the same -out since must not pass
// for this one.
func (st *Store) SaveRecord(run Outcome) {
	if st == nil {
		return
	}
	prior := st.record()
	st.later(func() {
		e := record{Key: st.cfg.RunKey, InputID: st.inID, Executable: st.build, Inputs: run.Inputs, Outputs: map[string]Stamp{},
			Diagnostics: run.Diagnostics, Pages: run.Counts.Pages, Types: run.Counts.Types, Enums: run.Counts.Enums}
		e.Written = time.Now().UnixNano()
		e.PageStamps = make(map[string]pageStamp, len(run.Pages))
		// A page not read this run (unreadable, too large) has no stamp:
		// it is looked at again next run, however its stat stays.
		for _, p := range run.Pages {
			if isContentHash(p.Hash) && p.Stamp.MTime != 0 {
				e.PageStamps[p.Rel] = pageStamp{p.Stamp, p.Hash}
			}
		}
		// A file left in place was checked against the prior stamp this
		// run (InPlace); the others are as the write found them. A file
		// with no stamp gets one that nothing matches.
		for _, f := range run.Files {
			if info, ok := run.Write.Stamps[f.Name]; ok && info.Mode().IsRegular() {
				e.Outputs[f.Name] = StampOf(info)
			} else if stamp, ok := prior.outputStamp(f.Name); f.InPlace() && ok {
				e.Outputs[f.Name] = stamp
			} else {
				e.Outputs[f.Name] = noStamp
			}
		}
		e.Fingerprints = map[string]string{}
		for _, f := range run.Files {
			if f.Fingerprint != "" {
				e.Fingerprints[f.Name] = f.Fingerprint
			}
		}
		e.GoFiles = goFileCount(run.Write.Entries)
		if st.cfg.SchemaOut != "" {
			e.SchemaOut = contentHash(run.SchemaJSON)
		}
		if st.cfg.OpenAPIOut != "" {
			e.OpenAPIOut = contentHash(run.OpenAPI)
		}
		st.write(st.run+".run", "run", e.encode())
	})
}

// outputStamp is the recorded stamp of an output file, if any.
func (e *record) outputStamp(name string) (Stamp, bool) {
	if e == nil {
		return Stamp{}, false
	}
	st, ok := e.Outputs[name]
	return st, ok
}

// InPlace returns the emitter's Unchanged test for this run: a type's
// file is in place when the recorded run (by the same build: another may
// render the same fingerprint otherwise) rendered it from the same
// fingerprint and the file is still as that run left it. The files were
// looked at in the background since Open. Nil when there is no record.
func (st *Store) InPlace() func(name, fingerprint string) bool {
	e := st.record()
	if e == nil {
		return nil
	}
	return e.inPlace(st.cfg.Out, st.build)
}

func (e *record) inPlace(dir, build string) func(name, fingerprint string) bool {
	if e == nil || len(e.Fingerprints) == 0 || build == "" || e.Executable != build {
		return nil
	}
	return func(name, fingerprint string) bool {
		if e.Fingerprints[name] != fingerprint {
			return false
		}
		stamp, ok := e.stampsNow(dir)[name]
		return ok && e.Outputs[name] == stamp
	}
}

// loadRecord reads the record at path, or nil.
func loadRecord(path string) *record {
	parts, err := readSealed(path, "run", 1)
	if err != nil {
		return nil
	}
	e, err := decodeRecord(parts[0])
	if err != nil {
		return nil
	}
	return e
}

// encode writes the record for decodeRecord.
func (e *record) encode() []byte {
	w := writer{buf: make([]byte, 0, 256*len(e.PageStamps)+128*len(e.Outputs))}
	w.Str(e.Key)
	writeFileID(&w, e.InputID)
	w.Str(e.Executable)
	w.Str(e.Inputs)
	w.Uint(uint64(len(e.Outputs)))
	for name, st := range e.Outputs {
		w.Str(name)
		writeStamp(&w, st)
	}
	w.Str(e.SchemaOut)
	w.Str(e.OpenAPIOut)
	w.Diags(e.Diagnostics)
	for _, n := range []int{e.Pages, e.Types, e.Enums, e.GoFiles} {
		w.Int(int64(n))
	}
	w.Uint(uint64(len(e.PageStamps)))
	for rel, st := range e.PageStamps {
		w.Str(rel)
		writeStamp(&w, st.Stamp)
		w.Str(st.Hash)
	}
	writeStrings(&w, e.Fingerprints)
	w.Int(e.Written)
	return w.buf
}

// decodeRecord reads what encode wrote.
func decodeRecord(data []byte) (*record, error) {
	r := newReaderOwning(data)
	e := record{Key: r.Str(), InputID: readFileID(r)}
	e.Executable, e.Inputs = r.Str(), r.Str()
	n := r.Count()
	e.Outputs = make(map[string]Stamp, n)
	for range n {
		name := r.Str()
		e.Outputs[name] = readStamp(r)
	}
	e.SchemaOut, e.OpenAPIOut = r.Str(), r.Str()
	e.Diagnostics = r.Diags()
	e.Pages, e.Types, e.Enums, e.GoFiles = int(r.Int()), int(r.Int()), int(r.Int()), int(r.Int())
	n = r.Count()
	e.PageStamps = make(map[string]pageStamp, n)
	for range n {
		rel := r.Str()
		e.PageStamps[rel] = pageStamp{readStamp(r), r.Str()}
	}
	e.Fingerprints = readStrings(r)
	e.Written = r.Int()
	if !r.Done() {
		return nil, errDamaged
	}
	return &e, nil
}

func writeFileID(w *writer, id fileIdentity) {
	w.Uint(id.Dev)
	w.Uint(id.Ino)
	w.Int(id.Ctime)
}

func readFileID(r *reader) fileIdentity {
	return fileIdentity{Dev: r.Uint(), Ino: r.Uint(), Ctime: r.Int()}
}

func writeStamp(w *writer, st Stamp) {
	w.Int(st.Size)
	w.Int(st.MTime)
	writeFileID(w, st.ID)
}

func readStamp(r *reader) Stamp {
	return Stamp{Size: r.Int(), MTime: r.Int(), ID: readFileID(r)}
}

func writeStrings(w *writer, m map[string]string) {
	w.Uint(uint64(len(m)))
	for k, v := range m {
		w.Str(k)
		w.Str(v)
	}
}

func readStrings(r *reader) map[string]string {
	n := r.Count()
	m := make(map[string]string, n)
	for range n {
		k := r.Str()
		m[k] = r.Str()
	}
	return m
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
