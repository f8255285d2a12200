// The model of an API page: the operation it documents, as the page says
// it (request syntax, parameters, body, response, permissions), before any
// path is resolved against the types.

package parser

// OperationDoc is what one API page says about the operation it documents.
type OperationDoc struct {
	Pos Position // the page's title
	// Description is the first paragraph after the title: what the
	// operation does, in the page's language.
	Description string
	// Requests are the request syntax's "METHOD path" lines, in page order:
	// the alternative paths of the operation.
	Requests   []RequestDoc
	Parameters []ParamDoc
	// Body is the type of a create or update request's body: the link of
	// "a JSON representation of [x]", or the request example's @odata.type.
	Body    TypeExpr
	BodyPos Position
	// RequestKeys are the top-level keys of the first request example's
	// JSON body, each with the type its value shows (ParamBody): never
	// translated, so they are the body parameters' names where a
	// translation changed the table's, and parameters the table leaves out.
	RequestKeys []ParamDoc
	Response    ResponseDoc
	// Permissions is nil where the page has no permissions table.
	Permissions *PermissionsDoc
	// Examples are the names the request and response examples give as
	// string values, each with the keys that lead to it: where the key's
	// property is of an enum type, the member's wire name, which no
	// translation touches. Date and time literals are kept too (Temporal
	// says which): what a translated date or time word means.
	Examples []ExampleValue
	// ExampleRequests are the request examples' "METHOD path" lines, the
	// service root and query removed: how the operation is called, which
	// the syntax may contradict (a syntax of POST, an example of GET).
	ExampleRequests []RequestDoc
	// SideEffectFree: a request example's annotation says the call is
	// composable or idempotent ("isComposable": true, "idempotent": true),
	// which only a function is.
	SideEffectFree bool
}

// ExampleValue is one name, or date or time literal, an example's JSON
// gives as a value.
type ExampleValue struct {
	Request bool     // in a request's body; else in a response's
	Type    string   // the @odata.type of the object the path starts from; "" for the body itself
	Path    []string // the keys from there to the value; "*" steps into an array
	Value   string   // a name, a flags value's names separated by commas, or a date or time literal
	// Temporal is the Edm type a date or time literal's shape shows
	// ("2017-09-04": Edm.Date), "" for a name.
	Temporal string
	Pos      Position
}

// RequestDoc is one line of the request syntax.
type RequestDoc struct {
	Method string // GET, POST, PATCH, PUT or DELETE
	Path   string // as written, without the service root and query
	Pos    Position
}

// ParamPlace is where a parameter goes.
type ParamPlace int

const (
	ParamBody     ParamPlace = iota + 1 // a property of the JSON body (actions)
	ParamFunction                       // inside a function segment's parentheses
	ParamPath                           // a path segment
	ParamQuery                          // the query string
)

// Requirement is what a parameter's row says of it.
type Requirement int

const (
	RequirementUnstated Requirement = iota
	Required
	Optional
)

// ParamDoc is one row of a parameter table.
type ParamDoc struct {
	Name        string
	Type        TypeExpr
	Required    Requirement
	Place       ParamPlace
	Description string
	// PossibleValues are the backticked values after a "Possible values
	// are" phrase in the row's description.
	PossibleValues []string
	Pos            Position
}

// ResponseDoc is what the page says the operation returns.
type ResponseDoc struct {
	Status int      // the first status code the response section names; 0 when none
	Type   TypeExpr // the returned type, Collection set for a collection; unknown when none is named
	// Annotated: the type is the response example's annotation's, not
	// the prose's.
	Annotated bool
	// Keys are the top-level keys of the first response body that is a
	// JSON object of its own (no "value" array), from an example or the
	// response section: where nothing names the type, the one type that
	// has them all is what is returned (addPassword's customKeyIdentifier,
	// keyId, secretText, ...).
	Keys []string
	Pos  Position
}

// PermissionsDoc is the permissions table: the scopes of each kind, from
// least to most privileged, as the rows list them. A row that lists none
// ("Not supported.") is an empty list; a row the table lacks is nil.
type PermissionsDoc struct {
	DelegatedWork     []string
	DelegatedPersonal []string
	Application       []string
	Pos               Position
}
