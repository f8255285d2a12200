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
	// The names are spelt on all cores; only claiming them, in order, is
	// sequential.
	typeNames, fileNames := make([]string, len(byClaim)), make([]string, len(byClaim))
	parallel(len(byClaim), func(i int) {
		typeNames[i] = naming.TypeName(byClaim[i].Name)
		fileNames[i] = naming.FileName(typeNames[i])
	})
	members := make([][]*Member, len(s.Types)) // each type's, in claim order
	memberNames := make([][]string, len(s.Types))
	parallel(len(s.Types), func(i int) {
		members[i] = append([]*Member(nil), s.Types[i].Members...)
		naming.ClaimOrder(members[i], func(m *Member) string { return m.Name })
		memberNames[i] = make([]string, len(members[i]))
		for j, m := range members[i] {
			memberNames[i][j] = naming.MemberSuffix(m.Name)
		}
	})
	// The names an overrides file gives claim first.
	for _, t := range byClaim {
		if t.pin != nil {
			t.GoName = pkg.Claim(t.pin.Value)
			t.FileName = files.Claim(naming.FileName(t.GoName))
		}
	}
	for i, t := range byClaim {
		if t.pin != nil {
			continue
		}
		t.GoName = pkg.Claim(typeNames[i])
		if t.GoName != typeNames[i] {
			fileNames[i] = naming.FileName(t.GoName)
		}
		t.FileName = files.Claim(fileNames[i])
	}
	// A struct with derived types gets an interface that it and they
	// implement: fields declared with it hold any of them.
	for _, t := range s.Types {
		if t.Kind != Enum && len(t.Derived) > 0 {
			t.GoInterface = pkg.Claim("Any" + t.GoName)
		}
	}
	for i, t := range s.Types {
		for j, m := range members[i] {
			m.GoName = pkg.Claim(t.GoName + memberNames[i][j])
		}
	}
	assignFieldNames(s.Types)
	assignOperationNames(s, pkg)
}

// assignOperationNames names the operations in the package's scope after
// every type, interface and constant, so that an operation never takes a
// type's name (Graph has a type called operation): an action or function
// by its binding's type and its name (UserSendMail), a read or write by
// the type that owns the segment it reaches and its name (UserListMessages).
// An action with parameters then names its body's struct
// (UserSendMailRequest). The operations are then sorted by their Go names.
func assignOperationNames(s *Schema, pkg *naming.Scope) {
	ops := append([]*Operation(nil), s.Operations...)
	naming.ClaimOrder(ops, func(o *Operation) string { return o.claimKey })
	for _, o := range ops {
		prefix := o.owner
		if o.Kind == OpAction || o.Kind == OpFunction {
			prefix = ""
			if o.Binding != nil {
				prefix = o.Binding.Type
			}
		}
		name := naming.Pascal(o.Name)
		if prefix != "" && !strings.HasPrefix(prefix, "Edm.") {
			name = naming.TypeName(prefix) + name
		}
		o.GoName = pkg.Claim(name)
	}
	// Then the bodies of the actions with parameters, in the same order;
	// every operation's parameters get names of their own scope (an
	// action's are its body's fields).
	for _, o := range ops {
		if len(o.Parameters) == 0 {
			continue
		}
		if o.Kind == OpAction {
			o.BodyGoName = pkg.Claim(o.GoName + "Request")
		}
		fields := naming.NewScope(naming.StructMethodNames...)
		params := append([]*Parameter(nil), o.Parameters...)
		naming.ClaimOrder(params, func(p *Parameter) string { return p.Name })
		for _, p := range params {
			p.GoName = fields.Claim(naming.Pascal(p.Name))
		}
	}
	sort.Slice(s.Operations, func(i, j int) bool { return s.Operations[i].GoName < s.Operations[j].GoName })
}

// assignFieldNames names the fields of every struct. A type's field names
// start from its base's (which hold the names of the base's own bases and
// fields), so types are named a level of depth at a time, bases first; the
// types of one level share nothing, and are named on all cores.
func assignFieldNames(types []*Type) {
	index := make(map[*Type]int, len(types))
	for i, t := range types {
		index[t] = i
	}
	depth := make([]int, len(types))
	var levels [][]int
	for i, t := range types {
		for range t.Ancestors() {
			depth[i]++
		}
		if t.Kind == Enum {
			continue
		}
		for len(levels) <= depth[i] {
			levels = append(levels, nil)
		}
		levels[depth[i]] = append(levels[depth[i]], i)
	}
	scopes := make([]*naming.Scope, len(types))
	methods := naming.NewScope(naming.StructMethodNames...) // only read: each root's parent
	for _, level := range levels {
		parallel(len(level), func(k int) {
			i := level[k]
			t := types[i]
			var scope *naming.Scope
			// A base of no lower level is one of a cycle (which the
			// resolver breaks before naming): the type starts afresh.
			if b, ok := index[t.BaseType]; ok && t.BaseType != nil && depth[b] < depth[i] && scopes[b] != nil {
				scope = scopes[b].Child()
				scope.Claim(t.BaseType.GoName)
			} else {
				scope = methods.Child()
			}
			// The As methods of its own interface and its bases' reach the
			// type through embedding: a field of that name would hide them.
			if m := t.AsMethod(); m != "" {
				scope.Claim(m)
			}
			own := append([]*Property(nil), t.Properties...)
			naming.ClaimOrder(own, func(p *Property) string { return p.Name })
			for _, p := range own {
				if p.pin != nil {
					p.GoName = scope.Claim(p.pin.Value)
				}
			}
			for _, p := range own {
				if p.pin == nil {
					p.GoName = scope.Claim(naming.Pascal(p.Name))
				}
			}
			scopes[i] = scope
		})
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
