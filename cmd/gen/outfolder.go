// What -out must be before a run reads any page: a folder (or none yet),
// whose Go files that gen did not write belong to the package gen writes.

package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen/graphgen/emitter"
)

// outFolderFits says what is wrong with -out for a package named pkg, or
// "": a file where the folder should be, or a hand-written Go file of
// another package (go build would then find two packages in one folder).
// A test file may be of pkg or pkg_test.
func outFolderFits(out, pkg string) string {
	info, err := os.Stat(out)
	switch {
	case err != nil:
		return "" // made by the run
	case !info.IsDir():
		return "-out " + out + " is a file, not a folder"
	}
	names, _ := filepath.Glob(filepath.Join(out, "*.go"))
	sort.Strings(names)
	for _, name := range names {
		src, err := readRegular(name, 16<<20, false)
		if err != nil || emitter.IsGenerated(src) {
			continue // gen's own files are rewritten with the new package
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly)
		if err != nil {
			continue // go build will say what is wrong with it
		}
		got := f.Name.Name
		if got == pkg || strings.HasSuffix(name, "_test.go") && got == pkg+"_test" {
			continue
		}
		return "-out " + out + " holds " + filepath.Base(name) + ", a file of package " + got + " that gen did not write, and gen writes package " +
			pkg + ": give -pkg " + got + ", or move the file (go build takes one package per folder)"
	}
	return ""
}
