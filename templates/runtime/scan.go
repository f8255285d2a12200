// Reading JSON text: the scanner the codec decodes with, one pass over the
// bytes. It validates as it goes (a value is read or skipped whole, or the
// input is reported as not JSON), so bytes are looked at once, not once
// per level of nesting.

package runtime

import (
	"encoding/json"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds nesting, as encoding/json does.
const maxDepth = 10000

// errSyntax marks input that is not JSON; syntaxError turns it into the
// error encoding/json gives for the same input.
var errSyntax = errors.New("invalid JSON")

// scanner reads one JSON document.
type scanner struct {
	data  []byte
	pos   int
	depth int
}

// syntaxError is encoding/json's error for data, which the scanner found
// not to be JSON (or, if encoding/json disagrees, a plain one at pos).
func syntaxError(data []byte, pos int) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	return &json.SyntaxError{Offset: int64(pos)}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace moves past white space and returns the next byte (0 at the
// end).
func (s *scanner) skipSpace() byte {
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		if !isSpace(c) {
			return c
		}
		s.pos++
	}
	return 0
}

// atEnd reports whether only white space is left.
func (s *scanner) atEnd() bool {
	s.skipSpace()
	return s.pos >= len(s.data)
}

// expect consumes the byte c after white space.
func (s *scanner) expect(c byte) error {
	if s.skipSpace() != c {
		return errSyntax
	}
	s.pos++
	return nil
}

// kindAt names the kind of the value starting at the next byte, for
// mismatch reports: "object", "array", "string", "number", "boolean",
// "null".
func kindOf(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// literal consumes the literal word (true, false, null).
func (s *scanner) literal(word string) error {
	if len(s.data)-s.pos < len(word) || string(s.data[s.pos:s.pos+len(word)]) != word {
		return errSyntax
	}
	s.pos += len(word)
	return nil
}

// number consumes a number and returns its text.
func (s *scanner) number() ([]byte, error) {
	start, d := s.pos, s.data
	i := s.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		return nil, errSyntax
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, errSyntax
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, errSyntax
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	s.pos = i
	return d[start:i], nil
}

// stringBytes consumes a string and returns its contents: the bytes of the
// input when the string has no escapes and is valid UTF-8 (the caller must
// copy them to keep them), else unescaped into a new slice, with invalid
// UTF-8 replaced by U+FFFD as encoding/json does.
func (s *scanner) stringBytes() ([]byte, error) {
	d := s.data
	if s.pos >= len(d) || d[s.pos] != '"' {
		return nil, errSyntax
	}
	start := s.pos + 1
	i := start
	ascii := true
	for i < len(d) {
		c := d[i]
		if c == '"' {
			s.pos = i + 1
			if ascii || utf8.Valid(d[start:i]) {
				return d[start:i], nil
			}
			return []byte(string([]rune(string(d[start:i])))), nil // U+FFFD for each invalid byte
		}
		if c == '\\' {
			return s.unescape(start)
		}
		if c < 0x20 {
			return nil, errSyntax
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
		i++
	}
	return nil, errSyntax
}

// unescape reads a string with escapes, from its first byte after the
// opening quote.
func (s *scanner) unescape(start int) ([]byte, error) {
	d := s.data
	out := make([]byte, 0, 32)
	i := start
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			s.pos = i + 1
			return out, nil
		case c < 0x20:
			return nil, errSyntax
		case c == '\\':
			if i+1 >= len(d) {
				return nil, errSyntax
			}
			switch e := d[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
				i += 2
			case 'b':
				out, i = append(out, '\b'), i+2
			case 'f':
				out, i = append(out, '\f'), i+2
			case 'n':
				out, i = append(out, '\n'), i+2
			case 'r':
				out, i = append(out, '\r'), i+2
			case 't':
				out, i = append(out, '\t'), i+2
			case 'u':
				r, ok := hex4(d, i+2)
				if !ok {
					return nil, errSyntax
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok2 = hex4(d, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, errSyntax
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			i += size
			out = utf8.AppendRune(out, r) // RuneError for an invalid byte
		}
	}
	return nil, errSyntax
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// skip consumes one value whole, validating it. spaced reports white space
// outside strings within it (a value kept as it came is compacted only
// then).
func (s *scanner) skip() (spaced bool, err error) {
	switch s.skipSpace() {
	case '{':
		return s.skipContainer('{', '}')
	case '[':
		return s.skipContainer('[', ']')
	case '"':
		return false, s.skipString()
	case 't':
		return false, s.literal("true")
	case 'f':
		return false, s.literal("false")
	case 'n':
		return false, s.literal("null")
	}
	_, err = s.number()
	return false, err
}

// skipString consumes a string without unescaping it.
func (s *scanner) skipString() error {
	d := s.data
	i := s.pos + 1
	for i < len(d) {
		switch c := d[i]; {
		case c == '"':
			s.pos = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(d) {
				return errSyntax
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := hex4(d, i+2); !ok {
					return errSyntax
				}
				i += 6
			default:
				return errSyntax
			}
		case c < 0x20:
			return errSyntax
		default:
			i++
		}
	}
	return errSyntax
}

// skipContainer consumes an object or an array.
func (s *scanner) skipContainer(open, close byte) (spaced bool, err error) {
	if s.depth++; s.depth > maxDepth {
		return false, errSyntax
	}
	defer func() { s.depth-- }()
	s.pos++ // the opening bracket
	first := true
	for {
		before := s.pos
		c := s.skipSpace()
		spaced = spaced || s.pos != before
		if c == close && first {
			s.pos++
			return spaced, nil
		}
		if open == '{' {
			if c != '"' {
				return spaced, errSyntax
			}
			if err := s.skipString(); err != nil {
				return spaced, err
			}
			before = s.pos
			if err := s.expect(':'); err != nil {
				return spaced, err
			}
			spaced = spaced || s.pos != before+1
		}
		before = s.pos
		s.skipSpace()
		spaced = spaced || s.pos != before
		inner, err := s.skip()
		spaced = spaced || inner
		if err != nil {
			return spaced, err
		}
		before = s.pos
		c = s.skipSpace()
		spaced = spaced || s.pos != before
		s.pos++
		switch c {
		case ',':
			first = false
			continue
		case close:
			return spaced, nil
		}
		return spaced, errSyntax
	}
}

// next reads the separator after a member or element: true at a comma,
// false at the closing bracket.
func (s *scanner) next(close byte) (more bool, err error) {
	switch s.skipSpace() {
	case ',':
		s.pos++
		return true, nil
	case close:
		s.pos++
		return false, nil
	}
	return false, errSyntax
}

// compact returns a copy of raw without white space outside strings.
func compact(raw []byte, spaced bool) []byte {
	if !spaced {
		return append([]byte(nil), raw...)
	}
	out := make([]byte, 0, len(raw))
	in := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case in && c == '\\' && i+1 < len(raw):
			out = append(out, c, raw[i+1])
			i++
			continue
		case c == '"':
			in = !in
		case !in && isSpace(c):
			continue
		}
		out = append(out, c)
	}
	return out
}
