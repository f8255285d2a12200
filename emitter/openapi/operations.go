// Operations: each request of each operation under its path and method,
// with an operationId from the operation's Go name, the query options, a
// request body (an action's parameters, the entity created or updated),
// typed responses (204 where nothing returns, the OData error otherwise)
// and the permissions.

package openapi

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/schema"
)

// pathItem is one path's parameters and operations.
type pathItem struct {
	params []pathParam
	ops    map[string]obj     // lower-case method -> operation
	claims map[string][]claim // lower-case method -> the requests written there, first first
	b      *builder
}

// claim is one operation's request of a path item's method.
type claim struct {
	op      *schema.Operation
	r       route
	written []*Written // what the report says of its requests
}

// methods are the methods a path item can hold.
var methods = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "patch": true}

// safeGoName is the shape of an operationId: the Go name the schema gave.
var safeGoName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// operations writes every request of every operation, in the schema's
// order (by Go name). Requests of several operations that are one path
// and method once their keys are named (the schema makes the reads and
// writes one request documents one operation; two actions, or a read whose
// pages disagree, can still meet) are one operation, the first's,
// returning what all of them return (mergeReturns).
func (b *builder) operations() {
	for _, op := range b.s.Operations {
		b.ids[strings.ToLower(op.GoName)] = true
	}
	type written struct {
		item   *pathItem
		method string
	}
	var order []written
	var requests []*Written
	for _, op := range b.s.Operations {
		if !safeGoName.MatchString(op.GoName) {
			b.leave("operation %q: its Go name is not an identifier", op.GoName)
			continue
		}
		for _, req := range op.Requests {
			method := strings.ToLower(req.Method)
			if !methods[method] {
				b.leave("%s %s (%s): not a method a path can hold", req.Method, req.Path, op.GoName)
				continue
			}
			r, why := b.route(op, req)
			if why != "" {
				b.leave("%s %s (%s): %s", req.Method, req.Path, op.GoName, why)
				continue
			}
			item := b.item(&r)
			w := &Written{GoName: op.GoName, Method: req.Method, Path: req.Path}
			requests = append(requests, w)
			claims := item.claims[method]
			if i := slices.IndexFunc(claims, func(c claim) bool { return c.op == op }); i >= 0 {
				// Another of the operation's paths, the same once normalised.
				claims[i].written = append(claims[i].written, w)
				continue
			}
			if len(claims) == 0 {
				order = append(order, written{item, method})
			}
			item.claims[method] = append(claims, claim{op, r, []*Written{w}})
		}
	}
	// Ids in the order the requests came: an operation's first request
	// written has its Go name.
	count := map[*schema.Operation]int{}
	for _, w := range order {
		claims := w.item.claims[w.method]
		first := claims[0]
		op := first.op
		if len(claims) > 1 {
			op = b.merged(w.method, first.r.path, claims)
		}
		id := b.operationID(first.op.GoName, count[first.op])
		w.item.ops[w.method] = b.operation(op, w.method, first.r, id)
		count[first.op]++
		b.report.Operations++
		for _, c := range claims {
			for _, w := range c.written {
				w.Template, w.OperationID = first.r.path, id
			}
		}
	}
	for _, w := range requests {
		if w.OperationID != "" {
			b.report.Requests = append(b.report.Requests, *w)
		}
	}
}

// merged is the operation that stands for several operations' requests
// of one path and method: the first, returning what all of them return
// (mergeReturns).
func (b *builder) merged(method, path string, claims []claim) *schema.Operation {
	op := *claims[0].op
	names := make([]string, len(claims))
	for i, c := range claims {
		names[i] = c.op.GoName
	}
	var what string
	op.Returns, what = b.mergeReturns(claims)
	b.report.Merged = append(b.report.Merged, fmt.Sprintf("%s %s: %d operations as one, %s (%s)",
		strings.ToUpper(method), path, len(claims), what, strings.Join(names, ", ")))
	return &op
}

// mergeReturns is what several operations of one request return, and
// how that was decided: the type they all return; for a read, what the
// path reaches (an extension's page documents GET
// /me/contacts/{id}?$expand=..., a read of the contact); else the nearest
// type of the first's lineage the others derive from; else the first's.
func (b *builder) mergeReturns(claims []claim) (*schema.TypeRef, string) {
	first := claims[0].op
	same := true
	for _, c := range claims[1:] {
		r, f := c.op.Returns, first.Returns
		same = same && (r == nil && f == nil || r != nil && f != nil && *r == *f)
	}
	name := func(how string, r *schema.TypeRef) string {
		if r == nil {
			return how + "nothing"
		}
		if r.Collection {
			return how + r.Type + " collection"
		}
		return how + r.Type
	}
	switch {
	case same:
		return first.Returns, name("returning ", first.Returns)
	case (first.Kind == schema.OpGet || first.Kind == schema.OpList) && first.Binding != nil && b.present(first.Binding.Type):
		return first.Binding, name("returning what the path reaches, ", first.Binding)
	}
	if r := first.Returns; r != nil {
		if t := b.s.Lookup(r.Type); t != nil {
			for cand := range t.Lineage() {
				all := b.present(cand.Name)
				for _, c := range claims[1:] {
					o := c.op.Returns
					d := (*schema.Type)(nil)
					if o != nil && o.Collection == r.Collection {
						d = b.s.Lookup(o.Type)
					}
					all = all && d != nil && isA(d, cand)
				}
				if all {
					ret := &schema.TypeRef{Type: cand.Name, Collection: r.Collection}
					return ret, name("returning their common base, ", ret)
				}
			}
		}
	}
	return first.Returns, name("their return types share no base: returning the first's, ", first.Returns)
}

// isA reports whether d is t or derives from it.
func isA(d, t *schema.Type) bool {
	for c := range d.Lineage() {
		if c == t {
			return true
		}
	}
	return false
}

// item returns the path item of a route, making it; a route of a shape
// already written takes that path and its parameters' names.
func (b *builder) item(r *route) *pathItem {
	sh := shape(r.path)
	if p, ok := b.shapes[sh]; ok {
		r.path = p
		item := b.paths[p]
		for i := range r.params {
			r.params[i].name = item.params[i].name
		}
		return item
	}
	b.shapes[sh] = r.path
	item := &pathItem{params: r.params, ops: map[string]obj{}, claims: map[string][]claim{}, b: b}
	b.paths[r.path] = item
	return item
}

// operationID is the id of an operation's n-th path: its Go name, then
// the Go name with a number that no other id has.
func (b *builder) operationID(goName string, n int) string {
	if n == 0 {
		return goName
	}
	for i := n + 1; ; i++ {
		id := goName + strconv.Itoa(i)
		if !b.ids[strings.ToLower(id)] {
			b.ids[strings.ToLower(id)] = true
			return id
		}
	}
}

// object is the path item as written: its parameters, then its
// operations by method.
func (p *pathItem) object() obj {
	out := obj{}
	if len(p.params) > 0 {
		params := make([]any, len(p.params))
		for i, prm := range p.params {
			params[i] = p.b.pathParameter(prm)
		}
		out["parameters"] = params
	}
	for m, op := range p.ops {
		out[m] = op
	}
	return out
}

// pathParameter is a path parameter: a key, or a function's argument.
func (b *builder) pathParameter(p pathParam) obj {
	out := obj{"name": p.name, "in": "path", "required": true}
	if p.key {
		out["description"] = "The unique identifier of " + p.label
		out["schema"] = obj{"type": "string"}
		out["x-ms-docs-key-type"] = p.label
		return out
	}
	out["description"] = "Usage: " + p.name + "={" + p.name + "}"
	out["schema"] = b.parameterSchema(p.typ)
	return out
}

// parameterSchema is the schema of a parameter in a path or query: a
// primitive's (numbers without their special values), an enum's, or a
// string for anything else (a structured value is written as JSON).
func (b *builder) parameterSchema(typ string) obj {
	switch typ {
	case "Edm.Single", "Edm.Double":
		return obj{"type": "number", "format": strings.ToLower(strings.TrimPrefix(typ, "Edm."))}
	}
	if strings.HasPrefix(typ, "Edm.") {
		if s := b.primitive(typ); len(s) > 0 {
			return s
		}
	}
	if t := b.s.Lookup(typ); t != nil && t.Kind == schema.Enum && b.present(typ) {
		return ref(typ)
	}
	return obj{"type": "string"}
}

// operation writes one request of an operation.
func (b *builder) operation(op *schema.Operation, method string, r route, id string) obj {
	out := obj{"operationId": id}
	if op.Description != "" {
		out["description"] = op.Description
	}
	if r.first != "" {
		out["tags"] = []any{r.first}
	}
	switch op.Kind {
	case schema.OpAction, schema.OpFunction:
		out["x-ms-docs-operation-type"] = string(op.Kind)
	default:
		out["x-ms-docs-operation-type"] = "operation"
	}
	if params := b.queryParameters(op, method, r); len(params) > 0 {
		out["parameters"] = params
	}
	if body := b.requestBody(op, method, r); body != nil {
		out["requestBody"] = body
	}
	out["responses"] = b.responsesOf(op, method, r)
	b.permissions(op, out)
	return out
}

// queryParameters are the OData query options of a read, and a function's
// parameters that its path does not hold.
func (b *builder) queryParameters(op *schema.Operation, method string, r route) []any {
	var out []any
	use := func(names ...string) {
		for _, n := range names {
			b.queryOptions[n] = true
			out = append(out, obj{"$ref": "#/components/parameters/" + n})
		}
	}
	if method == "get" && r.special == "" {
		switch op.Kind {
		case schema.OpList:
			use("top", "skip", "search", "filter", "count", "orderby", "select", "expand")
		case schema.OpGet:
			use("select", "expand")
		}
	}
	if op.Kind != schema.OpFunction {
		return out
	}
	inPath := map[string]bool{}
	for _, p := range r.params {
		inPath[strings.ToLower(p.name)] = true
	}
	for _, p := range op.Parameters {
		if inPath[strings.ToLower(p.Name)] {
			continue
		}
		if !safeGoName.MatchString(p.Name) {
			b.leave("parameter %q of %s: not a name", p.Name, op.GoName)
			continue
		}
		q := obj{"name": p.Name, "in": "query", "schema": b.parameterSchema(p.Type)}
		if p.Description != "" {
			q["description"] = p.Description
		}
		if p.Collection {
			q["schema"] = obj{"type": "array", "items": b.parameterSchema(p.Type)}
			q["style"], q["explode"] = "form", false
		}
		if p.Required != nil && *p.Required {
			q["required"] = true
		}
		out = append(out, q)
	}
	return out
}

// jsonContent is an application/json content map.
func jsonContent(s obj) obj { return obj{"application/json": obj{"schema": s}} }

// requestBody is what a POST, PATCH or PUT sends: an action's parameters,
// the entity a create or update sends, a reference, a media stream.
func (b *builder) requestBody(op *schema.Operation, method string, r route) obj {
	if method != "post" && method != "patch" && method != "put" {
		return nil
	}
	switch {
	case r.special == "$ref":
		return obj{"description": "New navigation property ref value", "required": true,
			"content": jsonContent(obj{"type": "object", "properties": obj{"@odata.id": obj{"type": "string"}}, "required": []any{"@odata.id"}})}
	case r.special == "$value":
		return obj{"description": "New media content.", "required": true,
			"content": obj{"application/octet-stream": obj{"schema": obj{"type": "string", "format": "binary"}}}}
	case r.special != "":
		return nil
	}
	switch op.Kind {
	case schema.OpAction:
		if len(op.Parameters) == 0 {
			return nil
		}
		props := obj{}
		var required []any
		for _, p := range op.Parameters {
			if !safePropertyName.MatchString(p.Name) {
				b.leave("parameter %q of %s: not a name", p.Name, op.GoName)
				continue
			}
			req := p.Required != nil && *p.Required
			prop := b.valueSchema(p.Type, p.Collection, !req)
			if p.Description != "" {
				prop["description"] = p.Description
			}
			props[p.Name] = prop
			if req {
				required = append(required, p.Name)
			}
		}
		s := obj{"type": "object", "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		return obj{"description": "Action parameters", "required": true, "content": jsonContent(s)}
	case schema.OpCreate, schema.OpUpdate:
		s := obj{}
		if op.Binding != nil && b.present(op.Binding.Type) {
			s = ref(op.Binding.Type)
		}
		what := "New entity"
		if op.Kind == schema.OpUpdate {
			what = "New property values"
		}
		return obj{"description": what, "required": true, "content": jsonContent(s)}
	}
	return nil
}

// errorResponse is the reference to the OData error response.
var errorResponse = obj{"$ref": "#/components/responses/error"}

// responsesOf are an operation's responses: what it returns (2XX), or
// 204; the OData error for 4XX and 5XX.
func (b *builder) responsesOf(op *schema.Operation, method string, r route) obj {
	out := obj{"4XX": errorResponse, "5XX": errorResponse}
	// Any success code (UseSuccessStatusCodeRange): the schema does not
	// say which (200, 201) the page gives.
	const status = "2XX"
	switch {
	case r.special == "$count" && method == "get":
		b.usesCount = true
		out[status] = obj{"$ref": "#/components/responses/" + countResponse}
	case r.special == "$value" && method == "get":
		out[status] = obj{"description": "Retrieved media content",
			"content": obj{"application/octet-stream": obj{"schema": obj{"type": "string", "format": "binary"}}}}
	case r.special == "$ref" && method == "get" && op.Returns == nil:
		out[status] = obj{"description": "Retrieved navigation property link", "content": jsonContent(b.collectionObject(
			obj{"type": "object", "properties": obj{"@odata.id": obj{"type": "string"}}}, "Collection of links"))}
	case method == "delete", op.Returns == nil && op.Kind != schema.OpList && op.Kind != schema.OpGet:
		out["204"] = obj{"description": "Success"}
	case op.Returns == nil:
		out[status] = obj{"description": "Success", "content": jsonContent(obj{})}
	default:
		out[status] = b.returned(op.Returns)
	}
	return out
}

// returned is the response for what an operation returns: an entity, a
// collection response, or a primitive or enum value as OData writes one
// ({"value": ...}).
func (b *builder) returned(t *schema.TypeRef) obj {
	typ := b.s.Lookup(t.Type)
	structured := typ != nil && typ.Kind != schema.Enum && b.present(t.Type)
	switch {
	case t.Collection && structured:
		return obj{"$ref": "#/components/responses/" + b.collection(t.Type)}
	case t.Collection:
		return obj{"description": "Success", "content": jsonContent(b.collectionObject(b.valueSchema(t.Type, false, false), "Collection of "+t.Type))}
	case structured:
		return obj{"description": "Success", "content": jsonContent(ref(t.Type))}
	}
	return obj{"description": "Success", "content": jsonContent(obj{"type": "object",
		"properties": obj{"value": b.valueSchema(t.Type, false, true)}})}
}

// permissions writes the permissions: as security requirements (any one
// scope will do) and, as the page lists them, under x-permissions.
func (b *builder) permissions(op *schema.Operation, out obj) {
	p := op.Permissions
	if p == nil {
		return
	}
	var reqs []any
	seen := map[string]bool{}
	add := func(scopes []string, set map[string]bool) []any {
		list := make([]any, 0, len(scopes))
		for _, sc := range scopes {
			list = append(list, sc)
			if !safeScope.MatchString(sc) {
				continue
			}
			set[sc] = true
			if !seen[sc] {
				seen[sc] = true
				reqs = append(reqs, obj{securityName: []any{sc}})
			}
		}
		return list
	}
	out["x-permissions"] = obj{
		"delegatedWork":     add(p.DelegatedWork, b.delegated),
		"delegatedPersonal": add(p.DelegatedPersonal, b.delegated),
		"application":       add(p.Application, b.application),
	}
	if len(reqs) > 0 {
		out["security"] = reqs
	}
}

// safeScope is the shape of a permission written as a scope.
var safeScope = regexp.MustCompile(`^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$`)
