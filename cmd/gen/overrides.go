// -overrides FILE: the user's corrections to the docs, shared by gen, gen
// validate and gen diff.

package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/internal/cache"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// maxOverridesBytes bounds an overrides file (a real one is a few KB).
const maxOverridesBytes = 16 << 20

// overridesFlag is the -overrides flag and the file it names, once read.
type overridesFlag struct {
	path string
	ov   *schema.Overrides // nil: no -overrides
	hash string            // the file's content hash, part of the cache keys
}

func (f *overridesFlag) define(fset *flag.FlagSet) {
	fset.StringVar(&f.path, "overrides", "", "JSON file of corrections to the docs (types, bases, members, properties, Go names), applied after resolving\nexample: -overrides overrides.json")
}

// load reads and parses the file named by -overrides. Its mistakes are
// printed as diagnostics (positioned in the file) and are bad usage: a code
// of 0 or more means stop with it.
func (f *overridesFlag) load(prog string, stderr io.Writer, asJSON bool) int {
	if f.path == "" {
		return -1
	}
	data, err := readRegular(f.path, maxOverridesBytes, followLink)
	if err != nil {
		fmt.Fprintf(stderr, "%s: -overrides %s: %v\n", prog, f.path, err)
		return exitUsage
	}
	ov, diags := schema.ParseOverrides(f.file(), data)
	if len(diags) > 0 {
		diags.Sort()
		printDiags(stderr, diags, asJSON, false, ".", f.file())
		return exitUsage
	}
	f.ov, f.hash = ov, cache.ContentHash(data)
	return -1
}

// file is the overrides file as diagnostics and sources record it: as
// named on the command line, slash-separated ("" without -overrides).
func (f *overridesFlag) file() string { return filepath.ToSlash(f.path) }

// resolve resolves the pages with the overrides, if any.
func (f *overridesFlag) resolve(pages []*parser.Page) *schema.Schema {
	return schema.ResolveWith(pages, schema.Options{Overrides: f.ov})
}

// overrideErrors reports an error of the overrides file among diagnostics:
// the run stops with exit 2, as for any other bad usage.
func overrideErrors(l diag.List) bool {
	for _, d := range l {
		if d.Severity == diag.Error && (d.Code == diag.OverrideInvalid.Name() || d.Code == diag.OverrideUnknown.Name() || d.Code == diag.OverridesSyntax.Name()) {
			return true
		}
	}
	return false
}

// printOverrides lists what the overrides changed (-v).
func printOverrides(w io.Writer, prog string, s *schema.Schema) {
	if len(s.Overrides) == 0 {
		return
	}
	fmt.Fprintf(w, "%s: %d overrides applied:\n", prog, len(s.Overrides))
	for _, o := range s.Overrides {
		fmt.Fprintf(w, "  override %s\n", o)
	}
}
