package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/diag"
	"github.com/docgen/graphgen/schema"
)

// Exit codes.
const (
	exitOK    = 0 // no errors
	exitError = 1 // errors: nothing usable to generate, I/O failures, a file we must not overwrite
	exitUsage = 2 // bad usage
)

// maxPageBytes bounds one page: real pages are well under 1 MB, so a larger
// one is skipped with a diagnostic rather than parsed.
const maxPageBytes = 8 << 20

const usageText = `usage: gen -in DIR -out DIR [-pkg NAME] [-schema-out FILE]

Reads the resource documentation pages (*.md) under -in and writes one Go
package to -out.

Example:
  gen -in docs-input -out generated -pkg generated -schema-out schema.json

Flags:
`

type options struct {
	in, out, pkg, schemaOut string
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "gen: unknown command %q (subcommands are reserved: only flags are understood for now)\n", args[0])
		return exitUsage
	}
	fset := flag.NewFlagSet("gen", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o options
	fset.StringVar(&o.in, "in", "", "folder of documentation pages, walked recursively for *.md (required)")
	fset.StringVar(&o.out, "out", "", "Go package folder to write, created if missing (required)")
	fset.StringVar(&o.pkg, "pkg", "", "Go package name (default: the base name of -out, when that is a valid identifier)")
	fset.StringVar(&o.schemaOut, "schema-out", "", "also write the resolved schema as JSON to this file")
	fset.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q\n", fset.Arg(0))
		return exitUsage
	}
	if o.in == "" || o.out == "" {
		fmt.Fprintln(stderr, "gen: -in and -out are required")
		fset.Usage()
		return exitUsage
	}
	if o.pkg == "" {
		o.pkg = filepath.Base(filepath.Clean(o.out))
		if !token.IsIdentifier(o.pkg) || token.IsKeyword(o.pkg) {
			fmt.Fprintf(stderr, "gen: %q is not a valid Go package name; give one with -pkg\n", o.pkg)
			return exitUsage
		}
	} else if !token.IsIdentifier(o.pkg) || token.IsKeyword(o.pkg) {
		fmt.Fprintf(stderr, "gen: -pkg %q is not a valid Go package name\n", o.pkg)
		return exitUsage
	}
	if msg := overlap(o.in, o.out); msg != "" {
		fmt.Fprintf(stderr, "gen: %s\n", msg)
		return exitUsage
	}
	return generate(o, stdout, stderr)
}

// overlap refuses an output folder that is, holds or sits inside the input
// folder: generating would then read or clobber its own input.
func overlap(in, out string) string {
	ai, err1 := filepath.Abs(in)
	ao, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(ai); err == nil {
		ai = r
	}
	if r, err := filepath.EvalSymlinks(ao); err == nil {
		ao = r
	}
	within := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case ai == ao:
		return "-out is the same folder as -in"
	case within(ao, ai):
		return "-out is inside -in"
	case within(ai, ao):
		return "-out contains -in"
	}
	return ""
}

func generate(o options, stdout, stderr io.Writer) int {
	var diags diag.List
	pages, npages, err := readPages(o.in, &diags)
	if err != nil {
		diags.Add(o.in, 1, 1, diag.Error, "read-input", "%v", err)
		return finish(diags, 0, 0, 0, stderr)
	}
	s := schema.Resolve(pages)
	diags = append(diags, s.Diagnostics...)
	ntypes, nenums := s.Counts()
	if ntypes == 0 {
		diags.Add(".", 1, 1, diag.Error, "nothing-to-generate", "no page under %s describes a type or an enum", o.in)
		return finish(diags, npages, ntypes, nenums, stderr)
	}
	files, err := emitter.Render(s, emitter.Options{Package: o.pkg})
	if err != nil {
		diags.Add(".", 1, 1, diag.Error, "render", "%v", err)
		return finish(diags, npages, ntypes, nenums, stderr)
	}
	var schemaJSON []byte
	if o.schemaOut != "" {
		if schemaJSON, err = s.JSON(); err != nil {
			diags.Add(".", 1, 1, diag.Error, "render", "schema JSON: %v", err)
			return finish(diags, npages, ntypes, nenums, stderr)
		}
	}
	if _, err := emitter.Write(o.out, files); err != nil {
		diags.Add(o.out, 1, 1, diag.Error, "write", "%v", err)
		return finish(diags, npages, ntypes, nenums, stderr)
	}
	if schemaJSON != nil {
		if err := os.WriteFile(o.schemaOut, schemaJSON, 0o644); err != nil {
			diags.Add(o.schemaOut, 1, 1, diag.Error, "write", "%v", err)
		}
	}
	return finish(diags, npages, ntypes, nenums, stderr)
}

// finish prints the diagnostics and the summary line, and returns the exit
// code they call for.
func finish(diags diag.List, npages, ntypes, nenums int, stderr io.Writer) int {
	diags.Sort()
	for _, d := range diags {
		fmt.Fprintln(stderr, d.String())
	}
	errs, warns := diags.Count()
	fmt.Fprintf(stderr, "gen: %d pages, %d types (%d enums); %d errors, %d warnings\n", npages, ntypes, nenums, errs, warns)
	if errs > 0 {
		return exitError
	}
	return exitOK
}

type pageFile struct {
	rel  string // slash-separated, relative to -in
	path string
}

// readPages finds and parses every *.md page under in, in parallel.
func readPages(in string, diags *diag.List) ([]*parser.Page, int, error) {
	info, err := os.Stat(in)
	if err != nil {
		return nil, 0, err
	}
	if !info.IsDir() {
		return nil, 0, fmt.Errorf("%s is not a folder", in)
	}
	var files []pageFile
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(in, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			diags.Warn(rel, 1, 1, "unreadable", "%v", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
			diags.Warn(rel, 1, 1, "symlink", "symbolic link not followed: only files under -in are read")
			return nil
		}
		if d.Type().IsRegular() && strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
			files = append(files, pageFile{rel: rel, path: p})
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	rootName := filepath.Base(filepath.Clean(in))
	pages := make([]*parser.Page, len(files))
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				page, d := readPage(f, rootName)
				pages[i] = page
				if len(d) > 0 {
					mu.Lock()
					*diags = append(*diags, d...)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []*parser.Page
	for _, p := range pages {
		if p != nil {
			out = append(out, p)
		}
	}
	return out, len(files), nil
}

// readPage reads and parses one page; an internal panic in the parser is
// reported as a diagnostic on that page, never a crash of the run.
func readPage(f pageFile, rootName string) (page *parser.Page, diags diag.List) {
	defer func() {
		if r := recover(); r != nil {
			page = nil
			diags.Warn(f.rel, 1, 1, "internal", "parser failed on this page (%v); page skipped", r)
		}
	}()
	info, err := os.Stat(f.path)
	if err != nil {
		diags.Warn(f.rel, 1, 1, "unreadable", "%v", err)
		return nil, diags
	}
	if info.Size() > maxPageBytes {
		diags.Warn(f.rel, 1, 1, "page-too-large", "page is %d bytes, over the %d-byte limit; skipped", info.Size(), maxPageBytes)
		return nil, diags
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		diags.Warn(f.rel, 1, 1, "unreadable", "%v", err)
		return nil, diags
	}
	return parser.Parse(f.rel, data, parser.Options{RootName: rootName}), nil
}
