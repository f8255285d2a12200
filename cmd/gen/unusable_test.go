// Unusable inputs named on the command line: devices, files over the size
// bound, inputs with no types (FIFOs, unix only, are in unusable_unix_test.go).

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within runs f and fails the test when it has not returned after 20 s,
// so that a read that blocks fails the test instead of hanging it.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still blocked after 20 s", what)
	}
}

func TestDiffRefusesADevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	pages := writePages(t, basePages())
	for _, args := range [][]string{{"diff", "/dev/zero", pages}, {"diff", pages, "/dev/zero"}} {
		var code int
		var stderr string
		within(t, fmt.Sprint(args), func() { code, _, stderr = genOut(t, args...) })
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Contains(t, stderr, "gen diff: /dev/zero: not a regular file: a character device")
	}
	f := pageFile{rel: "zero.md", path: "/dev/zero"}
	plainReader(".").readFile(&f)
	assert.True(t, f.skip, "a page that became a device is not read")
	require.Len(t, f.diag, 1)
	assert.Equal(t, "zero.md:1:1: warning: unreadable: not a regular file: a character device", f.diag[0].String())
}

func TestAPageThatBecameASymlinkIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	writeFile(t, secret, "not for the docs")
	link := filepath.Join(dir, "page.md")
	if err := os.Symlink(secret, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	// Listed as a regular file, then swapped for a link before it is read.
	f := pageFile{rel: "page.md", path: link}
	plainReader(".").readFile(&f)
	assert.True(t, f.skip)
	assert.Nil(t, f.data)
	require.Len(t, f.diag, 1)
	assert.Equal(t, "page.md:1:1: warning: unreadable: not a regular file: a symbolic link, not followed", f.diag[0].String())
}

func TestDiffRefusesATooLargeSchemaFile(t *testing.T) {
	require.GreaterOrEqual(t, maxSchemaBytes, 64<<20, "room for real schemas (bilingual beta's is 6.7 MB)")
	big := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(maxSchemaBytes+1)) // sparse: nothing is written
	require.NoError(t, f.Close())
	code, _, stderr := genOut(t, "diff", big, writePages(t, basePages()))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, fmt.Sprintf("gen diff: %s: %d bytes, over the %d-byte limit", big, maxSchemaBytes+1, maxSchemaBytes))

	// A symbolic link to a usable file is followed.
	if err := os.Symlink(big, filepath.Join(filepath.Dir(big), "link.json")); err == nil {
		code, _, stderr = genOut(t, "diff", filepath.Join(filepath.Dir(big), "link.json"), writePages(t, basePages()))
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, "over the")
	}
}

func TestDiffRefusesAnInputWithNoTypes(t *testing.T) {
	pages := writePages(t, basePages())
	empty := t.TempDir()
	noTypes := writePages(t, map[string]string{"overview.md": "---\ndoc_type: conceptualPageType\n---\n# Overview\n\nNothing here.\n"})
	v2 := filepath.Join(t.TempDir(), "v2.json")
	require.NoError(t, os.WriteFile(v2, []byte(`{"version":2}`), 0o644))
	for _, c := range []struct{ in, why string }{
		{empty, "no page under this folder describes a type or an enum"},
		{noTypes, "no page under this folder describes a type or an enum"},
		{v2, "this schema file lists no type"},
	} {
		for _, args := range [][]string{{"diff", "-fail-on", "breaking", c.in, pages}, {"diff", "-fail-on", "breaking", pages, c.in}} {
			code, stdout, stderr := genOut(t, args...)
			assert.Equal(t, exitUsage, code, "a mistyped path must not pass a CI gate: %v", args)
			assert.Empty(t, stdout, "no report")
			assert.Contains(t, stderr, "gen diff: "+c.in+": "+c.why)
			assert.Contains(t, stderr, "pass -allow-empty if an input without types is meant")
		}
	}

	// -allow-empty: it is meant; everything is added, nothing breaks.
	for _, old := range []string{empty, v2} {
		code, r, stderr := runDiffJSON(t, "-allow-empty", "-fail-on", "breaking", old, pages)
		assert.Equal(t, exitOK, code, stderr)
		assert.NotEmpty(t, r.Changes)
		assert.Zero(t, r.Summary.Breaking)
		code, r, _ = runDiffJSON(t, "-allow-empty", pages, old)
		assert.Equal(t, exitError, code, "everything removed")
		assert.NotZero(t, r.Summary.Breaking)
	}
	code, r, _ := runDiffJSON(t, "-allow-empty", empty, v2)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, r.Changes)
}
