// The binary form of a resolved schema, for the run cache: gob, with the
// links between types (BaseType, Derived, Ref) left out and made again on
// reading, since gob cannot write values that point back at themselves.

package schema

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/docgen/graphgen/diag"
)

// binarySchema is what MarshalBinary writes.
type binarySchema struct {
	Types       []Type // each without its links; Properties without Ref
	Diagnostics diag.List
	Learned     *Learned
	// ZeroValues lists the members whose value is 0 (type index, member
	// index): gob does not tell a pointer to 0 from nil.
	ZeroValues [][2]int
	// Bases holds each type's BaseType and Refs each property's Ref (in
	// type order, then property order) as an index into Types, or -1: the
	// links as the resolver made them, not as the names would make them.
	Bases, Refs []int32
}

// MarshalBinary writes the schema for UnmarshalBinary.
func (s *Schema) MarshalBinary() ([]byte, error) {
	b := binarySchema{Types: make([]Type, len(s.Types)), Diagnostics: s.Diagnostics, Learned: s.Learned,
		Bases: make([]int32, len(s.Types))}
	index := make(map[*Type]int32, len(s.Types))
	for i, t := range s.Types {
		index[t] = int32(i)
	}
	at := func(t *Type) int32 {
		if i, ok := index[t]; ok {
			return i
		}
		return -1
	}
	for i, t := range s.Types {
		b.Bases[i] = at(t.BaseType)
		c := *t
		c.BaseType, c.Derived = nil, nil
		c.Properties = make([]*Property, len(t.Properties))
		for j, p := range t.Properties {
			cp := *p
			cp.Ref = nil
			c.Properties[j] = &cp
			b.Refs = append(b.Refs, at(p.Ref))
		}
		for j, m := range t.Members {
			if m.Value != nil && *m.Value == 0 {
				b.ZeroValues = append(b.ZeroValues, [2]int{i, j})
			}
		}
		b.Types[i] = c
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary reads what MarshalBinary wrote, links included.
func UnmarshalBinary(data []byte) (*Schema, error) {
	var b binarySchema
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&b); err != nil {
		return nil, fmt.Errorf("not a binary schema: %w", err)
	}
	s := &Schema{Version: Version, Types: make([]*Type, len(b.Types)), Diagnostics: b.Diagnostics, Learned: b.Learned,
		byName: make(map[string]*Type, len(b.Types))}
	for i := range b.Types {
		t := &b.Types[i]
		if t.Name == "" || s.byName[t.Name] != nil {
			return nil, fmt.Errorf("binary schema: a type without a name, or twice")
		}
		s.Types[i], s.byName[t.Name] = t, t
	}
	for _, z := range b.ZeroValues {
		if z[0] < 0 || z[0] >= len(s.Types) || z[1] < 0 || z[1] >= len(s.Types[z[0]].Members) {
			return nil, fmt.Errorf("binary schema: a member value out of place")
		}
		s.Types[z[0]].Members[z[1]].Value = new(int64)
	}
	if len(b.Bases) != len(s.Types) {
		return nil, fmt.Errorf("binary schema: the links do not fit")
	}
	link := func(i int32) (*Type, bool) {
		if i == -1 {
			return nil, true
		}
		if i < 0 || int(i) >= len(s.Types) {
			return nil, false
		}
		return s.Types[i], true
	}
	refs := b.Refs
	for i, t := range s.Types {
		var ok bool
		if t.BaseType, ok = link(b.Bases[i]); !ok {
			return nil, fmt.Errorf("binary schema: a base out of place")
		}
		if len(refs) < len(t.Properties) {
			return nil, fmt.Errorf("binary schema: the links do not fit")
		}
		for j, p := range t.Properties {
			if p.Ref, ok = link(refs[j]); !ok {
				return nil, fmt.Errorf("binary schema: a property type out of place")
			}
		}
		refs = refs[len(t.Properties):]
	}
	if len(refs) != 0 {
		return nil, fmt.Errorf("binary schema: the links do not fit")
	}
	// Derived in type order, as Resolve lists them.
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	return s, nil
}
