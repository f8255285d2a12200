// Prose: a page's description fields, the only text of a page model that
// is copied as it stands and read for nothing else. A page edited only in
// them has the same structure, and what was resolved from it still holds.

package parser

import "reflect"

// Descriptions returns the page's description fields in a fixed order:
// each type's, then its properties'; then each enum's, then its members'.
// Two pages of the same structure give their descriptions in the same
// order, so an index names one description across edits.
func (p *Page) Descriptions() []*string {
	var out []*string
	for _, t := range p.Types {
		out = append(out, &t.Description)
		for _, pd := range t.Properties {
			out = append(out, &pd.Description)
		}
	}
	for _, e := range p.Enums {
		out = append(out, &e.Description)
		for i := range e.Members {
			out = append(out, &e.Members[i].Description)
		}
	}
	return out
}

// SameStructure reports whether two page models differ at most in the
// text of their descriptions: every other field is equal (positions and
// diagnostics included), and each description is empty in both or in
// neither. It masks the descriptions while it compares, so neither page
// may be in use elsewhere meanwhile.
func SameStructure(a, b *Page) bool {
	if a == nil || b == nil {
		return a == b
	}
	da, db := a.Descriptions(), b.Descriptions()
	if len(da) != len(db) {
		return false
	}
	restore := mask(da)
	defer restore()
	restoreB := mask(db)
	defer restoreB()
	return reflect.DeepEqual(a, b)
}

// mask replaces each description by whether it is empty, and returns what
// puts them back.
func mask(ds []*string) func() {
	saved := make([]string, len(ds))
	for i, d := range ds {
		saved[i] = *d
		if *d != "" {
			*d = "\x00"
		}
	}
	return func() {
		for i, d := range ds {
			*d = saved[i]
		}
	}
}
