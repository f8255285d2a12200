package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mountTmpfs mounts a tmpfs of the given size at a new folder, or skips the
// test where mounting is not allowed (not root, no tmpfs).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("skipped: cannot mount a tmpfs here (%v: %s)", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

func changeAPage(t *testing.T, in string) {
	t.Helper()
	page := filepath.Join(in, "author.md")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, bytes.Replace(b, []byte("Имя автора."), []byte("Полное имя автора."), 1), 0o644))
}

func TestReadOnlyOutputFailsClearly(t *testing.T) {
	in, _ := copyDocsInput(t)
	mnt := mountTmpfs(t, "4m")
	out := filepath.Join(mnt, "models")
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	before := goFiles(t, out)
	out2, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput()
	require.NoError(t, err, "%s", out2)
	changeAPage(t, in)
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-no-cache")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "error: write:")
	assert.Contains(t, stderr, "read-only file system")
	assert.Equal(t, before, goFiles(t, out), "the old output is intact")
}

func TestFullDiskFailsClearly(t *testing.T) {
	in, _ := copyDocsInput(t)
	mnt := mountTmpfs(t, "2m")
	out := filepath.Join(mnt, "models")
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	before := goFiles(t, out)
	// Fill what is left of the disk.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	require.NoError(t, err)
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	filler.Close()
	changeAPage(t, in)
	// Make every file change, so that more must be written than fits.
	for _, name := range []string{"book.md", "member.md", "shelf.md", "entity.md"} {
		p := filepath.Join(in, name)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(p, append(b, []byte("\n"+strings.Repeat("More prose. ", 10))...), 0o644))
	}
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-no-cache")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "no space left on device")
	assert.Equal(t, before, goFiles(t, out), "the old output is intact")
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".gen-"), "no temporary file is left: %s", e.Name())
	}
}
