// Pass 5a, translated members: the English names of enum members a
// translation renamed, recovered from what the folder shows in English
// (the rows' possible values, backticked or bare, and their JSON
// examples); a translated name is never a member, as its wire value would
// be wrong.

package schema

import (
	"sort"
	"strings"
	"unicode"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// Keys of Learned.TranslatedMembers.
const (
	membersNamed   = "named"   // a translated member named in its place
	membersAdded   = "added"   // an English name added in the folder's order
	membersLeftOut = "leftOut" // a translated member no English name stands for
)

// memberList is one list of an enum's member names in English somewhere in
// the folder, and where it stands.
type memberList struct {
	names []string
	page  *parser.Page
	pos   parser.Position
	of    string // the row whose list it is
}

// memberLists gives the lists of names the rows typed with an enum show,
// in the folder's order (by page, then line): each row's possible values
// (or, for a translated enum, its backticked or bare names), then its JSON
// example's values.
func memberLists(rows []*propEntry, translated bool) []memberList {
	var out []memberList
	for _, pe := range rows {
		add := func(names []string) {
			if len(names) > 0 {
				out = append(out, memberList{names: names, page: pe.page, pos: pe.doc.Pos, of: pe.doc.Name})
			}
		}
		values := rowValues(pe, translated)
		add(values)
		if len(values) == 0 && translated {
			add(pe.doc.Listed)
		}
		add(pe.doc.JSONValues)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].page.Path != out[j].page.Path {
			return out[i].page.Path < out[j].page.Path
		}
		return out[i].pos.Line < out[j].pos.Line
	})
	return out
}

// recoverMembers fixes enum members whose names a translation replaced
// (localized pages translate member names but never the values that
// properties list), and returns how many it named, added and left out.
//
//   - In place: the members still written as names, found in a list,
//     anchor the two sequences; a gap between anchors (or before the first,
//     or after the last) of the same length in both is filled in order.
//     Without anchors, a list as long as the members names all of them.
//   - In the folder's order: where a gap holds translated members (no
//     identifier) and names of the list that are no member yet, but the two
//     cannot be paired, the list's names take the place of the gap's first
//     translated member, in the list's order.
//   - A translation still standing is left out (translated-member): its
//     wire value would be wrong, which is worse than a missing member.
func (r *resolver) recoverMembers() map[string]int {
	rows := r.rowsByRef()
	counts := map[string]int{}
	for _, e := range r.order {
		if e.t.Kind != Enum || len(e.edocs) == 0 {
			continue // a type, or an enum built from possible values
		}
		ed := e.edocs[0]
		// On a translated page a member written as a name may be a
		// translation too ("Registerkarten" for tabs): the lists decide.
		translated := ed.page.Translated()
		lists := memberLists(rows[e.t], translated)
		listed := map[string]bool{}
		for _, l := range lists {
			for _, v := range l.names {
				listed[v] = true
			}
		}
		suspect := func(name string) bool {
			return !parser.IsIdentifier(name) || translated && len(listed) > 0 && !listed[name]
		}
		bad := 0
		for _, m := range e.t.Members {
			if suspect(m.Name) {
				bad++
			}
		}
		if bad == 0 {
			continue
		}
		for _, l := range lists {
			for i, v := range alignMembers(e.t.Members, l.names, suspect) {
				m := e.t.Members[i]
				r.warn(ed.page, memberPos(ed.doc, m.Name), diag.MemberNameFromProp, "member %q is not a name; using %q, listed in that place by %s", m.Name, v, where(l.page, l.pos))
				m.Name = v
				counts[membersNamed]++
			}
		}
		for _, l := range lists {
			counts[membersAdded] += r.addInFolderOrder(e, l, translated)
		}
		kept := e.t.Members[:0]
		for _, m := range e.t.Members {
			switch {
			case parser.IsIdentifier(m.Name):
			case isTranslation(m.Name, translated):
				r.warn(ed.page, memberPos(ed.doc, m.Name), diag.TranslatedMember, "member %q of %s is a translation and no English name in the folder stands in its place; left out (its wire value is unknown)", m.Name, parser.ShortName(e.t.Name))
				counts[membersLeftOut]++
				continue
			default:
				r.warn(ed.page, memberPos(ed.doc, m.Name), diag.BadMemberName, "member %q of %s is not a name and no property lists the members; kept as written", m.Name, parser.ShortName(e.t.Name))
			}
			kept = append(kept, m)
		}
		e.t.Members = kept
	}
	return counts
}

// isTranslation reports a member name that is no identifier and is a
// translation: written with a letter outside ASCII, or on a page whose
// front matter gives another language than English. The service's names
// are ASCII identifiers; an odd name on an English page ("Team channels")
// is the page's own, kept as written.
func isTranslation(name string, translatedPage bool) bool {
	if parser.IsIdentifier(name) {
		return false
	}
	if translatedPage {
		return true
	}
	for _, r := range name {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// addInFolderOrder puts the names of l that are no member of e yet among
// its members, when e has translated members (isTranslation) the lists
// could not pair with names: each name goes after the last member the list
// names before it, in l's order, and where a translated member stands
// before the next member the list names, in place of the first such. It
// returns how many it added.
func (r *resolver) addInFolderOrder(e *entry, l memberList, translatedPage bool) int {
	members := e.t.Members
	translated := false
	for _, m := range members {
		translated = translated || isTranslation(m.Name, translatedPage)
	}
	if !translated {
		return 0
	}
	names := make([]string, len(members))
	for i, m := range members {
		names[i] = m.Name
	}
	// Each new name goes to the gap after the last member the list names
	// before it: the index of that member, or -1.
	after := -1
	gaps := map[int][]string{}
	var order []int
	seen := map[string]bool{}
	for _, v := range l.names {
		if i, ok := memberIndex(v, names); ok {
			after = max(after, i)
			continue
		}
		if seen[strings.ToLower(v)] || isJSONLiteral(v) {
			continue
		}
		seen[strings.ToLower(v)] = true
		if _, ok := gaps[after]; !ok {
			order = append(order, after)
		}
		gaps[after] = append(gaps[after], v)
	}
	insert := map[int][]string{} // member index -> names before it
	for _, g := range order {
		at := g + 1
		for i := g + 1; i < len(members); i++ {
			if _, listed := memberIndex(members[i].Name, l.names); listed {
				break // the next member the list names: the gap ends
			}
			if isTranslation(members[i].Name, translatedPage) {
				at = i
				break
			}
		}
		insert[at] = append(insert[at], gaps[g]...)
	}
	added := 0
	var out []*Member
	for i := 0; i <= len(members); i++ {
		for _, v := range insert[i] {
			out = append(out, &Member{Name: v, Source: where(l.page, l.pos)})
			r.warn(l.page, l.pos, diag.MemberFromValues, "%s lists %q as a value of %s, whose page has translated members no list pairs with names; added in the folder's order", l.of, v, e.t.Name)
			added++
		}
		if i < len(members) {
			out = append(out, members[i])
		}
	}
	e.t.Members = out
	return added
}

// memberIndex finds name among names, letter case aside, or written
// nearly so ("unkownFutureValue" for unknownFutureValue).
func memberIndex(name string, names []string) (int, bool) {
	for i, n := range names {
		if strings.EqualFold(n, name) {
			return i, true
		}
	}
	return nearValue(name, names)
}

// isJSONLiteral reports true, false and null: values of JSON, not names.
func isJSONLiteral(v string) bool {
	switch strings.ToLower(v) {
	case "true", "false", "null":
		return true
	}
	return false
}
