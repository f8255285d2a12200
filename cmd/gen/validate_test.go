package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// plantedPage is an API page of our library with one mistake of every kind,
// each on its own line (the comment at the end of each line is not JSON:
// it is cut before the page is written).
const plantedPage = "# Get book\n\n### Response\n\n" +
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.book\"} -->\n" +
	"```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" +
	`{
  "id": "b1",
  "title": "Emma",
  "pageCount": "many",                                   #kind-mismatch
  "colour": "red",                                       #unknown-property
  "publishedDate": "05/01/2020",                         #bad-format
  "openingTime": "9am",                                  #bad-format
  "loanPeriod": "14 days",                               #bad-format
  "isbn": "not-a-guid",                                  #bad-format
  "acquiredDateTime": "yesterday",                       #bad-format
  "coverThumbnail": "base64Y3YxN2E1MWFlYw==",             #bad-format
  "genre": "poetry",                                     #unknown-member
  "tags": "one",                                         #collection-mismatch
  "edition": [1],                                        #collection-mismatch
  "authors": [{"@odata.type": "#microsoft.graph.nothing", "name": "A"}],  #unknown-odata-type
  "extraData": {"anything": [1, "goes"]},
  "weightGrams": 350.5,
  "price": 19.99,
  "isReference": true,
  "@odata.context": "https://graph.example/$metadata#books/$entity"
}
` + "```\n\n" +
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.shelf\"} -->\n" +
	"```json\n" + `{
  "id": "s1",
  "items": [
    {"@odata.type": "#microsoft.graph.book", "pageCount": 3},
    {"@odata.type": "#microsoft.graph.member", "displayName": "A"}           #not-derived
  ],
  "accessibility": "lowReach,largePrint",
  "kind": "display"
}
` + "```\n\n" +
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.member\", \"isCollection\": true} -->\n" +
	"```json\n" + `{"displayName": "not in a value array"}                  #collection-mismatch
` + "```\n\n" +
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.member\", \"truncated\": true} -->\n" +
	"```json\n" + `{
  "displayName": "Ada",
  "nickname": "A."                                       #unknown-property
}
` + "```\n\n" +
	"<!-- {\"blockType\": \"request\", \"@odata.type\": \"microsoft.graph.postalAddress\"} -->\n" +
	"```http\nPATCH https://graph.example/members/{id}/homeAddress\n\n" + `{
  "city": "Paris",                                       #invalid-json
}
` + "```\n\n" +
	"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.lending.loan\", \"isCollection\": true} -->\n" +
	"```json\n" + `{"value": [{"id": "l1", "state": "active", "dueDateTime": "2020-05-01T10:00:00Z", "extension": "P7D"}]}
` + "```\n"

// Every kind of mistake is found at its line; text names the pages from
// the current folder (here the API pages' own), JSON as recorded: the
// mistakes under their folder's name, the page warnings relative to -in.
func TestValidatePlantedMistakes(t *testing.T) {
	in, out := copyDocsInput(t)
	api := filepath.Join(filepath.Dir(out), "api")
	// Cut the #code markers, remembering the line each stands on.
	var page strings.Builder
	want := map[string]int{}
	var lines []string
	for i, line := range strings.Split(plantedPage, "\n") {
		if at := strings.Index(line, "#"); at >= 0 && strings.Contains(line[at:], "-") && !strings.Contains(line, "@odata") || strings.Contains(line, "#not-derived") || strings.Contains(line, "#unknown-odata-type") {
			code := strings.TrimSpace(line[strings.LastIndex(line, "#")+1:])
			want[fmt.Sprintf("get-book.md:%d:%s", i+1, code)]++
			line = strings.TrimRight(line[:strings.LastIndex(line, "#")], " ")
		}
		lines = append(lines, line)
	}
	page.WriteString(strings.Join(lines, "\n"))
	writeFile(t, filepath.Join(api, "get-book.md"), page.String())
	t.Chdir(api)

	code, stdout, stderr := genOut(t, "validate", "-in", in, "-examples", api)
	assert.Equal(t, exitError, code, stdout)
	got := map[string]int{}
	for _, l := range strings.Split(stderr, "\n") {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) < 4 || parts[1] != "error" {
			continue
		}
		pos := strings.Split(parts[0], ":")
		got[fmt.Sprintf("%s:%s:%s", pos[0], pos[1], parts[2])]++
	}
	assert.Equal(t, want, got, stderr)
	for _, k := range []string{"kind-mismatch", "unknown-property", "bad-format", "unknown-member", "collection-mismatch", "unknown-odata-type", "not-derived", "invalid-json"} {
		assert.Contains(t, stderr, "  "+k+" ", "the summary counts %s", k)
	}
	assert.Contains(t, stderr, "in resources/ ")
	assert.Contains(t, stderr, "in api/ ")
	assertLine(t, stderr, "../docs-input/resources/book.md:40:3: warning: unknown-type: ")

	code, _, stderr = genOut(t, "validate", "-in", in, "-examples", api, "-diagnostics", "json")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, `{"file":"api/get-book.md","line":`)
	assert.Contains(t, stderr, `{"file":"book.md","line":40,"col":3,"severity":"warning","code":"unknown-type"`)

	code, _, stderr = genOut(t, "validate", "-in", in, "-examples", api, "-diagnostics", "json", "-q")
	assert.Equal(t, exitError, code)
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		var d struct {
			File, Code string
			Line       int
		}
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		assert.Positive(t, d.Line)
	}
}

func TestValidateCollectionPlaceholder(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|cas|[y](y.md) collection|x|\n|one|[y](y.md)|x|\n\n"+
		"## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n"+
		`{"cas": {"@odata.type": "collection(microsoft.graph.y)"}, "one": {"@odata.type": "microsoft.graph.y"}}`+"\n```\n")
	writeFile(t, filepath.Join(in, "y.md"), "# y resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	code, _, stderr := genOut(t, "validate", "-in", in)
	assert.Equal(t, exitOK, code, "the collection placeholder is fine: %s", stderr)
	api := t.TempDir()
	t.Chdir(api)
	writeFile(t, filepath.Join(api, "get-x.md"), "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n"+
		`{"cas": [{"a": "1"}], "one": [{"a": "2"}]}`+"\n```\n")
	code, _, stderr = genOut(t, "validate", "-in", in, "-examples", api)
	assert.Equal(t, exitError, code)
	assertLine(t, stderr, "get-x.md:3:30: error: collection-mismatch: property one is one microsoft.graph.y, the example gives an array")
	assert.Equal(t, 1, strings.Count(stderr, "collection-mismatch:"))
}

// Our own pages' representation blocks agree with their tables.
func TestValidateOwnPagesClean(t *testing.T) {
	code, _, stderr := genOut(t, "validate", "-in", repoPath("docs-input"))
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "0 mistakes")
}

func TestValidateUsage(t *testing.T) {
	code, _, _ := genOut(t, "validate")
	assert.Equal(t, exitUsage, code)
	code, _, _ = genOut(t, "validate", "-in", repoPath("docs-input"), "-diagnostics", "xml")
	assert.Equal(t, exitUsage, code)
	code, _, stderr := genOut(t, "validate", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "-examples")
}

// The corpus validates to the end and reports its counts.
func TestValidateCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			res := corpus.Require(t, "corpus", "en-2020-05", v, "resources")
			api := corpus.Require(t, "corpus", "en-2020-05", v, "api")
			code, _, stderr := genOut(t, "validate", "-in", res, "-examples", api)
			assert.Equal(t, exitError, code, "the docs have mistakes")
			at := strings.Index(stderr, "gen validate: ")
			require.GreaterOrEqual(t, at, 0, "the run reaches its summary")
			t.Log(stderr[at:])
			assert.Regexp(t, `gen validate: \d{3,} examples, \d+ mistakes`, stderr[at:])
		})
	}
}

// A root cause is at the resource page, a mistake it explains at the
// example: in text both are named from the current folder, whichever
// folder they were read from.
func TestValidateRootCausePaths(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "v1", "resources", "tracked.md"), resourcePage("tracked", "", "Tracked.", "createdDateTime | DateTimeOffset | x", "lastModifiedDateTime | DateTimeOffset | x"))
	writeFile(t, filepath.Join(root, "v1", "resources", "shift.md"), resourcePage("shift", "", "A shift.", "start | DateTimeOffset | x"))
	example := "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.shift\"} -->\n```json\n" +
		`{"start": "2020-01-01T00:00:00Z", "createdDateTime": "2020-01-01T00:00:00Z", "lastModifiedDateTime": "2020-01-01T00:00:00Z"}` + "\n```\n"
	writeFile(t, filepath.Join(root, "v1", "api", "shift-get.md"), example)
	t.Chdir(root)
	code, _, stderr := genOut(t, "validate", "-in", filepath.Join(root, "v1", "resources"), "-examples", "v1/api", "-v")
	assert.Equal(t, exitError, code, stderr)
	assertLine(t, stderr, "v1/resources/shift.md:1:1: error: missing-base: microsoft.graph.shift names no base")
	assertLine(t, stderr, `v1/api/shift-get.md:3:35: error: unknown-property: microsoft.graph.shift has no property "createdDateTime"`)
	code, _, stderr = genOut(t, "validate", "-in", filepath.Join(root, "v1", "resources"), "-examples", "v1/api", "-v", "-diagnostics", "json")
	assert.Equal(t, exitError, code, stderr)
	assert.Contains(t, stderr, `{"file":"shift.md","line":1,"col":1,"severity":"error","code":"missing-base"`)
	assert.Contains(t, stderr, `{"file":"api/shift-get.md","line":3,"col":35,`)
}
