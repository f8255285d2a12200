//go:build unix

// Unusable inputs that are FIFOs: gen diff, a page and -schema-out read
// back; each must be refused at once, never waited on.

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fifo makes a FIFO at path. Should a test find a reader blocked on it,
// the cleanup opens it for writing and closes it, so the reader gets an
// end of file and its goroutine ends.
func fifo(t *testing.T, path string) {
	t.Helper()
	require.NoError(t, syscall.Mkfifo(path, 0o644))
	t.Cleanup(func() {
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
}

func TestDiffRefusesAFIFO(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "schema.json")
	fifo(t, pipe)
	pages := writePages(t, basePages())
	for _, args := range [][]string{{"diff", pipe, pages}, {"diff", pages, pipe}} {
		var code int
		var stderr string
		within(t, "gen diff with a FIFO", func() { code, _, stderr = genOut(t, args...) })
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Contains(t, stderr, "gen diff: "+pipe+": not a regular file: a FIFO")
	}
}

func TestAPageThatBecameAFIFOIsNotWaitedOn(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "page.md")
	fifo(t, pipe)
	f := pageFile{rel: "page.md", path: pipe}
	within(t, "reading a page that is a FIFO", func() { plainReader(".").readFile(&f) })
	assert.True(t, f.skip)
	require.Len(t, f.diag, 1)
	assert.Equal(t, "page.md:1:1: warning: unreadable: not a regular file: a FIFO", f.diag[0].String())
}

// writeSchemaOut runs gen with -schema-out once and returns its flags.
func writeSchemaOut(t *testing.T) (in, out, schemaFile string) {
	t.Helper()
	in, out = copyDocsInput(t)
	schemaFile = filepath.Join(t.TempDir(), "schema.json")
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-schema-out", schemaFile)
	require.Equal(t, exitOK, code, stderr)
	return in, out, schemaFile
}

func TestRunCacheDoesNotWaitOnASchemaOutFIFO(t *testing.T) {
	in, out, schemaFile := writeSchemaOut(t)
	// Replaced by a FIFO: the run cache does not hash it (it would wait for
	// a writer); the rerun writes the schema file again.
	require.NoError(t, os.Remove(schemaFile))
	fifo(t, schemaFile)
	var code int
	var stderr string
	within(t, "a rerun with -schema-out a FIFO", func() { code, _, stderr = genOut(t, "-in", in, "-out", out, "-schema-out", schemaFile) })
	require.Equal(t, exitOK, code, stderr)
	info, err := os.Lstat(schemaFile)
	require.NoError(t, err)
	assert.True(t, info.Mode().IsRegular(), "the schema file is written again")
}

func TestCheckDoesNotWaitOnASchemaOutFIFO(t *testing.T) {
	in, out, schemaFile := writeSchemaOut(t)
	// -check on a stale -out reads the previous schema back: a FIFO there
	// gets a note, not a wait.
	require.NoError(t, os.Remove(schemaFile))
	fifo(t, schemaFile)
	editPage(t, filepath.Join(in, "book.md"), "| edition | Int16 | The edition number. |\n", "")
	var code int
	var stdout, stderr string
	within(t, "-check with -schema-out a FIFO", func() {
		code, stdout, stderr = genOut(t, "-in", in, "-out", out, "-schema-out", schemaFile, "-check")
	})
	assert.Equal(t, exitError, code, stderr)
	assert.Contains(t, stdout, "gen: "+schemaFile+": not a regular file: a FIFO; no schema-level summary")
	assert.Contains(t, stdout, "changed "+filepath.Join(out, "book.go"))
}
