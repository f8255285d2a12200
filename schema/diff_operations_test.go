package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func opTypes() []*Type {
	entity := &Type{Name: "microsoft.graph.entity", Kind: Entity, Properties: []*Property{{Name: "id", Type: "Edm.String"}}}
	base := "microsoft.graph.entity"
	user := &Type{Name: "microsoft.graph.user", Kind: Entity, Base: &base}
	message := &Type{Name: "microsoft.graph.message", Kind: Entity, Base: &base}
	return []*Type{entity, user, message}
}

func yes() *bool { b := true; return &b }

// sendMail, a function and a list, as a version folder's pages give them.
func opSchema(edit func(send, delta, list *Operation)) *Schema {
	send := &Operation{Name: "sendMail", Kind: OpAction, Binding: &TypeRef{Type: "microsoft.graph.user"},
		Parameters: []*Parameter{
			{Name: "message", Type: "microsoft.graph.message", Required: yes(), Source: "api/user-sendmail.md:40"},
			{Name: "saveToSentItems", Type: "Edm.Boolean", Source: "api/user-sendmail.md:41"},
		},
		Requests:    []Request{{Method: "POST", Path: "/me/sendMail"}, {Method: "POST", Path: "/users/{id | userPrincipalName}/sendMail"}},
		Permissions: &Permissions{DelegatedWork: []string{"Mail.Send"}, DelegatedPersonal: []string{"Mail.Send"}, Application: []string{"Mail.Send"}},
		Source:      "api/user-sendmail.md:6"}
	delta := &Operation{Name: "delta", Kind: OpFunction, Binding: &TypeRef{Type: "microsoft.graph.message", Collection: true},
		Returns:  &TypeRef{Type: "microsoft.graph.message", Collection: true},
		Requests: []Request{{Method: "GET", Path: "/me/messages/delta"}}, Source: "api/message-delta.md:6"}
	list := &Operation{Name: "listMessages", Kind: OpList, Binding: &TypeRef{Type: "microsoft.graph.message", Collection: true},
		Returns:  &TypeRef{Type: "microsoft.graph.message", Collection: true},
		Requests: []Request{{Method: "GET", Path: "/me/messages"}, {Method: "GET", Path: "/users/{id}/messages"}},
		Source:   "api/user-list-messages.md:6"}
	if edit != nil {
		edit(send, delta, list)
	}
	var ops []*Operation
	for _, o := range []*Operation{send, delta, list} {
		if o.Name != "" {
			ops = append(ops, o)
		}
	}
	entries := []*EntryPoint{{Name: "me", Kind: Singleton, Type: "microsoft.graph.user", Source: "api/user-get.md:20"}}
	return FromModel(opTypes(), ops, entries)
}

// lines renders changes as "change element aspect name: old -> new
// (breaking)" for the assertions.
func lines(changes []Change) []string {
	var out []string
	for _, c := range changes {
		s := c.Change + " " + c.Element
		if c.Aspect != "" {
			s += " " + c.Aspect
		}
		s += " " + c.Name + ": " + c.Old + " -> " + c.New
		if c.Breaking {
			s += " (breaking)"
		}
		out = append(out, s)
	}
	return out
}

func TestDiffOperationsNothingWhenSame(t *testing.T) {
	assert.Empty(t, Diff(opSchema(nil), opSchema(nil)))
	// Another spelling of a key, another order of the scopes: no change.
	assert.Empty(t, Diff(opSchema(nil), opSchema(func(send, _, list *Operation) {
		list.Requests[1].Path = "/users/{user-id}/messages"
		send.Permissions.DelegatedWork = []string{"Mail.Send"}
	})))
}

func TestDiffOperationsChanges(t *testing.T) {
	changes := Diff(opSchema(nil), opSchema(func(send, delta, list *Operation) {
		send.Parameters[1].Name = "SaveToSentItems"      // a wire name
		send.Parameters[0].Type = "microsoft.graph.user" // a type
		send.Parameters = append(send.Parameters, &Parameter{Name: "comment", Type: "Edm.String", Source: "api/user-sendmail.md:42"})
		send.Permissions.Application = []string{}                                // not supported now
		send.Requests = send.Requests[:1]                                        // a path less
		delta.Returns = &TypeRef{Type: "microsoft.graph.user", Collection: true} // another result
		list.Kind, list.Name = OpGet, "getMessages"                              // no list of messages now: another operation
	}))
	assert.ElementsMatch(t, []string{
		"changed parameter wire-name microsoft.graph.user.sendMail.SaveToSentItems: saveToSentItems -> SaveToSentItems (breaking)",
		"changed parameter type microsoft.graph.user.sendMail.message: microsoft.graph.message -> microsoft.graph.user (breaking)",
		"added parameter microsoft.graph.user.sendMail.comment:  -> Edm.String",
		"changed permission application microsoft.graph.user.sendMail: Mail.Send -> not supported",
		"changed operation request microsoft.graph.user.sendMail: POST /users/{id | userPrincipalName}/sendMail -> ",
		"changed operation returns Collection(microsoft.graph.message).delta: Collection(microsoft.graph.message) -> Collection(microsoft.graph.user) (breaking)",
		"removed operation list GET /me/messages: list returning Collection(microsoft.graph.message) ->  (breaking)",
		"added operation get GET /me/messages:  -> get returning Collection(microsoft.graph.message)",
	}, lines(changes))
	for _, c := range changes {
		assert.NotEmpty(t, c.At, "%+v", c)
		assert.NotEmpty(t, c.Go, "%+v", c)
	}
}

// A read or write is the same operation while it keeps a request, whatever
// its name: the Go name that changes with it is breaking.
func TestDiffOperationsMatchReadsByRequest(t *testing.T) {
	changes := Diff(opSchema(nil), opSchema(func(_, _, list *Operation) {
		list.Name = "listMyMessages"
		list.Requests = []Request{{Method: "GET", Path: "/me/messages"}, {Method: "GET", Path: "/me/mailFolders/{id}/messages"}}
	}))
	assert.ElementsMatch(t, []string{
		"changed go-name list GET /me/messages: ListMessages -> ListMyMessages (breaking)",
		"changed operation request list GET /me/messages:  -> GET /me/mailFolders/{id}/messages",
		"changed operation request list GET /me/messages: GET /users/{id}/messages -> ",
	}, lines(changes))
}

// Where one side has no operations (resource pages alone, a schema file of
// version 2), operations are not compared.
func TestDiffOperationsOnlyWhereBothHaveThem(t *testing.T) {
	types := FromTypes(opTypes())
	assert.Empty(t, Diff(types, opSchema(nil)))
	assert.Empty(t, Diff(opSchema(nil), types))
}

// Against a service's metadata: reads and writes, requests, permissions
// are not compared (it declares none), and an action the docs bind to a
// type is the service's bound to its base.
func TestDiffOperationsAgainstAService(t *testing.T) {
	service := FromModel(opTypes(), []*Operation{
		{Name: "sendMail", Kind: OpAction, Binding: &TypeRef{Type: "microsoft.graph.entity"}, Source: "svc.xml:40",
			Parameters: []*Parameter{{Name: "Message", Type: "microsoft.graph.message"}, {Name: "SaveToSentItems", Type: "Edm.Boolean"}}},
		{Name: "delta", Kind: OpFunction, Binding: &TypeRef{Type: "microsoft.graph.message", Collection: true},
			Returns: &TypeRef{Type: "microsoft.graph.message", Collection: true}, Source: "svc.xml:50"},
		{Name: "forward", Kind: OpAction, Binding: &TypeRef{Type: "microsoft.graph.message"}, Source: "svc.xml:60"},
	}, []*EntryPoint{{Name: "me", Kind: Singleton, Type: "microsoft.graph.user", Source: "svc.xml:90"}})
	changes := DiffWith(service, opSchema(nil), DiffOptions{OldService: true})
	assert.ElementsMatch(t, []string{
		"changed parameter wire-name microsoft.graph.user.sendMail.message: Message -> message (breaking)",
		"changed parameter wire-name microsoft.graph.user.sendMail.saveToSentItems: SaveToSentItems -> saveToSentItems (breaking)",
		"removed operation microsoft.graph.message.forward: action ->  (breaking)",
	}, lines(changes))
	// Not marked as a service: the binding to the base is another
	// operation (another Go name); the list is still not compared, as one
	// side has no reads.
	assert.ElementsMatch(t, []string{
		"removed operation microsoft.graph.entity.sendMail: action ->  (breaking)",
		"added operation microsoft.graph.user.sendMail:  -> action",
		"removed operation microsoft.graph.message.forward: action ->  (breaking)",
	}, lines(Diff(service, opSchema(nil))))
}

func TestDiffEntryPoints(t *testing.T) {
	old := opSchema(nil)
	new := opSchema(nil)
	new.EntryPoints = []*EntryPoint{{Name: "me", Kind: Singleton, Type: "microsoft.graph.entity", Source: "x.md:1"},
		{Name: "users", Kind: EntitySet, Type: "microsoft.graph.user", Source: "y.md:1"}}
	assert.ElementsMatch(t, []string{
		"changed entry-point type /me: microsoft.graph.user -> microsoft.graph.entity",
		"added entry-point /users:  -> entityset of microsoft.graph.user",
	}, lines(Diff(old, new)))
}
