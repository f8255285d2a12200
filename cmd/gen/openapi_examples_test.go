// The API pages' response examples against the OpenAPI document's
// response schemas, with kin-openapi's openapi3filter: each failure is
// classified with gen validate's findings for the same example (and its
// root causes), so that what the document rejects and the pages' known
// mistakes can be told apart.

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
)

// exampleOutcome is what became of one response example.
type exampleOutcome struct {
	where string // page:line
	class string // "valid", or the failure's class
	// genCodes are gen validate's findings for the example (their codes,
	// "missing-base" for those a root cause explains).
	genCodes []string
	err      string // the validator's message, for a failure
}

// exampleReport counts outcomes by class.
type exampleReport struct {
	total     int
	outcomes  []exampleOutcome
	byClass   map[string]int
	byGenCode map[string]int // the failures gen validate also finds, by its code
	// acceptedDespite counts the examples the document accepts and gen
	// validate does not, by code.
	acceptedDespite map[string]int
}

func (r *exampleReport) String() string {
	var b strings.Builder
	failing, skipped := 0, 0
	for k, n := range r.byClass {
		switch {
		case strings.HasPrefix(k, "fails: "):
			failing += n
		case strings.HasPrefix(k, "not validated: "):
			skipped += n
		}
	}
	fmt.Fprintf(&b, "%d response examples: %d valid, %d failing, %d not validated\n", r.total, r.byClass["valid"], failing, skipped)
	for _, k := range sortedKeys(r.byClass) {
		if k != "valid" {
			fmt.Fprintf(&b, "  %-60s %d\n", k, r.byClass[k])
		}
	}
	if len(r.byGenCode) > 0 {
		fmt.Fprintf(&b, "failures gen validate finds too, by its code:\n")
		for _, k := range sortedKeys(r.byGenCode) {
			fmt.Fprintf(&b, "  %-60s %d\n", k, r.byGenCode[k])
		}
	}
	if len(r.acceptedDespite) > 0 {
		fmt.Fprintf(&b, "valid in the document, yet gen validate finds, by its code:\n")
		for _, k := range sortedKeys(r.acceptedDespite) {
			fmt.Fprintf(&b, "  %-60s %d\n", k, r.acceptedDespite[k])
		}
	}
	return b.String()
}

// checkResponseExamples validates every response example of the API pages
// under in (a version folder) against the document rendered from the
// schema gen resolves there, and sets each beside gen validate's findings
// in it (CheckOperations, as gen validate -in runs it on a version folder).
func checkResponseExamples(t *testing.T, in string) *exampleReport {
	t.Helper()
	var filter pageFilter
	require.Empty(t, filter.parse())
	var warnings diag.List
	pages, _, err := readPages(in, &filter, &warnings)
	require.NoError(t, err)
	s := schema.Resolve(pages)
	require.NotEmpty(t, s.Operations, "a version folder: API pages read")
	version := apiVersion(in)
	require.NotEmpty(t, version, "the document names its server")
	docBytes, rep, err := openapi.Render(s, openapi.Options{Version: version})
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(docBytes)
	require.NoError(t, err)
	router, err := gorillamux.NewRouter(doc)
	require.NoError(t, err)

	label := filepath.Base(filepath.Clean(in))
	exs, err := folderExamples(in, label, &filter, true)
	require.NoError(t, err)
	c, _ := s.CheckOperations(exs, schema.OperationPages{Prefix: label + "/", Syntax: requestSyntax(pages)})
	found := examplesFindings(c, exs)

	// Where each request of the page syntax went in the document, for a
	// response whose own request the router does not find.
	written := map[string]openapi.Written{}
	for _, w := range rep.Requests {
		written[w.Method+" "+w.Path] = w
	}
	for _, op := range s.Operations {
		for _, r := range op.Requests {
			if _, ok := written[r.Method+" "+r.Path]; !ok {
				written[r.Method+" "+r.Path] = openapi.Written{} // resolved, but left out
			}
		}
	}
	out := &exampleReport{byClass: map[string]int{}, byGenCode: map[string]int{}, acceptedDespite: map[string]int{}}
	var request *parser.Example // the page's last request example
	for i := range exs {
		ex := &exs[i]
		if i > 0 && exs[i-1].Path != ex.Path {
			request = nil
		}
		if ex.Kind == "request" {
			request = ex
		}
		if ex.Kind != "response" || ex.Value == nil || !strings.HasPrefix(ex.Path, label+"/api/") {
			continue
		}
		o := exampleOutcome{where: fmt.Sprintf("%s:%d", strings.TrimPrefix(ex.Path, label+"/"), ex.Pos.Line), genCodes: found[i]}
		page := strings.TrimPrefix(ex.Path, label+"/")
		res := validateExample(doc, router, version, ex, request, requestSyntax(pages)[page], written)
		switch {
		case res.skipped != "":
			o.class = "not validated: " + res.skipped
		case res.err == nil:
			o.class = "valid"
		case len(o.genCodes) > 0:
			o.class = "fails: gen validate finds mistakes in it too"
		default:
			o.class = "fails: " + onlyTheDocument(ex, res)
		}
		if res.err != nil {
			o.err = leavesText(res.err)
		}
		out.total++
		out.byClass[o.class]++
		switch {
		case o.class == "valid":
			for _, c := range uniq(o.genCodes) {
				out.acceptedDespite[c]++
			}
		case strings.HasPrefix(o.class, "fails: "):
			for _, c := range uniq(o.genCodes) {
				out.byGenCode[c]++
			}
		}
		out.outcomes = append(out.outcomes, o)
	}
	return out
}

// explainedBy names the root cause that explains a finding of gen
// validate, by the finding's code.
var explainedBy = map[string]string{
	"unknown-property":  "missing-base",
	"response-mismatch": "wrapped-responses",
	"unknown-operation": "missing-property",
	"unknown-parameter": "unlisted-parameters",
}

// examplesFindings gives each example gen validate's findings in it: the
// mistakes from its first line (its request or status line included) to
// the next example's of the page; one a root cause explains is named by
// the cause (missing-base, wrapped-responses...).
func examplesFindings(c schema.Validation, exs []parser.Example) [][]string {
	out := make([][]string, len(exs))
	type span struct {
		i          int
		start, end int
	}
	byPage := map[string][]span{}
	for i, ex := range exs {
		start := ex.Pos.Line
		if ex.LinePos.Line > 0 && ex.LinePos.Line < start {
			start = ex.LinePos.Line
		}
		byPage[ex.Path] = append(byPage[ex.Path], span{i, start, 1 << 30})
	}
	for _, spans := range byPage {
		sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
		for k := 0; k+1 < len(spans); k++ {
			spans[k].end = spans[k+1].start
		}
	}
	add := func(l diag.List, code func(diag.Diagnostic) string) {
		for _, d := range l {
			for _, sp := range byPage[d.File] {
				if d.Line >= sp.start && d.Line < sp.end {
					out[sp.i] = append(out[sp.i], code(d))
				}
			}
		}
	}
	add(c.Mistakes, func(d diag.Diagnostic) string { return d.Code })
	add(c.Explained, func(d diag.Diagnostic) string {
		if cause, ok := explainedBy[d.Code]; ok {
			return cause
		}
		return "explained " + d.Code
	})
	return out
}

// validation is what became of validating one example: skipped (and
// why), or validated against the response of an operation of the
// document, with err the validator's finding.
type validation struct {
	skipped   string
	operation *openapi3.Operation
	err       error
}

// validateExample validates one response example against the success
// response of the document's operation for its request: the request
// example before it, found by kin-openapi's router, else the first request
// of its page's syntax that the document holds.
func validateExample(doc *openapi3.T, router routers.Router, version string, ex, request *parser.Example,
	syntax []parser.RequestDoc, written map[string]openapi.Written) validation {
	var route *routers.Route
	if request != nil && request.Method != "" && request.RequestPath != "" {
		req, err := http.NewRequest(request.Method, "https://graph.microsoft.com/"+version+request.RequestPath, nil)
		if err == nil {
			route, _, _ = router.FindRoute(req)
		}
	}
	if route == nil {
		if len(syntax) == 0 && request == nil {
			return validation{skipped: "no request: the page has no request syntax and the response no request example"}
		}
		resolved := false
		for _, r := range syntax {
			w, ok := written[r.Method+" "+r.Path]
			resolved = resolved || ok
			if w.Template != "" {
				item := doc.Paths.Value(w.Template)
				route = &routers.Route{Spec: doc, Path: w.Template, PathItem: item, Method: w.Method, Operation: item.GetOperation(w.Method)}
				break
			}
		}
		switch {
		case route == nil && !resolved:
			return validation{skipped: "the schema resolved no operation from the page's requests (unresolved-path), and the document has no path for its request example"}
		case route == nil:
			return validation{skipped: "the document leaves out the page's requests"}
		}
	}
	operation := route.Operation
	if operation.Responses.Value("2XX") == nil {
		return validation{skipped: "the operation returns nothing (204): the schema has no return type for it", operation: operation}
	}
	body, err := json.Marshal(exampleJSON(ex.Value))
	if err != nil {
		return validation{skipped: "the example cannot be encoded: " + err.Error()}
	}
	req := httptest.NewRequest(route.Method, "http://localhost/", nil)
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, Route: route},
		Status:                 200,
		Header:                 http.Header{"Content-Type": {"application/json"}},
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	return validation{operation: operation, err: openapi3filter.ValidateResponse(context.Background(), input)}
}

// returned is the type a document's operation returns on success, and
// whether a collection of it ("" where it is no component schema).
func returned(op *openapi3.Operation) (string, bool) {
	resp := op.Responses.Value("2XX")
	if resp == nil || resp.Value == nil {
		return "", false
	}
	mt := resp.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return "", false
	}
	name := func(ref string) string { return strings.TrimPrefix(ref, "#/components/schemas/") }
	if v := mt.Schema.Value.Properties["value"]; v != nil && v.Value != nil && v.Value.Type.Is("array") && v.Value.Items != nil {
		return name(v.Value.Items.Ref), true
	}
	return name(mt.Schema.Ref), false
}

// onlyTheDocument says why the document rejects an example in which gen
// validate finds no mistake. Each reason is a difference between the two
// checks that the document is right about; anything else is
// "UNEXPLAINED", a fault of the document.
func onlyTheDocument(ex *parser.Example, res validation) string {
	leaves := schemaLeaves(res.err)
	all := func(pred func(l leaf) bool) bool {
		for _, l := range leaves {
			if !pred(l) {
				return false
			}
		}
		return len(leaves) > 0
	}
	switch {
	case all(enumCase):
		return "an enum member in another case (gen validate ignores case; OData does not)"
	case all(outOfRange):
		return "a number out of its type's range (gen validate checks no range)"
	case all(func(l leaf) bool { return enumCase(l) || outOfRange(l) }):
		return "an enum member in another case, a number out of its type's range"
	case all(nullAsAnyValue):
		return "null for a property of any value ({}, which takes null in OpenAPI 3.1; the validator reads schemas as 3.0 does)"
	}
	typ, coll := returned(res.operation)
	if ex.Type != "" && (!strings.EqualFold(typ, ex.Type) || coll != ex.Collection) {
		return "annotated as another type than the operation returns (gen validate checks it as annotated)"
	}
	if v := ex.Value.Get("value"); !coll && v != nil && v.Kind == parser.JSONArray && ex.Value.Get("@odata.nextLink") == nil && len(ex.Value.Keys) <= 2 {
		return "a collection ({\"value\": [...]}) where the schema's operation returns one value (its return type, which gen validate does not question here)"
	}
	if len(leaves) == 0 {
		return "UNEXPLAINED: " + res.err.Error()
	}
	return "UNEXPLAINED: " + leaves[0].err.SchemaField
}

// enumCase: a string that is an enum member but for its letters' case.
func enumCase(l leaf) bool {
	s, ok := l.err.Value.(string)
	if !ok || l.err.SchemaField != "enum" {
		return false
	}
	for _, m := range l.err.Schema.Enum {
		if ms, ok := m.(string); ok && strings.EqualFold(ms, s) {
			return true
		}
	}
	return false
}

// outOfRange: a number beyond its format's bounds.
func outOfRange(l leaf) bool {
	switch l.err.SchemaField {
	case "minimum", "maximum", "format":
		_, num := l.err.Value.(float64)
		return num
	}
	return false
}

// nullAsAnyValue: null against a schema that says nothing (the document's
// schema of a value whose type no page describes: any value). OpenAPI 3.1
// takes null there; the validator applies 3.0's nullable.
func nullAsAnyValue(l leaf) bool {
	s := l.err.Schema
	return l.err.SchemaField == "nullable" && l.err.Value == nil && s != nil &&
		(s.Type == nil || len(*s.Type) == 0) && len(s.Properties) == 0 && len(s.AnyOf) == 0 && len(s.OneOf) == 0 && len(s.AllOf) == 0 && s.Items == nil
}

// leavesText lists the validator's innermost findings, each with its
// place in the example.
func leavesText(err error) string {
	var detail []string
	for _, l := range schemaLeaves(err) {
		v, _ := json.Marshal(l.err.Value)
		detail = append(detail, fmt.Sprintf("%s at %s: %.120s (%.80s)", l.err.SchemaField, l.at, l.err.Reason, v))
	}
	if len(detail) == 0 {
		return err.Error()
	}
	return strings.Join(detail, "; ")
}

// leaf is an innermost schema error and where it is in the example.
type leaf struct {
	err *openapi3.SchemaError
	at  string // JSON pointer
}

// schemaLeaves are the innermost schema errors of err.
func schemaLeaves(err error) []leaf {
	var out []leaf
	var visit func(e error, prefix []string)
	visit = func(e error, prefix []string) {
		var me openapi3.MultiError
		var se *openapi3.SchemaError
		switch {
		case errors.As(e, &me):
			for _, x := range me {
				visit(x, prefix)
			}
		case errors.As(e, &se):
			if se.Origin != nil && isSchemaError(se.Origin) {
				visit(se.Origin, prefix)
				return
			}
			at := append(append([]string(nil), prefix...), se.JSONPointer()...)
			if inner := nullableBranch(se); inner != nil {
				visit(inner, at)
				return
			}
			out = append(out, leaf{se, "/" + strings.Join(at, "/")})
		}
	}
	visit(err, nil)
	return out
}

// nullableBranch validates a value that matched no branch of a nullable
// reference (anyOf [$ref, null]) against the reference, for the reason.
func nullableBranch(se *openapi3.SchemaError) error {
	if se.SchemaField != "anyOf" || se.Schema == nil || len(se.Schema.AnyOf) != 2 || se.Value == nil {
		return nil
	}
	first := se.Schema.AnyOf[0]
	if first.Ref == "" || first.Value == nil {
		return nil
	}
	return first.Value.VisitJSON(se.Value, openapi3.MultiErrors())
}

func isSchemaError(err error) bool {
	var me openapi3.MultiError
	var se *openapi3.SchemaError
	return errors.As(err, &me) || errors.As(err, &se)
}

// exampleJSON turns a leniently read example into a JSON value: numbers as
// written, a bare word (an unquoted placeholder) as a string.
func exampleJSON(v *parser.JSONValue) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case parser.JSONNull:
		return nil
	case parser.JSONBool:
		return v.Str == "true"
	case parser.JSONNumber:
		if !json.Valid([]byte(v.Str)) {
			return v.Str // read leniently (2020-01-01T10:00:16Z unquoted): as the text it is
		}
		return json.Number(v.Str)
	case parser.JSONString, parser.JSONBare:
		return v.Str
	case parser.JSONArray:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = exampleJSON(it)
		}
		return out
	}
	out := make(map[string]any, len(v.Keys))
	for _, f := range v.Keys {
		if _, dup := out[f.Name]; !dup {
			out[f.Name] = exampleJSON(f.Value)
		}
	}
	return out
}

func uniq(l []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// apiFolders are the corpus's version folders with API pages.
var apiFolders = []string{"en-2020-05/v1.0", "en-2020-05/beta", "bilingual-ru-2020-10/v1.0", "localized-de-2019-03/v1.0", "localized-de-2019-03/beta"}

func TestOpenAPIResponseExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("every response example of the corpus: run by make test-all")
	}
	for _, folder := range apiFolders {
		t.Run(folder, func(t *testing.T) {
			in := corpus.Require(t, append([]string{"corpus"}, strings.Split(folder, "/")...)...)
			r := checkResponseExamples(t, in)
			t.Logf("%s\n%s", folder, r)
			if os.Getenv("OPENAPI_EXAMPLES_LIST") != "" {
				for _, o := range r.outcomes {
					if strings.HasPrefix(o.class, "not validated") {
						t.Logf("%s: %s", o.where, o.class)
					}
				}
			}
			if testing.Verbose() {
				for _, o := range r.outcomes {
					if o.class == "valid" && len(o.genCodes) > 0 {
						t.Logf("valid in the document: %s %v", o.where, o.genCodes)
					}
				}
			}
			for _, o := range r.outcomes {
				switch {
				case strings.Contains(o.class, "UNEXPLAINED"):
					t.Errorf("%s: the document rejects it and gen validate finds no mistake: %s", o.where, o.err)
				case strings.HasPrefix(o.class, "fails: ") && len(o.genCodes) == 0:
					t.Logf("%s: %s: %s", o.where, strings.TrimPrefix(o.class, "fails: "), o.err)
				}
			}
		})
	}
}
