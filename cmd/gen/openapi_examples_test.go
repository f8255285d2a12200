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
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
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
	valid := r.byClass["valid"]
	fmt.Fprintf(&b, "%d response examples: %d valid, %d failing\n", r.total, valid, r.total-valid)
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
// schema gen resolves there.
func checkResponseExamples(t *testing.T, in string) *exampleReport {
	t.Helper()
	var filter pageFilter
	require.Empty(t, filter.parse())
	var warnings diag.List
	pages, _, err := readPages(in, &filter, &warnings)
	require.NoError(t, err)
	s := schema.Resolve(pages)
	docBytes, rep, err := openapi.Render(s, openapi.Options{Version: apiVersion(in)})
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(docBytes)
	require.NoError(t, err)

	all, err := folderExamples(filepath.Join(in, "api"), "api", &filter)
	require.NoError(t, err)
	var exs []parser.Example
	for _, ex := range all {
		if ex.Kind == "response" && ex.Value != nil {
			exs = append(exs, ex)
		}
	}
	found := examplesFindings(s.Check(exs), exs)

	// The operations of each page, and where their requests went.
	opsOf := map[string][]*schema.Operation{}
	for _, op := range s.Operations {
		page := schema.SourcePos(op.Source).File
		opsOf[page] = append(opsOf[page], op)
	}
	writtenOf := map[string][]openapi.Written{}
	for _, w := range rep.Requests {
		writtenOf[w.GoName] = append(writtenOf[w.GoName], w)
	}

	out := &exampleReport{byClass: map[string]int{}, byGenCode: map[string]int{}, acceptedDespite: map[string]int{}}
	for i := range exs {
		ex := &exs[i]
		o := exampleOutcome{where: fmt.Sprintf("%s:%d", ex.Path, ex.Pos.Line), genCodes: found[i]}
		o.class, o.err = validateExample(doc, ex, opsOf[ex.Path], writtenOf)
		if ex.Type == "" && o.class != "valid" {
			o.class = "no @odata.type (gen validate cannot check it), " + o.class
		}
		out.total++
		out.byClass[o.class]++
		switch {
		case o.class == "valid":
			for _, c := range uniq(o.genCodes) {
				out.acceptedDespite[c]++
			}
		case len(o.genCodes) > 0:
			for _, c := range uniq(o.genCodes) {
				out.byGenCode[c]++
			}
		}
		out.outcomes = append(out.outcomes, o)
	}
	return out
}

// examplesFindings gives each example gen validate's findings in it: the
// mistakes between its first line and the next example's of the page,
// with those a missing-base cause explains as "missing-base".
func examplesFindings(c schema.Validation, exs []parser.Example) [][]string {
	out := make([][]string, len(exs))
	type span struct {
		i          int
		start, end int
	}
	byPage := map[string][]span{}
	for i, ex := range exs {
		byPage[ex.Path] = append(byPage[ex.Path], span{i, ex.Pos.Line, 1 << 30})
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
	add(c.Explained, func(diag.Diagnostic) string { return "missing-base" })
	return out
}

// validateExample validates one response example against the response of
// its page's operation in the document: "valid", or the class of the
// failure and the validator's message.
func validateExample(doc *openapi3.T, ex *parser.Example, ops []*schema.Operation, writtenOf map[string][]openapi.Written) (class, msg string) {
	if len(ops) == 0 {
		return "page: no operation read from the page", ""
	}
	// The page's operation that returns what the example is annotated
	// with, else its first.
	op := ops[0]
	for _, o := range ops {
		if r := o.Returns; r != nil && strings.EqualFold(r.Type, ex.Type) && r.Collection == ex.Collection {
			op = o
			break
		}
	}
	ws := writtenOf[op.GoName]
	if len(ws) == 0 {
		return "document: the operation's requests are left out", ""
	}
	w := ws[0]
	item := doc.Paths.Value(w.Template)
	operation := item.GetOperation(strings.ToUpper(w.Method))
	status := 0
	for _, code := range []int{200, 201, 204} {
		if operation.Responses.Value(fmt.Sprint(code)) != nil {
			status = code
			break
		}
	}
	if status == 204 {
		return "document: no response body (the schema has no return type)", ""
	}
	body, err := json.Marshal(exampleJSON(ex.Value))
	if err != nil {
		return "test: example not encodable", err.Error()
	}
	req := httptest.NewRequest(strings.ToUpper(w.Method), "http://localhost/", nil)
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req,
			Route:   &routers.Route{Spec: doc, Path: w.Template, PathItem: item, Method: req.Method, Operation: operation},
		},
		Status:  status,
		Header:  http.Header{"Content-Type": {"application/json"}},
		Body:    io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	err = openapi3filter.ValidateResponse(context.Background(), input)
	if err == nil {
		return "valid", ""
	}
	var detail []string
	for _, l := range schemaLeaves(err) {
		v, _ := json.Marshal(l.err.Value)
		detail = append(detail, fmt.Sprintf("%s at %s: %.120s (%.80s)", l.err.SchemaField, l.at, l.err.Reason, v))
	}
	return failureClass(err), strings.Join(detail, "; ")
}

// failureClass names what the validator found: the schema keyword that
// failed deepest, first; an enum member written in another case is
// told apart (gen validate matches members ignoring case).
func failureClass(err error) string {
	leaves := schemaLeaves(err)
	if len(leaves) == 0 {
		return "other"
	}
	l := leaves[0].err
	if l.SchemaField == "enum" {
		if s, ok := l.Value.(string); ok {
			for _, m := range l.Schema.Enum {
				if ms, ok := m.(string); ok && strings.EqualFold(ms, s) {
					return "enum member in another case"
				}
			}
		}
	}
	return l.SchemaField
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
			n := 0
			for _, o := range r.outcomes {
				if o.class != "valid" && len(o.genCodes) == 0 && n < 400 {
					t.Logf("%s %s %v: %s", o.where, o.class, o.genCodes, o.err)
					n++
				}
			}
		})
	}
}
