package main

import (
	"os"
	"testing"
)

// TestMain keeps the run cache of the tests out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gen-test-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
