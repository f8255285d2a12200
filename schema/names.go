package schema

import (
	"sort"
	"strings"

	"github.com/docgen/graphgen/schema/naming"
)

// assignNames settles every Go name before anything is rendered: type
// names and file names, interfaces, enum constants, and field names (bases
// before the types derived from them). Within each, names are claimed in
// naming.ClaimOrder, which depends on the names alone: adding a page or
// moving a row never moves a collision suffix onto an existing name, unless
// the new name spells the Go name exactly where the old one did not. A
// field never takes the name of a method, of its embedded bases, or of a
// field it inherits.
func assignNames(s *Schema) {
	pkg := naming.NewScope(naming.SupportNames...)
	files := naming.NewFoldScope(naming.SupportFiles...)
	byClaim := append([]*Type(nil), s.Types...)
	// A type of the default namespace is named by its short name alone;
	// one of another namespace gets its namespace in front, so it yields.
	naming.ClaimOrder(byClaim, func(t *Type) string {
		if ns, short, ok := cutLast(t.Name); ok && strings.EqualFold(ns, graphNamespace) {
			return short
		}
		return t.Name
	})
	for _, t := range byClaim {
		t.GoName = pkg.Claim(naming.TypeName(t.Name))
		t.FileName = files.Claim(naming.FileName(t.GoName))
	}
	// A struct with derived types gets an interface that it and they
	// implement: fields declared with it hold any of them.
	for _, t := range s.Types {
		if t.Kind != Enum && len(t.Derived) > 0 {
			t.GoInterface = pkg.Claim("Any" + t.GoName)
		}
	}
	for _, t := range s.Types {
		members := append([]*Member(nil), t.Members...)
		naming.ClaimOrder(members, func(m *Member) string { return m.Name })
		for _, m := range members {
			m.GoName = pkg.Claim(t.GoName + naming.Pascal(m.Name))
		}
	}
	byDepth := append([]*Type(nil), s.Types...)
	depth := func(t *Type) int {
		d := 0
		for range t.Ancestors() {
			d++
		}
		return d
	}
	sort.SliceStable(byDepth, func(i, j int) bool { return depth(byDepth[i]) < depth(byDepth[j]) })
	// A type's field names start from its base's (which hold the names of
	// the base's own bases and fields): bases come first in byDepth.
	fields := map[*Type]*naming.Scope{}
	for _, t := range byDepth {
		if t.Kind == Enum {
			continue
		}
		var scope *naming.Scope
		if b := t.BaseType; b != nil && fields[b] != nil {
			scope = fields[b].Child()
			scope.Claim(b.GoName)
		} else {
			scope = naming.NewScope(naming.MethodNames...)
		}
		// The As methods of its own interface and its bases' reach the type
		// through embedding: a field of that name would hide them.
		if m := t.AsMethod(); m != "" {
			scope.Claim(m)
		}
		own := append([]*Property(nil), t.Properties...)
		naming.ClaimOrder(own, func(p *Property) string { return p.Name })
		for _, p := range own {
			p.GoName = scope.Claim(naming.Pascal(p.Name))
		}
		fields[t] = scope
	}
}

// cutLast splits a qualified name at its last dot.
func cutLast(q string) (ns, short string, ok bool) {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q, false
	}
	return q[:i], q[i+1:], true
}
