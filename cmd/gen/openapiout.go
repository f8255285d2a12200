// -openapi-out: which files the OpenAPI document may be written to, its
// format and version, and rendering it beside the package.

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/schema"
)

// openapiOutFits refuses an -openapi-out that would overwrite what it must
// not or be read as input: a folder, a Go file or a page, a file inside
// -in (the pages; -watch would see every write), the -schema-out file or
// the -overrides file. A message means bad usage.
func openapiOutFits(o options) string {
	f := o.openapiOut
	if f == "" {
		return ""
	}
	switch ext := strings.ToLower(filepath.Ext(f)); ext {
	case ".go", ".md":
		return fmt.Sprintf("-openapi-out %s: a %s file would be read as Go code or as a page; name a .json, .yaml or .yml file", f, ext)
	}
	if info, err := os.Stat(f); err == nil && info.IsDir() {
		return "-openapi-out " + f + " is a folder, not a file"
	}
	abs, err := filepath.Abs(f)
	if err != nil {
		return ""
	}
	abs = resolvePath(abs, 0)
	same := func(other string) bool {
		if other == "" {
			return false
		}
		a, err := filepath.Abs(other)
		return err == nil && resolvePath(a, 0) == abs
	}
	switch {
	case same(o.schemaOut):
		return "-openapi-out and -schema-out name the same file"
	case same(o.ovr.path):
		return "-openapi-out names the -overrides file"
	}
	if in, err := filepath.Abs(o.in); err == nil {
		if rel, err := filepath.Rel(resolvePath(in, 0), abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "-openapi-out is inside -in, the folder of pages"
		}
	}
	return ""
}

// openapiYAML: the document is YAML when the file's name ends in .yaml or
// .yml, else JSON.
func openapiYAML(file string) bool {
	ext := strings.ToLower(filepath.Ext(file))
	return ext == ".yaml" || ext == ".yml"
}

// versionFolder is the name of a version folder (v1.0, beta).
var versionFolder = regexp.MustCompile(`^(v[0-9]+(\.[0-9]+)*|beta)$`)

// apiVersion is the version the -in folder names: its own name (v1.0),
// or its parent's for a folder of one kind of pages (v1.0/resources);
// "" when neither is a version.
func apiVersion(in string) string {
	abs, err := filepath.Abs(in)
	if err != nil {
		return ""
	}
	name := filepath.Base(abs)
	if versionFolder.MatchString(name) {
		return name
	}
	if name == "resources" || name == "api" {
		if parent := filepath.Base(filepath.Dir(abs)); versionFolder.MatchString(parent) {
			return parent
		}
	}
	return ""
}

// renderOpenAPI renders the document of s for -openapi-out; whole is the
// schema a -types subset s was taken from, or s.
func renderOpenAPI(o options, s, whole *schema.Schema) ([]byte, openapi.Report, error) {
	doc, rep, err := openapi.Render(s, openapi.Options{Version: apiVersion(o.in), YAML: openapiYAML(o.openapiOut), Whole: whole})
	if err != nil {
		return nil, rep, fmt.Errorf("OpenAPI document: %w", err)
	}
	return doc, rep, nil
}

// printOpenAPIReport says, under -v, what the document holds, the
// requests of several operations it merged and each thing of the schema
// it left out.
func printOpenAPIReport(stdout io.Writer, file string, rep openapi.Report) {
	fmt.Fprintf(stdout, "gen: -openapi-out %s: %s\n", file, rep)
	for _, m := range rep.Merged {
		fmt.Fprintf(stdout, "gen: -openapi-out: merged %s\n", m)
	}
	for _, l := range rep.LeftOut {
		fmt.Fprintf(stdout, "gen: -openapi-out: left out %s\n", l)
	}
}
