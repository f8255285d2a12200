// Package templates holds the support files of every generated package:
// doc.go as a text/template, and the runtime (templates/runtime), a Go
// package of its own that vet, the race detector and its tests see, copied
// into each generated package with its package clause changed. Both are
// embedded in the binary (go:embed cannot reach a parent folder, so they
// live here).
package templates

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// FS holds the doc.go template and the runtime's source.
//
//go:embed doc.go.tmpl runtime/*.go
var FS embed.FS

// Data is what the doc.go template reads.
type Data struct {
	Package  string // the Go package name
	Header   string // the generated-file header line, without "// "
	Generate string // the go:generate command for doc.go, "" for none
	// GenerateNote is the lines of a comment above the go:generate line,
	// already made comment text (emitter.commentLines).
	GenerateNote []string
}

// RuntimePrefix starts the name of every runtime file in a generated
// package (odata_decode.go), so none takes a type's file name.
const RuntimePrefix = "odata_"

// standalone is the runtime file that stands in for the generated
// registry.go, so the runtime builds on its own; it is never copied.
const standalone = "standalone.go"

// RuntimeFile is one file of the runtime as a generated package holds it.
type RuntimeFile struct {
	Name   string // in the generated package: odata_decode.go
	Source []byte // as templates/runtime holds it, package clause and all
	// Client: the file is the client's (client*.go), which only a package
	// generated with -client holds.
	Client bool
}

// Runtime returns the runtime's files, sorted by name: every .go file of
// templates/runtime but its tests and the stand-in for registry.go.
func Runtime() []RuntimeFile {
	entries, err := fs.ReadDir(FS, "runtime")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	var out []RuntimeFile
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || name == standalone {
			continue
		}
		src, err := FS.ReadFile(path.Join("runtime", name))
		if err != nil {
			panic(err)
		}
		out = append(out, RuntimeFile{Name: RuntimePrefix + name, Source: src, Client: strings.HasPrefix(name, "client")})
	}
	slices.SortFunc(out, func(a, b RuntimeFile) int { return strings.Compare(a.Name, b.Name) })
	return out
}
