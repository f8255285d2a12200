// A request syntax that its page's file name and request example both
// contradict: the example's request is read in its place.

package schema

import (
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
