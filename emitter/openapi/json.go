// JSON: the document's tree written indented, keys sorted, by hand rather
// than by encoding/json, which sorts each map's keys by reflection and
// indents a second copy of the output: half the memory, and no HTML
// escapes (descriptions keep their < and &).

package openapi

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// encodeJSON writes the tree as indented JSON.
func encodeJSON(doc obj) ([]byte, error) {
	w := &jsonWriter{}
	w.buf.Grow(1 << 20)
	if err := w.value(doc, 0); err != nil {
		return nil, err
	}
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}

type jsonWriter struct{ buf bytes.Buffer }

func (w *jsonWriter) newline(indent int) {
	w.buf.WriteByte('\n')
	for range indent {
		w.buf.WriteString("  ")
	}
}

func (w *jsonWriter) value(v any, indent int) error {
	switch v := v.(type) {
	case obj:
		if len(v) == 0 {
			w.buf.WriteString("{}")
			return nil
		}
		w.buf.WriteByte('{')
		for i, k := range slices.Sorted(maps.Keys(v)) {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.newline(indent + 1)
			jsonString(&w.buf, k)
			w.buf.WriteString(": ")
			if err := w.value(v[k], indent+1); err != nil {
				return err
			}
		}
		w.newline(indent)
		w.buf.WriteByte('}')
	case []any:
		if len(v) == 0 {
			w.buf.WriteString("[]")
			return nil
		}
		w.buf.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.newline(indent + 1)
			if err := w.value(x, indent+1); err != nil {
				return err
			}
		}
		w.newline(indent)
		w.buf.WriteByte(']')
	case string:
		jsonString(&w.buf, v)
	default:
		if !writeScalar(&w.buf, v) {
			return fmt.Errorf("json: no value for %T", v)
		}
	}
	return nil
}

// writeScalar writes a boolean, a number or null as JSON writes it, which
// YAML reads the same; false for any other value.
func writeScalar(buf *bytes.Buffer, v any) bool {
	switch v := v.(type) {
	case bool:
		buf.WriteString(strconv.FormatBool(v))
	case int:
		buf.WriteString(strconv.Itoa(v))
	case int64:
		buf.WriteString(strconv.FormatInt(v, 10))
	case float64:
		buf.WriteString(formatFloat(v))
	case nil:
		buf.WriteString("null")
	default:
		return false
	}
	return true
}

// jsonString writes s quoted as encoding/json does without HTML escapes:
// control characters, U+2028 and U+2029 escaped, bytes that are not UTF-8
// as U+FFFD.
func jsonString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&0xF])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// formatFloat writes a number as encoding/json does: without an exponent
// from 1e-6 to 1e21.
func formatFloat(f float64) string {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-09 is e-9
		b = b[:n-1]
	}
	return string(b)
}
