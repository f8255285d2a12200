package cache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file is in place only for the build that rendered it: another build
// may render the same fingerprint otherwise.
func TestInPlaceOnlyForTheSameBuild(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "book.go"), []byte("package models\n"), 0o644))
	e := &record{Executable: "build-a", Fingerprints: map[string]string{"book.go": "fp"}}
	e.Outputs = outputsStamps(dir, []string{"book.go"})
	same := e.inPlace(dir, "build-a")
	require.NotNil(t, same)
	assert.True(t, same("book.go", "fp"))
	assert.False(t, same("book.go", "other"), "another fingerprint")
	assert.Nil(t, e.inPlace(dir, "build-b"), "another build renders everything")
	assert.Nil(t, e.inPlace(dir, ""), "an unknown build renders everything")
}

// A record reads back as written.
func TestRecordRoundTrip(t *testing.T) {
	e := &record{Key: "k", InputID: fileIdentity{Dev: 1, Ino: 2}, Executable: "go:x", Inputs: "i",
		Outputs: map[string]Stamp{"a.go": {Size: 3, MTime: 4, ID: fileIdentity{Dev: 5, Ino: 6, Ctime: 7}}}, SchemaOut: "s", OpenAPIOut: "o",
		Pages: 1, Types: 2, Enums: 3, GoFiles: 4, PageStamps: map[string]pageStamp{"a.md": {Stamp{Size: 8}, "h"}},
		Fingerprints: map[string]string{"a.go": "f"}, Written: 9}
	back, err := decodeRecord(e.encode())
	require.NoError(t, err)
	assert.Equal(t, e, back)
}

// A record is this invocation's on this -in folder only.
func TestRecordBelongsToItsKeyAndFolder(t *testing.T) {
	in := t.TempDir()
	e := &record{Key: "k", InputID: folderID(in)}
	assert.Same(t, e, e.belongsTo("k", folderID(in)))
	assert.Nil(t, e.belongsTo("other", folderID(in)), "another invocation's")
	assert.Nil(t, e.belongsTo("k", folderID(t.TempDir())), "another folder's")
}
