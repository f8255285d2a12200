// Package templates holds the support files of every generated package,
// as text/template sources embedded in the binary (go:embed cannot reach a
// parent folder, so they live in a package of their own). Templates read
// precomputed fields only; all logic stays in the emitter.
package templates

import "embed"

// FS holds the templates: one *.go.tmpl per support file, named after it.
//
//go:embed *.go.tmpl
var FS embed.FS

// Data is what every support template reads.
type Data struct {
	Package  string // the Go package name
	Header   string // the generated-file header line, without "// "
	Generate string // the go:generate command for doc.go, "" for none
}
