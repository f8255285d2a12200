package main

// The contract test (issue 32): every request example of an API page that
// is followed by a response example is a call of the generated client
// against a fake service (testdata/contract_test.go.txt), one generated
// package and one go test run per version folder.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
)

// contractCase is one pair, as the test in the package reads it.
type contractCase struct {
	Page     string
	Name     string
	Method   string
	Path     string
	Prefix   string // the base URL's path after the version, for a path documented under another
	Query    [][2]string
	Call     string
	Ctor     string
	Args     []string
	Headers  [][2]string     `json:",omitempty"`
	Body     json.RawMessage `json:",omitempty"`
	RawBody  string          `json:",omitempty"` // a body that is no JSON (a file's bytes)
	Status   int
	Response string

	line, endLine int // the request's and the response's lines in the page
}

// examplePair is a request example and the response example after it.
type examplePair struct {
	page, name          string
	method, target      string
	headers             [][2]string
	body                string
	status              int
	response            string
	line, endLine       int
	bodyJSON, hasTarget bool
}

var (
	annotation = regexp.MustCompile(`(?s)<!--\s*(\{.*?\})\s*-->`)
	blockType  = regexp.MustCompile(`"blockType"\s*:\s*"(request|response)"`)
	blockName  = regexp.MustCompile(`"name"\s*:\s*"([^"]*)"`)
	fence      = regexp.MustCompile("(?s)^\\s*```[a-zA-Z]*[^\\n]*\\n(.*?)\\n\\s*```")
	statusLine = regexp.MustCompile(`^HTTP(?:/[0-9.]+)?\s+(\d{3})`)
	headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$`)
)

// examplePairs reads a page's request examples, each with the response
// example that follows it.
func examplePairs(page string, data []byte) []examplePair {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var out []examplePair
	var pending *examplePair
	for _, m := range annotation.FindAllStringSubmatchIndex(text, -1) {
		ann := text[m[2]:m[3]]
		kind := blockType.FindStringSubmatch(ann)
		if kind == nil {
			continue
		}
		f := fence.FindStringSubmatch(text[m[1]:])
		if f == nil {
			continue
		}
		line := strings.Count(text[:m[0]], "\n") + 1
		first, headers, body := splitMessage(f[1])
		switch kind[1] {
		case "request":
			p := examplePair{page: page, line: line, headers: headers}
			if n := blockName.FindStringSubmatch(ann); n != nil {
				p.name = n[1]
			}
			fields := strings.Fields(first)
			if len(fields) >= 2 {
				p.method, p.target, p.hasTarget = strings.ToUpper(fields[0]), strings.Join(fields[1:], " "), true
			}
			p.body = body
			p.bodyJSON = p.body == "" || json.Valid([]byte(p.body))
			pending = &p
		case "response":
			if pending == nil {
				continue
			}
			p := *pending
			pending = nil
			p.endLine = strings.Count(text[:m[1]+len(f[0])], "\n") + 1 // the fence's last line, after an annotation of several lines
			if s := statusLine.FindStringSubmatch(strings.TrimSpace(first)); s != nil {
				p.status, _ = strconv.Atoi(s[1])
			}
			p.response = body
			out = append(out, p)
		}
	}
	return out
}

// splitMessage splits an example's block into its first line, its
// headers (the lines of "Name: value" after it, blank lines between them
// and the first line allowed, as pages write them) and its body.
func splitMessage(block string) (first string, headers [][2]string, body string) {
	lines := strings.Split(strings.TrimSpace(block), "\n")
	first = strings.TrimSpace(lines[0])
	i := 1
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		m := headerLine.FindStringSubmatch(l)
		if m == nil {
			break
		}
		headers = append(headers, [2]string{m[1], strings.TrimSpace(m[2])})
	}
	return first, headers, strings.TrimSpace(strings.Join(lines[i:], "\n"))
}

// schemaOps is what the contract needs of the schema JSON.
type schemaOps struct {
	Operations []struct {
		GoName     string `json:"goName"`
		PathGoName string `json:"pathGoName"`
		PageGoName string `json:"pageGoName"`
		Requests   []struct {
			Method string `json:"method"`
			Path   string `json:"path"`
			GoName string `json:"goName"`
			Params []struct {
				Placeholder string `json:"placeholder"`
			} `json:"params"`
		} `json:"requests"`
	} `json:"operations"`
}

// pathTemplate is a documented path as a pattern of example paths.
type pathTemplate struct {
	op, call, ctor string
	method         string
	re             *regexp.Regexp
	// under matches the template after a prefix: a path documented
	// relative to what the example reaches it under (/workbook/... under
	// /me/drive/items/{id}), which the client reaches through its base URL.
	under   *regexp.Regexp
	literal int // characters outside placeholders: more is more specific
}

func pathTemplates(s schemaOps) []pathTemplate {
	var out []pathTemplate
	for _, o := range s.Operations {
		call := o.GoName
		if o.PageGoName != "" {
			call = o.PageGoName
		}
		seen := map[string]bool{}
		for _, r := range o.Requests {
			if seen[r.Method+" "+r.Path] {
				continue
			}
			seen[r.Method+" "+r.Path] = true
			ctor := r.GoName
			if o.PathGoName != "" && ctor == "" {
				continue
			}
			path := r.Path
			if !strings.HasPrefix(path, "/") {
				path = "/" + path
			}
			if len(path) > 1 {
				path = strings.TrimSuffix(path, "/") // as the client sends it
			}
			var b strings.Builder
			b.WriteString("(?i)^")
			literal := 0
			rest := path
			for _, p := range r.Params {
				i := strings.Index(rest, p.Placeholder)
				if i < 0 {
					continue
				}
				b.WriteString(regexp.QuoteMeta(rest[:i]))
				literal += i
				if strings.HasSuffix(rest[:i], ":/") {
					b.WriteString(`([^:]+?)`) // an item's path: slashes and all, up to the colon that ends it
				} else {
					b.WriteString(`([^/]+?)`) // a key or an argument: one segment
				}
				rest = rest[i+len(p.Placeholder):]
			}
			b.WriteString(regexp.QuoteMeta(rest) + "/?$")
			literal += len(rest)
			re, err := regexp.Compile(b.String())
			if err != nil {
				continue
			}
			under := regexp.MustCompile(`(?i)^(/.+?)` + strings.TrimPrefix(b.String(), "(?i)^"))
			out = append(out, pathTemplate{op: o.GoName, call: call, ctor: ctor, method: r.Method, re: re, under: under, literal: literal})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].literal > out[j].literal })
	return out
}

// splitTarget is an example's URL as path (decoded, after the version)
// and query options.
func splitTarget(target string) (path string, query [][2]string, ok bool) {
	t := target
	if i := strings.Index(t, "://"); i >= 0 {
		t = t[i+3:]
		j := strings.IndexByte(t, '/')
		if j < 0 {
			return "", nil, false
		}
		t = t[j:]
	}
	for _, v := range []string{"/v1.0", "/beta"} {
		if strings.HasPrefix(t, v+"/") {
			t = t[len(v):]
		}
	}
	rawPath, rawQuery, _ := strings.Cut(t, "?")
	p, err := url.PathUnescape(rawPath)
	if err != nil {
		p = rawPath
	}
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		k, _ = url.QueryUnescape(k)
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		query = append(query, [2]string{k, v})
	}
	return p, query, true
}

// contractResult is one pair's outcome.
type contractResult struct {
	Page, Name, Call, Result, Detail string
	Side                             string `json:",omitempty"` // a failure's: "page" or "tool"
}

// TestContractExamples generates a version folder's package with -client
// and runs every pair of its API pages through the client. The folder is
// en-2020-05/v1.0, or GRAPHGEN_CONTRACT (a corpus-relative folder such as
// en-2020-05/beta or localized-de-2019-03, or an absolute one). It prints
// the outcomes by cause, and those of the failures on pages gen validate
// finds mistakes in (the page's mistake) apart from the others (the
// tool's gap); GRAPHGEN_CONTRACT_OUT writes every outcome as JSON.
func TestContractExamples(t *testing.T) {
	skipGoTool(t)
	folder := os.Getenv("GRAPHGEN_CONTRACT")
	if folder == "" {
		folder = "en-2020-05/v1.0"
	}
	dir := folder
	if !filepath.IsAbs(dir) {
		dir = corpus.Require(t, append([]string{"corpus"}, strings.Split(folder, "/")...)...)
	}
	var mod string
	if slices.Contains(corpusFolders, folder) {
		mod, _ = corpusModule(t, folder) // the package TestCorpusFoldersBuild builds
	} else {
		mod = t.TempDir()
		code, stderr := gen(t, "-q", "-no-cache", "-client", "-in", dir, "-out", filepath.Join(mod, "models"), "-schema-out", filepath.Join(mod, "schema.json"))
		require.Equal(t, exitOK, code, stderr)
		writeFile(t, filepath.Join(mod, "go.mod"), "module gencheck\n\ngo 1.23\n")
	}
	raw, err := os.ReadFile(filepath.Join(mod, "schema.json"))
	require.NoError(t, err)
	var s schemaOps
	require.NoError(t, json.Unmarshal(raw, &s))
	tmpls := pathTemplates(s)

	// The pairs, and those that are no call of the client.
	pages, err := filepath.Glob(filepath.Join(dir, "api", "*.md"))
	require.NoError(t, err)
	var cases []contractCase
	var results []contractResult
	linesOf := map[string][2]int{}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		page := "api/" + filepath.Base(p)
		for _, pair := range examplePairs(page, data) {
			fail := func(result, detail string) {
				results = append(results, contractResult{Page: page, Name: pair.name, Result: result, Detail: detail})
				linesOf[page+"\x00"+pair.name+"\x00"+result] = [2]int{pair.line, pair.endLine}
			}
			path, query, ok := splitTarget(pair.target)
			switch {
			case !pair.hasTarget || !ok:
				fail("no-request-line", pair.target)
				continue
			case pair.status == 0:
				fail("no-status", "")
				continue
			}
			var match *pathTemplate
			var args []string
			for i := range tmpls {
				tm := &tmpls[i]
				if tm.method != pair.method {
					continue
				}
				if m := tm.re.FindStringSubmatch(path); m != nil {
					match, args = tm, m[1:]
					break
				}
			}
			prefix := ""
			for i := range tmpls {
				tm := &tmpls[i]
				if match != nil {
					break
				}
				if tm.method != pair.method {
					continue
				}
				if m := tm.under.FindStringSubmatch(path); m != nil {
					match, prefix, args = tm, m[1], m[2:]
				}
			}
			if match == nil {
				if !pageDocuments(data, pair.method, path) {
					// The example's path is none of those its own page's
					// HTTP request section gives: the page's mistake.
					fail("undocumented-path", pair.method+" "+path)
				} else {
					fail("no-operation", pair.method+" "+path)
				}
				continue
			}
			c := contractCase{Page: page, Name: pair.name, Method: pair.method, Path: path, Prefix: prefix, Query: query, Call: match.call, Ctor: match.ctor,
				Args: args, Status: pair.status, Response: pair.response, line: pair.line, endLine: pair.endLine}
			switch {
			case pair.bodyJSON && pair.body != "":
				c.Body = json.RawMessage(pair.body)
			case !pair.bodyJSON:
				c.RawBody = pair.body // sent as bytes where the method takes any body; else the page's JSON is broken
			}
			c.Headers = pair.headers
			cases = append(cases, c)
		}
	}
	for _, c := range cases {
		linesOf[c.Page+"\x00"+c.Name+"\x00"] = [2]int{c.line, c.endLine}
	}
	data, err := json.Marshal(cases)
	require.NoError(t, err)
	writeFile(t, filepath.Join(mod, "contract.json"), string(data))
	test, err := os.ReadFile(filepath.Join("testdata", "contract_test.go.txt"))
	require.NoError(t, err)
	writeFile(t, filepath.Join(mod, "models", "contract_test.go"), string(test)+pathFunctions(t, filepath.Join(mod, "models")))
	out, err := goInModule(t, mod, "test", "-count=1", "-run", "TestContract", "./models")
	require.NoError(t, err, "%s", out)
	got, err := os.ReadFile(filepath.Join(mod, "contract.out.json"))
	require.NoError(t, err)
	var ran []contractResult
	require.NoError(t, json.Unmarshal(got, &ran))
	require.Len(t, ran, len(cases))
	for i := range ran {
		linesOf[ran[i].Page+"\x00"+ran[i].Name+"\x00"+ran[i].Result] = [2]int{cases[i].line, cases[i].endLine}
	}
	results = append(results, ran...)

	// The failures on lines gen validate reports are the page's.
	var vout strings.Builder
	vcode := runValidate([]string{"-in", dir, "-diagnostics", "json", "-v"}, &vout, &vout) // -v: every warning, not those new since the last run
	require.NotEqual(t, exitUsage, vcode)
	reported := map[string][]int{}
	for _, l := range strings.Split(vout.String(), "\n") {
		var d struct {
			File string
			Line int
			Code string
		}
		if json.Unmarshal([]byte(l), &d) == nil && strings.Contains(filepath.ToSlash(d.File), "api/") && d.Code != "unresolved-path" {
			page := "api/" + filepath.Base(d.File) // the path is relative to -in's parent, or the working folder
			reported[page] = append(reported[page], d.Line)
		}
	}
	counts := map[string][2]int{} // result -> page's, tool's
	pass := 0
	for i, r := range results {
		if r.Result == "pass" {
			pass++
			continue
		}
		span := linesOf[r.Page+"\x00"+r.Name+"\x00"+r.Result]
		side := 1
		if r.Result == "undocumented-path" {
			side = 0
		}
		for _, l := range reported[r.Page] {
			if l >= span[0] && l <= span[1] {
				side = 0
			}
		}
		results[i].Side = [2]string{"page", "tool"}[side]
		c := counts[r.Result]
		c[side]++
		counts[r.Result] = c
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var report strings.Builder
	fmt.Fprintf(&report, "%s: %d pairs, %d pass (%.1f%%); failures: the page's (gen validate reports the example, or the page's own paths do not give its path), the tool's\n",
		folder, len(results), pass, 100*float64(pass)/float64(max(len(results), 1)))
	for _, k := range keys {
		fmt.Fprintf(&report, "  %-24s %4d page's %4d tool's\n", k, counts[k][0], counts[k][1])
	}
	t.Log("\n" + report.String())
	if p := os.Getenv("GRAPHGEN_CONTRACT_OUT"); p != "" {
		b, _ := json.MarshalIndent(results, "", " ")
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
	if folder == "en-2020-05/v1.0" {
		require.GreaterOrEqual(t, float64(pass)/float64(len(results)), contractFloor, "the share of v1.0 pairs that pass fell")
	}
}

// contractFloor is the share of en-2020-05/v1.0's pairs that passed when
// last measured (692 of 863, 80.2%), a little under it; the goal
// is 0.9.
const contractFloor = 0.79

// pathFunctions is Go source that maps every path function of the
// generated package by name, for the test to call by a case's Ctor.
func pathFunctions(t *testing.T, pkg string) string {
	var b strings.Builder
	b.WriteString("\nvar ctors = map[string]any{\n")
	src, err := os.ReadFile(filepath.Join(pkg, "operation_paths.go"))
	if err == nil {
		for _, m := range regexp.MustCompile(`(?m)^func ([A-Z]\w*)\(`).FindAllStringSubmatch(string(src), -1) {
			fmt.Fprintf(&b, "\t%q: models.%s,\n", m[1], m[1])
		}
	}
	b.WriteString("}\n")
	return b.String()
}

var anyKey = regexp.MustCompile(`\\\{[^}]*\}|<[^>]*>`)

// pageDocuments reports whether the page's own request lines (its HTTP
// request section, as the parser reads it: not the examples) give a path
// the example's matches, at its end (a workbook path under an item).
func pageDocuments(page []byte, method, path string) bool {
	p := parser.Parse("api/page.md", page, parser.Options{RootName: "api"})
	if p.Operation == nil {
		return false
	}
	for _, req := range p.Operation.Requests {
		if req.Method != method {
			continue
		}
		re := anyKey.ReplaceAllString(regexp.QuoteMeta(strings.TrimSuffix(req.Path, "/")), `[^/]+?`)
		if ok, _ := regexp.MatchString(`(?i)(^|/)`+strings.TrimPrefix(re, "/")+`/?$`, path); ok {
			return true
		}
	}
	return false
}

func TestPageDocuments(t *testing.T) {
	page := []byte("# Get messages\n\n## HTTP request\n```http\nGET /users/{id | userPrincipalName}/messages\nGET /workbook/worksheets/{id|name}/range(address='<address>')\n```\n\n## Example\n\n<!-- {\"blockType\": \"request\"} -->\n```http\nGET /me/mailFolders/inbox/messages\n```\n")
	require.True(t, pageDocuments(page, "GET", "/users/ada@contoso.com/messages"))
	require.False(t, pageDocuments(page, "GET", "/me/mailFolders/inbox/messages"), "an example's own path is no documented one")
	require.True(t, pageDocuments(page, "GET", "/me/drive/items/01/workbook/worksheets/Sheet1/range(address='A1:B2')"))
	require.False(t, pageDocuments(page, "GET", "/me/drive/items/01/workbook/names/x/range"))
	require.False(t, pageDocuments(page, "POST", "/users/ada/messages"))
}
