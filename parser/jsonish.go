package parser

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSONValue is a value read by the tolerant JSON reader. The pages' JSON is
// often not valid JSON (trailing commas, /* comments */, missing commas,
// NBSP, unquoted placeholders), yet its keys are the most reliable names a
// page has, so the reader keeps going where encoding/json would stop, and
// remembers where each value starts.
type JSONValue struct {
	Kind   JSONKind
	Offset int         // offset of the value's first byte in the parsed text
	Str    string      // string contents, number or literal text
	Keys   []JSONField // object members in source order
	Items  []*JSONValue
}

// JSONKind is the kind of a JSONValue.
type JSONKind int

// JSON value kinds. Bare words other than true/false/null read as JSONBare.
const (
	JSONNull JSONKind = iota
	JSONBool
	JSONNumber
	JSONString
	JSONObject
	JSONArray
	JSONBare
)

// JSONField is one object member.
type JSONField struct {
	Name      string
	KeyOffset int
	Value     *JSONValue
}

// Get returns the value of the first member named name, or nil.
func (v *JSONValue) Get(name string) *JSONValue {
	if v == nil {
		return nil
	}
	for _, f := range v.Keys {
		if f.Name == name {
			return f.Value
		}
	}
	return nil
}

// GetFold is Get with a case-insensitive name.
func (v *JSONValue) GetFold(name string) *JSONValue {
	if v == nil {
		return nil
	}
	for _, f := range v.Keys {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return nil
}

// JSONProblem is a place where the text is not valid JSON.
type JSONProblem struct {
	Offset  int
	Message string
}

type jsonReader struct {
	s        string
	pos      int
	problems []JSONProblem
	depth    int
}

const maxJSONDepth = 200

// ParseJSONish reads the first JSON value in s. It never fails: problems are
// reported and the value holds what could be read.
func ParseJSONish(s string) (*JSONValue, []JSONProblem) {
	r := &jsonReader{s: s}
	r.space()
	if r.pos >= len(s) {
		r.problem("no JSON value")
		return nil, r.problems
	}
	v := r.value()
	return v, r.problems
}

func (r *jsonReader) problem(msg string) { r.problemAt(r.pos, msg) }

func (r *jsonReader) problemAt(off int, msg string) {
	r.problems = append(r.problems, JSONProblem{Offset: off, Message: msg})
}

// space skips white space (NBSP and other Unicode spaces included) and
// comments, reporting comments as problems: JSON has none.
func (r *jsonReader) space() {
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			r.pos++
		case c == '/' && strings.HasPrefix(r.s[r.pos:], "/*"):
			r.problem("comment in JSON")
			end := strings.Index(r.s[r.pos+2:], "*/")
			if end < 0 {
				r.pos = len(r.s)
			} else {
				r.pos += end + 4
			}
		case c == '/' && strings.HasPrefix(r.s[r.pos:], "//"):
			r.problem("comment in JSON")
			end := strings.IndexByte(r.s[r.pos:], '\n')
			if end < 0 {
				r.pos = len(r.s)
			} else {
				r.pos += end
			}
		case c >= utf8.RuneSelf:
			ru, n := utf8.DecodeRuneInString(r.s[r.pos:])
			if ru == '\u00a0' || ru == '\u202f' || ru == '\u200b' || ru == '\ufeff' || ru == '\u2003' || ru == '\u2002' {
				r.problem("non-ASCII space in JSON")
				r.pos += n
				continue
			}
			return
		default:
			return
		}
	}
}

func (r *jsonReader) value() *JSONValue {
	r.space()
	v := &JSONValue{Offset: r.pos}
	if r.pos >= len(r.s) {
		r.problem("unexpected end of JSON")
		v.Kind = JSONNull
		return v
	}
	switch c := r.s[r.pos]; {
	case c == '{':
		v.Kind = JSONObject
		r.object(v)
	case c == '[':
		v.Kind = JSONArray
		r.array(v)
	case c == '"':
		v.Kind = JSONString
		v.Str = r.str()
	case c == '-' || (c >= '0' && c <= '9'):
		v.Kind = JSONNumber
		v.Str = r.bare()
	default:
		word := r.bare()
		switch word {
		case "true", "false":
			v.Kind, v.Str = JSONBool, word
		case "null":
			v.Kind = JSONNull
		case "":
			r.problem("unexpected character " + strconv.QuoteRune(rune(c)))
			r.pos++
			v.Kind = JSONBare
		default:
			r.problem("bare word " + strconv.Quote(word) + " in JSON")
			v.Kind, v.Str = JSONBare, word
		}
	}
	return v
}

// bare reads a number or an unquoted word up to a delimiter.
func (r *jsonReader) bare() string {
	start := r.pos
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		if c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '{' || c == '[' {
			break
		}
		r.pos++
	}
	return r.s[start:r.pos]
}

func (r *jsonReader) str() string {
	r.pos++ // opening quote
	var b strings.Builder
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		switch {
		case c == '"':
			r.pos++
			return b.String()
		case c == '\\' && r.pos+1 < len(r.s):
			esc := r.s[r.pos+1]
			switch esc {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b', 'f':
			case 'u':
				if r.pos+6 <= len(r.s) {
					if n, err := strconv.ParseUint(r.s[r.pos+2:r.pos+6], 16, 32); err == nil {
						b.WriteRune(rune(n))
						r.pos += 6
						continue
					}
				}
				b.WriteByte('u')
			default:
				b.WriteByte(esc)
			}
			r.pos += 2
		case c == '\n':
			r.problem("newline in JSON string")
			b.WriteByte(c)
			r.pos++
		default:
			b.WriteByte(c)
			r.pos++
		}
	}
	r.problem("unterminated JSON string")
	return b.String()
}

func (r *jsonReader) enter() bool {
	r.depth++
	if r.depth > maxJSONDepth {
		r.problem("JSON nested too deeply")
		r.pos = len(r.s)
		return false
	}
	return true
}

func (r *jsonReader) object(v *JSONValue) {
	r.pos++ // {
	if !r.enter() {
		return
	}
	defer func() { r.depth-- }()
	expectComma := false
	for {
		r.space()
		if r.pos >= len(r.s) {
			r.problem("unterminated JSON object")
			return
		}
		c := r.s[r.pos]
		switch {
		case c == '}':
			r.pos++
			return
		case c == ',':
			r.comma('}', "object")
			expectComma = false
			continue
		case c == ']':
			r.problem("unexpected ] in JSON object")
			r.pos++
			continue
		}
		if expectComma {
			r.problem("missing comma in JSON object")
		}
		keyOff := r.pos
		var key string
		if c == '"' {
			key = r.str()
		} else {
			key = r.bare()
			if key == "" {
				r.problem("unexpected character " + strconv.QuoteRune(rune(c)))
				r.pos++
				continue
			}
			r.problem("unquoted key " + strconv.Quote(key))
		}
		r.space()
		if r.pos < len(r.s) && r.s[r.pos] == ':' {
			r.pos++
		} else {
			r.problem("missing colon after key " + strconv.Quote(key))
		}
		val := r.value()
		v.Keys = append(v.Keys, JSONField{Name: key, KeyOffset: keyOff, Value: val})
		expectComma = true
	}
}

func (r *jsonReader) array(v *JSONValue) {
	r.pos++ // [
	if !r.enter() {
		return
	}
	defer func() { r.depth-- }()
	expectComma := false
	for {
		r.space()
		if r.pos >= len(r.s) {
			r.problem("unterminated JSON array")
			return
		}
		switch r.s[r.pos] {
		case ']':
			r.pos++
			return
		case ',':
			r.comma(']', "array")
			expectComma = false
			continue
		case '}':
			r.problem("unexpected } in JSON array")
			r.pos++
			continue
		}
		if expectComma {
			r.problem("missing comma in JSON array")
		}
		v.Items = append(v.Items, r.value())
		expectComma = true
	}
}

// comma steps over a separator, reporting it when the closing bracket
// follows (a trailing comma), at the comma itself.
func (r *jsonReader) comma(closing byte, what string) {
	at := r.pos
	r.pos++
	r.space()
	if r.pos < len(r.s) && r.s[r.pos] == closing {
		r.problemAt(at, "trailing comma in JSON "+what)
	}
}
