// Methods tables: REST operations on a type, and the collections its
// "List x" rows name.

package parser

import (
	"path"
	"slices"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/lang"
)

// isMethodsTable recognises a Methods table with REST operations on the
// resource itself, linked to the API pages (../api/x-get.md): only entities
// can be read, updated or deleted by themselves. Functions and actions
// (../api/notebook-getrecentnotebooks.md) return complex types too.
func (e *extractor) isMethodsTable(b *block) bool {
	h0 := ""
	if len(b.Header.Cells) > 0 {
		h0 = strings.ToLower(b.Header.Cells[0].Text)
	}
	if e.section != secMethods && !e.Is(lang.MethodsHeader, h0) {
		return false
	}
	for _, r := range b.Rows {
		for _, c := range r.Cells {
			for _, l := range c.Links {
				if name, ok := apiPage(l.Dest); ok && (isCRUDPage(name) || e.boundHere(name)) {
					return true
				}
			}
		}
	}
	return false
}

// listedCollections reads Methods rows whose API page is named
// <this page>-list-<x>.md and which return a collection: x is a collection
// the page's type holds. The row's text says "List x" on English pages; on
// translated ones only the file name keeps x, in lower case.
func (e *extractor) listedCollections(b *block) {
	for _, r := range b.Rows {
		for _, l := range cellAt(r, 0).Links {
			name, _ := apiPage(l.Dest)
			x, ok := strings.CutPrefix(name, e.pageName()+"-list")
			x = strings.TrimPrefix(x, "-")
			if !ok || !IsIdentifier(x) {
				continue
			}
			typ := e.parseTypeCell(cellAt(r, 1))
			// A "list" page returns a collection: words the languages'
			// data does not know around the type ("[x]-Sammlung"), or
			// none at all ("List tabs | [teamsTab]", a slip the English
			// page makes too), say so well enough to name a translated
			// row that is a collection, not to add one.
			if typ.Link == "" {
				continue
			}
			typ.Link = e.resolveLink(typ.Link)
			words := strings.Fields(l.Text)
			stated := typ.Collection && len(words) == 2 && e.IsListVerb(words[0]) && strings.EqualFold(words[1], x) && IsIdentifier(words[1])
			if stated {
				x = words[1]
			}
			e.cur.listed = append(e.cur.listed, listedCollection{
				prop:   &PropDoc{Name: x, Pos: e.pos(cellAt(r, 0).Off), Type: typ, Navigation: true, Nullable: true, FromMethods: true},
				stated: stated,
				plain:  !typ.Collection && !hasWordsAround(typ),
			})
		}
	}
	// A plain listing gives way to one of the same type that says
	// "collection" ("list-primarytab" returning one [teamsTab] beside
	// "list-tabs" returning [teamsTab] 集合).
	collection := map[string]bool{}
	for _, c := range e.cur.listed {
		if !c.plain {
			collection[c.prop.Type.Link] = true
		}
	}
	e.cur.listed = slices.DeleteFunc(e.cur.listed, func(c listedCollection) bool { return c.plain && collection[c.prop.Type.Link] })
}

// namesFromMethods gives a translated row name the collection a Methods
// row lists with the same type, when exactly one unclaimed one does
// (a translated Decisions of [accessReviewDecision] collection is decisions, from
// accessreview-list-decisions.md), and adds the collections a "List x" row
// names that no table lists.
func (e *extractor) namesFromMethods(t *typeDraft) {
	if len(t.listed) == 0 {
		return
	}
	names := newFoldCounts(t.Properties)
	var listed *listedIndex // built for the first row that asks
	for _, p := range t.Properties {
		if !e.translatedName(p.Name) || p.Type.Link == "" || !p.Type.Collection && !hasWordsAround(p.Type) {
			continue
		}
		if listed == nil {
			listed = newListedIndex(t.listed, names)
		}
		found := listed.one(p.Type.Link)
		if found == nil {
			continue
		}
		name := found.Name
		if words, ok := typeWords(name, ShortName(p.Type.Name)); ok {
			name = words // the type shows the words the file name lost
		}
		e.warn(p.Pos, diag.NameFromMethods,
			"table name %q is not a property name; using %q, the collection of %s that the Methods table lists (line %d)", p.Name, name, ShortName(p.Type.Name), found.Pos.Line)
		listed.renamed(names, p.Name, name)
		p.Name = name // a file name's lower case: no word of the folder's vocabulary
	}
	for _, c := range t.listed {
		if c.stated && names[foldCase(c.prop.Name)] == 0 {
			t.Properties = append(t.Properties, c.prop)
			names[foldCase(c.prop.Name)]++
		}
	}
}

// foldCounts counts a type's property names by foldCase: whether the type
// has a property of a name, whatever its case.
type foldCounts map[string]int

func newFoldCounts(props []*PropDoc) foldCounts {
	c := make(foldCounts, len(props))
	for _, p := range props {
		c[foldCase(p.Name)]++
	}
	return c
}

// listedIndex answers namesFromMethods: the one collection of a type
// (a link) that Methods rows list and no property names, whatever the
// case. The listed collections of one link and one folded name form a
// group; a group is free while no property has its name, and a link has
// one answer when exactly one of its groups is free and that group's rows
// all spell the name the same way (the first of them answers).
type listedIndex struct {
	groups []listedGroup
	byFold map[string][]int // foldCase of a name => its groups
	links  map[string]*freeGroups
}

type listedGroup struct {
	link    string
	first   *PropDoc
	oneName bool // every row of the group spells the name as first does
}

// freeGroups counts a link's free groups and sums their indexes: when the
// count is 1 the sum is that group.
type freeGroups struct{ count, sum int }

func newListedIndex(listed []listedCollection, names foldCounts) *listedIndex {
	x := &listedIndex{byFold: map[string][]int{}, links: map[string]*freeGroups{}}
	index := map[[2]string]int{} // link and folded name => group
	for _, c := range listed {
		fold := foldCase(c.prop.Name)
		key := [2]string{c.prop.Type.Link, fold}
		g, ok := index[key]
		if !ok {
			g = len(x.groups)
			index[key] = g
			x.groups = append(x.groups, listedGroup{link: c.prop.Type.Link, first: c.prop, oneName: true})
			x.byFold[fold] = append(x.byFold[fold], g)
			if x.links[c.prop.Type.Link] == nil {
				x.links[c.prop.Type.Link] = &freeGroups{}
			}
			if names[fold] == 0 {
				x.links[c.prop.Type.Link].count++
				x.links[c.prop.Type.Link].sum += g
			}
			continue
		}
		if c.prop.Name != x.groups[g].first.Name {
			x.groups[g].oneName = false
		}
	}
	return x
}

// one returns the one free listed collection of link, or nil.
func (x *listedIndex) one(link string) *PropDoc {
	free := x.links[link]
	if free == nil || free.count != 1 || !x.groups[free.sum].oneName {
		return nil
	}
	return x.groups[free.sum].first
}

// renamed counts a property renamed from old to name, freeing the groups
// of old when no property has that name any more, and taking those of
// name.
func (x *listedIndex) renamed(names foldCounts, old, name string) {
	if f := foldCase(old); names[f] == 1 {
		x.setFree(f, 1)
		names[f] = 0
	} else {
		names[f]--
	}
	if f := foldCase(name); names[f] == 0 {
		x.setFree(f, -1)
		names[f] = 1
	} else {
		names[f]++
	}
}

// setFree counts the groups of a folded name free (d 1) or taken (-1).
func (x *listedIndex) setFree(fold string, d int) {
	for _, g := range x.byFold[fold] {
		free := x.links[x.groups[g].link]
		free.count += d
		free.sum += d * g
	}
}

// hasWordsAround reports a type cell with words beside the type's name
// ("[x]-Sammlung", "Sammlung von Objekten des Typs [x]").
func hasWordsAround(t TypeExpr) bool {
	return t.Name != "" && strings.TrimSpace(strings.Replace(t.Raw, t.Name, "", 1)) != ""
}

// linksToAPI reports whether a table links to an API page.
func linksToAPI(b *block) bool {
	for _, r := range b.Rows {
		for _, c := range r.Cells {
			for _, l := range c.Links {
				if _, ok := apiPage(l.Dest); ok {
					return true
				}
			}
		}
	}
	return false
}

// apiPage returns the lower-cased name of the API page a link leads to
// ("x-get" for ../api/x-get.md#request), and whether it leads to one.
func apiPage(dest string) (string, bool) {
	if !strings.Contains(dest, "/api/") && !strings.HasPrefix(dest, "api/") {
		return "", false
	}
	p, _, _ := strings.Cut(dest, "#")
	return strings.TrimSuffix(strings.ToLower(path.Base(p)), ".md"), true
}

// pageName is the page's file name, lower-cased, without ".md".
func (e *extractor) pageName() string {
	return strings.TrimSuffix(strings.ToLower(path.Base(e.page.Path)), ".md")
}

// boundHere reports an API page named after this page ("search-query" on
// search.md): an operation bound to the page's type, which only entity
// types have.
func (e *extractor) boundHere(name string) bool {
	return strings.HasPrefix(name, e.pageName()+"-")
}

// isCRUDPage reports an API page named for reading, listing, updating or
// deleting a resource: x-get, x-list, x-update, x-delete.
func isCRUDPage(base string) bool {
	for _, suf := range []string{"-get", "-update", "-delete", "-list"} {
		if strings.HasSuffix(base, suf) {
			return true
		}
	}
	return false
}
