// Overrides: a user's corrections to the docs (-overrides FILE), read with
// positions and applied after resolving, before naming, so that a changed
// type, base or name flows through like a page's.

package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema/naming"
)

// Overrides is an overrides file as read: what each entry sets, with the
// position of each setting.
type Overrides struct {
	File  string          // the path diagnostics and sources name
	Types []*TypeOverride // in file order
}

// Setting is one value of the file, with the position of its key.
type Setting[T any] struct {
	Value T
	At    diag.Pos
}

// TypeOverride is one entry of "types".
type TypeOverride struct {
	Name       string // qualified, as in the schema JSON
	At         diag.Pos
	GoName     *Setting[string]
	Base       *Setting[*string] // Value nil: no base
	Members    []Setting[string]
	Properties []*PropertyOverride
}

// PropertyOverride is one entry of a type's "properties".
type PropertyOverride struct {
	Name       string
	At         diag.Pos
	Type       *Setting[string]
	Collection *Setting[bool]
	Nullable   *Setting[bool]
	GoName     *Setting[string]
}

// Override is one applied setting, as the schema JSON lists it under
// "overrides".
type Override struct {
	Type     string `json:"type"`
	Property string `json:"property,omitempty"`
	Aspect   string `json:"aspect"` // type, collection, nullable, goName, base, member, property (one added)
	Value    string `json:"value"`
	Source   string `json:"source"` // file:line of the setting
}

// String is the override as -v lists it.
func (o *Override) String() string {
	target := o.Type
	if o.Property != "" {
		target += "." + o.Property
	}
	return fmt.Sprintf("%s: %s %s %s", o.Source, target, o.Aspect, o.Value)
}

// Options are the choices a resolve takes besides the pages.
type Options struct {
	// Overrides, applied after resolving and before naming; nil for none.
	Overrides *Overrides
	// OnPass, when set, is told each pass's name and how long it took, in
	// the order they run (gen -v prints them).
	OnPass func(pass string, took time.Duration)
}

// edmTypes are the primitive type names a property may have.
var edmTypes = map[string]bool{
	"Edm.String": true, "Edm.Boolean": true, "Edm.Int16": true, "Edm.Int32": true, "Edm.Int64": true,
	"Edm.Byte": true, "Edm.SByte": true, "Edm.Single": true, "Edm.Double": true, "Edm.Decimal": true,
	"Edm.DateTimeOffset": true, "Edm.Date": true, "Edm.TimeOfDay": true, "Edm.Duration": true,
	"Edm.Guid": true, "Edm.Binary": true, "Edm.Stream": true,
}

// maxOverridesDepth bounds the nesting the reader follows (the format
// needs four levels).
const maxOverridesDepth = 8

// ParseOverrides reads an overrides file. A file that is not JSON, or not
// of the format, gives errors with their line and column; the entries that
// could be read are returned with them.
func ParseOverrides(file string, data []byte) (*Overrides, diag.List) {
	ov := &Overrides{File: file}
	var diags diag.List
	pos := func(off int) diag.Pos { return offsetPos(file, data, off) }
	bad := func(off int, format string, args ...any) {
		diags.Error(pos(off), diag.OverrideInvalid, format, args...)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		diags.Error(pos(off), diag.OverridesSyntax, "the overrides file is not valid UTF-8")
		return ov, diags
	}
	var probe any
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&probe)
	if err == nil {
		rest := data[dec.InputOffset():]
		if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
			diags.Error(pos(len(data)-len(trimmed)), diag.OverridesSyntax, "the overrides file is not valid JSON: more after the first value")
			return ov, diags
		}
	}
	if err != nil {
		off := len(data)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1
		}
		diags.Error(pos(max(off, 0)), diag.OverridesSyntax, "the overrides file is not valid JSON: %v", err)
		return ov, diags
	}
	root, problems := parser.ParseJSONish(string(data))
	if len(problems) > 0 || root == nil {
		off := 0
		msg := "no JSON value"
		if len(problems) > 0 {
			off, msg = problems[0].Offset, problems[0].Message
		}
		diags.Error(pos(off), diag.OverridesSyntax, "the overrides file is not valid JSON: %s", msg)
		return ov, diags
	}
	if depth(root) > maxOverridesDepth {
		bad(root.Offset, "nested deeper than the format allows")
		return ov, diags
	}
	// fields checks an object's keys against the allowed ones, once each.
	fields := func(v *parser.JSONValue, what string, allowed ...string) bool {
		if v.Kind != parser.JSONObject {
			bad(v.Offset, "%s must be a JSON object", what)
			return false
		}
		seen := map[string]bool{}
		ok := true
		for _, f := range v.Keys {
			if seen[f.Name] {
				bad(f.KeyOffset, "%q is given twice in %s", f.Name, what)
				ok = false
			}
			seen[f.Name] = true
			if allowed != nil && !slices.Contains(allowed, f.Name) {
				bad(f.KeyOffset, "unknown key %q in %s; the keys are %s", f.Name, what, strings.Join(allowed, ", "))
				ok = false
			}
		}
		return ok
	}
	str := func(v *parser.JSONValue, what string) (string, bool) {
		if v.Kind != parser.JSONString {
			bad(v.Offset, "%s must be a string", what)
			return "", false
		}
		return v.Str, true
	}
	boolean := func(v *parser.JSONValue, what string) (bool, bool) {
		if v.Kind != parser.JSONBool {
			bad(v.Offset, "%s must be true or false", what)
			return false, false
		}
		return v.Str == "true", true
	}
	goName := func(v *parser.JSONValue, what string, field bool) *Setting[string] {
		s, ok := str(v, what)
		if !ok {
			return nil
		}
		if msg := goNameProblem(s, field); msg != "" {
			bad(v.Offset, "%s %q %s", what, s, msg)
			return nil
		}
		return &Setting[string]{s, pos(v.Offset)}
	}
	if !fields(root, "the overrides file", "types") {
		return ov, diags
	}
	types := root.Get("types")
	if types == nil {
		bad(root.Offset, `the overrides file has no "types"`)
		return ov, diags
	}
	if !fields(types, `"types"`) {
		return ov, diags
	}
	for _, tf := range types.Keys {
		if !qualifiedName(tf.Name) {
			bad(tf.KeyOffset, "%q is not a qualified type name (namespace.name, as in the schema JSON)", tf.Name)
			continue
		}
		what := "the entry of " + tf.Name
		if !fields(tf.Value, what, "properties", "goName", "base", "members") {
			continue
		}
		to := &TypeOverride{Name: tf.Name, At: pos(tf.KeyOffset)}
		if v := tf.Value.Get("goName"); v != nil {
			to.GoName = goName(v, "goName of "+tf.Name, false)
		}
		if v := tf.Value.Get("base"); v != nil {
			switch {
			case v.Kind == parser.JSONNull:
				to.Base = &Setting[*string]{nil, pos(v.Offset)}
			case v.Kind == parser.JSONString && qualifiedName(v.Str):
				b := v.Str
				to.Base = &Setting[*string]{&b, pos(v.Offset)}
			default:
				bad(v.Offset, "base of %s must be a qualified type name or null", tf.Name)
			}
		}
		if v := tf.Value.Get("members"); v != nil {
			if v.Kind != parser.JSONArray {
				bad(v.Offset, "members of %s must be an array of names", tf.Name)
			} else {
				for _, it := range v.Items {
					if m, ok := str(it, "a member of "+tf.Name); ok {
						if unsafeWireName(m) {
							bad(it.Offset, "member %q of %s is not a name gen can write safely (empty, or a quote, backtick, backslash, comma or control character)", m, tf.Name)
							continue
						}
						to.Members = append(to.Members, Setting[string]{m, pos(it.Offset)})
					}
				}
			}
		}
		if props := tf.Value.Get("properties"); props != nil && fields(props, "properties of "+tf.Name) {
			for _, pf := range props.Keys {
				if unsafeWireName(pf.Name) {
					bad(pf.KeyOffset, "property %q of %s is not a name gen can write safely (empty, or a quote, backtick, backslash, comma or control character)", pf.Name, tf.Name)
					continue
				}
				pwhat := tf.Name + "." + pf.Name
				if !fields(pf.Value, "the entry of "+pwhat, "type", "collection", "nullable", "goName") {
					continue
				}
				po := &PropertyOverride{Name: pf.Name, At: pos(pf.KeyOffset)}
				if v := pf.Value.Get("type"); v != nil {
					if s, ok := str(v, "type of "+pwhat); ok {
						if edmTypes[s] || (!strings.HasPrefix(s, "Edm.") && qualifiedName(s)) {
							po.Type = &Setting[string]{s, pos(v.Offset)}
						} else {
							bad(v.Offset, "type %q of %s is neither an Edm primitive (Edm.String, Edm.Int32, ...) nor a qualified type name", s, pwhat)
						}
					}
				}
				if v := pf.Value.Get("collection"); v != nil {
					if b, ok := boolean(v, "collection of "+pwhat); ok {
						po.Collection = &Setting[bool]{b, pos(v.Offset)}
					}
				}
				if v := pf.Value.Get("nullable"); v != nil {
					if b, ok := boolean(v, "nullable of "+pwhat); ok {
						po.Nullable = &Setting[bool]{b, pos(v.Offset)}
					}
				}
				if v := pf.Value.Get("goName"); v != nil {
					po.GoName = goName(v, "goName of "+pwhat, true)
				}
				to.Properties = append(to.Properties, po)
			}
		}
		ov.Types = append(ov.Types, to)
	}
	return ov, diags
}

func depth(v *parser.JSONValue) int {
	d := 0
	for _, f := range v.Keys {
		d = max(d, depth(f.Value))
	}
	for _, it := range v.Items {
		d = max(d, depth(it))
	}
	if v.Kind == parser.JSONObject || v.Kind == parser.JSONArray {
		d++
	}
	return d
}

// offsetPos turns a byte offset into a 1-based line and column (in bytes).
func offsetPos(file string, data []byte, off int) diag.Pos {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return diag.At(file, line, col)
}

// qualifiedName reports a name of the form namespace.name made of
// identifiers.
func qualifiedName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !parser.IsIdentifier(p) {
			return false
		}
	}
	return true
}

// unsafeWireName is the rule unsafe-name applies to page names.
func unsafeWireName(s string) bool {
	for _, c := range s {
		if c < 0x20 || c == '"' || c == '`' || c == '\\' || c == 0x7f || c == ',' || c == utf8.RuneError {
			return true
		}
	}
	return s == ""
}

// goNameProblem says why a goName cannot be used, or "".
func goNameProblem(s string, field bool) string {
	switch {
	case !token.IsIdentifier(s):
		return "is not a Go identifier"
	case !unicode.IsUpper([]rune(s)[0]):
		return "is not exported (it must begin with an upper-case letter)"
	case slices.Contains(naming.SupportNames, s):
		return "is a name of the generated package's runtime"
	case field && slices.Contains(naming.StructMethodNames, s):
		return "is the name of a method every struct has"
	case !field && strings.HasPrefix(s, "Any"):
		return "begins with Any, which names the interfaces of types with derived types"
	}
	return ""
}

// source is "file:line" for a setting, as Source fields give it.
func source(at diag.Pos) string { return at.File + ":" + strconv.Itoa(at.Line) }

// applyOverrides changes the resolved types as the file says, before links
// and names are made; mistakes are errors, settings the docs agree with
// warnings.
func (s *Schema) applyOverrides(ov *Overrides, diags *diag.List) {
	unknown := func(at diag.Pos, what, name string) {
		msg := fmt.Sprintf("%s names %s, which no page describes", what, name)
		if near := s.nearestNames(name, 3); len(near) > 0 {
			msg += "; did you mean " + strings.Join(near, ", ") + "?"
		}
		diags.Error(at, diag.OverrideUnknown, "%s", msg)
	}
	notNeeded := func(at diag.Pos, what string) {
		diags.Warn(at, diag.OverrideNotNeeded, "no longer needed: the docs say this now (%s)", what)
	}
	record := func(t *Type, prop, aspect, value string, at diag.Pos) {
		s.Overrides = append(s.Overrides, &Override{Type: t.Name, Property: prop, Aspect: aspect, Value: value, Source: source(at)})
	}
	for _, to := range ov.Types {
		t := s.byName[to.Name]
		if t == nil {
			unknown(to.At, "the override", to.Name)
			continue
		}
		if g := to.GoName; g != nil {
			if g.Value == naming.TypeName(t.Name) {
				notNeeded(g.At, t.Name+" is named "+g.Value)
			} else {
				t.pin = g
				t.overrideAt("goName", source(g.At))
				record(t, "", "goName", g.Value, g.At)
			}
		}
		if b := to.Base; b != nil {
			s.overrideBase(t, b, diags, unknown, notNeeded, record)
		}
		if len(to.Members) > 0 && t.Kind != Enum {
			diags.Error(to.Members[0].At, diag.OverrideInvalid, "members: %s is not an enum (it is a %s type)", t.Name, t.Kind)
		} else {
			for _, m := range to.Members {
				if slices.ContainsFunc(t.Members, func(x *Member) bool { return x.Name == m.Value }) {
					notNeeded(m.At, t.Name+" has member "+m.Value)
					continue
				}
				t.Members = append(t.Members, &Member{Name: m.Value, Source: source(m.At)})
				record(t, "", "member", m.Value, m.At)
			}
		}
		if len(to.Properties) > 0 && t.Kind == Enum {
			diags.Error(to.Properties[0].At, diag.OverrideInvalid, "properties: %s is an enum, which has members, not properties", t.Name)
			continue
		}
		for _, po := range to.Properties {
			s.overrideProperty(t, po, diags, unknown, notNeeded, record)
		}
	}
}

func (s *Schema) overrideBase(t *Type, b *Setting[*string], diags *diag.List,
	unknown func(diag.Pos, string, string), notNeeded func(diag.Pos, string),
	record func(*Type, string, string, string, diag.Pos)) {
	if t.Kind == Enum {
		diags.Error(b.At, diag.OverrideInvalid, "base: %s is an enum, which has no base", t.Name)
		return
	}
	if b.Value == nil {
		if t.BaseType == nil {
			notNeeded(b.At, t.Name+" has no base")
			return
		}
		t.Base, t.BaseType = nil, nil
		t.overrideAt("base", source(b.At))
		record(t, "", "base", "null", b.At)
		return
	}
	base := s.byName[*b.Value]
	switch {
	case base == nil:
		unknown(b.At, "base of "+t.Name, *b.Value)
		return
	case base.Kind == Enum:
		diags.Error(b.At, diag.OverrideInvalid, "base of %s: %s is an enum", t.Name, base.Name)
		return
	case t.BaseType == base:
		notNeeded(b.At, t.Name+" has the base "+base.Name)
		return
	}
	for a := base; a != nil; a = a.BaseType {
		if a == t {
			diags.Error(b.At, diag.OverrideInvalid, "base of %s: %s is %s or derives from it, which would make a cycle", t.Name, base.Name, t.Name)
			return
		}
	}
	name := base.Name
	t.Base, t.BaseType = &name, base
	t.overrideAt("base", source(b.At))
	record(t, "", "base", name, b.At)
}

func (s *Schema) overrideProperty(t *Type, po *PropertyOverride, diags *diag.List,
	unknown func(diag.Pos, string, string), notNeeded func(diag.Pos, string),
	record func(*Type, string, string, string, diag.Pos)) {
	what := t.Name + "." + po.Name
	// The type must be an Edm primitive or a type of the schema.
	var ref *Type
	if po.Type != nil && !edmTypes[po.Type.Value] {
		// microsoft.graph.Json (any JSON) is a type whether or not a page
		// describes it, as for page rows.
		if ref = s.byName[po.Type.Value]; ref == nil && po.Type.Value != jsonTypeName {
			unknown(po.Type.At, "the type of "+what, po.Type.Value)
			return
		}
	}
	var p *Property
	for _, x := range t.Properties {
		if x.Name == po.Name {
			p = x
		}
	}
	if p == nil {
		for a := t.BaseType; a != nil; a = a.BaseType {
			for _, x := range a.Properties {
				if x.Name != po.Name {
					continue
				}
				if agrees(x, po) {
					notNeeded(po.At, fmt.Sprintf("%s is %s, inherited from %s", what, typeExpr(x), a.Name))
				} else {
					diags.Error(po.At, diag.OverrideInvalid, "%s inherits %s (%s) from %s: override it on %s", t.Name, po.Name, typeExpr(x), a.Name, a.Name)
				}
				return
			}
		}
		for _, x := range t.Properties {
			if strings.EqualFold(x.Name, po.Name) {
				diags.Error(po.At, diag.OverrideUnknown, "%s has no property %s; did you mean %s? (an override adds a property the docs lack only when no property differs from it in case alone)", t.Name, po.Name, x.Name)
				return
			}
		}
		if po.Type == nil {
			diags.Error(po.At, diag.OverrideInvalid, "%s has no property %s: an override that adds one must give its type", t.Name, po.Name)
			return
		}
		p = &Property{Name: po.Name, Type: po.Type.Value, Ref: ref, Nullable: true, Source: source(po.At)}
		if po.Collection != nil {
			p.Collection = po.Collection.Value
		}
		if po.Nullable != nil {
			p.Nullable = po.Nullable.Value
		}
		if po.GoName != nil {
			p.pin = po.GoName
		}
		t.Properties = append(t.Properties, p)
		record(t, p.Name, "property", typeExpr(p), po.At)
		return
	}
	changed := false
	if v := po.Type; v != nil && v.Value != p.Type {
		p.Type, p.Ref, changed = v.Value, ref, true
		record(t, p.Name, "type", v.Value, v.At)
	}
	if v := po.Collection; v != nil && v.Value != p.Collection {
		p.Collection, changed = v.Value, true
		record(t, p.Name, "collection", strconv.FormatBool(v.Value), v.At)
	}
	if v := po.Nullable; v != nil && v.Value != p.Nullable {
		p.Nullable, changed = v.Value, true
		record(t, p.Name, "nullable", strconv.FormatBool(v.Value), v.At)
	}
	if v := po.GoName; v != nil && v.Value != naming.Pascal(p.Name) {
		p.pin, changed = v, true
		record(t, p.Name, "goName", v.Value, v.At)
	}
	if !changed {
		msg := what + " is " + typeExpr(p)
		if po.Nullable != nil && !p.Nullable {
			msg += ", not nullable"
		}
		if po.GoName != nil {
			msg += ", named " + po.GoName.Value
		}
		notNeeded(po.At, msg)
		return
	}
	// A change the override made comes from the file.
	p.Source = source(po.At)
}

// overrideAt records that an override set an aspect of the type (base,
// goName), for gen diff to name the file as its source.
func (t *Type) overrideAt(aspect, src string) {
	if t.overridden == nil {
		t.overridden = map[string]string{}
	}
	t.overridden[aspect] = src
}

// sourceOf is where an aspect of the type comes from: the overrides file
// when an override set it, else the type's page.
func (t *Type) sourceOf(aspect string) string {
	if src, ok := t.overridden[aspect]; ok {
		return src
	}
	return t.Source
}

// checkPins reports the goNames an override asked for that naming could
// not give (another name took it first, or an inherited field has it).
func (s *Schema) checkPins(diags *diag.List) {
	for _, t := range s.Types {
		if t.pin != nil && t.GoName != t.pin.Value {
			diags.Error(t.pin.At, diag.OverrideInvalid, "goName %s of %s is taken (by another override or a name of the package); %s is named %s", t.pin.Value, t.Name, t.Name, t.GoName)
		}
		for _, p := range t.Properties {
			if p.pin != nil && p.GoName != p.pin.Value {
				diags.Error(p.pin.At, diag.OverrideInvalid, "goName %s of %s.%s is taken (by another field, an embedded or inherited name, or a method); the field is named %s", p.pin.Value, t.Name, p.Name, p.GoName)
			}
		}
	}
}

// agrees reports whether a property is already what an override of it
// says.
func agrees(p *Property, po *PropertyOverride) bool {
	return (po.Type == nil || po.Type.Value == p.Type) &&
		(po.Collection == nil || po.Collection.Value == p.Collection) &&
		(po.Nullable == nil || po.Nullable.Value == p.Nullable) &&
		(po.GoName == nil || po.GoName.Value == naming.Pascal(p.Name))
}
