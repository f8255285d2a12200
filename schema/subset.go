package schema

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// Subset returns the schema restricted to the types whose qualified names
// match one of patterns (exact names or path.Match globs such as
// microsoft.graph.vppToken*) and what they need: their bases, the types of
// their structural (non-navigation) properties and their enums,
// transitively. Navigation properties whose target falls outside the
// subset keep their name and type in the schema but lose the reference,
// so they render as raw JSON. Derived types come only when named. The
// operations bound to a type of the subset come with it, and the types
// their parameters and results need. Go names and file names stay as the
// full schema settled them.
func (s *Schema) Subset(patterns []string) (*Schema, error) {
	roots, err := s.roots(patterns, true)
	if err != nil {
		return nil, err
	}
	return s.closure(roots), nil
}

// SubsetAny is Subset for a pattern list that may match nothing here (the
// other side of a diff may hold the type): it never fails on that.
func (s *Schema) SubsetAny(patterns []string) *Schema {
	roots, _ := s.roots(patterns, false)
	return s.closure(roots)
}

// roots returns the types the patterns match; with strict, a pattern that
// matches none is an error that suggests the nearest names.
func (s *Schema) roots(patterns []string, strict bool) ([]*Type, error) {
	var roots []*Type
	for _, p := range patterns {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("bad -types pattern %q: %w", p, err)
		}
		n := 0
		for _, t := range s.Types {
			if ok, _ := path.Match(p, t.Name); ok || strings.EqualFold(p, t.Name) {
				roots = append(roots, t)
				n++
			}
		}
		if n == 0 && strict {
			msg := fmt.Sprintf("-types pattern %q matches no type", p)
			if near := s.nearestNames(p, 3); len(near) > 0 {
				msg += "; did you mean " + strings.Join(near, ", ") + "?"
			}
			return nil, errors.New(msg)
		}
	}
	return roots, nil
}

// closure returns the schema restricted to roots and what they need.
func (s *Schema) closure(roots []*Type) *Schema {
	keep := map[*Type]bool{}
	var visit func(t *Type)
	visit = func(t *Type) {
		if t == nil || keep[t] {
			return
		}
		keep[t] = true
		visit(t.BaseType)
		for _, p := range t.Properties {
			if !p.Navigation {
				visit(p.Ref)
			}
		}
	}
	for _, t := range roots {
		visit(t)
	}
	// The operations bound to those types come too, and what their
	// parameters and results need (not the operations bound to that).
	var ops []*Operation
	for _, o := range s.Operations {
		if o.Binding != nil && keep[s.byName[o.Binding.Type]] {
			ops = append(ops, o)
		}
	}
	for _, o := range ops {
		for _, p := range o.Parameters {
			visit(s.byName[p.Type])
		}
		if o.Returns != nil {
			visit(s.byName[o.Returns.Type])
		}
	}
	copies := map[*Type]*Type{}
	out := &Schema{Version: s.Version, Diagnostics: s.Diagnostics, Operations: ops, byName: map[string]*Type{}}
	for _, e := range s.EntryPoints {
		if keep[s.byName[e.Type]] {
			out.EntryPoints = append(out.EntryPoints, e)
		}
	}
	for _, o := range s.Overrides {
		if t := s.byName[o.Type]; t != nil && keep[t] {
			out.Overrides = append(out.Overrides, o)
		}
	}
	for _, t := range s.Types {
		if keep[t] {
			c := *t
			c.Derived = nil
			copies[t] = &c
			out.Types = append(out.Types, &c)
			out.byName[c.Name] = &c
		}
	}
	for _, c := range out.Types {
		c.BaseType = copies[c.BaseType]
		props := make([]*Property, len(c.Properties))
		for i, p := range c.Properties {
			pc := *p
			pc.Ref = copies[p.Ref] // nil outside the subset: raw JSON
			props[i] = &pc
		}
		c.Properties = props
		if c.BaseType != nil {
			c.BaseType.Derived = append(c.BaseType.Derived, c)
		}
	}
	for _, c := range out.Types {
		sort.Slice(c.Derived, func(i, j int) bool { return c.Derived[i].Name < c.Derived[j].Name })
	}
	return out
}

// nearestNames suggests up to n qualified names for a pattern that matched
// none: names whose last segment the pattern matches (it lacks the
// namespace), else the names closest to it in edit distance.
func (s *Schema) nearestNames(pattern string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	var found []scored
	short := strings.ToLower(parser.ShortName(pattern))
	for _, t := range s.Types {
		last := strings.ToLower(parser.ShortName(t.Name))
		if ok, _ := path.Match(strings.ToLower(pattern), last); ok {
			found = append(found, scored{t.Name, 0})
		} else if d := editDistance(short, last); d <= max(2, len(short)/3) {
			found = append(found, scored{t.Name, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].name < found[j].name
	})
	var out []string
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.name)
	}
	return out
}

// Pages returns the pages the schema's types, properties and members
// come from (the path of each Source).
func (s *Schema) Pages() map[string]bool {
	out := map[string]bool{}
	add := func(source string) {
		if pos := SourcePos(source); pos.File != "" {
			out[pos.File] = true
		}
	}
	for _, t := range s.Types {
		add(t.Source)
		for _, p := range t.Properties {
			add(p.Source)
		}
		for _, m := range t.Members {
			add(m.Source)
		}
	}
	return out
}
