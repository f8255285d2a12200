package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

const validateUsage = `usage: gen validate -in DIR [-examples API_DIR]... [flags]

Checks every JSON example against the schema resolved from -in: the
representation block of each resource page (placeholders allowed) and the
request and response examples of every page under -in and of the -examples
folders (real values). -in may name a version folder (the one that holds
resources/ and api/): both are read, with no -examples needed.
Exit status: 0 clean, 1 mistakes found, 2 bad usage.

Examples:
  gen validate -in docs/v1.0
  gen validate -in docs/v1.0/resources -examples docs/v1.0/api
  gen validate -in docs/beta/resources -examples docs/beta/api -diagnostics json
  gen validate -in docs/v1.0/resources -overrides overrides.json   # with corrections to the docs

Flags:
`

// folderList is a repeatable -examples flag.
type folderList []string

func (f *folderList) String() string     { return strings.Join(*f, ",") }
func (f *folderList) Set(v string) error { *f = append(*f, v); return nil }

func runValidate(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("gen validate", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var in, format string
	var examples folderList
	var quiet, verbose bool
	var filter pageFilter
	var ovr overridesFlag
	fset.StringVar(&in, "in", "", "folder of resource pages the schema is resolved from (required)\nexample: -in docs/resources")
	fset.Var(&examples, "examples", "folder of API pages whose request and response examples are checked too; repeatable\nexample: -examples docs/api")
	fset.StringVar(&format, "diagnostics", "text", "diagnostics format on stderr: text or json (one JSON object per line)\nexample: -diagnostics json")
	fset.BoolVar(&quiet, "q", false, "print the mistakes only: no page warnings, no summary\nexample: -q")
	fset.BoolVar(&verbose, "v", false, "also print each mistake a root cause explains (missing-base)\nexample: -v")
	filter.define(fset)
	ovr.define(fset)
	fset.Usage = func() {
		fmt.Fprint(stderr, validateUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if in == "" || fset.NArg() > 0 {
		fmt.Fprintln(stderr, "gen validate: -in is required and takes no other arguments")
		fset.Usage()
		return exitUsage
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "gen validate: -diagnostics must be text or json, not %q\n", format)
		return exitUsage
	}
	if msg := filter.parse(); msg != "" {
		fmt.Fprintf(stderr, "gen validate: %s\n", msg)
		return exitUsage
	}
	asJSON := format == "json"
	if code := ovr.load("gen validate", stderr, asJSON); code >= 0 {
		return code
	}
	var warnings diag.List
	pagesRead, _, err := readPages(in, &filter, &warnings)
	if err != nil {
		fmt.Fprintf(stderr, "gen validate: %v\n", err)
		return exitError
	}
	var s *schema.Schema
	if err := diag.Guard("resolve", func() error { s = ovr.resolve(pagesRead); return nil }); err != nil {
		var l diag.List
		l.Error(diag.NoFile, diag.Internal, "%v", err)
		l.Print(stderr, format == "json", false)
		return exitError
	}
	warnings = append(warnings, s.Diagnostics...)
	if overrideErrors(s.Diagnostics) {
		var errs diag.List
		for _, d := range s.Diagnostics {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		errs.Sort()
		printDiags(stderr, errs, asJSON, false, in, ovr.file())
		return exitUsage
	}
	warnings = warnings.Without(filter.ignored)
	// The page warnings and the root causes are recorded relative to -in,
	// the mistakes under their folder's name (resources/x.md, api/x.md):
	// JSON keeps them so, text names them from the current folder.
	inText := func(l diag.List) diag.List { return l }
	if !asJSON {
		inText = func(l diag.List) diag.List { return textPaths(l, in, ovr.file()) }
	}

	type folder struct{ label, dir string }
	folders := []folder{{filepath.Base(filepath.Clean(in)), in}}
	for _, e := range examples {
		folders = append(folders, folder{filepath.Base(filepath.Clean(e)), e})
	}
	var all diag.List
	byFolder := map[string]int{}
	checked, explained := 0, 0
	// With operations (a version folder), every request and response is
	// checked against its operation too.
	withOps := len(s.Operations) > 0
	var opCounts schema.OperationCounts
	causeSet := map[string]bool{}
	for i, f := range folders {
		exs, err := folderExamples(f.dir, f.label, &filter, withOps)
		if err != nil {
			fmt.Fprintf(stderr, "gen validate: %v\n", err)
			return exitError
		}
		var c schema.Validation
		if withOps {
			// The examples of -in are matched first to their own page's
			// operations, whose sources are relative to -in.
			var pages schema.OperationPages
			if i == 0 {
				pages = schema.OperationPages{Prefix: f.label + "/", Syntax: requestSyntax(pagesRead)}
			}
			var n schema.OperationCounts
			c, n = s.CheckOperations(exs, pages)
			opCounts.Add(n)
		} else {
			c = s.Check(exs)
		}
		checked += countTyped(exs)
		found := c.Mistakes
		if verbose {
			found = append(found, c.Explained...)
		}
		if !asJSON {
			found = textPaths(unlabelled(found, f.label), f.dir)
		}
		byFolder[f.label] += len(found) + len(c.Causes)
		all = append(append(all, found...), inText(c.Causes)...)
		for _, d := range c.Causes {
			causeSet[d.Code] = true
		}
		explained += len(c.Explained)
	}
	byKind := map[string]int{}
	for _, d := range all {
		byKind[d.Code]++
	}
	mistakes := len(all)
	pageErrors, warned := warnings.Count()
	all = append(all, inText(warnings)...)
	all.Sort()
	all.Print(stderr, asJSON, quiet)
	if !quiet && asJSON {
		summary := map[string]any{"examples": checked, "mistakes": mistakes, "explained": explained, "warnings": warned, "byKind": byKind, "byFolder": byFolder}
		if withOps {
			summary["operations"] = opCounts
		}
		printJSONSummary(stderr, summary)
	} else if !quiet {
		fmt.Fprintf(stderr, "gen validate: %d examples, %d mistakes; %d page warnings\n", checked, mistakes, warned)
		if withOps {
			fmt.Fprintf(stderr, "  requests against operations: %d (%d by request syntax, %d by path, %d to none; %d unchecked: their page's syntax did not resolve; %d to other hosts left out)\n",
				opCounts.Requests, opCounts.BySyntax, opCounts.ByPath, opCounts.Unresolved, opCounts.Unchecked, opCounts.OtherHost)
			fmt.Fprintf(stderr, "  responses against operations: %d\n", opCounts.Responses)
		}
		causeCodes := strings.Join(sortedKeys(causeSet), ", ")
		if explained > 0 && !verbose {
			fmt.Fprintf(stderr, "  (%d more mistakes are explained by the root causes above (%s): -v lists them)\n", explained, causeCodes)
		}
		for _, k := range sortedKeys(byKind) {
			fmt.Fprintf(stderr, "  %-22s %d\n", k, byKind[k])
		}
		for _, f := range folders {
			fmt.Fprintf(stderr, "  in %-19s %d\n", f.label+"/", byFolder[f.label])
		}
	}
	if mistakes > 0 || pageErrors > 0 {
		return exitError
	}
	return exitOK
}

// unlabelled returns diagnostics positioned in examples of one folder
// (label/path, as folderExamples names them) with their paths relative to
// that folder.
func unlabelled(l diag.List, label string) diag.List {
	out := slices.Clone(l)
	for i := range out {
		out[i].File = strings.TrimPrefix(out[i].File, label+"/")
	}
	return out
}

// folderExamples reads the annotated examples of every page under dir
// (withRequests: every request and response: parser.APIExamples); paths are
// reported as label/relative-path.
func folderExamples(dir, label string, filter *pageFilter, withRequests bool) ([]parser.Example, error) {
	var d diag.List
	files, err := listPages(dir, filter, &d)
	if err != nil {
		return nil, err
	}
	out := make([][]parser.Example, len(files))
	err = diag.Parallel("read examples", len(files), func(i int) error {
		plainReader(dir).readFile(&files[i])
		if files[i].data != nil {
			if withRequests {
				out[i] = parser.APIExamples(label+"/"+files[i].rel, files[i].data)
			} else {
				out[i] = parser.Examples(label+"/"+files[i].rel, files[i].data)
			}
			files[i].data = nil
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var all []parser.Example
	for _, e := range out {
		all = append(all, e...)
	}
	return all, nil
}

// countTyped counts the examples the type checks read: annotated, with a
// JSON body.
func countTyped(exs []parser.Example) int {
	n := 0
	for _, ex := range exs {
		if ex.Annotated && ex.Value != nil {
			n++
		}
	}
	return n
}

// requestSyntax is each API page's request syntax, by its path relative
// to -in.
func requestSyntax(pages []*parser.Page) map[string][]parser.RequestDoc {
	out := map[string][]parser.RequestDoc{}
	for _, p := range pages {
		if p.Operation != nil && len(p.Operation.Requests) > 0 {
			out[p.Path] = p.Operation.Requests
		}
	}
	return out
}
