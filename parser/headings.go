// Headings: titles that start a type or an enum, and the sections they open.

package parser

import (
	"strings"
)

// enumHeadingName returns x for a heading "x values" (or an anchor
// "x-values"), the form aggregated and inline enum sections use.
// anchorOnly says the name is the anchor's alone: the heading's words do
// not show it (a translation wrote `значения Алертсеверити` or
// `Vertraulichkeits Werte`), so it has no letter case, and the resolver
// keeps the enum only when some row names it.
func (e *extractor) enumHeadingName(text, anchor string) (name string, anchorOnly bool) {
	t := strings.TrimSpace(text)
	if name, ok := e.EnumValuesName(t); ok {
		if toks := identifierTokens(name); len(toks) == 1 {
			return toks[0], false
		}
	}
	if a := strings.ToLower(anchor); strings.HasSuffix(a, "-values") && t != "" {
		stem := strings.TrimSuffix(a, "-values")
		if n := e.firstIdentifier(t); n != "" && strings.EqualFold(n, stem) {
			return n, false
		}
		if IsIdentifier(stem) {
			return stem, true
		}
	}
	return "", false
}

func (e *extractor) heading(b *block) {
	text, anchor := b.Inl.Text, b.Inl.Anchor
	e.sectionAnchor, e.sectionTables = strings.ToLower(anchor), 0
	if name, anchorOnly := e.enumHeadingName(text, anchor); name != "" && b.Level >= 2 {
		e.curEnum = &EnumDoc{Name: name, Pos: e.pos(b.Off), Anchor: anchor, AnchorOnly: anchorOnly}
		if e.sectionEnums == nil {
			e.sectionEnums = map[*EnumDoc]bool{}
		}
		e.sectionEnums[e.curEnum] = true
		e.page.Enums = append(e.page.Enums, e.curEnum)
		e.enumLevel = b.Level
		e.section = secMembers
		return
	}
	if e.curEnum != nil && b.Level <= e.enumLevel {
		e.curEnum = nil
	}
	if b.Level == 1 {
		name := e.titleName(text, anchor)
		if e.isEnumPage {
			// An enum's title with no word of its anchor's name is a
			// translation's ("Wurde-Enumerationstyp" anchored
			// compliancestatus-enum-type): the anchor names it, in lower
			// case until links say more.
			anchorOnly := false
			if stem := nameFromAnchor(anchor); stem != "" && !strings.EqualFold(stem, name) {
				name, anchorOnly = stem, true
			}
			if name != "" {
				e.curEnum = &EnumDoc{Name: name, Pos: e.pos(b.Off), Anchor: anchor, AnchorOnly: anchorOnly}
				e.page.Enums = append(e.page.Enums, e.curEnum)
				e.enumLevel = 1
			}
		} else {
			e.newTitledType(name, b.Off, anchor).typeHeading = e.IsTypeTitle(text, anchor)
		}
		e.section = secNone
		return
	}
	if !e.isEnumPage && b.Level == 2 && e.IsTypeTitle(text, anchor) && (e.cur == nil || e.cur.sawTable || e.cur.HasJSON) {
		e.newTitledType(e.titleName(text, anchor), b.Off, anchor).typeHeading = true
		e.section = secNone
		return
	}
	e.section = e.Section(text, anchor)
}

// titleName is the name a title gives: the word of the title that its
// anchor names (`Ressourcentyp „workbook“` anchored workbook-resource-type
// is workbook, a translation's own words coming first), else the first
// name in it, else the anchor's.
func (e *extractor) titleName(text, anchor string) string {
	if stem := nameFromAnchor(anchor); stem != "" {
		for _, tok := range identifierTokens(text) {
			if strings.EqualFold(tok, stem) {
				return tok
			}
		}
	}
	if name := e.firstIdentifier(text); name != "" {
		return name
	}
	return nameFromAnchor(anchor)
}

// newTitledType starts the type a title names. A type title with no word
// of its anchor's name is the translation's ("Benachrichtigung
// Ressourcentyp" anchored notification-resource-type, "Trend Ressourcentyp"
// anchored trending-resource-type): the anchor, made from the English
// title, names the type, in lower case, and the title's own name is kept
// for the resolver (TypeDoc.TitleName).
func (e *extractor) newTitledType(name string, off int, anchor string) *typeDraft {
	stem := nameFromAnchor(anchor)
	if stem == "" || strings.EqualFold(stem, name) {
		return e.newType(name, off, anchor)
	}
	t := e.newType(stem, off, anchor)
	t.ownTitle = name
	return t
}

// nameFromAnchor reads a lower-cased name from an anchor such as
// "vpptokenrevokelicensesactionresult-resource-type".
func nameFromAnchor(anchor string) string {
	a := strings.ToLower(anchor)
	for _, suf := range []string{"-resource-type", "-complex-type", "-enum-type", "-resource", "-type", "-values"} {
		if strings.HasSuffix(a, suf) {
			n := strings.TrimSuffix(a, suf)
			if IsIdentifier(n) {
				return n
			}
		}
	}
	return ""
}

func (e *extractor) newType(titleName string, off int, anchor string) *typeDraft {
	t := &typeDraft{TypeDoc: &TypeDoc{Pos: e.pos(off), Anchor: anchor}, titleName: titleName, rows: map[*PropDoc]rowDraft{}}
	e.types = append(e.types, t)
	e.cur = t
	e.curEnum = nil
	return t
}

// current returns the type being described, starting one from the front
// matter title for pages without an H1.
func (e *extractor) current(off int) *typeDraft {
	if e.cur == nil {
		e.newType(e.firstIdentifier(e.fm["title"]), off, "")
	}
	return e.cur
}
