// Package diag holds the diagnostics every stage reports: a position in an
// input file, a severity, a stable code and a message. Stages collect them and
// keep going; only cmd/gen decides what they mean for the exit status.
package diag

import (
	"fmt"
	"sort"
)

// Severity says whether a diagnostic prevents correct output.
type Severity string

const (
	// Error is reserved for what prevents correct output (usage, I/O).
	Error Severity = "error"
	// Warning is everything about page content: the run still writes output.
	Warning Severity = "warning"
)

// Diagnostic is one finding, positioned in the original bytes of File.
type Diagnostic struct {
	File     string   `json:"file"` // slash-separated, relative to the input root
	Line     int      `json:"line"` // 1-based
	Col      int      `json:"col"`  // 1-based, in bytes of the original file
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

// String renders the diagnostic as path:line:col: severity: code: message.
func (d Diagnostic) String() string {
	line, col := d.Line, d.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", d.File, line, col, d.Severity, d.Code, d.Message)
}

// List collects diagnostics.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(file string, line, col int, sev Severity, code, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning.
func (l *List) Warn(file string, line, col int, code, format string, args ...any) {
	l.Add(file, line, col, Warning, code, format, args...)
}

// Sort orders diagnostics by file, line, column, then code and message, so
// that output is the same whatever order pages were processed in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
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
