// Qualifying the names of a document once it is read: aliases resolved,
// duplicates dropped, references that lead nowhere warned of, base cycles
// and over-deep base chains cut, so that every walk up the bases is short.

package csdl

import (
	"slices"
	"strings"
)

// maxBaseDepth bounds a chain of bases: Microsoft Graph's deepest is six
// (windows10GeneralConfiguration). A longer one is cut, so that the work
// of naming fields, which walks every type's bases, stays linear.
const maxBaseDepth = 64

// edmTypes are the types of the Edm namespace CSDL 4.01 defines.
var edmTypes = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`Binary Boolean Byte Date DateTimeOffset Decimal Double Duration Guid
		Int16 Int32 Int64 SByte Single Stream String TimeOfDay Untyped PrimitiveType ComplexType EntityType
		AnnotationPath PropertyPath NavigationPropertyPath AnyPropertyPath ModelElementPath
		Geography GeographyPoint GeographyLineString GeographyPolygon GeographyMultiPoint
		GeographyMultiLineString GeographyMultiPolygon GeographyCollection
		Geometry GeometryPoint GeometryLineString GeometryPolygon GeometryMultiPoint
		GeometryMultiLineString GeometryMultiPolygon GeometryCollection`) {
		edmTypes[edmNamespace+"."+n] = true
	}
}

func (r *reader) resolve() {
	own := map[string]bool{}
	for _, s := range r.m.Schemas {
		own[s.Namespace] = true
	}
	declared := map[string]*Type{}
	kept := r.m.Types[:0]
	for _, t := range r.m.Types {
		if first := declared[t.Name]; first != nil {
			r.warn(t.Pos, "%s is declared again; the first (line %d) is kept", t.Name, first.Pos.Line)
			continue
		}
		if td := r.typeDefs[t.Name]; td != nil {
			r.warn(t.Pos, "%s is declared as a TypeDefinition too (line %d); the TypeDefinition is ignored", t.Name, td.pos.Line)
			delete(r.typeDefs, t.Name)
		}
		declared[t.Name] = t
		kept = append(kept, t)
	}
	clear(r.m.Types[len(kept):])
	r.m.Types = kept

	// ref qualifies a type reference; it warns and says false when the
	// reference is no type name.
	ref := func(raw string, at Pos, what string) (name string, collection, ok bool) {
		tr, ok := parseTypeRef(raw)
		if !ok {
			r.warn(at, "%s has type %q, which is no qualified type name (Namespace.Name or Collection(Namespace.Name))", what, clip(raw))
			return "", false, false
		}
		name = r.aliases.qualify(tr.qualifier, tr.name)
		ns := name[:strings.LastIndexByte(name, '.')]
		switch {
		case ns == edmNamespace:
			if !edmTypes[name] {
				r.warn(at, "%s has type %s, which is no Edm type", what, name)
			}
		case own[ns]:
			if declared[name] == nil && r.typeDefs[name] == nil {
				r.warn(at, "%s has type %s, which this file does not declare", what, name)
			}
		case !r.included[ns]:
			r.warn(at, "%s has type %s, of namespace %s, which this file neither declares nor includes (edmx:Include)", what, name, ns)
		}
		return name, tr.collection, true
	}
	// underlying gives a property of a TypeDefinition its underlying type.
	underlying := func(name string) string {
		if td := r.typeDefs[name]; td != nil {
			if tr, ok := parseTypeRef(td.underlying); ok && !tr.collection {
				return r.aliases.qualify(tr.qualifier, tr.name)
			}
		}
		return name
	}

	for _, t := range r.m.Types {
		if t.Base != "" {
			r.resolveBase(t, declared)
		}
		seen := map[string]*Property{}
		props := t.Properties[:0]
		for _, p := range t.Properties {
			if first := seen[p.Name]; first != nil {
				r.warn(p.Pos, "property %s of %s is declared again; the first (line %d) is kept", p.Name, t.Name, first.Pos.Line)
				continue
			}
			if p.Type == "" {
				r.warn(p.Pos, "property %s of %s has no Type; skipped", p.Name, t.Name)
				continue
			}
			name, collection, ok := ref(p.Type, p.Pos, "property "+t.Name+"."+p.Name)
			if !ok {
				continue
			}
			seen[p.Name] = p
			p.Type, p.Collection = underlying(name), collection
			props = append(props, p)
		}
		t.Properties = props
		members := map[string]*Member{}
		kept := t.Members[:0]
		for _, m := range t.Members {
			if first := members[m.Name]; first != nil {
				r.warn(m.Pos, "member %s of %s is declared again; the first (line %d) is kept", m.Name, t.Name, first.Pos.Line)
				continue
			}
			members[m.Name] = m
			kept = append(kept, m)
		}
		t.Members = kept
	}
	r.cutBaseCycles(declared)
	r.cutDeepBases(declared)

	param := func(p *Parameter, at Pos, what string) {
		if p == nil {
			return
		}
		if p.Type == "" {
			r.warn(at, "%s has no Type", what)
			return
		}
		if name, collection, ok := ref(p.Type, at, what); ok {
			p.Type, p.Collection = underlying(name), collection
		}
	}
	for _, op := range r.m.Operations {
		what := string(op.Kind) + " " + op.Name
		if op.Binding != nil {
			param(op.Binding, op.Pos, what+" binding parameter "+op.Binding.Name)
		}
		for i := range op.Parameters {
			param(&op.Parameters[i], op.Pos, what+" parameter "+op.Parameters[i].Name)
		}
		param(op.Return, op.Pos, what+" return")
	}
	for _, e := range r.m.EntryPoints {
		if tr, ok := parseTypeRef(e.Type); ok && !tr.collection {
			e.Type = r.aliases.qualify(tr.qualifier, tr.name)
		} else {
			r.warn(e.Pos, "%s %s names %q, which is no qualified name", e.Kind, e.Name, clip(e.Type))
		}
	}
}

// resolveBase qualifies a type's base; a base that is no declared type of
// the same kind goes, unless it is of a namespace another document holds.
func (r *reader) resolveBase(t *Type, declared map[string]*Type) {
	if t.Kind == EnumType {
		return
	}
	tr, ok := parseTypeRef(t.Base)
	if !ok || tr.collection {
		r.warn(t.Pos, "%s has BaseType %q, which is no qualified type name; the type gets no base", t.Name, clip(t.Base))
		t.Base = ""
		return
	}
	name := r.aliases.qualify(tr.qualifier, tr.name)
	ns := name[:strings.LastIndexByte(name, '.')]
	b := declared[name]
	switch {
	case b == nil && r.included[ns]:
		t.Base = name // declared in the referenced document
	case b == nil:
		r.warn(t.Pos, "%s has BaseType %s, which this file does not declare; the type gets no base", t.Name, name)
		t.Base = ""
	case b.Kind != t.Kind:
		r.warn(t.Pos, "%s (%s type) has BaseType %s, a %s type; the type gets no base", t.Name, t.Kind, name, b.Kind)
		t.Base = ""
	case b == t:
		r.warn(t.Pos, "%s has itself as its BaseType; the type gets no base", t.Name)
		t.Base = ""
	default:
		t.Base = name
	}
}

// cutBaseCycles drops one base in each cycle of bases: that of the type
// with the greatest name, so the choice does not depend on order. Each
// type is walked once.
func (r *reader) cutBaseCycles(declared map[string]*Type) {
	const (
		unseen = iota
		walking
		done
	)
	state := make(map[*Type]int, len(r.m.Types))
	for _, start := range r.m.Types {
		var path []*Type
		t := start
		for t != nil && state[t] == unseen {
			state[t] = walking
			path = append(path, t)
			t = declared[t.Base]
		}
		if t != nil && state[t] == walking {
			cycle := path[slices.Index(path, t):]
			victim := cycle[0]
			names := make([]string, len(cycle))
			for i, c := range cycle {
				names[i] = c.Name
				if c.Name > victim.Name {
					victim = c
				}
			}
			slices.Sort(names)
			r.warn(victim.Pos, "the bases of %s form a cycle; %s loses its base %s", strings.Join(names, ", "), victim.Name, victim.Base)
			victim.Base = ""
		}
		for _, p := range path {
			state[p] = done
		}
	}
}

// cutDeepBases drops the base of a type that would be more than
// maxBaseDepth below its root. Bases have no cycles by now.
func (r *reader) cutDeepBases(declared map[string]*Type) {
	depth := make(map[*Type]int, len(r.m.Types))
	for _, start := range r.m.Types {
		var path []*Type
		t := start
		for {
			if _, ok := depth[t]; ok {
				break
			}
			path = append(path, t)
			b := declared[t.Base]
			if b == nil {
				depth[t] = 0
				break
			}
			t = b
		}
		// Down the path from the root end: each is one below its base.
		for i := len(path) - 1; i >= 0; i-- {
			p := path[i]
			if _, ok := depth[p]; ok {
				continue
			}
			d := depth[declared[p.Base]] + 1
			if d > maxBaseDepth {
				r.warn(p.Pos, "%s would be %d bases below its root, more than the %d gen follows; it loses its base %s", p.Name, d, maxBaseDepth, p.Base)
				p.Base, d = "", 0
			}
			depth[p] = d
		}
	}
}
