package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
)

// The stage benchmarks run on ../shared/corpus/bilingual-ru-2020-10/beta
// (2462 pages): parse, resolve, emit (render in memory) and write.

func benchInput(b *testing.B) string {
	return corpus.Require(b, "corpus", "bilingual-ru-2020-10", "beta", "resources")
}

func BenchmarkParse(b *testing.B) {
	in := benchInput(b)
	var size int64
	filepath.WalkDir(in, func(p string, d os.DirEntry, err error) error {
		if info, err := d.Info(); err == nil && !d.IsDir() {
			size += info.Size()
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var d diag.List
		if _, _, err := readPages(in, &pageFilter{}, &d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	var d diag.List
	pages, _, err := readPages(benchInput(b), &pageFilter{}, &d)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		schema.Resolve(pages)
	}
}

// BenchmarkResolveVersionFolder resolves a version folder: the types and
// the operations of its API pages.
func BenchmarkResolveVersionFolder(b *testing.B) {
	var d diag.List
	pages, _, err := readPages(corpus.Require(b, "corpus", "en-2020-05", "beta"), &pageFilter{}, &d)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		schema.Resolve(pages)
	}
}

// BenchmarkOpenAPI renders the OpenAPI document of the en-2020-05 beta
// version folder (its types and operations), as JSON and as YAML.
func BenchmarkOpenAPI(b *testing.B) {
	var d diag.List
	pages, _, err := readPages(corpus.Require(b, "corpus", "en-2020-05", "beta"), &pageFilter{}, &d)
	if err != nil {
		b.Fatal(err)
	}
	s := schema.Resolve(pages)
	for _, yaml := range []bool{false, true} {
		b.Run(map[bool]string{false: "json", true: "yaml"}[yaml], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, _, err := openapi.Render(s, openapi.Options{Version: "beta", YAML: yaml})
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(out)))
			}
		})
	}
}

func BenchmarkEmit(b *testing.B) {
	var d diag.List
	pages, _, err := readPages(benchInput(b), &pageFilter{}, &d)
	if err != nil {
		b.Fatal(err)
	}
	s := schema.Resolve(pages)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := emitter.Render(s, emitter.Options{Package: "models"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	var d diag.List
	pages, _, err := readPages(benchInput(b), &pageFilter{}, &d)
	if err != nil {
		b.Fatal(err)
	}
	files, err := emitter.Render(schema.Resolve(pages), emitter.Options{Package: "models"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "models")
		b.StartTimer()
		if _, err := emitter.Write(dir, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate is the whole command, output written, on a fresh folder.
func BenchmarkGenerate(b *testing.B) {
	in := benchInput(b)
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "models")
		b.StartTimer()
		if code := run(testHooks(b), []string{"-q", "-in", in, "-out", out}, io.Discard, io.Discard); code != exitOK {
			b.Fatal("exit", code)
		}
	}
}

// BenchmarkNoOpRerun is a rerun on unchanged pages with the output in place.
func BenchmarkNoOpRerun(b *testing.B) {
	in := benchInput(b)
	out := filepath.Join(b.TempDir(), "models")
	h := testHooks(b)
	if code := run(h, []string{"-q", "-in", in, "-out", out}, io.Discard, io.Discard); code != exitOK {
		b.Fatal("exit", code)
	}
	b.ResetTimer()
	for b.Loop() {
		if code := run(h, []string{"-q", "-in", in, "-out", out}, io.Discard, io.Discard); code != exitOK {
			b.Fatal("exit", code)
		}
	}
}

// The gen diff benchmarks compare en-2020-05/beta with
// bilingual-ru-2020-10/beta: as two schema files (the goal: under 1 s), as
// two page folders, and, for scale, generating both folders
// (BenchmarkDiffFolders must not take longer than BenchmarkGenerateBoth).

func diffInputs(b *testing.B) (string, string) {
	return corpus.Require(b, "corpus", "en-2020-05", "beta", "resources"), benchInput(b)
}

func BenchmarkDiffSchemaFiles(b *testing.B) {
	old, new := diffInputs(b)
	dir := b.TempDir()
	files := [2]string{filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")}
	for i, in := range []string{old, new} {
		if code := run(testHooks(b), []string{"-q", "-no-cache", "-in", in, "-out", filepath.Join(dir, "pkg"+string(rune('a'+i))), "-schema-out", files[i]}, io.Discard, io.Discard); code != exitOK {
			b.Fatal("exit", code)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if code := run(testHooks(b), []string{"diff", "-format", "json", files[0], files[1]}, io.Discard, io.Discard); code == exitUsage {
			b.Fatal("exit", code)
		}
	}
}

func BenchmarkDiffFolders(b *testing.B) {
	old, new := diffInputs(b)
	for b.Loop() {
		if code := run(testHooks(b), []string{"diff", old, new}, io.Discard, io.Discard); code == exitUsage {
			b.Fatal("exit", code)
		}
	}
}

func BenchmarkGenerateBoth(b *testing.B) {
	old, new := diffInputs(b)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		for i, in := range []string{old, new} {
			if code := run(testHooks(b), []string{"-q", "-no-cache", "-in", in, "-out", filepath.Join(dir, "pkg"+string(rune('a'+i)))}, io.Discard, io.Discard); code != exitOK {
				b.Fatal("exit", code)
			}
		}
	}
}

// BenchmarkOnePageEdited is a rerun with the caches after one page of the
// bilingual beta folder changed: a row's description (prose), or a row's
// type (structure), edited anew before each run.
func BenchmarkOnePageEdited(b *testing.B) {
	src := benchInput(b)
	for _, edit := range []struct {
		name     string
		from, to string // the first from in user.md becomes to with the run's number
	}{
		{"prose", "The name displayed in the address book for the user.", "The name displayed in the address book for the user (edit %d)."},
		{"row", `data-stu-id="d7e17-434">aboutMe<`, `data-stu-id="d7e17-434">aboutMe%d<`},
	} {
		b.Run(edit.name, func(b *testing.B) {
			dir := b.TempDir()
			in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
			if err := os.CopyFS(in, os.DirFS(src)); err != nil {
				b.Fatal(err)
			}
			page := filepath.Join(in, "user.md")
			original, err := os.ReadFile(page)
			if err != nil {
				b.Fatal(err)
			}
			if !bytes.Contains(original, []byte(edit.from)) {
				b.Fatalf("user.md has no %q to edit", edit.from)
			}
			args := []string{"-q", "-in", in, "-out", out}
			h := testHooks(b)
			if code := run(h, args, io.Discard, io.Discard); code != exitOK {
				b.Fatal("exit", code)
			}
			n := 0
			for b.Loop() {
				b.StopTimer()
				n++
				edited := bytes.Replace(original, []byte(edit.from), fmt.Appendf(nil, edit.to, n), 1)
				if err := os.WriteFile(page, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if code := run(h, args, io.Discard, io.Discard); code != exitOK {
					b.Fatal("exit", code)
				}
			}
		})
	}
}
