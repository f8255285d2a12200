package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
}

// Known reports whether the expression names a type at all.
func (t TypeExpr) Known() bool { return t.Primitive != "" || t.Name != "" || t.Link != "" }

// primitiveWords maps every spelling of a primitive type seen in the pages,
// lower-cased, English and translated, to its Edm name. Translation is not
// attempted: this small table is all the type words the localized pages use.
var primitiveWords = map[string]string{
	"string": "Edm.String", "str": "Edm.String", "url": "Edm.String", "uri": "Edm.String", "text": "Edm.String",
	"строка": "Edm.String", "строки": "Edm.String", "строк": "Edm.String", "строковый": "Edm.String", "строковое": "Edm.String",
	"boolean": "Edm.Boolean", "bool": "Edm.Boolean", "логический": "Edm.Boolean", "логическое": "Edm.Boolean",
	"логическое значение": "Edm.Boolean", "логических": "Edm.Boolean", "логическая": "Edm.Boolean",
	"int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32", "int 32": "Edm.Int32", "number": "Edm.Int32",
	"целое число": "Edm.Int32", "целое": "Edm.Int32", "целых чисел": "Edm.Int32", "число": "Edm.Int32",
	"int16": "Edm.Int16", "short": "Edm.Int16",
	"int64": "Edm.Int64", "long": "Edm.Int64", "bigint": "Edm.Int64",
	"byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"single": "Edm.Single", "float": "Edm.Single",
	"double": "Edm.Double", "numeric": "Edm.Double", "двойное с плавающей точкой": "Edm.Double", "двойной": "Edm.Double", "двойное": "Edm.Double",
	"decimal": "Edm.Decimal", "десятичное": "Edm.Decimal",
	"datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"дата и время": "Edm.DateTimeOffset",
	"date":         "Edm.Date", "дата": "Edm.Date",
	"timeofday": "Edm.TimeOfDay", "time": "Edm.TimeOfDay", "время": "Edm.TimeOfDay",
	"duration": "Edm.Duration", "timespan": "Edm.Duration", "длительность": "Edm.Duration", "продолжительность": "Edm.Duration",
	"guid": "Edm.Guid", "uuid": "Edm.Guid", "идентификатор guid": "Edm.Guid",
	"binary": "Edm.Binary", "двоичный": "Edm.Binary", "двоичные данные": "Edm.Binary", "двоичное": "Edm.Binary",
	"stream": "Edm.Stream", "поток": "Edm.Stream",
	"json": "microsoft.graph.Json",
}

// collectionWords mark a collection in a type cell, in any language, as
// words of their own: "siteCollection" is no collection.
var collectionWords = []string{"collection", "коллекци", "массив", "array of", "list of"}

// mentionsCollection reports a collection word that starts a word in text.
func mentionsCollection(text string) bool {
	lower := strings.ToLower(text)
	for _, w := range collectionWords {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			if at == 0 || !isWordRune(lower, at) {
				return true
			}
			from = at + len(w)
		}
	}
	return false
}

// isWordRune reports whether the character before offset at is a letter
// or digit (so a word continues into at).
func isWordRune(s string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// fillerWords are dropped from a type cell before its type word is read.
var fillerWords = map[string]bool{
	"collection": true, "of": true, "коллекция": true, "коллекции": true, "объектов": true, "объекта": true,
	"enum": true, "enumeration": true, "object": true, "objects": true, "a": true, "an": true, "the": true,
	"readonly": true, "read-only": true, "nullable": true, "массив": true, "array": true, "list": true,
	"из": true, "type": true, "тип": true, "значений": true, "перечисление": true, "value": true, "values": true,
}

// ParseTypeCell reads a type cell: links first (their targets are the
// page's most reliable reference), then the type words.
func ParseTypeCell(c inline) TypeExpr {
	t := TypeExpr{Raw: c.Text, Collection: mentionsCollection(c.Text)}
	for _, l := range c.Links {
		if isPageLink(l.Dest) {
			t.Link = l.Dest
			t.Name = lastIdentifier(l.Text)
			var text TypeExpr
			parseTypeWords(&text, l.Text)
			t.LinkPrimitive = text.Primitive
			return t
		}
	}
	parseTypeWords(&t, c.Text)
	return t
}

// ParseTypeText reads a type written as plain text.
func ParseTypeText(s string) TypeExpr {
	t := TypeExpr{Raw: s, Collection: mentionsCollection(s)}
	parseTypeWords(&t, s)
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

func parseTypeWords(t *TypeExpr, s string) {
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
			// "Коллекция (microsoft.graph.x)": the parenthesis holds the type
			s = inner
		} else {
			s = s[:i]
		}
	}
	if i := strings.IndexAny(s, ",;"); i > 0 {
		s = s[:i]
	}
	s = strings.NewReplacer("*", "", "`", "", "[]", "", "[", "", "]", "", "\\", "").Replace(s)
	s = strings.TrimSpace(s)
	if e, ok := primitiveWords[strings.TrimPrefix(s, "edm.")]; ok {
		t.Primitive = e
		return
	}
	var words []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".:;")
		if !fillerWords[w] && w != "" {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return
	}
	if e, ok := primitiveWords[strings.Join(words, " ")]; ok {
		t.Primitive = e
		return
	}
	for _, w := range words {
		if e, ok := primitiveWords[strings.TrimPrefix(w, "edm.")]; ok {
			t.Primitive = e
			return
		}
	}
	// A type name: keep the original case.
	t.Name = firstIdentifier(t.Raw)
}

// stopTokens are identifier-shaped words that never name a type in titles,
// headings and type cells.
var stopTokens = map[string]bool{
	"collection": true, "of": true, "enum": true, "resource": true, "type": true, "complex": true,
	"values": true, "value": true, "the": true, "a": true, "an": true, "and": true,
	"or": true, "object": true, "objects": true, "readonly": true, "enumeration": true, "none": true,
	"deprecated": true, "preview": true, "beta": true, "null": true, "nullable": true, "edm": true,
	"this": true, // "a subclass of this superclass"
}

// firstIdentifier returns the first identifier-shaped ASCII token in s that is
// not a filler word, or "".
func firstIdentifier(s string) string {
	for _, tok := range identifierTokens(s) {
		if !stopTokens[strings.ToLower(tok)] {
			return tok
		}
	}
	return ""
}

// lastIdentifier returns the last identifier-shaped ASCII token in s.
func lastIdentifier(s string) string {
	toks := identifierTokens(s)
	for i := len(toks) - 1; i >= 0; i-- {
		if !stopTokens[strings.ToLower(toks[i])] {
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

// jsonPlaceholderType reads the type a representation block's placeholder
// value implies ("String", "String (timestamp)", 1024, true,
// {"@odata.type": "microsoft.graph.x"}, ["String"]).
func jsonPlaceholderType(v *JSONValue) TypeExpr {
	if v == nil {
		return TypeExpr{}
	}
	switch v.Kind {
	case JSONArray:
		if len(v.Items) == 0 {
			return TypeExpr{Collection: true}
		}
		t := jsonPlaceholderType(v.Items[0])
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
			return ParseTypeText(strings.TrimSuffix(s[len("<unknown primitive type "):], ">"))
		case strings.HasPrefix(low, "string"), strings.Contains(low, "|"):
			return TypeExpr{Raw: s, Primitive: "Edm.String"}
		}
		t := ParseTypeText(s)
		if t.Primitive == "" && !strings.Contains(t.Name, ".") {
			// A free string value such as "Contoso": its type is String.
			return TypeExpr{Raw: s, Primitive: "Edm.String"}
		}
		return t
	}
	return TypeExpr{}
}
