package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/parser/wire"
)

// The run cache lets a rerun on unchanged pages finish without parsing.
// It lives outside -out, under os.UserCacheDir()/graphgen, one file per
// (absolute -in, absolute -out, options) key, and records: that key and
// the identity of the -in folder (an entry for anything else, copied or
// left over, is not this run's), the content hash of every input page (so
// a fresh checkout with new modification times still hits), the stamp of
// every generated file in -out (any rewrite, edit or removal changes it),
// the content hash of the schema file, the generator build (buildIdentity),
// and the run's diagnostics. A rerun that matches all of them reports the
// same diagnostics and writes nothing. Any rerun, matching or not, prints
// by default only the warnings not among the recorded diagnostics
// (newSince): these are kept whole (code, file, position, message), with
// paths relative to -in, so that where gen runs does not change them. A
// missing, stale, corrupt or foreign entry only costs a full run.

const cacheVersion = 7 // 2: diagnostics about no file have no position; 3: gob, fingerprints; 4: parser/wire; 5: key, -in and file identities; 6: stamps as numbers; 7: -openapi-out

type cacheEntry struct {
	Version     int
	Key         string       // runKey: absolute -in and -out, and the options
	InputID     fileIdentity // folderID of -in
	Executable  string
	Inputs      string
	Outputs     map[string]fileStamp // by file name
	SchemaOut   string
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
	// a rerun skips the files whose type did not change (emitter.Fingerprint).
	Fingerprints map[string]string
	Written      int64 // when the entry was made, in Unix nanoseconds

	// stamps are the stamps of Outputs in -out as this run found them,
	// read in the background from its start (readStamps).
	stamps     map[string]fileStamp
	stampsRead chan struct{}
}

// readStamps starts reading the stamps of the recorded outputs in dir, in
// the background: a rerun compares them with the record whether or not it
// has anything to do.
func (e *cacheEntry) readStamps(dir string) {
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
func (e *cacheEntry) stampsNow(dir string) map[string]fileStamp {
	e.readStamps(dir)
	<-e.stampsRead
	return e.stamps
}

// fileStamp is what the run record keeps of a file to tell whether it is
// as recorded: its size, modification time and identity (device, inode
// and change time: a copy that kept the first two has others).
type fileStamp struct {
	Size  int64        `json:"size"`
	MTime int64        `json:"mtime"`
	ID    fileIdentity `json:"id"`
}

// noStamp is the stamp of a file the run could not stat: no file has it.
var noStamp = fileStamp{Size: -1}

// stampOf is the stamp of the file info describes.
func stampOf(info fs.FileInfo) fileStamp {
	return fileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), ID: fileID(info)}
}

type pageStamp struct {
	fileStamp
	Hash string `json:"hash"`
}

// racyWindow: a page modified (or changed in its metadata) this close to
// the recorded run may have changed again within the same timestamp; its
// hash is not reused.
const racyWindow = 2 * time.Second

// knownHash returns the recorded hash of a page whose stamp (size,
// modification time and identity) is unchanged, or "".
func (e *cacheEntry) knownHash(rel string, now fileStamp) string {
	if e == nil {
		return ""
	}
	st, ok := e.PageStamps[rel]
	if !ok || st.fileStamp != now || max(now.MTime, now.ID.Ctime) > e.Written-int64(racyWindow) || !isContentHash(st.Hash) {
		return ""
	}
	return st.Hash
}

func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// isContentHash reports whether h is a content hash (hashBytes), not one of
// the words a page that was not read has instead ("unreadable",
// "too-large:N", never 64 bytes long): only content hashes are recorded
// and reused.
func isContentHash(h string) bool { return len(h) == 2*sha256.Size }

// cachePath returns where the entry for this invocation lives, or "".
func cachePath(o options) string {
	dir, err := os.UserCacheDir()
	key := runKey(o)
	if err != nil || key == "" {
		return ""
	}
	return filepath.Join(dir, "graphgen", hashBytes([]byte(key))[:32]+".run")
}

// runKey names this invocation: absolute -in and -out and every option
// that changes what a run writes or says ("" when a path has no absolute
// form). The entry's file name is a hash of it, and the entry holds it.
func runKey(o options) string {
	absIn, err1 := filepath.Abs(o.in)
	absOut, err2 := filepath.Abs(o.out)
	if err1 != nil || err2 != nil {
		return ""
	}
	absSchema, absOpenAPI := "", ""
	if o.schemaOut != "" {
		absSchema, _ = filepath.Abs(o.schemaOut)
	}
	if o.openapiOut != "" {
		absOpenAPI, _ = filepath.Abs(o.openapiOut)
	}
	return strings.Join([]string{absIn, absOut, o.pkg, o.types, absSchema, absOpenAPI,
		boolWord(o.strict), boolWord(o.goGenerate), o.exclude, strings.Join(sortedKeys(o.ignored), ","),
		o.ovr.path, o.ovr.hash, boolWord(o.client)}, "\x00")
}

// belongsTo returns the entry when it was recorded by this invocation
// (runKey) on this -in folder (in, its folderID as this run started: not
// one deleted and copied back since, whose pages may keep sizes and
// modification times), else nil: a foreign entry, copied from another
// key's file or left by another folder, is never trusted.
func (e *cacheEntry) belongsTo(o options, in fileIdentity) *cacheEntry {
	if e == nil || e.Key != runKey(o) || e.InputID != in {
		return nil
	}
	return e
}

func boolWord(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// hashFile is the content hash of a regular file, or "" (a FIFO named
// as -schema-out is refused, not waited on).
func hashFile(path string) string {
	f, _, err := regular(path, followLink)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// inputsHash combines the pages' paths and content hashes, and what
// listing them reported: a symbolic link added or a folder that became
// unreadable makes another run, which reports it (and fails under
// -strict), never a replay of the recorded one.
func inputsHash(files []pageFile, listed diag.List) string {
	h := sha256.New()
	for _, f := range files {
		io.WriteString(h, f.rel)
		h.Write([]byte{0})
		io.WriteString(h, f.hash)
		h.Write([]byte{0})
	}
	for _, d := range listed {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s\x00%s\x00%s\x00", d.File, d.Line, d.Col, d.Severity, d.Code, d.Message)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// outputsStamps is the stamp of every regular file of names in dir.
func outputsStamps(dir string, names []string) map[string]fileStamp {
	out := make(map[string]fileStamp, len(names))
	for _, n := range names {
		info, err := os.Lstat(filepath.Join(dir, n))
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		out[n] = stampOf(info)
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

func loadCache(path string) *cacheEntry {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	r := wire.NewReaderOwning(unsealed("run", b))
	e := cacheEntry{Version: int(r.Int())}
	if e.Version != cacheVersion {
		return nil
	}
	e.Key = r.Str()
	e.InputID = readFileID(r)
	e.Executable, e.Inputs = r.Str(), r.Str()
	n := r.Count()
	e.Outputs = make(map[string]fileStamp, n)
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
		return nil
	}
	return &e
}

// encode writes the entry for loadCache.
func (e *cacheEntry) encode() []byte {
	w := wire.Writer{Buf: make([]byte, 0, 256*len(e.PageStamps)+128*len(e.Outputs))}
	w.Int(int64(e.Version))
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
		writeStamp(&w, st.fileStamp)
		w.Str(st.Hash)
	}
	writeStrings(&w, e.Fingerprints)
	w.Int(e.Written)
	return w.Buf
}

func writeFileID(w *wire.Writer, id fileIdentity) {
	w.Uint(id.Dev)
	w.Uint(id.Ino)
	w.Int(id.Ctime)
}

func readFileID(r *wire.Reader) fileIdentity {
	return fileIdentity{Dev: r.Uint(), Ino: r.Uint(), Ctime: r.Int()}
}

func writeStamp(w *wire.Writer, st fileStamp) {
	w.Int(st.Size)
	w.Int(st.MTime)
	writeFileID(w, st.ID)
}

func readStamp(r *wire.Reader) fileStamp {
	return fileStamp{Size: r.Int(), MTime: r.Int(), ID: readFileID(r)}
}

func writeStrings(w *wire.Writer, m map[string]string) {
	w.Uint(uint64(len(m)))
	for k, v := range m {
		w.Str(k)
		w.Str(v)
	}
}

func readStrings(r *wire.Reader) map[string]string {
	n := r.Count()
	m := make(map[string]string, n)
	for range n {
		k := r.Str()
		m[k] = r.Str()
	}
	return m
}

// current reports whether the entry describes exactly this run.
func (e *cacheEntry) current(o options, exe, inputs string) bool {
	if e == nil || exe == "" || e.Executable != exe || e.Inputs != inputs || len(e.Outputs) == 0 {
		return false
	}
	now := e.stampsNow(o.out)
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
	if n, temps := generatedCount(o.out); temps || n != e.GoFiles {
		return false
	}
	return (o.schemaOut == "" || hashFile(o.schemaOut) == e.SchemaOut) &&
		(o.openapiOut == "" || hashFile(o.openapiOut) == e.OpenAPIOut)
}

// written is what a run wrote: the files, what the write did (with the
// stamps it took under -out's lock), the schema JSON (nil without
// -schema-out) and the OpenAPI document.
type written struct {
	files   []emitter.File
	res     emitter.WriteResult
	schema  []byte
	openapi []byte // nil without -openapi-out
}

// saveCache records a successful run; failures to save are ignored (the
// cache is an optimisation). The outputs are recorded as the write left
// them, under -out's lock: a run into the same -out since must not pass
// for this one.
func saveCache(path string, o options, in fileIdentity, exe, inputs string, pages []pageFile, prior *cacheEntry, w written, rep report) {
	if path == "" || exe == "" {
		return
	}
	e := cacheEntry{Version: cacheVersion, Key: runKey(o), InputID: in, Executable: exe, Inputs: inputs, Outputs: map[string]fileStamp{},
		Diagnostics: rep.diags, Pages: rep.pages, Types: rep.types, Enums: rep.enums}
	e.Written = time.Now().UnixNano()
	e.PageStamps = make(map[string]pageStamp, len(pages))
	// A page not read this run (unreadable, too large) has no stamp: it is
	// looked at again next run, however its stat stays.
	for _, pf := range pages {
		if !pf.skip && isContentHash(pf.hash) && pf.stamp.MTime != 0 {
			e.PageStamps[pf.rel] = pageStamp{pf.stamp, pf.hash}
		}
	}
	// A file left in place was checked against the prior stamp this run
	// (inPlace); the others are as the write found them. A file with no
	// stamp gets one that nothing matches.
	for _, f := range w.files {
		if info, ok := w.res.Stamps[f.Name]; ok && info.Mode().IsRegular() {
			e.Outputs[f.Name] = stampOf(info)
		} else if stamp, ok := prior.outputStamp(f.Name); f.InPlace() && ok {
			e.Outputs[f.Name] = stamp
		} else {
			e.Outputs[f.Name] = noStamp
		}
	}
	e.Fingerprints = map[string]string{}
	for _, f := range w.files {
		if f.Fingerprint != "" {
			e.Fingerprints[f.Name] = f.Fingerprint
		}
	}
	e.GoFiles = goFileCount(w.res.Entries)
	if o.schemaOut != "" {
		e.SchemaOut = hashBytes(w.schema)
	}
	if o.openapiOut != "" {
		e.OpenAPIOut = hashBytes(w.openapi)
	}
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		emitter.WriteFile(path, sealed("run", e.encode())...)
	}
}

// outputStamp is the recorded stamp of an output file, if any.
func (e *cacheEntry) outputStamp(name string) (fileStamp, bool) {
	if e == nil {
		return fileStamp{}, false
	}
	st, ok := e.Outputs[name]
	return st, ok
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

// inPlace returns the emitter's Unchanged test for a rerun into dir by
// the generator build exe: a type's file is in place when the recorded run
// (by the same build: another may render the same fingerprint otherwise)
// rendered it from the same fingerprint and the file is still as that run
// left it. The files are looked at in the background from the call on, so
// a run that calls it before resolving has their stamps by the time it
// renders.
func (e *cacheEntry) inPlace(dir, exe string) func(name, fingerprint string) bool {
	if e == nil || len(e.Fingerprints) == 0 || exe == "" || e.Executable != exe {
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
