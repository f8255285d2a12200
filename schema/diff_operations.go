// Comparing the operations and entry points of two schemas: operations
// added, removed or changed (kind, binding, return type, requests, Go
// name), their parameters and permissions, with what each change means for
// the generated Go package (the operation table, action body structs and
// result types) and where it is.

package schema

import (
	"slices"
	"sort"
	"strings"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema/naming"
)

// The elements of operation changes.
const (
	ElemOperation  = "operation"
	ElemParameter  = "parameter"
	ElemPermission = "permission"
	ElemEntryPoint = "entry-point"
)

// unbound is the Type of a change to an operation bound to nothing.
const unbound = "(unbound)"

// DiffOptions say which side of a comparison is a service's metadata.
type DiffOptions struct {
	OldService, NewService bool
}

// diffOperations returns the changes of the operations and entry points.
// Only what both sides document is compared: nothing when one side has no
// operations (resource pages alone, a version 1 or 2 schema file); reads
// and writes (list, get, create, update, delete, navigation) only when
// both have some and neither is a service's metadata (which declares
// actions and functions alone); requests and permissions where both sides
// give them. Against a service, an operation the docs bind to a type is
// the service's bound to a base of it (callable on the derived type).
func diffOperations(old, new *Schema, opt DiffOptions) []Change {
	if len(old.Operations) == 0 && len(old.EntryPoints) == 0 || len(new.Operations) == 0 && len(new.EntryPoints) == 0 {
		return nil
	}
	service := opt.OldService || opt.NewService
	crud := hasCRUD(old) && hasCRUD(new) && !service
	keep := func(s *Schema) []*Operation {
		var out []*Operation
		for _, o := range s.Operations {
			if crud || o.Kind == OpAction || o.Kind == OpFunction {
				out = append(out, o)
			}
		}
		return out
	}
	pairs, removed, added := matchOperations(keep(old), keep(new))
	if service {
		var more [][2]*Operation
		more, removed, added = matchInherited(removed, added, old, new, opt)
		pairs = append(pairs, more...)
	}
	perms := hasPermissions(old) && hasPermissions(new)
	var out []Change
	for _, o := range removed {
		out = append(out, Change{Change: "removed", Element: ElemOperation, Name: opDisplayName(o), Type: opType(o), Go: o.GoName,
			Old: opSummary(o), Breaking: true, At: o.Source})
	}
	for _, n := range added {
		out = append(out, Change{Change: "added", Element: ElemOperation, Name: opDisplayName(n), Type: opType(n), Go: n.GoName,
			New: opSummary(n), At: n.Source})
	}
	for _, p := range pairs {
		out = append(out, diffOperation(p[0], p[1], perms, service)...)
	}
	out = append(out, diffEntryPoints(old, new)...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Element < b.Element
	})
	return out
}

func hasPermissions(s *Schema) bool {
	for _, o := range s.Operations {
		if o.Permissions != nil {
			return true
		}
	}
	return false
}

// matchInherited pairs what is left of an action or function of the docs
// with the service's of the same kind and name (a function's arguments
// alike) bound to a base of the docs' binding, in the service's types:
// several pages may bind one inherited operation to each derived type
// (checkMemberGroups to user, group, device).
func matchInherited(removed, added []*Operation, old, new *Schema, opt DiffOptions) (pairs [][2]*Operation, stillRemoved, stillAdded []*Operation) {
	docs, svc, svcSchema := added, removed, old
	if opt.NewService {
		docs, svc, svcSchema = removed, added, new
	}
	matchedSvc := map[*Operation]bool{}
	var unmatchedDocs []*Operation
	for _, d := range docs {
		var found *Operation
		for _, sv := range svc {
			if inheritedFrom(d, sv, svcSchema) {
				found = sv
				break
			}
		}
		if found == nil {
			unmatchedDocs = append(unmatchedDocs, d)
			continue
		}
		matchedSvc[found] = true
		if opt.NewService {
			pairs = append(pairs, [2]*Operation{d, found})
		} else {
			pairs = append(pairs, [2]*Operation{found, d})
		}
	}
	var unmatchedSvc []*Operation
	for _, sv := range svc {
		if !matchedSvc[sv] {
			unmatchedSvc = append(unmatchedSvc, sv)
		}
	}
	if opt.NewService {
		return pairs, unmatchedDocs, unmatchedSvc
	}
	return pairs, unmatchedSvc, unmatchedDocs
}

// inheritedFrom reports a docs operation that is the service's bound to a
// base of its binding.
func inheritedFrom(d, sv *Operation, svcSchema *Schema) bool {
	if d.Kind != sv.Kind || !strings.EqualFold(d.Name, sv.Name) || d.Binding == nil || sv.Binding == nil ||
		d.Binding.Collection != sv.Binding.Collection {
		return false
	}
	if d.Kind == OpFunction && strings.Join(paramNames(d), ",") != strings.Join(paramNames(sv), ",") {
		return false
	}
	dt, st := svcSchema.Lookup(d.Binding.Type), svcSchema.Lookup(sv.Binding.Type)
	return dt != nil && st != nil && dt != st && isA(dt, st)
}

func hasCRUD(s *Schema) bool {
	for _, o := range s.Operations {
		if o.Kind != OpAction && o.Kind != OpFunction {
			return true
		}
	}
	return false
}

// opKey is an action's or a function's identity: its kind, name and
// binding, and a function's argument names (each overload is one).
func opKey(o *Operation) string {
	key := string(o.Kind) + "|" + strings.ToLower(o.Name) + "|" + refKey(o.Binding)
	if o.Kind == OpFunction {
		key += "|" + strings.Join(paramNames(o), ",")
	}
	return key
}

// paramNames are the parameters' names, lower case and sorted.
func paramNames(o *Operation) []string {
	names := make([]string, 0, len(o.Parameters))
	for _, p := range o.Parameters {
		names = append(names, strings.ToLower(p.Name))
	}
	sort.Strings(names)
	return names
}

// requestKeys are an operation's requests as its method and path with
// keys written {} and names in lower case: /users/{id} and
// /users/{user-id} are one request.
func requestKeys(o *Operation) []string {
	var out []string
	for _, r := range o.Requests {
		var b strings.Builder
		b.WriteString(r.Method)
		b.WriteByte(' ')
		for _, s := range normalSegments(r.Path) {
			b.WriteByte('/')
			if s.Key {
				b.WriteString("{}")
				continue
			}
			b.WriteString(strings.ToLower(parser.ShortName(s.Name)))
			if len(s.Args) > 0 {
				args := make([]string, len(s.Args))
				for i, a := range s.Args {
					args[i] = strings.ToLower(a)
				}
				sort.Strings(args)
				b.WriteString("(" + strings.Join(args, ",") + ")")
			}
		}
		out = append(out, b.String())
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// matchOperations pairs the operations of two schemas: an action or a
// function by its kind, name, binding and (a function's) argument names;
// else, and a read or write always, by a request the two share (the same
// method and path) and the same kind, the one sharing most; then by Go
// name and kind. What is left is removed or added.
func matchOperations(old, new []*Operation) (pairs [][2]*Operation, removed, added []*Operation) {
	usedOld, usedNew := map[*Operation]bool{}, map[*Operation]bool{}
	pair := func(o, n *Operation) {
		pairs = append(pairs, [2]*Operation{o, n})
		usedOld[o], usedNew[n] = true, true
	}
	byKey := map[string]*Operation{}
	for _, n := range new {
		if n.Kind == OpAction || n.Kind == OpFunction {
			if _, dup := byKey[opKey(n)]; !dup {
				byKey[opKey(n)] = n
			}
		}
	}
	for _, o := range old {
		if o.Kind != OpAction && o.Kind != OpFunction {
			continue
		}
		if n := byKey[opKey(o)]; n != nil && !usedNew[n] {
			pair(o, n)
		}
	}
	byRequest := map[string][]*Operation{}
	for _, n := range new {
		if usedNew[n] {
			continue
		}
		for _, k := range requestKeys(n) {
			byRequest[k] = append(byRequest[k], n)
		}
	}
	for _, o := range old {
		if usedOld[o] {
			continue
		}
		// Several pages may document one request (a create of each
		// derived type, POST /deviceAppManagement/mobileApps): the one of
		// the page of the same name first, then the one sharing most
		// requests, then the one of the same Go name.
		score := map[*Operation]int{}
		for _, k := range requestKeys(o) {
			for _, n := range byRequest[k] {
				if !usedNew[n] && sameKindClass(o, n) {
					score[n] += 4
				}
			}
		}
		for n := range score {
			if pageName(n.Source) == pageName(o.Source) {
				score[n] += 1 << 20
			}
			if n.GoName == o.GoName {
				score[n]++
			}
		}
		var best *Operation
		for n, c := range score {
			if best == nil || c > score[best] || c == score[best] && n.GoName < best.GoName {
				best = n
			}
		}
		if best != nil {
			pair(o, best)
		}
	}
	byGo := map[string]*Operation{}
	for _, n := range new {
		if !usedNew[n] {
			byGo[string(n.Kind)+"|"+n.GoName] = n
		}
	}
	for _, o := range old {
		if usedOld[o] {
			continue
		}
		if n := byGo[string(o.Kind)+"|"+o.GoName]; n != nil && !usedNew[n] && o.GoName != "" {
			pair(o, n)
		}
	}
	for _, o := range old {
		if !usedOld[o] {
			removed = append(removed, o)
		}
	}
	for _, n := range new {
		if !usedNew[n] {
			added = append(added, n)
		}
	}
	return pairs, removed, added
}

// pageName is the file name of a source's page (path:line).
func pageName(source string) string {
	p := sourcePath(source)
	return p[strings.LastIndexByte(p, '/')+1:]
}

// sameKindClass: both are actions or functions (a page may call a function
// with POST), or both are the same read or write.
func sameKindClass(a, b *Operation) bool {
	op := func(k OpKind) bool { return k == OpAction || k == OpFunction }
	if op(a.Kind) || op(b.Kind) {
		return op(a.Kind) && op(b.Kind) && strings.EqualFold(a.Name, b.Name)
	}
	return a.Kind == b.Kind
}

// opDisplayName names an operation in a change: an action or a function by
// its binding and name (microsoft.graph.user.sendMail,
// Collection(microsoft.graph.event).delta, a function's arguments after
// it), a read or write by its kind and first request (list GET
// /me/messages).
func opDisplayName(o *Operation) string {
	if o.Kind == OpAction || o.Kind == OpFunction {
		name := o.Name
		if o.Kind == OpFunction && len(o.Parameters) > 0 {
			names := make([]string, len(o.Parameters))
			for i, p := range o.Parameters {
				names[i] = p.Name
			}
			name += "(" + strings.Join(names, ",") + ")"
		}
		if o.Binding == nil {
			return name
		}
		return typeRefWord(o.Binding) + "." + name
	}
	if len(o.Requests) == 0 {
		return string(o.Kind) + " " + o.Name
	}
	r := o.Requests[0]
	return string(o.Kind) + " " + r.Method + " " + r.Path
}

// opType is the type a change is grouped under: the binding's (element)
// type.
func opType(o *Operation) string {
	if o.Binding == nil || o.Binding.Type == "" {
		return unbound
	}
	return o.Binding.Type
}

// opSummary says what an operation is: its kind, and what it returns.
func opSummary(o *Operation) string {
	s := string(o.Kind)
	if o.Returns != nil {
		s += " returning " + typeRefWord(o.Returns)
	}
	return s
}

// typeRefWord writes a type reference as the docs do: "Edm.String",
// "Collection(microsoft.graph.event)"; "" for none.
func typeRefWord(t *TypeRef) string {
	if t == nil {
		return ""
	}
	if t.Collection {
		return "Collection(" + t.Type + ")"
	}
	return t.Type
}

func paramType(p *Parameter) string {
	if p.Type == "" {
		return ""
	}
	return typeRefWord(&TypeRef{Type: p.Type, Collection: p.Collection})
}

// diffOperation compares one operation in both schemas; permissions when
// both sides give some; against a service, a binding to a derived type is
// no change (matchInherited), nor a Go name (the service's is named from
// its binding).
func diffOperation(o, n *Operation, perms, service bool) []Change {
	var out []Change
	name, typ := opDisplayName(n), opType(n)
	changed := func(el, aspect, ov, nv string, breaking bool, at string) {
		out = append(out, Change{Change: "changed", Element: el, Aspect: aspect, Name: name, Type: typ, Go: n.GoName,
			Old: ov, New: nv, Breaking: breaking, At: at})
	}
	if o.Kind != n.Kind {
		// An action is called with POST and a body struct, a function
		// with GET and its arguments in the path.
		changed(ElemOperation, "kind", string(o.Kind), string(n.Kind), true, n.Source)
	}
	if ob, nb := typeRefWord(o.Binding), typeRefWord(n.Binding); ob != nb && !service {
		changed(ElemOperation, "binding", ob, nb, true, n.Source)
	}
	if or, nr := typeRefWord(o.Returns), typeRefWord(n.Returns); or != nr {
		// A result type that comes is new Go; one that goes or changes
		// breaks code that reads it.
		changed(ElemOperation, "returns", or, nr, or != "", n.Source)
	}
	if o.GoName != n.GoName && o.GoName != "" && n.GoName != "" && (!service || typeRefWord(o.Binding) == typeRefWord(n.Binding)) {
		out = append(out, Change{Change: "changed", Element: ElemGoName, Name: name, Type: typ, Go: n.GoName,
			Old: o.GoName, New: n.GoName, Breaking: true, At: n.Source})
	}
	if len(o.Requests) > 0 && len(n.Requests) > 0 {
		ok, nk := requestKeys(o), requestKeys(n)
		for _, r := range nk {
			if !slices.Contains(ok, r) {
				changed(ElemOperation, "request", "", rawRequest(n, r), false, n.Source)
			}
		}
		for _, r := range ok {
			if !slices.Contains(nk, r) {
				changed(ElemOperation, "request", rawRequest(o, r), "", false, n.Source)
			}
		}
	}
	out = append(out, diffParameters(o, n, name, typ)...)
	if perms {
		out = append(out, diffPermissions(o, n, name, typ)...)
	}
	return out
}

// rawRequest is the request of an operation as written, for a key of
// requestKeys.
func rawRequest(o *Operation, key string) string {
	for _, r := range o.Requests {
		one := &Operation{Requests: []Request{r}}
		if requestKeys(one)[0] == key {
			return r.Method + " " + r.Path
		}
	}
	return key
}

// diffParameters compares the parameters of one operation by name
// (without case: a case-only difference changes the body's JSON key).
func diffParameters(o, n *Operation, opName, typ string) []Change {
	var out []Change
	index := func(op *Operation) map[string]*Parameter {
		m := map[string]*Parameter{}
		for _, p := range op.Parameters {
			m[strings.ToLower(p.Name)] = p
		}
		return m
	}
	op, np := index(o), index(n)
	for _, key := range unionKeys(op, np) {
		a, b := op[key], np[key]
		switch {
		case a == nil:
			// A new field of the body struct (or argument): nothing is
			// taken away, even when the service now requires it.
			out = append(out, Change{Change: "added", Element: ElemParameter, Name: opName + "." + b.Name, Type: typ,
				Go: n.GoName + "." + naming.Pascal(b.Name), New: paramWord(b), At: b.Source})
		case b == nil:
			out = append(out, Change{Change: "removed", Element: ElemParameter, Name: opName + "." + a.Name, Type: typ,
				Go: o.GoName + "." + naming.Pascal(a.Name), Old: paramWord(a), Breaking: true, At: a.Source})
		default:
			name, goName := opName+"."+b.Name, n.GoName+"."+naming.Pascal(b.Name)
			changed := func(aspect, ov, nv string, breaking bool) {
				out = append(out, Change{Change: "changed", Element: ElemParameter, Aspect: aspect, Name: name, Type: typ,
					Go: goName, Old: ov, New: nv, Breaking: breaking, At: b.Source})
			}
			if a.Name != b.Name {
				changed("wire-name", a.Name, b.Name, true)
			}
			if at, bt := paramType(a), paramType(b); at != bt {
				changed("type", at, bt, true)
			}
			if a.Required != nil && b.Required != nil && *a.Required != *b.Required {
				changed("required", boolWord(*a.Required), boolWord(*b.Required), false)
			}
		}
	}
	return out
}

// paramWord says a parameter's type and whether it is required.
func paramWord(p *Parameter) string {
	s := paramType(p)
	if p.Required != nil && *p.Required {
		s += " (required)"
	}
	return strings.TrimSpace(s)
}

// diffPermissions compares the scopes of each kind of caller, as sets
// (their order is the page's ranking, not a change), where both sides
// have a permissions table; a table that comes or goes is one change.
// None is breaking: scopes are data in the operation table.
func diffPermissions(o, n *Operation, opName, typ string) []Change {
	var out []Change
	switch {
	case o.Permissions == nil && n.Permissions == nil:
		return nil
	case o.Permissions == nil:
		return []Change{{Change: "added", Element: ElemPermission, Name: opName, Type: typ, Go: n.GoName, New: permissionsWord(n.Permissions), At: n.Source}}
	case n.Permissions == nil:
		return []Change{{Change: "removed", Element: ElemPermission, Name: opName, Type: typ, Go: o.GoName, Old: permissionsWord(o.Permissions), At: o.Source}}
	}
	kinds := []struct {
		aspect string
		get    func(*Permissions) []string
	}{
		{"delegated-work", func(p *Permissions) []string { return p.DelegatedWork }},
		{"delegated-personal", func(p *Permissions) []string { return p.DelegatedPersonal }},
		{"application", func(p *Permissions) []string { return p.Application }},
	}
	for _, k := range kinds {
		a, b := k.get(o.Permissions), k.get(n.Permissions)
		if !sameSet(a, b) {
			out = append(out, Change{Change: "changed", Element: ElemPermission, Aspect: k.aspect, Name: opName, Type: typ, Go: n.GoName,
				Old: scopesWord(a), New: scopesWord(b), At: n.Source})
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// scopesWord lists scopes; a kind the page marks not supported is
// "not supported".
func scopesWord(s []string) string {
	if len(s) == 0 {
		return "not supported"
	}
	return strings.Join(s, ", ")
}

func permissionsWord(p *Permissions) string {
	return "delegated-work: " + scopesWord(p.DelegatedWork) + "; delegated-personal: " + scopesWord(p.DelegatedPersonal) + "; application: " + scopesWord(p.Application)
}

// diffEntryPoints compares the entity sets and singletons by name: one
// that comes, goes, or changes its kind or type. None is breaking: entry
// points are no Go identifiers; the operations they lead to say what
// changed for Go.
func diffEntryPoints(old, new *Schema) []Change {
	if len(old.EntryPoints) == 0 || len(new.EntryPoints) == 0 {
		return nil
	}
	index := func(s *Schema) map[string]*EntryPoint {
		m := map[string]*EntryPoint{}
		for _, e := range s.EntryPoints {
			m[strings.ToLower(e.Name)] = e
		}
		return m
	}
	oe, ne := index(old), index(new)
	var out []Change
	word := func(e *EntryPoint) string { return e.Kind + " of " + orNoneWord(e.Type) }
	for _, key := range unionKeys(oe, ne) {
		a, b := oe[key], ne[key]
		switch {
		case a == nil:
			out = append(out, Change{Change: "added", Element: ElemEntryPoint, Name: "/" + b.Name, Type: unbound, New: word(b), At: b.Source})
		case b == nil:
			out = append(out, Change{Change: "removed", Element: ElemEntryPoint, Name: "/" + a.Name, Type: unbound, Old: word(a), At: a.Source})
		default:
			if a.Kind != b.Kind {
				out = append(out, Change{Change: "changed", Element: ElemEntryPoint, Aspect: "kind", Name: "/" + b.Name, Type: unbound, Old: a.Kind, New: b.Kind, At: b.Source})
			}
			if a.Type != b.Type && a.Type != "" && b.Type != "" {
				out = append(out, Change{Change: "changed", Element: ElemEntryPoint, Aspect: "type", Name: "/" + b.Name, Type: unbound, Old: a.Type, New: b.Type, At: b.Source})
			}
		}
	}
	return out
}

func orNoneWord(s string) string {
	if s == "" {
		return "an unknown type"
	}
	return s
}
