// Printing diagnostics: the one text and JSON-lines printer every command
// uses.

package diag

import (
	"encoding/json"
	"fmt"
	"io"
)

// Print writes the diagnostics to w, one per line: as text
// (path:line:col: severity: code: message) or, with asJSON, as JSON
// objects, each path as the diagnostic holds it (a command that prints
// text names the files from the current folder first). With errorsOnly,
// warnings are left out.
func (l List) Print(w io.Writer, asJSON, errorsOnly bool) {
	enc := json.NewEncoder(w)
	for _, d := range l {
		if errorsOnly && d.Severity != Error {
			continue
		}
		if asJSON {
			enc.Encode(d)
		} else {
			fmt.Fprintln(w, d.String())
		}
	}
}
