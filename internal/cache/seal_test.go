package cache

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/parser"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A sealed file reads back as its parts; any other file is a miss that
// says why.
func TestSealedFilesAndMisses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.run")
	n, err := writeSealed(dir, path, "key", []byte("one"), nil, []byte("three"))
	require.NoError(t, err)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, int64(len(data)), n)
	parts, err := readSealed(path, "key", 3)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte("one"), {}, []byte("three")}, parts)

	old := append([]byte("graphgen cache 7\n"), data[len(magic):]...)
	cut := data[:len(data)-1]
	flipped := append([]byte(nil), data...)
	flipped[len(flipped)-2] ^= 0xff
	for _, c := range []struct {
		name string
		data []byte
		key  string
		n    int
		want error
	}{
		{"another version", old, "key", 3, errVersion},
		{"not a cache file", []byte("{not json"), "key", 3, errVersion},
		{"another key's", data, "other", 3, errForeign},
		{"cut short", cut, "key", 3, errDamaged},
		{"a byte changed", flipped, "key", 3, errDamaged},
		{"another number of parts", data, "key", 2, errParts},
	} {
		_, err := unsealed(c.key, c.data, c.n)
		assert.ErrorIs(t, err, c.want, c.name)
	}
	_, err = readSealed(filepath.Join(dir, "none"), "key", 1)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// No encoding cut short, or changed in any byte, makes a decoder panic:
// each returns an error or a value, and a bug in one fails here instead
// of making runs silently slower.
func TestDecodersNeverPanic(t *testing.T) {
	page := encodePageAlone(fullPage())
	s := resolvePages(t, map[string]string{
		"book.md": "# book resource type\n\nNamespace: microsoft.graph\n\nA book. Inherits from [item](item.md).\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| title | String | The title. |\n| shelf | [item](item.md) | Where. |\n",
		"item.md": "# item resource type\n\nNamespace: microsoft.graph\n\nAn item.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n",
	})
	encodedSchema, err := encodeSchema(s)
	require.NoError(t, err)
	record := (&record{Key: "k", Outputs: map[string]Stamp{"a.go": {Size: 3}}, PageStamps: map[string]pageStamp{"a.md": {Hash: "h"}},
		Fingerprints: map[string]string{"a.go": "f"}}).encode()
	state := (&resolvedState{SchemaID: "s", Hashes: map[string]string{"a.md": "h"}, Edits: map[string][]string{"a.md": {"x", ""}}}).encode()
	prose := encodeProse(&prose{Pages: []string{"a.md"}, Origins: []origin{{0, 1}, {-1, -1}}})
	chunk := encodeSnapshotChunk([]*parser.Page{fullPage()}, map[string]string{"a/b.md": "h"})
	decoders := map[string]struct {
		data   []byte
		decode func([]byte) error
	}{
		"page":     {page, func(b []byte) error { _, err := decodePageAlone(b); return err }},
		"schema":   {encodedSchema, func(b []byte) error { _, err := decodeSchema(b); return err }},
		"record":   {record, func(b []byte) error { _, err := decodeRecord(b); return err }},
		"state":    {state, func(b []byte) error { _, err := decodeState(b); return err }},
		"prose":    {prose, func(b []byte) error { _, err := decodeProse(b); return err }},
		"snapshot": {chunk, func(b []byte) error { _, err := decodeSnapshotChunk(b); return err }},
	}
	for name, d := range decoders {
		require.NoError(t, d.decode(d.data), name)
		for i := range d.data {
			assert.Error(t, d.decode(d.data[:i]), "%s cut to %d bytes", name, i)
			changed := append([]byte(nil), d.data...)
			for _, x := range []byte{0x01, 0x80, 0xff} {
				changed[i] = d.data[i] ^ x
				assert.NotPanics(t, func() { d.decode(changed) }, "%s, byte %d changed", name, i)
			}
		}
	}
}
