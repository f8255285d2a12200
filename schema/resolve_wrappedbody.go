// An action's body whose one key holds the object the page's rows
// describe: the key is the parameter, not the rows.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
)

// wrappedBody returns the one parameter of a body the rows describe from
// inside: application-addpassword.md lists displayName, endDateTime and
// startDateTime, and its request example sends
// {"passwordCredential": {"displayName": ...}}; the service's parameter
// is passwordCredential. It applies where the example's body has one key,
// no row is named like it, and the key names a type (in the namespace of
// the binding, or by the value's @odata.type) that has every row as a
// property.
func (r *resolver) wrappedBody(doc *parser.OperationDoc, namespace string) (parser.ParamDoc, bool) {
	if len(doc.RequestKeys) != 1 {
		return parser.ParamDoc{}, false
	}
	key := doc.RequestKeys[0]
	if key.Type.Primitive != "" || key.Type.Collection || !parser.IsIdentifier(key.Name) {
		return parser.ParamDoc{}, false
	}
	var rows []parser.ParamDoc
	for _, d := range doc.Parameters {
		if d.Place == parser.ParamBody {
			if strings.EqualFold(d.Name, key.Name) {
				return parser.ParamDoc{}, false
			}
			rows = append(rows, d)
		}
	}
	if len(rows) == 0 {
		return parser.ParamDoc{}, false
	}
	name := key.Type.Name
	if name == "" {
		name = namespace + "." + key.Name
	}
	t, ok := r.lookup(name)
	if !ok || t.Kind == Enum {
		return parser.ParamDoc{}, false
	}
	for _, d := range rows {
		if r.findProperty(t, d.Name) == nil {
			return parser.ParamDoc{}, false
		}
	}
	key.Type = parser.TypeExpr{Raw: t.Name, Name: t.Name}
	return key, true
}
