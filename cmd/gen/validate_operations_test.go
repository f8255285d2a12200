package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// opExamples are request and response examples against the operations of
// testdata/versionfolder (get and list users, list messages, sendMail,
// reminderView), one mistake of each kind on its own line, marked with
// #code (cut before the page is written; "#-" marks a request that is
// fine, for the line numbers only).
var opExamples = []string{
	"# Examples",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"POST https://graph.microsoft.com/v1.0/me/sendMail",
	"",
	"{",
	"  \"message\": {\"subject\": \"Hi\"},",
	"  \"saveToSentItem\": true                       #unknown-parameter",
	"}",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"POST https://graph.microsoft.com/v1.0/users/42/sendMail",
	"",
	"{                                              #missing-parameter",
	"  \"saveToSentItems\": \"false\"                #kind-mismatch",
	"}",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"GET https://graph.microsoft.com/v1.0/me/mesages   #unknown-operation",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"DELETE https://graph.microsoft.com/v1.0/me/messages/AAMk   #unknown-operation",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"GET https://graph.microsoft.com/v1.0/users",
	"```",
	"",
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.message\", \"isCollection\": true} -->",
	"```http",
	"HTTP/1.1 200 OK",
	"",
	"{\"value\": [{\"subject\": \"not a user\"}]}      #response-mismatch",
	"```",
	"",
	"Unannotated, checked against what GET /me returns:",
	"",
	"```http",
	"GET https://graph.microsoft.com/v1.0/me",
	"```",
	"",
	"```http",
	"HTTP/1.1 200 OK",
	"",
	"{\"displayName\": \"Ada\", \"colour\": \"red\"}     #unknown-property",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"GET https://graph.microsoft.com/v1.0/me/manager",
	"```",
	"",
	"<!-- {\"blockType\": \"response\"} -->",
	"```http",
	"HTTP/1.1 200 OK",
	"",
	"{\"value\": {\"displayName\": \"Bo\"}}             #response-mismatch",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"GET https://graph.microsoft.com/v1.0/users/42/reminderView(startDateTime=2020-01-01T00:00:00Z,endDateTime=2020-01-02T00:00:00Z)",
	"```",
	"",
	"<!-- {\"blockType\": \"response\"} -->",
	"```http",
	"HTTP/1.1 200 OK",
	"",
	"{\"eventSubject\": \"one, not a collection\"}     #collection-mismatch",
	"```",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"GET https://graph.microsoft.com/v1.0/me",
	"",
	"{\"select\": \"displayName\"}                      #body-mismatch",
	"```",
	"",
	"A notification the service sends to an app: another host, not checked.",
	"",
	"<!-- {\"blockType\": \"request\"} -->",
	"```http",
	"POST https://bot.example.com/callback",
	"",
	"{\"anything\": 1}",
	"```",
}

// plantOpExamples copies testdata/versionfolder, writes the page of
// examples into its api/ folder and returns the folder and the expected
// findings (page:line:code).
func plantOpExamples(t *testing.T, name string, lines []string) (string, map[string]int) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "v1.0")
	require.NoError(t, os.CopyFS(root, os.DirFS(filepath.Join("testdata", "versionfolder"))))
	want := map[string]int{}
	var page []string
	for i, line := range lines {
		if at := strings.LastIndex(line, "#"); at > 0 && !strings.HasPrefix(line, "#") {
			if code := strings.TrimSpace(line[at+1:]); code != "-" {
				want[fmt.Sprintf("api/%s:%d:%s", name, i+1, code)]++
			}
			line = strings.TrimRight(line[:at], " ")
		}
		page = append(page, line)
	}
	writeFile(t, filepath.Join(root, "api", name), strings.Join(page, "\n")+"\n")
	return root, want
}

// findings reads page:line:code of the error lines of a validate run.
func findings(stderr string) map[string]int {
	got := map[string]int{}
	for _, l := range strings.Split(stderr, "\n") {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) < 4 || parts[1] != "error" {
			continue
		}
		pos := strings.Split(parts[0], ":")
		got[fmt.Sprintf("%s:%s:%s", pos[0], pos[1], parts[2])]++
	}
	return got
}

// Each request and response example is checked against its operation:
// the method and path resolve (by the request syntax, else through the
// types), an action's body against its parameters, a response against
// what the operation returns; every kind of mistake is found at its line.
func TestValidateAgainstOperations(t *testing.T) {
	root, want := plantOpExamples(t, "user-examples.md", opExamples)
	t.Chdir(root)
	code, _, stderr := genOut(t, "validate", "-in", ".")
	assert.Equal(t, exitError, code, stderr)
	assert.Equal(t, want, findings(stderr), stderr)

	assertLine(t, stderr, `api/user-examples.md:9:3: error: unknown-parameter: action sendMail has no parameter "saveToSentItem" (it has message, saveToSentItems)`)
	assertLine(t, stderr, `api/user-examples.md:17:1: error: missing-parameter: action sendMail requires parameter "message" (api/user-sendmail.md:32), which the example's body lacks`)
	assertLine(t, stderr, `api/user-examples.md:18:22: error: kind-mismatch: property saveToSentItems is Edm.Boolean (a JSON boolean), the example gives a string`)
	assertLine(t, stderr, `api/user-examples.md:24:1: error: unknown-operation: GET /me/mesages: "mesages" is no property of microsoft.graph.user, nor an action or function a page documents`)
	assertLine(t, stderr, `api/user-examples.md:29:1: error: unknown-operation: DELETE /me/messages/AAMk: the path reaches microsoft.graph.message, and no page documents a delete of it`)
	assertLine(t, stderr, `api/user-examples.md:41:1: error: response-mismatch: the response is annotated as a collection of microsoft.graph.message, but list listUsers (api/user-list.md:6) returns a collection of microsoft.graph.user`)
	assertLine(t, stderr, `api/user-examples.md:53:24: error: unknown-property: microsoft.graph.user has no property "colour"`)
	assertLine(t, stderr, `api/user-examples.md:65:1: error: response-mismatch: get getUsers (api/user-get.md:6) returns one microsoft.graph.user, as the object itself; the example wraps it in {"value": {...}}`)
	assertLine(t, stderr, `api/user-examples.md:77:1: error: collection-mismatch: function reminderView (api/user-reminderview.md:6) returns a collection of microsoft.graph.reminder ({"value": [...]}), the example's response is no such array`)
	assertLine(t, stderr, `api/user-examples.md:84:1: error: body-mismatch: GET /me takes no request body (get getUsers (api/user-get.md:6)), the example gives one`)
	// user-list.md's own example is the tenth request; /me/manager is
	// read through the types (a get of a user).
	assert.Contains(t, stderr, "  requests against operations: 10 (7 by request syntax, 1 by path, 2 to none; 0 unchecked: their page's syntax did not resolve; 1 to other hosts left out)\n")
	assert.Contains(t, stderr, "  responses against operations: 5\n")

	// The JSON summary counts them too.
	code, _, stderr = genOut(t, "validate", "-in", ".", "-diagnostics", "json")
	assert.Equal(t, exitError, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	var sum struct {
		Summary struct {
			Operations struct{ Requests, BySyntax, ByPath, Unresolved, Unchecked, OtherHost, Responses int }
			ByKind     map[string]int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &sum))
	assert.Equal(t, 10, sum.Summary.Operations.Requests)
	assert.Equal(t, 1, sum.Summary.Operations.OtherHost)
	assert.Equal(t, 5, sum.Summary.Operations.Responses)
	assert.Equal(t, 2, sum.Summary.ByKind["unknown-operation"])

	// Without API pages in -in there are no operations: the type checks
	// alone, as before.
	code, _, stderr = genOut(t, "validate", "-in", "resources", "-examples", "api")
	assert.Equal(t, exitOK, code, "the annotated examples fit their types: %s", stderr)
	assert.NotContains(t, stderr, "against operations")
	assert.NotContains(t, stderr, "unknown-operation")
}

// A request that fits its own page's request syntax, where that syntax
// resolved to no operation, is not checked: the unresolved-path warning is
// the mistake, not the example.
func TestValidateUnresolvedSyntaxLeavesExamplesUnchecked(t *testing.T) {
	root, _ := plantOpExamples(t, "user-list-messages.md", nil)
	page, err := os.ReadFile(filepath.Join("testdata", "versionfolder", "api", "user-list-messages.md"))
	require.NoError(t, err)
	example := "\n<!-- {\"blockType\": \"request\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/users/42/mesages/7\n```\n"
	writeFile(t, filepath.Join(root, "api", "user-list-messages.md"), string(page)+example)
	code, _, stderr := genOut(t, "validate", "-in", root)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "warning: unresolved-path: GET /users/{id}/mesages/{id}")
	assert.Contains(t, stderr, "1 unchecked: their page's syntax did not resolve")
}

// What one mistake in a page explains is reported once: a property a type's
// page lacks that request paths go through, an action's parameters its
// table lacks, and one practice of responses ({"value": {...}} around one
// object). The findings they explain are listed with -v.
func TestValidateOperationRootCauses(t *testing.T) {
	req := func(line string, body string) []string {
		out := []string{"<!-- {\"blockType\": \"request\"} -->", "```http", line}
		if body != "" {
			out = append(out, "", body)
		}
		return append(out, "```", "")
	}
	resp := func(body string) []string {
		return []string{"<!-- {\"blockType\": \"response\"} -->", "```http", "HTTP/1.1 200 OK", "", body, "```", ""}
	}
	var lines []string
	lines = append(lines, "# Examples", "")
	lines = append(lines, req("GET https://graph.microsoft.com/v1.0/me/photos/1/value", "")...)
	lines = append(lines, req("GET https://graph.microsoft.com/v1.0/users/42/photos/2/value", "")...)
	lines = append(lines, req("POST https://graph.microsoft.com/v1.0/me/sendMail", `{"message": {}, "importance": "high", "flag": {}}`)...)
	lines = append(lines, req("GET https://graph.microsoft.com/v1.0/me", "")...)
	lines = append(lines, resp(`{"value": {"displayName": "Ada"}}`)...)
	lines = append(lines, req("GET https://graph.microsoft.com/v1.0/me/manager", "")...)
	lines = append(lines, resp(`{"value": {"displayName": "Bo", "colour": "red"}}`)...)
	root, _ := plantOpExamples(t, "user-examples.md", lines)
	t.Chdir(root)

	code, _, stderr := genOut(t, "validate", "-in", ".")
	assert.Equal(t, exitError, code, stderr)
	assertLine(t, stderr, `resources/user.md:6:1: error: missing-property: microsoft.graph.user has no property "photos", which the paths of 2 request examples go through: does its page lack it? This explains 2 findings`)
	assertLine(t, stderr, `api/user-sendmail.md:6:1: error: unlisted-parameters: action sendMail (bound to microsoft.graph.user; its page lists 2 parameters) is called with "flag", "importance" in its request examples: are they parameters its table lacks, or is sendMail a property its binding's page lacks? This explains 2 findings in 1 example`)
	assertLine(t, stderr, `api/user-get.md:6:1: error: wrapped-responses: 2 response examples of 1 page wrap the one object their operation returns in {"value": {...}}`)
	got := findings(stderr)
	assert.Equal(t, map[string]int{
		"resources/user.md:6:missing-property":       1,
		"api/user-sendmail.md:6:unlisted-parameters": 1,
		"api/user-get.md:6:wrapped-responses":        1,
		"api/user-examples.md:41:unknown-property":   1, // inside the wrapper, still checked
	}, got, stderr)
	assert.Contains(t, stderr, "(6 more mistakes are explained by the root causes above (missing-property, unlisted-parameters, wrapped-responses): -v lists them)")

	code, _, stderr = genOut(t, "validate", "-in", ".", "-v")
	assert.Equal(t, exitError, code)
	got = findings(stderr)
	assert.Equal(t, 1, got["api/user-examples.md:5:unknown-operation"])
	assert.Equal(t, 1, got["api/user-examples.md:10:unknown-operation"])
	assert.Equal(t, 2, got["api/user-examples.md:17:unknown-parameter"], stderr)
	assert.Equal(t, 1, got["api/user-examples.md:29:response-mismatch"])
	assert.Equal(t, 1, got["api/user-examples.md:41:response-mismatch"])
}

// The corpus version folders validate to the end against their
// operations, with figures in docs/validate.md.
func TestValidateOperationsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	for _, c := range []struct {
		folder    []string
		unknownOp int // at most: the unknown-operation findings docs/validate.md lists
	}{
		{[]string{"en-2020-05", "v1.0"}, 20},
		{[]string{"en-2020-05", "beta"}, 100},
		{[]string{"bilingual-ru-2020-10", "v1.0"}, 30},
		{[]string{"localized-de-2019-03", "v1.0"}, 20},
	} {
		t.Run(strings.Join(c.folder, "/"), func(t *testing.T) {
			in := corpus.Require(t, append([]string{"corpus"}, c.folder...)...)
			code, _, stderr := genOut(t, "validate", "-in", in, "-diagnostics", "json", "-q")
			assert.Equal(t, exitError, code)
			n := strings.Count(stderr, `"code":"unknown-operation"`)
			assert.LessOrEqual(t, n, c.unknownOp)
			assert.Positive(t, n)
			code, _, stderr = genOut(t, "validate", "-in", in, "-diagnostics", "json")
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			var sum struct {
				Summary struct {
					Operations struct{ Requests, BySyntax, ByPath, Unresolved, Unchecked, Responses int }
				}
			}
			require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &sum))
			ops := sum.Summary.Operations
			t.Logf("%+v", ops)
			assert.Equal(t, ops.Requests, ops.BySyntax+ops.ByPath+ops.Unresolved+ops.Unchecked)
			assert.Greater(t, ops.BySyntax, ops.Requests*8/10, "most requests fit a request syntax line")
			assert.Greater(t, ops.Responses, ops.Requests*8/10)
		})
	}
}
