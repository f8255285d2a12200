// Package csdl reads a service's CSDL $metadata document (OData CSDL XML
// 4.0 and 4.01) so that gen diff can compare the docs with the service. It
// keeps what the document says in its own model, with positions and every
// name qualified (aliases resolved), and makes a schema.Schema of its
// types, actions, functions and entry points for the comparison.
//
// The document is untrusted input: it is read as a stream of tokens (no
// recursion, no entity expansion), what cannot be used is reported at its
// line and column and skipped, and a file that is no CSDL is an error.
package csdl

// Model is what a CSDL document declares, every name qualified with its
// namespace (an alias such as graph for microsoft.graph is resolved).
type Model struct {
	File    string // the path positions are in, as the user gave it
	Version string // the edmx:Edmx Version: 4.0 or 4.01

	Schemas     []SchemaInfo
	Types       []*Type       // entity, complex and enum types, in document order
	Operations  []*Operation  // actions and functions, overloads apart, in document order
	EntryPoints []*EntryPoint // the entity container's entity sets, singletons and imports
}

// SchemaInfo is one Schema element: its namespace and alias.
type SchemaInfo struct {
	Namespace string
	Alias     string // "" when it has none
	Line      int
}

// Pos is a place in the document: 1-based line and column (in bytes) of
// the element's '<'.
type Pos struct {
	Line, Col int
}

// Kind is what a type element declares.
type Kind string

// The kinds of type elements gen reads.
const (
	EntityType  Kind = "entity"
	ComplexType Kind = "complex"
	EnumType    Kind = "enum"
)

// Type is one EntityType, ComplexType or EnumType.
type Type struct {
	Name      string // qualified: microsoft.graph.user
	Kind      Kind
	Base      string // qualified BaseType, "" when none
	Abstract  bool
	OpenType  bool
	HasStream bool
	IsFlags   bool // an enum whose values combine
	Key       []string
	Pos       Pos

	Properties []*Property // Property and NavigationProperty, in document order
	Members    []*Member
}

// Property is one Property or NavigationProperty.
type Property struct {
	Name       string
	Type       string // qualified element type: Edm.String, microsoft.graph.event
	Collection bool   // declared Collection(...)
	Navigation bool   // a NavigationProperty
	Nullable   bool   // as declared; CSDL's default is true
	Contained  bool   // ContainsTarget
	Pos        Pos
}

// Member is one enum Member. Value is the declared value or, where the
// enum declares none, its place (CSDL numbers such members 0, 1, 2...).
type Member struct {
	Name  string
	Value *int64
	Pos   Pos
}

// OperationKind tells actions from functions.
type OperationKind string

// The kinds of operations.
const (
	Action   OperationKind = "action"
	Function OperationKind = "function"
)

// Operation is one Action or Function overload.
type Operation struct {
	Name       string // qualified: microsoft.graph.sendMail
	Kind       OperationKind
	Bound      bool
	Composable bool
	Binding    *Parameter  // the first parameter of a bound operation
	Parameters []Parameter // after the binding one
	Return     *Parameter  // nil when it returns nothing; Name is ""
	Pos        Pos
}

// Parameter is one parameter, or a return type.
type Parameter struct {
	Name       string
	Type       string // qualified element type
	Collection bool
	Nullable   bool
}

// EntryPointKind is what the entity container declares.
type EntryPointKind string

// The kinds of entry points.
const (
	EntitySet      EntryPointKind = "entityset"
	Singleton      EntryPointKind = "singleton"
	ActionImport   EntryPointKind = "action-import"
	FunctionImport EntryPointKind = "function-import"
)

// EntryPoint is one child of the EntityContainer: a top-level path of the
// service (users, me) or an unbound operation's import.
type EntryPoint struct {
	Name      string
	Kind      EntryPointKind
	Container string // qualified name of its EntityContainer
	Type      string // the entity type (qualified) or, for an import, the operation
	Pos       Pos
}
