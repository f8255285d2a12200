package schema

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// Validate checks JSON examples against the schema and returns one error
// diagnostic per mistake, positioned at the offending key or value.
// Representation blocks (Kind "resource") hold placeholders ("String",
// "String (timestamp)", 1024): any string is accepted where the schema has
// a string-like type, and formats are not checked; request and response
// examples hold real values, which must be in the service's formats.
func (s *Schema) Validate(examples []parser.Example) diag.List {
	c := s.Check(examples)
	all := append(append(append(diag.List(nil), c.Mistakes...), c.Causes...), c.Explained...)
	all.Sort()
	return all
}

// Validation is what checking examples found: the mistakes, and the root
// causes that explain some of them at a resource page (missing-base),
// with the mistakes each explains kept apart.
type Validation struct {
	Mistakes  diag.List // each mistake no cause explains
	Causes    diag.List // one per root cause, at the resource page
	Explained diag.List // the mistakes the causes explain
}

// Check checks the examples as Validate does, grouping what a root cause
// explains.
func (s *Schema) Check(examples []parser.Example) Validation {
	v := newValidator(s)
	for i := range examples {
		v.example(&examples[i])
	}
	out := v.rootCauses()
	out.Mistakes.Sort()
	out.Causes.Sort()
	out.Explained.Sort()
	return out
}

func newValidator(s *Schema) *validator {
	v := &validator{s: s, lower: map[string]*Type{}}
	for _, t := range s.Types {
		v.lower[strings.ToLower(t.Name)] = t
	}
	return v
}

type validator struct {
	s     *Schema
	lower map[string]*Type
	diags diag.List
	ex    *parser.Example
	place bool // placeholders allowed (representation blocks)
	// unknown records each unknown-property mistake, by its index in
	// diags, for rootCauses.
	unknown []unknownProperty
	owners  map[string][]*Type // wire name -> the types that declare it
	// explainedBy marks the findings (by index in diags) a root cause of
	// the operations explains (validate_operation_causes.go).
	explainedBy map[int]bool
	props       propertyIndex // built on first use (findProperty)
}

// findProperty is the resolver's findProperty on the schema's types.
func (v *validator) findProperty(t *Type, name string) *Property {
	if v.props == nil {
		v.props = newPropertyIndex(v.s.Types)
	}
	return v.props.find(t, name)
}

type unknownProperty struct {
	t       *Type
	name    string
	diag    int
	example string // the example's page and line, to count examples
}

func (v *validator) report(off int, code diag.ErrorCode, format string, args ...any) {
	v.diags.Error(v.ex.PosOf(off).At(v.ex.Path), code, format, args...)
}

func (v *validator) lookup(name string) *Type {
	return v.lower[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))]
}

func (v *validator) example(ex *parser.Example) {
	v.ex, v.place = ex, ex.Kind == "resource"
	if ex.Value == nil {
		return
	}
	if len(ex.Problems) > 0 {
		v.report(ex.Problems[0].Offset, diag.InvalidJSON, "example is not valid JSON (%s)", ex.Problems[0].Message)
	}
	if ex.Type == "" {
		return
	}
	t := v.lookup(ex.Type)
	if t == nil && parser.ParseTypeText(ex.Type).Primitive != "" {
		return // a response of a primitive type ("Edm.String")
	}
	if t == nil {
		v.report(ex.Value.Offset, diag.UnknownExampleType, "the example's annotation names %s, which no page describes", ex.Type)
		return
	}
	if !ex.Collection {
		v.value(ex.Value, t)
		return
	}
	items := ex.Value
	if items.Kind == parser.JSONObject {
		items = ex.Value.Get("value")
		if items == nil {
			v.report(ex.Value.Offset, diag.CollectionMismatch, "the annotation says a collection of %s, but the example has no \"value\" array", ex.Type)
			return
		}
	}
	if items.Kind != parser.JSONArray {
		v.report(items.Offset, diag.CollectionMismatch, "the annotation says a collection of %s, but the example holds one value", ex.Type)
		return
	}
	for _, it := range items.Items {
		v.value(it, t)
	}
}

// value checks an object declared as t (or, with enum or primitive t,
// a scalar).
func (v *validator) value(val *parser.JSONValue, t *Type) {
	if t.Kind == Enum {
		v.enum(val, t)
		return
	}
	if val.Kind == parser.JSONNull {
		return
	}
	if val.Kind != parser.JSONObject {
		if v.place && val.Kind == parser.JSONString {
			return // a placeholder such as "microsoft.graph.identitySet"
		}
		v.report(val.Offset, diag.KindMismatch, "%s expected for %s, found %s", "an object", t.Name, kindName(val))
		return
	}
	if ot := val.Get("@odata.type"); ot != nil && ot.Kind == parser.JSONString {
		name := strings.TrimPrefix(strings.TrimSpace(ot.Str), "#")
		switch d := v.lookup(name); {
		case v.place && strings.Contains(name, " "):
			// a placeholder ("microsoft.graph.x | microsoft.graph.y")
		case d == nil:
			v.report(ot.Offset, diag.UnknownODataType, "@odata.type %q names no type a page describes", ot.Str)
		case !isA(d, t):
			v.report(ot.Offset, diag.NotDerived, "@odata.type %s is not %s nor derived from it", d.Name, t.Name)
			return // which properties apply is unknown: one mistake is enough
		default:
			t = d
		}
	}
	props := allProperties(t)
	for _, f := range val.Keys {
		if strings.Contains(f.Name, "@") {
			continue // annotations: @odata.context, x@odata.nextLink
		}
		p := props[f.Name]
		if p == nil {
			if !isOpen(t) {
				v.unknown = append(v.unknown, unknownProperty{t, f.Name, len(v.diags), v.ex.Path + ":" + strconv.Itoa(v.ex.Pos.Line)})
				v.report(f.KeyOffset, diag.UnknownProperty, "%s has no property %q", t.Name, f.Name)
			}
			continue
		}
		v.property(f.Value, p)
	}
}

func (v *validator) property(val *parser.JSONValue, p *Property) {
	if val.Kind == parser.JSONNull {
		return
	}
	if p.Collection {
		if val.Kind != parser.JSONArray {
			if v.place && val.Kind == parser.JSONString && !isStringType(p) {
				return // "String" standing for a collection
			}
			if ot := val.Get("@odata.type"); v.place && ot != nil && strings.HasPrefix(strings.ToLower(ot.Str), "collection(") {
				return // {"@odata.type": "collection(microsoft.graph.x)"}: a collection placeholder
			}
			v.report(val.Offset, diag.CollectionMismatch, "property %s is a collection of %s, the example gives one %s", p.Name, p.Type, kindName(val))
			return
		}
		for _, it := range val.Items {
			v.scalar(it, p)
		}
		return
	}
	if val.Kind == parser.JSONArray {
		v.report(val.Offset, diag.CollectionMismatch, "property %s is one %s, the example gives an array", p.Name, p.Type)
		return
	}
	v.scalar(val, p)
}

func (v *validator) scalar(val *parser.JSONValue, p *Property) {
	if val.Kind == parser.JSONNull {
		return
	}
	if p.Ref != nil {
		v.value(val, p.Ref)
		return
	}
	want := primitiveKind(p.Type)
	if want == "" {
		return // Json, Stream, types no page describes: anything goes
	}
	got := kindName(val)
	if v.place && val.Kind == parser.JSONString {
		return // "String", "Int32", "String (timestamp)": placeholders
	}
	if v.place && val.Kind == parser.JSONBare {
		return
	}
	ok := got == want || (want == "number" && got == "string" && (p.Type == "Edm.Int64" || p.Type == "Edm.Decimal" || isSpecialFloat(val.Str)))
	if !ok {
		v.report(val.Offset, diag.KindMismatch, "property %s is %s (a JSON %s), the example gives a %s", p.Name, p.Type, want, got)
		return
	}
	if v.place || val.Kind != parser.JSONString {
		return
	}
	if msg := badFormat(p.Type, val.Str); msg != "" {
		v.report(val.Offset, diag.BadFormat, "property %s is %s: %q is not %s", p.Name, p.Type, val.Str, msg)
	}
}

func (v *validator) enum(val *parser.JSONValue, t *Type) {
	if val.Kind == parser.JSONNull {
		return
	}
	if val.Kind != parser.JSONString {
		v.report(val.Offset, diag.KindMismatch, "%s is an enum (a JSON string), the example gives a %s", t.Name, kindName(val))
		return
	}
	if v.place && (strings.EqualFold(val.Str, "string") || strings.Contains(val.Str, "|") || strings.Contains(strings.ToLower(val.Str), "@odata.type")) {
		return // "String", "a | b | c": placeholders
	}
	if len(t.Members) == 0 {
		return
	}
	parts := []string{val.Str}
	if t.Flags {
		parts = strings.Split(val.Str, ",")
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if !hasMemberFold(t, part) {
			v.report(val.Offset, diag.UnknownMember, "%q is not a member of %s", part, t.Name)
			return
		}
	}
}

// allProperties maps wire names to the properties of t and its bases.
func allProperties(t *Type) map[string]*Property {
	out := map[string]*Property{}
	for b := range t.Lineage() {
		for _, p := range b.Properties {
			if _, ok := out[p.Name]; !ok {
				out[p.Name] = p
			}
		}
	}
	return out
}

// isOpen reports an open type (or one derived from an open type): any
// property is allowed.
func isOpen(t *Type) bool {
	for b := range t.Lineage() {
		if b.OpenType {
			return true
		}
	}
	return false
}

// isA reports whether d is t or derives from it.
func isA(d, t *Type) bool {
	for b := range d.Lineage() {
		if b == t {
			return true
		}
	}
	return false
}

func kindName(v *parser.JSONValue) string {
	switch v.Kind {
	case parser.JSONNull:
		return "null"
	case parser.JSONBool:
		return "boolean"
	case parser.JSONNumber:
		return "number"
	case parser.JSONString, parser.JSONBare:
		return "string"
	case parser.JSONObject:
		return "object"
	case parser.JSONArray:
		return "array"
	}
	return "value"
}

func isStringType(p *Property) bool { return primitiveKind(p.Type) == "string" }

// primitiveKind is the JSON kind of an Edm primitive, "" for anything.
func primitiveKind(edm string) string {
	switch edm {
	case "Edm.String", "Edm.Guid", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Binary":
		return "string"
	case "Edm.Boolean":
		return "boolean"
	case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Single", "Edm.Double", "Edm.Decimal":
		return "number"
	}
	return ""
}

func isSpecialFloat(s string) bool { return s == "NaN" || s == "INF" || s == "-INF" }

var (
	guidPattern     = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	durationPattern = regexp.MustCompile(`^-?P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?$`)
	timeOfDay       = regexp.MustCompile(`^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?$`)
)

// badFormat describes what a real value of an Edm type must look like, or
// returns "" when it does.
func badFormat(edm, s string) string {
	switch edm {
	case "Edm.DateTimeOffset":
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return "an RFC 3339 timestamp (2006-01-02T15:04:05Z)"
		}
	case "Edm.Date":
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return "a date (2006-01-02)"
		}
	case "Edm.TimeOfDay":
		if !timeOfDay.MatchString(s) {
			return "a time of day (15:04:05)"
		}
	case "Edm.Duration":
		if s == "P" || s == "PT" || !durationPattern.MatchString(s) {
			return "an ISO 8601 duration (PT1H30M)"
		}
	case "Edm.Guid":
		if !guidPattern.MatchString(s) {
			return "a GUID (00000000-0000-0000-0000-000000000000)"
		}
	case "Edm.Binary":
		// What the generated package decodes: base64, or base64url.
		if _, err := base64.StdEncoding.DecodeString(s); err != nil {
			if _, err := base64.URLEncoding.DecodeString(s); err != nil {
				return "base64 (SGVsbG8=)"
			}
		}
	}
	return ""
}
