package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/pmezard/go-difflib/difflib"

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

// modulePath is the import path of this command, for the go:generate line.
const modulePath = "github.com/docgen/graphgen/cmd/gen"

const usageText = `usage: gen -in DIR -out DIR [flags]

Reads the resource documentation pages (*.md) under -in and writes one Go
package to -out. Exit status: 0 ok, 1 errors (or, with -check, a stale
-out), 2 bad usage.

Examples:
  gen -in docs -out models                      # generate package models
  gen -in docs -out models -check               # CI: is models up to date?
  gen -in docs -out models -types 'microsoft.graph.user,microsoft.graph.vppToken*'
  gen -in docs -out models -schema-out schema.json -diagnostics json -strict
  gen -in docs -out models -go-generate         # doc.go gets a //go:generate line

Subcommand:
  gen validate -in DIR [-examples DIR]...       # check the pages' JSON examples (gen validate -h)

Flags:
`

type options struct {
	in, out, pkg, schemaOut string
	types                   string
	diagnostics             string
	check, verbose, quiet   bool
	strict, goGenerate      bool
	noCache                 bool
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "validate" {
		return runValidate(args[1:], stdout, stderr)
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "gen: unknown command %q (the only subcommand is validate)\n", args[0])
		return exitUsage
	}
	fset := flag.NewFlagSet("gen", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o options
	fset.StringVar(&o.in, "in", "", "folder of documentation pages, walked recursively for *.md (required)\nexample: -in docs/resources")
	fset.StringVar(&o.out, "out", "", "Go package folder to write, created if missing (required)\nexample: -out internal/models")
	fset.StringVar(&o.pkg, "pkg", "", "Go package name (default: the base name of -out, when that is a valid identifier)\nexample: -pkg models")
	fset.StringVar(&o.schemaOut, "schema-out", "", "also write the resolved schema as JSON to this file\nexample: -schema-out schema.json")
	fset.StringVar(&o.types, "types", "", "generate only these types (qualified names or globs, comma-separated) and what they need\nexample: -types 'microsoft.graph.user,microsoft.graph.vppToken*'")
	fset.StringVar(&o.diagnostics, "diagnostics", "text", "diagnostics format on stderr: text or json (one JSON object per line)\nexample: -diagnostics json")
	fset.BoolVar(&o.check, "check", false, "write nothing; exit 1 and show what would change when -out is not up to date\nexample: -check")
	fset.BoolVar(&o.verbose, "v", false, "list every file written or removed\nexample: -v")
	fset.BoolVar(&o.quiet, "q", false, "print errors only\nexample: -q")
	fset.BoolVar(&o.strict, "strict", false, "treat warnings as errors: nothing is written when there are any\nexample: -strict")
	fset.BoolVar(&o.noCache, "no-cache", false, "do not use the run cache (under the user cache folder) that lets an unchanged rerun skip parsing\nexample: -no-cache")
	fset.BoolVar(&o.goGenerate, "go-generate", false, "write a //go:generate line into doc.go that reruns this command\nexample: -go-generate")
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
	if o.diagnostics != "text" && o.diagnostics != "json" {
		fmt.Fprintf(stderr, "gen: -diagnostics must be text or json, not %q\n", o.diagnostics)
		return exitUsage
	}
	if o.quiet && o.verbose {
		fmt.Fprintln(stderr, "gen: -q and -v exclude each other")
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

// goGenerateLine is the command doc.go's //go:generate line runs: this
// invocation, with paths relative to the output folder (where go generate
// runs it).
func goGenerateLine(o options) (string, error) {
	absIn, err := filepath.Abs(o.in)
	if err != nil {
		return "", err
	}
	absOut, err := filepath.Abs(o.out)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absOut, absIn)
	if err != nil {
		return "", err
	}
	args := []string{"go", "run", modulePath, "-in", quoteArg(filepath.ToSlash(rel)), "-out", ".", "-pkg", o.pkg}
	if o.types != "" {
		args = append(args, "-types", quoteArg(o.types))
	}
	return strings.Join(append(args, "-go-generate"), " "), nil
}

// quoteArg quotes an argument for a go:generate line when it needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'\\") {
		return s
	}
	return strconv.Quote(s)
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

// report collects what a run says: diagnostics and the counts.
type report struct {
	diags               diag.List
	pages, types, enums int
}

func generate(o options, stdout, stderr io.Writer) int {
	var rep report
	code := generateInto(o, &rep, stdout)
	return finish(o, rep, code, stderr)
}

func generateInto(o options, rep *report, stdout io.Writer) int {
	files, err := listPages(o.in, &rep.diags)
	rep.pages = len(files)
	if err != nil {
		rep.diags.Add(o.in, 1, 1, diag.Error, "read-input", "%v", err)
		return exitError
	}
	var cacheFile, exe, inputs string
	var rendered []emitter.File // set once the output is written
	if !o.noCache {
		cacheFile, exe = cachePath(o), executableHash()
		prior := loadCache(cacheFile)
		hashFiles(files, prior)
		inputs = inputsHash(files)
		if e := prior; cacheFile != "" && e.current(o, exe, inputs) {
			// Nothing changed since the recorded run: same diagnostics,
			// nothing to write.
			rep.diags = append(diag.List(nil), e.Diagnostics...)
			rep.pages, rep.types, rep.enums = e.Pages, e.Types, e.Enums
			if !o.quiet {
				if o.check {
					fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", o.out, len(e.Outputs))
				} else {
					fmt.Fprintf(stdout, "gen: no changes: %d files up to date in %s\n", len(e.Outputs), o.out)
				}
			}
			return exitOK
		}
	}
	pages := parsePages(files, filepath.Base(filepath.Clean(o.in)), &rep.diags)
	s := schema.Resolve(pages)
	rep.diags = append(rep.diags, s.Diagnostics...)
	if o.types != "" {
		if s, err = s.Subset(strings.Split(o.types, ",")); err != nil {
			rep.diags.Add(".", 1, 1, diag.Error, "types", "%v", err)
			return exitError
		}
	}
	rep.types, rep.enums = s.Counts()
	if o.strict {
		for i := range rep.diags {
			rep.diags[i].Severity = diag.Error
		}
	}
	if errs, _ := rep.diags.Count(); errs > 0 {
		return exitError
	}
	if rep.types == 0 {
		rep.diags.Add(".", 1, 1, diag.Error, "nothing-to-generate", "no page under %s describes a type or an enum", o.in)
		return exitError
	}
	eo := emitter.Options{Package: o.pkg}
	defer func() {
		// Record a run whose output is now in place, for the next rerun.
		if !o.noCache && !o.check && rendered != nil {
			if errs, _ := rep.diags.Count(); errs == 0 {
				saveCache(cacheFile, o, exe, inputs, files, rendered, *rep)
			}
		}
	}()
	if o.goGenerate {
		if eo.Generate, err = goGenerateLine(o); err != nil {
			rep.diags.Add(".", 1, 1, diag.Error, "render", "go:generate line: %v", err)
			return exitError
		}
	}
	out, err := emitter.Render(s, eo)
	if err != nil {
		rep.diags.Add(".", 1, 1, diag.Error, "render", "%v", err)
		return exitError
	}
	if o.check {
		return check(o, out, stdout, rep)
	}
	var schemaJSON []byte
	if o.schemaOut != "" {
		if schemaJSON, err = s.JSON(); err != nil {
			rep.diags.Add(".", 1, 1, diag.Error, "render", "schema JSON: %v", err)
			return exitError
		}
	}
	// An interrupt while files are renamed into place would leave a mix of
	// old and new files: hold it off until the write is done.
	signal.Ignore(os.Interrupt, syscall.SIGTERM)
	res, err := emitter.Write(o.out, out)
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	if err != nil {
		rep.diags.Add(o.out, 1, 1, diag.Error, "write", "%v", err)
		return exitError
	}
	if schemaJSON != nil {
		if err := writeFileAtomic(o.schemaOut, schemaJSON); err != nil {
			rep.diags.Add(o.schemaOut, 1, 1, diag.Error, "write", "%v", err)
			return exitError
		}
	}
	rendered = out
	if !o.quiet {
		if o.verbose {
			for _, n := range res.Written {
				fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(o.out, n))
			}
			for _, n := range res.Removed {
				fmt.Fprintf(stdout, "removed %s\n", filepath.Join(o.out, n))
			}
		}
		if len(res.Written) == 0 && len(res.Removed) == 0 {
			fmt.Fprintf(stdout, "gen: no changes: %d files up to date in %s\n", len(res.Unchanged), o.out)
		} else {
			fmt.Fprintf(stdout, "gen: %d files written, %d removed, %d unchanged in %s\n", len(res.Written), len(res.Removed), len(res.Unchanged), o.out)
		}
	}
	return exitOK
}

// writeFileAtomic writes a file through a temporary name in its folder.
func writeFileAtomic(path string, content []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gen-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(content)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// maxDiffLines caps each file's diff in -check output; maxDiffFiles caps
// how many files get one.
const (
	maxDiffLines = 40
	maxDiffFiles = 20
)

// check compares what a run would write with -out and reports each file
// that would be added, changed or removed, with a short unified diff.
func check(o options, files []emitter.File, stdout io.Writer, rep *report) int {
	res, err := emitter.Plan(o.out, files)
	if err != nil {
		rep.diags.Add(o.out, 1, 1, diag.Error, "check", "%v", err)
		return exitError
	}
	if len(res.Written) == 0 && len(res.Removed) == 0 {
		if !o.quiet {
			fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", o.out, len(res.Unchanged))
		}
		return exitOK
	}
	if o.quiet {
		fmt.Fprintf(stdout, "gen: %s is stale: %d files would be written, %d removed\n", o.out, len(res.Written), len(res.Removed))
		return exitError
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	shown := 0
	for _, name := range res.Written {
		old, err := os.ReadFile(filepath.Join(o.out, name))
		verb := "changed"
		if err != nil {
			verb, old = "added", nil
		}
		fmt.Fprintf(stdout, "%s %s\n", verb, filepath.Join(o.out, name))
		if shown < maxDiffFiles {
			fmt.Fprint(stdout, cappedDiff(name, old, byName[name]))
			shown++
		}
	}
	for _, name := range res.Removed {
		fmt.Fprintf(stdout, "removed %s\n", filepath.Join(o.out, name))
	}
	fmt.Fprintf(stdout, "gen: %s is stale: %d files would be written, %d removed; run gen without -check\n", o.out, len(res.Written), len(res.Removed))
	return exitError
}

func cappedDiff(name string, old, new []byte) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(old)), B: difflib.SplitLines(string(new)),
		FromFile: "a/" + name, ToFile: "b/" + name, Context: 2,
	})
	if err != nil {
		return ""
	}
	lines := strings.SplitAfter(d, "\n")
	if len(lines) > maxDiffLines {
		lines = append(lines[:maxDiffLines], fmt.Sprintf("... (%d more lines)\n", len(lines)-maxDiffLines))
	}
	return strings.Join(lines, "")
}

// finish prints the diagnostics and the summary line and returns the exit
// code.
func finish(o options, rep report, code int, stderr io.Writer) int {
	rep.diags.Sort()
	errs, warns := rep.diags.Count()
	if errs > 0 && code == exitOK {
		code = exitError
	}
	if o.diagnostics == "json" {
		enc := json.NewEncoder(stderr)
		for _, d := range rep.diags {
			if !o.quiet || d.Severity == diag.Error {
				enc.Encode(d)
			}
		}
		if !o.quiet {
			enc.Encode(map[string]any{"summary": map[string]int{"pages": rep.pages, "types": rep.types, "enums": rep.enums, "errors": errs, "warnings": warns}})
		}
		return code
	}
	for _, d := range rep.diags {
		if !o.quiet || d.Severity == diag.Error {
			fmt.Fprintln(stderr, d.String())
		}
	}
	if !o.quiet {
		fmt.Fprintf(stderr, "gen: %d pages, %d types (%d enums); %d errors, %d warnings\n", rep.pages, rep.types, rep.enums, errs, warns)
	}
	return code
}

type pageFile struct {
	rel   string // slash-separated, relative to -in
	path  string
	data  []byte // nil until read, or when unreadable or skipped
	hash  string // content hash, for the run cache
	size  int64
	mtime int64 // Unix nanoseconds
	skip  bool  // unreadable or too large: never parsed
	diag  diag.List
}

// listPages finds every regular *.md page under in, in path order.
func listPages(in string, diags *diag.List) ([]pageFile, error) {
	info, err := os.Stat(in)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", in)
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
	return files, err
}

// parallel runs fn(i) for i in [0, n) on all cores.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// hashFiles gives every page its content hash: the one the previous run
// recorded when the page's size and modification time are unchanged, else
// by reading it. Pages over the size limit are skipped without reading.
func hashFiles(files []pageFile, prior *cacheEntry) {
	parallel(len(files), func(i int) {
		f := &files[i]
		info, err := os.Stat(f.path)
		if err != nil {
			f.diag.Warn(f.rel, 1, 1, "unreadable", "%v", err)
			f.hash, f.skip = "unreadable", true
			return
		}
		f.size, f.mtime = info.Size(), info.ModTime().UnixNano()
		if info.Size() > maxPageBytes {
			f.diag.Warn(f.rel, 1, 1, "page-too-large", "page is %d bytes, over the %d-byte limit; skipped", info.Size(), maxPageBytes)
			f.hash, f.skip = fmt.Sprintf("too-large:%d", info.Size()), true
			return
		}
		if h := prior.knownHash(f.rel, f.size, f.mtime); h != "" {
			f.hash = h
			return
		}
		readFile(f)
	})
}

func readFile(f *pageFile) {
	data, err := os.ReadFile(f.path)
	if err != nil {
		f.diag.Warn(f.rel, 1, 1, "unreadable", "%v", err)
		f.hash, f.skip = "unreadable", true
		return
	}
	f.data, f.hash = data, hashBytes(data)
}

// parsePages parses the pages read, in parallel; an internal panic in the
// parser is reported as a diagnostic on that page, never a crash.
func parsePages(files []pageFile, rootName string, diags *diag.List) []*parser.Page {
	pages := make([]*parser.Page, len(files))
	parallel(len(files), func(i int) {
		f := &files[i]
		if f.skip {
			return
		}
		if f.data == nil {
			readFile(f)
			if f.data == nil {
				return
			}
		}
		defer func() {
			if r := recover(); r != nil {
				pages[i] = nil
				f.diag.Warn(f.rel, 1, 1, "internal", "parser failed on this page (%v); page skipped", r)
			}
		}()
		pages[i] = parser.Parse(f.rel, f.data, parser.Options{RootName: rootName})
		f.data = nil // the page model keeps what it needs
	})
	var out []*parser.Page
	for i, p := range pages {
		*diags = append(*diags, files[i].diag...)
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// readPages finds, reads and parses every page under in.
func readPages(in string, diags *diag.List) ([]*parser.Page, int, error) {
	files, err := listPages(in, diags)
	if err != nil {
		return nil, 0, err
	}
	return parsePages(files, filepath.Base(filepath.Clean(in)), diags), len(files), nil
}
