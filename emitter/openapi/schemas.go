// Component schemas: one per type, named by its qualified name. A derived
// type is allOf its base and its own properties; a type with derived types
// has a discriminator on @odata.type; nulls, primitives and enums are
// written as OpenAPI.NET.OData writes them for OpenAPI 3.1.

package openapi

import (
	"regexp"
	"strings"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// Names from pages become JSON keys, $ref targets and, in the tools that
// read the document, Go identifiers and struct tags: only names of these
// shapes are written; anything else is left out and reported.
var (
	safeTypeName     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
	safePropertyName = regexp.MustCompile(`^@?[A-Za-z_][A-Za-z0-9_]*([.@-][A-Za-z0-9_]+)*$`)
	safeMemberName   = regexp.MustCompile(`^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$`)
)

// odataType is the property a discriminator reads.
const odataType = "@odata.type"

// ref is a JSON Reference to a component schema.
func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// present reports a type the document has a schema for.
func (b *builder) present(name string) bool {
	return safeTypeName.MatchString(name) && !reserved[name] && b.s.Lookup(name) != nil
}

// typeSchemas writes every type's schema.
func (b *builder) typeSchemas() {
	for _, t := range b.s.Types {
		if !safeTypeName.MatchString(t.Name) {
			b.leave("type %q: not a name", t.Name)
			continue
		}
		if reserved[t.Name] {
			b.leave("type %s: the name of one of the document's own schemas", t.Name)
			continue
		}
		switch {
		case t.Kind == schema.Enum:
			b.schemas[t.Name] = b.enumSchema(t)
		case t.AnyJSON():
			// Json: any JSON value, as the Go package keeps it raw.
			raw := obj{"title": parser.ShortName(t.Name)}
			if t.Description != "" {
				raw["description"] = t.Description
			}
			b.schemas[t.Name] = raw
		default:
			b.schemas[t.Name] = b.structSchema(t)
		}
	}
}

// enumSchema is a string enum; flags take comma-separated members, which
// a pattern says. Member descriptions go into x-ms-enum.
func (b *builder) enumSchema(t *schema.Type) obj {
	out := obj{"title": parser.ShortName(t.Name), "type": "string"}
	if t.Description != "" {
		out["description"] = t.Description
	}
	var names []any
	var alts []string
	var values []any
	described := false
	for _, m := range t.Members {
		if !safeMemberName.MatchString(m.Name) {
			b.leave("member %q of %s: not a name", m.Name, t.Name)
			continue
		}
		names = append(names, m.Name)
		alts = append(alts, regexp.QuoteMeta(m.Name))
		v := obj{"value": m.Name, "name": m.Name}
		if m.Description != "" {
			v["description"] = m.Description
			described = true
		}
		values = append(values, v)
	}
	switch {
	case len(names) == 0:
	case t.Flags:
		one := "(" + strings.Join(alts, "|") + ")"
		out["pattern"] = "^" + one + "( *, *" + one + ")*$"
		out["x-ms-enum-flags"] = obj{"isFlags": true}
	default:
		out["enum"] = names
	}
	if described {
		out["x-ms-enum"] = obj{"name": parser.ShortName(t.Name), "modelAsString": false, "values": values}
	}
	return out
}

// structSchema is an entity or complex type: an object of its own
// properties, in allOf after its base when it has one.
func (b *builder) structSchema(t *schema.Type) obj {
	own := obj{"title": parser.ShortName(t.Name), "type": "object"}
	if t.Description != "" {
		own["description"] = t.Description
	}
	props := obj{}
	for _, p := range t.Properties {
		if !safePropertyName.MatchString(p.Name) {
			b.leave("property %q of %s: not a name", p.Name, t.Name)
			continue
		}
		props[p.Name] = b.propertySchema(t, p)
	}
	base := t.BaseType
	if base != nil && !b.present(base.Name) {
		base = nil
	}
	if base == nil {
		// The root of a lineage declares what every value may carry.
		if _, ok := props[odataType]; !ok {
			props[odataType] = obj{"type": "string"}
		}
	}
	own["properties"] = props
	out := own
	if base != nil {
		out = obj{"allOf": []any{ref(base.Name), own}, "x-ms-discriminator-value": "#" + t.Name}
	}
	// Beside the allOf, not in its second schema: a tool that flattens
	// allOf (oapi-codegen) then meets one discriminator per lineage level
	// it merges, not two.
	if mapping := b.derivedMapping(t); len(mapping) > 0 {
		out["discriminator"] = obj{"propertyName": odataType, "mapping": mapping}
	}
	return out
}

// derivedMapping maps "#name" to the schema of every type derived from t,
// directly or not, that the document holds.
func (b *builder) derivedMapping(t *schema.Type) obj {
	mapping := obj{}
	var visit func(d *schema.Type, depth int)
	visit = func(d *schema.Type, depth int) {
		if depth > 32 {
			return
		}
		for _, c := range d.Derived {
			if b.present(c.Name) {
				mapping["#"+c.Name] = "#/components/schemas/" + c.Name
			}
			visit(c, depth+1)
		}
	}
	visit(t, 0)
	return mapping
}

// propertySchema is one property's: its type, null where the page allows
// it (never for a collection nor the key), its description.
func (b *builder) propertySchema(t *schema.Type, p *schema.Property) obj {
	out := b.valueSchema(p.Type, p.Collection, p.Nullable && p.Name != t.KeyProperty)
	if p.Description != "" {
		out["description"] = p.Description
	}
	if p.Deprecated {
		out["deprecated"] = true
	}
	if p.Navigation {
		out["x-ms-navigationProperty"] = true
	}
	return out
}

// valueSchema is the schema of a value of a type (an Edm name or a
// qualified name), a collection of it, or a nullable one. A type the
// document has no schema for (no page describes it, or -types left it
// out) is any value.
func (b *builder) valueSchema(typ string, collection, nullable bool) obj {
	if collection {
		return obj{"type": "array", "items": b.valueSchema(typ, false, false)}
	}
	if prim := b.primitive(typ); prim != nil {
		if nullable {
			orNull(prim)
		}
		return prim
	}
	if !b.present(typ) {
		return obj{}
	}
	if nullable {
		return obj{"anyOf": []any{ref(typ), obj{"type": "null"}}}
	}
	return ref(typ)
}

// orNull lets a primitive's schema be null too: "null" joins its type, or
// its anyOf.
func orNull(s obj) {
	if t, ok := s["type"].(string); ok {
		s["type"] = []any{t, "null"}
		return
	}
	if alts, ok := s["anyOf"].([]any); ok {
		s["anyOf"] = append(alts, obj{"type": "null"})
	}
}

// referenceNumeric names the special floating-point values.
const referenceNumeric = "ReferenceNumeric"

// The patterns OpenAPI.NET.OData gives the Edm types written as strings.
const (
	dateTimePattern = `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$`
	datePattern     = `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$`
	timePattern     = `^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?$`
	durationPattern = `^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$`
	guidPattern     = `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`
)

// primitive is a new schema for an Edm primitive type, or nil for another
// type.
func (b *builder) primitive(typ string) obj {
	integer := func(format string, lo, hi int64) obj {
		return obj{"type": "integer", "format": format, "minimum": lo, "maximum": hi}
	}
	str := func(format, pattern string) obj {
		out := obj{"type": "string", "format": format}
		if pattern != "" {
			out["pattern"] = pattern
		}
		return out
	}
	float := func(format string) obj {
		b.usesNumeric = true
		return obj{"anyOf": []any{obj{"type": "number", "format": format}, ref(referenceNumeric)}}
	}
	switch typ {
	case "Edm.String":
		return obj{"type": "string"}
	case "Edm.Boolean":
		return obj{"type": "boolean"}
	case "Edm.Byte":
		return integer("uint8", 0, 255)
	case "Edm.SByte":
		return integer("int8", -128, 127)
	case "Edm.Int16":
		return integer("int16", -32768, 32767)
	case "Edm.Int32":
		return integer("int32", -2147483648, 2147483647)
	case "Edm.Int64":
		return obj{"type": "integer", "format": "int64"}
	case "Edm.Single":
		return float("float")
	case "Edm.Double":
		return float("double")
	case "Edm.Decimal":
		return obj{"type": "number", "format": "decimal"}
	case "Edm.DateTimeOffset":
		return str("date-time", dateTimePattern)
	case "Edm.Date":
		return str("date", datePattern)
	case "Edm.TimeOfDay":
		return str("time", timePattern)
	case "Edm.Duration":
		return str("duration", durationPattern)
	case "Edm.Guid":
		return str("uuid", guidPattern)
	case "Edm.Binary", "Edm.Stream":
		return str("base64url", "")
	}
	if strings.HasPrefix(typ, "Edm.") {
		return obj{} // Edm.Untyped, Edm.Geography...: any value
	}
	return nil
}
