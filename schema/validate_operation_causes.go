// Root causes of the findings about operations: one mistake in a page,
// or one practice of a family of pages, that several findings follow from
// is reported once, and the findings it explains are kept apart (listed
// with -v), as validate_causes.go does for a base a page does not name.

package schema

import (
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/graphgen/diag"
)

// causes reports the root causes of the operation findings and marks the
// findings they explain in the validator.
//
//   - unlisted-parameters: an action whose request examples hold keys none
//     of its parameters has (two findings or more): its parameter table
//     lacks them, or it is a property of its binding's type that the
//     type's page lacks, read as an action.
//   - missing-property: request paths that go through a segment the type
//     reached has no property of (two examples or more, and no near miss of
//     a property's name, which is a typo in the path).
//   - wrapped-responses: responses of reads, functions and actions that
//     wrap the one object returned in {"value": {...}} (two or more): one
//     practice of the pages (a generator of pages writes them so), reported
//     once at the first operation's page.
func (c *opChecker) causes() diag.List {
	var out diag.List
	explain := func(fs []opFinding) {
		if c.v.explainedBy == nil {
			c.v.explainedBy = map[int]bool{}
		}
		for _, f := range fs {
			c.v.explainedBy[f.diag] = true
		}
	}
	byOp := map[*Operation][]opFinding{}
	byStuck := map[string][]opFinding{}
	var wrapped []opFinding
	for _, f := range c.findings {
		switch {
		case f.code == diag.UnknownParameter && f.op != nil && f.op.Source != "":
			byOp[f.op] = append(byOp[f.op], f)
		case f.code == diag.UnknownOperation && f.stuck != nil && f.stuck.Source != "" && !nearMiss(f.stuck, f.name):
			key := f.stuck.Name + "|" + strings.ToLower(f.name)
			byStuck[key] = append(byStuck[key], f)
		case f.code == diag.ResponseMismatch && f.name == "wrapped" && f.op != nil && f.op.Source != "":
			wrapped = append(wrapped, f)
		}
	}
	for _, op := range sortedOps(byOp) {
		fs := byOp[op]
		if len(fs) < minExplained {
			continue
		}
		names := map[string]bool{}
		for _, f := range fs {
			names[f.name] = true
		}
		examples := countExamples(fs)
		question := "are they parameters its table lacks"
		if len(names) == 1 {
			question = "is it a parameter its table lacks"
		}
		listed := "its page lists " + strconv.Itoa(len(op.Parameters)) + " " + plural(len(op.Parameters), "parameter")
		out.Error(SourcePos(op.Source), diag.UnlistedParameters,
			"action %s (%s; %s) is called with %s in its request examples: %s, or is %s a property its binding's page lacks? This explains %d %s in %d %s",
			op.Name, bindingWord(op), listed, quoteList(names), question, op.Name, len(fs), plural(len(fs), "finding"), examples, plural(examples, "example"))
		explain(fs)
	}
	keys := make([]string, 0, len(byStuck))
	for k := range byStuck {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fs := byStuck[k]
		examples := countExamples(fs)
		if examples < minExplained {
			continue
		}
		t := fs[0].stuck
		out.Error(SourcePos(t.Source), diag.MissingProperty,
			"%s has no property %q, which the paths of %d request %s go through: does its page lack it? This explains %d %s",
			t.Name, fs[0].name, examples, plural(examples, "example"), len(fs), plural(len(fs), "finding"))
		explain(fs)
	}
	if len(wrapped) >= minExplained {
		slices.SortFunc(wrapped, func(a, b opFinding) int { return strings.Compare(a.op.Source, b.op.Source) })
		pages := map[string]bool{}
		for _, f := range wrapped {
			pages[sourcePath(f.op.Source)] = true
		}
		out.Error(SourcePos(wrapped[0].op.Source), diag.WrappedResponses,
			"%d response examples of %d %s wrap the one object their operation returns in {\"value\": {...}}, where the service sends the object itself (this page's first): one practice of the pages, their objects checked inside it",
			len(wrapped), len(pages), plural(len(pages), "page"))
		explain(wrapped)
	}
	return out
}

// nearMiss reports a segment that is a property of t but for a letter or
// two, or letter case alone: a typo in the path, not a property its page
// lacks.
func nearMiss(t *Type, seg string) bool {
	low := strings.ToLower(seg)
	for b := range t.Lineage() {
		for _, p := range b.Properties {
			if d := len(p.Name) - len(low); d <= 2 && d >= -2 && editDistance(strings.ToLower(p.Name), low) <= 2 {
				return true
			}
		}
	}
	return false
}

func countExamples(fs []opFinding) int {
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.example] = true
	}
	return len(seen)
}

func sortedOps(m map[*Operation][]opFinding) []*Operation {
	out := make([]*Operation, 0, len(m))
	for op := range m {
		out = append(out, op)
	}
	slices.SortFunc(out, func(a, b *Operation) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// bindingWord says what an operation is bound to, for a message.
func bindingWord(op *Operation) string {
	switch {
	case op.Binding == nil:
		return "bound to what its paths did not resolve"
	case op.Binding.Collection:
		return "bound to a collection of " + op.Binding.Type
	}
	return "bound to " + op.Binding.Type
}
