// Reading a schema JSON file (-schema-out, version 1 or 2) back into a
// Schema, links included, so that it can be compared or subset like a
// resolved one.

package schema

import (
	"encoding/json"
	"fmt"
	"slices"
)

// ReadJSON reads a schema written by JSON. Version 1 files have no
// positions for properties and members; those take their type's.
func ReadJSON(data []byte) (*Schema, error) {
	var s Schema
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("not a schema JSON file: %w", err)
	}
	if s.Version < 1 || s.Version > Version {
		return nil, fmt.Errorf("schema JSON version %d; this gen reads versions 1 to %d", s.Version, Version)
	}
	s.byName = make(map[string]*Type, len(s.Types))
	s.Overrides = slices.DeleteFunc(s.Overrides, func(o *Override) bool { return o == nil })
	for _, t := range s.Types {
		if t == nil || t.Name == "" {
			return nil, fmt.Errorf("schema JSON: a type without a name")
		}
		s.byName[t.Name] = t
	}
	for _, t := range s.Types {
		t.Properties = slices.DeleteFunc(t.Properties, func(p *Property) bool { return p == nil })
		t.Members = slices.DeleteFunc(t.Members, func(m *Member) bool { return m == nil })
		for _, p := range t.Properties {
			if p.Source == "" {
				p.Source = t.Source
			}
		}
		for _, m := range t.Members {
			if m.Source == "" {
				m.Source = t.Source
			}
		}
	}
	s.link()
	for _, o := range s.Overrides {
		if t := s.byName[o.Type]; t != nil && o != nil && o.Property == "" && (o.Aspect == "base" || o.Aspect == "goName") {
			t.overrideAt(o.Aspect, o.Source)
		}
	}
	return &s, nil
}
