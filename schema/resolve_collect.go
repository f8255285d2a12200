// The collect pass (resolve.go lists the passes in order): every page's
// types and enums become entries, one per qualified name; several pages
// describing one type are merged.

package schema

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// primaryRank orders competing definitions of one type: the page named
// after the type first (user.md before intune-shared-user.md), then the
// page whose name ends with it, then page order.
func primaryRank(pagePath, name string) int {
	base := strings.ToLower(strings.TrimSuffix(path.Base(pagePath), ".md"))
	short := strings.ToLower(parser.ShortName(name))
	switch {
	case base == short:
		return 0
	case strings.HasSuffix(base, short):
		return 1
	}
	return 2
}

// docKeys are the lower-cased names a definition is found by.
type docKeys struct {
	path, name, anchor, short string
}

func keysOf(pathKey, name, anchor string) docKeys {
	k := docKeys{path: pathKey, name: strings.ToLower(name), short: strings.ToLower(parser.ShortName(name))}
	if anchor != "" {
		k.anchor = pathKey + "#" + strings.ToLower(anchor)
	}
	return k
}

func (r *resolver) collect() {
	// The copies and the keys on all cores; then the entries, in page
	// order.
	type pageDocs struct {
		types              []*parser.TypeDoc
		typeKeys, enumKeys []docKeys
	}
	docs := make([]pageDocs, len(r.pages))
	parallel(len(r.pages), func(i int) {
		p := r.pages[i]
		pathKey := strings.ToLower(p.Path)
		d := &docs[i]
		d.types = make([]*parser.TypeDoc, len(p.Types))
		d.typeKeys = make([]docKeys, len(p.Types))
		for j, td := range p.Types {
			d.types[j] = ownCopy(td)
			d.typeKeys[j] = keysOf(pathKey, td.Name, td.Anchor)
		}
		d.enumKeys = make([]docKeys, len(p.Enums))
		for j, ed := range p.Enums {
			d.enumKeys[j] = keysOf(pathKey, ed.Name, ed.Anchor)
		}
	})
	// A type named by its anchor alone (its title, a translation's, shows
	// no word of it: TitleName is set) whose name another page's type or
	// enum has by its own annotation, title or heading keeps the name its
	// title gives: the anchor, made from an older English title, names a
	// type the folder describes elsewhere (German insights-shared.md
	// anchored shared-resource-type, where shared.md describes the facet
	// shared), and the two stay two types.
	named := map[string]bool{}
	for i, p := range r.pages {
		for _, d := range docs[i].types {
			if d.TitleName == "" {
				named[strings.ToLower(d.Name)] = true
			}
		}
		for _, d := range p.Enums {
			named[strings.ToLower(d.Name)] = true
		}
	}
	for i, p := range r.pages {
		for j, d := range docs[i].types {
			if d.TitleName != "" && named[strings.ToLower(d.Name)] {
				d.Name = d.TitleName
				docs[i].typeKeys[j] = keysOf(strings.ToLower(p.Path), d.Name, d.Anchor)
			}
		}
	}
	// A type whose annotation names another page's type, where its title,
	// anchor and file name agree on another name (OwnName), was annotated
	// by a copy: it is the type they name (German
	// synchronization-synchronizationprogress.md annotated
	// synchronizationStatus, which synchronization-synchronizationstatus.md
	// describes), unless a page describes that one too.
	pagesNaming := map[string]int{}
	for i, p := range r.pages {
		for _, d := range docs[i].types {
			pagesNaming[strings.ToLower(d.Name)]++
		}
		for _, d := range p.Enums {
			pagesNaming[strings.ToLower(d.Name)]++
		}
	}
	for i, p := range r.pages {
		for j, d := range docs[i].types {
			if d.OwnName != "" && pagesNaming[strings.ToLower(d.Name)] > 1 && pagesNaming[strings.ToLower(d.OwnName)] == 0 {
				d.Name = d.OwnName
				docs[i].typeKeys[j] = keysOf(strings.ToLower(p.Path), d.Name, d.Anchor)
			}
		}
	}
	for i, p := range r.pages {
		for j, d := range docs[i].types {
			r.addType(p, d, docs[i].typeKeys[j])
		}
		// A section known by its anchor alone ("x-values" under a
		// translated heading) is an enum as any other: the parser kept it
		// only with a members table.
		for j, d := range p.Enums {
			r.addEnum(p, d, docs[i].enumKeys[j])
		}
	}
	for _, e := range r.byName {
		r.order = append(r.order, e)
	}
	slices.SortFunc(r.order, func(a, b *entry) int { return strings.Compare(a.t.Name, b.t.Name) })
	parallel(len(r.order), func(i int) {
		e := r.order[i]
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
	})
}

// ownCopy returns a copy of a type's definition for the resolver to
// change (learning adds base claims), so that the page models stay as the
// parser made them: resolving them again, or caching them, gives the same.
// Its rows are the page's until a pass changes one (ownRow).
func ownCopy(d *parser.TypeDoc) *parser.TypeDoc {
	c := *d
	c.Bases = slices.Clip(c.Bases)
	return &c
}

// ownRow returns row k of td for a pass to change. The first time a row of
// td changes, td gets copies of all its rows, and the entries of e that
// read them read the copies: the page's rows are never changed, and few
// types have a row that learning changes.
func (e *entry) ownRow(td *typeDoc, k int) *parser.PropDoc {
	if !td.rowsOwned {
		rows := make([]parser.PropDoc, len(td.doc.Properties))
		owned := make([]*parser.PropDoc, len(rows))
		index := make(map[*parser.PropDoc]int, len(rows))
		for i, pd := range td.doc.Properties {
			rows[i] = *pd
			owned[i] = &rows[i]
			index[pd] = i
		}
		for _, pe := range e.props {
			if i, ok := index[pe.doc]; ok {
				pe.doc = owned[i]
			}
		}
		td.doc.Properties = owned
		td.rowsOwned = true
	}
	return td.doc.Properties[k]
}

// ownRowOf is ownRow for the row an entry of e reads.
func (e *entry) ownRowOf(pe *propEntry) *parser.PropDoc {
	for i := range e.tdocs {
		td := &e.tdocs[i]
		for k, pd := range td.doc.Properties {
			if pd == pe.doc {
				return e.ownRow(td, k)
			}
		}
	}
	own := *pe.doc // not a row of its type's pages: copy it alone
	pe.doc = &own
	return pe.doc
}

func (r *resolver) register(k docKeys, e *entry) {
	r.byPath[k.path] = append(r.byPath[k.path], e)
	if k.anchor != "" {
		r.byAnchor[k.anchor] = e
	}
	for _, x := range r.byShort[k.short] {
		if x == e {
			return
		}
	}
	r.byShort[k.short] = append(r.byShort[k.short], e)
}

func (r *resolver) addType(p *parser.Page, d *parser.TypeDoc, k docKeys) {
	e := r.byName[k.name]
	if e == nil {
		e = &entry{t: &Type{Name: d.Name, Kind: Complex}, ns: namespaceOf(d.Name)}
		r.byName[k.name] = e
	} else if len(e.edocs) > 0 && len(e.tdocs) == 0 {
		first := e.edocs[0]
		r.warn(p, d.Pos, diag.KindConflict, "%s is described as a type here and as an enum at %s; keeping the enum", d.Name, where(first.page, first.doc.Pos))
		return
	}
	e.tdocs = append(e.tdocs, typeDoc{page: p, doc: d})
	r.register(k, e)
}

func (r *resolver) addEnum(p *parser.Page, d *parser.EnumDoc, k docKeys) {
	e := r.byName[k.name]
	if e == nil {
		e = &entry{t: &Type{Name: d.Name, Kind: Enum}, ns: namespaceOf(d.Name)}
		r.byName[k.name] = e
	} else if len(e.tdocs) > 0 {
		first := e.tdocs[0]
		r.warn(p, d.Pos, diag.KindConflict, "%s is described as an enum here and as a type at %s; keeping the type", d.Name, where(first.page, first.doc.Pos))
		return
	}
	e.edocs = append(e.edocs, enumDoc{p, d})
	r.register(k, e)
}

// setPrimary takes the type's identity from its primary definition.
func (e *entry) setPrimary(page *parser.Page, name string, pos parser.Position, description string) {
	e.page = page
	e.t.Name = name
	e.ns = namespaceOf(name)
	e.t.Source = where(page, pos)
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
	// The first row of each name: most types have a few rows, found
	// faster in e.props than in a map.
	var seenMap map[string]*propEntry
	seen := func(name string) (*propEntry, bool) {
		if seenMap != nil {
			pe, ok := seenMap[name]
			return pe, ok
		}
		for _, pe := range e.props {
			if pe.doc.Name == name {
				return pe, true
			}
		}
		return nil, false
	}
	const mapFrom = 32 // rows
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
			if prev, ok := seen(pd.Name); ok {
				if i == 0 {
					if pd.FromJSON {
						continue
					}
					r.warn(td.page, pd.Pos, diag.DuplicateProperty, "property %q is listed again; first at %s", pd.Name, where(prev.page, prev.doc.Pos))
				} else if !sameTypeExpr(prev.doc.Type, pd.Type) && !pd.FromJSON && !prev.doc.FromJSON {
					r.warn(td.page, pd.Pos, diag.DuplicateType, "%s.%s is %q here but %q at %s; keeping the latter",
						parser.ShortName(e.t.Name), pd.Name, pd.Type.Raw, prev.doc.Type.Raw, where(prev.page, prev.doc.Pos))
				}
				continue
			}
			pe := &propEntry{page: td.page, doc: pd}
			e.props = append(e.props, pe)
			if seenMap != nil {
				seenMap[pd.Name] = pe
			} else if len(e.props) == mapFrom {
				seenMap = make(map[string]*propEntry, 2*mapFrom)
				for _, pe := range e.props {
					seenMap[pe.doc.Name] = pe
				}
			}
		}
	}
}

func sameTypeExpr(a, b parser.TypeExpr) bool {
	if a.Primitive != "" || b.Primitive != "" {
		return a.Primitive == b.Primitive && a.Collection == b.Collection
	}
	return strings.EqualFold(parser.ShortName(a.Name), parser.ShortName(b.Name)) && a.Collection == b.Collection
}

// mergeEnumDocs keeps the primary definition's members and adds members
// only the others list, reporting value disagreements.
func (r *resolver) mergeEnumDocs(e *entry) {
	prim := e.edocs[0]
	e.setPrimary(prim.page, prim.doc.Name, prim.doc.Pos, prim.doc.Description)
	seen := map[string]*Member{}
	// Another definition's member in other letter case is the same member
	// (a translated copy capitalizes it); within one, case twins stay.
	seenFold := map[string]*Member{}
	for i, ed := range e.edocs {
		if i > 0 {
			r.warn(ed.page, ed.doc.Pos, diag.DuplicateDef, "%s is also described at %s; merged into that definition", e.t.Name, where(prim.page, prim.doc.Pos))
		}
		e.t.Flags = e.t.Flags || ed.doc.Flags
		if i > 0 && e.t.Description == "" {
			e.t.Description = ed.doc.Description
		}
		copied := i > 0 && copyOf(prim.doc.Members, ed.doc.Members)
		for j, md := range ed.doc.Members {
			// In a copy of the primary list, a member that differs in its
			// place is the same member, written otherwise (two translations
			// of one word: "Autorisierung", "Autorisierungs").
			if copied && j < len(prim.doc.Members) && !strings.EqualFold(prim.doc.Members[j].Name, md.Name) {
				continue
			}
			prev, ok := seen[md.Name]
			if !ok && i > 0 {
				prev, ok = seenFold[strings.ToLower(md.Name)]
			}
			if ok {
				if prev.Value != nil && md.Value != nil && *prev.Value != *md.Value {
					r.warn(ed.page, md.Pos, diag.MemberValueConflict, "member %s.%s has value %d here but %d in %s",
						parser.ShortName(e.t.Name), md.Name, *md.Value, *prev.Value, prim.page.Path)
				}
				continue
			}
			m := &Member{Name: md.Name, Value: md.Value, Description: md.Description, Deprecated: md.Deprecated, Source: where(ed.page, md.Pos)}
			seen[md.Name] = m
			if i == 0 || seenFold[strings.ToLower(md.Name)] == nil {
				seenFold[strings.ToLower(md.Name)] = m
			}
			e.t.Members = append(e.t.Members, m)
		}
	}
	e.t.Flags = e.t.Flags || powerOfTwoValues(e.t.Members)
}

// copyOf reports a members list that repeats the primary one in order:
// at least four of five places that both have hold the same name (letter
// case aside).
func copyOf(primary, other []parser.MemberDoc) bool {
	n := min(len(primary), len(other))
	same := 0
	for j := range n {
		if strings.EqualFold(primary[j].Name, other[j].Name) {
			same++
		}
	}
	return n >= 3 && same*5 >= n*4
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
