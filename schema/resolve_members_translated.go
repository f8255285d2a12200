// The translated members pass: the English names of enum members a
// translation renamed, recovered from what the folder shows in English
// (the rows' possible values, backticked or bare, and their JSON
// examples); a translated name is never a member, as its wire value would
// be wrong.

package schema

import (
	"maps"
	"slices"
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
			names = distinctNames(names)
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
//   - From the folder: a list of names in any row of the folder, whatever
//     its type (attendee's type row is a String listing `required`,
//     `optional`, `resource`), that lines up with the enum whole names its
//     translated members in place (pairFromFolder).
//   - In the folder's order: where a gap holds translated members (no
//     identifier) and names of the list that are no member yet, but the two
//     cannot be paired, the list's names take the place of the gap's first
//     translated member, in the list's order. The API pages' examples come
//     last, a value each ("visibility": "Public"), where the folder has
//     them (exampleLists).
//   - A translation still standing is left out (translated-member): its
//     wire value would be wrong, which is worse than a missing member.
func (r *resolver) recoverMembers() map[string]int {
	rows := r.rowsByRef()
	counts := map[string]int{}
	var folder *folderLists // read when first needed
	var examples map[*Type][]memberList
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
			addCount(counts, membersNamed, r.nameInPlace(e, l, suspect))
		}
		if folder == nil {
			folder = r.folderLists()
		}
		addCount(counts, membersNamed, r.pairFromFolder(e, folder, translated))
		for _, l := range lists {
			added, dropped := r.addInFolderOrder(e, l, translated, suspect)
			addCount(counts, membersAdded, added)
			addCount(counts, membersLeftOut, dropped)
		}
		// Then the API pages' examples (a value each, or a flags value's
		// names), where the folder has them: in place, else in its order.
		// The names they give count as listed.
		if examples == nil {
			examples = r.exampleLists()
		}
		if ex := examples[e.t]; len(ex) > 0 {
			all := maps.Clone(listed)
			for _, l := range ex {
				for _, v := range l.names {
					all[v] = true
				}
			}
			exSuspect := func(name string) bool {
				return !parser.IsIdentifier(name) || translated && !all[name]
			}
			for _, l := range ex {
				addCount(counts, membersNamed, r.nameInPlace(e, l, exSuspect))
			}
			for _, l := range ex {
				added, dropped := r.addInFolderOrder(e, l, translated, exSuspect)
				addCount(counts, membersAdded, added)
				addCount(counts, membersLeftOut, dropped)
			}
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

// nameInPlace names the suspect members of e that a list pairs with a
// name in place (alignMembers), and returns how many it named.
func (r *resolver) nameInPlace(e *entry, l memberList, suspect func(string) bool) int {
	ed := e.edocs[0]
	named := 0
	for i, v := range alignMembers(e.t.Members, l.names, suspect) {
		m := e.t.Members[i]
		r.warn(ed.page, memberPos(ed.doc, m.Name), diag.MemberNameFromProp, "member %q is not a name; using %q, listed in that place by %s", m.Name, v, where(l.page, l.pos))
		m.Name = v
		named++
	}
	return named
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
// before the next member the list names, in place of the first such.
// Where the gap holds no more members that no list of the enum holds
// than l has names, those written as capitalized words are left out as
// translations too ("Bernstein" beside `amber`). It returns how many it added and left
// out.
func (r *resolver) addInFolderOrder(e *entry, l memberList, translatedPage bool, suspect func(string) bool) (added, dropped int) {
	members := e.t.Members
	translated := false
	for _, m := range members {
		translated = translated || isTranslation(m.Name, translatedPage)
	}
	if !translated {
		return 0, 0
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
	drop := map[int]bool{}
	for _, g := range order {
		at, translations := -1, 0
		var others []int // capitalized names no list of the enum holds
		end := g + 1
		for ; end < len(members); end++ {
			if _, listed := memberIndex(members[end].Name, l.names); listed {
				break // the next member the list names: the gap ends
			}
			switch {
			case isTranslation(members[end].Name, translatedPage):
				translations++
				if at < 0 {
					at = end
				}
			case suspect(members[end].Name):
				if _, capitalized := lowerCapitalized(members[end].Name); capitalized {
					others = append(others, end) // a noun as a translation writes it
				}
			}
		}
		if at < 0 {
			at = g + 1
		} else if len(gaps[g]) >= translations+len(others) {
			// As many names as the gap has members no list holds: those
			// written as names are translations too ("Bernstein").
			for _, i := range others {
				drop[i] = true
			}
		}
		insert[at] = append(insert[at], gaps[g]...)
	}
	var out []*Member
	ed := e.edocs[0]
	for i := 0; i <= len(members); i++ {
		for _, v := range insert[i] {
			out = append(out, &Member{Name: v, Source: where(l.page, l.pos)})
			r.warn(l.page, l.pos, diag.MemberFromValues, "%s lists %q as a value of %s, whose page has translated members no list pairs with names; added in the folder's order", l.of, v, e.t.Name)
			added++
		}
		if i == len(members) {
			break
		}
		if drop[i] {
			m := members[i]
			r.warn(ed.page, memberPos(ed.doc, m.Name), diag.TranslatedMember, "member %q of %s is in no list of the folder, whose names (%s) stand in its place; left out as a translation", m.Name, parser.ShortName(e.t.Name), where(l.page, l.pos))
			dropped++
			continue
		}
		out = append(out, members[i])
	}
	e.t.Members = out
	return added, dropped
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

// folderLists are the lists of names the rows of the whole folder show,
// whatever their type (possible values, backticked or bare names, JSON
// example values; two names or more, each list once), and the lists each
// name is in.
type folderLists struct {
	lists  []memberList
	byName map[string][]int // lower-cased name -> indexes into lists
	// enums counts, for each member name (lower-cased), the enums that
	// have it: "unknown" or "none" says nothing of which enum a list is
	// about.
	enums map[string]int
}

func (r *resolver) folderLists() *folderLists {
	f := &folderLists{byName: map[string][]int{}, enums: map[string]int{}}
	seen := map[string]bool{}
	for _, e := range r.order {
		if e.t.Kind == Enum {
			own := map[string]bool{}
			for _, m := range e.t.Members {
				if k := strings.ToLower(m.Name); !own[k] {
					own[k] = true
					f.enums[k]++
				}
			}
		}
		for _, pe := range e.props {
			for _, names := range [][]string{pe.doc.PossibleValues, pe.doc.Backticked, pe.doc.Listed, pe.doc.JSONValues} {
				names = distinctNames(names)
				key := strings.Join(names, "\x00")
				if len(names) < 2 || seen[key] {
					continue
				}
				seen[key] = true
				for _, n := range names {
					k := strings.ToLower(n)
					if ids := f.byName[k]; len(ids) == 0 || ids[len(ids)-1] != len(f.lists) {
						f.byName[k] = append(ids, len(f.lists))
					}
				}
				f.lists = append(f.lists, memberList{names: names, page: pe.page, pos: pe.doc.Pos, of: pe.doc.Name})
			}
		}
	}
	return f
}

// pairFromFolder names the translated members of e from the lists of the
// folder that line up with its members whole (linesUp); where two lists
// name one member otherwise, the list of a row named after the enum
// decides, else neither does. It returns how many it named.
func (r *resolver) pairFromFolder(e *entry, f *folderLists, translatedPage bool) int {
	translation := func(name string) bool { return isTranslation(name, translatedPage) }
	candidates := map[int]bool{}
	for _, m := range e.t.Members {
		if !translation(m.Name) {
			for _, id := range f.byName[strings.ToLower(m.Name)] {
				candidates[id] = true
			}
		}
	}
	ids := make([]int, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	// Where two lists name a member otherwise, the list of a row named
	// after the enum wins (sensitivity's row for sensitivity, over
	// activityDomain's `work`, `personal`, `unrestricted`, `unknown`).
	type proposal struct {
		name string
		rank int
		from memberList
	}
	proposed := map[int][]proposal{}
	short := parser.ShortName(e.t.Name)
	for _, id := range ids {
		l := f.lists[id]
		pairs, ok := linesUp(e.t.Members, l.names, translation, func(name string) int { return f.enums[strings.ToLower(name)] })
		if !ok {
			continue
		}
		rank := 0
		switch {
		case strings.EqualFold(l.of, short):
			rank = 2
		case len(l.of) > 1 && strings.HasSuffix(strings.ToLower(short), strings.ToLower(l.of)):
			rank = 1 // attendee's type for attendeeType
		}
		for i, v := range pairs {
			proposed[i] = append(proposed[i], proposal{v, rank, l})
		}
	}
	chosen := map[int]proposal{}
	for i, ps := range proposed {
		best := ps[0]
		agree := true
		for _, p := range ps[1:] {
			switch {
			case p.rank > best.rank:
				best, agree = p, true
			case p.rank == best.rank && p.name != best.name:
				agree = false
			}
		}
		if agree {
			chosen[i] = best
		}
	}
	named := 0
	ed := e.edocs[0]
	for i := range e.t.Members {
		p, ok := chosen[i]
		if !ok || hasMemberFold(e.t, p.name) {
			continue
		}
		m := e.t.Members[i]
		r.warn(ed.page, memberPos(ed.doc, m.Name), diag.MemberNameFromProp, "member %q is not a name; using %q, listed in that place by %s (%s), a list that lines up with all of %s", m.Name, p.name, where(p.from.page, p.from.pos), p.from.of, short)
		m.Name = p.name
		named++
	}
	return named
}

// linesUp pairs the translated members with the names of values when the
// list is about this enum: the members written as names that it holds,
// as written (one at least, and half of them; one of them a member of no
// other enum, or all of them each in its own place of a list as long as
// the members, one of them neither first nor last), stand in the
// same order in both, and each gap between them holds as many translated
// members as names that are no member.
func linesUp(members []*Member, values []string, translation func(string) bool, enumsWith func(string) int) (map[int]string, bool) {
	pos := map[string]int{}
	for j, v := range values {
		if _, dup := pos[v]; !dup {
			pos[v] = j
		}
	}
	type anchor struct{ m, v int }
	anchors := []anchor{{-1, -1}}
	// The fewest enums that one of the anchors is a member of: one says
	// the list is this enum's; "unknown" and "none" say nothing.
	names, fewest := 0, 0
	for i, m := range members {
		if translation(m.Name) {
			continue
		}
		names++
		j, ok := pos[m.Name]
		if !ok {
			continue
		}
		if j <= anchors[len(anchors)-1].v {
			return nil, false // another order: another enum's list
		}
		anchors = append(anchors, anchor{i, j})
		if n := enumsWith(m.Name); fewest == 0 || n < fewest {
			fewest = n
		}
	}
	// As long as the members, with each name in its own place, the list
	// is about this enum even where its names are others' too
	// (sensitivity's `normal`, `personal`, `private`, `confidential`).
	// A name inside the list, not first or last (where lists put the
	// sentinels, unknown and unknownFutureValue), says which enum it is.
	inPlace, inside := len(values) == len(members), false
	for _, a := range anchors[1:] {
		inPlace = inPlace && a.m == a.v
		inside = inside || a.v > 0 && a.v < len(values)-1
	}
	if found := len(anchors) - 1; found == 0 || 2*found < names || fewest > 1 && !(inPlace && found == names && inside) {
		return nil, false
	}
	anchors = append(anchors, anchor{len(members), len(values)})
	out := map[int]string{}
	for k := 1; k < len(anchors); k++ {
		a, b := anchors[k-1], anchors[k]
		var gap []int
		for i := a.m + 1; i < b.m; i++ {
			if translation(members[i].Name) {
				gap = append(gap, i)
			}
		}
		if len(gap) != b.v-a.v-1 {
			return nil, false
		}
		for n, i := range gap {
			out[i] = values[a.v+1+n]
		}
	}
	return out, len(out) > 0
}

// addCount adds n to counts[k], leaving out keys that stay at zero.
func addCount(counts map[string]int, k string, n int) {
	if n != 0 {
		counts[k] += n
	}
}

// distinctNames keeps the first of names written alike: a list that names
// a value twice ("`ReadWrite` ... The default is `ReadWrite`") names one
// member.
func distinctNames(names []string) []string {
	for i, n := range names {
		for _, m := range names[:i] {
			if m == n {
				out := append([]string(nil), names[:i]...)
				for _, n := range names[i+1:] {
					if !slices.Contains(out, n) {
						out = append(out, n)
					}
				}
				return out
			}
		}
	}
	return names
}
