// The operations pass, an operation's kind: action or function, from what
// the pages show of how it is called (the method, the parentheses, the
// examples' annotations and calls, paths that go on into its result),
// never from its name; and a bare segment that is a navigation the pages
// left undescribed rather than a function.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
)

// composedOn holds the operations (binding and lower-case name, as
// kindKey spells them) that some path of the folder goes on past: a
// function, whose result a path may compose on (/names/{name}/range/format);
// an action's never is.
type composedOn map[string]bool

func kindKey(bound reach, name string) string {
	return refKey(bound.ref()) + "|" + strings.ToLower(parser.ShortName(name))
}

// composedOperations walks the pages' request syntax and notes each
// segment that names no property and is followed by more segments.
func (r *resolver) composedOperations(pages []*parser.Page, entries map[string]*EntryPoint, known prefixTypes) composedOn {
	out := composedOn{}
	for _, p := range pages {
		for _, req := range p.Operation.Requests {
			w := r.walkPath(req.Path, entries, nil, known)
			if w.opSeg == nil || w.opLast || w.special != "" || !w.before.known() {
				continue
			}
			out[kindKey(w.before, w.opSeg.Name)] = true
		}
	}
	return out
}

// opKind is the kind of the operation a request's segment names, bound
// to what the path reaches before it. A function is:
//   - called with GET;
//   - called with named arguments in parentheses (rowsBelow(count=2)),
//     whatever the method: empty parentheses with a POST are an action's
//     (applyDecisions());
//   - called in an example whose annotation says it is composable or
//     idempotent (workbook pages that document functions as POST);
//   - called with GET in the page's request example where the syntax says
//     POST (privilegedRoleAssignmentRequests/my);
//   - composed on by another path of the folder (range on a named item,
//     where /names/{name}/range/format goes on).
//
// Anything else is an action.
func (r *resolver) opKind(p *parser.Page, req parser.RequestDoc, seg *parser.Segment, bound reach) OpKind {
	doc := p.Operation
	switch {
	case req.Method == "GET",
		seg.Parens && len(seg.Args) > 0,
		seg.Parens && req.Method != "POST",
		doc.SideEffectFree,
		calledWithGet(doc.ExampleRequests, seg.Name),
		r.composed[kindKey(bound, seg.Name)]:
		return OpFunction
	}
	return OpAction
}

// calledWithGet: a request example GETs a path whose last segment has
// this name.
func calledWithGet(examples []parser.RequestDoc, name string) bool {
	for _, x := range examples {
		if x.Method != "GET" {
			continue
		}
		segs := parser.SplitPath(x.Path)
		if len(segs) > 0 && strings.EqualFold(parser.ShortName(segs[len(segs)-1].Name), parser.ShortName(name)) {
			return true
		}
	}
	return false
}

// undescribedNavigation reads a GET of a bare segment no page lists as a
// property, named as the type the page returns
// (GET /users/{id}/settings/shiftPreferences, returning a shiftPreferences,
// where the userSettings page lists no such relationship), as a navigation
// to that type, not a function: a function's name says what it does, not
// what it returns.
func (r *resolver) undescribedNavigation(p *parser.Page, req parser.RequestDoc, w walk) (walk, bool) {
	if w.opSeg == nil || !w.opLast || w.special != "" || w.opSeg.Parens || req.Method != "GET" || !w.before.known() {
		return w, false
	}
	ret := r.typeRef(p, p.Operation.Response.Type)
	if ret == nil || !strings.EqualFold(parser.ShortName(ret.Type), parser.ShortName(w.opSeg.Name)) {
		return w, false
	}
	// A function the folder calls with arguments or composes on is one,
	// whatever it returns (range(address='A1'), names/{name}/range/format:
	// a folder that names the type range too).
	if r.composed[kindKey(w.before, w.opSeg.Name)] || r.calledWithArguments(w.opSeg.Name) {
		return w, false
	}
	t, ok := r.lookup(ret.Type)
	if !ok || t.Kind == Enum {
		return w, false
	}
	w.at = reach{t: t, name: t.Name, collection: ret.Collection}
	w.lastNav, w.lastNavCollection = w.opSeg.Name, ret.Collection
	w.opSeg, w.opLast = nil, false
	return w, true
}

// calledWithArguments reports a name some request of the folder, syntax or
// example, calls with arguments in parentheses (named or not: a key in
// parentheses, users('x'), counts too, which a navigation never has).
func (r *resolver) calledWithArguments(name string) bool {
	r.argumentCallsOnce.Do(func() {
		r.argumentCalls = map[string]bool{}
		for _, p := range r.pages {
			if p.Operation == nil {
				continue
			}
			for _, reqs := range [][]parser.RequestDoc{p.Operation.Requests, p.Operation.ExampleRequests} {
				for _, req := range reqs {
					for _, seg := range parser.SplitPath(req.Path) {
						if seg.Parens && len(seg.Args)+seg.Positional > 0 && seg.Name != "" {
							r.argumentCalls[strings.ToLower(parser.ShortName(seg.Name))] = true
						}
					}
				}
			}
		}
	})
	return r.argumentCalls[strings.ToLower(parser.ShortName(name))]
}
