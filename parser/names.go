// Type names and title case: which name a type gets, once the page is
// read, from its annotation, JSON block, title, anchor or file name.

package parser

import (
	"path"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// finish decides each type's name and cross-checks its tables with its
// JSON block.
func (e *extractor) finish() {
	ns := e.page.Namespace
	if ns == "" {
		ns = "microsoft.graph"
	}
	var kept []*TypeDoc
	for _, t := range e.types {
		if !isType(t) {
			continue
		}
		e.nameType(t, ns)
		e.checkRows(t)
		kept = append(kept, t.TypeDoc)
	}
	e.page.Types = kept
	e.finishEnums(ns)
	if len(e.page.Types) == 0 && len(e.page.Enums) == 0 && !e.page.NotReference() {
		e.page.Diags.Warn(diag.File(e.page.Path), diag.NoType, "page describes no type or enum")
	}
}

// isType: a type needs a sign that it is one: an annotation, a JSON
// representation, or a title that says "resource type". Overview pages
// ("Working with users in Microsoft Graph") have tables too. A type heading
// without properties still describes a type when it has operations or
// derived types ("Properties: None").
func isType(t *typeDraft) bool {
	return t.annotated || t.HasJSON || t.typeHeading && (len(t.Properties) > 0 || t.listsOperations || len(t.Derived) > 0)
}

// nameType settles the type's qualified name.
func (e *extractor) nameType(t *typeDraft, ns string) {
	// An annotation without @odata.type names nothing: the page's other
	// signs decide.
	if !t.annotated || t.Name == "" {
		switch {
		case t.jsonType != "":
			t.Name = t.jsonType
		case t.titleName != "":
			t.Name = untitled(singularFromFile(t.titleName, e.page.Path))
			if t.ownTitle != "" {
				t.TitleName = qualified(untitled(singularFromFile(t.ownTitle, e.page.Path)), ns)
			}
		case nameFromAnchor(t.Anchor) != "":
			t.Name = nameFromAnchor(t.Anchor)
		default:
			base := fileNameTail(e.page.Path)
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
		t.OwnName = e.ownName(t, ns)
	}
	t.Name = qualified(t.Name, ns)
}

// ownName is the name an annotated type's title, anchor and file name all
// give, qualified, where the annotation names another ("" otherwise; also
// where the title shows no word of the anchor's name, and titleName is
// the anchor's).
func (e *extractor) ownName(t *typeDraft, ns string) string {
	title := t.titleName
	base := fileNameTail(e.page.Path)
	if title == "" || t.ownTitle != "" || !IsIdentifier(title) || strings.EqualFold(title, ShortName(t.Name)) ||
		!strings.EqualFold(title, nameFromAnchor(t.Anchor)) || !strings.EqualFold(title, base) {
		return ""
	}
	return qualified(untitled(title), ns)
}

// qualified puts a name without a namespace in ns.
func qualified(name, ns string) string {
	if strings.Contains(name, ".") {
		return name
	}
	return ns + "." + name
}

// checkRows names and types the rows from the other sources on the page
// (the type's words, the JSON block, the Methods table) and reports the
// rows none of them could name.
func (e *extractor) checkRows(t *typeDraft) {
	e.wordsFromType(t)
	e.crossCheck(t)
	e.namesFromMethods(t)
	for _, p := range t.Properties {
		// What no other source could name; on a translated page, a
		// translation the resolver leaves out once the folder had its say.
		if !IsIdentifier(p.Name) && !e.page.Translated() {
			e.warn(p.Pos, diag.BadRow, "table row name %q is not a property name; kept as written", p.Name)
		}
	}
}

// finishEnums drops the enum headings that list no members on pages of
// enum sections and qualifies the enums' names.
func (e *extractor) finishEnums(ns string) {
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

// lostWords reports whether name is all lower case where key, the same
// letters, has capitals after the first.
func lostWords(name, key string) bool {
	return name == strings.ToLower(name) && hasInnerCapitals(key)
}

// hasInnerCapitals reports a capital after the first letter: word marks.
func hasInnerCapitals(s string) bool { return len(s) > 1 && strings.ToLower(s[1:]) != s[1:] }

func startsUpper(s string) bool { return s != "" && isUpper(s[0]) }

// translatedName reports a row name that is no property name, or, on a
// page in another language than English, a capitalized word (Kalender,
// Erweiterungen): property names are camelCase, and a translation writes
// nouns as its language does.
func (e *extractor) translatedName(name string) bool {
	if !IsIdentifier(name) {
		return true
	}
	if !e.page.Translated() || len(name) < 2 || !startsUpper(name) {
		return false
	}
	for i := 1; i < len(name); i++ {
		if isUpper(name[i]) {
			return false
		}
	}
	return true
}

// fileNameTail is a page's file name after its last hyphen, without .md
// (intune-shared-user.md: user).
func fileNameTail(pagePath string) string {
	base := strings.TrimSuffix(path.Base(pagePath), ".md")
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		base = base[i+1:]
	}
	return base
}

// singularFromFile undoes a plural title: a page that names its type only
// in a title such as "accounts resource type", in dynamics-account.md,
// describes account.
func singularFromFile(title, pagePath string) string {
	base := fileNameTail(pagePath)
	if strings.HasSuffix(title, "s") && strings.EqualFold(title[:len(title)-1], base) {
		return title[:len(title)-1]
	}
	return title
}
