// The gen diff report: text, markdown and json, from one sorted list of
// changes. The formats are an interface (README, "gen diff").

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/docgen/graphgen/schema"
)

type diffReport struct {
	changes      []schema.Change // breaking first, then by type, element and name
	breaking     int
	descriptions int
	// counts[element][change]: added, removed, changed
	counts map[string]map[string]int
	// service says which side is a service's CSDL (the markdown heading
	// says how to read the report then).
	service serviceSides
}

func newDiffReport(changes []schema.Change) *diffReport {
	r := &diffReport{changes: changes, counts: map[string]map[string]int{}}
	sort.SliceStable(r.changes, func(i, j int) bool {
		a, b := r.changes[i], r.changes[j]
		if a.Breaking != b.Breaking {
			return a.Breaking
		}
		return false
	})
	for _, c := range changes {
		if c.Breaking {
			r.breaking++
		}
		if c.Element == schema.ElemDescription {
			r.descriptions++
		}
		if r.counts[c.Element] == nil {
			r.counts[c.Element] = map[string]int{}
		}
		r.counts[c.Element][c.Change]++
	}
	return r
}

// line renders one change as text:
//
//	path:line: breaking: removed property microsoft.graph.x.y: Edm.String (X.Y)
func (c changeLine) String() string {
	sev := "compatible"
	if c.Breaking {
		sev = "breaking"
	}
	what := c.Change + " " + c.Element
	if c.Aspect != "" {
		what += " " + c.Aspect
	}
	values := ""
	switch {
	case c.Element == schema.ElemDescription:
	case c.Change == "changed":
		values = fmt.Sprintf(": %s -> %s", orNone(c.Old), orNone(c.New))
	case c.Old != "":
		values = ": " + c.Old
	case c.New != "":
		values = ": " + c.New
	}
	at := c.At
	if at == "" {
		at = "-"
	}
	return fmt.Sprintf("%s: %s: %s %s%s (%s)", at, sev, what, c.Name, values, c.Go)
}

type changeLine schema.Change

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// summaryLine counts the changes by element.
func (r *diffReport) summaryLine() string {
	var parts []string
	for _, el := range []string{schema.ElemType, schema.ElemProperty, schema.ElemMember, schema.ElemGoName,
		schema.ElemOperation, schema.ElemParameter, schema.ElemPermission, schema.ElemEntryPoint} {
		c := r.counts[el]
		if len(c) == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s +%d -%d ~%d", plural(el), c["added"], c["removed"], c["changed"]))
	}
	s := fmt.Sprintf("gen diff: %d changes, %d breaking", len(r.changes), r.breaking)
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + fmt.Sprintf("; %d descriptions changed", r.descriptions)
}

func plural(element string) string {
	switch element {
	case schema.ElemProperty:
		return "properties"
	case schema.ElemEntryPoint:
		return "entry-points"
	}
	return element + "s"
}

func (r *diffReport) writeText(w io.Writer, verbose bool) {
	for _, c := range r.changes {
		if c.Element == schema.ElemDescription && !verbose {
			continue
		}
		fmt.Fprintln(w, changeLine(c).String())
	}
	fmt.Fprintln(w, r.summaryLine())
}

func (r *diffReport) writeJSON(w io.Writer) {
	changes := r.changes
	if changes == nil {
		changes = []schema.Change{}
	}
	byElement := map[string]map[string]int{}
	for el, c := range r.counts {
		byElement[el] = c
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{
		"changes": changes,
		"summary": map[string]any{"changes": len(r.changes), "breaking": r.breaking, "descriptions": r.descriptions, "byElement": byElement},
	})
}

// writeMarkdown writes release notes: Breaking, Added, Changed and
// Documentation, each grouped by type.
func (r *diffReport) writeMarkdown(w io.Writer, verbose bool) {
	serviceSide := r.service.old || r.service.new
	fmt.Fprint(w, r.service.heading())
	if serviceSide {
		fmt.Fprintf(w, "\n%d changes, %d breaking.\n", len(r.changes), r.breaking)
	} else {
		fmt.Fprintf(w, "\n%d changes, %d breaking; %d descriptions changed.\n", len(r.changes), r.breaking, r.descriptions)
	}
	sections := []struct {
		title string
		keep  func(schema.Change) bool
	}{
		{"Breaking", func(c schema.Change) bool { return c.Breaking }},
		{"Added", func(c schema.Change) bool { return !c.Breaking && c.Change == "added" }},
		{"Changed", func(c schema.Change) bool {
			return !c.Breaking && c.Change != "added" && c.Element != schema.ElemDescription
		}},
		{"Documentation", func(c schema.Change) bool { return verbose && c.Element == schema.ElemDescription }},
	}
	for _, sec := range sections {
		byType := map[string][]schema.Change{}
		for _, c := range r.changes {
			if sec.keep(c) {
				byType[c.Type] = append(byType[c.Type], c)
			}
		}
		if len(byType) == 0 && (sec.title != "Documentation" || serviceSide) {
			continue
		}
		fmt.Fprintf(w, "\n## %s\n", sec.title)
		if sec.title == "Documentation" && !verbose {
			fmt.Fprintf(w, "\n%d descriptions changed (listed with -v).\n", r.descriptions)
			continue
		}
		types := make([]string, 0, len(byType))
		for t := range byType {
			types = append(types, t)
		}
		sort.Strings(types)
		for _, t := range types {
			fmt.Fprintf(w, "\n### `%s`\n\n", t)
			for _, c := range byType[t] {
				fmt.Fprintf(w, "- %s\n", markdownItem(c))
			}
		}
	}
}

func markdownItem(c schema.Change) string {
	verb := strings.ToUpper(c.Change[:1]) + c.Change[1:]
	what := c.Element
	if c.Aspect != "" {
		what += " " + c.Aspect
	}
	s := fmt.Sprintf("%s %s `%s` (`%s`)", verb, what, c.Name, c.Go)
	switch {
	case c.Element == schema.ElemDescription:
	case c.Change == "changed":
		s += fmt.Sprintf(": `%s` → `%s`", orNone(c.Old), orNone(c.New))
	case c.Old != "":
		s += fmt.Sprintf(": `%s`", c.Old)
	case c.New != "":
		s += fmt.Sprintf(": `%s`", c.New)
	}
	if c.At != "" {
		s += " — " + c.At
	}
	return s
}
