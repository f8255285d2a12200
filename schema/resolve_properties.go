// Pass 6, properties: each type keeps its own properties (inherited rows go
// to their base), and wire names are checked.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// ownProperties settles which type declares each property: rows a table
// marks as inherited and names a base of the type already declares belong
// to the base. An inherited row its base lacks moves to that base.
func (r *resolver) ownProperties() {
	declared := func(t *Type, name string) bool {
		e := r.byName[strings.ToLower(t.Name)]
		for _, pe := range e.props {
			if pe.prop.Name == name {
				return true
			}
		}
		return false
	}
	inChain := func(t *Type, name string) bool {
		for b := range t.Ancestors() {
			if declared(b, name) {
				return true
			}
		}
		return false
	}
	isAncestor := func(t, a *Type) bool {
		for b := range t.Ancestors() {
			if b == a {
				return true
			}
		}
		return false
	}
	// inheritedFrom returns the ancestor a row's "Inherited from" remark
	// names (the type's base when it names none), or nil when the remark
	// names something that is no ancestor: then the row is the type's own
	// ("If this content type is inherited from another scope ...").
	inheritedFrom := func(e *entry, pe *propEntry) *Type {
		d := pe.doc
		if d.Inherited == nil || e.t.BaseType == nil {
			return nil
		}
		if d.Inherited.Link == "" && d.Inherited.Name == "" {
			return e.t.BaseType
		}
		if c := r.resolveClaim(pe.page, *d.Inherited); c != nil && isAncestor(e.t, c.t) {
			return c.t
		}
		return nil
	}
	// First, move inherited rows that no ancestor declares to the base
	// they name.
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			target := inheritedFrom(e, pe)
			if target == nil || inChain(e.t, pe.prop.Name) {
				continue
			}
			te := r.byName[strings.ToLower(target.Name)]
			moved := *pe
			moved.moved = true
			te.props = append(te.props, &moved)
			r.warn(pe.page, d.Pos, diag.InheritedNotOnBase, "%s.%s is inherited from %s, whose page does not list it; declaring it there",
				parser.ShortName(e.t.Name), d.Name, target.Name)
		}
	}
	for _, e := range r.order {
		for _, pe := range e.props {
			if !pe.moved && inheritedFrom(e, pe) != nil {
				continue
			}
			if pe.doc.FromJSON && e.t.OpenType {
				continue // an open type's example shows dynamic properties, not declared ones
			}
			if inChain(e.t, pe.prop.Name) {
				continue
			}
			if pe.doc.FromJSON && hasTable(e) {
				r.warn(pe.page, pe.doc.Pos, diag.JSONOnlyProperty, "JSON block has property %q that no table lists; taking its type from the example", pe.prop.Name)
			}
			e.t.Properties = append(e.t.Properties, pe.prop)
		}
	}
}

// checkWireNames drops properties and members whose wire name could not be
// written as a Go struct tag or string literal safely.
func (r *resolver) checkWireNames() {
	unsafe := func(s string) bool {
		for _, c := range s {
			if c < 0x20 || c == '"' || c == '`' || c == '\\' || c == 0x7f || c == ',' {
				return true
			}
		}
		return s == ""
	}
	// rowOf finds the page and row that gave a property, for the warning.
	rowOf := func(e *entry, p *Property) (*parser.Page, parser.Position) {
		for _, pe := range e.props {
			if pe.prop == p {
				return pe.page, pe.doc.Pos
			}
		}
		return e.page, r.typePos(e)
	}
	memberOf := func(e *entry, name string) (*parser.Page, parser.Position) {
		for _, ed := range e.edocs {
			if pos := memberPos(ed.doc, name); pos != ed.doc.Pos {
				return ed.page, pos
			}
		}
		return e.page, r.typePos(e)
	}
	for _, e := range r.order {
		kept := e.t.Properties[:0]
		for _, p := range e.t.Properties {
			if unsafe(p.Name) {
				page, pos := rowOf(e, p)
				r.warn(page, pos, diag.UnsafeName, "property name %q of %s cannot be a JSON key safely; skipped", p.Name, parser.ShortName(e.t.Name))
				continue
			}
			kept = append(kept, p)
		}
		e.t.Properties = kept
		members := e.t.Members[:0]
		for _, m := range e.t.Members {
			if unsafe(m.Name) {
				page, pos := memberOf(e, m.Name)
				r.warn(page, pos, diag.UnsafeName, "member name %q of %s cannot be a JSON value safely; skipped", m.Name, parser.ShortName(e.t.Name))
				continue
			}
			members = append(members, m)
		}
		e.t.Members = members
	}
}

// hasTable reports whether any page gave the type a property table (a
// page with only a JSON block has nothing to disagree with).
func hasTable(e *entry) bool {
	for _, pe := range e.props {
		if !pe.doc.FromJSON {
			return true
		}
	}
	return false
}
