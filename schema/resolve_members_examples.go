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
			if x.Temporal != "" {
				continue // a date or time literal, no name
			}
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
// from exampleRoot's type; nil where a step is unknown.
func (r *resolver) exampleType(p *parser.Page, op *parser.OperationDoc, x parser.ExampleValue) *Type {
	root, path := r.exampleRoot(p, op, x)
	switch {
	case root == nil:
		return nil
	case len(path) == 0:
		return root.t // the parameter's own value
	}
	return r.walkExample(root.t, path)
}

// exampleRoot is the type an example value's path starts from, with the
// keys left to follow: the object's @odata.type, else the request's body
// type (or, for an action, the body parameter the first key names) or the
// response's type (a collection response's "value" array holds items of
// it); nil where it is unknown.
func (r *resolver) exampleRoot(p *parser.Page, op *parser.OperationDoc, x parser.ExampleValue) (*entry, []string) {
	if len(x.Path) == 0 {
		return nil, nil
	}
	ns := pageNamespace(p)
	lookup := func(t parser.TypeExpr) *entry { return r.lookupExpr(t, ns) }
	path := x.Path
	switch {
	case x.Type != "":
		return r.lookupName(x.Type, ns), path
	case x.Request && op.Body.Known():
		return lookup(op.Body), path
	case x.Request:
		for _, prm := range op.Parameters {
			if prm.Place == parser.ParamBody && strings.EqualFold(prm.Name, path[0]) {
				return lookup(prm.Type), path[1:]
			}
		}
		return nil, nil
	}
	if op.Response.Type.Collection {
		if len(path) < 3 || path[0] != "value" || path[1] != "*" {
			return nil, nil
		}
		path = path[2:]
	}
	return lookup(op.Response.Type), path
}

// lookupExpr is the entry a type cell names: its link's page, else its
// name in the namespace ns.
func (r *resolver) lookupExpr(t parser.TypeExpr, ns string) *entry {
	if e := r.lookupLink(t.Link, t.Name); e != nil {
		return e
	}
	return r.lookupName(t.Name, ns)
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
