// Resolving all pages into one schema: the model the passes share and the
// driver that runs them in order (resolve_*.go, one file per pass).

package schema

import (
	"sort"
	"strconv"
	"strings"
	"sync"

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
	// navByName indexes the navigation properties by lower-case name, for
	// the paths that start with one (uniqueProperty).
	navByName map[string][]*Property
	// derivedFrom holds, for types a base page lists as derived from it,
	// that base: used only when the type's own page names none.
	derivedFrom map[*entry]*derivedClaim
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
	r.collect()
	learned := r.learn()
	r.learned = learned
	r.enumsFromPossibleValues()
	r.resolveProperties()
	r.resolveBases()
	r.inferKinds()
	r.implicitEntityBases()
	r.breakCycles()
	if counts := r.recoverMembers(); len(counts) > 0 {
		learned.TranslatedMembers = counts
	}
	r.lowerTranslatedCapitals()
	r.membersFromPossibleValues()
	r.dedupeMembers()
	r.ownProperties()
	r.checkWireNames()
	s := &Schema{Version: Version, byName: map[string]*Type{}}
	if !learned.Empty() {
		s.Learned = learned
	}
	for _, e := range r.order {
		s.Types = append(s.Types, e.t)
		s.byName[e.t.Name] = e.t
	}
	if o.Overrides != nil {
		s.applyOverrides(o.Overrides, &r.diags)
	}
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	r.resolveOperations(s)
	assignNames(s)
	if o.Overrides != nil {
		s.checkPins(&r.diags)
	}
	r.diags.Sort()
	s.Diagnostics = r.diags
	return s
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
