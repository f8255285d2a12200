// A request syntax that its page's file name and request example both
// contradict: the example's request is read in its place.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// exampleOperation is an operation read from a request example.
type exampleOperation struct {
	req parser.RequestDoc
	op  *Operation
}

// syntaxFromExamples returns the operations the page's request examples
// call where its request syntax names another one, or nil. An API page's
// file name ends in the operation it documents, and its request example
// calls it; where the syntax names neither (worksheetcollection-add.md:
// POST /workbook/worksheets/, its last segment lost;
// nameditem-addformulalocal.md: POST /workbook/names/add, copied from
// nameditem-add.md), the syntax is the page's mistake and the examples'
// requests are the operation's. Only an example whose whole path resolves
// to an action or function named as the file name ends counts.
func (r *resolver) syntaxFromExamples(p *parser.Page, entries map[string]*EntryPoint, results composables, known prefixTypes) []exampleOperation {
	parts := fileNameParts(p.Path)
	fileNames := func(name string) bool {
		_, ok := fileNamesOperation(parts, name)
		return ok
	}
	for _, req := range p.Operation.Requests {
		for _, seg := range parser.SplitPath(req.Path) {
			if seg.Name != "" && fileNames(parser.ShortName(seg.Name)) {
				return nil // the syntax names the page's operation (or property: orgcontact-list-transitivememberof.md)
			}
		}
	}
	var out []exampleOperation
	seen := map[string]bool{}
	for _, req := range p.Operation.ExampleRequests {
		w := r.walkPath(req.Path, entries, results, known)
		if w.problem != "" || w.opSeg == nil || !w.opLast || w.special != "" || !w.before.known() || !fileNames(parser.ShortName(w.opSeg.Name)) {
			continue
		}
		op := r.operationOf(p, req, w)
		if op == nil || op.Kind != OpAction && op.Kind != OpFunction || seen[op.claimKey] {
			continue
		}
		seen[op.claimKey] = true
		out = append(out, exampleOperation{req, op})
	}
	if len(out) > 0 {
		r.warn(p, p.Operation.Requests[0].Pos, diag.SyntaxFromExample, "%s %s names no %s, which the file name and the request example (%s %s) name; the example's request is read",
			p.Operation.Requests[0].Method, p.Operation.Requests[0].Path, out[0].op.Name, out[0].req.Method, out[0].req.Path)
	}
	return out
}

// examplesBindingElsewhere are the request examples that call one of the
// page's actions or functions, by name, on a type (or a collection of it)
// its syntax does not bind it to (driveitem-search.md's syntax searches
// .../root, an example searches GET /me/drive/search(q='...');
// evaluateClassificationResults' syntax keys one label, its example calls
// the collection): the example shows a binding the syntax left out. The
// service then has both, or the page's syntax is wrong; either way the
// call the example makes is documented.
func (r *resolver) examplesBindingElsewhere(p *parser.Page, ops []*Operation, entries map[string]*EntryPoint, results composables, known prefixTypes) []exampleOperation {
	names, bound := map[string]bool{}, map[string]bool{} // bound: name|binding
	for _, op := range ops {
		if op.Kind == OpAction || op.Kind == OpFunction {
			names[strings.ToLower(op.Name)] = true
		}
		bound[strings.ToLower(op.Name)+"|"+refKey(op.Binding)] = true
	}
	if len(names) == 0 {
		return nil
	}
	var out []exampleOperation
	for _, req := range p.Operation.ExampleRequests {
		w := r.walkPath(req.Path, entries, results, known)
		if w.problem != "" || w.opSeg == nil || !w.opLast || w.special != "" || !w.before.known() || !names[strings.ToLower(parser.ShortName(w.opSeg.Name))] {
			continue
		}
		op := r.operationOf(p, req, w)
		if op == nil || op.Kind != OpAction && op.Kind != OpFunction {
			continue
		}
		// Another binding, not another call of one the syntax binds
		// (rowsAbove(count=n) where the syntax has rowsAbove).
		if key := strings.ToLower(op.Name) + "|" + refKey(op.Binding); !bound[key] {
			bound[key] = true
			out = append(out, exampleOperation{req, op})
			r.warn(p, req.Pos, diag.BindingFromExample, "the request example %s %s calls %s on %s, which the request syntax does not bind it to; read as documented",
				req.Method, req.Path, op.Name, bindingWords(op.Binding))
		}
	}
	return out
}

// bindingWords spells a binding for a message: the type, or a collection
// of it.
func bindingWords(b *TypeRef) string {
	if b == nil {
		return "nothing"
	}
	if b.Collection {
		return "a collection of " + b.Type
	}
	return b.Type
}
