// Paths in text output: every file a diagnostic or a change names is
// printed relative to the current folder, as the go command prints them,
// whatever folder the path was recorded under.
//
// A diagnostic records its file relative to the folder that was read (-in,
// an -examples folder, a gen diff input), and the JSON diagnostics and the
// schema JSON keep it so: they do not depend on where gen ran. Text is for
// a person, or an editor, in the folder gen ran in (go generate runs it in
// the package's folder): there, a path relative to -in opens nothing.

package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// shortPath returns how text output names p, a path as given on the
// command line (relative to the current folder, or absolute): relative to
// the current folder (../docs/x.md when outside it), or absolute when that
// is shorter, when there is no relative path, or when the relative one
// would name another file (the current folder reached through a symbolic
// link, whose .. is not the link's parent). This is the go command's rule
// (cmd/go/internal/base.ShortPath).
func shortPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && len(rel) < len(abs) && sameFile(rel, abs) {
		return rel
	}
	return abs
}

// sameFile reports whether two paths name one file, or both name none.
func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return os.IsNotExist(errA) && os.IsNotExist(errB)
	}
	return os.SameFile(ia, ib)
}

// underFolder returns how text output names a file recorded relative to
// root (slash-separated, as diagnostics and schema sources keep it):
// root/file, by shortPath. The root is looked up once, not per file.
func underFolder(root string) func(file string) string {
	base := shortPath(root)
	return func(file string) string { return filepath.Join(base, filepath.FromSlash(file)) }
}

// textPaths returns the diagnostics with their files as text prints them:
// each recorded relative to root is placed under it (underFolder), and
// each of given, a file named on the command line as it was given (the
// -overrides file), by shortPath. Diagnostics about no file stay so; l is
// not changed.
func textPaths(l diag.List, root string, given ...string) diag.List {
	if len(l) == 0 {
		return l
	}
	place := underFolder(root)
	out := slices.Clone(l)
	for i := range out {
		switch f := out[i].File; {
		case f == "":
		case slices.Contains(given, f):
			out[i].File = shortPath(filepath.FromSlash(f))
		default:
			out[i].File = place(f)
		}
	}
	return out
}

// sourceInText returns how text names a source (path:line, as the schema
// records it) whose path is relative to root, or is the overrides file
// ovFile as given (a change an override made comes from that file, not
// from under the folder).
func sourceInText(root, ovFile string) func(source string) string {
	under, ovShown := underFolder(root), ""
	if ovFile != "" {
		ovShown = shortPath(filepath.FromSlash(ovFile))
	}
	return func(source string) string {
		switch {
		case source == "":
			return ""
		case ovFile != "" && strings.HasPrefix(source, ovFile+":"):
			return ovShown + strings.TrimPrefix(source, ovFile)
		}
		return under(source)
	}
}

// printDiags prints diagnostics whose files are recorded relative to root
// (and the files of given as given): as JSON lines with the paths as
// recorded, or as text with the paths relative to the current folder
// (textPaths), sorted by them. With errorsOnly, warnings are left out.
func printDiags(w io.Writer, l diag.List, asJSON, errorsOnly bool, root string, given ...string) {
	if !asJSON && len(l) > 0 {
		l = textPaths(l, root, given...)
		l.Sort()
	}
	l.Print(w, asJSON, errorsOnly)
}
