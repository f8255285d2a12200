// The short default on reruns: a run with the same -in, -out and options
// as the run record's prints the warnings that are new since that run, and
// one line counting the others. -v prints them all, and so do -check,
// -strict and -diagnostics json (a gate or a tool sees every warning), a
// first run and a run with -no-cache (there is no record to compare with).

package main

import (
	"fmt"
	"io"
	"regexp"

	"github.com/docgen/graphgen/diag"
)

// lineRefs matches the positions a message names: another page's line
// ("also described at x.md:12") or a line of the same page ("the JSON
// block (line 49)"). An edit above a warning moves them with it.
var lineRefs = regexp.MustCompile(`(\.md:|\bline )\d+`)

// warningKey identifies a warning across runs: its code, its file
// (relative to -in, as the run record keeps it) and its message with the
// line numbers it names left out; not its line and column. A line added
// above a warning moves it, and the lines it names, and it is the same
// warning; a warning whose wording changed (another type, another name)
// is a new one.
func warningKey(d diag.Diagnostic) string {
	return d.Code + "\x00" + d.File + "\x00" + lineRefs.ReplaceAllString(d.Message, "${1}#")
}

// newSince returns what a rerun prints of diags: every error, and the
// warnings new since the recorded run, whose diagnostics are prior; and
// how many warnings it leaves out. A warning is new when the recorded run
// had fewer warnings of its key; then every warning of that key is
// printed, since which of them is the new one cannot be told.
func newSince(diags, prior diag.List) (shown diag.List, unchanged int) {
	before, now := map[string]int{}, map[string]int{}
	for _, d := range prior {
		if d.Severity == diag.Warning {
			before[warningKey(d)]++
		}
	}
	for _, d := range diags {
		if d.Severity == diag.Warning {
			now[warningKey(d)]++
		}
	}
	for _, d := range diags {
		if k := warningKey(d); d.Severity == diag.Warning && now[k] <= before[k] {
			unchanged++
			continue
		}
		shown = append(shown, d)
	}
	return shown, unchanged
}

// shortRerun reports whether this run prints only the new warnings: a
// rerun of a recorded run, in text, without -v, -check or -strict.
func shortRerun(o options, rep report) bool {
	return rep.rerun && o.diagnostics != "json" && !o.verbose && !o.check && !o.strict
}

// printUnchanged says how many warnings a short rerun left out.
func printUnchanged(w io.Writer, n int) {
	if n == 0 {
		return
	}
	noun := "warnings"
	if n == 1 {
		noun = "warning"
	}
	fmt.Fprintf(w, "gen: %d more %s, unchanged since the last run; -v shows all\n", n, noun)
}
