// Paths: a request's path as an OpenAPI path template. A key becomes a
// segment named after the type it identifies ({user-id}, as
// PrefixEntityTypeNameBeforeKey and EnableKeyAsSegment write it), a
// function's arguments parameters named as the arguments, and two paths
// that differ only in their parameters' names are one path.

package openapi

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// pathParam is one parameter of a path template.
type pathParam struct {
	name  string
	label string // a key's: the short name of the type it identifies, or the segment before it
	key   bool
	typ   string // an argument's type (Edm or qualified), "" where no page gives one
}

// route is a request's path as a template.
type route struct {
	path    string
	params  []pathParam
	special string // "$ref", "$value" or "$count" when the path ends in one
	first   string // the first segment's name
}

// place is what a path reaches so far: a type, or a collection of it; an
// empty typ where that is not known.
type place struct {
	typ        string
	collection bool
}

// A segment written into a path must be a name (with namespace dots, or
// dashes); the paths are keys of the document and string literals in the
// code tools generate from it.
var safeSegment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*([.-][A-Za-z0-9_]+)*$`)

// specialSegments are the segments that end a path with no name of the
// schema's.
var specialSegments = map[string]bool{"$ref": true, "$value": true, "$count": true}

// route writes a request's path as a template; a reason instead when it
// cannot.
func (b *builder) route(op *schema.Operation, req schema.Request) (route, string) {
	var r route
	if strings.Contains(req.Path, ":/") {
		return r, "addresses a drive item by its path (:/path:), which a path template cannot"
	}
	segs := parser.SplitPath(req.Path)
	if len(segs) == 0 {
		return r, "no segment"
	}
	var parts []string
	var at place
	last := ""
	for i, s := range segs {
		if s.Key {
			if i == 0 {
				return r, "starts with a key"
			}
			parts = append(parts, r.key(at, last))
			at.collection = false
			continue
		}
		if specialSegments[s.Name] && !s.Parens {
			if i != len(segs)-1 || i == 0 {
				return r, fmt.Sprintf("%s before the end of the path", s.Name)
			}
			r.special = s.Name
			parts = append(parts, s.Name)
			continue
		}
		if !safeSegment.MatchString(s.Name) {
			return r, fmt.Sprintf("segment %q is not a name", s.Raw)
		}
		if i == 0 {
			at, r.first = b.entry(s.Name), s.Name
		} else {
			at = b.step(at, s, i == len(segs)-1)
		}
		last = s.Name
		switch {
		case !s.Parens:
			parts = append(parts, s.Name)
		case len(s.Args) == 0 && s.Positional == 1:
			// A key in parentheses (users('x')): a key segment.
			parts = append(parts, s.Name, r.key(at, last))
			at.collection = false
		case len(s.Args) == 0 && s.Positional == 0:
			parts = append(parts, s.Name+"()")
		case s.Positional == 0:
			own := i == len(segs)-1 && (op.Kind == schema.OpFunction || op.Kind == schema.OpAction)
			args := make([]string, len(s.Args))
			for j, a := range s.Args {
				typ := ""
				if own {
					typ = paramType(op, a)
				}
				name := r.arg(a, typ)
				q := ""
				if b.quoted(typ, s.Raw, a) {
					q = "'"
				}
				args[j] = a + "=" + q + "{" + name + "}" + q
			}
			parts = append(parts, s.Name+"("+strings.Join(args, ",")+")")
		default:
			return r, fmt.Sprintf("segment %q mixes keys and named arguments", s.Raw)
		}
	}
	r.path = "/" + strings.Join(parts, "/")
	return r, ""
}

// key adds a key parameter for what the path reaches: {user-id}, or
// after the segment's name where the type is not known.
func (r *route) key(at place, last string) string {
	label := last
	if at.typ != "" {
		label = parser.ShortName(at.typ)
	}
	name := r.unique(label + "-id")
	r.params = append(r.params, pathParam{name: name, label: label, key: true})
	return "{" + name + "}"
}

// arg adds a function argument's parameter.
func (r *route) arg(name, typ string) string {
	name = r.unique(name)
	r.params = append(r.params, pathParam{name: name, typ: typ})
	return name
}

// unique returns name, or name with a number after it when the route has
// a parameter so named ({user-id}, {user-id1}).
func (r *route) unique(name string) string {
	taken := func(n string) bool {
		for _, p := range r.params {
			if strings.EqualFold(p.name, n) {
				return true
			}
		}
		return false
	}
	out := name
	for i := 1; taken(out); i++ {
		out = name + strconv.Itoa(i)
	}
	return out
}

// paramType is the type of the operation's parameter of this name.
func paramType(op *schema.Operation, name string) string {
	for _, p := range op.Parameters {
		if strings.EqualFold(p.Name, name) && !p.Collection {
			return p.Type
		}
	}
	return ""
}

// quoted says whether an argument's value is written in quotes: a string
// or an enum member is (AddSingleQuotesForStringParameters); another type
// is not; where the type is not known, as the page wrote it.
func (b *builder) quoted(typ, raw, arg string) bool {
	switch {
	case typ == "Edm.String":
		return true
	case strings.HasPrefix(typ, "Edm."):
		return false
	case typ != "":
		t := b.s.Lookup(typ)
		return t != nil && t.Kind == schema.Enum
	}
	return quotedInPage(raw, arg)
}

// quotedInPage says whether the page wrote the argument's value in quotes
// (arg='...' in the segment as written).
func quotedInPage(raw, arg string) bool {
	for i := 0; ; {
		j := strings.Index(raw[i:], arg)
		if j < 0 {
			return false
		}
		start := i + j
		i = start + len(arg)
		if start > 0 && (raw[start-1] == '_' || isAlnum(raw[start-1])) {
			continue
		}
		rest := strings.TrimLeft(raw[i:], " ")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		return strings.HasPrefix(strings.TrimLeft(rest[1:], " "), "'")
	}
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// entry is what a path's first segment reaches: an entry point, or the
// one navigation property of that name (/workbook/...).
func (b *builder) entry(name string) place {
	if b.entries == nil {
		b.entries = map[string]*schema.EntryPoint{}
		for _, ep := range b.walk.EntryPoints {
			b.entries[strings.ToLower(ep.Name)] = ep
		}
	}
	if ep := b.entries[strings.ToLower(name)]; ep != nil && b.walk.Lookup(ep.Type) != nil {
		return place{ep.Type, ep.Kind == schema.EntitySet}
	}
	if b.navByName == nil {
		b.navByName = map[string][]*schema.Property{}
		for _, t := range b.walk.Types {
			for _, p := range t.Properties {
				if p.Navigation {
					low := strings.ToLower(p.Name)
					b.navByName[low] = append(b.navByName[low], p)
				}
			}
		}
	}
	if props := b.navByName[strings.ToLower(name)]; len(props) == 1 && b.walk.Lookup(props[0].Type) != nil {
		return place{props[0].Type, props[0].Collection}
	}
	return place{}
}

// step is what a named segment reaches from at: a property (inherited, or
// of the one derived type that has it), a cast, or, in a collection, a
// key spelt as a word (/mailFolders/inbox); nothing known otherwise (an
// operation, or a function whose result the path goes on into).
func (b *builder) step(at place, s parser.Segment, last bool) place {
	t := b.walk.Lookup(at.typ)
	if at.typ == "" || t == nil {
		return place{}
	}
	if p := findProperty(t, s.Name); p != nil && !(s.Parens && len(s.Args) > 0) {
		if b.walk.Lookup(p.Type) == nil {
			return place{}
		}
		return place{p.Type, p.Collection}
	}
	if strings.Contains(s.Name, ".") && !s.Parens {
		if c := b.walk.Lookup(s.Name); c != nil && c.Kind != schema.Enum {
			return place{c.Name, at.collection}
		}
	}
	if at.collection && !s.Parens && !last {
		return place{at.typ, false}
	}
	return place{}
}

// findProperty finds a property by name (ignoring case) on t or its
// bases, else on the one type derived from t that declares it.
func findProperty(t *schema.Type, name string) *schema.Property {
	for c := range t.Lineage() {
		if p := ownProperty(c, name); p != nil {
			return p
		}
	}
	var found *schema.Property
	n := 0
	var visit func(d *schema.Type, depth int)
	visit = func(d *schema.Type, depth int) {
		if depth > 8 {
			return
		}
		for _, c := range d.Derived {
			if p := ownProperty(c, name); p != nil {
				found = p
				n++
			}
			visit(c, depth+1)
		}
	}
	visit(t, 0)
	if n == 1 {
		return found
	}
	return nil
}

func ownProperty(t *schema.Type, name string) *schema.Property {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// paramBraces finds the parameters of a path template.
var paramBraces = regexp.MustCompile(`\{[^{}]*\}`)

// shape is a path with its parameters' names left out: two paths of one
// shape are one path.
func shape(path string) string { return paramBraces.ReplaceAllString(path, "{}") }
