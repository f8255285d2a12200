package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The build is identified by the Go build ID the linker embedded in the
// ELF note (the one `go tool buildid` prints): four parts, the last a hash
// of the binary's content.
func TestBuildIdentityIsTheGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	data, err := os.ReadFile(exe)
	require.NoError(t, err)
	id := elfBuildID(bytes.NewReader(data))
	require.Len(t, strings.Split(id, "/"), 4, id)
	assert.Equal(t, "go:"+id, buildIdentity(exe))
	assert.Equal(t, buildIdentity(exe), buildID())
}

// Two builds of gen at the same path with the same size and modification
// time (as build systems that set every modification time to one value
// make them) are two builds: nothing is remembered by path, size and
// modification time. The second build here is the test binary with
// another build ID (what a rebuild from other sources has); a file with
// no build ID is told by its content.
func TestBuildsSharingAStampAreTwoBuilds(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	one, err := os.ReadFile(exe)
	require.NoError(t, err)
	id := strings.TrimPrefix(buildIdentity(exe), "go:")
	require.NotEmpty(t, id)
	other := []byte(id)
	if other[len(other)-1] != 'a' {
		other[len(other)-1] = 'a'
	} else {
		other[len(other)-1] = 'b'
	}
	two := bytes.ReplaceAll(one, []byte(id), other)
	require.Len(t, two, len(one))

	path := filepath.Join(t.TempDir(), "gen")
	stamp := time.Unix(1, 0) // Nix sets every modification time to this
	put := func(content []byte) string {
		t.Helper()
		require.NoError(t, os.WriteFile(path, content, 0o755))
		require.NoError(t, os.Chtimes(path, stamp, stamp))
		first := buildIdentity(path)
		require.Equal(t, first, buildIdentity(path), "the same build, read again")
		return first
	}
	a := put(one)
	b := put(two)
	assert.NotEqual(t, a, b, "two builds")
	assert.Equal(t, "go:"+id, a)
	assert.Equal(t, "go:"+string(other), b)

	plain := put([]byte("#!/bin/sh\necho one\n"))
	assert.True(t, strings.HasPrefix(plain, "sha256:"), plain)
	assert.NotEqual(t, plain, put([]byte("#!/bin/sh\necho two\n")), "no build ID: the content")
}

func TestRawBuildID(t *testing.T) {
	data := append(bytes.Repeat([]byte{0}, 100), "\xff Go build ID: \"abc/def\"\n \xff"...)
	assert.Equal(t, "abc/def", rawBuildID(data))
	assert.Equal(t, "", rawBuildID([]byte("\xff Go build ID: \"abc")))
	assert.Equal(t, "", rawBuildID(nil))
}
