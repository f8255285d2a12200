// Package diag holds the diagnostics every stage reports: a position in an
// input file (or none, for what is about no file), a severity, a registered
// code and a message. Stages collect them and keep going; only cmd/gen
// decides what they mean for the exit status.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says whether a diagnostic prevents correct output.
type Severity string

const (
	// Error is reserved for what prevents correct output (usage, I/O,
	// internal failures) and for the mistakes gen validate finds.
	Error Severity = "error"
	// Warning is everything about page content: the run still writes output.
	Warning Severity = "warning"
)

// Pos is where a diagnostic points: a slash-separated path relative to the
// input root, a 1-based line and a 1-based column in bytes of the original
// file. The zero Pos is about no file.
type Pos struct {
	File      string
	Line, Col int
}

// At returns a position in file.
func At(file string, line, col int) Pos { return Pos{File: file, Line: line, Col: col} }

// File returns the position of a whole file (its first byte).
func File(file string) Pos { return Pos{File: file, Line: 1, Col: 1} }

// NoFile is the position of what is about no file (flags, the output folder
// as a whole, the run itself).
var NoFile = Pos{}

// Diagnostic is one finding. File, Line and Col are empty when it is about
// no file.
type Diagnostic struct {
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

// program labels diagnostics that are about no file.
const program = "gen"

// String renders the diagnostic as path:line:col: severity: code: message,
// or gen: severity: code: message when it is about no file.
func (d Diagnostic) String() string {
	if d.File == "" {
		return fmt.Sprintf("%s: %s: %s: %s", program, d.Severity, d.Code, d.Message)
	}
	line, col := max(d.Line, 1), max(d.Col, 1)
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", d.File, line, col, d.Severity, d.Code, d.Message)
}

// List collects diagnostics.
type List []Diagnostic

func (l *List) add(at Pos, sev Severity, code, format string, args []any) {
	*l = append(*l, Diagnostic{File: at.File, Line: at.Line, Col: at.Col, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning.
func (l *List) Warn(at Pos, c WarningCode, format string, args ...any) {
	l.add(at, Warning, c.name, format, args)
}

// Error appends an error.
func (l *List) Error(at Pos, c ErrorCode, format string, args ...any) {
	l.add(at, Error, c.name, format, args)
}

// Sort orders diagnostics by file, line, column, then code and message, so
// that output is the same whatever order pages were processed in. What is
// about no file comes first.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Message, b.Message))
	})
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Without returns the diagnostics that are not warnings with one of the
// given codes (errors are always kept).
func (l List) Without(ignored map[string]bool) List {
	if len(ignored) == 0 {
		return l
	}
	out := make(List, 0, len(l))
	for _, d := range l {
		if d.Severity == Warning && ignored[d.Code] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// WarningsOnlyFrom returns the diagnostics but the warnings about a file
// not in files (errors, and what is about no file, are always kept).
func (l List) WarningsOnlyFrom(files map[string]bool) List {
	out := make(List, 0, len(l))
	for _, d := range l {
		if d.Severity == Warning && d.File != "" && !files[d.File] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Strict returns the list with every warning made an error.
func (l List) Strict() List {
	out := slices.Clone(l)
	for i := range out {
		out[i].Severity = Error
	}
	return out
}
