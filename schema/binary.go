// The binary form of a resolved schema, for the run cache: every field in
// a fixed order, strings and numbers length- or varint-prefixed, the links
// between types as indexes. Written by hand: a rerun reads it on its way
// to the output, and gob took 40 ms to write it and 15 to read it back on
// the largest folder, against a few here (TestBinaryCoversEveryField
// keeps it in step with the types).

package schema

import (
	"encoding/binary"
	"errors"
	"sort"

	"github.com/docgen/graphgen/diag"
)

// binaryMagic starts the form; it changes with the layout.
const binaryMagic = "graphgen schema 1\n"

var errBinary = errors.New("not a binary schema, or not whole")

// MarshalBinary writes the schema for UnmarshalBinary.
func (s *Schema) MarshalBinary() ([]byte, error) {
	index := make(map[*Type]int, len(s.Types))
	for i, t := range s.Types {
		index[t] = i
	}
	link := func(t *Type) int64 {
		if i, ok := index[t]; ok {
			return int64(i)
		}
		return -1
	}
	w := writer{buf: make([]byte, 0, s.binarySizeHint())}
	w.buf = append(w.buf, binaryMagic...)
	w.uint(uint64(len(s.Types)))
	for _, t := range s.Types {
		w.str(t.Name)
		w.str(string(t.Kind))
		w.bool(t.Base != nil)
		if t.Base != nil {
			w.str(*t.Base)
		}
		w.bool(t.Abstract)
		w.bool(t.OpenType)
		w.bool(t.Flags)
		w.str(t.GoName)
		w.str(t.GoInterface)
		w.str(t.Source)
		w.str(t.Description)
		w.int(link(t.BaseType))
		w.str(t.FileName)
		w.str(t.KeyProperty)
		w.uint(uint64(len(t.Properties)))
		for _, p := range t.Properties {
			w.str(p.Name)
			w.str(p.Type)
			w.bool(p.Collection)
			w.bool(p.Navigation)
			w.bool(p.Nullable)
			w.bool(p.Deprecated)
			w.str(p.GoName)
			w.str(p.Description)
			w.str(p.Source)
			w.int(link(p.Ref))
		}
		w.uint(uint64(len(t.Members)))
		for _, m := range t.Members {
			w.bool(m.Value != nil)
			if m.Value != nil {
				w.int(*m.Value)
			}
			w.bool(m.Deprecated)
			w.str(m.GoName)
			w.str(m.Name)
			w.str(m.Description)
			w.str(m.Source)
		}
	}
	w.uint(uint64(len(s.Diagnostics)))
	for _, d := range s.Diagnostics {
		w.str(d.File)
		w.int(int64(d.Line))
		w.int(int64(d.Col))
		w.str(string(d.Severity))
		w.str(d.Code)
		w.str(d.Message)
	}
	w.bool(s.Learned != nil)
	if l := s.Learned; l != nil {
		w.uint(uint64(len(l.TypeWords)))
		for _, k := range sortedKeys(l.TypeWords) {
			w.str(k)
			w.str(l.TypeWords[k].Type)
			w.int(int64(l.TypeWords[k].Count))
		}
		for _, m := range []map[string]int{l.BasePhrases, l.InheritedPhrases, l.CollectionPhrases} {
			w.uint(uint64(len(m)))
			for _, k := range sortedKeys(m) {
				w.str(k)
				w.int(int64(m[k]))
			}
		}
		w.uint(uint64(len(l.NameCases)))
		for _, k := range sortedKeys(l.NameCases) {
			w.str(k)
			w.str(l.NameCases[k])
		}
	}
	return w.buf, nil
}

// binarySizeHint is about what MarshalBinary writes, so that the buffer is
// not grown and copied over and again: the descriptions and a bound on the
// rest of every type, property, member and diagnostic.
func (s *Schema) binarySizeHint() int {
	n := 4096
	for _, t := range s.Types {
		n += len(t.Description) + 256
		for _, p := range t.Properties {
			n += len(p.Description) + 160
		}
		for _, m := range t.Members {
			n += len(m.Description) + 128
		}
	}
	return n + 160*len(s.Diagnostics)
}

// UnmarshalBinary reads what MarshalBinary wrote, links included; data
// that is not exactly that is an error.
func UnmarshalBinary(data []byte) (*Schema, error) {
	if len(data) < len(binaryMagic) || string(data[:len(binaryMagic)]) != binaryMagic {
		return nil, errBinary
	}
	// One string holds the text every field is a part of.
	r := reader{text: string(data[len(binaryMagic):])}
	n := r.count()
	s := &Schema{Version: Version, Types: make([]*Type, n), byName: make(map[string]*Type, n)}
	types := make([]Type, n)
	for i := range types {
		s.Types[i] = &types[i]
	}
	at := func(i int64) *Type {
		if i < -1 || i >= int64(n) {
			r.fail()
			return nil
		}
		if i == -1 {
			return nil
		}
		return s.Types[i]
	}
	for _, t := range s.Types {
		t.Name = r.str()
		t.Kind = Kind(r.str())
		if r.bool() {
			base := r.str()
			t.Base = &base
		}
		t.Abstract = r.bool()
		t.OpenType = r.bool()
		t.Flags = r.bool()
		t.GoName = r.str()
		t.GoInterface = r.str()
		t.Source = r.str()
		t.Description = r.str()
		t.BaseType = at(r.int())
		t.FileName = r.str()
		t.KeyProperty = r.str()
		if k := r.count(); k > 0 {
			props := make([]Property, k)
			t.Properties = make([]*Property, k)
			for j := range props {
				p := &props[j]
				p.Name = r.str()
				p.Type = r.str()
				p.Collection = r.bool()
				p.Navigation = r.bool()
				p.Nullable = r.bool()
				p.Deprecated = r.bool()
				p.GoName = r.str()
				p.Description = r.str()
				p.Source = r.str()
				p.Ref = at(r.int())
				t.Properties[j] = p
			}
		}
		if k := r.count(); k > 0 {
			members := make([]Member, k)
			t.Members = make([]*Member, k)
			for j := range members {
				m := &members[j]
				if r.bool() {
					v := r.int()
					m.Value = &v
				}
				m.Deprecated = r.bool()
				m.GoName = r.str()
				m.Name = r.str()
				m.Description = r.str()
				m.Source = r.str()
				t.Members[j] = m
			}
		}
		if r.err == nil && (t.Name == "" || s.byName[t.Name] != nil) {
			r.fail()
		}
		s.byName[t.Name] = t
	}
	if k := r.count(); k > 0 {
		s.Diagnostics = make(diag.List, k)
		for i := range s.Diagnostics {
			d := &s.Diagnostics[i]
			d.File = r.str()
			d.Line = int(r.int())
			d.Col = int(r.int())
			d.Severity = diag.Severity(r.str())
			d.Code = r.str()
			d.Message = r.str()
		}
	}
	if r.bool() {
		l := &Learned{}
		if k := r.count(); k > 0 {
			l.TypeWords = make(map[string]LearnedWord, k)
			for range k {
				w := r.str()
				l.TypeWords[w] = LearnedWord{Type: r.str(), Count: int(r.int())}
			}
		}
		for _, m := range []*map[string]int{&l.BasePhrases, &l.InheritedPhrases, &l.CollectionPhrases} {
			if k := r.count(); k > 0 {
				*m = make(map[string]int, k)
				for range k {
					p := r.str()
					(*m)[p] = int(r.int())
				}
			}
		}
		if k := r.count(); k > 0 {
			l.NameCases = make(map[string]string, k)
			for range k {
				n := r.str()
				l.NameCases[n] = r.str()
			}
		}
		s.Learned = l
	}
	if r.err != nil || r.off != len(r.text) {
		return nil, errBinary
	}
	// Derived in type order, as Resolve lists them.
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	return s, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type writer struct{ buf []byte }

func (w *writer) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *writer) str(s string)  { w.uint(uint64(len(s))); w.buf = append(w.buf, s...) }
func (w *writer) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// reader reads what writer wrote; after the first fault every read gives
// a zero value and err is set.
type reader struct {
	text string
	off  int
	err  error
}

func (r *reader) fail() { r.err, r.off = errBinary, len(r.text) }

func (r *reader) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.off >= len(r.text) {
			r.fail()
			return 0
		}
		b := r.text[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *reader) int() int64 {
	u := r.uint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length, which no more than the bytes left can hold.
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(len(r.text)-r.off) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	n := r.count()
	s := r.text[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) bool() bool {
	if r.off >= len(r.text) || r.text[r.off] > 1 {
		r.fail()
		return false
	}
	r.off++
	return r.text[r.off-1] == 1
}
