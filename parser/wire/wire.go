// Package wire is the byte layout the caches' binary forms share: numbers
// as varints, strings and lists prefixed with their length, booleans as
// one byte. Each form writes its fields in a fixed order by hand, which
// reads back several times faster than gob, the cost a rerun pays first.
package wire

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/docgen/graphgen/diag"
)

// The Writer's methods write one field each; the Reader's read it back.

// ErrFormat is what Reader.Err is after any read that did not fit.
var ErrFormat = errors.New("not the binary form expected, or not whole")

// Writer appends fields to Buf.
type Writer struct{ Buf []byte }

func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }
func (w *Writer) Int(v int64)   { w.Buf = binary.AppendVarint(w.Buf, v) }
func (w *Writer) Str(s string)  { w.Uint(uint64(len(s))); w.Buf = append(w.Buf, s...) }
func (w *Writer) Bool(b bool) {
	if b {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// Strs writes a list of strings.
func (w *Writer) Strs(list []string) {
	w.Uint(uint64(len(list)))
	for _, s := range list {
		w.Str(s)
	}
}

// Reader reads what a Writer wrote. The strings it returns are parts of
// one string that holds the whole text, so reading allocates nothing per
// string. After the first read that does not fit, every read returns a
// zero value and Err is set.
type Reader struct {
	text string
	off  int
	err  error
}

// NewReader reads data, copied once.
func NewReader(data []byte) *Reader { return &Reader{text: string(data)} }

// NewReaderOwning reads data without copying it: the strings read share
// its memory, so data must never change afterwards (a file just read, say).
func NewReaderOwning(data []byte) *Reader {
	if len(data) == 0 {
		return &Reader{}
	}
	return &Reader{text: unsafe.String(&data[0], len(data))}
}

// Err is ErrFormat once a read did not fit.
func (r *Reader) Err() error { return r.err }

// Done reports whether everything was read, exactly.
func (r *Reader) Done() bool { return r.err == nil && r.off == len(r.text) }

// Fail marks the data as not what was expected.
func (r *Reader) Fail() { r.err, r.off = ErrFormat, len(r.text) }

func (r *Reader) Uint() uint64 {
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

func (r *Reader) Int() int64 {
	u := r.Uint()
	return int64(u>>1) ^ -int64(u&1)
}

// Count reads a length, which can be no more than the bytes left: every
// element takes one byte at least.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.text)-r.off) {
		r.Fail()
		return 0
	}
	return int(n)
}

func (r *Reader) Str() string {
	n := r.Count()
	s := r.text[r.off : r.off+n]
	r.off += n
	return s
}

func (r *Reader) Bool() bool {
	if r.off >= len(r.text) || r.text[r.off] > 1 {
		r.Fail()
		return false
	}
	r.off++
	return r.text[r.off-1] == 1
}

// Strs reads a list Writer.Strs wrote; nil for an empty one.
func (r *Reader) Strs() []string {
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
func (w *Writer) Diags(list diag.List) {
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

// Diags reads a list Writer.Diags wrote; nil for an empty one.
func (r *Reader) Diags() diag.List {
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
