// The property types pass, and the look-ups every pass uses: references by
// link target or by name, and the types that property cells name.

package schema

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// lookupLink finds the type a link target describes: an anchor on the
// page first, then the type on the page whose name the link text gives,
// then the page's first type.
func (r *resolver) lookupLink(link, name string) *entry {
	if link == "" {
		return nil
	}
	var buf [96]byte
	lower := lowerInto(buf[:], link)
	p, _, hasAnchor := bytes.Cut(lower, []byte("#"))
	if hasAnchor {
		if e := r.byAnchor[string(lower)]; e != nil {
			return e
		}
	}
	cands := r.byPath[string(p)]
	if len(cands) == 0 {
		return nil
	}
	if name != "" {
		short := parser.ShortName(name)
		for _, c := range cands {
			if strings.EqualFold(parser.ShortName(c.t.Name), short) {
				return c
			}
		}
	}
	if hasAnchor {
		return nil // an anchor on a page that names no type there
	}
	return cands[0]
}

// lookupName finds a type by name: qualified names exactly (ignoring
// case), short names in the namespace of the page that uses them first,
// then in microsoft.graph, then anywhere if only one type has the name.
func (r *resolver) lookupName(name, ns string) *entry {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if name == "" {
		return nil
	}
	var buf [96]byte
	if strings.Contains(name, ".") {
		if e := r.byName[string(lowerInto(buf[:], name))]; e != nil {
			return e
		}
		return nil
	}
	cands := r.byShort[string(lowerInto(buf[:], name))]
	if len(cands) == 0 {
		return nil
	}
	for _, want := range []string{ns, graphNamespace} {
		for _, c := range cands {
			if strings.EqualFold(c.ns, want) {
				return c
			}
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// lowerInto returns strings.ToLower(s) in buf's storage (from its start):
// the look-ups index a map with it without making a string. ASCII is
// lowered here, other text by strings.ToLower.
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// qualify gives a name no page describes the qualified name it would have.
func qualify(name, ns string) string {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if strings.Contains(name, ".") {
		return name
	}
	if ns == "" {
		ns = graphNamespace
	}
	return ns + "." + name
}

func pageNamespace(p *parser.Page) string {
	if p.Namespace != "" {
		return p.Namespace
	}
	return graphNamespace
}

// resolveType turns a type expression into a schema type name and, for
// described types, the type itself.
func (r *resolver) resolveType(p *parser.Page, pos parser.Position, owner string, t parser.TypeExpr) (string, *entry) {
	if name, e, ok := r.knownType(p, t); ok {
		return name, e
	}
	if t.Name == "" || !parser.IsIdentifier(t.Name) {
		r.warn(p, pos, diag.UnknownTypeWord, "type %q of %s names no type; using %s", t.Raw, owner, jsonTypeName)
		return jsonTypeName, nil
	}
	q := qualify(t.Name, pageNamespace(p))
	r.warn(p, pos, diag.UnknownType, "type %s of %s is described by no page", q, owner)
	return q, nil
}

// knownType is the type an expression names when Edm or the pages know
// it: a primitive, the type its link describes (unless the link's text
// names a primitive), the Json type, or a described type by name; false
// when it names none of these. Property cells and API pages' types
// (typeRef) are read alike through it.
func (r *resolver) knownType(p *parser.Page, t parser.TypeExpr) (string, *entry, bool) {
	if t.Primitive != "" {
		return t.Primitive, nil, true
	}
	linked := r.lookupLink(t.Link, t.Name)
	if t.LinkPrimitive != "" && (linked == nil || !strings.EqualFold(parser.ShortName(linked.t.Name), t.Name)) {
		// "[DateTimeOffset](timestamp.md)": the text names the type, the
		// link only explains it, unless the text is the page's own type
		// ("[timeStamp](timestamp.md)").
		return t.LinkPrimitive, nil, true
	}
	if linked != nil && strings.EqualFold(linked.t.Name, jsonTypeName) {
		return jsonTypeName, nil, true // any JSON, whose page describes no properties
	}
	if linked != nil {
		return linked.t.Name, linked, true
	}
	if strings.EqualFold(parser.ShortName(t.Name), "json") && (!strings.Contains(t.Name, ".") || strings.EqualFold(t.Name, jsonTypeName)) {
		return jsonTypeName, nil, true
	}
	if e := r.lookupName(t.Name, pageNamespace(p)); e != nil {
		return e.t.Name, e, true
	}
	return "", nil, false
}

func (r *resolver) resolveProperties() {
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		for _, pe := range e.props {
			d := pe.doc
			name, ref := r.resolveType(pe.page, d.Pos, parser.ShortName(e.t.Name)+"."+d.Name, d.Type)
			prop := &Property{
				Name:        d.Name,
				Type:        name,
				Collection:  d.Type.Collection,
				Navigation:  d.Navigation,
				Nullable:    d.Nullable && d.Name != e.t.KeyProperty,
				Deprecated:  d.Deprecated,
				Description: d.Description,
				Source:      where(pe.page, d.Pos),
			}
			if ref != nil {
				prop.Ref = ref.t
			}
			pe.prop = prop
		}
	})
}
