package parser

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown is shared by all goroutines: goldmark parsers are safe for
// concurrent use once built.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithParserOptions(gparser.WithInlineParsers(inlineTags)))

// blockKind is the kind of a top-level Markdown block the extractor reads.
type blockKind int

const (
	blockHeading blockKind = iota
	blockParagraph
	blockTable
	blockCode
	blockComment // an HTML block: annotations live in <!-- --> comments
)

// Link is a Markdown link as written: its text and destination.
type Link struct {
	Text string
	Dest string
	// At is where Text stands in the inline's text, or -1: a word of the
	// link may stand earlier too ("**Event Message** ... [Message](x.md)").
	At int
}

// inline is the text of inline content with what the extractor needs from it.
type inline struct {
	Text   string   // plain text, spaces collapsed
	Links  []Link   // links in order
	Codes  []string // contents of `code spans` in order
	Anchor string   // the name of an <a name="..."> inside, if any
	Off    int      // offset of the content in Clean
}

// cell is one table cell.
type cell = inline

// tableRow is one table row; Off is the row's offset in Clean. Cells
// always has the header's length (goldmark pads and cuts rows); Written is
// how many cells the row's line really holds.
type tableRow struct {
	Cells   []cell
	Off     int
	Written int
}

// block is one top-level Markdown block, flattened.
type block struct {
	Kind  blockKind
	Off   int // offset in Clean
	Level int // heading level
	Inl   inline
	// table
	Header tableRow
	Rows   []tableRow
	// code and comment
	Lang       string
	Content    string
	ContentOff int
	Unclosed   bool
	Quote      bool // a paragraph inside a block quote (notes, warnings)
	// PipeLines holds the line segments of a paragraph whose every line
	// holds a pipe: a table Markdown did not read as one (no delimiter row,
	// or a short one), which the extractor may still read as a table.
	PipeLines []text.Segment
}

// readBlocks parses clean Markdown into a flat list of blocks. Lists and
// block quotes are flattened into paragraphs: prose there still counts
// ("Inherits from" lines, "Possible values" lists).
func readBlocks(src []byte) []block {
	doc := markdown.Parser().Parse(text.NewReader(src))
	var out []block
	quote := 0
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Heading:
				b := block{Kind: blockHeading, Level: v.Level, Off: nodeOffset(v, src), Inl: inlineOf(v, src)}
				if b.Inl.Anchor == "" {
					b.Inl.Anchor = HeadingSlug(b.Inl.Text)
				}
				out = append(out, b)
			case *ast.Paragraph, *ast.TextBlock:
				b := block{Kind: blockParagraph, Off: nodeOffset(v, src), Inl: inlineOf(v, src), Quote: quote > 0}
				b.PipeLines = pipeLines(v.Lines(), src)
				if level, title := unspacedHeading(b.Inl.Text); level > 0 && v.Lines().Len() == 1 && quote == 0 {
					// "#teamVisibilityType enum type": a title without the
					// space CommonMark asks for, still meant as a heading.
					b.Kind, b.Level, b.Inl.Text = blockHeading, level, title
					b.Inl.Anchor = HeadingSlug(title)
				}
				out = append(out, b)
			case *ast.Blockquote:
				quote++
				walk(v)
				quote--
			case *east.Table:
				out = append(out, tableBlock(v, src))
			case *ast.FencedCodeBlock:
				b := block{Kind: blockCode, Off: nodeOffset(v, src)}
				if v.Info != nil {
					b.Lang = strings.ToLower(strings.TrimSpace(string(v.Info.Segment.Value(src))))
				}
				b.Content, b.ContentOff = linesText(v.Lines(), src)
				b.Unclosed = fenceUnclosed(v, src)
				out = append(out, b)
			case *ast.CodeBlock:
				b := block{Kind: blockCode, Off: nodeOffset(v, src)}
				b.Content, b.ContentOff = linesText(v.Lines(), src)
				out = append(out, b)
			case *ast.HTMLBlock:
				b := block{Kind: blockComment, Off: nodeOffset(v, src)}
				b.Content, b.ContentOff = linesText(v.Lines(), src)
				if v.HasClosure() {
					b.Content += string(v.ClosureLine.Value(src))
				}
				out = append(out, b)
			default:
				walk(c)
			}
		}
	}
	walk(doc)
	return out
}

// unspacedHeading reads a line such as "#name enum type", one to six '#'
// followed directly by a letter, as a heading's level and text.
func unspacedHeading(line string) (int, string) {
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level == len(line) || !isLetter(line[level]) {
		return 0, ""
	}
	return level, line[level:]
}

func isLetter(c byte) bool { return isLower(c) || isUpper(c) }

// nodeOffset is where a block starts in src.
func nodeOffset(n ast.Node, src []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if off := nodeOffset(c, src); off > 0 {
			return off
		}
	}
	return 0
}

func linesText(lines *text.Segments, src []byte) (string, int) {
	if lines == nil || lines.Len() == 0 {
		return "", 0
	}
	first := lines.At(0)
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String(), first.Start
}

// fenceUnclosed reports a fenced block that ran to the end of the page
// because its closing fence is missing.
func fenceUnclosed(v *ast.FencedCodeBlock, src []byte) bool {
	var end int
	if l := v.Lines(); l != nil && l.Len() > 0 {
		end = l.At(l.Len() - 1).Stop
	} else {
		end = nodeOffset(v, src)
		if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
			end += nl + 1
		} else {
			return true
		}
	}
	rest := bytes.TrimLeft(src[end:], " \t")
	return !bytes.HasPrefix(rest, []byte("```")) && !bytes.HasPrefix(rest, []byte("~~~"))
}

func tableBlock(t *east.Table, src []byte) block {
	b := block{Kind: blockTable, Off: nodeOffset(t, src)}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		row := tableRow{Off: r.Pos()}
		if row.Off < 0 {
			row.Off = nodeOffset(r, src)
		}
		row.Written = cellCount(lineAt(src, row.Off))
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row.Cells = append(row.Cells, inlineOf(c, src))
		}
		if _, ok := r.(*east.TableHeader); ok {
			b.Header = row
		} else {
			b.Rows = append(b.Rows, row)
		}
	}
	return b
}

// inlineOf gathers the plain text, links, code spans and anchor of n.
func inlineOf(n ast.Node, src []byte) inline {
	in := inline{Off: n.Pos()}
	if in.Off < 0 {
		in.Off = nodeOffset(n, src)
	}
	for in.Off < len(src) && (src[in.Off] == ' ' || src[in.Off] == '\t') {
		in.Off++ // point at the content, not the padding of a cell
	}
	var b strings.Builder
	var starts []int // where each link's text starts in b
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				b.Write(v.Segment.Value(src))
				if v.SoftLineBreak() || v.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(v.Value)
			case *ast.CodeSpan:
				var cb strings.Builder
				for t := v.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						cb.Write(s.Segment.Value(src))
					} else if s, ok := t.(*ast.String); ok {
						cb.Write(s.Value)
					}
				}
				in.Codes = append(in.Codes, cb.String())
				b.WriteString(cb.String())
			case *ast.Link:
				start := b.Len()
				walk(v)
				raw := b.String()[start:]
				starts = append(starts, start+len(raw)-len(strings.TrimLeftFunc(raw, unicode.IsSpace)))
				in.Links = append(in.Links, Link{Text: strings.TrimSpace(raw), Dest: string(v.Destination)})
			case *ast.AutoLink:
				b.Write(v.Label(src))
			case *ast.RawHTML:
				var hb strings.Builder
				for i := 0; i < v.Segments.Len(); i++ {
					seg := v.Segments.At(i)
					hb.Write(seg.Value(src))
				}
				h := hb.String()
				if name := anchorName(h); name != "" && in.Anchor == "" {
					in.Anchor = name
				}
				if strings.HasPrefix(strings.ToLower(h), "<br") || strings.HasPrefix(strings.ToLower(h), "<li") || strings.HasPrefix(strings.ToLower(h), "</li") {
					b.WriteByte(' ')
				}
			case *ast.Image:
				// alt text is not prose
			default:
				walk(c)
			}
		}
	}
	walk(n)
	raw := b.String()
	in.Text = collapseSpace(raw)
	for k := range in.Links {
		in.Links[k].At = linkAt(in.Text, collapseSpace(raw[:starts[k]]), in.Links[k].Text)
	}
	return in
}

// linkAt returns where a link's text stands in text, given the text before
// it (spaces collapsed as in text), or -1 when it cannot be placed there.
func linkAt(text, before, linkText string) int {
	for _, at := range []int{len(before) + 1, len(before)} {
		if at <= len(text) && linkText != "" && strings.HasPrefix(text[at:], linkText) {
			return at
		}
	}
	return -1
}

// anchorName returns x for an HTML tag <a name="x"> (or id="x").
func anchorName(tag string) string {
	lower := lowerInPlace(tag)
	if !strings.HasPrefix(lower, "<a ") {
		return ""
	}
	for _, attr := range []string{"name=", "id="} {
		i := strings.Index(lower, attr)
		if i < 0 {
			continue
		}
		rest := tag[i+len(attr):]
		if rest == "" {
			continue
		}
		q := rest[0]
		if q != '"' && q != '\'' {
			continue
		}
		if end := strings.IndexByte(rest[1:], q); end >= 0 {
			return rest[1 : 1+end]
		}
	}
	return ""
}

// collapseSpace trims s and folds runs of white space (NBSP, NNBSP and
// ZWSP included) into single spaces.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u2002', '\u2003':
			space = true
			continue
		case '\u200b', '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// HeadingSlug is the anchor a heading gets when it names none, as the
// documentation site makes it: lower case, spaces to hyphens, punctuation
// dropped ("printOrientation values" => "printorientation-values").
func HeadingSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
