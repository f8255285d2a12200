package main

import (
	"sync"
	"testing"
)

// testHooks is the command as a test runs it: with a cache folder of the
// test's own (testCacheDir), never the user's.
func testHooks(t testing.TB) hooks {
	h := defaultHooks()
	h.cacheDir = testCacheDir(t)
	return h
}

// testCaches holds each running test's cache folder.
var testCaches sync.Map // testing.TB -> string

// testCacheDir is the test's cache folder: the same for every run of one
// test, so its reruns find what its runs recorded.
func testCacheDir(t testing.TB) string {
	if dir, ok := testCaches.Load(t); ok {
		return dir.(string)
	}
	dir := t.TempDir()
	testCaches.Store(t, dir)
	t.Cleanup(func() { testCaches.Delete(t) })
	return dir
}
