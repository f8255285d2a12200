// Rendering the registry as the Markdown reference in docs/diagnostics.md.

package diag

import (
	"fmt"
	"strings"
)

// MarkdownTable renders every code, its severity and its meaning, errors
// and warnings apart, in registry order.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from diag/codes.go by `go test ./diag -update`; do not edit. -->\n")
	b.WriteString("# Diagnostic codes\n\n")
	b.WriteString("Every diagnostic is one line, `path:line:col: severity: code: message`, with `path`\n")
	b.WriteString("relative to `-in` and `col` counted in bytes; one that is about no file reads\n")
	b.WriteString("`gen: severity: code: message` (in `-diagnostics json`, it has no `file`, `line` or\n")
	b.WriteString("`col` keys). Warnings are about page content: the run still writes a complete\n")
	b.WriteString("package, `-ignore CODE` leaves them out and `-strict` makes the rest errors. Errors\n")
	b.WriteString("cannot be ignored.\n")
	for _, sev := range []Severity{Warning, Error} {
		fmt.Fprintf(&b, "\n## %ss\n", strings.ToUpper(string(sev[:1]))+string(sev[1:]))
		for _, c := range registry {
			if c.Severity() == sev {
				fmt.Fprintf(&b, "\n### `%s`\n\n%s.\n\n```\n%s\n```\n", c.Name(), upperFirst(c.Meaning()), c.Example())
			}
		}
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
