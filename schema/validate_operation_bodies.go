// The bodies of request and response examples checked against their
// operation: an action's body against its parameters, a create's or an
// update's against the type it takes, a response against what the
// operation returns (a collection as {"value": [...]}, a primitive as
// {"value": x}). An annotated body was checked against its annotation's
// type already: here only whether that type is the operation's.

package schema

import (
	"strconv"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// opFinding is one finding about an example and its operation, kept for
// the root causes.
type opFinding struct {
	op      *Operation
	code    diag.ErrorCode
	name    string // the parameter (unknown-parameter), the return's shape (response-mismatch), the segment (unknown-operation)
	stuck   *Type  // unknown-operation: the type whose property the path names and it lacks
	diag    int    // index in the validator's diags
	example string // the example's page:line
}

func (c *opChecker) report(ex *parser.Example, op *Operation, off int, name string, code diag.ErrorCode, format string, args ...any) {
	c.findings = append(c.findings, opFinding{op: op, code: code, name: name, diag: len(c.v.diags), example: exampleKey(ex)})
	c.v.report(off, code, format, args...)
}

func exampleKey(ex *parser.Example) string {
	return ex.Path + ":" + strconv.Itoa(ex.LinePos.Line)
}

// describe names an operation in a finding: its kind, name and page.
func describe(op *Operation) string {
	if op.Source == "" {
		return "the read of " + op.Binding.Type + " (no page documents it; its path resolves)"
	}
	return string(op.Kind) + " " + op.Name + " (" + op.Source + ")"
}

// requestBody checks a request example's body against its operation.
func (c *opChecker) requestBody(ex *parser.Example, op *Operation) {
	body := ex.Value
	switch op.Kind {
	case OpAction:
		c.actionBody(ex, op)
	case OpCreate, OpUpdate:
		if body != nil {
			c.entityBody(ex, op)
		}
	case OpNavigation:
		ref := strings.HasSuffix(strings.ToLower(ex.RequestPath), "/$ref")
		if ref && body != nil && body.Kind == parser.JSONObject && (ex.Method == "POST" || ex.Method == "PUT") && body.Get("@odata.id") == nil {
			c.report(ex, op, body.Offset, "", diag.BodyMismatch, "%s %s adds a reference: its body is {\"@odata.id\": \"...\"}, which the example lacks", ex.Method, ex.RequestPath)
		}
	case OpGet, OpList, OpDelete, OpFunction:
		if body != nil && (ex.Method == "GET" || ex.Method == "DELETE") {
			c.report(ex, op, body.Offset, "", diag.BodyMismatch, "%s %s takes no request body (%s), the example gives one", ex.Method, ex.RequestPath, describe(op))
		}
	}
}

// actionBody checks an action's body: a JSON object whose keys are its
// parameters, each value of its parameter's type, every required one
// there unless the example is truncated.
func (c *opChecker) actionBody(ex *parser.Example, op *Operation) {
	body := ex.Value
	if body != nil && body.Kind != parser.JSONObject {
		c.report(ex, op, body.Offset, "", diag.KindMismatch, "the body of action %s is a JSON object of its parameters, the example gives a %s", op.Name, kindName(body))
		return
	}
	params := map[string]*Parameter{}
	for _, p := range op.Parameters {
		params[strings.ToLower(p.Name)] = p
	}
	given := map[string]bool{}
	if body != nil {
		for _, f := range body.Keys {
			if strings.Contains(f.Name, "@") {
				continue // @odata.type, @odata.id
			}
			given[strings.ToLower(f.Name)] = true
			p := params[strings.ToLower(f.Name)]
			if p == nil {
				c.report(ex, op, f.KeyOffset, f.Name, diag.UnknownParameter, "action %s has no parameter %q%s", op.Name, f.Name, paramList(op))
				continue
			}
			if prop := c.paramProperty(p); prop != nil {
				c.v.property(f.Value, prop)
			}
		}
	}
	if ex.Truncated {
		return
	}
	for _, p := range op.Parameters {
		if p.Required != nil && *p.Required && !given[strings.ToLower(p.Name)] {
			off := 0
			if body != nil {
				off = body.Offset
			}
			at := c.v.ex.PosOf(off)
			if body == nil {
				at = ex.LinePos
			}
			c.findings = append(c.findings, opFinding{op: op, code: diag.MissingParameter, name: p.Name, diag: len(c.v.diags), example: exampleKey(ex)})
			c.v.diags.Error(at.At(ex.Path), diag.MissingParameter, "action %s requires parameter %q (%s), which the example's body lacks", op.Name, p.Name, p.Source)
		}
	}
}

// paramList lists an operation's parameters for a message.
func paramList(op *Operation) string {
	if len(op.Parameters) == 0 {
		return " (its page lists none)"
	}
	names := make([]string, len(op.Parameters))
	for i, p := range op.Parameters {
		names[i] = p.Name
	}
	if len(names) > 6 {
		names = append(names[:6], "...")
	}
	return " (it has " + strings.Join(names, ", ") + ")"
}

// paramProperty is a parameter as the property checks take one, or nil
// when its type says nothing to check (none given, any JSON).
func (c *opChecker) paramProperty(p *Parameter) *Property {
	if p.Type == "" {
		return nil
	}
	prop := &Property{Name: p.Name, Type: p.Type, Collection: p.Collection, Ref: c.v.lookup(p.Type)}
	if prop.Ref != nil && prop.Ref.AnyJSON() {
		return nil
	}
	if prop.Ref == nil && primitiveKind(p.Type) == "" && !strings.HasPrefix(p.Type, "Edm.") {
		return nil // a type no page describes: unknown-param-type says so
	}
	return prop
}

// entityBody checks the body of a create or an update: the type the
// operation takes (what its path reaches), or one derived from it.
func (c *opChecker) entityBody(ex *parser.Example, op *Operation) {
	if op.Binding == nil {
		return // the path did not resolve: unresolved-path says so
	}
	t := c.v.lookup(op.Binding.Type)
	if t == nil || t.AnyJSON() {
		return
	}
	if ex.Type != "" {
		if a := c.v.lookup(ex.Type); a != nil && !isA(a, t) && !isA(t, a) {
			c.report(ex, op, ex.Value.Offset, "", diag.BodyMismatch, "the request body is annotated as %s, but %s takes %s", a.Name, describe(op), t.Name)
		}
		return // the type check read the body as the annotation's type
	}
	c.v.value(ex.Value, t)
}

// response checks a response example against what its operation returns.
func (c *opChecker) response(ex *parser.Example, op *Operation) {
	body := ex.Value
	if !ex.Annotated && body != nil && len(ex.Problems) > 0 {
		// An annotated example's JSON is checked with its type; one that
		// only follows its request is checked here ("@odata.type"="#x").
		c.v.report(ex.Problems[0].Offset, diag.InvalidJSON, "example is not valid JSON (%s)", ex.Problems[0].Message)
	}
	r := expectedReturn(op)
	if r == nil {
		if op.Binding == nil && op.Kind != OpAction && op.Kind != OpFunction {
			return // a path that did not resolve: what it returns is unknown
		}
		if body != nil && hasContent(body) {
			c.report(ex, op, body.Offset, "none", diag.ResponseMismatch, "%s returns nothing its page names (no type in the response section or its annotation), but the example's response has a body", describe(op))
		}
		return
	}
	if body == nil {
		return
	}
	returns := r.Type
	if r.Collection {
		returns = "a collection of " + r.Type
	}
	if strings.HasPrefix(r.Type, "Edm.") {
		c.primitiveResponse(ex, op, r, returns)
		return
	}
	t := c.v.lookup(r.Type)
	if t == nil || t.AnyJSON() {
		return
	}
	shape := valueArrayBody(body)
	if ex.Type != "" {
		a := c.v.lookup(ex.Type)
		if a == nil {
			return // a primitive annotation, or one no page describes (the type check says)
		}
		related := isA(a, t) || isA(t, a)
		if ex.Collection != r.Collection && shape == r.Collection && related {
			return // the annotation lacks isCollection (or has it): the type check found it
		}
		if !related || ex.Collection != r.Collection {
			annotated := a.Name
			if ex.Collection {
				annotated = "a collection of " + a.Name
			}
			c.report(ex, op, body.Offset, shapeWord(r.Collection), diag.ResponseMismatch, "the response is annotated as %s, but %s returns %s", annotated, describe(op), returns)
		}
		return
	}
	if r.Collection {
		items := body.Get("value")
		if body.Kind != parser.JSONObject || items == nil || items.Kind != parser.JSONArray {
			c.report(ex, op, body.Offset, shapeWord(true), diag.CollectionMismatch, "%s returns %s ({\"value\": [...]}), the example's response is no such array", describe(op), returns)
			return
		}
		for _, it := range items.Items {
			c.v.value(it, t)
		}
		return
	}
	if shape {
		c.report(ex, op, body.Offset, shapeWord(false), diag.CollectionMismatch, "%s returns one %s, the example's response is a collection ({\"value\": [...]})", describe(op), r.Type)
		return
	}
	if inner := valueWrapped(body); inner != nil {
		c.report(ex, op, body.Offset, "wrapped", diag.ResponseMismatch, "%s returns one %s, as the object itself; the example wraps it in {\"value\": {...}}", describe(op), r.Type)
		c.v.value(inner, t)
		return
	}
	c.v.value(body, t)
}

// expectedReturn is what a response of the operation holds: for a read,
// what its path reaches (a page that documents several reads gives them
// one response section, and a page of a base type's reads shows derived
// types), a collection for a list; else what the operation returns.
func expectedReturn(op *Operation) *TypeRef {
	switch op.Kind {
	case OpCreate:
		// What a create returns is what it made: of the type its
		// collection holds (the page may show one derived type).
		if op.Binding != nil && (op.Returns == nil || op.Returns.Type == op.Binding.Type || !op.Returns.Collection) {
			return &TypeRef{Type: op.Binding.Type}
		}
	case OpGet, OpList:
		if op.Binding != nil {
			return &TypeRef{Type: op.Binding.Type, Collection: op.Binding.Collection || op.Kind == OpList}
		}
		if op.Returns != nil && op.Kind == OpList {
			return &TypeRef{Type: op.Returns.Type, Collection: true}
		}
	}
	return op.Returns
}

// valueWrapped returns the object a body wraps in {"value": {...}}, its
// only key besides annotations; nil for any other body.
func valueWrapped(v *parser.JSONValue) *parser.JSONValue {
	if v == nil || v.Kind != parser.JSONObject {
		return nil
	}
	var inner *parser.JSONValue
	for _, f := range v.Keys {
		switch {
		case f.Name == "value" && f.Value != nil && f.Value.Kind == parser.JSONObject:
			inner = f.Value
		case strings.Contains(f.Name, "@"):
		default:
			return nil
		}
	}
	return inner
}

// primitiveResponse checks a response of a primitive type: {"value": x},
// or {"value": [x, ...]} for a collection.
func (c *opChecker) primitiveResponse(ex *parser.Example, op *Operation, r *TypeRef, returns string) {
	body := ex.Value
	if r.Type == "Edm.Stream" {
		return
	}
	if ex.Type != "" {
		if a := c.v.lookup(ex.Type); a != nil {
			c.report(ex, op, body.Offset, "primitive", diag.ResponseMismatch, "the response is annotated as %s, but %s returns %s", a.Name, describe(op), returns)
			return
		}
	}
	value := body.Get("value")
	if body.Kind != parser.JSONObject || value == nil {
		c.report(ex, op, body.Offset, "primitive", diag.ResponseMismatch, "%s returns %s, written {\"value\": ...}; the example's response has no \"value\"", describe(op), returns)
		return
	}
	c.v.property(value, &Property{Name: "value", Type: r.Type, Collection: r.Collection})
}

// valueArrayBody reports a body that is a collection: an object whose only
// key besides annotations is a "value" array.
func valueArrayBody(v *parser.JSONValue) bool {
	if v == nil || v.Kind != parser.JSONObject {
		return false
	}
	found := false
	for _, f := range v.Keys {
		switch {
		case f.Name == "value" && f.Value != nil && f.Value.Kind == parser.JSONArray:
			found = true
		case strings.Contains(f.Name, "@"):
		default:
			return false
		}
	}
	return found
}

// hasContent: a body that is more than {} or annotations.
func hasContent(v *parser.JSONValue) bool {
	if v.Kind != parser.JSONObject {
		return v.Kind != parser.JSONNull
	}
	for _, f := range v.Keys {
		if !strings.Contains(f.Name, "@") {
			return true
		}
	}
	return false
}

func shapeWord(collection bool) string {
	if collection {
		return "collection"
	}
	return "single"
}
