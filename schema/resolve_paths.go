// The operations pass, its paths: the entry points (entity sets and
// singletons) the API pages' paths start from, and walking a path segment by
// segment through keys, navigation properties (inherited ones too) and casts
// to what it reaches, and to the operation its last segment may name.

package schema

import (
	"slices"
	"sort"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// reach is what a path reaches so far: a type, or a collection of it.
type reach struct {
	t          *Type
	name       string // qualified; set with t, or alone for a type no page describes
	collection bool
}

func (a reach) known() bool { return a.name != "" }

func (a reach) ref() *TypeRef {
	if !a.known() {
		return nil
	}
	return &TypeRef{Type: a.name, Collection: a.collection}
}

// walk is a path walked.
type walk struct {
	entry   string // the first segment
	at      reach  // what the path reaches (before a $ref, $value or $count)
	before  reach  // what the path reaches before its last named segment
	opSeg   *parser.Segment
	opLast  bool   // opSeg is the path's last segment
	special string // "$ref", "$value" or "$count"
	lastNav string // the last segment that named an entity set or navigation property
	// lastNavCollection: that segment is a collection (keyed or listed).
	lastNavCollection bool
	problem           string // why the path does not resolve; "" when it does
}

// entryEvidence is what the pages say of one entry point.
type entryEvidence struct {
	keyed, single int            // paths that key it / GETs of it that return one
	types         map[string]int // qualified type -> times a page says so
	source        string         // the first request that typed it
	// next are the names of the segments that follow it (after a key):
	// navigation properties of its type, or operations bound to it.
	next map[string]bool
	// afterKey are the names of the segments that follow a key on it ("" for
	// none): a key that stands for one of its properties' names
	// (/roleManagement/{rbacApplication}/roleDefinitions) keys no set.
	afterKey []string
	// wordThen are the pairs of names after it where the first may be a
	// key written as a word (/privilegedAccess/azureResources/resources).
	wordThen [][2]string
	// casts are the types its paths cast it to (/places/microsoft.graph.room).
	casts []string
}

// entryPoints finds the entry points: each path's first segment, typed by
// the pages that list, get, create or update it directly (GET /users
// returning a collection of user, GET /me returning a user).
func (r *resolver) entryPoints(pages []*parser.Page) map[string]*EntryPoint {
	ev := map[string]*entryEvidence{}
	names := map[string]string{} // lower -> as first written
	for _, p := range pages {
		op := p.Operation
		for _, req := range op.Requests {
			segs := parser.SplitPath(req.Path)
			if len(segs) == 0 || segs[0].Name == "" || strings.HasPrefix(segs[0].Name, "$") {
				continue
			}
			low := strings.ToLower(segs[0].Name)
			if _, ok := names[low]; !ok {
				names[low] = segs[0].Name
			}
			e := ev[low]
			if e == nil {
				e = &entryEvidence{types: map[string]int{}}
				ev[low] = e
			}
			keyed := segs[0].Positional > 0 || len(segs) > 1 && segs[1].Key
			if keyed {
				after := 1
				if segs[0].Positional == 0 {
					after = 2
				}
				next := ""
				if after < len(segs) {
					next = segs[after].Name
				}
				e.afterKey = append(e.afterKey, next)
			} else if len(segs) > 2 && plainName(segs[1]) && plainName(segs[2]) {
				e.wordThen = append(e.wordThen, [2]string{segs[1].Name, segs[2].Name})
			}
			if i := 1 + btoi(len(segs) > 1 && segs[1].Key); i < len(segs) && !segs[i].Key && !segs[i].Parens && strings.Contains(segs[i].Name, ".") {
				e.casts = append(e.casts, segs[i].Name)
			}
			if n := nextName(segs); n != "" {
				if e.next == nil {
					e.next = map[string]bool{}
				}
				e.next[strings.ToLower(n)] = true
			}
			direct := len(segs) == 1 || len(segs) == 2 && keyed && !segs[0].Parens
			if !direct || segs[0].Parens && !keyed {
				continue
			}
			var t parser.TypeExpr
			switch req.Method {
			case "GET":
				t = op.Response.Type
				if len(segs) == 1 && t.Known() && !t.Collection {
					e.single++
				}
			case "POST", "PATCH", "PUT":
				t = op.Body
				if !t.Known() {
					t = op.Response.Type
				}
			}
			if ref := r.typeRef(p, t); ref != nil {
				if _, described := r.lookup(ref.Type); described {
					e.types[ref.Type]++
					if e.source == "" {
						e.source = where(p, req.Pos)
					}
				}
			}
		}
	}
	out := map[string]*EntryPoint{}
	for low, e := range ev {
		typ, _, ok := majority(e.types)
		if !ok {
			typ = bestOf(e.types)
		}
		if typ == "" {
			// A first segment no page lists or gets: the type of its name
			// (/drive, /planner), if one has it.
			if c := r.lookupName(names[low], graphNamespace); c != nil {
				typ = c.t.Name
			}
		}
		if typ == "" {
			// Else the type that has the most of the segments that follow
			// it as navigation properties (/education/classes,
			// /education/schools: educationRoot), if one alone does.
			typ = r.typeWithProperties(e.next, names[low])
		}
		if typ == "" {
			continue
		}
		typ = r.castsBase(typ, e.casts)
		t, _ := r.lookup(typ)
		e.keyed = r.setKeys(t, e)
		kind := Singleton
		if e.keyed > 0 || e.single == 0 && len(e.types) > 0 && !singleByName(names[low], typ) {
			kind = EntitySet
		}
		out[low] = &EntryPoint{Name: names[low], Kind: kind, Type: typ, Source: e.source}
	}
	return out
}

// nextName is the name of the segment after a path's first (and its key).
func nextName(segs []parser.Segment) string {
	i := 1
	if i < len(segs) && segs[i].Key {
		i++
	}
	if i >= len(segs) || segs[i].Key || segs[i].Parens || strings.ContainsAny(segs[i].Name, ".$") {
		return ""
	}
	return segs[i].Name
}

// typeWithProperties returns the entity type that declares or inherits
// the most of the names as properties, at least two of them, or all where
// there is only one; of types that tie, the one whose name starts the
// entry point's (onPremisesPublishingProfile for
// /onPremisesPublishingProfiles); "" when no type alone does.
func (r *resolver) typeWithProperties(names map[string]bool, entry string) string {
	need := 2
	if len(names) == 1 {
		need = 1
	}
	best, bestN, tie, bestNamed := "", 0, false, false
	for _, e := range r.order {
		if e.t.Kind != Entity {
			continue
		}
		n := 0
		for name := range names {
			if p := r.findProperty(e.t, name); p != nil && p.Navigation && ownerOf(e.t, p) {
				n++
			}
		}
		named := namePrefix(e.t.Name, entry)
		switch {
		case n > bestN:
			best, bestN, tie, bestNamed = e.t.Name, n, false, named
		case n == bestN && n > 0 && named && !bestNamed:
			best, tie, bestNamed = e.t.Name, false, true
		case n == bestN && n > 0 && named == bestNamed:
			tie = true
		}
	}
	if bestN < need || tie {
		return ""
	}
	return best
}

// ownerOf: the property is t's own or inherited, not a derived type's.
func ownerOf(t *Type, p *Property) bool {
	if slices.Contains(t.Properties, p) {
		return true
	}
	for b := range t.Ancestors() {
		if slices.Contains(b.Properties, p) {
			return true
		}
	}
	return false
}

// singleByName: an entry point without keys or single GETs that is named
// as its type (/planner: planner) is a singleton.
func singleByName(name, typ string) bool {
	return strings.EqualFold(parser.ShortName(typ), name)
}

// bestOf returns the value seen most, the smallest name on a tie; "" for
// none.
func bestOf(counts map[string]int) string {
	best, n := "", 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// lookup finds a described type by qualified name.
func (r *resolver) lookup(name string) (*Type, bool) {
	if e := r.byName[strings.ToLower(name)]; e != nil {
		return e.t, true
	}
	return nil, false
}

// prefixTypes are the types the pages give whole paths: what a GET of the
// path returns, a collection of what a POST to it creates. Keys are the
// paths' segment names in lower case, "{}" for a key.
type prefixTypes map[string]*TypeRef

// pathKey is a path's key in prefixTypes.
func pathKey(segs []parser.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if s.Key || s.Positional > 0 && len(s.Args) == 0 && s.Name == "" {
			b.WriteString("{}")
			continue
		}
		b.WriteString(strings.ToLower(s.Name))
		if s.Positional > 0 {
			b.WriteString("/{}")
		}
	}
	return b.String()
}

// longest returns how many of the first segments make the longest path
// (shorter than the whole) that the pages type, and its type.
func (known prefixTypes) longest(segs []parser.Segment) (int, *TypeRef) {
	for k := len(segs) - 1; k >= 1; k-- {
		if ref := known[pathKey(segs[:k])]; ref != nil {
			return k, ref
		}
	}
	return 0, nil
}

// composables returns what a function bound to a reach returns, as the
// function's own pages say: a path may go on into its result
// (range(address='A1')/format). nil when no page says.
type composables func(bound reach, name string) *TypeRef

// walkPath walks a request path from its entry point.
func (r *resolver) walkPath(path string, entries map[string]*EntryPoint, results composables, known prefixTypes) walk {
	segs := parser.SplitPath(path)
	var w walk
	if len(segs) == 0 {
		w.problem = "the path has no segment"
		return w
	}
	if last := segs[len(segs)-1]; last.Unclosed {
		w.problem = "\"" + last.Raw + "\" does not close what it opens"
		return w
	}
	first := segs[0]
	w.entry = first.Name
	rest := segs[1:]
	offset := 1 // of rest in segs
	if ep := entries[strings.ToLower(first.Name)]; ep != nil {
		t, _ := r.lookup(ep.Type)
		w.at = reach{t: t, name: ep.Type, collection: ep.Kind == EntitySet}
		w.lastNav, w.lastNavCollection = first.Name, w.at.collection
		if first.Positional > 0 && w.at.collection {
			w.at.collection = false
		}
	} else if prop := r.uniqueProperty(first.Name); prop != nil {
		// A path relative to a resource (/workbook/...): the one type with
		// such a navigation property owns it.
		w.at = propReach(prop)
		w.lastNav = first.Name
	} else if k, ref := known.longest(segs); k > 0 {
		// An entry point no page types (/communications) whose longer
		// paths a page lists or gets (/communications/calls/{id}: call).
		w.at = r.reachOf(ref)
		w.lastNav, w.lastNavCollection = segs[k-1].Name, ref.Collection
		rest, offset = segs[k:], k
	} else if ref := known[pathKey(segs)]; ref != nil && len(segs) > 1 {
		// An entry point no page types, under which this very path is
		// listed, got or created (/informationProtection/threatAssessmentRequests):
		// what the path reaches is known, what it is bound under is not.
		w.at = r.reachOf(ref)
		w.lastNav, w.lastNavCollection = segs[len(segs)-1].Name, ref.Collection
		return w
	} else {
		w.problem = "\"" + first.Raw + "\" is no entry point the pages list, get or create"
		if len(segs) == 1 {
			w.opSeg, w.opLast = &segs[0], true
		}
		return w
	}
	w.before = w.at
	for i := 0; i < len(rest); i++ {
		s := &rest[i]
		last := i == len(rest)-1
		switch {
		case s.Key:
			if !w.at.collection && w.at.known() {
				continue // a drive item's path, a key twice: still the item
			}
			w.at.collection = false
			continue
		case s.Name == "$ref" || s.Name == "$value" || s.Name == "$count":
			w.special = s.Name
			if !last {
				w.problem = "\"" + s.Name + "\" before the end of the path"
			}
			return w
		}
		if !w.at.known() || w.at.t == nil {
			w.problem = "nothing is known of what the path reaches before \"" + s.Raw + "\""
			if last {
				w.opSeg, w.opLast = s, true
			}
			return w
		}
		if prop := r.findProperty(w.at.t, s.Name); prop != nil && !(s.Parens && len(s.Args) > 0) {
			w.before = w.at
			w.at = propReach(prop)
			w.lastNav, w.lastNavCollection = prop.Name, w.at.collection
			if s.Positional > 0 && w.at.collection {
				w.at.collection = false
			}
			continue
		}
		if strings.Contains(s.Name, ".") && !s.Parens {
			if c := r.lookupName(s.Name, graphNamespace); c != nil && c.t.Kind != Enum {
				w.at.t, w.at.name = c.t, c.t.Name // a cast keeps the collection
				continue
			}
		}
		if ref := known[pathKey(segs[:offset+i+1])]; !last && ref != nil {
			// A segment the type's page does not list, whose path a page
			// lists, gets or creates in (/teams/{id}/schedule,
			// /me/onlineMeetings): what that page says comes before
			// reading the segment as a function whose result the path
			// goes on into (a create documented as POST /me/onlineMeetings
			// returns one meeting; the path reaches the collection).
			w.before = w.at
			w.at = r.reachOf(ref)
			w.lastNav, w.lastNavCollection = s.Name, ref.Collection
			continue
		}
		if !last && results != nil {
			if ret := results(w.at, s.Name); ret != nil {
				w.before = w.at
				w.at = r.reachOf(ret)
				continue
			}
		}
		if !last && w.at.collection && !s.Parens {
			// A name in a key's place (/mailFolders/inbox, /users/me): a
			// key spelt as a word.
			w.at.collection = false
			continue
		}
		if c := r.lookupName(s.Name, graphNamespace); !last && !s.Parens && c != nil && c.t.Kind != Enum && !strings.Contains(s.Name, ".") {
			// A segment not on its type's page that names a type
			// (/me/calendargroup/calendars, /sites/{id}/onenote/pages): it
			// reaches that type, as a property named after its type does.
			w.before = w.at
			w.at = reach{t: c.t, name: c.t.Name}
			w.lastNav, w.lastNavCollection = s.Name, false
			continue
		}
		if next := nextName(rest[i:]); !last && !s.Parens && next != "" {
			if o := r.uniqueNavigation(next); o != nil && !ownerOf(w.at.t, o.p) {
				// A segment the type's page does not list, followed by a
				// navigation property only one type declares
				// (/me/authentication/passwordMethods): it reaches that type.
				// Not where the type reached has the property itself: the
				// segment is then an operation's (first/pages).
				w.before = w.at
				w.at = reach{t: o.owner, name: o.owner.Name}
				w.lastNav, w.lastNavCollection = s.Name, false
				continue
			}
		}
		if k, ref := known.longest(segs); !last && k > offset+i+1 {
			// A segment no page describes, inside a longer path a page
			// lists, gets or creates in
			// (/servicePrincipals/{id}/synchronization/jobs, synchronization
			// being no property of servicePrincipal): on from there.
			w.before = w.at
			w.at = r.reachOf(ref)
			w.lastNav, w.lastNavCollection = segs[k-1].Name, ref.Collection
			i = k - offset - 1
			continue
		}
		if ref := known[pathKey(segs)]; !last && ref != nil && results != nil && !r.misspelt(w.at.t, s.Name) {
			// A segment no page describes, in a path a page lists, gets or
			// creates in whole (/users/{id}/appRoleAssignments/{id},
			// /me/authentication/methods): the path reaches what that
			// page says; what it passes through is not known. Not where
			// the segment misspells a property of the type reached
			// (/users/{id}/mesages/{id}): that stays unresolved, and is
			// reported; nor when telling which segments other paths go
			// on past (results is nil then).
			w.before = w.at
			w.at = r.reachOf(ref)
			w.lastNav, w.lastNavCollection = lastNamed(segs), ref.Collection
			return w
		}
		w.opSeg, w.opLast = s, last
		w.before = w.at
		if !last {
			// A function whose result the path goes on into (range(...)/format):
			// what it returns is not known here.
			w.problem = "\"" + s.Raw + "\" is followed by more segments; what it returns is not known"
		}
		return w
	}
	return w
}

// misspelt reports a segment name within two letters' edit of a property
// of t or of its bases (mesages for messages), five letters long at least.
func (r *resolver) misspelt(t *Type, name string) bool {
	if t == nil || len(name) < 5 {
		return false
	}
	low := strings.ToLower(name)
	for ; t != nil; t = t.BaseType {
		for _, p := range t.Properties {
			if d := editDistance(low, strings.ToLower(p.Name)); d > 0 && d <= 2 {
				return true
			}
		}
	}
	return false
}

// lastNamed is the name of the last segment that is no key.
func lastNamed(segs []parser.Segment) string {
	for i := len(segs) - 1; i >= 0; i-- {
		if segs[i].Name != "" {
			return segs[i].Name
		}
	}
	return ""
}

// writeToResult turns a PATCH, PUT or DELETE of a function's result
// (PATCH /workbook/names/{name}/range) into a write of what the function
// returns, as a GET of it reads it: no function is called with those
// methods.
func (r *resolver) writeToResult(w walk, method string, results composables) walk {
	if w.opSeg == nil || !w.opLast || w.problem != "" || results == nil {
		return w
	}
	switch method {
	case "PATCH", "PUT", "DELETE":
	default:
		return w
	}
	ret := results(w.before, w.opSeg.Name)
	if ret == nil {
		return w
	}
	w.at = r.reachOf(ret)
	w.lastNav, w.lastNavCollection = w.opSeg.Name, ret.Collection
	w.opSeg, w.opLast = nil, false
	return w
}

// reachOf is what a path typed by a TypeRef reaches.
func (r *resolver) reachOf(ref *TypeRef) reach {
	t, _ := r.lookup(ref.Type)
	return reach{t: t, name: ref.Type, collection: ref.Collection}
}

// propReach is what a property reaches.
func propReach(p *Property) reach {
	return reach{t: p.Ref, name: p.Type, collection: p.Collection}
}

// findProperty finds a property by name (ignoring case) on t or its bases,
// else on the one type derived from t (at most nine levels down) that
// declares it.
func (r *resolver) findProperty(t *Type, name string) *Property {
	if r.propsByName == nil {
		// Built on first use: every segment of every path asks.
		r.propsByName = newPropertyIndex(r.types())
	}
	return r.propsByName.find(t, name)
}

// types are the resolved types, in name order.
func (r *resolver) types() []*Type {
	out := make([]*Type, len(r.order))
	for i, e := range r.order {
		out[i] = e.t
	}
	return out
}

// ownedProperty is a property with the type that declares it.
type ownedProperty struct {
	owner *Type
	p     *Property
}

// propertyIndex holds every property by lower-case name with its type:
// what finding one on a type derived from the one reached would otherwise
// look for in every type derived from it (an entity's are all).
type propertyIndex map[string][]ownedProperty

func newPropertyIndex(types []*Type) propertyIndex {
	ix := propertyIndex{}
	for _, t := range types {
		for _, p := range t.Properties {
			low := strings.ToLower(p.Name)
			ix[low] = append(ix[low], ownedProperty{t, p})
		}
	}
	return ix
}

// find is findProperty on the types indexed.
func (ix propertyIndex) find(t *Type, name string) *Property {
	declared := ix[strings.ToLower(name)]
	if len(declared) == 0 {
		return nil
	}
	if p := ownProperty(t, name); p != nil {
		return p
	}
	for b := range t.Ancestors() {
		if p := ownProperty(b, name); p != nil {
			return p
		}
	}
	var found *Property
	n := 0
	for _, d := range declared {
		if descendsFrom(d.owner, t, 9) {
			found = d.p
			n++
		}
	}
	if n == 1 {
		return found
	}
	return nil
}

// descendsFrom reports whether d derives from t, at most levels down.
func descendsFrom(d, t *Type, levels int) bool {
	for b := d.BaseType; b != nil && levels > 0; b, levels = b.BaseType, levels-1 {
		if b == t {
			return true
		}
	}
	return false
}

func ownProperty(t *Type, name string) *Property {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// uniqueProperty finds the navigation property of this name when exactly
// one type declares one.
func (r *resolver) uniqueProperty(name string) *Property {
	if o := r.uniqueNavigation(name); o != nil {
		return o.p
	}
	return nil
}

// uniqueNavigation is the one navigation property of all types with the
// name (ignoring case), with its type; nil when none or several have it.
func (r *resolver) uniqueNavigation(name string) *ownedProperty {
	if r.navByName == nil {
		// Built once: every path with an unknown first segment asks.
		r.navByName = map[string][]ownedProperty{}
		for _, e := range r.order {
			for _, p := range e.t.Properties {
				if p.Navigation {
					low := strings.ToLower(p.Name)
					r.navByName[low] = append(r.navByName[low], ownedProperty{e.t, p})
				}
			}
		}
	}
	if found := r.navByName[strings.ToLower(name)]; len(found) == 1 {
		return &found[0]
	}
	return nil
}

// sortedEntryPoints returns the entry points by name.
func sortedEntryPoints(m map[string]*EntryPoint) []*EntryPoint {
	out := make([]*EntryPoint, 0, len(m))
	for _, ep := range m {
		out = append(out, ep)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
