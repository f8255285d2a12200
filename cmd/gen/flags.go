// The command line: flags, their checks and the usage text of gen.

package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/internal/cache"
)

// Exit codes.
const (
	exitOK    = 0 // no errors
	exitError = 1 // errors: nothing usable to generate, I/O failures, a file we must not overwrite
	exitUsage = 2 // bad usage
)

const usageText = `usage: gen -in DIR -out DIR [flags]

Reads the resource documentation pages (*.md) under -in and writes one Go
package to -out. Exit status: 0 ok, 1 errors (or, with -check, a stale
-out), 2 bad usage.

Examples:
  gen -in docs -out models                      # generate package models
  gen -in docs -out models -check               # CI: is models up to date?
  gen -in docs -out models -types 'microsoft.graph.user,microsoft.graph.vppToken*'
  gen -in docs -out models -schema-out schema.json -diagnostics json -strict
  gen -in docs/v1.0 -out models -openapi-out openapi.yaml   # the API as OpenAPI 3.1 (docs/openapi.md)
  gen -in docs -out models -strict -ignore no-type,bad-json-block -exclude 'overview*.md'
  gen -in docs -out models -go-generate         # doc.go gets a //go:generate line
  gen -in docs/v1.0 -out graph -client          # a client: a method per operation of docs/v1.0/api
  gen -in docs -out models -overrides overrides.json  # correct the docs (docs/overrides.md)

Subcommands:
  gen validate -in DIR [-examples DIR]...       # check the pages' JSON examples (gen validate -h)
  gen diff OLD NEW                              # what changed in the API, and what breaks (gen diff -h)

Flags:
`

type options struct {
	in, out, pkg, schemaOut string
	openapiOut              string
	types                   string
	diagnostics             string
	check, verbose, quiet   bool
	strict, goGenerate      bool
	client                  bool
	noCache                 bool
	watch                   bool
	cacheMB                 int
	pageFilter
	ovr overridesFlag
}

// pageFilter holds the flags gen and gen validate share for choosing pages
// and diagnostics: -exclude and -ignore.
type pageFilter struct {
	exclude, ignore string
	excludes        []string        // -exclude patterns
	ignored         map[string]bool // -ignore codes
	matched         map[string]bool // the -exclude patterns that skipped something, as listing goes
}

func (f *pageFilter) define(fset *flag.FlagSet) {
	fset.StringVar(&f.ignore, "ignore", "", "leave out warnings with these codes (comma-separated), also under -strict; errors cannot be ignored\nexample: -ignore no-type,bad-json-block")
	fset.StringVar(&f.exclude, "exclude", "", "skip pages whose path relative to -in, or whose file name, matches one of these path.Match patterns\n(comma-separated; a matching folder is skipped whole)\nexample: -exclude 'overview*.md,drafts/*'")
}

// parse checks -ignore and -exclude; a message means bad usage.
func (f *pageFilter) parse() string {
	for _, p := range splitList(f.exclude) {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Sprintf("-exclude pattern %q: %v", p, err)
		}
		f.excludes = append(f.excludes, p)
	}
	f.ignored = map[string]bool{}
	for _, name := range splitList(f.ignore) {
		c, ok := diag.Lookup(name)
		switch {
		case !ok:
			return fmt.Sprintf("-ignore: unknown code %q; the warning codes are: %s", name, strings.Join(warningCodes(), ", "))
		case c.Severity() != diag.Warning:
			return fmt.Sprintf("-ignore: %q is an error code, and errors cannot be ignored", name)
		}
		f.ignored[name] = true
	}
	return ""
}

// excluded reports whether a page or folder (slash-separated, relative to
// -in) is skipped by -exclude.
func (f *pageFilter) excluded(rel string) bool {
	for _, p := range f.excludes {
		ok, _ := path.Match(p, rel)
		if !ok {
			ok, _ = path.Match(p, path.Base(rel))
		}
		if ok {
			if f.matched == nil {
				f.matched = map[string]bool{}
			}
			f.matched[p] = true
			return true
		}
	}
	return false
}

// unmatched warns of each -exclude pattern that skipped nothing under in
// (a typo, or a page since renamed).
func (f *pageFilter) unmatched(in string, diags *diag.List) {
	for _, p := range f.excludes {
		if !f.matched[p] {
			diags.Warn(diag.NoFile, diag.ExcludeUnmatched, "-exclude pattern %q matches no page or folder under %s", p, in)
		}
	}
}

func warningCodes() []string {
	var out []string
	for _, c := range diag.Codes() {
		if c.Severity() == diag.Warning {
			out = append(out, c.Name())
		}
	}
	return out
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func run(h hooks, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "diff" {
		return runDiff(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "validate" {
		return runValidate(args[1:], stdout, stderr)
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "gen: unknown command %q (the subcommands are validate and diff)\n", args[0])
		return exitUsage
	}
	o, code := parseFlags(args, stderr)
	if code >= 0 {
		return code
	}
	if o.watch {
		return watch(o, h, stdout, stderr)
	}
	return generate(o, h, stdout, stderr)
}

// parseFlags reads gen's flags; a code of 0 or more means stop with it.
func parseFlags(args []string, stderr io.Writer) (options, int) {
	fset := flag.NewFlagSet("gen", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o options
	fset.StringVar(&o.in, "in", "", "folder of documentation pages, walked recursively for *.md (required)\nexample: -in docs/resources")
	fset.StringVar(&o.out, "out", "", "Go package folder to write, created if missing (required)\nexample: -out internal/models")
	fset.StringVar(&o.pkg, "pkg", "", "Go package name (default: the name of the -out folder, when that is a valid identifier)\nexample: -pkg models")
	fset.StringVar(&o.schemaOut, "schema-out", "", "also write the resolved schema as JSON to this file\nexample: -schema-out schema.json")
	fset.StringVar(&o.openapiOut, "openapi-out", "", "also write the schema and the API pages' paths as an OpenAPI 3.1 document to this file:\nYAML when it ends in .yaml or .yml, else JSON\nexample: -openapi-out openapi.yaml")
	fset.StringVar(&o.types, "types", "", "generate only these types (qualified names or globs, comma-separated) and what they need\nexample: -types 'microsoft.graph.user,microsoft.graph.vppToken*'")
	fset.StringVar(&o.diagnostics, "diagnostics", "text", "diagnostics format on stderr: text or json (one JSON object per line)\nexample: -diagnostics json")
	fset.BoolVar(&o.check, "check", false, "write nothing; exit 1 and show what would change when -out is not up to date\nexample: -check")
	fset.BoolVar(&o.verbose, "v", false, "list every file written or removed, and print every warning on a rerun\n(which otherwise prints those new since the last run and counts the others)\nexample: -v")
	fset.BoolVar(&o.quiet, "q", false, "print errors only\nexample: -q")
	fset.BoolVar(&o.strict, "strict", false, "treat warnings as errors: nothing is written when there are any (see -ignore)\nexample: -strict")
	fset.BoolVar(&o.noCache, "no-cache", false, "do not use the run cache (under the user cache folder) that lets an unchanged rerun skip parsing\nexample: -no-cache")
	fset.BoolVar(&o.watch, "watch", false, "regenerate whenever a page under -in changes, until interrupted\nexample: -watch")
	fset.IntVar(&o.cacheMB, "cache-max", cache.DefaultMaxMB, "bound the page cache (under the user cache folder) to this many MB; least recently used pages go first\nexample: -cache-max 64")
	fset.BoolVar(&o.client, "client", false, "add a client: NewClient, a method per documented operation, paging, errors and retries (the package then needs Go 1.23)\nexample: -client")
	fset.BoolVar(&o.goGenerate, "go-generate", false, "write a //go:generate line into doc.go that reruns this command\nexample: -go-generate")
	o.pageFilter.define(fset)
	o.ovr.define(fset)
	fset.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, exitOK
		}
		return o, exitUsage
	}
	usage := func(format string, args ...any) (options, int) {
		fmt.Fprintf(stderr, "gen: "+format+"\n", args...)
		return o, exitUsage
	}
	switch {
	case fset.NArg() > 0:
		return usage("unexpected argument %q", fset.Arg(0))
	case o.in == "" || o.out == "":
		fmt.Fprintln(stderr, "gen: -in and -out are required")
		fset.Usage()
		return o, exitUsage
	case o.diagnostics != "text" && o.diagnostics != "json":
		return usage("-diagnostics must be text or json, not %q", o.diagnostics)
	case o.quiet && o.verbose:
		return usage("-q and -v exclude each other")
	case o.watch && o.check:
		return usage("-watch and -check exclude each other")
	case o.cacheMB < 1:
		return usage("-cache-max must be at least 1 (MB), not %d", o.cacheMB)
	}
	if msg := o.pageFilter.parse(); msg != "" {
		return usage("%s", msg)
	}
	if o.pkg == "" {
		name, err := folderName(o.out)
		if err != nil {
			return usage("-out %s: %v; give the package name with -pkg", o.out, err)
		}
		if !token.IsIdentifier(name) || token.IsKeyword(name) {
			return usage("the -out folder's name %q is not a valid Go package name; give one with -pkg", name)
		}
		if lower := strings.ToLower(name); lower != name {
			return usage("the -out folder's name %q is not a lower-case Go package name; give one with -pkg %s", name, lower)
		}
		o.pkg = name
	} else if !token.IsIdentifier(o.pkg) || token.IsKeyword(o.pkg) {
		return usage("-pkg %q is not a valid Go package name", o.pkg)
	} else if lower := strings.ToLower(o.pkg); lower != o.pkg {
		return usage("-pkg %q: Go package names are lower case; use -pkg %s", o.pkg, lower)
	}
	if msg := overlap(o.in, o.out); msg != "" {
		return usage("%s", msg)
	}
	if msg := outFolderFits(o.out, o.pkg); msg != "" {
		return usage("%s", msg)
	}
	if msg := openapiOutFits(o); msg != "" {
		return usage("%s", msg)
	}
	if code := o.ovr.load("gen", stderr, o.diagnostics == "json"); code >= 0 {
		return o, code
	}
	return o, -1
}

// folderName is the real name of a folder, also for "." and "..": the
// base name of its absolute path.
func folderName(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	name := filepath.Base(abs)
	if name == string(filepath.Separator) || name == "." {
		return "", fmt.Errorf("the root folder has no name")
	}
	return name, nil
}

// overlap refuses an output folder that is, holds or sits inside the input
// folder: generating would then read or clobber its own input.
func overlap(in, out string) string {
	ai, err1 := filepath.Abs(in)
	ao, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return ""
	}
	ai, ao = resolvePath(ai, 0), resolvePath(ao, 0)
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

// resolvePath follows the symbolic links in an absolute path, also in one
// that does not exist yet: the nearest existing folder is resolved and the
// rest joined to it, and a link whose target does not exist yet is followed
// to that target (a folder gen would create through it).
func resolvePath(p string, depth int) string {
	for hops := 0; hops < 255; hops++ {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		target, err := os.Readlink(p)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	parent := filepath.Dir(p)
	if parent == p || depth > 255 {
		return p
	}
	return filepath.Join(resolvePath(parent, depth+1), filepath.Base(p))
}
