// The binary form of a resolved schema, for the run cache: every field in
// a fixed order, strings and numbers length- or varint-prefixed, the links
// between types as indexes. Written by hand: a rerun reads it on its way
// to the output, and gob took 40 ms to write it and 15 to read it back on
// the largest folder, against a few here (TestBinaryCoversEveryField
// keeps it in step with the types).

package schema

import (
	"errors"
	"sort"

	"github.com/docgen/graphgen/parser/wire"
)

// binaryMagic starts the form; it changes with the layout.
const binaryMagic = "graphgen schema 2\n"

var errBinary = errors.New("not a binary schema, or not whole")

// MarshalBinary writes the schema for UnmarshalBinary.
func (s *Schema) MarshalBinary() ([]byte, error) {
	if len(s.Overrides) > 0 {
		return nil, errors.New("a schema resolved with overrides is not cached")
	}
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
	w := wire.Writer{Buf: make([]byte, 0, s.binarySizeHint())}
	w.Buf = append(w.Buf, binaryMagic...)
	w.Uint(uint64(len(s.Types)))
	for _, t := range s.Types {
		w.Str(t.Name)
		w.Str(string(t.Kind))
		w.Bool(t.Base != nil)
		if t.Base != nil {
			w.Str(*t.Base)
		}
		w.Bool(t.Abstract)
		w.Bool(t.OpenType)
		w.Bool(t.Flags)
		w.Str(t.GoName)
		w.Str(t.GoInterface)
		w.Str(t.Source)
		w.Str(t.Description)
		w.Int(link(t.BaseType))
		w.Str(t.FileName)
		w.Str(t.KeyProperty)
		w.Uint(uint64(len(t.Properties)))
		for _, p := range t.Properties {
			w.Str(p.Name)
			w.Str(p.Type)
			w.Bool(p.Collection)
			w.Bool(p.Navigation)
			w.Bool(p.Nullable)
			w.Bool(p.Deprecated)
			w.Str(p.GoName)
			w.Str(p.Description)
			w.Str(p.Source)
			w.Int(link(p.Ref))
		}
		w.Uint(uint64(len(t.Members)))
		for _, m := range t.Members {
			w.Bool(m.Value != nil)
			if m.Value != nil {
				w.Int(*m.Value)
			}
			w.Bool(m.Deprecated)
			w.Str(m.GoName)
			w.Str(m.Name)
			w.Str(m.Description)
			w.Str(m.Source)
		}
	}
	w.Diags(s.Diagnostics)
	w.Bool(s.Learned != nil)
	if l := s.Learned; l != nil {
		w.Uint(uint64(len(l.TypeWords)))
		for _, k := range sortedKeys(l.TypeWords) {
			w.Str(k)
			w.Str(l.TypeWords[k].Type)
			w.Int(int64(l.TypeWords[k].Count))
		}
		for _, m := range []map[string]int{l.BasePhrases, l.InheritedPhrases, l.CollectionPhrases, l.TranslatedMembers} {
			w.Uint(uint64(len(m)))
			for _, k := range sortedKeys(m) {
				w.Str(k)
				w.Int(int64(m[k]))
			}
		}
		w.Uint(uint64(len(l.NameCases)))
		for _, k := range sortedKeys(l.NameCases) {
			w.Str(k)
			w.Str(l.NameCases[k])
		}
	}
	return appendOperations(w, s)
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
	r := wire.NewReader(data[len(binaryMagic):])
	n := r.Count()
	s := &Schema{Version: Version, Types: make([]*Type, n), byName: make(map[string]*Type, n)}
	types := make([]Type, n)
	for i := range types {
		s.Types[i] = &types[i]
	}
	at := func(i int64) *Type {
		if i < -1 || i >= int64(n) {
			r.Fail()
			return nil
		}
		if i == -1 {
			return nil
		}
		return s.Types[i]
	}
	for _, t := range s.Types {
		t.Name = r.Str()
		t.Kind = Kind(r.Str())
		if r.Bool() {
			base := r.Str()
			t.Base = &base
		}
		t.Abstract = r.Bool()
		t.OpenType = r.Bool()
		t.Flags = r.Bool()
		t.GoName = r.Str()
		t.GoInterface = r.Str()
		t.Source = r.Str()
		t.Description = r.Str()
		t.BaseType = at(r.Int())
		t.FileName = r.Str()
		t.KeyProperty = r.Str()
		if k := r.Count(); k > 0 {
			props := make([]Property, k)
			t.Properties = make([]*Property, k)
			for j := range props {
				p := &props[j]
				p.Name = r.Str()
				p.Type = r.Str()
				p.Collection = r.Bool()
				p.Navigation = r.Bool()
				p.Nullable = r.Bool()
				p.Deprecated = r.Bool()
				p.GoName = r.Str()
				p.Description = r.Str()
				p.Source = r.Str()
				p.Ref = at(r.Int())
				t.Properties[j] = p
			}
		}
		if k := r.Count(); k > 0 {
			members := make([]Member, k)
			t.Members = make([]*Member, k)
			for j := range members {
				m := &members[j]
				if r.Bool() {
					v := r.Int()
					m.Value = &v
				}
				m.Deprecated = r.Bool()
				m.GoName = r.Str()
				m.Name = r.Str()
				m.Description = r.Str()
				m.Source = r.Str()
				t.Members[j] = m
			}
		}
		if r.Err() == nil && (t.Name == "" || s.byName[t.Name] != nil) {
			r.Fail()
		}
		s.byName[t.Name] = t
	}
	s.Diagnostics = r.Diags()
	if r.Bool() {
		l := &Learned{}
		if k := r.Count(); k > 0 {
			l.TypeWords = make(map[string]LearnedWord, k)
			for range k {
				w := r.Str()
				l.TypeWords[w] = LearnedWord{Type: r.Str(), Count: int(r.Int())}
			}
		}
		for _, m := range []*map[string]int{&l.BasePhrases, &l.InheritedPhrases, &l.CollectionPhrases, &l.TranslatedMembers} {
			if k := r.Count(); k > 0 {
				*m = make(map[string]int, k)
				for range k {
					p := r.Str()
					(*m)[p] = int(r.Int())
				}
			}
		}
		if k := r.Count(); k > 0 {
			l.NameCases = make(map[string]string, k)
			for range k {
				n := r.Str()
				l.NameCases[n] = r.Str()
			}
		}
		s.Learned = l
	}
	if err := readOperations(r, s); err != nil {
		return nil, err
	}
	if !r.Done() {
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
