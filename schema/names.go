package schema

import (
	"sort"

	"github.com/docgen/graphgen/schema/naming"
)

// assignNames settles every Go name before anything is rendered: type
// names and file names (types sorted by qualified name), enum constants
// (types, then members in page order), and field names (bases before the
// types derived from them, fields in page order). A field never takes the
// name of a method, of its embedded bases, or of a field it inherits.
func assignNames(s *Schema) {
	pkg := naming.NewScope(naming.SupportNames...)
	files := naming.NewFoldScope(naming.SupportFiles...)
	for _, t := range s.Types {
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
		for _, m := range t.Members {
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
	for _, t := range byDepth {
		if t.Kind == Enum {
			continue
		}
		scope := naming.NewScope(naming.MethodNames...)
		// The As methods of its own interface and its bases' reach the type
		// through embedding: a field of that name would hide them.
		for b := range t.Lineage() {
			if m := b.AsMethod(); m != "" {
				scope.Claim(m)
			}
		}
		for b := range t.Ancestors() {
			scope.Claim(b.GoName)
			for _, p := range b.Properties {
				scope.Claim(p.GoName)
			}
		}
		for _, p := range t.Properties {
			p.GoName = scope.Claim(naming.Pascal(p.Name))
		}
	}
}
