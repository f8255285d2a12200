package parser

import (
	"bytes"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
)

// Source is a page's text as the parser reads it, with a map back to the
// original bytes. Bilingual side-by-side pages carry every sentence twice:
//
//	<span data-ttu-id="x">RU</span><span class="sxs-lookup"><span data-stu-id="x">EN</span></span>
//
// Only the English half is the source, so each such pair is replaced by its
// English text before Markdown parsing (spans can hold newlines and cells
// can hold several of them, so this must precede line and cell splitting).
// A BOM is dropped and CRLF becomes LF the same way. Positions reported
// from Clean offsets are mapped back so that line:col point into the
// original file.
type Source struct {
	Orig  []byte
	Clean []byte
	// chunks maps runs of Clean onto Orig: chunk i covers Clean from
	// cleanStart[i] to cleanStart[i+1], starting at origStart[i] in Orig.
	cleanStart []int
	origStart  []int
	lineStarts []int // offsets in Orig where each line starts
	Bilingual  bool  // at least one span pair was substituted
}

var (
	spanOpen    = []byte(`<span data-ttu-id=`)
	spanLookup  = []byte(`</span><span class="sxs-lookup"><span data-stu-id=`)
	spanClose   = []byte(`</span></span>`)
	utf8BOM     = []byte{0xEF, 0xBB, 0xBF}
	crlf        = []byte("\r\n")
	frontMarker = []byte("---")
)

// newSource prepares orig for parsing.
func newSource(orig []byte) *Source {
	s := &Source{Orig: orig}
	s.lineStarts = append(s.lineStarts, 0)
	for i, c := range orig {
		if c == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	clean := make([]byte, 0, len(orig))
	copyFrom := func(from, to int) {
		if from >= to {
			return
		}
		s.cleanStart = append(s.cleanStart, len(clean))
		s.origStart = append(s.origStart, from)
		clean = append(clean, orig[from:to]...)
	}
	// copyLines copies orig[from:to] dropping the \r of each CRLF.
	copyLines := func(from, to int) {
		for from < to {
			i := bytes.Index(orig[from:to], crlf)
			if i < 0 {
				copyFrom(from, to)
				return
			}
			copyFrom(from, from+i)
			from += i + 1 // keep the \n
		}
	}
	skips := tableComments(orig)
	// copyText is copyLines without the comments that sit between table
	// rows: Markdown would end the table there and lose the rows after.
	copyText := func(from, to int) {
		for from < to {
			for len(skips) > 0 && skips[0][1] <= from {
				skips = skips[1:]
			}
			if len(skips) == 0 || skips[0][0] >= to {
				copyLines(from, to)
				return
			}
			copyLines(from, max(from, skips[0][0]))
			from = skips[0][1]
		}
	}
	pos := 0
	if bytes.HasPrefix(orig, utf8BOM) {
		pos = len(utf8BOM)
	}
	pairs := spanPairs{orig: orig, from: -1}
	for pos < len(orig) {
		i := bytes.Index(orig[pos:], spanOpen)
		if i < 0 {
			break
		}
		start := pos + i
		en, enEnd, ok := pairs.match(start)
		if !ok {
			copyText(pos, start+len(spanOpen))
			pos = start + len(spanOpen)
			continue
		}
		copyText(pos, start)
		copyText(en, enEnd)
		s.Bilingual = true
		pos = enEnd + len(spanClose)
	}
	copyText(pos, len(orig))
	s.Clean = clean
	blankFrontMatter(s.Clean)
	return s
}

// tableComments finds HTML comments that stand on lines of their own
// between two table rows ("|a|b|", "<!-- |old|row| -->", "|c|d|"), and
// returns the byte ranges of their lines, newlines included.
func tableComments(orig []byte) [][2]int {
	lineEnd := func(i int) int { // past the newline
		if j := bytes.IndexByte(orig[i:], '\n'); j >= 0 {
			return i + j + 1
		}
		return len(orig)
	}
	isRow := func(from, to int) bool { return bytes.HasPrefix(bytes.TrimSpace(orig[from:to]), []byte("|")) }
	var out [][2]int
	lines := lineStarts{orig: orig, textStart: -1}
	// What follows the first "-->" at or after closeFrom: where it is
	// (-1: none), the end of its line, and whether the comment may end
	// there (nothing after it on its line, a table row below). Comments
	// that open inside one comment share its close, which is read once.
	closeFrom, closeAt, closeEnd, closeOK := -1, -1, 0, false
	for at := 0; ; {
		i := bytes.Index(orig[at:], []byte("<!--"))
		if i < 0 {
			return out
		}
		i += at
		start := lines.start(i)
		at = i + 4
		if lines.firstText(start) < i || start == 0 || !isRow(bytes.LastIndexByte(orig[:start-1], '\n')+1, start) {
			continue // not alone on its line, or no table row above
		}
		// The comment runs to the end of the line that closes it.
		if closeFrom < 0 || closeAt >= 0 && closeAt < at {
			closeFrom, closeAt = at, bytes.Index(orig[at:], []byte("-->"))
			if closeAt >= 0 {
				closeAt += at
				closeEnd = lineEnd(closeAt)
				closeOK = len(bytes.TrimSpace(orig[closeAt+3:closeEnd])) == 0 && closeEnd != len(orig) && isRow(closeEnd, lineEnd(closeEnd))
			}
		}
		if closeAt < 0 {
			return out
		}
		if !closeOK {
			continue // text after the comment, or no table row below
		}
		out = append(out, [2]int{start, closeEnd})
		at = closeEnd
	}
}

// lineStarts finds where lines start for offsets that only grow, reading
// each byte once (many comments on one line would otherwise read it back
// to its start once each).
type lineStarts struct {
	orig            []byte
	last, lastStart int // the line of offset last starts at lastStart
	text, textStart int // the first rune after white space from textStart
}

// start returns where the line holding offset i starts.
func (l *lineStarts) start(i int) int {
	if j := bytes.LastIndexByte(l.orig[l.last:i], '\n'); j >= 0 {
		l.lastStart = l.last + j + 1
	}
	l.last = i
	return l.lastStart
}

// firstText returns the offset of the first rune from start that is not
// white space (unicode.IsSpace, as bytes.TrimSpace reads it).
func (l *lineStarts) firstText(start int) int {
	if l.textStart != start {
		l.textStart, l.text = start, start
		for l.text < len(l.orig) {
			r, n := utf8.DecodeRune(l.orig[l.text:])
			if !unicode.IsSpace(r) {
				break
			}
			l.text += n
		}
	}
	return l.text
}

// spanPairs finds the English text of span pairs, keeping the lookup span
// it found last: a page of openings without a lookup span near them would
// otherwise be searched to its end once for each opening.
type spanPairs struct {
	orig []byte
	// The first lookup span at or after from is at lookup (-1: none);
	// its English text is enStart:enEnd, when closed.
	from, lookup   int
	enStart, enEnd int
	closed         bool
}

// match reports where the English text of the span pair at start lies, or
// false when the pair is not complete. Starts only grow.
func (p *spanPairs) match(start int) (enStart, enEnd int, ok bool) {
	if p.from < 0 || start < p.from || p.lookup >= 0 && start > p.lookup {
		p.find(start)
	}
	if p.lookup < 0 || !p.closed {
		return 0, 0, false
	}
	// The Russian half must not contain another pair's opening.
	if bytes.Contains(p.orig[start+len(spanOpen):p.lookup], spanOpen) {
		return 0, 0, false
	}
	return p.enStart, p.enEnd, true
}

// find reads the first lookup span at or after from, and its English text.
func (p *spanPairs) find(from int) {
	p.from, p.lookup, p.closed = from, -1, false
	lk := bytes.Index(p.orig[from:], spanLookup)
	if lk < 0 {
		return
	}
	p.lookup = from + lk
	gt := bytes.IndexByte(p.orig[p.lookup+len(spanLookup):], '>')
	if gt < 0 {
		return
	}
	p.enStart = p.lookup + len(spanLookup) + gt + 1
	cl := bytes.Index(p.orig[p.enStart:], spanClose)
	if cl < 0 {
		return
	}
	p.enEnd, p.closed = p.enStart+cl, true
}

// blankFrontMatter overwrites a leading YAML front matter block with spaces,
// keeping newlines so that line numbers stay put.
func blankFrontMatter(b []byte) {
	if !bytes.HasPrefix(b, frontMarker) {
		return
	}
	end := frontMatterEnd(b)
	for i := 0; i < end; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// frontMatterEnd returns the offset just past the closing --- line of the
// front matter at the start of b, or 0 when there is none.
func frontMatterEnd(b []byte) int {
	if !bytes.HasPrefix(b, frontMarker) {
		return 0
	}
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || len(bytes.TrimSpace(b[:nl])) != 3 {
		return 0
	}
	pos := nl + 1
	for pos < len(b) {
		end := bytes.IndexByte(b[pos:], '\n')
		line := b[pos:]
		next := len(b)
		if end >= 0 {
			line = b[pos : pos+end]
			next = pos + end + 1
		}
		if string(bytes.TrimSpace(line)) == "---" {
			return next
		}
		pos = next
	}
	return 0
}

// FrontMatter returns the key: value pairs of the front matter (values
// unquoted). Only flat keys are read: that is all the pages use.
func (s *Source) FrontMatter() map[string]string {
	end := frontMatterEnd(s.cleanForFrontMatter())
	if end == 0 {
		return nil
	}
	fm := map[string]string{}
	for _, line := range bytes.Split(s.cleanForFrontMatter()[:end], []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		key := string(bytes.TrimSpace(k))
		val := string(bytes.Trim(bytes.TrimSpace(v), `"'`))
		if key != "" && key != "---" {
			fm[key] = val
		}
	}
	return fm
}

// cleanForFrontMatter is the original text with the BOM dropped: the front
// matter is blanked in Clean, so it is read from here.
func (s *Source) cleanForFrontMatter() []byte {
	return bytes.TrimPrefix(s.Orig, utf8BOM)
}

// OrigOffset maps an offset in Clean to the offset in Orig.
func (s *Source) OrigOffset(clean int) int {
	if len(s.cleanStart) == 0 {
		return clean
	}
	i := sort.SearchInts(s.cleanStart, clean+1) - 1
	if i < 0 {
		i = 0
	}
	return s.origStart[i] + clean - s.cleanStart[i]
}

// Position is a 1-based line and byte column in the original file.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// At is the position in the page at path, for a diagnostic.
func (p Position) At(path string) diag.Pos { return diag.At(path, p.Line, p.Col) }

// Pos returns the original position of an offset in Clean.
func (s *Source) Pos(clean int) Position {
	o := s.OrigOffset(clean)
	line := sort.SearchInts(s.lineStarts, o+1) - 1
	if line < 0 {
		line = 0
	}
	return Position{Line: line + 1, Col: o - s.lineStarts[line] + 1}
}
