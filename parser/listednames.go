// Names a row gives for its values whatever the language: a list of bare
// names in its description, and the values of its JSON example. Both are
// English on every page (identifiers are never translated), so they name
// the members of the row's enum where a translation renamed them.

package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// listedNames returns the longest list of three or more ASCII names in
// text written without backticks ("Enabled、Warning、Suspended、Deleted",
// "a, b oder c"): names separated by list punctuation, the last one or two
// perhaps by a short word of any language (a conjunction) instead.
func listedNames(text string) []string {
	type token struct {
		name       string
		start, end int
	}
	var toks []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(r < utf8.RuneSelf && (isASCIILetter(byte(r)) || r == '_')) || i > 0 && wordRuneBefore(text, i) {
			i += size
			continue
		}
		j := i
		for j < len(text) && (isASCIILetter(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '_') {
			j++
		}
		if j < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
				i = j // a name glued to other letters is no name
				continue
			}
		}
		if j-i >= 2 {
			toks = append(toks, token{text[i:j], i, j})
		}
		i = j
	}
	var best, run []string
	punctuated := 0
	flush := func() {
		if len(run) >= 3 && punctuated >= 1 && len(run) > len(best) {
			best = run
		}
		run, punctuated = nil, 0
	}
	last := -1 // the end of the run's last name
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		gap := gapNone
		if last >= 0 {
			// "medium, or high": a short lower-case ASCII word before the
			// last name is a conjunction, a word of the gap.
			if k+1 < len(toks) && len(t.name) <= 4 && strings.ToLower(t.name) == t.name &&
				strings.TrimSpace(text[t.end:toks[k+1].start]) == "" && listGap(text[last:toks[k+1].start]) == gapWord {
				k++
				t, gap = toks[k], gapWord
			} else {
				gap = listGap(text[last:t.start])
			}
		}
		switch gap {
		case gapPunctuation:
			run = append(run, t.name)
			punctuated++
		case gapWord:
			// The conjunction comes before the last name: the list ends.
			run = append(run, t.name)
			flush()
			last = -1
			continue
		default:
			flush()
			run = []string{t.name}
		}
		last = t.end
	}
	flush()
	return best
}

type gapKind int

const (
	gapNone        gapKind = iota // no list goes on across it
	gapPunctuation                // ", " or "、"
	gapWord                       // " or ", ", und ", " 或 "
)

// listGap says whether the text between two names continues a list: one
// list mark, or one short word (a conjunction, in any language) with or
// without one.
func listGap(between string) gapKind {
	t := strings.TrimSpace(between)
	marks := 0
	for _, r := range t {
		switch r {
		case ',', '、', '，', ';', '；':
			marks++
		}
	}
	rest := strings.TrimSpace(strings.Trim(t, ",、，;； "))
	switch {
	case marks == 1 && rest == "":
		return gapPunctuation
	case marks <= 1 && rest != "" && utf8.RuneCountInString(rest) <= 5 && !strings.ContainsAny(rest, " .。:：()（）\"'`"):
		return gapWord
	}
	return gapNone
}

// wordRuneBefore reports a letter or digit right before offset i.
func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// jsonValueNames returns the names a JSON example value holds for a row
// ("Expired", "personal | business", ["a", "b"]): not a placeholder that
// names a type ("String", "datetime", the row's own type).
func (w words) jsonValueNames(v *JSONValue, typ TypeExpr) []string {
	var out []string
	var add func(v *JSONValue)
	add = func(v *JSONValue) {
		switch v.Kind {
		case JSONArray:
			for _, item := range v.Items {
				if item.Kind == JSONString {
					add(item)
				}
			}
		case JSONString:
			for _, part := range strings.Split(v.Str, "|") {
				name := strings.TrimSpace(part)
				if !IsIdentifier(name) || strings.Contains(name, ".") || strings.EqualFold(name, ShortName(typ.Name)) {
					continue
				}
				if t := w.parseTypeText(name); t.Primitive != "" {
					continue // a placeholder: "String", "Int32", "datetime"
				}
				out = append(out, name)
			}
		}
	}
	add(v)
	return out
}
