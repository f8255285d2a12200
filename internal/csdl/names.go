// Names in a CSDL document: simple identifiers, namespaces, and type
// references (Collection(graph.event)) qualified through the document's
// aliases.

package csdl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSDL bounds a simple identifier at 128 characters and a namespace at 511.
const (
	maxIdentifier = 128
	maxNamespace  = 511
)

// simpleIdentifier reports a CSDL SimpleIdentifier: a letter or underscore,
// then letters, digits, underscores and combining marks, at most 128.
func simpleIdentifier(s string) bool {
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxIdentifier {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		case i > 0 && (unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Cf)):
		default:
			return false
		}
	}
	return true
}

// namespaceName reports a namespace: simple identifiers joined by dots.
func namespaceName(s string) bool {
	if len(s) > maxNamespace*utf8.UTFMax || utf8.RuneCountInString(s) > maxNamespace {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if !simpleIdentifier(part) {
			return false
		}
	}
	return true
}

// typeRef is a type reference as written: Collection(X) or X, X a
// qualified name (namespace or alias, a dot, a simple identifier).
type typeRef struct {
	qualifier, name string
	collection      bool
}

// parseTypeRef reads a type reference, or reports that it is none.
func parseTypeRef(s string) (typeRef, bool) {
	var r typeRef
	if inner, ok := strings.CutPrefix(s, "Collection("); ok {
		inner, ok = strings.CutSuffix(inner, ")")
		if !ok {
			return r, false
		}
		s, r.collection = inner, true
	}
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return r, false
	}
	r.qualifier, r.name = s[:i], s[i+1:]
	return r, namespaceName(r.qualifier) && simpleIdentifier(r.name)
}

// edmNamespace holds the primitive types (Edm.String) and the abstract ones
// (Edm.EntityType, Edm.Untyped); no document declares it.
const edmNamespace = "Edm"

// aliases maps each alias a Schema or an edmx:Include declares to its
// namespace. In CSDL an alias holds for the whole document.
type aliases map[string]string

// qualify spells a qualified name with its namespace, whether it was
// written with the namespace or an alias: graph.user is
// microsoft.graph.user when graph is the alias of microsoft.graph.
func (a aliases) qualify(qualifier, name string) string {
	if ns, ok := a[qualifier]; ok {
		qualifier = ns
	}
	return qualifier + "." + name
}
