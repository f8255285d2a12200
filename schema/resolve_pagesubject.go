// The page's subject: the type an API page's file name says its operation
// belongs to, where its paths reach only a base of it.

package schema

import (
	"path"
	"strings"
)

// pageSubject is the binding of an operation documented on the page at
// pagePath. An API page's file name is its type and its operation
// (intune-mam-targetedmanagedappprotection-assign.md): the file name is
// never translated, and where a derived type's operation is documented
// through a path that reaches only its base (/managedAppPolicies/{id}/assign),
// it is the one sign of the type the operation is bound to. The binding
// becomes the type named there when that type derives from the one the
// path reaches; otherwise it stays.
func (r *resolver) pageSubject(pagePath, opName string, bound *TypeRef) *TypeRef {
	if bound == nil {
		return nil
	}
	at, ok := r.lookup(bound.Type)
	if !ok {
		return bound
	}
	parts := fileNameParts(pagePath)
	if i, ok := fileNamesOperation(parts, opName); ok && i >= 1 {
		named, ok := r.lookup(namespaceOf(bound.Type) + "." + parts[i-1])
		if ok && named != at && descendsFrom(named, at, 8) {
			return &TypeRef{Type: named.Name, Collection: bound.Collection}
		}
	}
	return bound
}

// fileNameParts are an API page's file name's parts, in lower case
// (intune-mam-targetedmanagedappprotection-assign.md: intune, mam,
// targetedmanagedappprotection, assign).
func fileNameParts(pagePath string) []string {
	return strings.Split(strings.ToLower(strings.TrimSuffix(path.Base(pagePath), ".md")), "-")
}

// fileNamesOperation reports whether the file name ends in the operation's
// name, which may be spelled in several parts (application-add-password.md),
// and the index of its first part: the type is the part before it.
func fileNamesOperation(parts []string, opName string) (int, bool) {
	want := strings.ToLower(opName)
	for i := len(parts) - 1; i >= 1; i-- {
		if strings.Join(parts[i:], "") == want {
			return i, true
		}
	}
	return 0, false
}
