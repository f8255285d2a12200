//go:build !unix

package emitter

// lockDir is a no-op where advisory folder locks are not available.
func lockDir(dir string) (func(), error) { return func() {}, nil }
