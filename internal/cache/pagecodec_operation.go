// The page codec's part for an API page's operation: every field in a
// fixed order, as pagecodec.go writes the rest of a page.

package cache

import "github.com/docgen/graphgen/parser"

func appendOperation(w *writer, op *parser.OperationDoc, desc func(string)) {
	w.Bool(op != nil)
	if op == nil {
		return
	}
	appendPos(w, op.Pos)
	desc(op.Description)
	w.Uint(uint64(len(op.Requests)))
	for _, r := range op.Requests {
		w.Str(r.Method)
		w.Str(r.Path)
		appendPos(w, r.Pos)
	}
	appendParams(w, op.Parameters, desc)
	appendTypeExpr(w, op.Body)
	appendPos(w, op.BodyPos)
	w.Bool(op.RequestKeys != nil)
	appendParams(w, op.RequestKeys, desc)
	w.Int(int64(op.Response.Status))
	appendTypeExpr(w, op.Response.Type)
	w.Bool(op.Response.Annotated)
	w.Strs(op.Response.Keys)
	appendPos(w, op.Response.Pos)
	w.Bool(op.Permissions != nil)
	if ps := op.Permissions; ps != nil {
		for _, list := range [][]string{ps.DelegatedWork, ps.DelegatedPersonal, ps.Application} {
			w.Bool(list != nil)
			w.Strs(list)
		}
		appendPos(w, ps.Pos)
	}
	w.Uint(uint64(len(op.Examples)))
	for _, x := range op.Examples {
		w.Bool(x.Request)
		w.Str(x.Type)
		w.Strs(x.Path)
		w.Str(x.Value)
		w.Str(x.Temporal)
		appendPos(w, x.Pos)
	}
	w.Uint(uint64(len(op.ExampleRequests)))
	for _, r := range op.ExampleRequests {
		w.Str(r.Method)
		w.Str(r.Path)
		appendPos(w, r.Pos)
	}
	w.Bool(op.SideEffectFree)
}

func appendTypeExpr(w *writer, t parser.TypeExpr) {
	w.Str(t.Raw)
	w.Str(t.Primitive)
	w.Str(t.Name)
	w.Str(t.Link)
	w.Bool(t.Collection)
	w.Str(t.LinkPrimitive)
	w.Str(t.LinkText)
}

func readTypeExpr(r *reader) parser.TypeExpr {
	return parser.TypeExpr{Raw: r.Str(), Primitive: r.Str(), Name: r.Str(), Link: r.Str(), Collection: r.Bool(), LinkPrimitive: r.Str(), LinkText: r.Str()}
}

func readOperation(r *reader) *parser.OperationDoc {
	if !r.Bool() {
		return nil
	}
	op := &parser.OperationDoc{Pos: readPos(r), Description: r.Str()}
	if n := r.Count(); n > 0 {
		op.Requests = make([]parser.RequestDoc, n)
		for i := range op.Requests {
			op.Requests[i] = parser.RequestDoc{Method: r.Str(), Path: r.Str(), Pos: readPos(r)}
		}
	}
	op.Parameters = readParams(r)
	op.Body = readTypeExpr(r)
	op.BodyPos = readPos(r)
	hasKeys := r.Bool()
	op.RequestKeys = readParams(r)
	if hasKeys && op.RequestKeys == nil {
		op.RequestKeys = []parser.ParamDoc{}
	}
	op.Response = parser.ResponseDoc{Status: int(r.Int()), Type: readTypeExpr(r), Annotated: r.Bool(), Keys: r.Strs(), Pos: readPos(r)}
	if r.Bool() {
		ps := &parser.PermissionsDoc{}
		for _, list := range []*[]string{&ps.DelegatedWork, &ps.DelegatedPersonal, &ps.Application} {
			present := r.Bool()
			*list = r.Strs()
			if present && *list == nil {
				*list = []string{}
			}
		}
		ps.Pos = readPos(r)
		op.Permissions = ps
	}
	if n := r.Count(); n > 0 {
		op.Examples = make([]parser.ExampleValue, n)
		for i := range op.Examples {
			op.Examples[i] = parser.ExampleValue{Request: r.Bool(), Type: r.Str(), Path: r.Strs(), Value: r.Str(), Temporal: r.Str(), Pos: readPos(r)}
		}
	}
	if n := r.Count(); n > 0 {
		op.ExampleRequests = make([]parser.RequestDoc, n)
		for i := range op.ExampleRequests {
			op.ExampleRequests[i] = parser.RequestDoc{Method: r.Str(), Path: r.Str(), Pos: readPos(r)}
		}
	}
	op.SideEffectFree = r.Bool()
	return op
}

func appendParams(w *writer, list []parser.ParamDoc, desc func(string)) {
	w.Uint(uint64(len(list)))
	for _, p := range list {
		w.Str(p.Name)
		appendTypeExpr(w, p.Type)
		w.Int(int64(p.Required))
		w.Int(int64(p.Place))
		desc(p.Description)
		w.Strs(p.PossibleValues)
		appendPos(w, p.Pos)
	}
}

func readParams(r *reader) []parser.ParamDoc {
	n := r.Count()
	if n == 0 {
		return nil
	}
	list := make([]parser.ParamDoc, n)
	for i := range list {
		list[i] = parser.ParamDoc{Name: r.Str(), Type: readTypeExpr(r), Required: parser.Requirement(r.Int()), Place: parser.ParamPlace(r.Int()), Description: r.Str(), PossibleValues: r.Strs(), Pos: readPos(r)}
	}
	return list
}
