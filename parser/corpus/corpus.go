// Package corpus finds the shared corpus of real documentation pages
// (../shared beside the repository) for tests and benchmarks. The pages
// are never copied into the project; where they are absent, tests skip.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root (the folder holding go.mod), or "".
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Shared returns the path of ../shared joined with parts, or "" when it
// does not exist.
func Shared(parts ...string) string {
	root := Root()
	if root == "" {
		return ""
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns Shared(parts...) or skips the test with a message
// saying what is missing.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := Shared(parts...)
	if p == "" {
		tb.Skipf("skipped: %s not found (the shared corpus lives in ../shared beside the repository)",
			filepath.Join(append([]string{"..", "shared"}, parts...)...))
	}
	return p
}
