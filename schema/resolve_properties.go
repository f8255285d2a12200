// The own properties and wire names passes: each type keeps its own
// properties (inherited rows go to their base), and wire names are checked.

package schema

import (
	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// ownProperties settles which type declares each property: rows a table
// marks as inherited and names a base of the type already declares belong
// to the base. An inherited row its base lacks moves to that base.
func (r *resolver) ownProperties() {
	entries := make(map[*Type]*entry, len(r.order))
	for _, e := range r.order {
		entries[e.t] = e
	}
	declared := func(t *Type, name string) bool {
		for _, pe := range entries[t].props {
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
	// The ancestor each row names, looked up on all cores; rows moved
	// below come after these and are looked up as they come.
	from := make([][]*Type, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		from[i] = make([]*Type, len(e.props))
		for j, pe := range e.props {
			from[i][j] = inheritedFrom(e, pe)
		}
	})
	// First, move inherited rows that no ancestor declares to the base
	// they name.
	for i, e := range r.order {
		for j, pe := range e.props {
			d := pe.doc
			var target *Type
			if j < len(from[i]) {
				target = from[i][j]
			} else {
				target = inheritedFrom(e, pe)
			}
			if target == nil || inChain(e.t, pe.prop.Name) {
				continue
			}
			te := entries[target]
			moved := *pe
			moved.moved = true
			te.props = append(te.props, &moved)
			r.warn(pe.page, d.Pos, diag.InheritedNotOnBase, "%s.%s is inherited from %s, whose page does not list it; declaring it there",
				parser.ShortName(e.t.Name), d.Name, target.Name)
		}
	}
	// Then each type takes its rows that no ancestor declares.
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		for j, pe := range e.props {
			if !pe.moved && j < len(from[i]) && from[i][j] != nil {
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
	})
}

// checkWireNames drops properties and members whose wire name could not be
// written as a Go struct tag or string literal safely, and the rows of
// translated pages whose names are still translations.
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
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		kept := e.t.Properties[:0]
		for _, p := range e.t.Properties {
			// On a translated page, a row name that nothing named in
			// English is a translation: its JSON key is unknown, and the
			// value is kept anyway, as JSON the docs do not know.
			if page, pos := rowOf(e, p); page.Translated() && !parser.IsIdentifier(p.Name) {
				r.warn(page, pos, diag.TranslatedProperty, "table row name %q of %s is a translation and nothing in the folder names it in English; left out (its JSON key is unknown)", p.Name, parser.ShortName(e.t.Name))
				continue
			}
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
	})
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
