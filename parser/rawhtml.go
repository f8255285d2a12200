// Inline HTML tags: the pages are full of them (<a name="x"></a>, <br>,
// <b>), and goldmark's raw HTML parser matches each with a regular
// expression that reads the block rune by rune through an interface. This
// parser reads the tags that end on their own line, by the same grammar
// (CommonMark's open and closing tags); the rest (comments, tags spanning
// lines) fall through to goldmark's parser.

package parser

import (
	"github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlineTagPriority places the parser after goldmark's autolinks (300) and
// before its raw HTML parser (400).
const inlineTagPriority = 350

type inlineTagParser struct{}

func (inlineTagParser) Trigger() []byte { return []byte{'<'} }

func (inlineTagParser) Parse(_ ast.Node, block text.Reader, _ gparser.Context) ast.Node {
	line, segment := block.PeekLine()
	n := tagLength(line)
	if n == 0 {
		return nil
	}
	node := ast.NewRawHTML()
	node.Segments.Append(text.NewSegment(segment.Start, segment.Start+n))
	block.Advance(n)
	return node
}

var inlineTags = util.Prioritized(inlineTagParser{}, inlineTagPriority)

// tagLength is the length of the open or closing tag at the start of line
// when it ends on the line, else 0.
func tagLength(line []byte) int {
	if len(line) < 3 || line[0] != '<' {
		return 0
	}
	if line[1] == '/' {
		i := tagName(line, 2)
		if i == 0 {
			return 0
		}
		i = skipBlanks(line, i)
		if i < len(line) && line[i] == '>' {
			return i + 1
		}
		return 0
	}
	i := tagName(line, 1)
	if i == 0 {
		return 0
	}
	for {
		j := skipBlanks(line, i)
		if j == len(line) {
			return 0
		}
		switch {
		case line[j] == '>':
			return j + 1
		case line[j] == '/':
			if j+1 < len(line) && line[j+1] == '>' {
				return j + 2
			}
			return 0
		case j == i || !isAttrNameStart(line[j]):
			return 0 // an attribute needs a blank before it
		}
		i = attribute(line, j)
		if i == 0 {
			return 0
		}
	}
}

// tagName returns the index after a tag name starting at i ([A-Za-z][A-Za-z0-9-]*), or 0.
func tagName(line []byte, i int) int {
	if i >= len(line) || !isLetter(line[i]) {
		return 0
	}
	for i++; i < len(line) && (isLetter(line[i]) || isDigit(line[i]) || line[i] == '-'); i++ {
	}
	return i
}

// attribute returns the index after the attribute starting at i (a name,
// and a value when an = follows), or 0 when the value is malformed.
func attribute(line []byte, i int) int {
	for i++; i < len(line) && isAttrNameChar(line[i]); i++ {
	}
	j := skipBlanks(line, i)
	if j == len(line) || line[j] != '=' {
		return i // no value: the blanks belong to what follows
	}
	j = skipBlanks(line, j+1)
	if j == len(line) {
		return 0
	}
	switch q := line[j]; q {
	case '"', '\'':
		for k := j + 1; k < len(line); k++ {
			if line[k] == q {
				return k + 1
			}
		}
		return 0
	}
	k := j
	for k < len(line) && isUnquotedValueChar(line[k]) {
		k++
	}
	if k == j {
		return 0
	}
	return k
}

func skipBlanks(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAttrNameStart(c byte) bool { return isLetter(c) || c == '_' || c == ':' }
func isAttrNameChar(c byte) bool {
	return isAttrNameStart(c) || isDigit(c) || c == '.' || c == '-'
}

func isUnquotedValueChar(c byte) bool {
	switch c {
	case '"', '\'', '=', '<', '>', '`':
		return false
	}
	return c > 0x20
}
