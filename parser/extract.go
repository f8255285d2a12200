// The block walker: Parse reads a page block by block, and each block goes
// to the concern that reads it (headings, paragraphs, tables, comments and
// code).

package parser

import (
	"strings"
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
	src := newSource(data)
	p := &Page{Path: pagePath}
	fm := src.FrontMatter()
	p.DocType = strings.TrimSpace(fm["doc_type"])
	if !src.Bilingual { // a bilingual page's source is its English half
		p.Locale = strings.TrimSpace(fm["ms.contentlocale"])
	}
	set := opts.Lang
	if set == nil {
		set = lang.Default
	}
	if !utf8.Valid(data) {
		p.Diags.Warn(src.Pos(0).At(pagePath), diag.InvalidUTF8, "page is not valid UTF-8; invalid bytes are kept as they are")
	}
	blocks := readBlocks(src.Clean)
	api, resource := pageKinds(blocks, p.DocType, words{set})
	if api {
		parseOperation(src, blocks, p, opts, words{set})
	}
	if resource {
		e := &extractor{src: src, page: p, opts: opts, fm: fm, words: words{set}}
		e.run(blocks)
	}
	return p
}

type extractor struct {
	words
	src        *Source
	page       *Page
	opts       Options
	fm         map[string]string
	isEnumPage bool

	types     []*typeDraft // the page's types, in page order
	cur       *typeDraft
	curEnum   *EnumDoc
	enumLevel int
	section   sectionKind
	// sectionAnchor is the anchor of the heading that opened the section
	// ("properties", "members"): structure, the same in every language.
	sectionAnchor string
	// sectionTables counts the tables read in the section so far.
	sectionTables int
	pendingJSON   *typeDraft // the type whose annotation precedes the next JSON block
	// sectionEnums holds the enums from an "x values" heading, not a page
	// of their own.
	sectionEnums map[*EnumDoc]bool
	skipJSON     bool // the next JSON block is an example, not a representation
	derivedList  bool // the previous paragraph introduced a list of derived types
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
	if ns, ok := e.namespaceOf(text); ok {
		if ns != "" && e.page.Namespace == "" {
			e.page.Namespace = ns
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
			} else if withWordsBefore(e.cur.LinkPhrases) < 8 {
				e.cur.LinkPhrases = append(e.cur.LinkPhrases, e.linkPhrases(text, b.Inl.Links, b.Off, true)...)
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
