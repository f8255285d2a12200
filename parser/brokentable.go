// Tables Markdown does not see: lines of pipe-separated cells whose
// delimiter row is missing or short, and rows whose cell count is not the
// header's. Markdown drops the first silently (a paragraph) and pads or
// cuts the second; the extractor reads both and reports them.

package parser

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// pipeLines returns a paragraph's lines when there are at least two and
// every one holds a pipe, else nil.
func pipeLines(lines *text.Segments, src []byte) []text.Segment {
	if lines == nil || lines.Len() < 2 {
		return nil
	}
	out := make([]text.Segment, lines.Len())
	for i := range out {
		out[i] = lines.At(i)
		if !bytes.ContainsRune(out[i].Value(src), '|') {
			return nil
		}
	}
	return out
}

// lineAt returns the line of src that holds offset off.
func lineAt(src []byte, off int) []byte {
	if off < 0 || off > len(src) {
		return nil
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src) - off
	}
	return src[start : off+end]
}

// cellCount counts the cells a table line writes: the unescaped pipes
// separate them, and a leading and a trailing pipe are optional.
func cellCount(line []byte) int {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	if bytes.HasSuffix(line, []byte("|")) && !bytes.HasSuffix(line, []byte(`\|`)) {
		line = line[:len(line)-1]
	}
	n := 1
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// isDelimiterRow reports a line such as |---|:--:| (of any cell count).
func isDelimiterRow(line string) bool {
	line = strings.Trim(strings.TrimSpace(line), "|")
	if line == "" {
		return false
	}
	for _, c := range strings.Split(line, "|") {
		c = strings.Trim(strings.TrimSpace(c), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// recoverTable reads a paragraph of pipe lines as a table, the way it was
// meant: its first line is the header; a short delimiter row is dropped and
// a right one put in its place. It returns the table and what was wrong.
func recoverTable(b *block, src []byte) (block, string, bool) {
	lines := b.PipeLines
	n := cellCount(lines[0].Value(src))
	if n < 2 {
		return block{}, "", false
	}
	problem := "no delimiter row (|---|---|) under the header"
	rest := lines[1:]
	if d := rest[0].Value(src); isDelimiterRow(string(d)) {
		problem = fmt.Sprintf("the delimiter row has %d cells, the header %d", cellCount(d), n)
		rest = rest[1:]
	}
	// Build the table as it should have been written, remembering where
	// each line came from.
	type piece struct{ synth, orig, n int }
	var synth []byte
	var pieces []piece
	add := func(line []byte, orig int) {
		line = bytes.TrimRight(line, "\r\n")
		pieces = append(pieces, piece{len(synth), orig, len(line) + 1})
		synth = append(append(synth, line...), '\n')
	}
	add(lines[0].Value(src), lines[0].Start)
	add([]byte("|"+strings.Repeat("---|", n)), lines[0].Start)
	for _, l := range rest {
		add(l.Value(src), l.Start)
	}
	doc := markdown.Parser().Parse(text.NewReader(synth))
	var table *east.Table
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering && table == nil {
			table = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if table == nil {
		return block{}, "", false
	}
	tb := tableBlock(table, synth)
	back := func(off int) int {
		// The last piece that starts at or before off holds it.
		i := sort.Search(len(pieces), func(i int) bool { return pieces[i].synth > off }) - 1
		switch {
		case i < 0:
			return b.Off
		case i == 1: // the delimiter row we wrote
			return pieces[i].orig
		}
		return pieces[i].orig + min(off-pieces[i].synth, pieces[i].n-1)
	}
	tb.Off = b.Off
	for _, row := range append([]*tableRow{&tb.Header}, rowPointers(tb.Rows)...) {
		row.Off = back(row.Off)
		for i := range row.Cells {
			row.Cells[i].Off = back(row.Cells[i].Off)
		}
	}
	return tb, problem, true
}

func rowPointers(rows []tableRow) []*tableRow {
	out := make([]*tableRow, len(rows))
	for i := range rows {
		out[i] = &rows[i]
	}
	return out
}
