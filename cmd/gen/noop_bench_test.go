package main

import (
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkNoOpRerun is a rerun on unchanged pages with the output in place.
func BenchmarkNoOpRerun(b *testing.B) {
	in := benchInput(b)
	out := filepath.Join(b.TempDir(), "models")
	if code := run([]string{"-q", "-in", in, "-out", out}, io.Discard, io.Discard); code != exitOK {
		b.Fatal("exit", code)
	}
	b.ResetTimer()
	for b.Loop() {
		if code := run([]string{"-q", "-in", in, "-out", out}, io.Discard, io.Discard); code != exitOK {
			b.Fatal("exit", code)
		}
	}
}
