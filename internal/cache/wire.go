// The byte layout every codec of the cache shares: numbers as varints,
// strings and lists prefixed with their length, booleans as one byte. Each
// codec writes its fields in a fixed order by hand, which reads back
// several times faster than gob, the cost a rerun pays first.

package cache

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/docgen/graphgen/diag"
)

// The writer's methods write one field each; the reader's read it back.

// errFormat is what reader.Err is after any read that did not fit.
var errFormat = errors.New("not the binary form expected, or not whole")

// writer appends fields to buf.
type writer struct{ buf []byte }

func (w *writer) Uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) Int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *writer) Str(s string)  { w.Uint(uint64(len(s))); w.buf = append(w.buf, s...) }
func (w *writer) Bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// Strs writes a list of strings.
func (w *writer) Strs(list []string) {
	w.Uint(uint64(len(list)))
	for _, s := range list {
		w.Str(s)
	}
}

// reader reads what a writer wrote. The strings it returns are parts of
// one string that holds the whole text, so reading allocates nothing per
// string. After the first read that does not fit, every read returns a
// zero value and Err is set.
type reader struct {
	text string
	off  int
	err  error
}

// newReader reads data, copied once.
func newReader(data []byte) *reader { return &reader{text: string(data)} }

// newReaderOwning reads data without copying it: the strings read share
// its memory, so data must never change afterwards (a file just read, say).
func newReaderOwning(data []byte) *reader {
	if len(data) == 0 {
		return &reader{}
	}
	return &reader{text: unsafe.String(&data[0], len(data))}
}

// Err is errFormat once a read did not fit.
func (r *reader) Err() error { return r.err }

// Done reports whether everything was read, exactly.
func (r *reader) Done() bool { return r.err == nil && r.off == len(r.text) }

// Fail marks the data as not what was expected.
func (r *reader) Fail() { r.err, r.off = errFormat, len(r.text) }

func (r *reader) Uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.off >= len(r.text) {
			break
		}
		b := r.text[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.Fail()
	return 0
}

func (r *reader) Int() int64 {
	u := r.Uint()
	return int64(u>>1) ^ -int64(u&1)
}

// Count reads a length, which can be no more than the bytes left: every
// element takes one byte at least.
func (r *reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.text)-r.off) {
		r.Fail()
		return 0
	}
	return int(n)
}

func (r *reader) Str() string {
	n := r.Count()
	s := r.text[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) Bool() bool {
	if r.off >= len(r.text) || r.text[r.off] > 1 {
		r.Fail()
		return false
	}
	r.off++
	return r.text[r.off-1] == 1
}

// Strs reads a list writer.Strs wrote; nil for an empty one.
func (r *reader) Strs() []string {
	n := r.Count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.Str()
	}
	return list
}

// Diags writes a list of diagnostics.
func (w *writer) Diags(list diag.List) {
	w.Uint(uint64(len(list)))
	for _, d := range list {
		w.Str(d.File)
		w.Int(int64(d.Line))
		w.Int(int64(d.Col))
		w.Str(string(d.Severity))
		w.Str(d.Code)
		w.Str(d.Message)
	}
}

// Diags reads a list writer.Diags wrote; nil for an empty one.
func (r *reader) Diags() diag.List {
	n := r.Count()
	if n == 0 {
		return nil
	}
	list := make(diag.List, n)
	for i := range list {
		d := &list[i]
		d.File = r.Str()
		d.Line = int(r.Int())
		d.Col = int(r.Int())
		d.Severity = diag.Severity(r.Str())
		d.Code = r.Str()
		d.Message = r.Str()
	}
	return list
}
