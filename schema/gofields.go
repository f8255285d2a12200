// The Go fields of a struct as the emitter writes them, its own and those
// its bases promote: gen diff judges what breaks by them, whichever page
// change moved them (TestGoFieldTypeIsTheEmitters keeps the two in step).

package schema

// goPrimitives are the Go types of the Edm primitives a field holds one of
// (a pointer to it, where the field is single); Edm.Stream has no field.
var goPrimitives = map[string]string{
	"Edm.String": "string", "Edm.Guid": "string", "Edm.Boolean": "bool", "Edm.Int16": "int16", "Edm.Int32": "int32",
	"Edm.Int64": "int64", "Edm.Byte": "uint8", "Edm.SByte": "int8", "Edm.Single": "float32", "Edm.Double": "float64",
	"Edm.Decimal": "json.Number", "Edm.DateTimeOffset": "time.Time", "Edm.Date": "Date", "Edm.TimeOfDay": "TimeOfDay",
	"Edm.Duration": "Duration",
}

// GoFieldType is the Go type of a property's field ("*string",
// "[]AnyAttachment", "json.RawMessage"), or "" for none (Edm.Stream).
func GoFieldType(p *Property) string {
	elem, pointer := "", true
	switch {
	case p.Ref != nil && p.Ref.GoInterface != "":
		elem, pointer = p.Ref.GoInterface, false
	case p.Ref != nil && !p.Ref.AnyJSON():
		elem = p.Ref.GoName
	case p.Type == "Edm.Binary":
		elem, pointer = "[]byte", false
	case p.Type == "Edm.Stream":
		return ""
	case goPrimitives[p.Type] != "":
		elem = goPrimitives[p.Type]
	default:
		elem, pointer = "json.RawMessage", false
	}
	switch {
	case p.Collection:
		return "[]" + elem
	case pointer:
		return "*" + elem
	}
	return elem
}

// goField is one Go field of a struct: its type, the property it holds,
// and the type that declares that property.
type goField struct {
	typ   string
	prop  *Property
	owner string
}

// goFields maps the Go name of every field of a struct, its bases' fields
// included, to its type and property.
func goFields(t *Type) map[string]goField {
	out := map[string]goField{}
	for b := range t.Lineage() {
		for _, p := range b.Properties {
			if typ := GoFieldType(p); typ != "" {
				if _, ok := out[p.GoName]; !ok {
					out[p.GoName] = goField{typ, p, b.Name}
				}
			}
		}
	}
	return out
}

// diffGoFields reports, for a struct in both schemas, each Go field that
// changes its type or goes away when no change already says so as
// breaking: a base lost and a property added with another type (id was
// *string from entity, now *int32) compile differently for every user.
func diffGoFields(o, n *Type, said []Change) []Change {
	if o.Kind == Enum || n.Kind == Enum {
		return nil
	}
	// What a breaking change already names: a field, or the type itself
	// (a base lost or swapped takes its promoted fields with it).
	breaking := map[string]bool{}
	for _, c := range said {
		if c.Breaking {
			breaking[c.Go] = true
		}
	}
	typeBroken := breaking[n.GoName] || breaking[o.GoName]
	lineage := map[string]bool{}
	for b := range n.Lineage() {
		lineage[b.Name] = true
	}
	var out []Change
	of, nf := goFields(o), goFields(n)
	for _, name := range unionKeys(of, nf) {
		was, now := of[name], nf[name]
		goName := n.GoName + "." + name
		// A property declared where it was is reported there, by the
		// property's own change: only a field that moved between types
		// (or went) is news here.
		if was.typ == "" || was.typ == now.typ || was.owner == now.owner || breaking[goName] || breaking[o.GoName+"."+name] {
			continue
		}
		c := Change{Change: "changed", Element: ElemProperty, Aspect: "go-type", Type: n.Name, Go: goName,
			Old: was.typ, New: now.typ, Breaking: true}
		if now.prop != nil {
			c.Name, c.At = n.Name+"."+now.prop.Name, now.prop.Source
		} else if typeBroken || was.owner == o.Name || lineage[was.owner] {
			continue // said by the type's change, or by its own or its base's property change
		} else {
			c.Change, c.Aspect, c.Name, c.At = "removed", "go-field", n.Name+"."+was.prop.Name, was.prop.Source
		}
		out = append(out, c)
	}
	return out
}
