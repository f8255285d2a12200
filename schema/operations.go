// The operations and entry points of the schema (version 3): what the API
// pages say can be called, each path resolved against the types.

package schema

// OpKind is the kind of an operation.
type OpKind string

// The kinds of operations.
const (
	OpList       OpKind = "list"
	OpGet        OpKind = "get"
	OpCreate     OpKind = "create"
	OpUpdate     OpKind = "update"
	OpDelete     OpKind = "delete"
	OpAction     OpKind = "action"
	OpFunction   OpKind = "function"
	OpNavigation OpKind = "navigation" // $ref, $value and $count
)

// Operation is one operation: an action, a function, or a create, read,
// update or delete of what a path reaches. One documented by several paths
// is one operation with all its paths; a function's overloads are one
// entry each.
type Operation struct {
	Name string `json:"name"` // the action or function; for the others, the kind and the segment reached (listMessages)
	Kind OpKind `json:"kind"`
	// Binding is the type, or collection of it, that the path reaches
	// before the operation's segment (for list, get, create, update,
	// delete and navigation: the one the path reaches); null when the
	// paths did not resolve.
	Binding     *TypeRef     `json:"binding"`
	Parameters  []*Parameter `json:"parameters"`
	Returns     *TypeRef     `json:"returns"` // null when nothing is returned
	Requests    []Request    `json:"requests"`
	Permissions *Permissions `json:"permissions"` // null where the page has no permissions table
	GoName      string       `json:"goName"`
	// BodyGoName names the Go struct of an action's body, its parameters
	// as fields; "" for an action without parameters and for the others
	// (a create or update sends the binding's type).
	BodyGoName string `json:"bodyGoName,omitempty"`
	// PathGoName names the Go type that chooses one of the operation's
	// paths for the client (UserListMessagesPath), where it is documented
	// with several; "" otherwise.
	PathGoName string `json:"pathGoName,omitempty"`
	// PageGoName names the client's method that reads one page of a list
	// (a GET that returns a collection): GoName and "Page", unless another
	// method has that name; "" for the others.
	PageGoName  string `json:"pageGoName,omitempty"`
	Description string `json:"description"` // the page's first paragraph
	Source      string `json:"source"`      // the page's path:line of its title

	claimKey string // what goNames are claimed in order of
	owner    string // for a read or write, the type owning the segment reached; "" from an entry point
	// viaCollection: the name comes from a segment that is a collection
	// (an entity set, a collection property), not a singleton.
	viaCollection bool
}

// TypeRef is a type, or a collection of it, as properties write types.
type TypeRef struct {
	Type       string `json:"type"`
	Collection bool   `json:"collection"`
}

// Parameter is one parameter of an action or function.
type Parameter struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // "" where no page gives one
	Collection  bool   `json:"collection"`
	Required    *bool  `json:"required"` // null where the page does not say
	GoName      string `json:"goName"`   // its Go name; an action's body struct has it as a field
	Description string `json:"description"`
	Source      string `json:"source"`
}

// Request is one path the operation is documented with.
type Request struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	// GoName names the function that chooses this path for the client
	// (UserListMessagesAtMe), where the operation has several paths; ""
	// otherwise, and for a path the same as one before it but for its
	// placeholders' names and its case (pathShape).
	GoName string `json:"goName,omitempty"`
	// Params are the path's placeholders ({user-id}, a function's
	// {since}), in order, as the client takes them.
	Params []PathParam `json:"params,omitempty"`
}

// PathParam is one placeholder of a request path.
type PathParam struct {
	Placeholder string `json:"placeholder"` // as written, braces and all: {id | userPrincipalName}
	GoName      string `json:"goName"`      // the Go parameter (userID)
	// Argument: the placeholder is a function's argument (since={since}),
	// sent as an OData literal ('text', 5, true), and Argument names it;
	// else a key, sent as it is.
	Argument string `json:"argument,omitempty"`
}

// Permissions are the scopes each kind of caller needs, from least to most
// privileged; a kind the page marks not supported is empty.
type Permissions struct {
	DelegatedWork     []string `json:"delegatedWork"`
	DelegatedPersonal []string `json:"delegatedPersonal"`
	Application       []string `json:"application"`
}

// EntryPoint is an entity set or a singleton: the first segment of a path.
type EntryPoint struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"` // "entityset" or "singleton"
	Type   string `json:"type"` // qualified; "" where no page says
	Source string `json:"source"`
}

// The kinds of entry points.
const (
	EntitySet = "entityset"
	Singleton = "singleton"
)
