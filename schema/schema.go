// Package schema resolves the page models of all pages into one typed
// schema: qualified names, kinds, bases, own properties, enum members and
// every Go name. It knows nothing of Markdown (the parser read it) and
// renders nothing (the emitter does).
package schema

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// Kind is the kind of a type.
type Kind string

// The kinds of types.
const (
	Entity  Kind = "entity"
	Complex Kind = "complex"
	Enum    Kind = "enum"
)

// Schema is the resolved schema of a set of pages.
type Schema struct {
	Version int     `json:"version"`
	Types   []*Type `json:"types"` // sorted by qualified name
	// Operations and EntryPoints come from API pages (version 3); empty
	// when only resource pages were read. Operations are sorted by
	// goName, entry points by name.
	Operations  []*Operation      `json:"operations"`
	EntryPoints []*EntryPoint     `json:"entryPoints"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
	// Learned is what the folder taught about its own words (translated type
	// words, base phrases); absent when nothing was.
	Learned *Learned `json:"learned,omitempty"`
	// Overrides lists what an overrides file changed, each setting with
	// its file:line; absent when none was given.
	Overrides []*Override `json:"overrides,omitempty"`

	byName map[string]*Type
}

// Type is one entity, complex type or enum.
type Type struct {
	Name     string  `json:"name"` // qualified: microsoft.graph.user
	Kind     Kind    `json:"kind"`
	Base     *string `json:"base"` // qualified, null when none
	Abstract bool    `json:"abstract"`
	OpenType bool    `json:"openType,omitempty"`
	Flags    bool    `json:"flags,omitempty"`
	GoName   string  `json:"goName"`
	// GoInterface names the interface a struct with derived types gets
	// (AnyDirectoryObject): fields declared with the type have it, so they
	// hold the type or any type derived from it.
	GoInterface string      `json:"goInterface,omitempty"`
	Source      string      `json:"source"` // path:line where the definition starts
	Description string      `json:"description"`
	Properties  []*Property `json:"properties"` // own properties, in page order
	Members     []*Member   `json:"members"`    // enum members, in page order

	// Resolved links for the emitter; not part of the JSON format.
	BaseType    *Type   `json:"-"`
	Derived     []*Type `json:"-"` // direct subtypes, sorted by name
	FileName    string  `json:"-"` // the Go file this type is emitted to
	KeyProperty string  `json:"-"`

	pin        *Setting[string]  // the goName an override gives
	overridden map[string]string // aspect (base, goName) -> the override's file:line
}

// Property is one own property of a type.
type Property struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // Edm name or qualified type name; the element type for collections
	Collection  bool   `json:"collection"`
	Navigation  bool   `json:"navigation"`
	Nullable    bool   `json:"nullable"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	GoName      string `json:"goName"`
	Description string `json:"description"`
	Source      string `json:"source"` // path:line of the row (version 2)

	// Ref is the described type Type names, or nil for primitives and
	// types no page describes.
	Ref *Type `json:"-"`

	pin *Setting[string] // the goName an override gives
}

// Member is one enum member.
type Member struct {
	Name        string `json:"name"`
	Value       *int64 `json:"value"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	GoName      string `json:"goName"`
	Description string `json:"description"`
	Source      string `json:"source"` // path:line of the member's row, or of the list that named it (version 2)
}

// Version is the schema JSON format written: 2 gives every property and
// member its source position, 3 adds operations and entry points; versions
// 1 and 2 are still read.
const Version = 3

// AsMethod is the method that returns the struct part of a value held by
// its interface (AsDirectoryObject), or "" for a type without one.
func (t *Type) AsMethod() string {
	if t.GoInterface == "" {
		return ""
	}
	return "As" + t.GoName
}

// AnyJSON reports the type that stands for any JSON value
// (microsoft.graph.Json, whose page describes no properties): properties of
// the type hold raw JSON (json.RawMessage in Go), and it is no Go type of
// its own.
func (t *Type) AnyJSON() bool {
	return t.Kind != Enum && len(t.Properties) == 0 && t.BaseType == nil && len(t.Derived) == 0 && strings.EqualFold(t.Name, jsonTypeName)
}

// Lookup returns the type with the qualified name, or nil.
func (s *Schema) Lookup(name string) *Type { return s.byName[name] }

// JSON renders the schema in the -schema-out format.
func (s *Schema) JSON() ([]byte, error) {
	out := *s
	if out.Types == nil {
		out.Types = []*Type{}
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []diag.Diagnostic{}
	}
	if out.Operations == nil {
		out.Operations = []*Operation{}
	}
	if out.EntryPoints == nil {
		out.EntryPoints = []*EntryPoint{}
	}
	for _, o := range out.Operations {
		if o.Parameters == nil {
			o.Parameters = []*Parameter{}
		}
		if o.Requests == nil {
			o.Requests = []Request{}
		}
	}
	for _, t := range out.Types {
		if t.Properties == nil {
			t.Properties = []*Property{}
		}
		if t.Members == nil {
			t.Members = []*Member{}
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Counts returns the number of types and of enums.
func (s *Schema) Counts() (types, enums int) {
	for _, t := range s.Types {
		if t.Kind == Enum {
			enums++
		}
	}
	return len(s.Types), enums
}

// SourcePos is the diagnostic position of a Source ("path:line"): its
// line's first column, or no file for an empty Source.
func SourcePos(source string) diag.Pos {
	i := strings.LastIndexByte(source, ':')
	if i < 0 {
		if source == "" {
			return diag.NoFile
		}
		return diag.File(source)
	}
	line, err := strconv.Atoi(source[i+1:])
	if err != nil || line < 1 {
		return diag.File(source)
	}
	return diag.At(source[:i], line, 1)
}
