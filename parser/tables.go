// Tables: which kind a table is, and its rows read as properties or
// members.

package parser

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/lang"
)

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
		// Under a heading anchored "members" or "x-values", the first
		// table of names is the members table, whatever its header's
		// language.
		// The first table with a column of integers (the values) is one
		// too, even where the translation wrote its names in words.
		// Under a heading anchored "members" or "x-values", the first
		// table whose first column holds one word a row (a member's name,
		// as written or translated: `enabled`, `Aktiviert`, `已启用`) is the
		// members table, whatever its header and the heading say.
		if e.Is(lang.AnyMemberHeader, h0) ||
			(e.sectionAnchor == "members" || strings.HasSuffix(e.sectionAnchor, "-values")) && e.sectionTables == 0 && memberNamesColumn(b) ||
			e.sectionTables == 0 && len(b.Rows) >= 2 && valuesColumn(b) {
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
	// Structure when the words say nothing: the first table of names right
	// under a heading anchored "properties" or "relationships".
	case e.section == secProperties && len(b.Header.Cells) >= 2 && e.structuralTable(b, "properties"):
		return tableProperties
	case e.section == secRelationships && len(b.Header.Cells) >= 2 && e.structuralTable(b, "relationships"):
		return tableRelationships
	}
	return tableIgnore
}

// structuralTable reports the first table in a section whose heading has
// the anchor, with names in its first column (most rows): identifiers, or
// single words in any script (a translation that transliterated them).
func (e *extractor) structuralTable(b *block, anchor string) bool {
	if !anchoredAs(e.sectionAnchor, anchor) || e.sectionTables > 0 || len(b.Rows) == 0 {
		return false
	}
	names := 0
	for _, r := range b.Rows {
		if n := e.propertyName(cellAt(r, 0)); n != "" && IsIdentifier(n) || oneWord(cellAt(r, 0).Text) {
			names++
		}
	}
	return names*2 > len(b.Rows)
}

// anchoredAs reports a section anchor that is the anchor, or ends in it
// after a hyphen ("common-properties", "common-relationships").
func anchoredAs(sectionAnchor, anchor string) bool {
	return sectionAnchor == anchor || strings.HasSuffix(sectionAnchor, "-"+anchor)
}

// memberNamesColumn reports a table whose first cells are mostly one word
// each, in any script: members' names as written or translated
// (`enabled`, `Aktiviert`, `已启用`), not captions of values
// ("English (US)", "荷兰语（荷兰）", "JIS B4"). In a script written without
// spaces a blank splits no word: a translation's `从来 没有` (never) is one.
func memberNamesColumn(b *block) bool {
	names := 0
	for _, r := range b.Rows {
		if t := cellAt(r, 0).Text; oneWord(t) || oneWord(joinUnspaced(t)) {
			names++
		}
	}
	return len(b.Rows) > 0 && names*2 > len(b.Rows)
}

// joinUnspaced drops the blanks of text that stand between two letters of
// scripts written without spaces (Han, Hiragana, Katakana), or returns
// text unchanged.
func joinUnspaced(text string) string {
	rs := []rune(strings.TrimSpace(text))
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsSpace(r) && i > 0 && i+1 < len(rs) && unspaced(rs[i-1]) && unspaced(rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// oneWord reports text that is one word of letters and digits (any
// script; `_`, `-` and `.` inside), without the emphasis or code marks
// around it.
func oneWord(text string) bool {
	w := strings.Trim(strings.TrimSpace(text), "`*")
	if w == "" || len(w) > 128 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// valuesColumn reports a column after the first whose cells are integers
// in four rows of five or more (a translation garbles some: `нуль`).
func valuesColumn(b *block) bool {
	for c := 1; c < len(b.Header.Cells); c++ {
		if ints, _ := integerCells(b, c); ints*5 >= len(b.Rows)*4 {
			return true
		}
	}
	return false
}

// integerColumn returns the first column after the first whose non-empty
// cells are all integers (a members table's values), or -1.
func integerColumn(b *block) int {
	for c := 1; c < len(b.Header.Cells); c++ {
		if ints, filled := integerCells(b, c); ints > 0 && ints == filled {
			return c
		}
	}
	return -1
}

// integerCells counts a column's cells that hold an integer, and those
// that hold anything.
func integerCells(b *block, c int) (ints, filled int) {
	for _, r := range b.Rows {
		v := strings.TrimSpace(cellAt(r, c).Text)
		if v == "" {
			continue
		}
		filled++
		if _, err := parseIntValue(v); err == nil {
			ints++
		}
	}
	return ints, filled
}

func (e *extractor) hasTypeColumn(b *block) bool {
	return e.columnIndex(b.Header, -1, lang.TypeColumn) >= 0
}

// columnIndex returns the first column after the first whose header names
// column kind c, or def.
func (e *extractor) columnIndex(h tableRow, def int, c lang.Column) int {
	return columnIndexIn(e.words, h, def, c)
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
	defer func() { e.sectionTables++ }()
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
		e.linkedTypes(b)
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
		if !prop.Type.Known() {
			// Words no data file has ("Двойное с плавающей точкой"): the
			// folder may teach what they mean.
			prop.TypeWord = strings.ToLower(strings.TrimSpace(typeCell.Text))
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
		if prop.PossibleValues == nil {
			prop.Backticked = backtickedNames(descCell)
			if len(descCell.Codes) == 0 {
				prop.Listed = listedNames(descCell.Text)
			}
		}
		if claim, ok := e.inheritedClaim(descCell); ok {
			prop.Inherited = &claim
		} else {
			prop.LinkPhrases = e.linkPhrases(descCell.Text, descCell.Links, descCell.Off, false)
		}
		t.Properties = append(t.Properties, prop)
		last = prop
	}
}

// linkedTypes keeps the page links that head the rows of a table in a
// type's prose, before its first section (identityRiskEvent's table of
// the risk events derived from it, whatever its header says), as links
// with no words: what the folder may show to be derived types.
func (e *extractor) linkedTypes(b *block) {
	if e.cur == nil || e.isEnumPage || e.section != secNone {
		return
	}
	for _, r := range b.Rows {
		c := cellAt(r, 0)
		if len(c.Links) == 1 && strings.TrimSpace(c.Text) == strings.TrimSpace(c.Links[0].Text) {
			e.cur.LinkPhrases = append(e.cur.LinkPhrases, e.linkPhrases(c.Text, c.Links, c.Off, true)...)
		}
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
// cell has one, else the cell's first word taken whole (a-b, or naïve with its diaeresis),
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

// possibleValues returns the backticked values that follow a "Possible
// values are" phrase in a description.
func (w words) possibleValues(c inline) []string {
	at := w.PossibleValuesAt(lowerInPlace(c.Text))
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
	if valueCol < 0 && descCol < 0 {
		// Headers in words no data file has: the table's shape decides,
		// integers are the values and the last other column describes.
		valueCol = integerColumn(b)
		if last := len(b.Header.Cells) - 1; last > 0 && last != valueCol {
			descCol = last
		}
	}
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

// isAnnotationName recognises a name cell holding an instance annotation
// ("@odata.etag", "@microsoft.graph.downloadUrl"): property names never
// contain a dot.
func isAnnotationName(cell string) bool {
	fields := strings.Fields(strings.Trim(strings.TrimSpace(cell), "*`"))
	if len(fields) == 0 {
		return false // "` ``": marks around nothing
	}
	first := fields[0]
	if first[0] == '@' {
		return true
	}
	return strings.Contains(first, ".") && !strings.HasSuffix(first, ".")
}

// backtickedNames returns the backticked names of a cell, in order.
func backtickedNames(c inline) []string {
	var out []string
	for _, code := range c.Codes {
		for _, part := range strings.Split(code, "`") {
			if v := strings.TrimSpace(part); v != "" && IsIdentifier(v) {
				out = append(out, v)
			}
		}
	}
	return out
}
