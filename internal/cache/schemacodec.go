// The schema codec: a resolved schema in the binary form, every field in
// a fixed order (wire.go), the links between types as indexes. Written by
// hand: a rerun reads it on its way to the output, and gob took 40 ms to
// write it and 15 to read it back on the largest folder, against a few
// here (TestSchemaCodecCoversEveryField keeps it in step with the types).

package cache

import (
	"errors"

	"github.com/docgen/graphgen/schema"
)

var errSchema = errors.New("not an encoded schema, or not whole")

// encodeSchema writes a schema for decodeSchema; a schema resolved with
// overrides is refused (it is never cached: its run key holds the file).
func encodeSchema(s *schema.Schema) ([]byte, error) {
	if len(s.Overrides) > 0 {
		return nil, errors.New("a schema resolved with overrides is not cached")
	}
	index := make(map[*schema.Type]int, len(s.Types))
	for i, t := range s.Types {
		index[t] = i
	}
	link := func(t *schema.Type) int64 {
		if i, ok := index[t]; ok {
			return int64(i)
		}
		return -1
	}
	w := writer{buf: make([]byte, 0, schemaSizeHint(s))}
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
			w.Bool(l.TypeWords[k].Collection)
		}
		for _, m := range []map[string]int{l.BasePhrases, l.InheritedPhrases, l.CollectionPhrases, l.TranslatedMembers, l.TranslatedRows} {
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
	return encodeOperations(w, s)
}

// schemaSizeHint is about what encodeSchema writes, so that the buffer is
// not grown and copied over and again: the descriptions and a bound on the
// rest of every type, property, member and diagnostic.
func schemaSizeHint(s *schema.Schema) int {
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

// decodeSchema reads what encodeSchema wrote, links included; data that
// is not exactly that is an error.
func decodeSchema(data []byte) (*schema.Schema, error) {
	// One string holds the text every field is a part of.
	r := newReader(data)
	n := r.Count()
	s := &schema.Schema{Version: schema.Version, Types: make([]*schema.Type, n)}
	names := make(map[string]bool, n)
	types := make([]schema.Type, n)
	for i := range types {
		s.Types[i] = &types[i]
	}
	at := func(i int64) *schema.Type {
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
		t.Kind = schema.Kind(r.Str())
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
			props := make([]schema.Property, k)
			t.Properties = make([]*schema.Property, k)
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
			members := make([]schema.Member, k)
			t.Members = make([]*schema.Member, k)
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
		if r.Err() == nil && (t.Name == "" || names[t.Name]) {
			r.Fail()
		}
		names[t.Name] = true
	}
	s.Diagnostics = r.Diags()
	if r.Bool() {
		l := &schema.Learned{}
		if k := r.Count(); k > 0 {
			l.TypeWords = make(map[string]schema.LearnedWord, k)
			for range k {
				w := r.Str()
				l.TypeWords[w] = schema.LearnedWord{Type: r.Str(), Count: int(r.Int()), Collection: r.Bool()}
			}
		}
		for _, m := range []*map[string]int{&l.BasePhrases, &l.InheritedPhrases, &l.CollectionPhrases, &l.TranslatedMembers, &l.TranslatedRows} {
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
	if err := decodeOperations(r, s); err != nil {
		return nil, err
	}
	if !r.Done() {
		return nil, errSchema
	}
	if err := s.Index(); err != nil {
		return nil, err
	}
	// Derived in type order, as Resolve lists them.
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	return s, nil
}
