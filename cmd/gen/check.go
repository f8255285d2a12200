// -check: compare what a run would write with -out, and say what differs.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/schema"
)

// maxDiffLines caps each file's diff in -check output; maxDiffFiles caps
// how many files get one.
const (
	maxDiffLines = 40
	maxDiffFiles = 20
)

// check compares what a run would write with -out and reports each file
// that would be added, changed or removed, with a short unified diff. The
// temporary files a killed run left in -out make it stale too: a run
// removes them. It looks under -out's lock, so a concurrent run's own
// temporary files are never counted.
func check(o options, s *schema.Schema, files []emitter.File, stdout io.Writer, rep *report) int {
	res, err := emitter.PlanLocked(o.out, files)
	if err != nil {
		return rep.fail(diag.CheckFailed, "%v", err)
	}
	removed := len(res.Removed) + len(res.Temporary)
	if len(res.Written) == 0 && removed == 0 {
		if !o.quiet {
			fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", o.out, len(res.Unchanged))
		}
		return exitOK
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	hint := ""
	if old, err := os.ReadFile(filepath.Join(o.out, docFile)); err == nil {
		hint = goGenerateHint(o.goGenerate, old, byName[docFile])
	}
	if o.quiet {
		fmt.Fprintf(stdout, "gen: %s is stale: %d files would be written, %d removed%s\n", o.out, len(res.Written), removed, hint)
		return exitError
	}
	schemaChanges(o.schemaOut, s, sourceInText(o.in, o.ovr.file()), stdout)
	shown := 0
	for _, name := range res.Written {
		old, err := os.ReadFile(filepath.Join(o.out, name))
		verb := "changed"
		if err != nil {
			verb, old = "added", nil
		}
		fmt.Fprintf(stdout, "%s %s\n", verb, filepath.Join(o.out, name))
		if shown < maxDiffFiles {
			fmt.Fprint(stdout, cappedDiff(name, old, byName[name]))
			shown++
		}
	}
	for _, name := range res.Removed {
		fmt.Fprintf(stdout, "removed %s\n", filepath.Join(o.out, name))
	}
	for _, name := range res.Temporary {
		fmt.Fprintf(stdout, "removed %s (a temporary file left by a run that was killed)\n", filepath.Join(o.out, name))
	}
	fmt.Fprintf(stdout, "gen: %s is stale: %d files would be written, %d removed; run gen without -check%s\n", o.out, len(res.Written), removed, hint)
	return exitError
}

// docFile is the support file that carries the //go:generate line.
const docFile = "doc.go"

var goGenerateDirective = []byte("//go:generate ")

// goGenerateHint explains a doc.go that differs only because this run's
// -go-generate setting is not the one -out was made with, so that nobody
// drops their //go:generate line to make -check pass.
func goGenerateHint(goGenerate bool, old, new []byte) string {
	had := bytes.Contains(old, goGenerateDirective)
	switch {
	case had && !goGenerate:
		return fmt.Sprintf("; note: %s in -out has a //go:generate line (it was made with -go-generate) and this run has no -go-generate: add -go-generate to compare like with like", docFile)
	case !had && goGenerate && bytes.Contains(new, goGenerateDirective):
		return fmt.Sprintf("; note: this run has -go-generate but %s in -out has no //go:generate line (it was made without)", docFile)
	}
	return ""
}

// schemaChanges prints, before the file diffs, what changed in the API
// since the run that wrote the schema file: the counts and every breaking
// change, each named by place (sourceInText: the file is this command's
// -schema-out, so both sides' paths are relative to -in). Nothing when
// there is no readable schema file.
func schemaChanges(schemaFile string, s *schema.Schema, place func(string) string, stdout io.Writer) {
	if schemaFile == "" {
		return
	}
	data, err := readRegular(schemaFile, maxSchemaBytes, followLink)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		fmt.Fprintf(stdout, "gen: %s: %v; no schema-level summary\n", schemaFile, err)
		return
	}
	old, err := schema.ReadJSON(data)
	if err != nil {
		fmt.Fprintf(stdout, "gen: %s: %v; no schema-level summary\n", schemaFile, err)
		return
	}
	rep := newDiffReport(schema.Diff(old, s))
	fmt.Fprintf(stdout, "gen: API changes since %s (gen diff for all of them):\n", schemaFile)
	for _, c := range rep.changes {
		if c.Breaking {
			c.At = place(c.At)
			fmt.Fprintln(stdout, changeLine(c).String())
		}
	}
	fmt.Fprintln(stdout, rep.summaryLine())
}

func cappedDiff(name string, old, new []byte) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(old)), B: difflib.SplitLines(string(new)),
		FromFile: "a/" + name, ToFile: "b/" + name, Context: 2,
	})
	if err != nil {
		return ""
	}
	lines := strings.SplitAfter(d, "\n")
	if len(lines) > maxDiffLines {
		lines = append(lines[:maxDiffLines], fmt.Sprintf("... (%d more lines)\n", len(lines)-maxDiffLines))
	}
	return strings.Join(lines, "")
}
