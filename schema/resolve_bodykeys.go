// The operations pass, an action's body rows renamed by a translation:
// which of the request example's keys each row is, by the shape of the
// key's example value.

package schema

import "github.com/docgen/graphgen/parser"

// matchKeys returns, for each of the unnamed rows (indexes into rows), the
// index of the key in keys that names it: the first key left whose example
// value the row's type can take, where every row finds one; else the keys
// in order.
func matchKeys(rows []parser.ParamDoc, unnamed []int, keys []parser.ParamDoc, enum func(parser.ParamDoc) bool) []int {
	order := make([]int, len(unnamed))
	used := make([]bool, len(keys))
	for j, i := range unnamed {
		found := -1
		for k, key := range keys {
			if !used[k] && valueFits(rows[i], key.Type, enum) {
				found = k
				break
			}
		}
		if found < 0 {
			for j := range order {
				order[j] = j
			}
			return order
		}
		used[found], order[j] = true, found
	}
	return order
}

// valueFits: a row's type can take the value an example gives its key: a
// primitive value for a primitive or enum type, an object (typed or not)
// for any other; a row or value of unknown type fits anything.
func valueFits(row parser.ParamDoc, value parser.TypeExpr, enum func(parser.ParamDoc) bool) bool {
	t := row.Type
	if !t.Known() || value.Collection && !value.Known() {
		return true // an empty array fits any collection
	}
	primitiveValue := value.Primitive != ""
	objectValue := value.Primitive == "" && (value.Name != "" || value.Raw == "")
	switch {
	case t.Primitive != "":
		return primitiveValue || !objectValue
	case enum(row):
		return primitiveValue
	default:
		return objectValue || !primitiveValue
	}
}

// enumTyped: the type a page names resolves to an enum.
func (r *resolver) enumTyped(p *parser.Page, t parser.TypeExpr) bool {
	_, e, ok := r.knownType(p, t)
	return ok && e != nil && e.t.Kind == Enum
}
