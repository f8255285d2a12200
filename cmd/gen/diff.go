// gen diff: what changed in the API between two versions of the docs,
// and whether it breaks code that uses the generated package.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/internal/csdl"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

const diffUsage = `usage: gen diff [-format text|markdown|json] [-fail-on breaking|any] [-types LIST] [-allow-empty] [-overrides FILE] [-v | -q] OLD NEW

Compares two versions of the docs at the schema level and says, for each
change, what it means for the generated Go package. OLD and NEW are each a
folder of pages (read like -in), one page (a .md file), a schema JSON
file (-schema-out), or a service's CSDL $metadata XML file: with the
service as OLD, "removed" is missing from the docs, "changed" contradicts
the service, "added" is only in the docs. An
input with no types is an error (a mistyped path must not pass a CI gate)
unless -allow-empty says it is meant.
Exit status, as diff(1): 0 nothing that -fail-on names changed, 1 it did,
2 bad usage or an input that cannot be read or has no types.

Examples:
  gen diff old/resources new/resources
  gen diff -fail-on breaking -format markdown schema-v1.json docs/resources > CHANGES.md
  gen diff -format json -types 'microsoft.graph.user' old.json new.json
  gen diff -overrides overrides.json old.json docs/resources   # the folder with corrections
  gen diff -format markdown metadata.xml docs/resources       # where the docs and the service disagree

Flags:
`

type diffOptions struct {
	format, failOn, types string
	verbose, allowEmpty   bool
	quiet                 bool
	ovr                   overridesFlag
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("gen diff", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o diffOptions
	fset.StringVar(&o.format, "format", "text", "report format on stdout: text, markdown or json\nexample: -format markdown")
	fset.StringVar(&o.failOn, "fail-on", "any", "exit 1 when a change of this kind is found: breaking, or any\nexample: -fail-on breaking")
	fset.StringVar(&o.types, "types", "", "report only these types (qualified names or globs, comma-separated) and the types they need\nexample: -types 'microsoft.graph.user'")
	fset.BoolVar(&o.allowEmpty, "allow-empty", false, "an input with no types (an empty folder, a schema file without types) is meant: compare it, where it is otherwise an error\nexample: -allow-empty")
	o.ovr.define(fset)
	fset.BoolVar(&o.verbose, "v", false, "list description changes too (json always lists them)\nexample: -v")
	fset.BoolVar(&o.quiet, "q", false, "print no warnings about the pages read (errors still)\nexample: -q")
	fset.Usage = func() {
		fmt.Fprint(stderr, diffUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "gen diff: "+format+"\n", args...)
		return exitUsage
	}
	switch {
	case fset.NArg() != 2:
		fset.Usage()
		return usage("want two inputs, OLD and NEW; got %d", fset.NArg())
	case o.format != "text" && o.format != "markdown" && o.format != "json":
		return usage("-format must be text, markdown or json, not %q", o.format)
	case o.failOn != "breaking" && o.failOn != "any":
		return usage("-fail-on must be breaking or any, not %q", o.failOn)
	case o.quiet && o.verbose:
		return usage("-q and -v exclude each other")
	}
	if code := o.ovr.load("gen diff", stderr, false); code >= 0 {
		return code
	}
	var sides [2]*schema.Schema
	// A service's CSDL side keeps its model: its actions, functions and
	// entry points are in its schema, and the comparison knows the side
	// is the service's (schema.DiffOptions).
	var services [2]*csdl.Model
	var places [2]func(string) string
	for i, arg := range fset.Args() {
		s, service, place, err := loadSchema(arg, &o.ovr, o.quiet, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "gen diff: %s: %v\n", arg, err)
			return exitUsage
		}
		if len(s.Types) == 0 && !o.allowEmpty {
			return usage("%s: %s; pass -allow-empty if an input without types is meant", arg, emptyWhy(arg, service != nil))
		}
		sides[i], services[i], places[i] = s, service, place
	}
	if o.types != "" {
		patterns := splitList(o.types)
		for i := range sides {
			sides[i] = sides[i].SubsetAny(patterns)
		}
		if len(sides[0].Types) == 0 && len(sides[1].Types) == 0 {
			return usage("-types %q matches no type in either input", o.types)
		}
	}
	changes := schema.DiffWith(sides[0], sides[1], schema.DiffOptions{OldService: services[0] != nil, NewService: services[1] != nil})
	service := serviceSides{old: services[0] != nil, new: services[1] != nil, oldArg: fset.Arg(0), newArg: fset.Arg(1)}
	if service.old || service.new {
		changes = service.unstatedLeftOut(changes)
	}
	// A change is at its place in NEW, or in OLD for a removal.
	for i, c := range changes {
		side := 1
		if c.Change == "removed" {
			side = 0
		}
		changes[i].At = places[side](c.At)
	}
	rep := newDiffReport(changes)
	rep.service = service
	switch o.format {
	case "json":
		rep.writeJSON(stdout)
	case "markdown":
		rep.writeMarkdown(stdout, o.verbose)
	default:
		rep.writeText(stdout, o.verbose)
	}
	if (o.failOn == "breaking" && rep.breaking > 0) || (o.failOn == "any" && len(changes) > 0) {
		return exitError
	}
	return exitOK
}

// loadSchema reads a schema JSON file or a service's CSDL (and returns
// its model too), or resolves a folder of pages; page diagnostics go to
// stderr. It returns how the report names a source of the schema
// (path:line): a page's (and the overrides file's) from the current
// folder, as all text output names files (sourceInText); a schema or CSDL
// file's as it recorded them (a schema file's relative to the -in of the
// run that wrote it).
//
// The overrides apply to a folder (a schema file holds what its run
// applied); their mistakes are an error.
func loadSchema(arg string, ovr *overridesFlag, quiet bool, stderr io.Writer) (*schema.Schema, *csdl.Model, func(string) string, error) {
	asRecorded := func(source string) string { return source }
	info, err := os.Stat(arg)
	if err != nil {
		return nil, nil, nil, err
	}
	var diags diag.List
	var pages []*parser.Page
	root := arg
	switch {
	case !info.IsDir() && strings.EqualFold(filepath.Ext(arg), ".md"):
		// One page: resolved by itself, its positions under its folder.
		data, err := readRegular(arg, maxPageBytes, followLink)
		if err != nil {
			return nil, nil, nil, err
		}
		root = filepath.Dir(arg)
		pages = []*parser.Page{parser.Parse(filepath.Base(arg), data, parser.Options{RootName: filepath.Base(root)})}
	case !info.IsDir():
		data, err := readRegular(arg, maxSchemaBytes, followLink)
		if err != nil {
			return nil, nil, nil, err
		}
		if looksLikeXML(data) {
			s, m, err := loadCSDL(arg, data, quiet, stderr)
			return s, m, asRecorded, err
		}
		s, err := schema.ReadJSON(data)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%w (%s)", err, inputKinds)
		}
		return s, nil, asRecorded, nil
	default:
		if pages, _, err = readPages(arg, &pageFilter{}, &diags); err != nil {
			return nil, nil, nil, err
		}
	}
	var s *schema.Schema
	if err := diag.Guard("resolve", func() error { s = ovr.resolve(pages); return nil }); err != nil {
		return nil, nil, nil, err
	}
	diags = append(diags, s.Diagnostics...)
	var ovFile string
	if ovr.ov != nil {
		ovFile = ovr.ov.File
	}
	printDiags(stderr, diags, false, quiet, root, ovFile)
	if overrideErrors(s.Diagnostics) {
		return nil, nil, nil, fmt.Errorf("the overrides file %s has mistakes (above)", ovr.path)
	}
	return s, nil, sourceInText(root, ovFile), nil
}

// inputKinds says what gen diff reads, for an input it could not.
const inputKinds = "OLD and NEW are each a folder of pages, a .md page, a schema JSON file or a CSDL $metadata file"

// emptyWhy says what an input with no types is: a folder with no page
// that describes a type, or a schema or CSDL file that lists none.
func emptyWhy(arg string, csdl bool) string {
	if csdl {
		return "this CSDL file declares no entity, complex or enum type"
	}
	if info, err := os.Stat(arg); err == nil && info.IsDir() {
		return "no page under this folder describes a type or an enum (a mistyped path?)"
	}
	return "this schema file lists no type"
}
