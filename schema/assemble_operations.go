// A schema of another model than pages (a service's CSDL): its types,
// operations and entry points, linked and named by the rules a run over
// pages follows, so that gen diff compares the two.

package schema

import "sort"

// FromModel returns the schema of types, operations (actions and
// functions) and entry points that come from another model than pages,
// linked and with every Go name: an operation's as for pages (its
// binding's type and its name, UserSendMail), claimed in the order of its
// kind, name, binding and (a function's) argument names.
func FromModel(types []*Type, ops []*Operation, entries []*EntryPoint) *Schema {
	s := FromTypes(types)
	if len(ops) == 0 && len(entries) == 0 {
		return s
	}
	for _, o := range ops {
		o.claimKey = opKey(o)
	}
	s.Operations = ops
	s.EntryPoints = append([]*EntryPoint(nil), entries...)
	sort.SliceStable(s.EntryPoints, func(i, j int) bool { return s.EntryPoints[i].Name < s.EntryPoints[j].Name })
	assignNames(s) // again, with the operations: the types' names are the same
	return s
}
