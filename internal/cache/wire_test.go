package cache

import (
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/stretchr/testify/assert"
)

func TestRoundTrip(t *testing.T) {
	var w writer
	w.Uint(300)
	w.Int(-5)
	w.Str("zeichenfolge")
	w.Bool(true)
	w.Strs([]string{"a", ""})
	w.Strs(nil)
	w.Diags(diag.List{{File: "a.md", Line: 3, Col: 4, Severity: diag.Warning, Code: "bad-table", Message: "m"}})
	r := newReader(w.buf)
	assert.Equal(t, uint64(300), r.Uint())
	assert.Equal(t, int64(-5), r.Int())
	assert.Equal(t, "zeichenfolge", r.Str())
	assert.True(t, r.Bool())
	assert.Equal(t, []string{"a", ""}, r.Strs())
	assert.Nil(t, r.Strs())
	assert.Equal(t, diag.List{{File: "a.md", Line: 3, Col: 4, Severity: diag.Warning, Code: "bad-table", Message: "m"}}, r.Diags())
	assert.True(t, r.Done())
}

// A read that does not fit fails, and every read after it gives zero.
func TestReadsThatDoNotFit(t *testing.T) {
	for name, data := range map[string][]byte{
		"a varint cut short":        {0x80},
		"a length past the end":     {5, 'a'},
		"a boolean that is not one": {2},
	} {
		r := newReader(data)
		switch name {
		case "a boolean that is not one":
			assert.False(t, r.Bool(), name)
		default:
			assert.Equal(t, "", r.Str(), name)
		}
		assert.ErrorIs(t, r.Err(), errFormat, name)
		assert.False(t, r.Done(), name)
		assert.Equal(t, uint64(0), r.Uint(), name)
	}
}

// A reader that owns its data reads the same, without a copy.
func TestOwningReader(t *testing.T) {
	var w writer
	w.Str("shared")
	r := newReaderOwning(w.buf)
	assert.Equal(t, "shared", r.Str())
	assert.True(t, r.Done())
	assert.True(t, newReaderOwning(nil).Done())
}
