// The run: read, parse, resolve, render and write, each stage guarded so
// that no failure crashes the run or touches -out before everything
// succeeded.

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// modulePath is the import path of this command, for the go:generate line.
const modulePath = "github.com/docgen/graphgen/cmd/gen"

// The stages after parsing; tests replace them to inject failures.
var (
	resolveStage = schema.ResolveWith
	renderStage  = emitter.Render
	openapiStage = renderOpenAPI
	writeStage   = emitter.Write
)

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

func generate(o options, stdout, stderr io.Writer) int {
	var rep report
	code := generateInto(o, &rep, stdout)
	return finish(o, rep, code, stderr)
}

func generateInto(o options, rep *report, stdout io.Writer) int {
	// The record of the last run is read while the pages are listed.
	var cacheFile, exe, inputs string
	var inID fileIdentity // the -in folder's, as the run starts
	var prior *cacheEntry
	pages, reused := &pageCache{}, &reuse{edited: -1}
	var passTimes []string // with -v: "name took" for each pass of resolving
	priorRead := make(chan struct{})
	go func() {
		defer close(priorRead)
		if !o.noCache {
			cacheFile, exe = cachePath(o), executableHash()
			removeStaleTemps(cacheFile)
			inID = folderID(o.in)
			prior = loadCache(cacheFile).belongsTo(o, inID)
			prior.readStamps(o.out)
			pages = openPageCache(exe, filepath.Base(filepath.Clean(o.in)), o.cacheMB)
			reused = openReuse(pages, cacheFile)
		}
	}()
	// What listing reports (symbolic links, folders that cannot be read)
	// is part of what the pages are: a rerun whose listing says anything
	// else is no rerun of the recorded run (inputsHash).
	var listed diag.List
	files, err := listPages(o.in, &o.pageFilter, &listed)
	rep.diags = append(rep.diags, listed...)
	rep.pages = len(files)
	<-priorRead
	if prior != nil {
		rep.rerun, rep.prior = true, prior.Diagnostics
	}
	if err != nil {
		return rep.fail(diag.ReadInput, "-in %s: %v", o.in, err)
	}
	var done *written             // set once the output is written
	var background sync.WaitGroup // cache writes still under way
	defer background.Wait()
	if !o.noCache {
		defer pages.finish()
		// The page models are read while the pages are hashed; a run that
		// turns out to have nothing to do, or to need no page models, stops
		// reading them.
		pages.loadSnapshot(snapshotPath(cacheFile))
		hashFiles(files, prior)
		inputs = inputsHash(files, listed)
		if e := prior; cacheFile != "" && e.current(o, exe, inputs) {
			pages.dropSnapshot()
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
	unchanged := prior.inPlace(o.out, exe)
	rootName := filepath.Base(filepath.Clean(o.in))
	var s *schema.Schema
	var hint string
	// The resolved cache is written once the files are rendered (beside
	// the write), or when the run ends before it renders.
	var saveSchema func()
	startSave := func() {
		if saveSchema != nil {
			background.Go(saveSchema)
			saveSchema = nil
		}
	}
	defer startSave()
	// A schema resolved with overrides is never reused: the run key holds
	// the file's hash, and each run with it resolves.
	if !o.noCache && o.ovr.ov == nil {
		s, hint = reused.schema(files, rootName)
	}
	if s != nil {
		// Only descriptions changed: the last schema, with the new text,
		// and no page models.
		pages.dropSnapshot()
		rep.diags = append(rep.diags, fileDiags(files)...)
		background.Go(func() { reused.saveState(files) })
	} else {
		parsed := parsePages(files, rootName, &rep.diags, pages)
		pages.saveSnapshot(snapshotPath(cacheFile), files, parsed)
		hint, _ = folderHint(o.in, parsed, len(files))
		var prose *schema.Prose
		var onPass func(string, time.Duration)
		if o.verbose {
			onPass = func(name string, took time.Duration) {
				passTimes = append(passTimes, fmt.Sprintf("%s %s", name, took.Round(time.Microsecond)))
			}
		}
		if s, prose = resolvePages(rep, parsed, &o.ovr, !o.noCache && o.ovr.ov == nil, onPass); s == nil {
			return exitError
		}
		if o.ovr.ov == nil {
			full := s // s may become a subset
			saveSchema = func() { reused.saveResolved(files, inputs, full, prose, hint) }
		}
	}
	if hint != "" {
		rep.diags.Warn(diag.NoFile, diag.FolderHint, "%s", hint)
	}
	rep.diags = append(rep.diags, s.Diagnostics...)
	if overrideErrors(s.Diagnostics) {
		return exitUsage
	}
	whole := s // the schema a subset is taken from
	if o.types != "" {
		if s, err = s.Subset(splitList(o.types)); err != nil {
			return rep.fail(diag.TypesNoMatch, "%v", err)
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
		return exitError
	}
	if rep.types == 0 {
		return rep.fail(diag.NothingToDo, "no page under %s describes a type or an enum", o.in)
	}
	eo := emitter.Options{Package: o.pkg, Unchanged: unchanged, Client: o.client, ServiceRoot: serviceRoot(o.in)}
	defer func() {
		// Record a run whose output is now in place, for the next rerun,
		// beside the other cache writes.
		if !o.noCache && !o.check && done != nil {
			if errs, _ := rep.diags.Count(); errs == 0 {
				final, w := *rep, *done
				background.Go(func() { saveCache(cacheFile, o, inID, exe, inputs, files, prior, w, final) })
			}
		}
	}()
	if o.goGenerate {
		if eo.Generate, err = goGenerateLine(o); err != nil {
			return rep.fail(diag.RenderFailed, "go:generate line: %v", err)
		}
		if eo.Generate, eo.GenerateNote, err = goGenerateCommand(o.out, eo.Generate); err != nil {
			return rep.fail(diag.RenderFailed, "go:generate line: %v", err)
		}
	}
	var out []emitter.File
	var schemaJSON, openapiDoc []byte
	var openapiReport openapi.Report
	ok := rep.guard("render", diag.RenderFailed, func() error {
		if out, err = renderStage(s, eo); err != nil {
			return err
		}
		if o.schemaOut != "" {
			if schemaJSON, err = s.JSON(); err != nil {
				return fmt.Errorf("schema JSON: %w", err)
			}
		}
		if o.openapiOut != "" && !o.check { // -check does not compare it
			if openapiDoc, openapiReport, err = openapiStage(o, s, whole); err != nil {
				return err
			}
		}
		return nil
	})
	startSave()
	if !ok {
		return exitError
	}
	if o.check {
		return check(o, s, out, stdout, rep)
	}
	// An interrupt while files are renamed into place would leave a mix of
	// old and new files: hold it off until the write is done. (Under
	// -watch, interrupts go to the watcher, which stops between runs.)
	if !o.watch {
		signal.Ignore(os.Interrupt, syscall.SIGTERM)
		defer signal.Reset(os.Interrupt, syscall.SIGTERM)
	}
	var res emitter.WriteResult
	ok = rep.guard("write", diag.WriteFailed, func() error {
		if res, err = writeStage(o.out, out); err != nil {
			return err
		}
		if schemaJSON != nil {
			if err = emitter.WriteFile(o.schemaOut, schemaJSON); err != nil {
				return fmt.Errorf("-schema-out: %w", err)
			}
		}
		if openapiDoc != nil {
			if err = emitter.WriteFile(o.openapiOut, openapiDoc); err != nil {
				return fmt.Errorf("-openapi-out: %w", err)
			}
		}
		return nil
	})
	if !ok {
		return exitError
	}
	done = &written{files: out, res: res, schema: schemaJSON, openapi: openapiDoc}
	if !o.quiet {
		printWritten(o, res, stdout)
		if o.verbose {
			pages.finish()
			fmt.Fprintf(stdout, "gen: %s\n", pages)
			fmt.Fprintf(stdout, "gen: %s\n", reused)
			if len(passTimes) > 0 {
				fmt.Fprintf(stdout, "gen: resolve passes: %s\n", strings.Join(passTimes, ", "))
			}
			if line := learnedLine(s.Learned); line != "" {
				fmt.Fprintln(stdout, line)
			}
			printOverrides(stdout, "gen", s)
			if openapiDoc != nil {
				printOpenAPIReport(stdout, o.openapiOut, openapiReport)
			}
		}
	}
	return exitOK
}

// resolvePages resolves the page models, and with traced, records where
// each description came from; nil when resolving failed (reported).
// onPass, when set, is told how long each pass took.
func resolvePages(rep *report, parsed []*parser.Page, ovr *overridesFlag, traced bool, onPass func(string, time.Duration)) (s *schema.Schema, prose *schema.Prose) {
	resolved := rep.guard("resolve", diag.Internal, func() error {
		if traced {
			s, prose = schema.TraceProse(parsed, func(pages []*parser.Page) *schema.Schema {
				return resolveStage(pages, schema.Options{OnPass: onPass})
			})
		} else {
			s = resolveStage(parsed, schema.Options{Overrides: ovr.ov, OnPass: onPass})
		}
		return nil
	})
	if !resolved {
		return nil, nil
	}
	return s, prose
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
	return "gen: learned from the folder: " + strings.Join(parts, "; ")
}
