// The operations pass: each API page's paths walked to the operation they
// document, its kind decided by what its last segment names, its
// parameters, return type and permissions from the page. One operation
// documented by several paths (or pages) is one entry.

package schema

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema/naming"
)

// resolveOperations builds the schema's operations and entry points from
// the API pages.
func (r *resolver) resolveOperations(s *Schema) {
	var pages []*parser.Page
	for _, p := range r.pages {
		if p.Operation != nil && len(p.Operation.Requests) > 0 {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return
	}
	entries := r.entryPoints(pages)
	s.EntryPoints = sortedEntryPoints(entries)
	known := r.pathTypes(pages)
	r.composed = r.composedOperations(pages, entries, known)
	// What each function returns, from the pages whose paths end in it:
	// for the paths that go on into a function's result.
	results := map[string]*TypeRef{}
	for _, p := range pages {
		for _, req := range p.Operation.Requests {
			w := r.walkPath(req.Path, entries, nil, known)
			if w.problem != "" || w.opSeg == nil || w.special != "" {
				continue
			}
			// Whatever the method: a page may document a function as a
			// POST (range on a named item) and still return one object.
			if ret := r.returnsOf(p, OpFunction, w); ret != nil {
				key := refKey(w.before.ref()) + "|" + strings.ToLower(w.opSeg.Name)
				if results[key] == nil {
					results[key] = ret
				}
			}
		}
	}
	composed := func(bound reach, name string) *TypeRef {
		return results[refKey(bound.ref())+"|"+strings.ToLower(name)]
	}
	type documented struct {
		page string
		req  parser.RequestDoc
		op   *Operation
	}
	var all []documented
	keysOf := map[string]map[string]bool{} // page -> the operations its requests document
	for _, p := range pages {
		var ofPage []documented
		for _, req := range p.Operation.Requests {
			w := r.walkPath(req.Path, entries, composed, known)
			w = r.writeToResult(w, req.Method, composed)
			if w.problem != "" {
				r.warn(p, req.Pos, diag.UnresolvedPath, "%s %s: %s", req.Method, req.Path, w.problem)
			}
			if op := r.operationOf(p, req, w); op != nil {
				ofPage = append(ofPage, documented{p.Path, req, op})
			}
		}
		if fromExamples := r.syntaxFromExamples(p, entries, composed, known); fromExamples != nil {
			ofPage = ofPage[:0]
			for _, ex := range fromExamples {
				ofPage = append(ofPage, documented{p.Path, ex.req, ex.op})
			}
		} else {
			ops := make([]*Operation, len(ofPage))
			for i, d := range ofPage {
				ops[i] = d.op
			}
			for _, ex := range r.examplesBindingElsewhere(p, ops, entries, composed, known) {
				ofPage = append(ofPage, documented{p.Path, ex.req, ex.op})
			}
		}
		for _, d := range ofPage {
			all = append(all, d)
			if keysOf[p.Path] == nil {
				keysOf[p.Path] = map[string]bool{}
			}
			keysOf[p.Path][d.op.claimKey] = true
		}
	}
	// Of the pages that document one operation, the first that documents
	// nothing else describes it (tablecolumn-range.md, not range-get.md,
	// which reads the range of three types): its source, description and
	// request first.
	first := map[string]int{}
	for i, d := range all {
		j, ok := first[d.op.claimKey]
		if !ok || len(keysOf[all[j].page]) > 1 && len(keysOf[d.page]) == 1 {
			first[d.op.claimKey] = i
		}
	}
	byKey := map[string]*Operation{}
	merge := func(have *Operation, d documented) {
		have.Requests = appendRequest(have.Requests, Request{Method: d.req.Method, Path: d.req.Path})
		have.Parameters = mergeParameters(have.Parameters, d.op.Parameters)
		if d.op.viaCollection && !have.viaCollection {
			have.Name, have.owner, have.viaCollection = d.op.Name, d.op.owner, true
		}
	}
	for _, d := range all {
		key := d.op.claimKey
		if byKey[key] != nil {
			continue
		}
		base := all[first[key]].op
		byKey[key] = base
		s.Operations = append(s.Operations, base)
	}
	for i, d := range all {
		if have := byKey[d.op.claimKey]; first[d.op.claimKey] != i {
			merge(have, d)
		}
	}
	s.Operations = mergeSharedRequests(s.Operations)
}

// mergeParameters adds to an operation's parameters what another page
// documenting it says: a type the first page left out, a parameter it
// does not list (an action documented on two pages). What the first page
// says stands.
func mergeParameters(have, more []*Parameter) []*Parameter {
	for _, m := range more {
		i := slices.IndexFunc(have, func(h *Parameter) bool { return strings.EqualFold(h.Name, m.Name) })
		switch {
		case i < 0:
			have = append(have, m)
		case have[i].Type == "" && m.Type != "":
			h := *have[i]
			h.Type, h.Collection, h.Source = m.Type, m.Collection, m.Source
			if h.Required == nil {
				h.Required = m.Required
			}
			if h.Description == "" {
				h.Description = m.Description
			}
			have[i] = &h
		}
	}
	return have
}

// mergeSharedRequests makes one operation of the reads and writes that
// pages document with the same request (method and path, keys aside):
// the service has one operation there, which the docs describe once per
// derived type (126 pages list /deviceManagement/deviceConfigurations in
// en-2020-05 beta). The first page in path order gives the name, the
// description and the permissions; where the pages return different
// types, the operation returns what the path reaches.
func mergeSharedRequests(ops []*Operation) []*Operation {
	parent := make([]int, len(ops))
	for i := range parent {
		parent[i] = i
	}
	var root func(i int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	for i, o := range ops {
		if o.Kind == OpAction || o.Kind == OpFunction {
			continue
		}
		for _, req := range o.Requests {
			key := req.Method + " " + pathKey(parser.SplitPath(req.Path))
			if j, ok := first[key]; ok {
				a, b := root(i), root(j)
				parent[max(a, b)] = min(a, b) // the earlier operation stays
			} else {
				first[key] = i
			}
		}
	}
	var out []*Operation
	for i, o := range ops {
		r := root(i)
		if r == i {
			out = append(out, o)
			continue
		}
		into := ops[r]
		for _, req := range o.Requests {
			into.Requests = appendRequest(into.Requests, req)
		}
		if refKey(into.Returns) != refKey(o.Returns) {
			into.Returns = reachedType(into)
		}
		if into.Permissions == nil {
			into.Permissions = o.Permissions
		}
	}
	return out
}

// reachedType is what a read or write of merged pages returns where the
// pages differ: what its path reaches (a collection for a list), nothing
// for a delete or a navigation request.
func reachedType(o *Operation) *TypeRef {
	if o.Binding == nil {
		return nil
	}
	switch o.Kind {
	case OpList:
		return &TypeRef{Type: o.Binding.Type, Collection: true}
	case OpGet, OpCreate, OpUpdate:
		return &TypeRef{Type: o.Binding.Type}
	}
	return nil
}

// pathTypes are the types the pages give whole paths (prefixTypes): the
// first page in path order that says, for each path.
func (r *resolver) pathTypes(pages []*parser.Page) prefixTypes {
	known := prefixTypes{}
	for _, p := range pages {
		op := p.Operation
		for _, req := range op.Requests {
			var ref *TypeRef
			switch req.Method {
			case "GET":
				ref = r.typeRef(p, op.Response.Type)
			case "POST":
				if ref = r.typeRef(p, op.Body); ref != nil {
					ref = &TypeRef{Type: ref.Type, Collection: true}
				}
			}
			if ref == nil {
				continue
			}
			if _, described := r.lookup(ref.Type); !described {
				continue
			}
			segs := parser.SplitPath(req.Path)
			if len(segs) == 0 || segs[len(segs)-1].Unclosed {
				continue // range(address='A1'/format: what it names is not known
			}
			key := pathKey(segs)
			if !ref.Collection && keyedSibling(op.Requests, key) {
				// The page gets one item by its key and lists the path
				// without it beside (informationprotectionlabel-get.md:
				// .../labels/{id} and .../labels): that one is a list.
				continue
			}
			if known[key] == nil {
				known[key] = ref
			}
		}
	}
	return known
}

// keyedSibling reports a request among reqs whose path is the one of key
// followed by a key.
func keyedSibling(reqs []parser.RequestDoc, key string) bool {
	for _, req := range reqs {
		if pathKey(parser.SplitPath(req.Path)) == key+"/{}" {
			return true
		}
	}
	return false
}

// appendRequest adds req to list unless it is there.
func appendRequest(list []Request, req Request) []Request {
	for _, have := range list {
		if have.Method == req.Method && have.Path == req.Path {
			return list
		}
	}
	return append(list, req)
}

// operationOf is the operation one request of a page documents; its
// claimKey says which requests are the same operation.
func (r *resolver) operationOf(p *parser.Page, req parser.RequestDoc, w walk) *Operation {
	doc := p.Operation
	op := &Operation{
		Requests:    []Request{{Method: req.Method, Path: req.Path}},
		Permissions: permissionsOf(doc.Permissions),
		Description: doc.Description,
		Source:      where(p, doc.Pos),
	}
	unresolved := ""
	if w.problem != "" {
		unresolved = "|" + p.Path // what did not resolve is merged within its page only
	}
	if w.opSeg != nil && !w.opLast {
		return nil // a segment that names nothing, with more after it: no operation to trust
	}
	if nav, ok := r.undescribedNavigation(p, req, w); ok {
		w = nav
	}
	if w.opSeg != nil && w.special == "" {
		name := w.opSeg.Name
		if strings.Contains(name, ".") {
			name = parser.ShortName(name)
		}
		if name == "" || !parser.IsIdentifier(name) {
			return nil
		}
		op.Name = name
		op.Kind = r.opKind(p, req, w.opSeg, w.before)
		if w.problem == "" || w.before.known() {
			op.Binding = r.pageSubject(p.Path, name, w.before.ref())
		}
		op.Parameters = r.operationParameters(p, op.Kind, w.opSeg)
		op.Returns = r.returnsOf(p, op.Kind, w)
		key := string(op.Kind) + "|" + strings.ToLower(name) + "|" + refKey(op.Binding)
		if op.Kind == OpFunction {
			var names []string
			for _, prm := range op.Parameters {
				names = append(names, strings.ToLower(prm.Name))
			}
			sort.Strings(names)
			key += "|" + strings.Join(names, ",")
		}
		op.claimKey = key + unresolved
		return op
	}
	if w.problem != "" && !w.at.known() {
		return nil
	}
	op.Kind = crudKind(req.Method, w.special, w.at.collection)
	op.Binding = w.at.ref()
	seg := reachedSegment(req.Path)
	if seg == "" {
		seg = w.lastNav
	}
	op.Name = string(op.Kind) + naming.Pascal(seg)
	if w.special != "" {
		op.Name = navigationName(req.Method, w.special, seg, w.at.collection)
	}
	if w.lastNav != w.entry && w.before.known() {
		op.owner = w.before.name
	}
	op.Returns = r.returnsOf(p, op.Kind, w)
	if w.special == "$value" && req.Method == "GET" {
		// The media itself, whatever entity the page names as its owner
		// (a message's MIME, a photo's bytes).
		op.Returns = &TypeRef{Type: "Edm.Stream"}
	}
	if op.Kind == OpCreate || op.Kind == OpUpdate {
		op.Returns = r.typeRef(p, doc.Response.Type)
		if op.Returns == nil && doc.Response.Status != 204 && doc.Response.Status != 202 && op.Kind == OpCreate {
			op.Returns = &TypeRef{Type: w.at.name}
		}
	}
	// A page's paths to the same kind of thing are one operation (GET /me,
	// GET /users/{id}); named after a path through a collection, if any.
	op.viaCollection = w.lastNavCollection
	op.claimKey = string(op.Kind) + "|" + refKey(op.Binding) + "|" + p.Path
	return op
}

// reachedSegment is what a read or write's path reaches, as its name says
// it: the last segment that is neither a key nor $ref, $value or $count
// (appleUserInitiatedEnrollmentProfiles, which no property of
// deviceManagement may name), and a cast after it as "As" and the type
// (deletedItemsAsUser).
func reachedSegment(path string) string {
	var names []string
	for _, s := range parser.SplitPath(path) {
		if s.Key || s.Name == "" || strings.HasPrefix(s.Name, "$") {
			continue
		}
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		return ""
	}
	last := names[len(names)-1]
	if strings.Contains(last, ".") {
		cast := parser.ShortName(last)
		if len(names) > 1 && parser.IsIdentifier(cast) {
			return names[len(names)-2] + "As" + naming.Pascal(cast)
		}
		return ""
	}
	if !parser.IsIdentifier(last) {
		return ""
	}
	return last
}

// navigationName names a request of $ref, $value or $count by what it
// does: listMembersRef, addMembersRef, removeMembersRef, getPhotoContent,
// setPhotoContent, countMembers.
func navigationName(method, special, seg string, collection bool) string {
	seg = naming.Pascal(seg)
	switch special {
	case "$count":
		return "count" + seg
	case "$value":
		if method == "GET" {
			return "get" + seg + "Content"
		}
		return "set" + seg + "Content"
	}
	switch method {
	case "GET":
		if collection {
			return "list" + seg + "Ref"
		}
		return "get" + seg + "Ref"
	case "POST":
		return "add" + seg + "Ref"
	case "DELETE":
		return "remove" + seg + "Ref"
	}
	return "set" + seg + "Ref"
}

// crudKind is the kind of a request that names no operation: what its
// method does to what the path reaches ($ref, $value and $count are
// navigation). The resolver and the examples' check share it.
func crudKind(method, special string, collection bool) OpKind {
	if special != "" {
		return OpNavigation
	}
	switch method {
	case "GET":
		if collection {
			return OpList
		}
		return OpGet
	case "POST":
		return OpCreate
	case "PATCH", "PUT":
		return OpUpdate
	case "DELETE":
		return OpDelete
	}
	return OpGet
}

func refKey(t *TypeRef) string {
	if t == nil {
		return "-"
	}
	if t.Collection {
		return "Collection(" + strings.ToLower(t.Type) + ")"
	}
	return strings.ToLower(t.Type)
}

// returnsOf is what an operation returns: the response's type, else for a
// read what the path reaches; nothing for 204 and 202 without a type.
func (r *resolver) returnsOf(p *parser.Page, kind OpKind, w walk) *TypeRef {
	resp := p.Operation.Response
	if ref := r.typeRef(p, resp.Type); ref != nil {
		if (kind == OpList || kind == OpGet) && w.special == "" && w.at.known() && strings.EqualFold(ref.Type, w.at.name) {
			// A read returns what its path reaches: one of them or a
			// collection, as the properties say, where the page's
			// response says the same type (children listed as one item).
			ref.Collection = w.at.collection
		}
		return ref
	}
	switch kind {
	case OpList, OpGet:
		if w.special == "" {
			return w.at.ref()
		}
	case OpAction, OpFunction:
		if t := r.typeOfKeys(resp.Keys); t != nil {
			return &TypeRef{Type: t.Name}
		}
	}
	return nil
}

// operationParameters are an action's body parameters, or a function's:
// the names in its parentheses, typed by the page's tables, then the
// function parameters the tables add.
func (r *resolver) operationParameters(p *parser.Page, kind OpKind, seg *parser.Segment) []*Parameter {
	doc := p.Operation
	var out []*Parameter
	seen := map[string]bool{}
	add := func(d parser.ParamDoc) {
		low := strings.ToLower(d.Name)
		// A name is a JSON key and a Go field's tag: nothing else is one.
		if seen[low] || !parser.IsIdentifier(d.Name) {
			return
		}
		seen[low] = true
		out = append(out, r.parameter(p, d))
	}
	row := func(name string) (parser.ParamDoc, bool) {
		for _, d := range doc.Parameters {
			if strings.EqualFold(d.Name, name) && d.Place != parser.ParamQuery && d.Place != parser.ParamPath {
				return d, true
			}
		}
		for _, d := range doc.Parameters {
			if strings.EqualFold(d.Name, name) {
				return d, true
			}
		}
		return parser.ParamDoc{}, false
	}
	if kind == OpFunction {
		seg = exampleArguments(doc, seg)
		defer func() {
			// An argument no row types, written as a quoted literal in
			// the call (period='{period}'), is a string: OData quotes
			// nothing else.
			for _, prm := range out {
				if prm.Type == "" && quotedArgument(seg.Raw, prm.Name) {
					prm.Type = "Edm.String"
				}
				// An enum literal says its type, which a row may call a
				// String (TimeZoneStandard=microsoft.graph.timeZoneStandard'...').
				if prm.Type == "" || prm.Type == "Edm.String" {
					if t, ok := r.lookup(enumArgument(seg.Raw, prm.Name)); ok && t.Kind == Enum {
						prm.Type = t.Name
					}
				}
			}
		}()
		// The names in the parentheses are the service's; a row no name
		// matches stands for the first unmatched one in order (a
		// translation renamed it: "Zeitraum" for period). The rows that
		// only the page's other overloads name are theirs
		// (getEmailActivityUserDetail(period=...) and (date=...)), and so
		// are the spare rows left where one of those names has no row.
		others := otherOverloads(p, seg)
		theirsUnmatched := false
		for a := range others {
			if _, ok := row(a); !ok {
				theirsUnmatched = true
			}
		}
		named := func(d parser.ParamDoc) bool {
			return slices.ContainsFunc(seg.Args, func(a string) bool { return strings.EqualFold(a, d.Name) })
		}
		var spare []int
		for i, d := range doc.Parameters {
			// A path parameter's row may be an argument's (range-cell.md
			// lists row and Spalte as path parameters), unless it names
			// a key of the paths.
			if d.Place != parser.ParamQuery && (d.Place != parser.ParamPath || !namesKey(doc, d.Name)) && !named(d) && !others[strings.ToLower(d.Name)] {
				spare = append(spare, i)
			}
		}
		used := map[int]bool{}
		for _, a := range seg.Args {
			d, ok := row(a)
			if !ok && len(spare) > 0 {
				used[spare[0]] = true
				d, spare = doc.Parameters[spare[0]], spare[1:]
				d.Name, ok = a, true
			}
			if !ok {
				d = parser.ParamDoc{Name: a, Pos: doc.Pos}
			}
			add(d)
		}
		for i, d := range doc.Parameters {
			// Without arguments in the path (range/cell), the page's path
			// or body parameters are the function's.
			if used[i] || others[strings.ToLower(d.Name)] || theirsUnmatched && slices.Contains(spare, i) {
				continue
			}
			if d.Place == parser.ParamFunction || len(seg.Args) == 0 && d.Place != parser.ParamQuery {
				add(d)
			}
		}
		return out
	}
	if d, ok := r.wrappedBody(doc, pageNamespace(p)); ok {
		return []*Parameter{r.parameter(p, d)}
	}
	body := bodyRows(doc, p.Translated(), func(d parser.ParamDoc) bool { return r.enumTyped(p, d.Type) })
	for _, d := range body {
		add(d)
	}
	r.typesFromExample(p, out)
	return out
}

// typesFromExample types the body parameters whose rows the folder cannot
// read (a type word of a language no data file names: "Логическое",
// "Коллекция строк") by the value the request example sends for them
// (true, ["groupIds-value"]), and makes a parameter the example sends an
// array for a collection where its row lost the word that says so.
func (r *resolver) typesFromExample(p *parser.Page, params []*Parameter) {
	for _, prm := range params {
		i := slices.IndexFunc(p.Operation.RequestKeys, func(k parser.ParamDoc) bool { return strings.EqualFold(k.Name, prm.Name) })
		if i < 0 {
			continue
		}
		ex := p.Operation.RequestKeys[i].Type
		if prm.Type == "" {
			if ref := r.typeRef(p, ex); ref != nil {
				prm.Type, prm.Collection = ref.Type, ref.Collection
			}
			continue
		}
		// Json holds an array as it is (a table's rows: [["a", 1]]).
		if ex.Collection && !prm.Collection && prm.Type != jsonTypeName && (ex.Primitive == "" || ex.Primitive == prm.Type) {
			prm.Collection = true
		}
	}
}

// namesKey reports whether a key or placeholder of the page's request
// paths holds name ({id | userPrincipalName}, {user-id}).
func namesKey(doc *parser.OperationDoc, name string) bool {
	low := strings.ToLower(name)
	for _, req := range doc.Requests {
		path := strings.ToLower(req.Path)
		for {
			open := strings.IndexByte(path, '{')
			if open < 0 {
				break
			}
			end := strings.IndexByte(path[open:], '}')
			if end < 0 {
				break
			}
			if strings.Contains(path[open:open+end], low) {
				return true
			}
			path = path[open+end:]
		}
	}
	return false
}

// quotedArgument reports a function call (the segment as written) that
// gives the argument a quoted value: name='...'.
func quotedArgument(raw, name string) bool {
	return strings.HasPrefix(argumentValue(raw, name), "'")
}

// enumLiteral is an OData enum literal's type: the qualified name before
// the quoted value (microsoft.graph.timeZoneStandard'{timezone_format}'),
// or "".
var enumLiteral = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)'`)

// enumArgument is the type of the enum literal a function call (the
// segment as written) gives the argument, or "".
func enumArgument(raw, name string) string {
	if m := enumLiteral.FindStringSubmatch(argumentValue(raw, name)); m != nil {
		return m[1]
	}
	return ""
}

// argumentValue is what a function call (the segment as written) gives
// the argument, as written from the "=" on, or "". The name is found
// without case in the text as written: lower-casing first would move the
// offsets where a letter's lower case is longer (Ⱥ, ⱥ).
func argumentValue(raw, name string) string {
	if name == "" {
		return ""
	}
	for at := 0; at+len(name) <= len(raw); at++ {
		if !strings.EqualFold(raw[at:at+len(name)], name) {
			continue
		}
		before := strings.TrimRight(raw[:at], " ")
		after := strings.TrimLeft(raw[at+len(name):], " ")
		if (strings.HasSuffix(before, "(") || strings.HasSuffix(before, ",")) && strings.HasPrefix(after, "=") {
			return strings.TrimLeft(after[1:], " ")
		}
	}
	return ""
}

// exampleArguments is seg with the arguments the page's request examples
// call its function with, where the syntax names none (range-cell.md:
// GET .../range/cell, its example .../cell(row=5,column=6)): the names in
// the parentheses are the service's, which a translated row may not be
// (Spalte for column).
// Only where no syntax path calls it with arguments (findRooms and
// findRooms(RoomList=...) are two overloads), and only the example's last
// segment, which is the call (range(address='A1')/visibleView/range).
func exampleArguments(doc *parser.OperationDoc, seg *parser.Segment) *parser.Segment {
	if len(seg.Args) > 0 {
		return seg
	}
	for _, req := range doc.Requests {
		for _, s := range parser.SplitPath(req.Path) {
			if strings.EqualFold(s.Name, seg.Name) && len(s.Args) > 0 {
				return seg
			}
		}
	}
	for _, req := range doc.ExampleRequests {
		segs := parser.SplitPath(req.Path)
		if len(segs) == 0 {
			continue
		}
		if last := segs[len(segs)-1]; strings.EqualFold(last.Name, seg.Name) && len(last.Args) > 0 {
			with := *seg
			with.Args, with.Raw = last.Args, last.Raw
			return &with
		}
	}
	return seg
}

// otherOverloads are the arguments (in lower case) that the page's other
// overloads of seg's function name and seg does not: another path's call
// of the function whose arguments do not hold all of seg's. A call that
// leaves out an optional argument (getActivitiesByInterval without
// endDateTime) holds a subset of another's, and is no other overload,
// unless it has no arguments at all.
func otherOverloads(p *parser.Page, seg *parser.Segment) map[string]bool {
	mine := map[string]bool{}
	for _, a := range seg.Args {
		mine[strings.ToLower(a)] = true
	}
	out := map[string]bool{}
	for _, req := range p.Operation.Requests {
		for _, s := range parser.SplitPath(req.Path) {
			if !strings.EqualFold(s.Name, seg.Name) || len(s.Args) == 0 {
				continue
			}
			theirs := map[string]bool{}
			for _, a := range s.Args {
				theirs[strings.ToLower(a)] = true
			}
			holdsMine := true
			for a := range mine {
				holdsMine = holdsMine && theirs[a]
			}
			subset := true
			for a := range theirs {
				subset = subset && mine[a]
			}
			// A call without arguments beside calls with them is an
			// overload of its own (findRooms and findRooms(RoomList=...)).
			if len(mine) > 0 && (holdsMine || subset) {
				continue
			}
			for a := range theirs {
				if !mine[a] {
					out[a] = true
				}
			}
		}
	}
	return out
}

// bodyRows are an action's body parameters. Where the rows' names and the
// request example's keys differ in the same number (a translation renamed
// the rows), the keys, which are never translated, name them: each row the
// first key left whose example value its type can be (a string for a
// primitive or an enum, an object for another type), where every row finds
// one that way; else in order.
// Where every row has its key, the keys no row lists are parameters too,
// typed by their example values (createForward's toRecipients).
func bodyRows(doc *parser.OperationDoc, translated bool, enum func(parser.ParamDoc) bool) []parser.ParamDoc {
	var rows []parser.ParamDoc
	for _, d := range doc.Parameters {
		if d.Place == parser.ParamBody {
			rows = append(rows, d)
		}
	}
	if doc.RequestKeys == nil {
		return rows
	}
	keyed := func(d parser.ParamDoc) func(parser.ParamDoc) bool {
		return func(k parser.ParamDoc) bool { return strings.EqualFold(k.Name, d.Name) }
	}
	var unnamed []int
	for i, d := range rows {
		k := slices.IndexFunc(doc.RequestKeys, keyed(d))
		if k < 0 {
			unnamed = append(unnamed, i)
			continue
		}
		if ex := doc.RequestKeys[k].Type; d.Type.Collection && !ex.Collection && ex.Primitive != "" {
			// The table says a collection, the request example sends one
			// value (memberId: "319b…"): the example is what was sent.
			rows[i].Type.Collection = false
		}
	}
	var unused []parser.ParamDoc
	for _, k := range doc.RequestKeys {
		if !slices.ContainsFunc(rows, keyed(k)) && parser.IsIdentifier(k.Name) {
			unused = append(unused, k)
		}
	}
	if translated && len(unnamed) > len(unused) && len(unused) > 0 {
		// More rows than keys to name them: the example leaves out
		// optional ones (checkInAs), which are named, and the translated
		// ones (Kommentar) take the keys, where they are as many. Only on
		// a translated page: English has capitalized names (Number).
		var nouns []int
		for _, i := range unnamed {
			if translatedNoun(rows[i].Name) {
				nouns = append(nouns, i)
			}
		}
		if len(nouns) == len(unused) {
			unnamed = nouns
		}
	}
	switch {
	case len(unnamed) > 0 && len(unnamed) == len(unused):
		order := matchKeys(rows, unnamed, unused, enum)
		for j, i := range unnamed {
			rows[i].Name = unused[order[j]].Name
		}
	case len(unnamed) == 0:
		rows = append(rows, unused...)
	}
	return rows
}

// translatedNoun reports a row name that reads as a translation's noun,
// not a parameter's name: a capital, then no capital (Kommentar, Комментарий;
// not checkInAs, not EmailAddresses).
func translatedNoun(name string) bool {
	first, size := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, c := range name[size:] {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// parameter resolves one parameter row's type.
func (r *resolver) parameter(p *parser.Page, d parser.ParamDoc) *Parameter {
	prm := &Parameter{Name: d.Name, Description: d.Description, Source: where(p, d.Pos)}
	switch d.Required {
	case parser.Required:
		t := true
		prm.Required = &t
	case parser.Optional:
		f := false
		prm.Required = &f
	}
	if ref := r.typeRef(p, d.Type); ref != nil {
		prm.Type, prm.Collection = ref.Type, ref.Collection
		r.stringEnum(prm, d)
		if _, described := r.lookup(ref.Type); !described && !strings.HasPrefix(ref.Type, "Edm.") && ref.Type != jsonTypeName {
			r.warn(p, d.Pos, diag.UnknownParamType, "parameter %q has type %q, which no page defines", d.Name, d.Type.Raw)
		}
	}
	return prm
}

// typeRef resolves a type an API page names (a response, a body, a
// parameter) as property cells are: a link first, then the name, with
// the type words and collection phrases the folder taught. nil when the
// page names none.
func (r *resolver) typeRef(p *parser.Page, t parser.TypeExpr) *TypeRef {
	if !t.Known() && strings.TrimSpace(t.Raw) == "" {
		return nil
	}
	collection := t.Collection
	if !collection && r.learned != nil && r.learned.CollectionPhrases[collectionPhrase(t)] > 0 {
		collection = true
	}
	if name, _, ok := r.knownType(p, t); ok {
		return &TypeRef{Type: name, Collection: collection}
	}
	if r.learned != nil {
		raw := strings.ToLower(strings.TrimSpace(t.Raw))
		before, _, _ := strings.Cut(raw, "(") // "zeichenfolge (optional)"
		for _, cell := range []string{raw, strings.TrimSpace(before)} {
			if lw, ok := learnedWordOf(r.learned.TypeWords, cell); ok {
				return &TypeRef{Type: lw.Type, Collection: collection || lw.Collection}
			}
		}
	}
	if t.Name != "" && parser.IsIdentifier(parser.ShortName(t.Name)) {
		// A primitive's name beside words that made it read as a name
		// (Int32-Auflistung: Int32 and a learned collection phrase) is
		// the primitive, where no page describes a type of that name.
		if prim := parser.ParseTypeText(t.Name).Primitive; prim != "" {
			if _, described := r.lookup(qualify(t.Name, pageNamespace(p))); !described {
				return &TypeRef{Type: prim, Collection: collection}
			}
		}
		// A name no page describes whose singular one does is that type:
		// an annotation written after the entity set
		// ("microsoft.graph.riskyusers", "microsoft.graph.invitations").
		if short := parser.ShortName(t.Name); len(short) > 1 && (short[len(short)-1] == 's' || short[len(short)-1] == 'S') {
			if _, described := r.lookup(qualify(t.Name, pageNamespace(p))); !described {
				one := t.Name[:len(t.Name)-1]
				if e := r.lookupName(one, pageNamespace(p)); e != nil && e.t.Kind != Enum {
					return &TypeRef{Type: e.t.Name, Collection: collection}
				}
			}
		}
		return &TypeRef{Type: qualify(t.Name, pageNamespace(p)), Collection: collection}
	}
	return nil
}

func permissionsOf(d *parser.PermissionsDoc) *Permissions {
	if d == nil {
		return nil
	}
	orEmpty := func(l []string) []string {
		return append([]string{}, l...)
	}
	return &Permissions{DelegatedWork: orEmpty(d.DelegatedWork), DelegatedPersonal: orEmpty(d.DelegatedPersonal), Application: orEmpty(d.Application)}
}
