// Package openapi writes a resolved schema as an OpenAPI 3.1 document, as
// Microsoft's conversion from CSDL (microsoft/OpenAPI.NET.OData, with the
// msgraph-metadata conversion settings) writes one: a component schema per
// type, paths from the operations, typed responses and errors. It reads
// the schema only (no Markdown), renders in memory, and never runs a
// validator: the tests do. docs/openapi.md gives the mapping point by
// point.
//
// This file: the options, the report, and the document's assembly and
// encoding (JSON, or YAML from the same tree).
package openapi

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/docgen/graphgen/schema"
)

// Options configure the document.
type Options struct {
	// Version is info.version, and names the server (graph.microsoft.com/
	// Version) when the namespace is microsoft.graph; "" gives "1.0.0" and
	// no server.
	Version string
	YAML    bool // YAML instead of JSON
	// Whole is the schema a subset (-types) was taken from, if any: paths
	// are walked through its entry points and types, so that a key is
	// named after its type ({application-id}) also where the subset does
	// not hold that type, as in the whole document.
	Whole *schema.Schema
}

// Report says what the document holds, and what of the schema it could
// not hold.
type Report struct {
	Schemas    int // component schemas
	Paths      int
	Operations int
	// LeftOut lists what was left out, each with the reason, sorted.
	LeftOut []string
	// Merged lists the requests of several operations written as one
	// operation (one path and method), sorted.
	Merged []string
	// Requests says where each request written went, in the schema's
	// order of operations and requests.
	Requests []Written
}

// Written is where one request of an operation went in the document.
type Written struct {
	GoName      string // the schema operation's
	Method      string // as the schema has it (GET)
	Path        string // as the schema has it (/users/{id | userPrincipalName})
	Template    string // the document's path (/users/{user-id})
	OperationID string // of the operation written there (another's, when merged)
}

// String is the one-line summary of the report.
func (r Report) String() string {
	return fmt.Sprintf("%d schemas, %d paths, %d operations; %d merged (a path and method several operations document); %d left out",
		r.Schemas, r.Paths, r.Operations, len(r.Merged), len(r.LeftOut))
}

// obj is a JSON object of the document; encoding/json and the YAML writer
// both write its keys sorted.
type obj = map[string]any

// builder assembles one document.
type builder struct {
	s         *schema.Schema
	walk      *schema.Schema // the schema paths are walked through (Options.Whole, else s)
	schemas   obj            // components.schemas
	responses obj            // components.responses
	params    obj            // components.parameters
	paths     map[string]*pathItem
	shapes    map[string]string // a path's shape ({} for each parameter) -> the path written
	ids       map[string]bool   // operationIds taken, lower case
	report    Report
	// collections maps a type to the name of its collection response.
	collections map[string]string
	// The scopes the operations name, per kind of caller, for the
	// security scheme.
	delegated, application map[string]bool
	navByName              map[string][]*schema.Property // lower-case name -> navigation properties
	entries                map[string]*schema.EntryPoint // lower-case name -> entry point
	usesNumeric, usesCount bool
	queryOptions           map[string]bool // the query options (top, select...) the operations name
}

// Render renders the schema's document. The schema is the one the Go
// package is rendered from: with -types, the subset, and the operations it
// holds.
func Render(s *schema.Schema, o Options) ([]byte, Report, error) {
	b := &builder{s: s, schemas: obj{}, responses: obj{}, params: obj{}, paths: map[string]*pathItem{},
		shapes: map[string]string{}, ids: map[string]bool{}, collections: map[string]string{},
		delegated: map[string]bool{}, application: map[string]bool{}, queryOptions: map[string]bool{}}
	b.walk = s
	if o.Whole != nil {
		b.walk = o.Whole
	}
	doc := b.document(o)
	var out []byte
	var err error
	if o.YAML {
		out, err = encodeYAML(doc)
	} else {
		out, err = encodeJSON(doc)
	}
	if err != nil {
		return nil, Report{}, err
	}
	sort.Strings(b.report.LeftOut)
	sort.Strings(b.report.Merged)
	return out, b.report, nil
}

// document builds the whole tree: the types' schemas first, so that the
// operations know which types the document holds.
func (b *builder) document(o Options) obj {
	b.typeSchemas()
	b.operations()
	b.errorComponents()
	b.sharedComponents()
	ns := b.namespace()
	info := obj{"title": "OData Service for namespace " + ns, "version": "1.0.0"}
	doc := obj{"openapi": "3.1.0", "info": info}
	if versionName.MatchString(o.Version) {
		info["version"] = o.Version
		if ns == "microsoft.graph" {
			doc["servers"] = []any{obj{"url": "https://graph.microsoft.com/" + o.Version}}
		}
	}
	paths := obj{}
	for p, item := range b.paths {
		paths[p] = item.object()
	}
	doc["paths"] = paths
	comps := obj{"schemas": b.schemas}
	if len(b.responses) > 0 {
		comps["responses"] = b.responses
	}
	if len(b.params) > 0 {
		comps["parameters"] = b.params
	}
	if scheme := b.securityScheme(); scheme != nil {
		comps["securitySchemes"] = obj{securityName: scheme}
	}
	doc["components"] = comps
	b.report.Schemas, b.report.Paths = len(b.schemas), len(b.paths)
	return doc
}

// versionName is a version folder's name: v1.0, beta.
var versionName = regexp.MustCompile(`^(v[0-9]+(\.[0-9]+)*|beta)$`)

// namespace is the namespace most types are in (the smallest on a tie),
// for the title; "" for a schema without types.
func (b *builder) namespace() string {
	count := map[string]int{}
	for _, t := range b.s.Types {
		if i := strings.LastIndexByte(t.Name, '.'); i > 0 {
			count[t.Name[:i]]++
		}
	}
	best, n := "", 0
	for ns, c := range count {
		if c > n || c == n && ns < best {
			best, n = ns, c
		}
	}
	return best
}

// leave records something of the schema the document leaves out.
func (b *builder) leave(format string, args ...any) {
	b.report.LeftOut = append(b.report.LeftOut, fmt.Sprintf(format, args...))
}
