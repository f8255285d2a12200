// Resolving all pages into one schema: the model the passes share, the
// table of passes in the order they run (resolve_*.go hold them) and the
// driver that runs it.

package schema

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

const (
	graphNamespace = "microsoft.graph"
	entityName     = "microsoft.graph.entity"
	jsonTypeName   = "microsoft.graph.Json"
)

type typeDoc struct {
	page *parser.Page
	doc  *parser.TypeDoc
	// rowsOwned is set once doc's rows are the resolver's copies (ownRow).
	rowsOwned bool
}

type enumDoc struct {
	page *parser.Page
	doc  *parser.EnumDoc
}

type propEntry struct {
	page *parser.Page
	doc  *parser.PropDoc
	prop *Property
	// moved marks an inherited row moved to the base that lacked it: the
	// base declares it, whatever the row said.
	moved bool
}

// entry is one type being resolved, with every page definition of it.
type entry struct {
	t     *Type
	tdocs []typeDoc // primary first
	edocs []enumDoc
	props []*propEntry
	ns    string
	page  *parser.Page // the primary definition's page
	// baseRank is the claimRank of the sign that gave the base: a cycle
	// costs the type whose base rests on the weakest.
	baseRank int
}

type resolver struct {
	pages    []*parser.Page
	byName   map[string]*entry   // lower-cased qualified name
	byPath   map[string][]*entry // lower-cased page path, in page order
	byAnchor map[string]*entry   // lower-cased path#anchor
	byShort  map[string][]*entry // lower-cased short name
	order    []*entry            // sorted by qualified name
	diagsMu  sync.Mutex          // passes that run in parallel warn at once
	diags    diag.List
	learned  *Learned // what the folder taught, for the API pages' types
	// navByName indexes the navigation properties by lower-case name, with
	// the type that declares each, for the paths that start with one or go
	// through a segment no page lists (uniqueProperty, uniqueOwner).
	navByName map[string][]ownedProperty
	// propsByName indexes every property by lower-case name with its
	// type, for finding one on a path's types (findProperty).
	propsByName propertyIndex
	// derivedFrom holds, for types a base page lists as derived from it,
	// that base: used only when the type's own page names none.
	derivedFrom map[*entry]*derivedClaim
	// propertyNames holds each struct type's property names, its bases'
	// included, for the return type a response's keys show (typeOfKeys).
	propertyNames     map[*Type]map[string]bool
	propertyNamesOnce sync.Once
	// argumentCalls holds the lower-case names some request calls with
	// arguments (calledWithArguments).
	argumentCalls     map[string]bool
	argumentCallsOnce sync.Once
	// composed holds the operations some path goes on past (opKind).
	composed composedOn
}

type derivedClaim struct {
	base  *entry
	page  *parser.Page
	claim parser.BaseClaim
}

// Resolve builds one schema from all pages. It never fails: what it cannot
// resolve it reports and works around, and the result is the same whatever
// order the pages come in.
func Resolve(pages []*parser.Page) *Schema { return ResolveWith(pages, Options{}) }

// ResolveWith is Resolve with options: overrides are applied to the
// resolved types before links and Go names are made, so a changed type,
// base or name flows through as a page's would; their mistakes are errors
// among the schema's diagnostics.
func ResolveWith(pages []*parser.Page, o Options) *Schema {
	sorted := append([]*parser.Page(nil), pages...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	r := &resolver{
		pages:    sorted,
		byName:   map[string]*entry{},
		byPath:   map[string][]*entry{},
		byAnchor: map[string]*entry{},
		byShort:  map[string][]*entry{},
	}
	for _, p := range sorted {
		r.diags = append(r.diags, p.Diags...)
	}
	run := &resolution{r: r, opts: o}
	for _, p := range passes {
		start := time.Now()
		p.run(run)
		if o.OnPass != nil {
			o.OnPass(p.name, time.Since(start))
		}
	}
	r.diags.Sort()
	run.s.Diagnostics = r.diags
	return run.s
}

// resolution is what the passes share besides the resolver: the options,
// and the schema once the types are settled.
type resolution struct {
	r    *resolver
	opts Options
	s    *Schema
}

// pass is one step of resolving: its name (for -v's timings) and what it
// does. Each file resolve_*.go holds one or a few.
type pass struct {
	name string
	run  func(*resolution)
}

// passes are the steps of resolving, in the order they run: the types
// from the page models first (collect to wire names), then the schema
// they make, then what needs the schema whole (overrides, the derived
// lists, operations, Go names).
var passes = []pass{
	{"collect", func(x *resolution) { x.r.collect(); x.r.collectDerivedLists() }},         // resolve_collect.go; then the derived-type tables learn and bases read (resolve_inherit.go)
	{"learn", func(x *resolution) { x.r.learned = x.r.learn() }},                          // resolve_learn.go, resolve_learn_bases.go, resolve_learn_temporal.go
	{"enums from possible values", func(x *resolution) { x.r.enumsFromPossibleValues() }}, // resolve_members.go
	{"property types", func(x *resolution) { x.r.resolveProperties() }},                   // resolve_lookup.go
	{"bases", func(x *resolution) { x.r.resolveBases() }},                                 // resolve_inherit.go
	{"kinds", func(x *resolution) { x.r.inferKinds() }},                                   // resolve_kinds.go
	{"implicit entity bases", func(x *resolution) { x.r.implicitEntityBases() }},          // resolve_inherit.go
	{"cycles", func(x *resolution) { x.r.breakCycles() }},                                 // resolve_inherit.go
	{"translated members", func(x *resolution) { // resolve_members_translated.go
		if counts := x.r.recoverMembers(); len(counts) > 0 {
			x.r.learned.TranslatedMembers = counts
		}
	}},
	{"member capitals", func(x *resolution) { x.r.lowerTranslatedCapitals() }},                // resolve_members.go
	{"members from possible values", func(x *resolution) { x.r.membersFromPossibleValues() }}, // resolve_members.go
	{"duplicate members", func(x *resolution) { x.r.dedupeMembers() }},                        // resolve_members.go
	{"translated rows", func(x *resolution) { // resolve_translatedrows.go
		if counts := x.r.translatedRows(); len(counts) > 0 {
			x.r.learned.TranslatedRows = counts
		}
	}},
	{"translated nouns", func(x *resolution) { x.r.translatedNouns() }}, // resolve_translatednouns.go
	{"own properties", func(x *resolution) { x.r.ownProperties() }},     // resolve_properties.go
	{"wire names", func(x *resolution) { x.r.checkWireNames() }},        // resolve_properties.go
	{"schema", func(x *resolution) { x.s = x.r.schema() }},
	{"overrides", func(x *resolution) { // overrides.go
		if x.opts.Overrides != nil {
			x.s.applyOverrides(x.opts.Overrides, &x.r.diags)
		}
	}},
	{"derived lists", func(x *resolution) { x.s.linkDerived() }},
	{"operations", func(x *resolution) { x.r.resolveOperations(x.s) }}, // resolve_operations.go, resolve_paths.go, resolve_responsekeys.go
	{"names", func(x *resolution) { assignNames(x.s) }},                // names.go
	{"pinned names", func(x *resolution) { // overrides.go
		if x.opts.Overrides != nil {
			x.s.checkPins(&x.r.diags)
		}
	}},
}

// schema is the schema of the resolved types, sorted by qualified name.
func (r *resolver) schema() *Schema {
	s := &Schema{Version: Version, byName: map[string]*Type{}}
	if !r.learned.Empty() {
		s.Learned = r.learned
	}
	for _, e := range r.order {
		s.Types = append(s.Types, e.t)
		s.byName[e.t.Name] = e.t
	}
	return s
}

// linkDerived lists each type among its base's derived types.
func (s *Schema) linkDerived() {
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
}

// warn reports a warning; the order does not matter, as the diagnostics
// are sorted at the end.
func (r *resolver) warn(p *parser.Page, pos parser.Position, code diag.WarningCode, format string, args ...any) {
	r.diagsMu.Lock()
	defer r.diagsMu.Unlock()
	r.diags.Warn(pos.At(p.Path), code, format, args...)
}

// where is "path:line", as Source fields give it.
func where(p *parser.Page, pos parser.Position) string {
	return p.Path + ":" + strconv.Itoa(pos.Line)
}

func namespaceOf(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[:i]
	}
	return ""
}

func (r *resolver) typePos(e *entry) parser.Position {
	if len(e.tdocs) > 0 {
		return e.tdocs[0].doc.Pos
	}
	if len(e.edocs) > 0 {
		return e.edocs[0].doc.Pos
	}
	return parser.Position{Line: 1, Col: 1}
}
