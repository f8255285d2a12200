// Package parser reads Microsoft Graph resource and enum documentation
// pages (English, bilingual side-by-side and localized-only) into page
// models: the types and enums each page describes, with their tables,
// annotation and JSON representation block, positioned in the original
// file. It knows Markdown and the pages' conventions; it knows nothing of
// Go, and resolves nothing across pages.
package parser

import (
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/lang"
)

// Page is what one page describes.
type Page struct {
	Path    string // slash-separated, relative to the input root
	DocType string // front matter doc_type, as a hint only
	// Locale is the front matter's ms.contentlocale (de-DE), "" when the
	// page says none or is bilingual (its English half is the source): a
	// page in another language than English may keep translated names
	// that look like names.
	Locale    string
	Namespace string // the page's "Namespace:" line
	Types     []*TypeDoc
	Enums     []*EnumDoc
	// Operation is the operation an API page documents; nil on other
	// pages.
	Operation *OperationDoc
	Diags     diag.List
}

// Translated reports whether the front matter says the page is in another
// language than English.
func (p *Page) Translated() bool {
	l := strings.ToLower(strings.Trim(p.Locale, "\"' "))
	return l != "" && !strings.HasPrefix(l, "en")
}

// NotReference reports whether the page's front matter says it is an
// article or an API operation page (doc_type conceptualPageType or
// apiPageType): such a page is not meant to describe a type.
func (p *Page) NotReference() bool {
	switch strings.ToLower(strings.Trim(p.DocType, "\"' ")) {
	case "conceptualpagetype", "apipagetype":
		return true
	}
	return false
}

// TypeDoc is one resource (entity or complex type) as a page describes it.
type TypeDoc struct {
	Name        string // qualified name, decided from annotation, JSON block, title
	Pos         Position
	Description string
	Bases       []BaseClaim // every sign of the base type, in page order
	// Derived lists the types this page says derive from it ("the base type
	// for [x](x.md) and [y](y.md)", a "Derived types" table).
	Derived     []BaseClaim
	Abstract    bool
	OpenType    bool
	KeyProperty string
	Properties  []*PropDoc
	HasJSON     bool // the page has a JSON representation block for it
	HasMethods  bool // a Methods table lists REST operations on it
	Anchor      string
	// TitleName is the name the title itself gives where the anchor named
	// the type instead, the title showing no word of the anchor's name (a
	// translation's "Benachrichtigung Ressourcentyp" anchored
	// notification-resource-type); "" otherwise. The type takes it where
	// another page describes a type of the anchor's name.
	TitleName string
	// OwnName is the name the title, the anchor and the file name all give
	// where the annotation names another type (an annotation copied from
	// another page: networkLocationDetail.md annotated deviceDetail); ""
	// otherwise. The type takes it where another page describes the
	// annotation's type.
	OwnName string
	// LinkPhrases are the page links of the type's prose with the words
	// before each ("Erbt von [x]"): a base phrase in words no data file has
	// yet, learned across the folder.
	LinkPhrases []LinkPhrase
}

// listedCollection is a collection a Methods row lists; stated when its
// text says "List x" in English.
type listedCollection struct {
	prop   *PropDoc
	stated bool
	// plain: the row's type has no words that make it a collection
	// (a slip of the page); it names a row only where no listing of the
	// same type says "collection".
	plain bool
}

// ClaimSource says where on a page a sign of a base (or of a derived type)
// stands.
type ClaimSource int

const (
	ClaimAnnotation ClaimSource = iota + 1 // the resource annotation's baseType
	ClaimInherits                          // the "Inherits from [x]" line
	ClaimRow                               // an "Inherited from [x]" remark on a table row
	ClaimDerived                           // a base page's list of derived types
)

// String names the source in diagnostics.
func (c ClaimSource) String() string {
	switch c {
	case ClaimAnnotation:
		return "annotation"
	case ClaimInherits:
		return "inherits"
	case ClaimRow:
		return "row"
	case ClaimDerived:
		return "derived"
	}
	return "unknown"
}

// BaseClaim is one sign of a type's base on a page.
type BaseClaim struct {
	Source ClaimSource
	Name   string // the base's name as written, possibly qualified
	Link   string // the base's page, resolved against the input root ("" if none)
	Pos    Position
}

// LinkPhrase is a page link in prose with the (at most three, lower-case)
// words that stand right before it, and those that follow it in its
// sentence (a language may put the verb after the base: "[x](x.md) から
// 継承します").
type LinkPhrase struct {
	Phrase string
	After  string
	Claim  BaseClaim // the link, as a claim (Source set when it is used)
}

// PropDoc is one property (structural or navigation) as a page gives it.
type PropDoc struct {
	Name           string
	Pos            Position
	Type           TypeExpr
	Description    string
	Navigation     bool
	Inherited      *BaseClaim // the row says it is inherited (from this base)
	Nullable       bool
	Key            bool
	Deprecated     bool
	PossibleValues []string // backticked values after "Possible values are"
	FromJSON       bool     // only the JSON block has it
	FromMethods    bool     // only a "List x" Methods row has it
	// JSONPrimitive is the Edm type the JSON example's placeholder gives
	// this row (English in every language): what a translated type word
	// means is learned from it across the folder.
	JSONPrimitive string
	// Translation is the row's name as the page wrote it where a rule
	// put the English name in its place ("名称" for name): what the
	// folder's words mean, for the rows that nothing else names.
	Translation string
	// TypeWord is the type cell's text, lower-cased, where no word of it
	// names a type (a language no data file names: "двойное с плавающей
	// точкой"); the row then takes its JSON placeholder's type, until the
	// folder teaches what the words mean.
	TypeWord string
	// JSONTimestamp says the placeholder was "String (timestamp)", which
	// pages copy for dates and times of day too: a date or time, not
	// which one.
	JSONTimestamp bool
	// InJSON and JSONArray say whether the JSON example has the row's key
	// and whether its value is an array: what a translated collection
	// phrase means is learned from them across the folder.
	InJSON, JSONArray bool
	// Backticked are the backticked names of the description when no
	// possible-values phrase introduces them: on a translated page, the
	// English member names of the row's enum.
	Backticked []string
	// Listed are the names a description lists without backticks
	// ("可取值为：Enabled、Warning、Suspended"), when it has no backticks:
	// the English member names of the row's enum, in a list whose words
	// no data file has.
	Listed []string
	// JSONValues are the names the JSON example gives the row as its value
	// (`"driveType": "personal | business"`, `"state": "Expired"`), not a
	// placeholder naming a type: members of the row's enum, in English.
	JSONValues []string
	// LinkPhrases are the links in the description with the words around
	// each ("Geerbt von [x]", "[x](x.md) наследуется из"): an inherited
	// remark in words no data file has yet, learned across the folder,
	// which decides the link that is one.
	LinkPhrases []LinkPhrase
}

// EnumDoc is one enum as a page describes it.
type EnumDoc struct {
	Name        string // qualified
	Pos         Position
	Description string
	Members     []MemberDoc
	Flags       bool
	Anchor      string // the heading's anchor, for links such as #agegroup-values
	// AnchorOnly: the name is read from the anchor alone, in lower case;
	// such an enum stands only if some row names it.
	AnchorOnly bool
}

// MemberDoc is one enum member.
type MemberDoc struct {
	Name        string
	Value       *int64
	Description string
	Pos         Position
	Deprecated  bool
}

// Options configure parsing.
type Options struct {
	// RootName is the base name of the input folder, so that links such as
	// ../resources/x.md from a page in resources/ resolve inside it.
	RootName string
	// Lang is the languages' words the parser knows (default: every
	// language it ships with, lang.Default).
	Lang *lang.Set
}

// ShortName is the last segment of a qualified name
// (microsoft.graph.callRecords.endpoint => endpoint).
func ShortName(qualified string) string {
	if i := strings.LastIndexByte(qualified, '.'); i >= 0 {
		return qualified[i+1:]
	}
	return qualified
}

// renamed gives the row the English name a rule found for its translated
// one, and keeps the translation.
func (p *PropDoc) renamed(name string) {
	if p.Translation == "" && strings.TrimSpace(p.Name) != "" {
		p.Translation = p.Name
	}
	p.Name = name
}
