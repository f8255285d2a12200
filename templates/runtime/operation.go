// Operations: the table of the documented operations (the generated
// operations.go fills it) and the ways to read it.

package runtime

import (
	"reflect"
	"sort"
)

// OperationSpec is one documented operation: what to send where, and what
// comes back. The table is data for clients: Operations lists it and
// LookupOperation finds one by GoName.
type OperationSpec struct {
	// GoName names the operation in this package (UserSendMail,
	// UserListMessages).
	GoName string
	// Name is the action or function, or for the others the kind and the
	// segment reached (listMessages).
	Name string
	// Kind is one of list, get, create, update, delete, action, function
	// and navigation ($ref, $value and $count).
	Kind string
	// Requests are the documented paths with their methods, as the page
	// writes them ({id | userPrincipalName} and all); an operation
	// documented with several paths has them all.
	Requests []RequestSpec
	// Binding is the qualified name of the type the path reaches before
	// the operation's segment (for list, get, create, update, delete and
	// navigation: the one it reaches), and BindingCollection says it is a
	// collection of it; "" where the paths did not resolve.
	Binding           string
	BindingCollection bool
	// Returns is what the response holds, as the docs name it:
	// "microsoft.graph.user", "Collection(microsoft.graph.user)",
	// "Edm.Boolean"; "" where nothing is returned.
	Returns string
	// Envelope is what the response wraps ResultType's values in:
	// "Collection" (decode it into a Collection[T]), "Value" (one
	// primitive or enum value: a Value[T]), or "" (the value itself).
	Envelope string
	// Permissions are the scopes each kind of caller needs; nil where the
	// page has no permissions table.
	Permissions *PermissionSpec

	binding any // a nil *T: T is the binding's Go type
	body    any // a nil *T: T is the request body's Go type
	result  any // a nil *T: T is the response's Go type
}

// RequestSpec is one documented request: a method and a path template.
type RequestSpec struct {
	Method string
	Path   string
}

// PermissionSpec are the scopes each kind of caller needs, from least to
// most privileged; a kind the page marks not supported is empty.
type PermissionSpec struct {
	DelegatedWork     []string
	DelegatedPersonal []string
	Application       []string
}

// BindingType is the Go type of Binding (its struct), or nil where the
// binding is not a type of this package.
func (o *OperationSpec) BindingType() reflect.Type { return elemOf(o.binding) }

// BodyType is the Go type of the request body: an action's body struct
// (UserSendMailRequest), the type a create or update sends; nil where
// nothing is sent.
func (o *OperationSpec) BodyType() reflect.Type { return elemOf(o.body) }

// ResultType is the Go type of the values the response holds: a struct,
// a type's interface (AnyDirectoryObject), a primitive or an enum type, in
// the Envelope the response wraps them in (a collection of users is a
// Collection[User]); nil where nothing is returned or the response is not
// JSON (Edm.Stream). The table names T, not Collection[T]: an
// instantiation per type would cost every build of the package.
func (o *OperationSpec) ResultType() reflect.Type { return elemOf(o.result) }

func elemOf(nilPointer any) reflect.Type {
	if nilPointer == nil {
		return nil
	}
	return reflect.TypeOf(nilPointer).Elem()
}

// Operations returns the documented operations, sorted by GoName. The
// slice is the caller's; the specs share their lists with the table, so
// do not change them.
func Operations() []OperationSpec {
	return append([]OperationSpec(nil), operations...)
}

// LookupOperation returns the operation named goName.
func LookupOperation(goName string) (OperationSpec, bool) {
	i := sort.Search(len(operations), func(i int) bool { return operations[i].GoName >= goName })
	if i < len(operations) && operations[i].GoName == goName {
		return operations[i], true
	}
	return OperationSpec{}, false
}
