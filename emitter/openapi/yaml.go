// YAML: the document's tree written as block YAML, keys sorted as in the
// JSON, with no library: every string that is not a plain name is double
// quoted, with YAML's escapes for what is not printable.

package openapi

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// encodeYAML writes the tree as YAML.
func encodeYAML(doc obj) ([]byte, error) {
	w := &yamlWriter{}
	w.buf.Grow(1 << 20)
	if err := w.mapping(doc, 0, false); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

type yamlWriter struct{ buf bytes.Buffer }

func (w *yamlWriter) pad(n int) {
	for range n {
		w.buf.WriteByte(' ')
	}
}

// mapping writes a non-empty mapping's entries at indent; with inline, the
// first entry goes on the current line (after "- ").
func (w *yamlWriter) mapping(m obj, indent int, inline bool) error {
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 || !inline {
			w.pad(indent)
		}
		writeYAMLString(&w.buf, k)
		w.buf.WriteByte(':')
		if err := w.node(m[k], indent); err != nil {
			return err
		}
	}
	return nil
}

// node writes a value after "key:" or "-": a scalar or empty collection
// on the same line, a mapping or sequence on the lines below.
func (w *yamlWriter) node(v any, indent int) error {
	switch v := v.(type) {
	case obj:
		if len(v) == 0 {
			w.buf.WriteString(" {}\n")
			return nil
		}
		w.buf.WriteByte('\n')
		return w.mapping(v, indent+2, false)
	case []any:
		if len(v) == 0 {
			w.buf.WriteString(" []\n")
			return nil
		}
		w.buf.WriteByte('\n')
		return w.sequence(v, indent+2)
	}
	w.buf.WriteByte(' ')
	if err := w.scalar(v); err != nil {
		return err
	}
	w.buf.WriteByte('\n')
	return nil
}

// sequence writes a non-empty sequence's items at indent.
func (w *yamlWriter) sequence(l []any, indent int) error {
	for _, v := range l {
		w.pad(indent)
		w.buf.WriteByte('-')
		if m, ok := v.(obj); ok && len(m) > 0 {
			w.buf.WriteByte(' ')
			if err := w.mapping(m, indent+2, true); err != nil {
				return err
			}
			continue
		}
		if err := w.node(v, indent); err != nil {
			return err
		}
	}
	return nil
}

// scalar writes a string, number, boolean or null.
func (w *yamlWriter) scalar(v any) error {
	switch v := v.(type) {
	case string:
		writeYAMLString(&w.buf, v)
	default:
		if !writeScalar(&w.buf, v) {
			return fmt.Errorf("yaml: no scalar for %T", v)
		}
	}
	return nil
}

// yamlString is a string as the YAML writer writes it.
func yamlString(s string) string {
	var b bytes.Buffer
	writeYAMLString(&b, s)
	return b.String()
}

// plain reports a string YAML reads as that string when written bare: a
// name (letters, digits, _ . -, not first a digit, dot or dash) that is no
// YAML 1.1 boolean or null.
func plain(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '-')) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}

// writeYAMLString writes a string bare when it is plain, else double
// quoted with YAML's escapes for what is not printable.
func writeYAMLString(b *bytes.Buffer, s string) {
	if plain(s) {
		b.WriteString(s)
		return
	}
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`) // not UTF-8: as encoding/json writes it
		case printable(r):
			b.WriteString(s[i : i+size])
		case r <= 0xFFFF:
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			fmt.Fprintf(b, `\U%08X`, r)
		}
		i += size
	}
	b.WriteByte('"')
}

// printable is YAML 1.2's printable set, less the line separators a
// reader may take for line breaks.
func printable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7E:
		return true
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
