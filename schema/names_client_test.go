package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen/graphgen/schema/naming"
)

func TestPathParams(t *testing.T) {
	for path, want := range map[string][]PathParam{
		"/users/{id | userPrincipalName}/messages/{id}": {{Placeholder: "{id | userPrincipalName}", GoName: "userID"}, {Placeholder: "{id}", GoName: "messageID"}},
		"/books/{book-id}": {{Placeholder: "{book-id}", GoName: "bookID"}},
		"/me/reminderView(startDateTime={startDateTime-value},endDateTime={endDateTime-value})": {{Placeholder: "{startDateTime-value}", GoName: "startDateTime", Argument: "startDateTime"}, {Placeholder: "{endDateTime-value}", GoName: "endDateTime", Argument: "endDateTime"}},
		"/sites/{id}/getByPath(path='{path}')":                                                  {{Placeholder: "{id}", GoName: "siteID"}, {Placeholder: "{path}", GoName: "path2"}},
		"/policies/{id}/x/{type}":                                                               {{Placeholder: "{id}", GoName: "policyID"}, {Placeholder: "{type}", GoName: "typeArg"}},
		"/a/{ctx}/{ctx}":                                                                        {{Placeholder: "{ctx}", GoName: "ctx2"}, {Placeholder: "{ctx}", GoName: "ctx3"}},
		"/me":                                                                                   nil,
	} {
		assert.Equal(t, want, pathParams(path), path)
	}
}

func TestAssignPathNames(t *testing.T) {
	list := &Operation{GoName: "UserListMessages", Kind: OpList, Returns: &TypeRef{Type: "microsoft.graph.message", Collection: true},
		Requests: []Request{{Method: "GET", Path: "/me/messages"}, {Method: "GET", Path: "/users/{id}/messages"}, {Method: "GET", Path: "/me/messages"}}}
	page := &Operation{GoName: "UserListMessagesPage", Kind: OpGet, Requests: []Request{{Method: "GET", Path: "/x"}}}
	s := &Schema{Operations: []*Operation{list, page}}
	pkg := naming.NewScope("UserListMessagesPath")
	assignPathNames(s, pkg)
	assert.Equal(t, "UserListMessagesPath2", list.PathGoName, "a taken name gets a suffix")
	assert.Equal(t, "UserListMessagesAtMe", list.Requests[0].GoName)
	assert.Equal(t, "UserListMessagesAtUsers", list.Requests[1].GoName)
	assert.Equal(t, "", list.Requests[2].GoName, "a path the same as one before")
	assert.Equal(t, "UserListMessagesPage2", list.PageGoName, "another operation's method has the name")
	assert.Equal(t, "", page.PathGoName)
}

// Paths that differ only in how a page spells their keys are one path,
// one function; so are a trailing slash and a <x> placeholder's spelling.
func TestAssignPathNamesOnePerShape(t *testing.T) {
	get := &Operation{GoName: "GetUsers", Kind: OpGet, Returns: &TypeRef{Type: "microsoft.graph.user"},
		Requests: []Request{{Method: "GET", Path: "/users/{usersId}"}, {Method: "GET", Path: "/users/{Id|userPrincipalName}"}, {Method: "GET", Path: "/Users/{id | userPrincipalName}/"}}}
	assignPathNames(&Schema{Operations: []*Operation{get}}, naming.NewScope())
	assert.Equal(t, "", get.PathGoName, "one path shape: the method takes the key itself")
	rng := &Operation{GoName: "WorkbookRangeClear", Kind: OpAction,
		Requests: []Request{{Method: "POST", Path: "/workbook/names/{name}/range/clear"}, {Method: "POST", Path: "/workbook/worksheets/{id|name}/range(address='<address>')/clear"}}}
	assignPathNames(&Schema{Operations: []*Operation{rng}}, naming.NewScope())
	assert.NotEmpty(t, rng.PathGoName, "two shapes: a path type")
	assert.Equal(t, []PathParam{{Placeholder: "{id|name}", GoName: "worksheetID"}, {Placeholder: "<address>", GoName: "address"}}, rng.Requests[1].Params)
}

// One path documented with PATCH and PUT is two choices, each named by its
// method.
func TestAssignPathNamesTwoMethods(t *testing.T) {
	set := &Operation{GoName: "UserSetPhotoContent", Kind: OpNavigation,
		Requests: []Request{{Method: "PATCH", Path: "/me/photo/$value"}, {Method: "PUT", Path: "/me/photo/$value"}}}
	assignPathNames(&Schema{Operations: []*Operation{set}}, naming.NewScope())
	assert.Equal(t, "UserSetPhotoContentPatchAtMe", set.Requests[0].GoName)
	assert.Equal(t, "UserSetPhotoContentPutAtMe", set.Requests[1].GoName)
}
