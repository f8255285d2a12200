// Base and derived claims: what prose, rows and tables say about a type's
// base and the types derived from it.

package parser

import (
	"path"
	"strings"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
)

// inheritsAt returns where a base phrase ends in text, or -1.
func (e *extractor) inheritsAt(text string) int {
	at, _ := e.InheritsAt(lowerInPlace(text))
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
	lower := lowerInPlace(text)
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

// inheritsClaim finds "Inherits from [x](x.md)" (in any of the languages
// the pages use) in text and returns the base it names.
func (e *extractor) inheritsClaim(text string, links []Link, off int, source ClaimSource) (BaseClaim, bool) {
	at, needLink := e.InheritsAt(lowerInPlace(text))
	if at < 0 {
		return e.baseBeforePhrase(text, links, off, source, false)
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

// baseBeforePhrase finds a page link followed by a phrase saying it names
// the base, in a language that puts the verb last ("[x](x.md) から継承しま
// す"): in prose, or in a row (inherited).
func (e *extractor) baseBeforePhrase(text string, links []Link, off int, source ClaimSource, inherited bool) (BaseClaim, bool) {
	for _, l := range links {
		if !isPageLink(l.Dest) || strings.HasPrefix(l.Dest, "#") || strings.TrimSpace(l.Text) == "" {
			continue
		}
		i := strings.Index(text, l.Text)
		if i < 0 || !e.FollowsBase(strings.ToLower(text[i+len(l.Text):]), inherited) {
			continue
		}
		claim := BaseClaim{Source: source, Link: e.resolveLink(l.Dest), Name: e.lastIdentifier(l.Text), Pos: e.pos(off)}
		if claim.Link == "" {
			e.warnAt(off, diag.LinkOutside, "link %q leaves the input folder and is not followed; the base is looked up by name", l.Dest)
		}
		return claim, true
	}
	return BaseClaim{}, false
}

// resolveLink turns a link destination into a path relative to the input
// root ("x.md" or "x.md#anchor"), or "" when it leaves the root.
func (e *extractor) resolveLink(dest string) string {
	return resolveLink(e.page.Path, e.opts.RootName, dest)
}

// resolveLink resolves dest, written on the page at pagePath, to a path
// relative to the input root named rootName; "" when it leaves the root.
func resolveLink(pagePath, rootName, dest string) string {
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

func (e *extractor) inheritedClaim(c inline) (BaseClaim, bool) {
	if claim, ok := e.baseBeforePhrase(c.Text, c.Links, c.Off, ClaimRow, true); ok {
		return claim, true
	}
	for _, end := range e.Inherited(lowerInPlace(c.Text)) {
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

// linkPhrases returns the page links of text with the words before each
// and after it in its sentence, at most three each, lower-cased:
// candidates for a base phrase the folder may teach, on either side of the
// link (a language may put the verb last: "[x](x.md) から継承します").
// With bare, a link with no words around it is kept too (an item of a
// list of types in prose: a base page may list those derived from it).
func (e *extractor) linkPhrases(text string, links []Link, off int, bare bool) []LinkPhrase {
	var out []LinkPhrase
	for _, l := range links {
		if !isPageLink(l.Dest) || strings.HasPrefix(l.Dest, "#") || strings.TrimSpace(l.Text) == "" {
			continue
		}
		i := l.At
		if i < 0 || i+len(l.Text) > len(text) || text[i:i+len(l.Text)] != l.Text {
			i = strings.Index(text, l.Text) // a link placed by its words alone
		}
		if i < 0 {
			continue
		}
		words := sinceSentenceEnd(strings.Fields(strings.ToLower(text[:i])))
		words = words[max(0, len(words)-3):]
		after := wordsAfter(text[i+len(l.Text):])
		if len(words) == 0 && after == "" && !bare {
			continue
		}
		target := e.resolveLink(l.Dest)
		if target == "" {
			continue
		}
		out = append(out, LinkPhrase{Phrase: strings.Join(words, " "), After: after, Claim: BaseClaim{Link: target, Name: e.lastIdentifier(l.Text), Pos: e.pos(off)}})
	}
	return out
}

// sinceSentenceEnd returns the words after the last sentence end: a
// phrase before a link is of the link's own sentence ("均包括在内。 继承自" is
// 继承自, as "…the device. Inherits from" is "inherits from"). A word ends a
// sentence with a mark, closing quotes and brackets aside (`gerät."`); a
// full-width mark ends one inside a word too, as no space need follow it
// ("…的值。继承自").
func sinceSentenceEnd(words []string) []string {
	const closers = "\"')]”’」』" // closing quotes and brackets
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w, closers)); strings.ContainsRune(".!?。！？", r) {
			return words[k+1:]
		}
		if i := strings.LastIndexAny(w, "。！？"); i >= 0 {
			_, size := utf8.DecodeRuneInString(w[i:])
			rest := strings.TrimLeft(w[i+size:], closers)
			if rest == "" {
				return words[k+1:]
			}
			return append([]string{rest}, words[k+1:]...)
		}
	}
	return words
}

// wordsAfter returns the lower-case words that follow a link up to the
// end of its clause (the first punctuation mark) when they are three at
// most: a verb that comes last ends the clause ("[x](x.md) から継承しま
// す。", "von [x](x.md) abgeleitet, ..."); a link that ends its clause, or
// that more words follow ("See [drive][] resource for the values"), has
// none.
func wordsAfter(rest string) string {
	end := strings.IndexAny(rest, ".,;:!?()[]、，；：！？。（）")
	if end < 0 {
		end = len(rest)
	}
	words := strings.Fields(strings.ToLower(rest[:end]))
	if len(words) > 3 {
		return ""
	}
	return strings.Join(words, " ")
}

// withWordsBefore counts the link phrases with words before the link.
func withWordsBefore(lps []LinkPhrase) int {
	n := 0
	for _, lp := range lps {
		if lp.Phrase != "" {
			n++
		}
	}
	return n
}
