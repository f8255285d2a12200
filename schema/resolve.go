package schema

import (
	"fmt"
	"path"
	"sort"
	"strings"

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
	diags    diag.List
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
func Resolve(pages []*parser.Page) *Schema {
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
	r.enumsFromPossibleValues()
	r.resolveProperties()
	r.resolveBases()
	r.inferKinds()
	r.implicitEntityBases()
	r.breakCycles()
	r.recoverMembers()
	r.membersFromPossibleValues()
	r.dedupeMembers()
	r.ownProperties()
	r.checkWireNames()

	s := &Schema{Version: 1, byName: map[string]*Type{}}
	for _, e := range r.order {
		s.Types = append(s.Types, e.t)
		s.byName[e.t.Name] = e.t
	}
	for _, t := range s.Types {
		if t.BaseType != nil {
			t.BaseType.Derived = append(t.BaseType.Derived, t)
		}
	}
	assignNames(s)
	r.diags.Sort()
	s.Diagnostics = r.diags
	return s
}

func (r *resolver) warn(p *parser.Page, pos parser.Position, code diag.WarningCode, format string, args ...any) {
	r.diags.Warn(diag.At(p.Path, pos.Line, pos.Col), code, format, args...)
}

func where(p *parser.Page, pos parser.Position) string {
	return fmt.Sprintf("%s:%d", p.Path, pos.Line)
}

func shortName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}

func namespaceOf(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[:i]
	}
	return ""
}

// primaryRank orders competing definitions of one type: the page named
// after the type first (user.md before intune-shared-user.md), then the
// page whose name ends with it, then page order.
func primaryRank(pagePath, name string) int {
	base := strings.ToLower(strings.TrimSuffix(path.Base(pagePath), ".md"))
	short := strings.ToLower(shortName(name))
	switch {
	case base == short:
		return 0
	case strings.HasSuffix(base, short):
		return 1
	}
	return 2
}

func (r *resolver) collect() {
	for _, p := range r.pages {
		for _, d := range p.Types {
			r.addType(p, d)
		}
		for _, d := range p.Enums {
			r.addEnum(p, d)
		}
	}
	for _, e := range r.byName {
		r.order = append(r.order, e)
	}
	sort.Slice(r.order, func(i, j int) bool { return r.order[i].t.Name < r.order[j].t.Name })
	for _, e := range r.order {
		if len(e.tdocs) > 1 {
			sort.SliceStable(e.tdocs, func(i, j int) bool {
				return primaryRank(e.tdocs[i].page.Path, e.t.Name) < primaryRank(e.tdocs[j].page.Path, e.t.Name)
			})
		}
		if len(e.tdocs) > 0 {
			r.mergeTypeDocs(e)
		} else {
			sort.SliceStable(e.edocs, func(i, j int) bool {
				return primaryRank(e.edocs[i].page.Path, e.t.Name) < primaryRank(e.edocs[j].page.Path, e.t.Name)
			})
			r.mergeEnumDocs(e)
		}
	}
}

func (r *resolver) register(p *parser.Page, name string, anchor string, e *entry) {
	key := strings.ToLower(p.Path)
	r.byPath[key] = append(r.byPath[key], e)
	if anchor != "" {
		r.byAnchor[key+"#"+strings.ToLower(anchor)] = e
	}
	short := strings.ToLower(shortName(name))
	for _, x := range r.byShort[short] {
		if x == e {
			return
		}
	}
	r.byShort[short] = append(r.byShort[short], e)
}

func (r *resolver) addType(p *parser.Page, d *parser.TypeDoc) {
	key := strings.ToLower(d.Name)
	e := r.byName[key]
	if e == nil {
		e = &entry{t: &Type{Name: d.Name, Kind: Complex}, ns: namespaceOf(d.Name)}
		r.byName[key] = e
	} else if len(e.edocs) > 0 && len(e.tdocs) == 0 {
		first := e.edocs[0]
		r.warn(p, d.Pos, diag.KindConflict, "%s is described as a type here and as an enum at %s; keeping the enum", d.Name, where(first.page, first.doc.Pos))
		return
	}
	e.tdocs = append(e.tdocs, typeDoc{p, d})
	r.register(p, d.Name, d.Anchor, e)
}

func (r *resolver) addEnum(p *parser.Page, d *parser.EnumDoc) {
	key := strings.ToLower(d.Name)
	e := r.byName[key]
	if e == nil {
		e = &entry{t: &Type{Name: d.Name, Kind: Enum}, ns: namespaceOf(d.Name)}
		r.byName[key] = e
	} else if len(e.tdocs) > 0 {
		first := e.tdocs[0]
		r.warn(p, d.Pos, diag.KindConflict, "%s is described as an enum here and as a type at %s; keeping the type", d.Name, where(first.page, first.doc.Pos))
		return
	}
	e.edocs = append(e.edocs, enumDoc{p, d})
	r.register(p, d.Name, d.Anchor, e)
}

// setPrimary takes the type's identity from its primary definition.
func (e *entry) setPrimary(page *parser.Page, name string, pos parser.Position, description string) {
	e.page = page
	e.t.Name = name
	e.ns = namespaceOf(name)
	e.t.Source = fmt.Sprintf("%s:%d", page.Path, pos.Line)
	e.t.Description = description
}

// mergeTypeDocs keeps the primary definition and adds what the others
// say that it does not; conflicting property types are reported.
func (r *resolver) mergeTypeDocs(e *entry) {
	prim := e.tdocs[0]
	e.setPrimary(prim.page, prim.doc.Name, prim.doc.Pos, prim.doc.Description)
	e.t.Abstract = prim.doc.Abstract
	e.t.OpenType = prim.doc.OpenType
	e.t.KeyProperty = prim.doc.KeyProperty
	seen := map[string]*propEntry{}
	for i, td := range e.tdocs {
		if i > 0 {
			r.warn(td.page, td.doc.Pos, diag.DuplicateDef, "%s is also described at %s; merged into that definition", e.t.Name, where(prim.page, prim.doc.Pos))
			e.t.Abstract = e.t.Abstract || td.doc.Abstract
			e.t.OpenType = e.t.OpenType || td.doc.OpenType
			if e.t.KeyProperty == "" {
				e.t.KeyProperty = td.doc.KeyProperty
			}
			if e.t.Description == "" {
				e.t.Description = td.doc.Description
			}
		}
		for _, pd := range td.doc.Properties {
			if prev, ok := seen[pd.Name]; ok {
				if i == 0 {
					if pd.FromJSON {
						continue
					}
					r.warn(td.page, pd.Pos, diag.DuplicateProperty, "property %q is listed again; first at %s", pd.Name, where(prev.page, prev.doc.Pos))
				} else if !sameTypeExpr(prev.doc.Type, pd.Type) && !pd.FromJSON && !prev.doc.FromJSON {
					r.warn(td.page, pd.Pos, diag.DuplicateType, "%s.%s is %q here but %q at %s; keeping the latter",
						shortName(e.t.Name), pd.Name, pd.Type.Raw, prev.doc.Type.Raw, where(prev.page, prev.doc.Pos))
				}
				continue
			}
			pe := &propEntry{page: td.page, doc: pd}
			seen[pd.Name] = pe
			e.props = append(e.props, pe)
		}
	}
}

func sameTypeExpr(a, b parser.TypeExpr) bool {
	if a.Primitive != "" || b.Primitive != "" {
		return a.Primitive == b.Primitive && a.Collection == b.Collection
	}
	return strings.EqualFold(shortName(a.Name), shortName(b.Name)) && a.Collection == b.Collection
}

// mergeEnumDocs keeps the primary definition's members and adds members
// only the others list, reporting value disagreements.
func (r *resolver) mergeEnumDocs(e *entry) {
	prim := e.edocs[0]
	e.setPrimary(prim.page, prim.doc.Name, prim.doc.Pos, prim.doc.Description)
	seen := map[string]*Member{}
	for i, ed := range e.edocs {
		if i > 0 {
			r.warn(ed.page, ed.doc.Pos, diag.DuplicateDef, "%s is also described at %s; merged into that definition", e.t.Name, where(prim.page, prim.doc.Pos))
		}
		e.t.Flags = e.t.Flags || ed.doc.Flags
		if i > 0 && e.t.Description == "" {
			e.t.Description = ed.doc.Description
		}
		for _, md := range ed.doc.Members {
			if prev, ok := seen[md.Name]; ok {
				if prev.Value != nil && md.Value != nil && *prev.Value != *md.Value {
					r.warn(ed.page, md.Pos, diag.MemberValueConflict, "member %s.%s has value %d here but %d in %s",
						shortName(e.t.Name), md.Name, *md.Value, *prev.Value, prim.page.Path)
				}
				continue
			}
			m := &Member{Name: md.Name, Value: md.Value, Description: md.Description, Deprecated: md.Deprecated}
			seen[md.Name] = m
			e.t.Members = append(e.t.Members, m)
		}
	}
	e.t.Flags = e.t.Flags || powerOfTwoValues(e.t.Members)
}

// powerOfTwoValues recognises a flags enum by its values: at least three
// non-zero members, all distinct powers of two, one of them 4 or more.
func powerOfTwoValues(members []*Member) bool {
	seen := map[int64]bool{}
	var max int64
	for _, m := range members {
		if m.Value == nil {
			return false
		}
		v := *m.Value
		if v == 0 {
			continue
		}
		if v < 0 || v&(v-1) != 0 || seen[v] {
			return false
		}
		seen[v] = true
		if v > max {
			max = v
		}
	}
	return len(seen) >= 3 && max >= 4
}

// lookupLink finds the type a link target describes: an anchor on the
// page first, then the type on the page whose name the link text gives,
// then the page's first type.
func (r *resolver) lookupLink(link, name string) *entry {
	if link == "" {
		return nil
	}
	lower := strings.ToLower(link)
	p, _, hasAnchor := strings.Cut(lower, "#")
	if hasAnchor {
		if e := r.byAnchor[lower]; e != nil {
			return e
		}
	}
	cands := r.byPath[p]
	if len(cands) == 0 {
		return nil
	}
	if name != "" {
		for _, c := range cands {
			if strings.EqualFold(shortName(c.t.Name), shortName(name)) {
				return c
			}
		}
	}
	if hasAnchor {
		return nil // an anchor on a page that names no type there
	}
	return cands[0]
}

// lookupName finds a type by name: qualified names exactly (ignoring
// case), short names in the namespace of the page that uses them first,
// then in microsoft.graph, then anywhere if only one type has the name.
func (r *resolver) lookupName(name, ns string) *entry {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if name == "" {
		return nil
	}
	if strings.Contains(name, ".") {
		if e := r.byName[strings.ToLower(name)]; e != nil {
			return e
		}
		return nil
	}
	cands := r.byShort[strings.ToLower(name)]
	if len(cands) == 0 {
		return nil
	}
	for _, want := range []string{ns, graphNamespace} {
		for _, c := range cands {
			if strings.EqualFold(c.ns, want) {
				return c
			}
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// qualify gives a name no page describes the qualified name it would have.
func qualify(name, ns string) string {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if strings.Contains(name, ".") {
		return name
	}
	if ns == "" {
		ns = graphNamespace
	}
	return ns + "." + name
}

func pageNamespace(p *parser.Page) string {
	if p.Namespace != "" {
		return p.Namespace
	}
	return graphNamespace
}

// resolveType turns a type expression into a schema type name and, for
// described types, the type itself.
func (r *resolver) resolveType(p *parser.Page, pos parser.Position, owner string, t parser.TypeExpr) (string, *entry) {
	if t.Primitive != "" {
		return t.Primitive, nil
	}
	linked := r.lookupLink(t.Link, t.Name)
	if t.LinkPrimitive != "" && (linked == nil || !strings.EqualFold(shortName(linked.t.Name), t.Name)) {
		// "[DateTimeOffset](timestamp.md)": the text names the type, the
		// link only explains it, unless the text is the page's own type
		// ("[timeStamp](timestamp.md)").
		return t.LinkPrimitive, nil
	}
	if linked != nil {
		return linked.t.Name, linked
	}
	ns := pageNamespace(p)
	if strings.EqualFold(shortName(t.Name), "json") && (!strings.Contains(t.Name, ".") || strings.EqualFold(t.Name, jsonTypeName)) {
		return jsonTypeName, nil
	}
	if e := r.lookupName(t.Name, ns); e != nil {
		return e.t.Name, e
	}
	if t.Name == "" || !parser.IsIdentifier(t.Name) {
		r.warn(p, pos, diag.UnknownTypeWord, "type %q of %s names no type; using %s", t.Raw, owner, jsonTypeName)
		return jsonTypeName, nil
	}
	q := qualify(t.Name, ns)
	r.warn(p, pos, diag.UnknownType, "type %s of %s is described by no page", q, owner)
	return q, nil
}

func (r *resolver) resolveProperties() {
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			name, ref := r.resolveType(pe.page, d.Pos, shortName(e.t.Name)+"."+d.Name, d.Type)
			prop := &Property{
				Name:        d.Name,
				Type:        name,
				Collection:  d.Type.Collection,
				Navigation:  d.Navigation,
				Nullable:    d.Nullable && d.Name != e.t.KeyProperty,
				Deprecated:  d.Deprecated,
				Description: d.Description,
			}
			if ref != nil {
				prop.Ref = ref.t
			}
			pe.prop = prop
		}
	}
}

// resolveClaim finds the type a base claim names.
func (r *resolver) resolveClaim(p *parser.Page, c parser.BaseClaim) *entry {
	if e := r.lookupLink(c.Link, c.Name); e != nil {
		return e
	}
	return r.lookupName(c.Name, pageNamespace(p))
}

// claimRank orders the signs of a base: the annotation's baseType, then the
// "Inherits from" line, then "Inherited from" remarks on rows. An annotation
// naming the root entity type comes after the Inherits line: it is the
// template's default, and a more specific base the prose names is an entity
// too, so both hold.
func claimRank(c parser.BaseClaim) int {
	switch c.Source {
	case "annotation":
		if strings.EqualFold(c.Name, entityName) {
			return 2
		}
		return 0
	case "inherits":
		return 1
	}
	return 3
}

func (r *resolver) resolveBases() {
	r.collectDerivedLists()
	for _, e := range r.order {
		if len(e.tdocs) == 0 {
			continue
		}
		type found struct {
			claim parser.BaseClaim
			page  *parser.Page
			e     *entry
		}
		var best *found
		var unknown *found
		for _, td := range e.tdocs {
			claims := append([]parser.BaseClaim(nil), td.doc.Bases...)
			for _, pd := range td.doc.Properties {
				if pd.Inherited != nil && (pd.Inherited.Link != "" || pd.Inherited.Name != "") {
					claims = append(claims, *pd.Inherited)
				}
			}
			sort.SliceStable(claims, func(i, j int) bool { return claimRank(claims[i]) < claimRank(claims[j]) })
			for _, c := range claims {
				be := r.resolveClaim(td.page, c)
				if be == e {
					r.warn(td.page, c.Pos, diag.SelfBase, "%s says it inherits from itself; ignored", shortName(e.t.Name))
					continue
				}
				if be == nil {
					if unknown == nil && c.Source != "row" {
						unknown = &found{c, td.page, nil}
					}
					continue
				}
				if best == nil {
					best = &found{c, td.page, be}
					continue
				}
				if be != best.e && claimRank(c) != claimRank(best.claim) && c.Source != "row" {
					r.warn(td.page, c.Pos, diag.BaseConflict, "%s: %s says the base is %s, %s at %s says %s; using %s (annotation, then Inherits line, then an annotation naming entity, then Inherited rows)",
						shortName(e.t.Name), c.Source, be.t.Name, best.claim.Source, where(best.page, best.claim.Pos), best.e.t.Name, best.e.t.Name)
				}
			}
		}
		if best == nil && unknown == nil {
			if d := r.derivedFrom[e]; d != nil {
				best = &found{d.claim, d.page, d.base}
			}
		}
		switch {
		case best != nil:
			e.t.BaseType = best.e.t
			name := best.e.t.Name
			e.t.Base = &name
		case unknown != nil:
			q := qualify(unknown.claim.Name, pageNamespace(unknown.page))
			if unknown.claim.Name == "" {
				q = strings.TrimSuffix(path.Base(unknown.claim.Link), ".md")
			}
			r.warn(unknown.page, unknown.claim.Pos, diag.UnknownBase, "base %s of %s is described by no page; the type gets no base", q, shortName(e.t.Name))
			e.t.Base = &q
		}
	}
}

// inferKinds decides entity or complex. Entities are the root entity
// type, types with a key (unless other pages use them only as structural
// property types), types with REST operations (a Methods table), types a
// navigation property targets, and every type derived from one of them; a
// base of an entity is an entity too.
func (r *resolver) inferKinds() {
	entity := map[*Type]bool{}
	structural, navigation := map[*Type]bool{}, map[*Type]bool{}
	for _, e := range r.order {
		for _, pe := range e.props {
			if ref := pe.prop.Ref; ref != nil && ref.Kind != Enum {
				if pe.prop.Navigation {
					navigation[ref] = true
				} else {
					structural[ref] = true
				}
			}
		}
	}
	// structuralOnly: the type or one of its bases is used only as a
	// structural property's type.
	structuralOnly := func(t *Type) bool {
		seen := map[*Type]bool{}
		for ; t != nil && !seen[t]; t = t.BaseType {
			seen[t] = true
			if structural[t] && !navigation[t] {
				return true
			}
		}
		return false
	}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			continue
		}
		// A key alone does not make an entity of a type other pages only
		// use as a structural property's type: that is what complex
		// types are for.
		keyed := e.t.KeyProperty != "" && !structuralOnly(e.t)
		if strings.EqualFold(e.t.Name, entityName) || keyed || hasMethods(e) || navigation[e.t] {
			entity[e.t] = true
		}
	}
	// Up: every base of an entity.
	for t := range entity {
		for b := t.BaseType; b != nil && !entity[b]; b = b.BaseType {
			entity[b] = true
		}
	}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			continue
		}
		seen := map[*Type]bool{}
		for t := e.t; t != nil && !seen[t]; t = t.BaseType {
			seen[t] = true
			if entity[t] {
				e.t.Kind = Entity
				break
			}
		}
	}
}

// implicitEntityBases gives entities that name no base the root entity
// type as base: most entity pages never say "Inherits from entity" but
// have its id key.
func (r *resolver) implicitEntityBases() {
	root := r.byName[entityName]
	if root == nil {
		return
	}
	for _, e := range r.order {
		if e.t.Kind != Entity || e.t.Base != nil || e.t == root.t {
			continue
		}
		if e.t.KeyProperty != "" && e.t.KeyProperty != "id" {
			continue // keyed on a property of its own
		}
		e.t.BaseType = root.t
		name := root.t.Name
		e.t.Base = &name
	}
}

// breakCycles removes the base of one type in each inheritance cycle (the
// greatest name, so the choice is stable).
func (r *resolver) breakCycles() {
	for _, e := range r.order {
		seen := map[*Type]bool{}
		var chain []*Type
		for t := e.t; t != nil; t = t.BaseType {
			if seen[t] {
				// t starts the cycle: collect it.
				var cycle []*Type
				for i := len(chain) - 1; i >= 0; i-- {
					cycle = append(cycle, chain[i])
					if chain[i] == t {
						break
					}
				}
				victim := cycle[0]
				names := make([]string, 0, len(cycle))
				for _, c := range cycle {
					names = append(names, c.Name)
					if c.Name > victim.Name {
						victim = c
					}
				}
				sort.Strings(names)
				ve := r.byName[strings.ToLower(victim.Name)]
				r.warn(ve.page, r.typePos(ve), diag.InheritanceCycle, "inheritance cycle through %s; %s loses its base %s",
					strings.Join(names, ", "), victim.Name, victim.BaseType.Name)
				victim.BaseType = nil
				victim.Base = nil
				break
			}
			seen[t] = true
			chain = append(chain, t)
		}
	}
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

// recoverMembers fixes enum members whose names a translation replaced
// (localized pages translate member names but never the backticked values
// that properties list). The members still written as names, found in a
// property's "Possible values" list, anchor the two sequences; a gap
// between anchors (or before the first, or after the last) of the same
// length in both is filled in order. Without anchors, a list as long as
// the members names all of them.
func (r *resolver) recoverMembers() {
	for _, e := range r.order {
		if e.t.Kind != Enum {
			continue
		}
		bad := 0
		for _, m := range e.t.Members {
			if !parser.IsIdentifier(m.Name) {
				bad++
			}
		}
		if bad == 0 {
			continue
		}
		ed := e.edocs[0]
		for _, o := range r.order {
			for _, pe := range o.props {
				if pe.prop.Ref != e.t || len(pe.doc.PossibleValues) == 0 {
					continue
				}
				for i, v := range alignMembers(e.t.Members, pe.doc.PossibleValues) {
					m := e.t.Members[i]
					r.warn(ed.page, memberPos(ed.doc, m.Name), diag.MemberNameFromProp, "member %q is not a name; using %q, listed in that place by %s", m.Name, v, where(pe.page, pe.doc.Pos))
					m.Name = v
				}
			}
		}
		for _, m := range e.t.Members {
			if !parser.IsIdentifier(m.Name) {
				r.warn(ed.page, memberPos(ed.doc, m.Name), diag.BadMemberName, "member %q of %s is not a name and no property lists the members; kept as written", m.Name, shortName(e.t.Name))
			}
		}
	}
}

// alignMembers maps indexes of members that are not names to the value
// standing in their place in values, anchored on the members that are.
func alignMembers(members []*Member, values []string) map[int]string {
	out := map[int]string{}
	pos := map[string]int{}
	for i, v := range values {
		if _, dup := pos[v]; !dup {
			pos[v] = i
		}
	}
	// Anchors: members that are names and appear in values, in increasing
	// order on both sides.
	type anchor struct{ m, v int }
	anchors := []anchor{{-1, -1}}
	for i, m := range members {
		if !parser.IsIdentifier(m.Name) {
			continue
		}
		j, ok := pos[m.Name]
		if !ok {
			j, ok = nearValue(m.Name, values) // "unkownFutureValue" is unknownFutureValue
		}
		if ok && j > anchors[len(anchors)-1].v {
			anchors = append(anchors, anchor{i, j})
		}
	}
	anchors = append(anchors, anchor{len(members), len(values)})
	for k := 1; k < len(anchors); k++ {
		a, b := anchors[k-1], anchors[k]
		want := b.v - a.v - 1
		if b.m-a.m-1 == want {
			// The same length: member and value correspond in place (a
			// name the list spells differently keeps its own spelling).
			for i := a.m + 1; i < b.m; i++ {
				if !parser.IsIdentifier(members[i].Name) {
					out[i] = values[a.v+i-a.m]
				}
			}
			continue
		}
		// Else members still written as names but missing from the list
		// (unknownFutureValue, often) may be what makes the difference;
		// only trusted when a shared member shows the two line up (the
		// translation sometimes scrambles the list's order).
		if len(anchors) < 3 {
			continue
		}
		var gap []int
		for i := a.m + 1; i < b.m; i++ {
			if !parser.IsIdentifier(members[i].Name) {
				gap = append(gap, i)
			}
		}
		if len(gap) != want {
			continue // no way to tell which is which
		}
		for n, i := range gap {
			out[i] = values[a.v+1+n]
		}
	}
	return out
}

func memberPos(d *parser.EnumDoc, name string) parser.Position {
	for _, m := range d.Members {
		if m.Name == name {
			return m.Pos
		}
	}
	return d.Pos
}

// ownProperties settles which type declares each property: rows a table
// marks as inherited and names a base of the type already declares belong
// to the base. An inherited row its base lacks moves to that base.
func (r *resolver) ownProperties() {
	declared := func(t *Type, name string) bool {
		e := r.byName[strings.ToLower(t.Name)]
		for _, pe := range e.props {
			if pe.prop.Name == name {
				return true
			}
		}
		return false
	}
	inChain := func(t *Type, name string) bool {
		seen := map[*Type]bool{}
		for b := t.BaseType; b != nil && !seen[b]; b = b.BaseType {
			seen[b] = true
			if declared(b, name) {
				return true
			}
		}
		return false
	}
	isAncestor := func(t, a *Type) bool {
		seen := map[*Type]bool{}
		for b := t.BaseType; b != nil && !seen[b]; b = b.BaseType {
			seen[b] = true
			if b == a {
				return true
			}
		}
		return false
	}
	// inheritedFrom returns the ancestor a row's "Inherited from" remark
	// names (the type's base when it names none), or nil when the remark
	// names something that is no ancestor: then the row is the type's own
	// ("If this content type is inherited from another scope ...").
	inheritedFrom := func(e *entry, pe *propEntry) *Type {
		d := pe.doc
		if d.Inherited == nil || e.t.BaseType == nil {
			return nil
		}
		if d.Inherited.Link == "" && d.Inherited.Name == "" {
			return e.t.BaseType
		}
		if c := r.resolveClaim(pe.page, *d.Inherited); c != nil && isAncestor(e.t, c.t) {
			return c.t
		}
		return nil
	}
	// First, move inherited rows that no ancestor declares to the base
	// they name.
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			target := inheritedFrom(e, pe)
			if target == nil || inChain(e.t, pe.prop.Name) {
				continue
			}
			te := r.byName[strings.ToLower(target.Name)]
			moved := *pe
			moved.moved = true
			te.props = append(te.props, &moved)
			r.warn(pe.page, d.Pos, diag.InheritedNotOnBase, "%s.%s is inherited from %s, whose page does not list it; declaring it there",
				shortName(e.t.Name), d.Name, target.Name)
		}
	}
	for _, e := range r.order {
		for _, pe := range e.props {
			if !pe.moved && inheritedFrom(e, pe) != nil {
				continue
			}
			if pe.doc.FromJSON && e.t.OpenType {
				continue // an open type's example shows dynamic properties, not declared ones
			}
			if inChain(e.t, pe.prop.Name) {
				continue
			}
			if pe.doc.FromJSON && hasTable(e) {
				r.warn(pe.page, pe.doc.Pos, diag.JSONOnlyProperty, "JSON block has property %q that no table lists; taking its type from the example", pe.prop.Name)
			}
			e.t.Properties = append(e.t.Properties, pe.prop)
		}
	}
}

// checkWireNames drops properties and members whose wire name could not be
// written as a Go struct tag or string literal safely.
func (r *resolver) checkWireNames() {
	unsafe := func(s string) bool {
		for _, c := range s {
			if c < 0x20 || c == '"' || c == '`' || c == '\\' || c == 0x7f || c == ',' {
				return true
			}
		}
		return s == ""
	}
	// rowOf finds the page and row that gave a property, for the warning.
	rowOf := func(e *entry, p *Property) (*parser.Page, parser.Position) {
		for _, pe := range e.props {
			if pe.prop == p {
				return pe.page, pe.doc.Pos
			}
		}
		return e.page, r.typePos(e)
	}
	memberOf := func(e *entry, name string) (*parser.Page, parser.Position) {
		for _, ed := range e.edocs {
			if pos := memberPos(ed.doc, name); pos != ed.doc.Pos {
				return ed.page, pos
			}
		}
		return e.page, r.typePos(e)
	}
	for _, e := range r.order {
		kept := e.t.Properties[:0]
		for _, p := range e.t.Properties {
			if unsafe(p.Name) {
				page, pos := rowOf(e, p)
				r.warn(page, pos, diag.UnsafeName, "property name %q of %s cannot be a JSON key safely; skipped", p.Name, shortName(e.t.Name))
				continue
			}
			kept = append(kept, p)
		}
		e.t.Properties = kept
		members := e.t.Members[:0]
		for _, m := range e.t.Members {
			if unsafe(m.Name) {
				page, pos := memberOf(e, m.Name)
				r.warn(page, pos, diag.UnsafeName, "member name %q of %s cannot be a JSON value safely; skipped", m.Name, shortName(e.t.Name))
				continue
			}
			members = append(members, m)
		}
		e.t.Members = members
	}
}

// hasTable reports whether any page gave the type a property table (a
// page with only a JSON block has nothing to disagree with).
func hasTable(e *entry) bool {
	for _, pe := range e.props {
		if !pe.doc.FromJSON {
			return true
		}
	}
	return false
}

// hasMethods reports a type whose page lists REST operations on it: only
// entities are addressable.
func hasMethods(e *entry) bool {
	for _, td := range e.tdocs {
		if td.doc.HasMethods {
			return true
		}
	}
	return false
}

// collectDerivedLists reads the derived types base pages list. A type two
// bases claim keeps neither claim.
func (r *resolver) collectDerivedLists() {
	r.derivedFrom = map[*entry]*derivedClaim{}
	ambiguous := map[*entry]bool{}
	for _, e := range r.order {
		for _, td := range e.tdocs {
			for _, c := range td.doc.Derived {
				d := r.lookupLink(c.Link, c.Name)
				if d == nil || d == e || len(d.tdocs) == 0 {
					continue
				}
				if prev := r.derivedFrom[d]; prev != nil && prev.base != e {
					ambiguous[d] = true
					continue
				}
				r.derivedFrom[d] = &derivedClaim{base: e, page: td.page, claim: c}
			}
		}
	}
	for d := range ambiguous {
		delete(r.derivedFrom, d)
	}
}

// enumsFromPossibleValues builds the enums that properties link to but no
// page describes, from the properties' "Possible values are" lists: the
// link says it is a type, the list says which members it has. The longest
// list wins; the enum is named as the reference would be.
func (r *resolver) enumsFromPossibleValues() {
	type source struct {
		page *parser.Page
		doc  *parser.PropDoc
	}
	found := map[string]source{}
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			if len(d.PossibleValues) < 2 || d.Type.Primitive != "" || d.Type.Link == "" || r.lookupLink(d.Type.Link, d.Type.Name) != nil {
				continue
			}
			if r.lookupName(d.Type.Name, pageNamespace(pe.page)) != nil || !parser.IsIdentifier(d.Type.Name) {
				continue
			}
			q := qualify(d.Type.Name, pageNamespace(pe.page))
			if prev, ok := found[q]; !ok || len(d.PossibleValues) > len(prev.doc.PossibleValues) {
				found[q] = source{pe.page, d}
			}
		}
	}
	names := make([]string, 0, len(found))
	for q := range found {
		names = append(names, q)
	}
	sort.Strings(names)
	for _, q := range names {
		src := found[q]
		en := &entry{t: &Type{Name: q, Kind: Enum, Source: fmt.Sprintf("%s:%d", src.page.Path, src.doc.Pos.Line)}, ns: namespaceOf(q), page: src.page}
		for _, v := range src.doc.PossibleValues {
			if !hasMember(en.t, v) {
				en.t.Members = append(en.t.Members, &Member{Name: v})
			}
		}
		r.warn(src.page, src.doc.Pos, diag.EnumFromValues, "no page describes %s; its members come from the possible values of %s", q, src.doc.Name)
		r.byName[strings.ToLower(q)] = en
		short := strings.ToLower(shortName(q))
		r.byShort[short] = append(r.byShort[short], en)
		r.order = append(r.order, en)
	}
	sort.Slice(r.order, func(i, j int) bool { return r.order[i].t.Name < r.order[j].t.Name })
}

func hasMember(t *Type, name string) bool {
	for _, m := range t.Members {
		if m.Name == name {
			return true
		}
	}
	return false
}

// membersFromPossibleValues adds to an enum the members a property of its
// type lists as possible values but its own page omits (often the
// unknownFutureValue sentinel). Values differing only in case from a
// member are the same member.
func (r *resolver) membersFromPossibleValues() {
	for _, e := range r.order {
		for _, pe := range e.props {
			en := pe.prop.Ref
			if en == nil || en.Kind != Enum || len(en.Members) == 0 {
				continue
			}
			for _, v := range pe.doc.PossibleValues {
				if hasMemberFold(en, v) {
					continue
				}
				en.Members = append(en.Members, &Member{Name: v})
				r.warn(pe.page, pe.doc.Pos, diag.MemberFromValues, "%s lists %q as a possible value of %s, whose page does not; added", pe.doc.Name, v, en.Name)
			}
		}
	}
}

func hasMemberFold(t *Type, name string) bool {
	for _, m := range t.Members {
		if strings.EqualFold(m.Name, name) {
			return true
		}
	}
	return false
}

// dedupeMembers keeps the first of members with the same wire name: two
// constants with one value would be the same member twice.
func (r *resolver) dedupeMembers() {
	for _, e := range r.order {
		if e.t.Kind != Enum || len(e.t.Members) < 2 {
			continue
		}
		seen := map[string]bool{}
		kept := e.t.Members[:0]
		for _, m := range e.t.Members {
			if seen[m.Name] {
				r.warn(e.page, r.typePos(e), diag.DuplicateMember, "member %q of %s is listed twice; keeping the first", m.Name, shortName(e.t.Name))
				continue
			}
			seen[m.Name] = true
			kept = append(kept, m)
		}
		e.t.Members = kept
	}
}

// nearValue finds a value that is name misspelled: at most two edits
// apart, for names of eight letters or more.
func nearValue(name string, values []string) (int, bool) {
	if len(name) < 8 {
		return 0, false
	}
	for i, v := range values {
		if editDistance(strings.ToLower(name), strings.ToLower(v)) <= 2 {
			return i, true
		}
	}
	return 0, false
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
