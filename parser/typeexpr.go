package parser

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/docgen/graphgen/parser/lang"
)

// TypeExpr is what a page's type cell (or JSON placeholder) says a
// property's type is, before references are resolved.
type TypeExpr struct {
	Raw        string `json:"raw"`                  // the cell text as written (English half)
	Primitive  string `json:"primitive,omitempty"`  // an Edm name such as Edm.String
	Name       string `json:"name,omitempty"`       // a referenced type's name as written
	Link       string `json:"link,omitempty"`       // a referenced page, as written
	Collection bool   `json:"collection,omitempty"` // a collection of the type
	// LinkPrimitive is the Edm type a link's text names
	// ("[DateTimeOffset](timestamp.md)"): the text decides.
	LinkPrimitive string `json:"linkPrimitive,omitempty"`
	// LinkText is the link's text as written, whatever its script
	// ("[акцессревиев](accessreview.md)"): the words around it are the
	// cell's phrase (коллекция ...).
	LinkText string `json:"linkText,omitempty"`
}

// Known reports whether the expression names a type at all.
func (t TypeExpr) Known() bool { return t.Primitive != "" || t.Name != "" || t.Link != "" }

// words is the parser's view of the languages it reads: every word it
// knows comes from the language data (package lang).
type words struct{ *lang.Set }

// defaultWords reads every language the parser ships with.
var defaultWords = words{lang.Default}

// parseTypeCell reads a type cell: links first (their targets are the
// page's most reliable reference), then the type words.
func (w words) parseTypeCell(c inline) TypeExpr {
	t := TypeExpr{Raw: c.Text, Collection: w.MentionsCollection(c.Text)}
	for _, l := range c.Links {
		if isPageLink(l.Dest) {
			t.Link, t.LinkText = l.Dest, l.Text
			t.Name = w.lastIdentifier(l.Text)
			var text TypeExpr
			w.parseTypeWords(&text, l.Text)
			t.LinkPrimitive = text.Primitive
			return t
		}
	}
	w.parseTypeWords(&t, c.Text)
	return t
}

// ParseTypeText reads a type written as plain text, in any language the
// parser ships with.
func ParseTypeText(s string) TypeExpr { return defaultWords.parseTypeText(s) }

func (w words) parseTypeText(s string) TypeExpr {
	t := TypeExpr{Raw: s, Collection: w.MentionsCollection(s)}
	w.parseTypeWords(&t, s)
	return t
}

// isPageLink reports a link to another page or an anchor on this one, as
// opposed to a web address.
func isPageLink(dest string) bool {
	if dest == "" {
		return false
	}
	if strings.HasPrefix(dest, "#") {
		return true
	}
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "mailto:") {
		return false
	}
	p, _, _ := strings.Cut(dest, "#")
	return strings.HasSuffix(strings.ToLower(p), ".md")
}

// typeMarks drops the Markdown marks a type cell's words may carry. A
// Replacer is safe for concurrent use, and building one costs more than
// the replacing: it is built once.
var typeMarks = strings.NewReplacer("*", "", "`", "", "[]", "", "[", "", "]", "", "\\", "")

func (w words) parseTypeWords(t *TypeExpr, s string) {
	s = strings.ToLower(strings.TrimSpace(s))
	// Collection(x) and collection(x)
	if i := strings.Index(s, "collection("); i >= 0 {
		inner := s[i+len("collection("):]
		if j := strings.IndexByte(inner, ')'); j >= 0 {
			inner = inner[:j]
		}
		s = inner
		t.Collection = true
	}
	// Parenthetical remarks and trailing qualifiers: "string (url)",
	// "string, maximum size 20", "String readonly".
	if i := strings.IndexByte(s, '('); i > 0 {
		inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[i+1:]), ")"))
		if strings.Contains(inner, ".") && IsIdentifier(inner) && strings.Count(s[:i], " ") <= 2 {
			// A translated collection word with (microsoft.graph.x): the parenthesis holds the type
			s = inner
		} else {
			s = s[:i]
		}
	}
	if i := strings.IndexAny(s, ",;"); i > 0 {
		s = s[:i]
	}
	s = typeMarks.Replace(s)
	s = strings.TrimSpace(s)
	if e, ok := w.Primitive(strings.TrimPrefix(s, "edm.")); ok {
		t.Primitive = e
		return
	}
	var kept []string
	// "string/number": alternatives, the first primitive of which is read.
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }) {
		word = strings.Trim(word, ".:;")
		if !w.IsFiller(word) && word != "" {
			kept = append(kept, word)
		}
	}
	if len(kept) == 0 {
		return
	}
	if e, ok := w.Primitive(strings.Join(kept, " ")); ok {
		t.Primitive = e
		return
	}
	for _, word := range kept {
		if e, ok := w.Primitive(strings.TrimPrefix(word, "edm.")); ok {
			t.Primitive = e
			return
		}
	}
	// A type name: keep the original case. Not from a parenthetical
	// remark after a word of another script ("строка (timestamp)": the
	// word is the type, the remark says what the string holds).
	raw := t.Raw
	if i := strings.IndexByte(raw, '('); i > 0 && strings.TrimSpace(raw[:i]) != "" && !strings.ContainsFunc(raw[:i], isASCIILetterRune) && !strings.Contains(raw[i:], ".") {
		raw = raw[:i]
	}
	t.Name = w.firstIdentifier(raw)
}

// firstIdentifier returns the first identifier-shaped ASCII token in s that is
// not a filler word, or "".
func (w words) firstIdentifier(s string) string {
	for _, tok := range identifierTokens(s) {
		if !w.IsNotName(strings.ToLower(tok)) {
			return tok
		}
	}
	return ""
}

// lastIdentifier returns the last identifier-shaped ASCII token in s.
func (w words) lastIdentifier(s string) string {
	toks := identifierTokens(s)
	for i := len(toks) - 1; i >= 0; i-- {
		if !w.IsNotName(strings.ToLower(toks[i])) {
			return toks[i]
		}
	}
	return ""
}

// identifierTokens splits s into maximal runs of ASCII letters, digits, '_'
// and '.', keeping those that start with a letter or '_'; a run touching
// a non-ASCII letter is part of a translated word and is dropped.
func identifierTokens(s string) []string {
	var out []string
	start := -1
	flush := func(end int, clean bool) {
		if start >= 0 && clean {
			tok := strings.Trim(s[start:end], ".")
			if tok != "" && (tok[0] == '_' || isASCIILetter(tok[0])) {
				out = append(out, tok)
			}
		}
		start = -1
	}
	dirty := false
	for i, r := range s {
		ascii := r < unicode.MaxASCII && (isASCIILetter(byte(r)) || (r >= '0' && r <= '9') || r == '_' || r == '.')
		switch {
		case ascii:
			if start < 0 {
				start = i
				dirty = false
			}
		case unicode.IsLetter(r):
			if start >= 0 {
				dirty = true
			} else {
				// a run beginning after a translated letter is tainted too
				start, dirty = i, true
			}
		default:
			flush(i, !dirty)
			dirty = false
		}
	}
	flush(len(s), !dirty)
	return out
}

func isASCIILetterRune(r rune) bool { return r < 128 && isASCIILetter(byte(r)) }

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// IsIdentifier reports whether s looks like a property or type name of the
// service: ASCII letters, digits, '_' (and '.' between segments of a
// qualified name), starting with a letter or '_'.
func IsIdentifier(s string) bool {
	if s == "" || !(s[0] == '_' || isASCIILetter(s[0])) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isASCIILetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.') {
			return false
		}
	}
	return !strings.HasSuffix(s, ".")
}

// quotedNumber is the Edm type of a number a placeholder writes as a
// string ("4.2": Double, "10": Int32), or "": what the row's type word means,
// though the string itself stays a string.
func quotedNumber(v *JSONValue) string {
	if v == nil || v.Kind != JSONString {
		return ""
	}
	s := strings.TrimSpace(v.Str)
	if _, err := strconv.ParseFloat(s, 64); err != nil || s == "" || strings.ContainsAny(s, "xXnN") {
		return "" // not a number; no hex, Inf or NaN
	}
	if strings.ContainsAny(s, ".eE") {
		return "Edm.Double"
	}
	return "Edm.Int32"
}

// jsonPlaceholderType reads the type a representation block's placeholder
// value implies ("String", "String (timestamp)", 1024, true,
// {"@odata.type": "microsoft.graph.x"}, ["String"]).
func (w words) jsonPlaceholderType(v *JSONValue) TypeExpr {
	if v == nil {
		return TypeExpr{}
	}
	switch v.Kind {
	case JSONArray:
		if len(v.Items) == 0 {
			return TypeExpr{Collection: true}
		}
		t := w.jsonPlaceholderType(v.Items[0])
		t.Collection = true
		return t
	case JSONObject:
		if ot := v.Get("@odata.type"); ot != nil && ot.Kind == JSONString {
			return TypeExpr{Raw: ot.Str, Name: strings.TrimPrefix(ot.Str, "#")}
		}
		return TypeExpr{}
	case JSONBool:
		return TypeExpr{Raw: v.Str, Primitive: "Edm.Boolean"}
	case JSONNumber:
		if strings.ContainsAny(v.Str, ".eE") {
			return TypeExpr{Raw: v.Str, Primitive: "Edm.Double"}
		}
		return TypeExpr{Raw: v.Str, Primitive: "Edm.Int32"}
	case JSONString:
		s := strings.TrimSpace(v.Str)
		low := strings.ToLower(s)
		switch {
		case strings.Contains(low, "timestamp"), strings.Contains(low, "datetime"):
			return TypeExpr{Raw: s, Primitive: "Edm.DateTimeOffset"}
		case strings.HasPrefix(low, "<unknown primitive type edm."):
			return w.parseTypeText(strings.TrimSuffix(s[len("<unknown primitive type "):], ">"))
		case strings.HasPrefix(low, "string"), strings.Contains(low, "|"):
			return TypeExpr{Raw: s, Primitive: "Edm.String"}
		}
		if words, _, _ := strings.Cut(s, "("); len(strings.Fields(words)) > 3 {
			// A sentence ("Autopilot Device Stream value"), not a type:
			// a type is at most three words ("String collection"), its
			// remark in parentheses aside ("Int32 (number of days)").
			return TypeExpr{Raw: s, Primitive: "Edm.String"}
		}
		t := w.parseTypeText(s)
		if t.Primitive == "" && (!strings.Contains(t.Name, ".") || !strings.HasPrefix(low, "microsoft.")) {
			// A free string value such as "Contoso", or a host name
			// ("graphnotifications.sample.windows.com"): its type is
			// String. A qualified name is in a Graph namespace, all of
			// which are under microsoft.
			return TypeExpr{Raw: s, Primitive: "Edm.String"}
		}
		return t
	}
	return TypeExpr{}
}
