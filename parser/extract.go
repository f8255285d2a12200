package parser

import (
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/lang"
)

// sectionKind is the section of the page being read, from its heading.
type sectionKind = lang.Section

const (
	secNone          = lang.NoSection
	secProperties    = lang.Properties
	secRelationships = lang.Relationships
	secMembers       = lang.Members
	secJSON          = lang.JSON
	secMethods       = lang.Methods
	secDerived       = lang.Derived
	secDefinition    = lang.Definition
	secOther         = lang.Other
)

// Parse reads one page. path is slash-separated and relative to the input
// root; it names the page in diagnostics and resolves its links.
func Parse(pagePath string, data []byte, opts Options) *Page {
	src := NewSource(data)
	p := &Page{Path: pagePath}
	fm := src.FrontMatter()
	p.DocType = strings.TrimSpace(fm["doc_type"])
	set := opts.Lang
	if set == nil {
		set = lang.Default
	}
	e := &extractor{src: src, page: p, opts: opts, fm: fm, words: words{set}}
	if !utf8.Valid(data) {
		e.warnAt(0, diag.InvalidUTF8, "page is not valid UTF-8; invalid bytes are kept as they are")
	}
	e.run(readBlocks(src.Clean))
	return p
}

type extractor struct {
	words
	src        *Source
	page       *Page
	opts       Options
	fm         map[string]string
	isEnumPage bool

	types       []*typeDraft // the page's types, in page order
	cur         *typeDraft
	curEnum     *EnumDoc
	enumLevel   int
	section     sectionKind
	pendingJSON *typeDraft // the type whose annotation precedes the next JSON block
	// sectionEnums holds the enums from an "x values" heading, not a page
	// of their own.
	sectionEnums map[*EnumDoc]bool
	skipJSON    bool     // the next JSON block is an example, not a representation
	derivedList bool     // the previous paragraph introduced a list of derived types
	// afterInherits: the previous paragraph says something is inherited.
	afterInherits bool
}

func (e *extractor) pos(off int) Position { return e.src.Pos(off) }

func (e *extractor) warnAt(off int, code diag.WarningCode, format string, args ...any) {
	e.warn(e.pos(off), code, format, args...)
}

// warn reports a warning at a position of this page.
func (e *extractor) warn(p Position, code diag.WarningCode, format string, args ...any) {
	e.page.Diags.Warn(p.At(e.page.Path), code, format, args...)
}

func (e *extractor) run(blocks []block) {
	e.isEnumPage = strings.HasPrefix(strings.ToLower(e.page.DocType), "enumpagetype")
	for _, b := range blocks {
		if b.Kind == blockHeading && b.Level == 1 && e.IsEnumTitle(b.Inl.Text, b.Inl.Anchor) {
			e.isEnumPage = true
		}
	}
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == blockTable && e.derivedList {
			// "It is the base type for each specific risk event type:"
			// followed by a table of the derived types.
			e.derivedTable(b)
			e.derivedList = false
			continue
		}
		if b.Kind != blockParagraph {
			e.derivedList = false
		}
		if b.Kind != blockTable && b.Kind != blockComment {
			e.afterInherits = b.Kind == blockParagraph && e.inheritsAt(b.Inl.Text) >= 0
		}
		switch b.Kind {
		case blockHeading:
			e.heading(b)
		case blockParagraph:
			e.paragraph(b)
		case blockTable:
			e.table(b)
		case blockCode:
			e.code(b)
		case blockComment:
			e.comment(b)
		}
	}
	e.finish()
}

// enumHeadingName returns x for a heading "x values" (or an anchor
// "x-values"), the form aggregated and inline enum sections use.
func (e *extractor) enumHeadingName(text, anchor string) string {
	t := strings.TrimSpace(text)
	if name, ok := e.EnumValuesName(t); ok {
		if toks := identifierTokens(name); len(toks) == 1 {
			return toks[0]
		}
	}
	if a := strings.ToLower(anchor); strings.HasSuffix(a, "-values") && t != "" {
		if n := e.firstIdentifier(t); n != "" && strings.EqualFold(n, strings.TrimSuffix(a, "-values")) {
			return n
		}
	}
	return ""
}

func (e *extractor) heading(b *block) {
	text, anchor := b.Inl.Text, b.Inl.Anchor
	if name := e.enumHeadingName(text, anchor); name != "" && b.Level >= 2 {
		e.curEnum = &EnumDoc{Name: name, Pos: e.pos(b.Off), Anchor: anchor}
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
		name := e.firstIdentifier(text)
		if name == "" {
			name = nameFromAnchor(anchor)
		}
		if e.isEnumPage {
			if name != "" {
				e.curEnum = &EnumDoc{Name: name, Pos: e.pos(b.Off), Anchor: anchor}
				e.page.Enums = append(e.page.Enums, e.curEnum)
				e.enumLevel = 1
			}
		} else {
			e.newType(name, b.Off, anchor).typeHeading = e.IsTypeTitle(text, anchor)
		}
		e.section = secNone
		return
	}
	if !e.isEnumPage && b.Level == 2 && e.IsTypeTitle(text, anchor) && (e.cur == nil || e.cur.sawTable || e.cur.HasJSON) {
		e.newType(e.firstIdentifier(text), b.Off, anchor).typeHeading = true
		e.section = secNone
		return
	}
	e.section = e.Section(text, anchor)
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

// inheritsAt returns where a base phrase ends in text, or -1.
func (e *extractor) inheritsAt(text string) int {
	at, _ := e.InheritsAt(strings.ToLower(text))
	return at
}

// nearestLink returns the page link whose text stands nearest the start of
// after (the longest one at equal distance), within reach of the phrase.
func nearestLink(after string, links []Link) (Link, bool) {
	best, bestAt := Link{}, -1
	for _, l := range links {
		if !isPageLink(l.Dest) || strings.HasPrefix(l.Dest, "#") || strings.TrimSpace(l.Text) == "" {
			continue // an empty link text ("[](x.md)") cannot be placed
		}
		i := strings.Index(after, l.Text)
		if i < 0 || i > 40 {
			continue
		}
		if bestAt < 0 || i < bestAt || (i == bestAt && len(l.Text) > len(best.Text)) {
			best, bestAt = l, i
		}
	}
	return best, bestAt >= 0
}

// derivedClaims collects the page links a base page names as its derived
// types: after a phrase that introduces them, or in the list a phrase ending in a
// colon introduces.
func (e *extractor) derivedClaims(b *block) {
	if e.cur == nil || e.isEnumPage {
		return
	}
	text := b.Inl.Text
	lower := strings.ToLower(text)
	at := -1
	if e.derivedList {
		at = 0
	} else {
		at = e.DerivedAt(lower)
	}
	if at < 0 {
		return
	}
	scope := text[at:]
	if !e.derivedList {
		// Only the phrase's sentence: "the base type for an attachment.
		// Content can be added to a [todoTask]" names no derived type.
		if end := sentenceEnd(scope); end >= 0 {
			scope = scope[:end]
		}
		if strings.HasSuffix(strings.TrimSpace(text), ":") {
			e.derivedList = true
		}
	}
	for _, l := range b.Inl.Links {
		if !isPageLink(l.Dest) || strings.HasPrefix(l.Dest, "#") || !strings.Contains(scope, l.Text) {
			continue
		}
		if target := e.resolveLink(l.Dest); target != "" && target != e.page.Path {
			e.cur.Derived = append(e.cur.Derived, BaseClaim{Source: ClaimDerived, Link: target, Name: e.lastIdentifier(l.Text), Pos: e.pos(b.Off)})
		}
	}
}

func (e *extractor) paragraph(b *block) {
	if b.PipeLines != nil && !b.Quote && (e.section == secProperties || e.section == secRelationships || e.section == secMembers) {
		if tb, problem, ok := recoverTable(b, e.src.Clean); ok {
			e.warnAt(b.Off, diag.BadTable, "lines of table cells that Markdown does not read as a table: %s; read as a table", problem)
			e.table(&tb)
			return
		}
	}
	text := b.Inl.Text
	lower := strings.ToLower(text)
	if !b.Quote {
		e.derivedClaims(b)
	}
	if rest, ok := e.NamespaceValue(text); ok {
		if toks := identifierTokens(rest); len(toks) > 0 && e.page.Namespace == "" {
			e.page.Namespace = strings.TrimSuffix(toks[0], ".")
		}
		return
	}
	if b.Quote || strings.HasPrefix(text, "[!") || text == "" {
		return
	}
	if e.section == secNone || e.section == secProperties {
		if e.cur != nil && !e.isEnumPage {
			if claim, ok := e.inheritsClaim(text, b.Inl.Links, b.Off, ClaimInherits); ok {
				e.cur.Bases = append(e.cur.Bases, claim)
			}
			if e.SaysOpenType(lower) {
				e.cur.OpenType = true
			}
		}
	}
	if e.section != secNone {
		return
	}
	switch {
	case e.curEnum != nil:
		if e.curEnum.Description == "" {
			e.curEnum.Description = text
		}
		if e.SaysFlags(lower) {
			e.curEnum.Flags = true
		}
	case e.cur != nil && e.cur.Description == "":
		e.cur.Description = text
	}
}

// inheritsClaim finds "Inherits from [x](x.md)" (in any of the languages
// the pages use) in text and returns the base it names.
func (e *extractor) inheritsClaim(text string, links []Link, off int, source ClaimSource) (BaseClaim, bool) {
	at, needLink := e.InheritsAt(strings.ToLower(text))
	if at < 0 {
		return BaseClaim{}, false
	}
	claim := BaseClaim{Source: source, Pos: e.pos(off)}
	after := text[at:]
	if l, ok := nearestLink(after, links); ok {
		claim.Link = e.resolveLink(l.Dest)
		if claim.Link == "" {
			e.warnAt(off, diag.LinkOutside, "link %q leaves the input folder and is not followed; the base is looked up by name", l.Dest)
		}
		claim.Name = e.lastIdentifier(l.Text)
		return claim, true
	}
	if needLink {
		return BaseClaim{}, false
	}
	// No link: the name right after the phrase ("Inherits from entity"),
	// never a filler word ("inherited from a group").
	if toks := identifierTokens(after); len(toks) > 0 && !e.IsNotName(strings.ToLower(toks[0])) && len(toks[0]) > 2 &&
		strings.HasPrefix(strings.TrimLeft(after, " *`["), toks[0]) {
		claim.Name = toks[0]
		return claim, true
	}
	return BaseClaim{}, false
}

// resolveLink turns a link destination into a path relative to the input
// root ("x.md" or "x.md#anchor"), or "" when it leaves the root.
func (e *extractor) resolveLink(dest string) string {
	return ResolveLink(e.page.Path, e.opts.RootName, dest)
}

// ResolveLink resolves dest, written on the page at pagePath, to a path
// relative to the input root named rootName; "" when it leaves the root.
func ResolveLink(pagePath, rootName, dest string) string {
	p, anchor, hasAnchor := strings.Cut(dest, "#")
	suffix := ""
	if hasAnchor {
		suffix = "#" + anchor
	}
	if p == "" {
		return pagePath + suffix
	}
	root := rootName
	if root == "" || root == "." || root == "/" {
		root = "_root_"
	}
	joined := path.Join(root, path.Dir(pagePath), p)
	if !strings.HasPrefix(joined, root+"/") {
		return ""
	}
	return strings.TrimPrefix(joined, root+"/") + suffix
}

// tableKind decides what a table lists from its header, with the section
// as a hint for headers that say only "Name".
type tableKind int

const (
	tableIgnore tableKind = iota
	tableProperties
	tableRelationships
	tableMembers
)

func (e *extractor) classifyTable(b *block) tableKind {
	if len(b.Header.Cells) == 0 || e.section == secDefinition {
		return tableIgnore
	}
	h0 := strings.ToLower(b.Header.Cells[0].Text)
	switch {
	case e.Is(lang.IgnoredHeader, h0):
		return tableIgnore
	case e.Is(lang.MembersHeader, h0):
		return tableMembers
	case e.Is(lang.RelationshipHeader, h0):
		return tableRelationships
	}
	inTypeSection := e.section == secNone || e.section == secProperties || e.section == secRelationships || e.section == secJSON
	propertyHeader := e.Is(lang.PropertyHeader, h0) || (inTypeSection && e.Is(lang.NameHeader, h0))
	switch {
	case e.section == secMembers && !propertyHeader:
		// Under "x values", a table of members says so in its first
		// header; "Spoken language | Value" documents a string's values.
		if e.Is(lang.AnyMemberHeader, h0) {
			return tableMembers
		}
		return tableIgnore
	case (e.isEnumPage || e.curEnum != nil) && e.Is(lang.MemberNameHeader, h0) && !e.hasTypeColumn(b):
		return tableMembers
	case propertyHeader && e.section == secRelationships:
		return tableRelationships
	case propertyHeader:
		return tableProperties
	case e.section == secProperties && len(b.Header.Cells) >= 2 && e.hasTypeColumn(b):
		return tableProperties
	case e.section == secRelationships && len(b.Header.Cells) >= 2 && e.hasTypeColumn(b):
		return tableRelationships
	}
	return tableIgnore
}

func (e *extractor) hasTypeColumn(b *block) bool {
	return e.columnIndex(b.Header, -1, lang.TypeColumn) >= 0
}

// columnIndex finds the first header cell (after the first) containing
// one of words, or returns def.
// columnIndex returns the first column after the first whose header names
// column kind c, or def.
func (e *extractor) columnIndex(h tableRow, def int, c lang.Column) int {
	for i, cell := range h.Cells {
		if i > 0 && e.IsColumn(c, strings.ToLower(cell.Text)) {
			return i
		}
	}
	return def
}

// maxTableRows bounds one table: the largest real table has a few hundred
// rows; a larger one is skipped rather than read.
const maxTableRows = 10000

func (e *extractor) table(b *block) {
	if len(b.Rows) > maxTableRows {
		e.warnAt(b.Off, diag.TableTooLarge, "table has %d rows, over the limit of %d; skipped", len(b.Rows), maxTableRows)
		return
	}
	kind := e.classifyTable(b)
	if e.cur != nil && !e.isEnumPage && e.isMethodsTable(b) {
		e.cur.HasMethods = true
	}
	if e.cur != nil && e.section == secMethods && linksToAPI(b) {
		e.cur.listsOperations = true
		e.listedCollections(b)
	}
	if e.section == secDerived && e.cur != nil {
		e.derivedTable(b)
		return
	}
	switch kind {
	case tableIgnore:
		return
	case tableMembers:
		e.checkRowShapes(b)
		e.membersTable(b)
	default:
		e.checkRowShapes(b)
		e.propertyTable(b, kind == tableRelationships)
	}
}

// checkRowShapes reports rows that hold fewer or more cells than the
// header: Markdown leaves the missing cells empty and drops the extra ones.
// A continuation line (the rest of a row a raw newline split) is part of
// the row before it, which is reported.
func (e *extractor) checkRowShapes(b *block) {
	want := len(b.Header.Cells)
	for _, r := range b.Rows {
		if r.Written == want || e.isContinuation(r) {
			continue
		}
		if r.Written < want {
			e.warnAt(r.Off, diag.BadTable, "row has %d cells, the header %d; the missing cells are read as empty", r.Written, want)
		} else {
			e.warnAt(r.Off, diag.BadTable, "row has %d cells, the header %d (an unescaped | in a cell?); the cells past the header's are lost", r.Written, want)
		}
	}
}

func cellAt(r tableRow, i int) inline {
	if i < 0 || i >= len(r.Cells) {
		return inline{}
	}
	return r.Cells[i]
}

// isContinuation reports a row that is really the rest of the previous
// row's last cell: a raw newline split it, so it starts without a pipe
// and fills only its first cell.
func (e *extractor) isContinuation(r tableRow) bool {
	if len(r.Cells) == 0 {
		return true
	}
	for _, c := range r.Cells[1:] {
		if c.Text != "" {
			return false
		}
	}
	off := r.Off
	for off < len(e.src.Clean) && (e.src.Clean[off] == ' ' || e.src.Clean[off] == '\t') {
		off++
	}
	return off < len(e.src.Clean) && e.src.Clean[off] != '|'
}

func (e *extractor) propertyTable(b *block, navigation bool) {
	t := e.current(b.Off)
	t.sawTable = true
	t.tables++
	typeCol := e.columnIndex(b.Header, 1, lang.TypeColumn)
	descCol := e.columnIndex(b.Header, -1, lang.DescriptionColumn)
	if descCol < 0 && len(b.Header.Cells) > 2 {
		descCol = len(b.Header.Cells) - 1
	}
	var last *PropDoc
	for _, r := range b.Rows {
		if last != nil && e.isContinuation(r) {
			last.Description = strings.TrimSpace(last.Description + " " + cellAt(r, 0).Text)
			continue
		}
		nameCell := cellAt(r, 0)
		typeCell := cellAt(r, typeCol)
		descCell := cellAt(r, descCol)
		if nameCell.Text == "" || (typeCell.Text == "" && descCell.Text == "" && strings.HasPrefix(strings.TrimSpace(string(e.rowText(r))), "|**")) {
			continue // empty rows and bold group captions
		}
		if isAnnotationName(nameCell.Text) {
			continue // instance annotations (@odata.etag, @microsoft.graph.downloadUrl) are not properties
		}
		prop := &PropDoc{
			Name:        e.propertyName(nameCell),
			Pos:         e.pos(nameCell.Off),
			Type:        e.parseTypeCell(typeCell),
			Description: descCell.Text,
			Navigation:  navigation,
			Nullable:    true,
		}
		// "The following properties are inherited from [baseItem][]": rows
		// that JSON blocks leave out, not values.
		t.rows[prop] = rowDraft{table: t.tables, inheritedTable: e.afterInherits}
		if prop.Name == "" {
			prop.Name = nameCell.Text // a translated name; the JSON block may recover it
		}
		if prop.Type.Link != "" {
			dest := prop.Type.Link
			prop.Type.Link = e.resolveLink(dest)
			if prop.Type.Link == "" {
				e.warnAt(typeCell.Off, diag.LinkOutside, "link %q leaves the input folder and is not followed; the type is looked up by name", dest)
			}
			if prop.Type.Link == "" && prop.Type.Name == "" {
				prop.Type.Name = e.lastIdentifier(typeCell.Text)
			}
		}
		lowerDesc := strings.ToLower(descCell.Text)
		if e.NotNullable(lowerDesc) {
			prop.Nullable = false
		}
		prop.Deprecated = e.DeprecatedProperty(strings.ToLower(nameCell.Text), lowerDesc)
		prop.PossibleValues = e.possibleValues(descCell)
		if claim, ok := e.inheritedClaim(descCell); ok {
			prop.Inherited = &claim
		}
		t.Properties = append(t.Properties, prop)
		last = prop
	}
}

// rowText returns the row's source line, for checks that need the raw text.
func (e *extractor) rowText(r tableRow) []byte {
	off := r.Off
	if off < 0 || off > len(e.src.Clean) {
		return nil
	}
	end := off
	for end < len(e.src.Clean) && e.src.Clean[end] != '\n' {
		end++
	}
	return e.src.Clean[off:end]
}

// propertyName reads the name from a name cell: the backticked name if the
// cell has one, else the cell's first word taken whole ("a-b", "naïve"),
// without emphasis marks; "" when that word has no letter.
func (w words) propertyName(c inline) string {
	for _, code := range c.Codes {
		if IsIdentifier(strings.TrimSpace(code)) {
			return strings.TrimSpace(code)
		}
	}
	fields := strings.Fields(c.Text)
	if len(fields) == 0 {
		return ""
	}
	word := strings.Trim(fields[0], "*`'\":,;") // not '_': "_id" is a name
	for _, r := range word {
		if unicode.IsLetter(r) {
			return word
		}
	}
	return w.firstIdentifier(c.Text)
}

func (e *extractor) inheritedClaim(c inline) (BaseClaim, bool) {
	for _, end := range e.Inherited(strings.ToLower(c.Text)) {
		after := c.Text[end:]
		if l, ok := nearestLink(after, c.Links); ok {
			return BaseClaim{Source: ClaimRow, Link: e.resolveLink(l.Dest), Name: e.lastIdentifier(l.Text), Pos: e.pos(c.Off)}, true
		}
		if toks := identifierTokens(after); len(toks) > 0 && !e.IsNotName(strings.ToLower(toks[0])) && len(toks[0]) > 2 &&
			strings.HasPrefix(strings.TrimLeft(after, " *`"), toks[0]) {
			return BaseClaim{Source: ClaimRow, Name: toks[0], Pos: e.pos(c.Off)}, true
		}
		// "inherited from a group": no base named, so no claim.
	}
	return BaseClaim{}, false
}

// possibleValues returns the backticked values that follow a "Possible
// values are" phrase in a description.
func (e *extractor) possibleValues(c inline) []string {
	at := e.PossibleValuesAt(strings.ToLower(c.Text))
	if at < 0 {
		return nil
	}
	// The list ends with its sentence: later sentences mention other
	// values ("If type is `relativeMonthly`, ...").
	end := len(c.Text)
	if colon := strings.IndexByte(c.Text[at:], ':'); colon >= 0 && colon < 60 {
		at += colon
	}
	if dot := sentenceEnd(c.Text[at:]); dot >= 0 {
		end = at + dot
	}
	var out []string
	search := at
	for _, code := range c.Codes {
		i := strings.Index(c.Text[search:], code)
		if i < 0 {
			continue
		}
		if search+i >= end {
			break
		}
		search += i + len(code)
		// "`phishing``malware`" (a translation moved the backticks) is one
		// code span holding two values.
		for _, part := range strings.Split(code, "`") {
			if v := strings.TrimSpace(part); v != "" && IsIdentifier(v) {
				out = append(out, v)
			}
		}
	}
	return out
}

func (e *extractor) membersTable(b *block) {
	en := e.curEnum
	if en == nil {
		e.warnAt(b.Off, diag.MembersNoEnum, "members table without an enum heading; skipped")
		return
	}
	valueCol := e.columnIndex(b.Header, -1, lang.ValueColumn)
	descCol := e.columnIndex(b.Header, -1, lang.MemberDescriptionColumn)
	if en.Pos.Line == 0 {
		en.Pos = e.pos(b.Off)
	}
	for _, r := range b.Rows {
		if len(en.Members) > 0 && e.isContinuation(r) {
			m := &en.Members[len(en.Members)-1]
			m.Description = strings.TrimSpace(m.Description + " " + cellAt(r, 0).Text)
			continue
		}
		nameCell := cellAt(r, 0)
		if nameCell.Text == "" {
			continue
		}
		m := MemberDoc{Name: e.memberName(nameCell), Pos: e.pos(nameCell.Off), Description: cellAt(r, descCol).Text}
		m.Deprecated = e.DeprecatedMember(strings.ToLower(nameCell.Text), strings.ToLower(m.Description))
		if valueCol >= 0 {
			vc := cellAt(r, valueCol)
			if v := strings.TrimSpace(vc.Text); v != "" {
				if n, err := parseIntValue(v); err == nil {
					m.Value = &n
				} else {
					e.warnAt(vc.Off, diag.BadMemberValue, "value %q of member %q is not an integer", v, m.Name)
				}
			}
		}
		en.Members = append(en.Members, m)
	}
}

func parseIntValue(s string) (int64, error) {
	s = strings.Trim(s, "`* ")
	if strings.HasPrefix(strings.ToLower(s), "0x") {
		return strconv.ParseInt(s[2:], 16, 64)
	}
	return strconv.ParseInt(s, 10, 64)
}

// memberName reads a member's name: the backticked or identifier-shaped
// word, else the cell text as written (a translated name).
func (w words) memberName(c inline) string {
	if n := w.propertyName(c); n != "" && (IsIdentifier(n) || !strings.Contains(c.Text, " ")) {
		return n
	}
	return c.Text
}

// annotation reads the JSON object of an annotation comment
// (<!-- {"blockType": ...} -->) leniently: the object, what is not valid
// JSON in it, its blockType, and the offset of its '{' in Clean.
func annotation(b *block) (v *JSONValue, problems []JSONProblem, blockType string, base int, ok bool) {
	open := strings.Index(b.Content, "{")
	if !strings.HasPrefix(strings.TrimSpace(b.Content), "<!--") || open < 0 {
		return nil, nil, "", 0, false
	}
	body := b.Content[open:]
	if end := strings.LastIndex(body, "-->"); end >= 0 {
		body = body[:end]
	}
	v, problems = ParseJSONish(unescapeQuotes(body))
	if v == nil || v.Kind != JSONObject {
		return nil, nil, "", 0, false
	}
	if bt := v.Get("blockType"); bt != nil {
		blockType = bt.Str
	}
	return v, problems, blockType, b.ContentOff + open, true
}

// unescapeQuotes turns the HTML-escaped quotes some translated pages have
// in annotations ("@type&quot;: &quot;microsoft.graph.shareAction") back
// into quotes, padding with spaces outside the string so that offsets stay
// put: a quote that closes a string is followed by the padding, one that
// opens a string is preceded by it.
func unescapeQuotes(s string) string {
	const entity = "&quot;"
	if !strings.Contains(s, entity) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, entity)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		rest := strings.TrimLeft(s[i+len(entity):], " \t")
		if rest == "" || strings.ContainsRune(":,}]\n", rune(rest[0])) {
			b.WriteString(`"     `)
		} else {
			b.WriteString(`     "`)
		}
		s = s[i+len(entity):]
	}
}

func (e *extractor) comment(b *block) {
	v, problems, blockType, base, ok := annotation(b)
	if !ok {
		return
	}
	if blockType != "resource" {
		if blockType != "" {
			e.pendingJSON, e.skipJSON = nil, true
		}
		return
	}
	if len(problems) > 0 {
		e.warnAt(base+problems[0].Offset, diag.BadAnnotation, "resource annotation is not valid JSON (%s); read leniently", problems[0].Message)
	}
	name := ""
	for _, k := range []string{"@odata.type", "@type"} {
		if t := v.Get(k); t != nil && t.Kind == JSONString {
			name = strings.TrimPrefix(strings.TrimSpace(t.Str), "#")
			break
		}
	}
	t := e.typeForAnnotation(name, b.Off)
	if t == nil { // a second block for an annotated type: an example
		e.pendingJSON, e.skipJSON = nil, true
		return
	}
	t.annotated = true
	if name != "" {
		t.Name = name
	}
	if bt := v.Get("baseType"); bt != nil && bt.Kind == JSONString && strings.TrimSpace(bt.Str) != "" {
		t.Bases = append(t.Bases, BaseClaim{Source: ClaimAnnotation, Name: strings.TrimPrefix(strings.TrimSpace(bt.Str), "#"), Pos: e.pos(base + bt.Offset)})
	}
	if kp := v.Get("keyProperty"); kp != nil && kp.Kind == JSONString {
		t.KeyProperty = strings.TrimSpace(kp.Str)
	}
	t.OpenType = t.OpenType || truthy(v.Get("openType"))
	t.Abstract = truthy(v.Get("abstract")) || truthy(v.Get("isAbstract"))
	e.pendingJSON, e.skipJSON = t, false
}

func truthy(v *JSONValue) bool {
	if v == nil {
		return false
	}
	return strings.EqualFold(strings.TrimSpace(v.Str), "true")
}

// typeForAnnotation finds the type a resource annotation describes: the
// page's type of that name, else the current type if no annotation named it
// yet, else a new type. It returns nil for a repeated annotation.
func (e *extractor) typeForAnnotation(name string, off int) *typeDraft {
	short := ShortName(name)
	for _, t := range e.types {
		tn := t.titleName
		if t.annotated {
			tn = ShortName(t.Name)
		}
		if short != "" && strings.EqualFold(tn, short) {
			if t.annotated {
				return nil
			}
			return t
		}
	}
	if e.cur != nil && !e.cur.annotated {
		return e.cur
	}
	if e.isEnumPage && e.cur == nil {
		return nil
	}
	return e.newType(short, off, "")
}

func (e *extractor) code(b *block) {
	if b.Unclosed {
		e.warnAt(b.Off, diag.UnclosedFence, "code fence is not closed; it runs to the end of the page")
	}
	if e.skipJSON {
		e.skipJSON = false
		return
	}
	t := e.pendingJSON
	e.pendingJSON = nil
	if t == nil {
		if e.section != secJSON || e.cur == nil {
			return
		}
		t = e.cur
	}
	if t.HasJSON || !(strings.HasPrefix(b.Lang, "json") || strings.HasPrefix(strings.TrimSpace(b.Content), "{")) {
		return
	}
	v, problems := ParseJSONish(b.Content)
	if v == nil || v.Kind != JSONObject {
		if v != nil && v.Kind == JSONArray && len(v.Items) > 0 && v.Items[0].Kind == JSONObject {
			v = v.Items[0]
		} else {
			e.warnAt(b.Off, diag.BadJSONBlock, "JSON representation is not a JSON object")
			return
		}
	}
	if len(problems) > 0 {
		e.warnAt(b.ContentOff+problems[0].Offset, diag.BadJSONBlock, "JSON representation is not valid JSON (%s, %d problem(s)); read leniently", problems[0].Message, len(problems))
	}
	t.HasJSON = true
	t.jsonBlock = v
	t.jsonOffset = b.ContentOff
	t.jsonPos = e.pos(b.ContentOff)
	if ot := v.Get("@odata.type"); ot != nil && ot.Kind == JSONString {
		t.jsonType = strings.TrimPrefix(strings.TrimSpace(ot.Str), "#")
	}
}

// finish decides each type's name and cross-checks its tables with its
// JSON block.
func (e *extractor) finish() {
	ns := e.page.Namespace
	if ns == "" {
		ns = "microsoft.graph"
	}
	var kept []*TypeDoc
	for _, t := range e.types {
		// A type needs a sign that it is one: an annotation, a JSON
		// representation, or a title that says "resource type". Overview
		// pages ("Working with users in Microsoft Graph") have tables too.
		// A type heading without properties still describes a type when it
		// has operations or derived types ("Properties: None").
		if !t.annotated && !t.HasJSON && (!t.typeHeading || len(t.Properties) == 0 && !t.listsOperations && len(t.Derived) == 0) {
			continue
		}
		// An annotation without @odata.type names nothing: the page's other
		// signs decide.
		if !t.annotated || t.Name == "" {
			switch {
			case t.jsonType != "":
				t.Name = t.jsonType
			case t.titleName != "":
				t.Name = untitled(singularFromFile(t.titleName, e.page.Path))
			case nameFromAnchor(t.Anchor) != "":
				t.Name = nameFromAnchor(t.Anchor)
			default:
				base := strings.TrimSuffix(path.Base(e.page.Path), ".md")
				if i := strings.LastIndexByte(base, '-'); i >= 0 {
					base = base[i+1:]
				}
				t.Name = base
				p := t.Pos
				e.warn(p, diag.NoTypeName, "no name found for the type described here; using %q from the file name", base)
			}
		} else {
			if t.jsonType != "" && !strings.EqualFold(t.jsonType, t.Name) {
				e.warn(t.jsonPos, diag.TypeNameMismatch,
					"JSON block names %q but the annotation at line %d names %q; the annotation wins", t.jsonType, t.Pos.Line, t.Name)
			}
			e.titleCase(t)
		}
		if !strings.Contains(t.Name, ".") {
			t.Name = ns + "." + t.Name
		}
		e.wordsFromType(t)
		e.crossCheck(t)
		e.namesFromMethods(t)
		for _, p := range t.Properties {
			if !IsIdentifier(p.Name) { // what no other source could name
				e.warn(p.Pos, diag.BadRow, "table row name %q is not a property name; kept as written", p.Name)
			}
		}
		kept = append(kept, t.TypeDoc)
	}
	e.page.Types = kept
	sections := 0
	for _, en := range e.page.Enums {
		if e.sectionEnums[en] && len(en.Members) > 0 {
			sections++
		}
	}
	enums := e.page.Enums[:0]
	for _, en := range e.page.Enums {
		if len(en.Members) == 0 && (e.sectionEnums[en] || sections > 0) {
			// An "x values" section without a members table, or the title
			// of a page of such sections ("Microsoft Graph Windows Updates
			// enumeration values").
			continue
		}
		if !strings.Contains(en.Name, ".") {
			en.Name = ns + "." + en.Name
		}
		enums = append(enums, en)
	}
	e.page.Enums = enums
	if len(e.page.Types) == 0 && len(e.page.Enums) == 0 && !e.page.NotReference() {
		e.page.Diags.Warn(diag.File(e.page.Path), diag.NoType, "page describes no type or enum")
	}
}

// untitled undoes a title's capital first letter ("ItemPreviewInfo
// resource type"): type names start in lower case, and the pages that have
// an annotation as well show that a capital in the title is title case.
// Initialisms ("IPv6Range", "URLs") keep theirs.
func untitled(name string) string {
	if len(name) < 2 || !startsUpper(name) || !isLower(name[1]) {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}

// titleCase settles a name that the title and the annotation spell with
// different letter case. The annotation usually wins: a title such as
// "DriveItem resource type" is title-cased, and translated pages often
// write the title in lower case. The title wins when it starts in lower
// case and shows every capital the annotation has, plus word capitals the
// annotation lost by being copied from the file name ("orgcontact" for
// orgContact) or a capital the annotation put in front ("IdentityProvider").
func (e *extractor) titleCase(t *typeDraft) {
	short := ShortName(t.Name)
	title := t.titleName
	if title == short || !strings.EqualFold(title, short) || !isLower(title[0]) {
		return
	}
	better := !isLower(short[0])
	for i := 1; i < len(title); i++ {
		switch {
		case isUpper(short[i]) && !isUpper(title[i]):
			return // the annotation marks a word the title does not
		case isUpper(title[i]) && !isUpper(short[i]):
			better = true
		}
	}
	if !better {
		return
	}
	t.Name = strings.TrimSuffix(t.Name, short) + title
	e.warn(t.Pos, diag.NameCase,
		"the annotation names %q but the title writes %q; using the title's case", short, title)
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// crossCheck compares the table rows with the JSON block's keys: the keys
// are never translated or mangled, so they fix names the table lost, and
// keys the tables omit become properties too.
func (e *extractor) crossCheck(t *typeDraft) {
	if t.jsonBlock == nil {
		return
	}
	// The pages' JSON templates mark the key as "String (identifier)".
	if id := t.jsonBlock.Get("id"); t.KeyProperty == "" && id != nil && id.Kind == JSONString &&
		strings.Contains(strings.ToLower(id.Str), "(identifier)") {
		t.KeyProperty = "id"
	}
	var keys []JSONField
	keySet := map[string]bool{}
	for _, f := range t.jsonBlock.Keys {
		if f.Name == "" || strings.ContainsAny(f.Name, "@") {
			continue
		}
		keys = append(keys, f)
		keySet[f.Name] = true
	}
	e.dropValueTables(t, keys)
	tableNames := map[string]bool{}
	for _, p := range t.Properties {
		tableNames[p.Name] = true
	}
	var structural []*PropDoc
	for _, p := range t.Properties {
		if !p.Navigation {
			structural = append(structural, p)
		}
	}
	for i, p := range structural {
		if keySet[p.Name] {
			continue
		}
		if k, ok := foldKey(keys, p.Name); ok {
			// One property spelled two ways. Property names are camelCase:
			// the table's spelling stands unless it starts upper-case where
			// the key does not (a translated table capitalises), or it is
			// all lower case where the key marks its words ("filename",
			// "fileName").
			if !tableNames[k] && (startsUpper(p.Name) && !startsUpper(k) || lostWords(p.Name, k)) {
				pos := e.pos(t.jsonOffset + findKeyOffset(keys, k))
				e.warn(p.Pos, diag.NameCase,
					"table names property %q, the JSON block at line %d names it %q; using the JSON name", p.Name, pos.Line, k)
				delete(tableNames, p.Name)
				p.Name, tableNames[k] = k, true
			}
			continue
		}
		if !IsIdentifier(p.Name) && i < len(keys) && !tableNames[keys[i].Name] {
			k := keys[i].Name
			pos := e.pos(t.jsonOffset + keys[i].KeyOffset)
			e.warn(p.Pos, diag.NameFromJSON,
				"table name %q is not a property name; using %q, the JSON key in the same place (line %d)", p.Name, k, pos.Line)
			delete(tableNames, p.Name)
			p.Name, tableNames[k] = k, true
		}
	}
	e.alignByNeighbours(t, structural, keys, tableNames)
	for _, p := range t.Properties {
		v := t.jsonBlock.Get(p.Name)
		carried := ""
		if v != nil {
			carried = e.stringOf(v)
		}
		switch {
		case v == nil:
		case !p.Type.Known():
			p.Type = e.jsonPlaceholderType(v)
		case p.Type.Primitive == "Edm.String" && !p.Type.Collection && carried != "":
			// The table says String, the example "String (double)": the
			// parenthesis says which type the string carries.
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as String, the JSON block (line %d) gives %q; using %s", p.Name, pos.Line, v.Str, carried)
			p.Type.Primitive = carried
		case p.Type.Primitive == "Edm.String" && !p.Type.Collection && v.Kind == JSONBool:
			// The table says String, the example says true: a String
			// placeholder is a string, so the example is the more specific.
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as String, the JSON block (line %d) gives a boolean; using Boolean", p.Name, pos.Line)
			p.Type.Primitive = "Edm.Boolean"
		case !p.Type.Collection && v.Kind == JSONArray && p.Type.Known():
			// The table names one value, the example shows an array: the
			// table left out the word "collection".
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as one value, the JSON block (line %d) gives an array; using a collection", p.Name, pos.Line)
			p.Type.Collection = true
		case isAmbiguousNumber(p.Type.Raw):
			// "numeric" says only that it is a number; "decimal" in the
			// example says which.
			if jt := e.jsonPlaceholderType(v); jt.Primitive != "" && jt.Primitive != "Edm.String" && v.Kind == JSONString {
				p.Type.Primitive = jt.Primitive
			}
		}
	}
	for _, f := range keys {
		if tableNames[f.Name] || !IsIdentifier(f.Name) {
			continue
		}
		if _, ok := foldName(tableNames, f.Name); ok {
			continue // the same property, spelled differently in the table
		}
		// Reported by the resolver, which knows whether a base declares it.
		pos := e.pos(t.jsonOffset + f.KeyOffset)
		typ := e.jsonPlaceholderType(f.Value)
		t.Properties = append(t.Properties, &PropDoc{Name: f.Name, Pos: pos, Type: typ, Nullable: true, FromJSON: true})
		tableNames[f.Name] = true
	}
}

// wordsFromType restores the word capitals of an all-lower-case row name
// that is its linked type's name, or its plural: "openshifts" of
// [openShift](openshift.md) collection is openShifts.
func (e *extractor) wordsFromType(t *typeDraft) {
	for _, p := range t.Properties {
		if p.Type.Link == "" {
			continue
		}
		name, ok := typeWords(p.Name, ShortName(p.Type.Name))
		if !ok || name == p.Name {
			continue
		}
		e.warn(p.Pos, diag.NameCase,
			"table names property %q, all in lower case, of type %s; using %q", p.Name, ShortName(p.Type.Name), name)
		p.Name = name
	}
}

// typeWords spells an all-lower-case name with the word capitals of typ
// when the name is typ, or its last words, or their plural: "openshifts"
// of openShift is openShifts, "taskfolders" of outlookTaskFolder is
// taskFolders.
func typeWords(name, typ string) (string, bool) {
	if !lostWords(name, typ) {
		return "", false
	}
	stem, plural := name, ""
	if s, ok := strings.CutSuffix(name, "s"); ok {
		stem, plural = s, "s"
	}
	for i := 0; i < len(typ); i++ {
		if i > 0 && !isUpper(typ[i]) {
			continue
		}
		words := typ[i:]
		switch {
		case strings.EqualFold(name, words):
			return strings.ToLower(words[:1]) + words[1:], true
		case plural != "" && strings.EqualFold(stem, words):
			return strings.ToLower(words[:1]) + words[1:] + plural, true
		}
	}
	return "", false
}

// dropValueTables drops a further table in the Properties section whose
// names are mostly not JSON keys: it describes the values of a property
// ("Supported property data types": Binary, Boolean, ...; the kinds of a
// recurrence range), not properties. The first table always stands, and
// relationships, which JSON blocks often leave out, are not judged.
func (e *extractor) dropValueTables(t *typeDraft, keys []JSONField) {
	if len(keys) == 0 {
		return
	}
	first := 0
	names, inJSON := map[int]int{}, map[int]int{}
	for _, p := range t.Properties {
		if p.Navigation || t.rows[p].table == 0 || t.rows[p].inheritedTable || !IsIdentifier(p.Name) {
			continue
		}
		if first == 0 {
			first = t.rows[p].table
		}
		names[t.rows[p].table]++
		if _, ok := foldKey(keys, p.Name); ok {
			inJSON[t.rows[p].table]++
		}
	}
	drop := map[int]bool{}
	for table, n := range names {
		if table != first && n >= 2 && inJSON[table]*2 < n {
			drop[table] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := t.Properties[:0]
	reported := map[int]bool{}
	for _, p := range t.Properties {
		if !drop[t.rows[p].table] || p.Navigation {
			kept = append(kept, p)
			continue
		}
		if !reported[t.rows[p].table] {
			reported[t.rows[p].table] = true
			e.warn(p.Pos, diag.ValueTable,
				"the table from here lists names the JSON representation does not have (%d of %d); read as a table of values, not properties", names[t.rows[p].table]-inJSON[t.rows[p].table], names[t.rows[p].table])
		}
	}
	t.Properties = kept
}

func foldKey(keys []JSONField, name string) (string, bool) {
	for _, k := range keys {
		if strings.EqualFold(k.Name, name) {
			return k.Name, true
		}
	}
	return "", false
}

func findKeyOffset(keys []JSONField, name string) int {
	for _, k := range keys {
		if k.Name == name {
			return k.KeyOffset
		}
	}
	return 0
}

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
			if !typ.Collection || typ.Link == "" {
				continue
			}
			typ.Link = e.resolveLink(typ.Link)
			words := strings.Fields(l.Text)
			stated := len(words) == 2 && e.IsListVerb(words[0]) && strings.EqualFold(words[1], x) && IsIdentifier(words[1])
			if stated {
				x = words[1]
			}
			e.cur.listed = append(e.cur.listed, listedCollection{
				prop:   &PropDoc{Name: x, Pos: e.pos(cellAt(r, 0).Off), Type: typ, Navigation: true, Nullable: true, FromMethods: true},
				stated: stated,
			})
		}
	}
}

// namesFromMethods gives a translated row name the collection a Methods
// row lists with the same type, when exactly one unclaimed one does
// ("Решения" of [accessReviewDecision] collection is decisions, from
// accessreview-list-decisions.md), and adds the collections a "List x" row
// names that no table lists.
func (e *extractor) namesFromMethods(t *typeDraft) {
	for _, p := range t.Properties {
		if IsIdentifier(p.Name) || p.Type.Link == "" || !p.Type.Collection {
			continue
		}
		var found *PropDoc
		count := 0
		for _, c := range t.listed {
			if c.prop.Type.Link == p.Type.Link && !hasPropertyFold(t.TypeDoc, c.prop.Name) && (found == nil || found.Name != c.prop.Name) {
				found = c.prop
				count++
			}
		}
		if count != 1 {
			continue
		}
		name := found.Name
		if words, ok := typeWords(name, ShortName(p.Type.Name)); ok {
			name = words // the type shows the words the file name lost
		}
		e.warn(p.Pos, diag.NameFromMethods,
			"table name %q is not a property name; using %q, the collection of %s that the Methods table lists (line %d)", p.Name, name, ShortName(p.Type.Name), found.Pos.Line)
		p.Name = name
	}
	for _, c := range t.listed {
		if c.stated && !hasPropertyFold(t.TypeDoc, c.prop.Name) {
			t.Properties = append(t.Properties, c.prop)
		}
	}
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

// stringOf reads the Edm type of a "String (double)" placeholder whose
// parenthesis names a primitive other than String, or "". "String
// (timestamp)" does not count: it is the placeholder pages copy most, and
// on a String row it is a copy (an id, a displayName), never the type.
func (w words) stringOf(v *JSONValue) string {
	if v.Kind != JSONString {
		return ""
	}
	low := strings.ToLower(strings.TrimSpace(v.Str))
	inner, ok := strings.CutPrefix(low, "string (")
	if !ok || !strings.HasSuffix(inner, ")") {
		return ""
	}
	inner = strings.TrimSuffix(inner, ")")
	switch inner {
	case "timestamp":
		return ""
	case "iso 8601 duration":
		return "Edm.Duration"
	case "time of day":
		return "Edm.TimeOfDay"
	}
	if prim, _ := w.Primitive(inner); prim != "" && prim != "Edm.String" {
		return prim
	}
	return ""
}

// lostWords reports whether name is all lower case where key, the same
// letters, has capitals after the first.
func lostWords(name, key string) bool {
	return name == strings.ToLower(name) && hasInnerCapitals(key)
}

// hasInnerCapitals reports a capital after the first letter: word marks.
func hasInnerCapitals(s string) bool { return len(s) > 1 && strings.ToLower(s[1:]) != s[1:] }

func hasPropertyFold(t *TypeDoc, name string) bool {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool { return s != "" && isUpper(s[0]) }

func foldName(names map[string]bool, name string) (string, bool) {
	for n := range names {
		if strings.EqualFold(n, name) {
			return n, true
		}
	}
	return "", false
}

// isAnnotationName recognises a name cell holding an instance annotation
// ("@odata.etag", "@microsoft.graph.downloadUrl"): property names never
// contain a dot.
func isAnnotationName(cell string) bool {
	name := strings.Trim(strings.TrimSpace(cell), "*`")
	if name == "" {
		return false
	}
	if name[0] == '@' {
		return true
	}
	first := strings.Fields(name)[0]
	return strings.Contains(first, ".") && !strings.HasSuffix(first, ".")
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

// sentenceEnd returns the offset of the period that ends the first
// sentence of s (a period followed by a space or the end), or -1.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			return i
		}
	}
	return -1
}

// singularFromFile undoes a plural title: a page that names its type only
// in a title such as "accounts resource type", in dynamics-account.md,
// describes account.
func singularFromFile(title, pagePath string) string {
	base := strings.TrimSuffix(path.Base(pagePath), ".md")
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		base = base[i+1:]
	}
	if strings.HasSuffix(title, "s") && strings.EqualFold(title[:len(title)-1], base) {
		return title[:len(title)-1]
	}
	return title
}

// alignByNeighbours gives a translated row name the JSON key that fits
// between its neighbours: property tables are in alphabetical order more
// often than JSON blocks are, so a row standing between isValidationOnly
// and requestState is the one unclaimed key that sorts between them
// (justification), when exactly one does and its type does not disagree.
func (e *extractor) alignByNeighbours(t *typeDraft, rows []*PropDoc, keys []JSONField, claimed map[string]bool) {
	for i, p := range rows {
		if IsIdentifier(p.Name) {
			continue
		}
		lo, hi := "", "\xff"
		for j := i - 1; j >= 0; j-- {
			if IsIdentifier(rows[j].Name) {
				lo = strings.ToLower(rows[j].Name)
				break
			}
		}
		for j := i + 1; j < len(rows); j++ {
			if IsIdentifier(rows[j].Name) {
				hi = strings.ToLower(rows[j].Name)
				break
			}
		}
		if lo >= hi {
			continue // not in alphabetical order here
		}
		var fit []JSONField
		for _, k := range keys {
			name := strings.ToLower(k.Name)
			if !claimed[k.Name] && IsIdentifier(k.Name) && name > lo && name < hi {
				fit = append(fit, k)
			}
		}
		if len(fit) != 1 {
			continue
		}
		k := fit[0]
		if jt := e.jsonPlaceholderType(k.Value); p.Type.Primitive != "" && jt.Primitive != "" && jt.Primitive != p.Type.Primitive {
			continue
		}
		pos := e.pos(t.jsonOffset + k.KeyOffset)
		e.warn(p.Pos, diag.NameFromJSON,
			"table name %q is not a property name; using %q, the one JSON key (line %d) that sorts between its neighbours", p.Name, k.Name, pos.Line)
		delete(claimed, p.Name)
		p.Name, claimed[k.Name] = k.Name, true
	}
}

// isAmbiguousNumber recognises type words that say "a number" without
// saying which.
func isAmbiguousNumber(raw string) bool {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "numeric", "number":
		return true
	}
	return false
}

// derivedTable reads a table listing derived types: the page link in each
// row's first cell.
func (e *extractor) derivedTable(b *block) {
	if e.cur == nil || e.isEnumPage {
		return
	}
	for _, r := range b.Rows {
		c := cellAt(r, 0)
		for _, l := range c.Links {
			if target := e.resolveLink(l.Dest); isPageLink(l.Dest) && target != "" && !strings.HasPrefix(l.Dest, "#") && target != e.page.Path {
				e.cur.Derived = append(e.cur.Derived, BaseClaim{Source: ClaimDerived, Link: target, Name: e.lastIdentifier(l.Text), Pos: e.pos(c.Off)})
			}
		}
	}
}
