// Rendering the registry as the Markdown reference in docs/diagnostics.md.

package diag

import (
	"fmt"
	"strings"
)

// markdownTable renders every code, its severity and its meaning, errors
// and warnings apart, in registry order.
func markdownTable() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from diag/codes.go by `go test ./diag -update`; do not edit. -->\n")
	b.WriteString("# Diagnostic codes\n\n")
	b.WriteString("Every diagnostic is one line, `path:line:col: severity: code: message`, with `path`\n")
	b.WriteString("relative to the current folder (in `-diagnostics json`, `file` is relative to `-in`:\n")
	b.WriteString("[which is which](cli.md#paths-which-is-which)) and `col` counted in bytes; one that\n")
	b.WriteString("is about no file reads `gen: severity: code: message` (in `-diagnostics json`, it\n")
	b.WriteString("has no `file`, `line` or `col` keys). The examples below are as printed by a run in\n")
	b.WriteString("the `-in` folder (`gen validate`'s, in the folder that holds `resources/` and\n")
	b.WriteString("`api/`). Warnings are about page content: the run still writes a complete package,\n")
	b.WriteString("`-ignore CODE` leaves them out and `-strict` makes the rest errors. Errors cannot be\n")
	b.WriteString("ignored.\n")
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
