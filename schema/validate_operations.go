// Checking the API pages' examples against their operations: each request
// example's method and path resolve to an operation of the schema, its body
// fits the action's parameters or the type a create or update takes, and
// each response example fits what the operation returns. The type checks
// of validate.go run on the same examples first; these add what only the
// operation knows.

package schema

import (
	"strconv"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// OperationCounts says how many request and response examples were
// checked against an operation, and how their operations were found.
type OperationCounts struct {
	Requests   int `json:"requests"`   // request examples to the service (its host, or none)
	BySyntax   int `json:"bySyntax"`   // fit a request syntax line of an operation
	ByPath     int `json:"byPath"`     // resolved through entry points and properties to an operation
	Unresolved int `json:"unresolved"` // resolved to no operation (an unknown-operation finding)
	// Unchecked fit their own page's request syntax, which resolved to no
	// operation (an unresolved-path warning says why): not checked.
	Unchecked int `json:"unchecked"`
	OtherHost int `json:"otherHost"` // requests to another host (a callback, an upload URL): not the service's
	Responses int `json:"responses"` // response examples paired with an operation and checked
}

// OperationPages says which pages the examples are from, for
// CheckOperations.
type OperationPages struct {
	// Prefix is what an example's Path has before its page's path
	// relative to the folder the operations were resolved from ("v1.0/"),
	// so that an example is matched first to its own page's operations;
	// "" for examples of another folder.
	Prefix string
	// Syntax is each API page's request syntax, by that page path: a
	// request that fits its own page's syntax where that resolved to no
	// operation is not checked (the unresolved-path warning is the
	// mistake), rather than reported.
	Syntax map[string][]parser.RequestDoc
}

// Add adds the counts of another folder.
func (n *OperationCounts) Add(o OperationCounts) {
	n.Requests += o.Requests
	n.BySyntax += o.BySyntax
	n.ByPath += o.ByPath
	n.Unresolved += o.Unresolved
	n.Unchecked += o.Unchecked
	n.OtherHost += o.OtherHost
	n.Responses += o.Responses
}

// CheckOperations checks the examples as Check does, and each request and
// response example against its operation (parser.APIExamples gives them
// with their request lines and status codes): a request to another host
// than the one most requests name is not the service's, and is left out.
// The root causes of validate_causes.go, and those of operations
// (operation_causes.go), group what one mistake in a page explains.
func (s *Schema) CheckOperations(examples []parser.Example, pages OperationPages) (Validation, OperationCounts) {
	v := newValidator(s)
	for i := range examples {
		if examples[i].Annotated {
			v.example(&examples[i])
		}
	}
	c := newOpChecker(v, pages)
	host := serviceHost(examples)
	var last *Operation // the operation of the page's last request
	lastPage := ""
	for i := range examples {
		ex := &examples[i]
		if ex.Path != lastPage {
			last, lastPage = nil, ex.Path
		}
		v.ex, v.place = ex, false
		switch {
		case ex.Kind == "request" && ex.Method != "" && ex.Host != "" && ex.Host != host:
			c.counts.OtherHost++
			last = nil
		case ex.Kind == "request" && ex.Method != "":
			last = c.request(ex)
		case ex.Kind == "response":
			op := last
			if op == nil {
				op = c.pageOperation(ex)
			}
			if op != nil {
				c.counts.Responses++
				c.response(ex, op)
			}
		}
	}
	causes := c.causes()
	out := v.rootCauses()
	out.Causes = append(out.Causes, causes...)
	out.Mistakes.Sort()
	out.Causes.Sort()
	out.Explained.Sort()
	return out, c.counts
}

// serviceHost is the host most request examples name: the service's.
func serviceHost(examples []parser.Example) string {
	n := map[string]int{}
	for _, ex := range examples {
		if ex.Kind == "request" && ex.Host != "" {
			n[ex.Host]++
		}
	}
	best := ""
	for h, k := range n {
		if k > n[best] || k == n[best] && h < best {
			best = h
		}
	}
	return best
}

// opChecker matches examples to operations and checks them.
type opChecker struct {
	v     *validator
	pages OperationPages
	// templates are the request syntax lines by method and number of
	// segments; relative, by method, those that start with a navigation
	// property (they fit the end of longer paths too).
	templates map[string][]template
	relative  map[string][]template
	byPage    map[string][]*Operation // page path -> its operations
	byName    map[string][]*Operation // lower-case action or function name
	byKind    map[OpKind][]*Operation // reads and writes
	entries   map[string]*EntryPoint  // lower-case name
	navNames  map[string]bool         // lower-case names of navigation properties
	counts    OperationCounts
	findings  []opFinding // for the root causes
}

// template is one request syntax line of an operation, split.
type template struct {
	op   *Operation
	segs []parser.Segment
}

func newOpChecker(v *validator, pages OperationPages) *opChecker {
	c := &opChecker{v: v, pages: pages, templates: map[string][]template{}, relative: map[string][]template{}, byPage: map[string][]*Operation{},
		byName: map[string][]*Operation{}, byKind: map[OpKind][]*Operation{}, entries: map[string]*EntryPoint{}}
	c.navNames = map[string]bool{}
	for _, t := range v.s.Types {
		for _, p := range t.Properties {
			if p.Navigation {
				c.navNames[strings.ToLower(p.Name)] = true
			}
		}
	}
	for _, ep := range v.s.EntryPoints {
		c.entries[strings.ToLower(ep.Name)] = ep
	}
	for _, op := range v.s.Operations {
		for _, r := range op.Requests {
			t := template{op, normalSegments(r.Path)}
			key := r.Method + "|" + strconv.Itoa(len(t.segs))
			c.templates[key] = append(c.templates[key], t)
			if len(t.segs) > 0 && c.relativeStart(t.segs[0].Name) {
				c.relative[r.Method] = append(c.relative[r.Method], t)
			}
		}
		page := sourcePath(op.Source)
		c.byPage[page] = append(c.byPage[page], op)
		switch op.Kind {
		case OpAction, OpFunction:
			low := strings.ToLower(op.Name)
			c.byName[low] = append(c.byName[low], op)
		default:
			c.byKind[op.Kind] = append(c.byKind[op.Kind], op)
		}
	}
	return c
}

// relativeStart reports a first segment that makes a syntax line
// relative: a navigation property (/workbook/names), unless it is an
// entity set (/users).
func (c *opChecker) relativeStart(name string) bool {
	low := strings.ToLower(name)
	ep := c.entries[low]
	return c.navNames[low] && (ep == nil || ep.Kind != EntitySet)
}

// candidates are the syntax lines a path of n segments may fit: those of
// n segments, and the relative ones of fewer.
func (c *opChecker) candidates(method string, n int) []template {
	exact := c.templates[method+"|"+strconv.Itoa(n)]
	out := make([]template, len(exact), len(exact)+len(c.relative[method]))
	copy(out, exact)
	for _, t := range c.relative[method] {
		if len(t.segs) < n {
			out = append(out, t)
		}
	}
	return out
}

// sourcePath is the page of a source (path:line).
func sourcePath(source string) string {
	if i := strings.LastIndexByte(source, ':'); i >= 0 {
		return source[:i]
	}
	return source
}

// page is the example's page relative to the folder the operations come
// from, or "" when it is not in that folder.
func (c *opChecker) page(ex *parser.Example) string {
	if c.pages.Prefix == "" || !strings.HasPrefix(ex.Path, c.pages.Prefix) {
		return ""
	}
	return strings.TrimPrefix(ex.Path, c.pages.Prefix)
}

// pageOperation is the operation a response with no request before it
// belongs to: its page's, when the page documents one.
func (c *opChecker) pageOperation(ex *parser.Example) *Operation {
	if page := c.page(ex); page != "" && len(c.byPage[page]) == 1 {
		return c.byPage[page][0]
	}
	return nil
}

// normalSegments splits a path, a key in parentheses (users('x'),
// items(id)) made a segment of its own, as {id} is.
func normalSegments(path string) []parser.Segment {
	var out []parser.Segment
	for _, s := range parser.SplitPath(path) {
		if s.Name != "" && s.Positional > 0 && len(s.Args) == 0 {
			out = append(out, parser.Segment{Raw: s.Name, Name: s.Name}, parser.Segment{Raw: s.Raw, Key: true})
			continue
		}
		out = append(out, s)
	}
	return out
}

// request finds the operation of a request example and checks its body;
// nil when none is found (then an unknown-operation finding says why).
func (c *opChecker) request(ex *parser.Example) *Operation {
	c.counts.Requests++
	segs := normalSegments(ex.RequestPath)
	if len(segs) > 1 && segs[0].Key {
		segs = segs[1:] // a placeholder for the version: https://graph.microsoft.com/{ver}/...
	}
	op := c.bySyntax(ex, segs)
	if op != nil {
		c.counts.BySyntax++
	} else {
		var problem string
		var w opWalk
		op, problem, w = c.byPath(ex, segs)
		if op == nil && c.fitsOwnSyntax(ex, segs) {
			c.counts.Unchecked++
			return nil
		}
		if op == nil {
			c.counts.Unresolved++
			c.findings = append(c.findings, opFinding{code: diag.UnknownOperation, stuck: w.stuck, name: w.stuckSeg, diag: len(c.v.diags), example: exampleKey(ex)})
			c.v.diags.Error(ex.LinePos.At(ex.Path), diag.UnknownOperation, "%s %s: %s", ex.Method, ex.RequestPath, problem)
			return nil
		}
		c.counts.ByPath++
	}
	c.requestBody(ex, op)
	return op
}

// fitsOwnSyntax reports a request that fits a request syntax line of its
// own page (or the end of the path does: a line written relative to what
// no page types).
func (c *opChecker) fitsOwnSyntax(ex *parser.Example, segs []parser.Segment) bool {
	for _, r := range c.pages.Syntax[c.page(ex)] {
		if _, ok := c.fits(normalSegments(r.Path), segs, true); ok && r.Method == ex.Method {
			return true
		}
	}
	return false
}

// bySyntax finds the operation one of whose request syntax lines the
// request fits: same method, as many segments, a key of the syntax
// standing for any segment, names alike (without case and namespace), a
// function's argument names alike. Among several, the one of the
// example's own page, then the one with most named segments alike.
func (c *opChecker) bySyntax(ex *parser.Example, segs []parser.Segment) *Operation {
	page := c.page(ex)
	var best *Operation
	bestScore := -1
	for _, t := range c.candidates(ex.Method, len(segs)) {
		n, ok := c.fits(t.segs, segs, false)
		if !ok {
			continue
		}
		score := n * 2
		if page != "" && sourcePath(t.op.Source) == page {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = t.op, score
		}
	}
	return best
}

// fits reports whether a request path fits a syntax line, and how many
// named segments they share (more for a whole path). A syntax line that
// starts with a navigation property (/workbook/names, relative to a drive
// item) fits the end of a path.
func (c *opChecker) fits(tpl, got []parser.Segment, relative bool) (int, bool) {
	whole := 1
	if len(tpl) < len(got) && len(tpl) > 0 && (relative || c.relativeStart(tpl[0].Name)) {
		got, whole = got[len(got)-len(tpl):], 0
	}
	if len(tpl) != len(got) {
		return 0, false
	}
	named := whole * 100
	for i := range tpl {
		t, g := tpl[i], got[i]
		if t.Key {
			if len(g.Args) > 0 {
				return 0, false // a function call is no key
			}
			continue // any segment: an id, a word in a key's place (/mailFolders/inbox)
		}
		if g.Key || !strings.EqualFold(parser.ShortName(t.Name), parser.ShortName(g.Name)) {
			return 0, false
		}
		switch {
		case sameNames(t.Args, g.Args):
			named++
		case !t.Parens:
			// A function the syntax names without its parentheses: it
			// fits, less than one whose arguments it names.
		default:
			return 0, false
		}
	}
	return named, true
}

// sameNames compares argument names as sets, without case.
func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if strings.EqualFold(x, y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// opWalk is what a request path reaches through the schema.
type opWalk struct {
	t          *Type
	name       string
	collection bool
	special    string          // $ref, $value, $count
	opSeg      *parser.Segment // the last segment, naming no property
	// stuck and stuckSeg: the type the walk stopped at, and the segment
	// that names none of its properties.
	stuck    *Type
	stuckSeg string
}

// byPath resolves a request path that fits no syntax line through the
// entry points, keys, navigation properties and casts of the schema to
// what it reaches, and finds the operation there: the action or function
// its last segment names, bound to the type reached (or a base of it), or
// the read or write its method makes of it. It returns why when it finds
// none.
func (c *opChecker) byPath(ex *parser.Example, segs []parser.Segment) (*Operation, string, opWalk) {
	w, problem := c.walk(segs)
	if problem != "" {
		return nil, problem, w
	}
	page := c.page(ex)
	prefer := func(ops []*Operation) *Operation {
		for _, op := range ops {
			if page != "" && sourcePath(op.Source) == page {
				return op
			}
		}
		if len(ops) > 0 {
			return ops[0]
		}
		return nil
	}
	what := w.name
	if w.collection {
		what = "a collection of " + w.name
	}
	if w.opSeg != nil {
		name := parser.ShortName(w.opSeg.Name)
		var fit []*Operation
		for _, op := range c.byName[strings.ToLower(name)] {
			if op.Binding != nil && op.Binding.Collection == w.collection && c.bindsTo(op.Binding.Type, w) {
				fit = append(fit, op)
			}
		}
		if op := prefer(fit); op != nil {
			return op, "", w
		}
		if len(c.byName[strings.ToLower(name)]) > 0 {
			return nil, "the path reaches " + what + ", and no action or function \"" + name + "\" the pages document is bound to it", w
		}
		w.stuck, w.stuckSeg = w.t, w.opSeg.Name
		return nil, "\"" + w.opSeg.Raw + "\" is no property of " + w.name + ", nor an action or function a page documents", w
	}
	// A read or write is of what the path reaches itself: one bound to
	// a base of it is another path's (a get of any entity is no get of
	// a school).
	kind := crudKind(ex.Method, w.special, w.collection)
	var fit []*Operation
	for _, op := range c.byKind[kind] {
		if op.Binding != nil && op.Binding.Collection == w.collection && strings.EqualFold(op.Binding.Type, w.name) {
			fit = append(fit, op)
		}
	}
	if op := prefer(fit); op != nil {
		return op, "", w
	}
	if kind == OpGet || kind == OpList {
		// A GET of a path the types resolve reads what it reaches, also
		// where no page documents that read.
		return &Operation{Name: "read", Kind: kind, Binding: &TypeRef{Type: w.name, Collection: w.collection}}, "", w
	}
	return nil, "the path reaches " + what + ", and no page documents a " + string(kind) + " of it", w
}

// bindsTo reports an operation bound to a type that the walk reached, or
// a base of it.
func (c *opChecker) bindsTo(binding string, w opWalk) bool {
	if strings.EqualFold(binding, w.name) {
		return true
	}
	b := c.v.lookup(binding)
	return b != nil && w.t != nil && isA(w.t, b)
}

// walk follows a path from its entry point; where that fails, from the
// longest part of it that a list, get or create documents (a page types
// /communications/calls where no page types /communications).
func (c *opChecker) walk(segs []parser.Segment) (opWalk, string) {
	var w opWalk
	if len(segs) == 0 {
		return w, "the path has no segment"
	}
	problem := ""
	if ep := c.entries[strings.ToLower(segs[0].Name)]; ep != nil && ep.Type != "" {
		w.t, w.name, w.collection = c.v.lookup(ep.Type), ep.Type, ep.Kind == EntitySet
		if w, problem = c.walkFrom(w, segs[1:]); problem == "" {
			return w, ""
		}
	} else {
		problem = "\"" + segs[0].Raw + "\" is no entry point the pages list, get or create"
	}
	for k := len(segs) - 1; k >= 1; k-- {
		if ref := c.documentedPath(segs[:k]); ref != nil {
			start := opWalk{t: c.v.lookup(ref.Type), name: ref.Type, collection: ref.Collection}
			if w, p := c.walkFrom(start, segs[k:]); p == "" {
				return w, ""
			}
			break
		}
	}
	return w, problem
}

// documentedPath is what a path reaches as the pages say: the binding of a
// list, get or create one of whose request syntax lines it fits.
func (c *opChecker) documentedPath(segs []parser.Segment) *TypeRef {
	for _, method := range []string{"GET", "POST"} {
		for _, t := range c.candidates(method, len(segs)) {
			op := t.op
			if op.Binding == nil || op.Kind != OpList && op.Kind != OpGet && op.Kind != OpCreate {
				continue
			}
			if _, ok := c.fits(t.segs, segs, false); ok {
				return op.Binding
			}
		}
	}
	return nil
}

// walkFrom follows the rest of a path through keys, navigation
// properties, casts and functions whose result a path may go on into.
func (c *opChecker) walkFrom(w opWalk, segs []parser.Segment) (opWalk, string) {
	for i := range segs {
		s := &segs[i]
		last := i == len(segs)-1
		switch {
		case s.Key:
			w.collection = false
			continue
		case s.Name == "$ref" || s.Name == "$value" || s.Name == "$count":
			w.special = s.Name
			if !last {
				return w, "\"" + s.Name + "\" before the end of the path"
			}
			return w, ""
		}
		if w.t == nil {
			return w, "nothing is known of " + w.name + ", before \"" + s.Raw + "\""
		}
		if p := c.v.findProperty(w.t, s.Name); p != nil && len(s.Args) == 0 {
			w.t, w.name, w.collection = p.Ref, p.Type, p.Collection
			continue
		}
		if strings.Contains(s.Name, ".") && !s.Parens {
			if t := c.v.lookup(s.Name); t != nil && t.Kind != Enum {
				w.t, w.name = t, t.Name // a cast keeps the collection
				continue
			}
		}
		if !last {
			if r := c.composedResult(w, s); r != nil {
				w.t, w.name, w.collection = c.v.lookup(r.Type), r.Type, r.Collection
				continue
			}
		}
		if w.collection && !s.Parens && (!last || len(c.byName[strings.ToLower(s.Name)]) == 0) {
			w.collection = false // a word in a key's place (/mailFolders/inbox)
			continue
		}
		if !last {
			w.stuck, w.stuckSeg = w.t, s.Name
			return w, "\"" + s.Raw + "\" is no property of " + w.name + " (nor a cast, a key, or a function a page says the result of)"
		}
		w.opSeg = s
	}
	return w, ""
}

// composedResult is what a function (or an action a page calls one)
// named by a segment in the middle of
// a path returns, where it is bound to what the path reached and a page
// says (range(address='A1')/format): the path goes on into it.
func (c *opChecker) composedResult(w opWalk, s *parser.Segment) *TypeRef {
	for _, op := range c.byName[strings.ToLower(parser.ShortName(s.Name))] {
		if op.Returns != nil && op.Binding != nil && op.Binding.Collection == w.collection && c.bindsTo(op.Binding.Type, w) {
			return op.Returns
		}
	}
	return nil
}
