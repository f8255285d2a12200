// The API pages' examples as lists of an enum's names, for the translated
// members pass: a request or response example's string value under a key
// whose property is of an enum type is a member's wire name, which no
// translation touches ("visibility": "Public" for teamVisibilityType). Read
// when the folder has API pages (a version folder).

package schema

import (
	"sort"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// exampleLists returns, for each enum, the names the API pages' examples
// give values of its type, one list a value (a flags value's names in
// order), in the folder's order (by page, then line).
func (r *resolver) exampleLists() map[*Type][]memberList {
	out := map[*Type][]memberList{}
	for _, p := range r.pages {
		op := p.Operation
		if op == nil || len(op.Examples) == 0 {
			continue
		}
		for _, x := range op.Examples {
			enum := r.exampleType(p, op, x)
			if enum == nil || enum.Kind != Enum {
				continue
			}
			var names []string // a flags value names several, in order
			for _, n := range strings.Split(x.Value, ",") {
				names = append(names, strings.TrimSpace(n))
			}
			out[enum] = append(out[enum], memberList{names: distinctNames(names), page: p, pos: x.Pos, of: "an example's " + x.Path[len(x.Path)-1]})
		}
	}
	for _, lists := range out {
		sort.SliceStable(lists, func(i, j int) bool {
			if lists[i].page.Path != lists[j].page.Path {
				return lists[i].page.Path < lists[j].page.Path
			}
			return lists[i].pos.Line < lists[j].pos.Line
		})
	}
	return out
}

// exampleType is the type of an example value: the path's keys followed
// from the object's @odata.type, else from the request's body type (or,
// for an action, the body parameter the first key names) or the
// response's type (a collection response's "value" array holds items of
// it); nil where a step is unknown.
func (r *resolver) exampleType(p *parser.Page, op *parser.OperationDoc, x parser.ExampleValue) *Type {
	if len(x.Path) == 0 {
		return nil
	}
	ns := pageNamespace(p)
	lookup := func(t parser.TypeExpr) *Type {
		e := r.lookupLink(t.Link, t.Name)
		if e == nil {
			e = r.lookupName(t.Name, ns)
		}
		if e == nil {
			return nil
		}
		return e.t
	}
	path := x.Path
	var root *Type
	switch {
	case x.Type != "":
		if e := r.lookupName(x.Type, ns); e != nil {
			root = e.t
		}
	case x.Request && op.Body.Known():
		root = lookup(op.Body)
	case x.Request:
		for _, prm := range op.Parameters {
			if prm.Place == parser.ParamBody && strings.EqualFold(prm.Name, path[0]) {
				root, path = lookup(prm.Type), path[1:]
				if root != nil && len(path) == 0 {
					return root // the parameter's own value
				}
				break
			}
		}
	default:
		root = lookup(op.Response.Type)
		if op.Response.Type.Collection {
			if len(path) < 3 || path[0] != "value" || path[1] != "*" {
				return nil
			}
			path = path[2:]
		}
	}
	if root == nil {
		return nil
	}
	return r.walkExample(root, path)
}

// walkExample follows path's keys through the properties of t and its
// bases, and returns the type of the last key's property, or nil. It runs
// before the types own their properties: a type's rows are its entry's.
func (r *resolver) walkExample(t *Type, path []string) *Type {
	for i, key := range path {
		if key == "*" {
			continue // an item of the array the key before holds
		}
		p := r.rowNamed(t, key)
		if p == nil {
			return nil
		}
		next := r.byName[strings.ToLower(p.Type)]
		if next == nil {
			return nil
		}
		if i == len(path)-1 {
			return next.t
		}
		t = next.t
	}
	return nil
}

// rowNamed finds a row by name on t or one of its bases.
func (r *resolver) rowNamed(t *Type, name string) *Property {
	seen := map[*Type]bool{}
	for ; t != nil && !seen[t]; t = t.BaseType {
		seen[t] = true
		e := r.byName[strings.ToLower(t.Name)]
		if e == nil {
			return nil
		}
		for _, pe := range e.props {
			if strings.EqualFold(pe.prop.Name, name) {
				return pe.prop
			}
		}
	}
	return nil
}
