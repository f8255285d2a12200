// The API page extractor: reads the operation an API page documents, block
// by block, beside the resource extractor and with the same block reader
// and language data. Structure decides first: the request syntax is the
// code outside the examples whose lines are METHOD /path; localized pages
// anchor every section in English; annotations and link targets are never
// translated.

package parser

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/lang"
)

// apiExtractor reads one API page.
type apiExtractor struct {
	words
	src  *Source
	page *Page
	opts Options
	op   *OperationDoc

	section      lang.APISection
	sectionLevel int // the level of the heading that opened the section
	// annotation is the example annotation that introduces the next code
	// block: "request" or "response", with its JSON.
	annotation     string
	annotationJSON *JSONValue
	proseResponse  TypeExpr // the response section's type, from its prose
	bodyResponse   TypeExpr // the type the response example's JSON shows
	bodyValues     bool     // a response example's body is a "value" array
	// afterRequest: the last code block was a request example, whose body
	// the next block may hold.
	afterRequest bool
	sawTitle     bool
	// responseExamples counts the response examples, responseBodies
	// those that show a JSON body or annotate a type.
	responseExamples, responseBodies int
	// sectionBodyKeys are the keys of the request body section's first
	// unannotated JSON block (bodyFromSection).
	sectionBodyKeys []ParamDoc
}

// httpMethods are the methods a request syntax line may start with.
var httpMethods = []string{"GET", "POST", "PATCH", "PUT", "DELETE"}

// pageKinds tells an API page by its structure: request syntax under a
// request heading, or beside a permissions table (overviews and resource
// pages show requests too, but neither). doc_type apiPageType alone makes
// it one too, so that a page without request syntax is reported. A page
// with a resource annotation describes a type as well (an action's page
// that shows the resource it returns); one that is no API page is read as
// a resource page.
func pageKinds(blocks []block, docType string, w words) (api, resource bool) {
	syntax, underHeading, permissions := false, false, false
	section := lang.APINone
	annotated := ""
	for i := range blocks {
		b := &blocks[i]
		switch b.Kind {
		case blockHeading:
			section = w.APISection(b.Inl.Text, b.Inl.Anchor)
		case blockTable:
			permissions = permissions || section == lang.APIPermissions || permissionsShaped(b)
		case blockComment:
			_, _, kind, _, ok := annotation(b)
			resource = resource || ok && kind == "resource"
			annotated = ""
			if ok {
				annotated = kind
			}
		case blockCode:
			lines := requestLines(b.Content)
			plain := annotated != "request" && annotated != "response" && len(lines) > 0
			// An annotated request under the request heading, written
			// without a host, is the syntax too.
			annotatedSyntax := annotated == "request" && section == lang.APIRequest && len(lines) > 0 && !lines[0].full
			if plain || annotatedSyntax {
				syntax = true
				underHeading = underHeading || section == lang.APIRequest
			}
			annotated = ""
		}
	}
	api = syntax && (underHeading || permissions) || !resource && strings.EqualFold(strings.Trim(docType, "\"' "), "apiPageType")
	return api, resource || !api
}

// parseOperation reads an API page's operation into p.
func parseOperation(src *Source, blocks []block, p *Page, opts Options, w words) {
	e := &apiExtractor{words: w, src: src, page: p, opts: opts, op: &OperationDoc{Pos: Position{Line: 1, Col: 1}}}
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != blockComment && b.Kind != blockCode {
			e.annotation, e.annotationJSON = "", nil
		}
		switch b.Kind {
		case blockHeading:
			e.heading(b)
		case blockParagraph:
			e.paragraph(b)
		case blockTable:
			e.table(b)
		case blockComment:
			e.comment(b)
		case blockCode:
			e.code(b)
			e.annotation, e.annotationJSON = "", nil
		}
	}
	e.bodyFromSection()
	if s := e.op.Response.Status; (s == 202 || s == 204) && e.responseExamples > 0 && e.responseBodies == 0 {
		// Nothing is returned: the prose's link names what a Location
		// header points to (team-archive.md's teamsAsyncOperation), and
		// every response example shows no body.
		e.proseResponse = TypeExpr{}
	}
	if !e.op.Response.Annotated {
		switch {
		case e.bodyResponse.Name != "" || e.bodyResponse.Collection && e.bodyResponse.Primitive != "":
			e.op.Response.Type = e.bodyResponse // @odata.context names it
		case e.proseResponse.Known():
			// The prose's link names the type; a response example whose
			// body is a "value" array says it is a collection, in any
			// language ("eine [mobileApp](...) -Auflistung").
			e.op.Response.Type = e.proseResponse
			e.op.Response.Type.Collection = e.proseResponse.Collection || e.bodyValues
		default:
			e.op.Response.Type = e.bodyResponse
		}
	}
	if len(e.op.Requests) == 0 {
		e.page.Diags.Warn(e.op.Pos.At(p.Path), diag.NoRequestSyntax, "API page has no request syntax (a METHOD /path line outside the examples); no operation read")
	}
	p.Operation = e.op
}

func (e *apiExtractor) pos(off int) Position { return e.src.Pos(off) }

func (e *apiExtractor) heading(b *block) {
	for _, l := range b.Inl.Links {
		if strings.HasPrefix(l.Dest, "#tab/") {
			return // "# [HTTP](#tab/http)": a tab of the examples, no section
		}
	}
	if b.Level == 1 && !e.sawTitle {
		e.sawTitle = true
		e.op.Pos = e.pos(b.Off)
		return
	}
	sec := e.APISection(b.Inl.Text, b.Inl.Anchor)
	// A deeper heading stays in its section: "### For applications" in
	// the permissions, "##### Response 1" in the examples.
	if e.sectionLevel > 0 && b.Level > e.sectionLevel && (e.section == lang.APIExamples || sec == lang.APIOther) {
		return
	}
	e.section, e.sectionLevel = sec, b.Level
}

func (e *apiExtractor) comment(b *block) {
	v, _, kind, _, ok := annotation(b)
	if !ok {
		return
	}
	e.annotation, e.annotationJSON = kind, v
}

// code reads request syntax outside the examples, and the types the
// example annotations name.
func (e *apiExtractor) code(b *block) {
	kind := e.annotation
	if (kind == "" || kind == "ignored") && statusLine(b.Content) > 0 {
		// "HTTP/1.1 200 OK" without an annotation, or with one that keeps
		// it out of the examples' checks: still what the call returns.
		kind = "response"
	}
	switch {
	case kind == "request" || kind == "response":
		e.exampleValues(b, kind == "request")
	case (kind == "" || kind == "ignored") && e.section == lang.APIExamples:
		// An example request without its annotation, or one the page
		// keeps out of its checks: a request line and a body.
		if len(requestLines(b.Content)) > 0 {
			e.exampleValues(b, true)
			e.exampleRequests(b)
			e.requestKeys(b)
		}
	}
	requestLike := len(requestLines(b.Content)) > 0
	if kind == "" && !requestLike && e.section == lang.APIExamples && e.afterRequest {
		// A request example's body in a block of its own, after its
		// request line ("##### Request body", then a json block).
		e.requestKeys(b)
	}
	if kind == "" && !requestLike && e.section == lang.APIBody && e.sectionBodyKeys == nil {
		e.sectionBodyKeys = e.bodyKeys(b)
	}
	if kind == "" && !requestLike && e.section == lang.APIResponse && e.op.Response.Keys == nil {
		// The response section's own JSON (driveitem-preview.md: getUrl,
		// postParameters, postUrl, and no example).
		if text, at := jsonBody(b.Content); at >= 0 {
			v, _ := ParseJSONish(text)
			e.op.Response.Keys = objectKeys(v)
		}
	}
	e.afterRequest = kind == "request" || (kind == "" || kind == "ignored") && e.section == lang.APIExamples && requestLike
	switch kind {
	case "request":
		if e.section == lang.APIExamples || e.section == lang.APINone {
			e.exampleRequests(b)
		}
		e.op.SideEffectFree = e.op.SideEffectFree || annotatedTrue(e.annotationJSON, "isComposable") || annotatedTrue(e.annotationJSON, "idempotent")
		e.requestKeys(b)
		if !e.op.Body.Known() {
			if t, ok := annotatedType(e.annotationJSON); ok {
				e.op.Body, e.op.BodyPos = t, e.pos(b.Off)
			}
		}
		if e.section == lang.APIExamples || e.section == lang.APINone {
			return
		}
		// A request outside the examples written with a path and no host
		// (GET /me/drive) is the syntax, annotated or not.
		for _, l := range requestLines(b.Content) {
			if !l.full {
				e.op.Requests = append(e.op.Requests, RequestDoc{Method: l.method, Path: l.path, Pos: e.pos(b.ContentOff + l.off)})
			}
		}
		return
	case "response":
		// The example's body, read once: nil where it shows none.
		var body *JSONValue
		text, bodyAt := jsonBody(b.Content)
		hasBody := bodyAt >= 0
		if hasBody {
			body, _ = ParseJSONish(text)
		}
		// A 204 No Content returns nothing, whatever its annotation says
		// (application-removepassword.md annotates passwordCredential).
		noContent := !hasBody && statusLine(b.Content) == 204
		// The first annotated type, unless it is a stream and a later
		// example names a type (a report as CSV, then as JSON).
		if t, ok := annotatedType(e.annotationJSON); ok && !noContent && !(t.Primitive != "" && objectValue(body)) && (!e.op.Response.Annotated || e.op.Response.Type.Primitive == "Edm.Stream" && t.Name != "") {
			if !t.Collection && t.Name != "" && hasBody {
				t.Collection = valueArray(body)
			}
			e.op.Response.Type, e.op.Response.Annotated = t, true
			if e.op.Response.Pos.Line == 0 {
				e.op.Response.Pos = e.pos(b.Off)
			}
		}
		if e.op.Response.Status == 0 {
			e.op.Response.Status = statusLine(b.Content)
		}
		e.responseExamples++
		if hasBody || e.op.Response.Annotated {
			e.responseBodies++
		}
		if e.op.Response.Keys == nil && !noContent && statusLine(b.Content) < 400 {
			e.op.Response.Keys = objectKeys(body) // not an error's body
		}
		if !e.op.Response.Annotated && !e.bodyResponse.Known() && hasBody {
			e.bodyResponse = e.responseBodyType(body)
			e.bodyValues = e.bodyValues || valueArray(body)
		}
		return
	}
	if e.section == lang.APIExamples {
		return
	}
	for _, l := range requestLines(b.Content) {
		if !l.foreign {
			e.op.Requests = append(e.op.Requests, RequestDoc{Method: l.method, Path: l.path, Pos: e.pos(b.ContentOff + l.off)})
		}
	}
}

// requestKeys keeps the top-level keys of the first request example's
// JSON body, each with the type its value shows.
func (e *apiExtractor) requestKeys(b *block) {
	if e.op.RequestKeys == nil {
		e.op.RequestKeys = e.bodyKeys(b)
	}
}

// bodyKeys are the top-level keys of a block's JSON body, each with the
// type its value shows; nil when the block holds no JSON object.
func (e *apiExtractor) bodyKeys(b *block) []ParamDoc {
	text, at := jsonBody(b.Content)
	if at < 0 {
		return nil
	}
	v, _ := ParseJSONish(text)
	if v == nil || v.Kind != JSONObject {
		return nil
	}
	base := b.ContentOff + at
	keys := []ParamDoc{}
	for _, f := range v.Keys {
		keys = append(keys, ParamDoc{Name: f.Name, Type: e.jsonPlaceholderType(f.Value), Place: ParamBody, Pos: e.pos(base + f.KeyOffset)})
	}
	return keys
}

// bodyFromSection makes the request body section's JSON the body's keys
// where neither a table row nor a request example shows the body
// (team-archive.md: {"shouldSetSpoSiteReadOnlyForMembers": true}, its
// example sending none). Where rows list the body, the section's JSON may
// be something else (an object one parameter holds).
func (e *apiExtractor) bodyFromSection() {
	if e.op.RequestKeys != nil || e.sectionBodyKeys == nil || slices.ContainsFunc(e.op.Parameters, func(d ParamDoc) bool { return d.Place == ParamBody }) {
		return
	}
	e.op.RequestKeys = e.sectionBodyKeys
}

// maxExampleRequests bounds the example request lines one page keeps.
const maxExampleRequests = 64

// exampleRequests keeps a request example's "METHOD path" lines.
func (e *apiExtractor) exampleRequests(b *block) {
	for _, l := range requestLines(b.Content) {
		if len(e.op.ExampleRequests) >= maxExampleRequests {
			return
		}
		if l.foreign {
			continue
		}
		e.op.ExampleRequests = append(e.op.ExampleRequests, RequestDoc{Method: l.method, Path: l.path, Pos: e.pos(b.ContentOff + l.off)})
	}
}

// annotatedTrue: the annotation has the key with the value true (a JSON
// true or the string "true").
func annotatedTrue(v *JSONValue, key string) bool {
	if v == nil {
		return false
	}
	x := v.Get(key)
	return x != nil && (x.Kind == JSONBool || x.Kind == JSONString) && strings.EqualFold(x.Str, "true")
}

// maxExampleValues bounds the names one page's examples give.
const maxExampleValues = 256

// exampleValues keeps the names an example's JSON body gives as string
// values (`"visibility": "Public"`), and its date and time literals, each with the keys that lead to it
// from the body or from the nearest object that names its @odata.type.
func (e *apiExtractor) exampleValues(b *block, request bool) {
	text, at := jsonBody(b.Content)
	if at < 0 {
		return
	}
	v, _ := ParseJSONish(text)
	base := b.ContentOff + at
	var walk func(v *JSONValue, typ string, path []string)
	add := func(s *JSONValue, typ string, path []string) {
		if len(e.op.Examples) >= maxExampleValues {
			return
		}
		temporal := TemporalShape(s.Str)
		if temporal != "" || e.exampleName(s.Str) {
			e.op.Examples = append(e.op.Examples, ExampleValue{Request: request, Type: typ, Path: append([]string(nil), path...), Value: s.Str, Temporal: temporal, Pos: e.pos(base + s.Offset)})
		}
	}
	walk = func(v *JSONValue, typ string, path []string) {
		if v == nil || v.Kind != JSONObject {
			return
		}
		if t := v.Get("@odata.type"); t != nil && t.Kind == JSONString && strings.TrimSpace(t.Str) != "" {
			typ, path = strings.TrimPrefix(strings.TrimSpace(t.Str), "#"), nil
		}
		for _, f := range v.Keys {
			if strings.HasPrefix(f.Name, "@") || strings.Contains(f.Name, "@") {
				continue // annotations: @odata.type, @odata.context, x@odata.bind
			}
			at := append(path[:len(path):len(path)], f.Name)
			switch f.Value.Kind {
			case JSONString:
				add(f.Value, typ, at)
			case JSONObject:
				walk(f.Value, typ, at)
			case JSONArray:
				for _, it := range f.Value.Items {
					switch it.Kind {
					case JSONString:
						add(it, typ, at)
					case JSONObject:
						walk(it, typ, append(at, "*"))
					}
				}
			}
		}
	}
	walk(v, "", nil)
}

// exampleName reports a string value that may be a member's name, or a
// flags value's names separated by commas ("apps,tabs,channels"): each an
// identifier that is no type word ("String") and no literal.
func (e *apiExtractor) exampleName(s string) bool {
	if len(s) > 256 {
		return false
	}
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		switch strings.ToLower(n) {
		case "true", "false", "null":
			return false
		}
		if len(n) > 64 || !IsIdentifier(n) {
			return false
		}
		if prim, _ := e.Primitive(strings.ToLower(n)); prim != "" {
			return false
		}
	}
	return true
}

// annotatedType reads an example annotation's @odata.type (or @type) and isCollection.
func annotatedType(v *JSONValue) (TypeExpr, bool) {
	if v == nil {
		return TypeExpr{}, false
	}
	at := v.Get("@odata.type")
	if at == nil {
		at = v.Get("@type") // as some pages write it, resource annotations too
	}
	if at == nil || strings.TrimSpace(at.Str) == "" {
		return TypeExpr{}, false
	}
	name := strings.TrimPrefix(strings.TrimSpace(at.Str), "#")
	if noType[strings.ToLower(ShortName(name))] {
		return TypeExpr{}, false // "@odata.type": "None": no body
	}
	t := TypeExpr{Raw: name, Collection: truthy(v.Get("isCollection"))}
	if inner, ok := collectionOf(name); ok {
		name, t.Collection = inner, true
	}
	if strings.Contains(name, ".") && !strings.HasPrefix(strings.ToLower(name), "edm.") {
		t.Name = name
	} else {
		defaultWords.parseTypeWords(&t, strings.TrimPrefix(strings.ToLower(name), "edm."))
		if t.Primitive == "" {
			t.Name = name
		}
	}
	return t, true
}

// noType are the annotation values that say a body has no type: the
// annotation's own vocabulary, English in every language.
var noType = map[string]bool{"none": true, "null": true, "void": true}

// responseBodyType reads the type a response example's JSON shows: the
// type its @odata.context names ($metadata#Edm.String,
// $metadata#Collection(microsoft.graph.x)), or a primitive "value" (true,
// "string", ["a", "b"]). Objects say nothing here: their type is the
// annotation's or the prose's.
func (e *apiExtractor) responseBodyType(v *JSONValue) TypeExpr {
	if v == nil || v.Kind != JSONObject {
		return TypeExpr{}
	}
	if c := v.Get("@odata.context"); c != nil && c.Kind == JSONString {
		if _, frag, ok := strings.Cut(c.Str, "$metadata#"); ok {
			frag = strings.TrimSuffix(frag, "/$entity")
			t := TypeExpr{Raw: frag}
			if inner, ok := collectionOf(frag); ok {
				frag, t.Collection = inner, true
			}
			switch {
			case strings.HasPrefix(frag, "Edm."):
				t.Primitive = frag
				return t
			case strings.HasPrefix(frag, "microsoft.graph.") && IsIdentifier(ShortName(frag)) && !strings.ContainsAny(frag, "/()"):
				t.Name = frag
				return t
			}
		}
	}
	value := v.Get("value")
	if value == nil || value.Kind == JSONObject || value.Kind == JSONNull {
		return TypeExpr{}
	}
	t := e.jsonPlaceholderType(value)
	if t.Primitive == "" {
		return TypeExpr{}
	}
	return t
}

// objectKeys are the keys of a JSON object that is no "value" wrapper,
// without its @-annotations; nil for anything else.
func objectKeys(v *JSONValue) []string {
	if !objectValue(v) {
		return nil
	}
	var keys []string
	for _, f := range v.Keys {
		if !strings.Contains(f.Name, "@") && len(keys) < maxResponseKeys {
			keys = append(keys, f.Name)
		}
	}
	return keys
}

// maxResponseKeys bounds the keys a response body gives.
const maxResponseKeys = 64

// valueArray reports a response body that is a collection: an object
// whose only member besides the @-annotations is a "value" array.
func valueArray(v *JSONValue) bool {
	if v == nil || v.Kind != JSONObject {
		return false
	}
	found := false
	for _, f := range v.Keys {
		switch {
		case f.Name == "value" && f.Value != nil && f.Value.Kind == JSONArray:
			found = true
		case strings.Contains(f.Name, "@"):
		default:
			return false
		}
	}
	return found
}

type requestLine struct {
	method, path string
	off          int  // of the line in the block's content
	full         bool // written as a URL with its host
	foreign      bool // a URL whose host is not the API's: no operation's
}

// requestLines reads the "METHOD path" lines of a code block: the path
// without the service root (https://graph.microsoft.com/v1.0) and without
// its query.
func requestLines(content string) []requestLine {
	var out []requestLine
	off := 0
	for _, line := range strings.SplitAfter(content, "\n") {
		at := off
		off += len(line)
		t := strings.TrimSpace(line)
		method, rest, ok := strings.Cut(t, " ")
		if !ok || !slices.Contains(httpMethods, method) {
			continue
		}
		p := strings.TrimSpace(rest)
		full, foreign := false, false
		if i := strings.Index(p, "://"); i >= 0 {
			full = true
			// A full URL: the path after the host and the version.
			p = p[i+3:]
			slash := strings.IndexByte(p, '/')
			if slash < 0 {
				continue
			}
			// Another service's address (https://www.onedrive.com/embed_by_post,
			// a bot's callback, an upload URL) is no request to the API.
			foreign = !strings.Contains(strings.ToLower(p[:slash]), "graph")
			p = p[slash:]
			if parts := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 2); len(parts) == 2 && (parts[0] == "v1.0" || parts[0] == "beta") {
				p = "/" + parts[1]
			}
		}
		if f := strings.Fields(p); len(f) > 0 && !strings.Contains(p, "{") {
			p = f[0] // "GET /me HTTP/1.1"
		}
		p = cutQuery(p)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		if len(p) < 2 || !isPathStart(p[1]) {
			continue
		}
		out = append(out, requestLine{method: method, path: p, off: at + len(line) - len(strings.TrimLeft(line, " \t")), full: full, foreign: foreign})
	}
	return out
}

// isPathStart: a path's first segment starts with a letter, $ or a key.
func isPathStart(c byte) bool { return isLetter(c) || c == '$' || c == '{' }

// cutQuery removes the query string: the first '?' outside parentheses
// and braces.
func cutQuery(p string) string {
	depth := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '(', '{':
			depth++
		case ')', '}':
			if depth > 0 {
				depth--
			}
		case '?':
			if depth == 0 {
				return strings.TrimSpace(p[:i])
			}
		}
	}
	return strings.TrimSpace(p)
}

// statusLine reads the status code of a response example ("HTTP/1.1 200 OK").
func statusLine(content string) int {
	line, _, _ := strings.Cut(strings.TrimSpace(content), "\n")
	f := strings.Fields(line)
	if len(f) >= 2 && strings.HasPrefix(f[0], "HTTP/") {
		if n, err := strconv.Atoi(f[1]); err == nil {
			return n
		}
	}
	return 0
}

func (e *apiExtractor) paragraph(b *block) {
	switch e.section {
	case lang.APINone:
		// The first paragraph after the title says what the operation
		// does; the Namespace line, notes ("> [!NOTE]") and includes do
		// not.
		text := strings.TrimSpace(b.Inl.Text)
		if !e.sawTitle || e.op.Description != "" || b.Quote || text == "" || strings.HasPrefix(text, "[!") {
			break
		}
		if _, ok := e.NamespaceValue(text); ok {
			break
		}
		if _, ok := namespaceLine(text); !ok {
			e.op.Description = text
		}
	case lang.APIBody:
		if !e.op.Body.Known() {
			if l, ok := e.pageLink(b.Inl.Links); ok {
				e.op.Body = e.linkedType(l, b.Inl.Text)
				e.op.BodyPos = e.pos(b.Off)
			}
		}
	case lang.APIResponse:
		if e.op.Response.Status == 0 {
			for _, c := range b.Inl.Codes {
				if n := statusCode(c); n > 0 {
					e.op.Response.Status = n
					e.op.Response.Pos = e.pos(b.Off)
					break
				}
			}
		}
		if !e.proseResponse.Known() {
			if l, ok := e.pageLink(b.Inl.Links); ok {
				e.proseResponse = e.linkedType(l, b.Inl.Text)
				if e.op.Response.Pos.Line == 0 {
					e.op.Response.Pos = e.pos(b.Off)
				}
			} else if t, ok := edmNamed(b); ok {
				e.proseResponse = t
			}
		}
	}
}

// linkedType is the type a prose link names, its link resolved against
// the input root; a collection where the sentence says so.
func (e *apiExtractor) linkedType(l Link, sentence string) TypeExpr {
	return TypeExpr{Raw: l.Text, Name: e.lastIdentifier(l.Text), Link: resolveLink(e.page.Path, e.opts.RootName, l.Dest), Collection: e.MentionsCollection(sentence)}
}

// pageLink returns the first link to a page of types (not to an article,
// an anchor or another API page).
func (e *apiExtractor) pageLink(links []Link) (Link, bool) {
	for _, l := range links {
		if !isPageLink(l.Dest) || strings.HasPrefix(l.Dest, "#") {
			continue
		}
		target := resolveLink(e.page.Path, e.opts.RootName, l.Dest)
		if target == "" || (e.page.Path != "" && path.Dir(target) == path.Dir(e.page.Path)) {
			continue // a link to another API page
		}
		return l, true
	}
	return Link{}, false
}

// statusCode reads "200 OK" (a code span of the response prose).
func statusCode(s string) int {
	f := strings.Fields(s)
	if len(f) == 0 || len(f[0]) != 3 {
		return 0
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 100 || n > 599 {
		return 0
	}
	return n
}

func (e *apiExtractor) table(b *block) {
	if len(b.Rows) > maxTableRows || len(b.Header.Cells) < 2 {
		return
	}
	if e.op.Permissions == nil && (e.section == lang.APIPermissions || permissionsShaped(b)) {
		e.permissions(b)
		return
	}
	switch e.section {
	case lang.APIBody, lang.APIParameters:
		e.parameters(b, ParamBody)
	case lang.APIFunctionParameters:
		e.parameters(b, ParamFunction)
	case lang.APIPathParameters:
		e.parameters(b, ParamPath)
	case lang.APIQueryParameters:
		e.parameters(b, ParamQuery)
	}
}

// permissions reads the permissions table: a row's kind from its words
// where the language data has them, else from its place (work or school,
// personal, application: the order every page keeps).
func (e *apiExtractor) permissions(b *block) {
	perms := &PermissionsDoc{Pos: e.pos(b.Off)}
	for i, r := range b.Rows {
		kind := e.PermissionRow(strings.ToLower(cellAt(r, 0).Text))
		if kind == lang.UnknownPermission {
			kind = lang.PermissionKind(i + 1)
		}
		var text strings.Builder
		for _, c := range r.Cells[1:] {
			text.WriteString(c.Text)
			text.WriteByte(' ')
		}
		scopes := permissionScopes(text.String())
		switch kind {
		case lang.DelegatedWork:
			perms.DelegatedWork = appendNew(perms.DelegatedWork, scopes)
		case lang.DelegatedPersonal:
			perms.DelegatedPersonal = appendNew(perms.DelegatedPersonal, scopes)
		case lang.Application:
			perms.Application = appendNew(perms.Application, scopes)
		}
	}
	e.op.Permissions = perms
}

// permissionsShaped tells a permissions table under a heading no data
// names ("Prerequisites"): two columns, one to three rows, and scopes in
// the second.
func permissionsShaped(b *block) bool {
	if len(b.Header.Cells) != 2 || len(b.Rows) == 0 || len(b.Rows) > 3 {
		return false
	}
	for _, r := range b.Rows {
		if len(permissionScopes(cellAt(r, 1).Text)) > 0 {
			return true
		}
	}
	return false
}

// appendNew appends the scopes to list, keeping the order, once each; a
// row that lists none is an empty list, not nil.
func appendNew(list, scopes []string) []string {
	if list == nil {
		list = []string{}
	}
	for _, s := range scopes {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// permissionScopes returns the scopes a cell lists: the dotted names
// (Mail.Send, User.Read.All) whose parts are two characters or more and
// that start in upper case. What else the cell says ("Not supported.", in
// any language) is no scope.
func permissionScopes(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '(' || r == ')' || r == '*' }) {
		f = strings.TrimRight(f, ".:")
		if isScope(f) {
			out = append(out, f)
		}
	}
	return out
}

func isScope(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || !isUpper(s[0]) {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if c := p[i]; !isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' {
				return false
			}
		}
	}
	return true
}

// parameters reads a parameter table: the name in the first column, the
// type where the header says (else the second), "Required" or "Optional"
// where any cell of the row says it.
func (e *apiExtractor) parameters(b *block, place ParamPlace) {
	typeCol := columnIndexIn(e.words, b.Header, 1, lang.TypeColumn)
	descCol := columnIndexIn(e.words, b.Header, len(b.Header.Cells)-1, lang.DescriptionColumn)
	for _, r := range b.Rows {
		nameCell := cellAt(r, 0)
		name := e.propertyName(nameCell)
		if name == "" || (place != ParamQuery && !IsIdentifier(name)) {
			continue
		}
		p := ParamDoc{Name: name, Place: place, Pos: e.pos(nameCell.Off)}
		// Where one column holds both (a table of name and one more), it
		// is a type only when shaped as one: a sentence is a description
		// (| period | Either `D7` or `D30` |).
		if typeCol != descCol || typeCol == 1 && typeShaped(cellAt(r, typeCol)) {
			p.Type = e.parseTypeCell(cellAt(r, typeCol))
			if p.Type.Link != "" {
				p.Type.Link = resolveLink(e.page.Path, e.opts.RootName, p.Type.Link)
			}
		}
		if descCol != typeCol {
			p.Description = cellAt(r, descCol).Text
			p.PossibleValues = e.possibleValues(cellAt(r, descCol))
		}
		for i, c := range r.Cells {
			if i == 0 || i == typeCol {
				continue
			}
			if req, known := e.SaysRequired(strings.ToLower(c.Text)); known {
				p.Required = Optional
				if req {
					p.Required = Required
				}
				break
			}
		}
		e.op.Parameters = append(e.op.Parameters, p)
	}
}

// columnIndexIn returns the first column after the first whose header
// names column kind c, or def.
func columnIndexIn(w words, h tableRow, def int, c lang.Column) int {
	for i, cell := range h.Cells {
		if i > 0 && w.IsColumn(c, strings.ToLower(cell.Text)) {
			return i
		}
	}
	return def
}

// edmSpellings are the primitive types as the schema spells them, which
// a response's prose may name without a link in any language ("a Stream
// in the response body"). Words that are also common nouns (Date, Time,
// Duration, Single) are not among them.
var edmSpellings = map[string]string{
	"Stream": "Edm.Stream", "String": "Edm.String", "Boolean": "Edm.Boolean",
	"Int16": "Edm.Int16", "Int32": "Edm.Int32", "Int64": "Edm.Int64", "Double": "Edm.Double",
	"DateTimeOffset": "Edm.DateTimeOffset", "Guid": "Edm.Guid", "Binary": "Edm.Binary", "TimeOfDay": "Edm.TimeOfDay",
}

// edmNamed is the primitive type a response paragraph names by its
// schema spelling, where the paragraph gives the status code too (the
// sentence that says what is returned): one spelling only, else none.
func edmNamed(b *block) (TypeExpr, bool) {
	status := false
	for _, c := range b.Inl.Codes {
		status = status || statusCode(c) > 0
	}
	if !status {
		return TypeExpr{}, false
	}
	found := ""
	for _, word := range strings.FieldsFunc(b.Inl.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if edm, ok := edmSpellings[word]; ok {
			if found != "" && found != edm {
				return TypeExpr{}, false
			}
			found = edm
		}
	}
	if found == "" {
		return TypeExpr{}, false
	}
	return TypeExpr{Raw: found, Primitive: found}, true
}

// objectValue reports a response example's body that is a JSON object
// holding no "value": no primitive, which an annotation may still say it
// is (group-evaluatedynamicmembership.md annotates "string", isCollection,
// and shows an evaluateDynamicMembershipResult); the body is what was
// returned.
func objectValue(v *JSONValue) bool {
	return v != nil && v.Kind == JSONObject && len(v.Keys) > 0 && v.Get("value") == nil
}

// typeShaped reports a cell that may be a type: a link, or at most three
// words ("String collection", "Edm.Int32", "microsoft.graph.x").
func typeShaped(c inline) bool {
	return len(c.Links) > 0 || len(strings.Fields(c.Text)) <= 3
}
