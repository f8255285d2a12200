// Page text as Go comments: the one place where text from a page (a
// description, a type's name in its doc line) becomes part of a Go file.
// Page text is untrusted (the docs are edited through pull requests), so
// every line written here is "// " followed by text that cannot end the
// comment, open or close a block comment, or be read as a directive or a
// build constraint; docs/page-rules.md ("What page text can and cannot
// do") states the guarantee, and FuzzCommentText holds the emitter to it.

package emitter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/schema"
)

// commentWidth is how many characters of text a comment line holds.
const commentWidth = 76

// comment is one comment line holding a line of commentLines. The "// "
// is written here, not chosen by jen: jen.Comment writes text that starts
// with "//" or "/*" as it is, which is how page text became code.
func comment(line string) *jen.Statement {
	return jen.Comment("// " + line)
}

// commentLines turns page text into comment lines of at most width
// characters (a longer word stands alone). Markdown escapes and formatting
// tags are dropped (plainText); every character Go would not keep inside a
// line comment (control characters, line and paragraph separators, a byte
// order mark) becomes a space, so no text can end the comment; and the
// markers defuse breaks are broken.
func commentLines(text string, width int) []string {
	words, _ := commentWords(text)
	var lines []string
	var cur strings.Builder
	n := 0 // runes on the current line: width counts characters, not bytes
	for _, w := range words {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			n++
			cur.WriteByte(' ')
		}
		n += wn
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// commentWords is the text as the words of comment lines, and whether a
// marker had to be broken in them.
func commentWords(text string) (words []string, defused bool) {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\uFEFF' {
			return ' '
		}
		return r
	}, plainText(text))
	words = strings.Fields(text)
	for i, w := range words {
		if d := defuse(w); d != w {
			words[i], defused = d, true
		}
	}
	return words, defused
}

// defuse breaks, with a space, what would make a word more than comment
// text in a line comment, wherever the line breaks:
//   - "/*" and "*/" become "/ *" and "* /": no block comment opens or closes;
//   - a word's leading slashes are spaced ("//go:generate" becomes
//     "/ /go:generate"): no word reads as a comment of its own, such as the
//     directives "//go:", "//line", "//export" and "//extern";
//   - the word "+build" becomes "+ build": gofmt moves a comment line that
//     starts with it, from anywhere in a file, into the build constraints.
//
// Comment text needs none of these, and real pages have none of them in
// prose, so each break is reported (DefusedWarnings).
func defuse(w string) string {
	if w == "+build" {
		return "+ build"
	}
	if !strings.Contains(w, "/") {
		return w
	}
	var b strings.Builder
	leading := true // in the word's leading run of slashes
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 {
			prev := w[i-1]
			if prev == '/' && c == '*' || prev == '*' && c == '/' || leading && c == '/' {
				b.WriteByte(' ')
			}
		}
		leading = leading && c == '/'
		b.WriteByte(c)
	}
	return b.String()
}

// DefusedWarnings reports, at its page and line, every description in s
// whose comment lines had to have a marker broken (defuse): the package is
// written with the text neutralised, and the docs' reviewers learn of it.
// It reads the schema, not the rendering, so a rerun that renders nothing
// reports the same.
func DefusedWarnings(s *schema.Schema) diag.List {
	var out diag.List
	check := func(text, source, subject string) {
		if !strings.ContainsAny(text, "/+") {
			return // the common case, without splitting words
		}
		if _, defused := commentWords(text); defused {
			out.Warn(schema.SourcePos(source), diag.DefusedText,
				"%s holds a Go comment marker, directive or build constraint (/*, */, //go:, +build); written with a space inside it", subject)
		}
	}
	for _, t := range s.Types {
		check(t.Name, t.Source, "the name "+t.Name) // the first doc comment line holds it
		check(t.Description, t.Source, "the description of "+t.Name)
		for _, p := range t.Properties {
			check(p.Description, p.Source, "the description of "+t.Name+"."+p.Name)
		}
		for _, m := range t.Members {
			check(m.Description, m.Source, "the description of "+t.Name+" member "+m.Name)
		}
	}
	// An action's body struct has a doc comment with its paths and the
	// description, and a field per parameter.
	for _, o := range s.Operations {
		if o.BodyGoName == "" {
			continue
		}
		for _, r := range o.Requests {
			check(r.Path, o.Source, "the path "+r.Path)
		}
		check(o.Description, o.Source, "the description of "+o.Name)
		for _, p := range o.Parameters {
			check(p.Description, p.Source, "the description of "+o.Name+" parameter "+p.Name)
		}
	}
	return out
}

// markdownEscape is a backslash before ASCII punctuation ("\\|", "\\*").
var markdownEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// formattingTag is an HTML tag that only formats text (<b>, </li>, <br/>,
// <a href="...">); a tag named in prose (an <iframe>) is kept.
var formattingTag = regexp.MustCompile(`(?i)</?(a|b|i|u|s|em|strong|br|p|ul|ol|li|span|div|sup|sub|code|pre|table|tr|td|th|tbody|thead|hr)(\s[^<>]*)?/?>`)

// plainText turns a description as the page writes it into doc comment
// text: Markdown escapes dropped (\\| is |), formatting tags dropped with
// their text kept (a link's text stays).
func plainText(s string) string {
	s = markdownEscape.ReplaceAllString(s, "$1")
	return formattingTag.ReplaceAllString(s, " ")
}
