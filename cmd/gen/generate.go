// The run: load, parse, resolve, render and write, each stage guarded so
// that no failure crashes the run or touches -out before everything
// succeeded.

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/internal/cache"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// modulePath is the import path of this command, for the go:generate line.
const modulePath = "github.com/docgen/graphgen/cmd/gen"

// report collects what a run says: diagnostics and the counts, and on a
// rerun the diagnostics of the recorded run (for newSince).
type report struct {
	diags               diag.List
	pages, types, enums int
	rerun               bool
	prior               diag.List
}

// fail records an error about no file and returns exitError.
func (r *report) fail(c diag.ErrorCode, format string, args ...any) int {
	r.diags.Error(diag.NoFile, c, format, args...)
	return exitError
}

// guard runs one stage and reports its error with code c; a panic in it,
// also on one of its workers, becomes an internal error naming the stage.
func (r *report) guard(stage string, c diag.ErrorCode, fn func() error) bool {
	err := diag.Guard(stage, fn)
	var ie *diag.InternalError
	switch {
	case errors.As(err, &ie):
		r.diags.Error(diag.NoFile, diag.Internal, "%v", ie)
	case err != nil:
		r.diags.Error(diag.NoFile, c, "%v", err)
	}
	return err == nil
}

func generate(o options, h hooks, stdout, stderr io.Writer) int {
	var rep report
	code := generateInto(o, h, &rep, stdout)
	return finish(o, rep, code, stderr)
}

// generateInto is the run: load the pages, parse and resolve them (or
// take the last schema), render, write, and record the run for the next.
// The cache reads its record and page models in the background from the
// start, and writes in the background until Close.
func generateInto(o options, h hooks, rep *report, stdout io.Writer) int {
	store := cache.Open(cacheConfig(o, h))
	defer store.Close()

	// Load: list the pages and hash them (the record knows most hashes).
	// What listing reports (symbolic links, folders that cannot be read)
	// is part of what the pages are: a rerun whose listing says anything
	// else is no rerun of the recorded run (cache.InputsHash).
	var listed diag.List
	files, err := listPages(o.in, &o.pageFilter, &listed)
	rep.diags = append(rep.diags, listed...)
	rep.pages = len(files)
	prior := store.Prior()
	if prior != nil {
		rep.rerun, rep.prior = true, prior.Diagnostics
	}
	if err != nil {
		return rep.fail(diag.ReadInput, "-in %s: %v", o.in, err)
	}
	reader := &pageReader{read: h.readPage, cache: store, root: filepath.Base(filepath.Clean(o.in))}
	reader.hash(files)
	inputs := cache.InputsHash(pageHashes(files), listed)
	if store.UpToDate(inputs) {
		return replay(o, prior, rep, stdout)
	}

	// Parse and resolve; select what to render.
	var passes passTimes
	whole, hint := schemaOf(o, h, rep, store, reader, files, inputs, passes.onPass(o.verbose))
	if whole == nil {
		return exitError
	}
	s, code := selected(o, rep, whole, hint)
	if s == nil {
		return code
	}

	// Render.
	eo, err := emitOptions(o, store.InPlace())
	if err != nil {
		return rep.fail(diag.RenderFailed, "go:generate line: %v", err)
	}
	var out rendered
	if !rep.guard("render", diag.RenderFailed, func() error { out, err = render(o, h, s, whole, eo); return err }) {
		return exitError
	}
	if o.check {
		return check(o, s, out.files, stdout, rep)
	}

	// Write, and record the run.
	var res emitter.WriteResult
	if !rep.guard("write", diag.WriteFailed, func() error { res, err = write(o, h, out); return err }) {
		return exitError
	}
	store.SaveRecord(cache.Outcome{Inputs: inputs, Pages: pageHashes(files), Files: out.files, Write: res,
		SchemaJSON: out.schemaJSON, OpenAPI: out.openapi, Diagnostics: rep.diags,
		Counts: cache.Recorded{Pages: rep.pages, Types: rep.types, Enums: rep.enums}})
	printRun(o, store, passes, s, out, res, stdout)
	return exitOK
}

// selected is the schema the run renders, with the run's diagnostics in
// rep: the whole schema, or the subset -types selects with the warnings of
// its pages. Nil when the run stops there, with its exit code.
func selected(o options, rep *report, whole *schema.Schema, hint string) (*schema.Schema, int) {
	if hint != "" {
		rep.diags.Warn(diag.NoFile, diag.FolderHint, "%s", hint)
	}
	rep.diags = append(rep.diags, whole.Diagnostics...)
	if overrideErrors(whole.Diagnostics) {
		return nil, exitUsage
	}
	s := whole
	if o.types != "" {
		var err error
		if s, err = whole.Subset(splitList(o.types)); err != nil {
			return nil, rep.fail(diag.TypesNoMatch, "%v", err)
		}
		// The warnings of the pages the selection is made from.
		rep.diags = rep.diags.WarningsOnlyFrom(s.Pages())
	}
	rep.types, rep.enums = s.Counts()
	rep.diags = append(rep.diags, emitter.DefusedWarnings(s)...)
	rep.diags = rep.diags.Without(o.ignored)
	if o.strict {
		rep.diags = rep.diags.Strict()
	}
	if errs, _ := rep.diags.Count(); errs > 0 {
		return nil, exitError
	}
	if rep.types == 0 {
		return nil, rep.fail(diag.NothingToDo, "no page under %s describes a type or an enum", o.in)
	}
	return s, exitOK
}

// emitOptions are the emitter's options for this run; unchanged tells the
// files left in place by the recorded run (nil: none).
func emitOptions(o options, unchanged func(name, fingerprint string) bool) (emitter.Options, error) {
	eo := emitter.Options{Package: o.pkg, Unchanged: unchanged, Client: o.client, ServiceRoot: serviceRoot(o.in)}
	if !o.goGenerate {
		return eo, nil
	}
	line, err := goGenerateLine(o)
	if err != nil {
		return eo, err
	}
	eo.Generate, eo.GenerateNote, err = goGenerateCommand(o.out, line)
	return eo, err
}

// cacheConfig says which run the cache is for; no folder with -no-cache.
func cacheConfig(o options, h hooks) cache.Config {
	c := cache.Config{RunKey: runKey(o), In: o.in, Out: o.out, SchemaOut: o.schemaOut, OpenAPIOut: o.openapiOut, HashFile: hashFile, MaxMB: o.cacheMB}
	if !o.noCache {
		c.Dir = h.cacheDir
	}
	return c
}

// replay reports the recorded run again, for a rerun with nothing to do:
// the same diagnostics, nothing written.
func replay(o options, prior *cache.Recorded, rep *report, stdout io.Writer) int {
	rep.diags = append(diag.List(nil), prior.Diagnostics...)
	rep.pages, rep.types, rep.enums = prior.Pages, prior.Types, prior.Enums
	if !o.quiet {
		if o.check {
			fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", o.out, prior.Files)
		} else {
			fmt.Fprintf(stdout, "gen: no changes: %d files up to date in %s\n", prior.Files, o.out)
		}
	}
	return exitOK
}

// schemaOf returns the schema of the pages and the folder hint: the last
// schema with the new descriptions when only descriptions changed since
// it was resolved, else one resolved from the page models; nil when
// resolving failed (reported).
func schemaOf(o options, h hooks, rep *report, store *cache.Store, reader *pageReader, files []pageFile, inputs string, onPass func(string, time.Duration)) (*schema.Schema, string) {
	hashes := pageHashes(files)
	// A schema resolved with overrides is never reused: the run key holds
	// the file's hash, and each run with it resolves.
	if o.ovr.ov == nil {
		// The changed pages are parsed on copies of files, so a run that
		// resolves after all reads them afresh.
		parseCopy := func(i int) *parser.Page {
			f := files[i]
			if p := reader.parse(&f); len(f.diag) == 0 {
				return p
			}
			return nil
		}
		if s, hint := store.Reused(hashes, parseCopy); s != nil {
			rep.diags = append(rep.diags, fileDiags(files)...)
			store.SaveState(hashes)
			return s, hint
		}
	}
	parsed := reader.parseAll(files, &rep.diags)
	store.SaveSnapshot(hashes, parsed)
	hint, _ := folderHint(o.in, parsed, len(files))
	var s *schema.Schema
	resolved := rep.guard("resolve", diag.Internal, func() error {
		if o.ovr.ov != nil {
			s = h.resolve(parsed, schema.Options{Overrides: o.ovr.ov, OnPass: onPass})
			return nil
		}
		s = store.Resolve(parsed, func(pages []*parser.Page) *schema.Schema {
			return h.resolve(pages, schema.Options{OnPass: onPass})
		})
		store.SaveResolved(hashes, inputs, s, hint)
		return nil
	})
	if !resolved {
		return nil, ""
	}
	return s, hint
}

// passTimes are, with -v, "name took" for each pass of resolving.
type passTimes []string

// onPass is the resolver's OnPass that records into p; nil without -v.
func (p *passTimes) onPass(verbose bool) func(string, time.Duration) {
	if !verbose {
		return nil
	}
	return func(name string, took time.Duration) {
		*p = append(*p, fmt.Sprintf("%s %s", name, took.Round(time.Microsecond)))
	}
}

func (p passTimes) print(w io.Writer) {
	if len(p) > 0 {
		fmt.Fprintf(w, "gen: resolve passes: %s\n", strings.Join(p, ", "))
	}
}

// rendered is what a run renders: the package's files, and the schema
// JSON and the OpenAPI document when asked for.
type rendered struct {
	files         []emitter.File
	schemaJSON    []byte // nil without -schema-out
	openapi       []byte // nil without -openapi-out, and under -check
	openapiReport openapi.Report
}

// render renders the package and what the flags ask for besides.
func render(o options, h hooks, s, whole *schema.Schema, eo emitter.Options) (out rendered, err error) {
	if out.files, err = h.render(s, eo); err != nil {
		return out, err
	}
	if o.schemaOut != "" {
		if out.schemaJSON, err = s.JSON(); err != nil {
			return out, fmt.Errorf("schema JSON: %w", err)
		}
	}
	if o.openapiOut != "" && !o.check { // -check does not compare it
		if out.openapi, out.openapiReport, err = h.openapi(o, s, whole); err != nil {
			return out, err
		}
	}
	return out, nil
}

// write writes what was rendered. An interrupt while files are renamed
// into place would leave a mix of old and new files: it is held off until
// the write is done. (Under -watch, interrupts go to the watcher, which
// stops between runs.)
func write(o options, h hooks, out rendered) (emitter.WriteResult, error) {
	if !o.watch {
		signal.Ignore(os.Interrupt, syscall.SIGTERM)
		defer signal.Reset(os.Interrupt, syscall.SIGTERM)
	}
	res, err := h.write(o.out, out.files)
	if err != nil {
		return res, err
	}
	if out.schemaJSON != nil {
		if err = emitter.WriteFile(o.schemaOut, out.schemaJSON); err != nil {
			return res, fmt.Errorf("-schema-out: %w", err)
		}
	}
	if out.openapi != nil {
		if err = emitter.WriteFile(o.openapiOut, out.openapi); err != nil {
			return res, fmt.Errorf("-openapi-out: %w", err)
		}
	}
	return res, nil
}

// printRun says what the run did: what the write did and, with -v, how
// the cache served it, how long the passes took, what was learned and
// overridden, and the OpenAPI document's report.
func printRun(o options, store *cache.Store, passes passTimes, s *schema.Schema, out rendered, res emitter.WriteResult, stdout io.Writer) {
	if o.quiet {
		return
	}
	printWritten(o, res, stdout)
	if !o.verbose {
		return
	}
	fmt.Fprintf(stdout, "gen: %s\n", store.PagesLine())
	fmt.Fprintf(stdout, "gen: %s\n", store.SchemaLine())
	passes.print(stdout)
	if line := learnedLine(s.Learned); line != "" {
		fmt.Fprintln(stdout, line)
	}
	printOverrides(stdout, "gen", s)
	if out.openapi != nil {
		printOpenAPIReport(stdout, o.openapiOut, out.openapiReport)
	}
}

// printWritten says what the write did.
func printWritten(o options, res emitter.WriteResult, stdout io.Writer) {
	if o.verbose {
		for _, n := range res.Written {
			fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(o.out, n))
		}
		for _, n := range res.Removed {
			fmt.Fprintf(stdout, "removed %s\n", filepath.Join(o.out, n))
		}
		for _, n := range res.Temporary {
			fmt.Fprintf(stdout, "removed %s (a temporary file left by a run that was killed)\n", filepath.Join(o.out, n))
		}
	}
	removed := len(res.Removed) + len(res.Temporary)
	if len(res.Written) == 0 && removed == 0 {
		fmt.Fprintf(stdout, "gen: no changes: %d files up to date in %s\n", len(res.Unchanged), o.out)
	} else {
		fmt.Fprintf(stdout, "gen: %d files written, %d removed, %d unchanged in %s\n", len(res.Written), removed, len(res.Unchanged), o.out)
	}
}

// finish prints the diagnostics (on a rerun, by default, only the new
// warnings and a count of the others: newSince) and the summary line, which
// counts them all, and returns the exit code.
func finish(o options, rep report, code int, stderr io.Writer) int {
	rep.diags.Sort()
	errs, warns := rep.diags.Count()
	if errs > 0 && code == exitOK {
		code = exitError
	}
	asJSON := o.diagnostics == "json"
	shown, unchanged := rep.diags, 0
	if shortRerun(o, rep) {
		shown, unchanged = newSince(rep.diags, rep.prior)
	}
	printDiags(stderr, shown, asJSON, o.quiet, o.in, o.ovr.file())
	if o.quiet {
		return code
	}
	printUnchanged(stderr, unchanged)
	if asJSON {
		printJSONSummary(stderr, map[string]any{"pages": rep.pages, "types": rep.types, "enums": rep.enums, "errors": errs, "warnings": warns})
	} else {
		fmt.Fprintf(stderr, "gen: %d pages, %d types (%d enums); %d errors, %d warnings\n", rep.pages, rep.types, rep.enums, errs, warns)
	}
	return code
}

// goGenerateLine is the arguments of the command doc.go's //go:generate
// line runs: this invocation's, with paths relative to the output folder
// (where go generate runs it). goGenerateCommand puts the command in front.
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
	args := []string{"-in", quoteArg(filepath.ToSlash(rel)), "-out", ".", "-pkg", o.pkg}
	if o.types != "" {
		args = append(args, "-types", quoteArg(o.types))
	}
	if o.exclude != "" {
		args = append(args, "-exclude", quoteArg(o.exclude))
	}
	if o.ignore != "" {
		args = append(args, "-ignore", quoteArg(o.ignore))
	}
	if o.ovr.path != "" {
		absOv, err := filepath.Abs(o.ovr.path)
		if err != nil {
			return "", err
		}
		relOv, err := filepath.Rel(absOut, absOv)
		if err != nil {
			return "", err
		}
		args = append(args, "-overrides", quoteArg(filepath.ToSlash(relOv)))
	}
	if o.client {
		args = append(args, "-client")
	}
	return strings.Join(append(args, "-go-generate"), " "), nil
}

// serviceRoot is the client's default base URL: the Graph root of the
// version the -in folder is named for (v1.0, beta, or a folder under one),
// else v1.0's.
func serviceRoot(in string) string {
	abs, err := filepath.Abs(in)
	if err != nil {
		abs = in
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		switch filepath.Base(dir) {
		case "v1.0", "beta":
			return "https://graph.microsoft.com/" + filepath.Base(dir)
		}
		if filepath.Dir(dir) == dir {
			return "https://graph.microsoft.com/v1.0"
		}
	}
}

// quoteArg quotes an argument for a go:generate line when it needs it: a
// space, a quote, a backslash or any character that is not printable (a
// line break in a path would end the directive and start Go code).
func quoteArg(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r == ' ' || r == '"' || r == '\'' || r == '\\' || !unicode.IsPrint(r)
	}) {
		return s
	}
	return strconv.QuoteToASCII(s)
}

// printJSONSummary ends -diagnostics json output with {"summary": ...}.
func printJSONSummary(w io.Writer, summary any) {
	json.NewEncoder(w).Encode(map[string]any{"summary": summary})
}

// learnedLine says what the folder taught (-v): each type word with its
// Edm type, each phrase, with how often each was seen, and the enum names
// whose case the links decided.
func learnedLine(l *schema.Learned) string {
	if l.Empty() {
		return ""
	}
	var parts []string
	for _, w := range sortedKeys(l.TypeWords) {
		parts = append(parts, fmt.Sprintf("type word %q = %s (%d)", w, l.TypeWords[w].Type, l.TypeWords[w].Count))
	}
	for _, p := range sortedKeys(l.CollectionPhrases) {
		parts = append(parts, fmt.Sprintf("collection phrase %q (%d)", p, l.CollectionPhrases[p]))
	}
	for _, p := range sortedKeys(l.BasePhrases) {
		parts = append(parts, fmt.Sprintf("base phrase %q (%d)", p, l.BasePhrases[p]))
	}
	for _, p := range sortedKeys(l.InheritedPhrases) {
		parts = append(parts, fmt.Sprintf("inherited phrase %q (%d)", p, l.InheritedPhrases[p]))
	}
	for _, n := range sortedKeys(l.NameCases) {
		parts = append(parts, fmt.Sprintf("enum name %s = %s", n, l.NameCases[n]))
	}
	if m := l.TranslatedMembers; len(m) > 0 {
		parts = append(parts, fmt.Sprintf("translated members: %d named, %d English names added, %d left out", m["named"], m["added"], m["leftOut"]))
	}
	for _, w := range sortedKeys(l.TranslatedRows) {
		parts = append(parts, fmt.Sprintf("row name %s (%d)", w, l.TranslatedRows[w]))
	}
	return "gen: learned from the folder: " + strings.Join(parts, "; ")
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
