// Prose: a page's description fields, the only text of a page model that
// is copied as it stands and read for nothing else. A page edited only in
// them has the same structure, and what was resolved from it still holds.

package parser

// Descriptions returns the page's description fields in a fixed order:
// each type's, then its properties'; then each enum's, then its members';
// then an API page's operation's, then its parameters'.
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
	if op := p.Operation; op != nil {
		out = append(out, &op.Description)
		for i := range op.Parameters {
			out = append(out, &op.Parameters[i].Description)
		}
	}
	return out
}
