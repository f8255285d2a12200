// The member passes: enums built from possible-values lists, translated
// members' capitals undone, members added and deduplicated (the names of
// translated members are recovered in resolve_members_translated.go).

package schema

import (
	"sort"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// rowsByRef gives each type the rows typed with it, in page order.
func (r *resolver) rowsByRef() map[*Type][]*propEntry {
	rows := map[*Type][]*propEntry{}
	for _, o := range r.order {
		for _, pe := range o.props {
			if pe.prop.Ref != nil {
				rows[pe.prop.Ref] = append(rows[pe.prop.Ref], pe)
			}
		}
	}
	return rows
}

// rowValues is what a row lists as its enum's possible values; for a
// translated enum, whose list words are translated, the row's backticked
// values stand in for a list the row does not introduce.
func rowValues(pe *propEntry, translated bool) []string {
	if len(pe.doc.PossibleValues) == 0 && translated {
		return pe.doc.Backticked
	}
	return pe.doc.PossibleValues
}

// listedValues is the set of values the rows list.
func listedValues(rows []*propEntry, translated bool) map[string]bool {
	listed := map[string]bool{}
	for _, pe := range rows {
		for _, v := range rowValues(pe, translated) {
			listed[v] = true
		}
	}
	return listed
}

// lowerTranslatedCapitals undoes the capitals a translation gives nouns: on
// a translated page whose members mostly begin in lower case (deviceType's
// windowsRT, winMO6, iPhone), "Android" is android. A name in capitals
// throughout (USB), or listed as written by a property, stays as it is.
func (r *resolver) lowerTranslatedCapitals() {
	rows := r.rowsByRef()
	folderLower := r.membersMostlyLower()
	for _, e := range r.order {
		if e.t.Kind != Enum || len(e.edocs) == 0 || !e.edocs[0].page.Translated() {
			continue
		}
		lower := 0
		for _, m := range e.t.Members {
			if m.Name != "" && isASCIILower(m.Name[0]) {
				lower++
			}
		}
		// Most of its members begin in lower case, or some do where the
		// folder's members do (azureADLicenseType's none and
		// unknownFutureValue beside PremiumP1, PremiumP2): an enum whose
		// members all begin in upper case is written so.
		if lower == 0 || 2*lower <= len(e.t.Members) && !folderLower {
			continue
		}
		listed := listedValues(rows[e.t], true)
		for _, m := range e.t.Members {
			name, ok := lowerCapitalized(m.Name)
			if !ok || listed[m.Name] || hasMember(e.t, name) {
				continue
			}
			ed := e.edocs[0]
			r.warn(ed.page, memberPos(ed.doc, m.Name), diag.MemberCase, "member %q of %s begins in upper case where its other members do not (a translation's capital?); using %q", m.Name, parser.ShortName(e.t.Name), name)
			m.Name = name
		}
	}
}

// membersMostlyLower reports a folder whose enum members, on pages in
// English, begin in lower case learnMinShare of the time or more (the
// service's are camelCase); without such pages, those of every page.
func (r *resolver) membersMostlyLower() bool {
	count := func(english bool) (int, int) {
		lower, all := 0, 0
		for _, e := range r.order {
			if e.t.Kind != Enum || len(e.edocs) == 0 || english && e.edocs[0].page.Translated() {
				continue
			}
			for _, m := range e.t.Members {
				if m.Name == "" || !parser.IsIdentifier(m.Name) {
					continue
				}
				all++
				if isASCIILower(m.Name[0]) {
					lower++
				}
			}
		}
		return lower, all
	}
	lower, all := count(true)
	if all < learnMinCount {
		lower, all = count(false)
	}
	return all >= learnMinCount && float64(lower) >= learnMinShare*float64(all)
}

// lowerCapitalized gives "android" for "Android": an ASCII capital then a
// small letter, as the service's names are ASCII; "USB", "iPhone" or a
// translated word is not capitalized.
func lowerCapitalized(name string) (string, bool) {
	if len(name) < 2 || !isASCIIUpper(name[0]) || !isASCIILower(name[1]) || !parser.IsIdentifier(name) {
		return "", false
	}
	return string(name[0]+'a'-'A') + name[1:], true
}

func isASCIIUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isASCIILower(c byte) bool { return 'a' <= c && c <= 'z' }

// alignMembers maps indexes of members that are not names to the value
// standing in their place in values, anchored on the members that are.
func alignMembers(members []*Member, values []string, suspect func(string) bool) map[int]string {
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
		if suspect(m.Name) {
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
				if suspect(members[i].Name) {
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
			if suspect(members[i].Name) {
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
		en := &entry{t: &Type{Name: q, Kind: Enum, Source: where(src.page, src.doc.Pos)}, ns: namespaceOf(q), page: src.page}
		for _, v := range src.doc.PossibleValues {
			if !hasMember(en.t, v) {
				en.t.Members = append(en.t.Members, &Member{Name: v, Source: where(src.page, src.doc.Pos)})
			}
		}
		r.warn(src.page, src.doc.Pos, diag.EnumFromValues, "no page describes %s; its members come from the possible values of %s", q, src.doc.Name)
		r.byName[strings.ToLower(q)] = en
		short := strings.ToLower(parser.ShortName(q))
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
				en.Members = append(en.Members, &Member{Name: v, Source: where(pe.page, pe.doc.Pos)})
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
				r.warn(e.page, r.typePos(e), diag.DuplicateMember, "member %q of %s is listed twice; keeping the first", m.Name, parser.ShortName(e.t.Name))
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
