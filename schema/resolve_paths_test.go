package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boundActions maps each action's name to its binding, as refString
// writes it.
func boundActions(s *Schema) map[string]string {
	bound := map[string]string{}
	for _, o := range s.Operations {
		if o.Kind == OpAction {
			bound[o.Name] = refString(o.Binding)
		}
	}
	return bound
}

func operationsByGoName(s *Schema) map[string]*Operation {
	by := map[string]*Operation{}
	for _, o := range s.Operations {
		by[o.GoName] = o
	}
	return by
}

// Paths go on through what the pages leave out: a segment no page lists
// that a navigation property only one type declares follows, or that names
// a type; a function a page documents as a POST whose result other paths
// go on into; a PATCH of a function's result. A path that never closes a
// parenthesis is no operation.
func TestPathsGoOnThroughWhatPagesLeaveOut(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/user.md":        resourcePage("user", ""),
		"resources/authroot.md":    resourcePage("authroot", "|methods|[method](method.md) collection|x|\n"),
		"resources/method.md":      resourcePage("method", ""),
		"resources/sheet.md":       resourcePage("sheet", ""),
		"resources/range.md":       resourcePage("range", "|format|[rangeFormat](rangeformat.md)|x|\n"),
		"resources/rangeformat.md": resourcePage("rangeFormat", ""),
		"api/user-get.md":          apiPage("Get user", "GET /users/{id}", "a [user](../resources/user.md) object"),
		"api/sheet-get.md":         apiPage("Get sheet", "GET /sheets/{id}", "a [sheet](../resources/sheet.md) object"),
		"api/methods-list.md":      apiPage("List methods", "GET /users/{id}/auth/methods", "a collection of [method](../resources/method.md) objects"),
		"api/sheet-range.md":       apiPage("range", "POST /sheets/{id}/range", "a [range](../resources/range.md) object"),
		"api/range-clear.md":       apiPage("clear", "POST /sheets/{id}/range/clear", ""),
		"api/range-update.md":      apiPage("Update range", "PATCH /sheets/{id}/range", "a [range](../resources/range.md) object"),
		"api/format-get.md":        apiPage("Get format", "GET /sheets/{id}/range/format", "a [rangeFormat](../resources/rangeformat.md) object"),
		"api/broken.md":            apiPage("broken", "GET /sheets/{id}/range(address='A1'/format", "a [rangeFormat](../resources/rangeformat.md) object"),
		"resources/notebook.md":    resourcePage("notebook", "|notes|[method](method.md) collection|x|\n"),
		"resources/shelf.md":       resourcePage("shelf", "|notes|[method](method.md) collection|x|\n"),
		"api/notes-list.md":        apiPage("List notes", "GET /users/{id}/notebook/notes", "a collection of [method](../resources/method.md) objects"),
	})
	by := operationsByGoName(s)
	var names []string
	for n := range by {
		names = append(names, n)
	}
	list := by["AuthrootListMethods"] // named after its owner: auth, no property of user, reaches authroot
	require.NotNil(t, list, "auth is no property of user: methods is authroot's: %v", names)
	assert.Equal(t, &TypeRef{Type: "microsoft.graph.method", Collection: true}, list.Binding)
	notes := by["NotebookListNotes"] // notebook, no property of user, names a type; notes is no one type's
	require.NotNil(t, notes, "a segment that names a type reaches it: %v", names)
	clear := by["RangeClear"]
	require.NotNil(t, clear, "%v", names)
	assert.Equal(t, &TypeRef{Type: "microsoft.graph.range"}, clear.Binding, "range is a function its page documents as a POST: clear is bound to what it returns")
	update := by["SheetUpdateRange"]
	require.NotNil(t, update, "%v", names)
	assert.Equal(t, OpUpdate, update.Kind, "a PATCH of a function's result updates what it returns")
	assert.Equal(t, &TypeRef{Type: "microsoft.graph.range"}, update.Binding)
	for _, o := range s.Operations {
		for _, r := range o.Requests {
			assert.NotContains(t, r.Path, "'A1'/format", "an unclosed parenthesis makes no operation (%s)", o.GoName)
		}
	}
}

// What the pages type a path as comes first: a page that gets one item by
// its key and lists the path without it beside does not make that path one
// item, and a path a page creates in is a collection although its create
// is also read as an operation that returns one.
func TestPathTypesFromListsAndCreates(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/user.md":     resourcePage("user", ""),
		"resources/label.md":    resourcePage("label", ""),
		"resources/meeting.md":  resourcePage("meeting", ""),
		"api/user-get.md":       apiPage("Get user", "GET /users/{id}", "a [user](../resources/user.md) object"),
		"api/label-get.md":      apiPage("Get label", "GET /policy/labels/{id}\nGET /policy/labels", "a [label](../resources/label.md) object"),
		"api/label-list.md":     apiPage("List labels", "GET /policy/labels", "a collection of [label](../resources/label.md) objects"),
		"api/label-extract.md":  apiPage("extract", "POST /policy/labels/extract", ""),
		"api/meeting-create.md": apiPage("Create meeting", "POST /users/{id}/meetings", "a [meeting](../resources/meeting.md) object") + "\n## Request body\n\nIn the request body, supply a JSON representation of a [meeting](../resources/meeting.md) object.\n",
		"api/meeting-make.md":   apiPage("make", "POST /users/{id}/meetings/make", ""),
	})
	bound := boundActions(s)
	assert.Equal(t, "Collection(microsoft.graph.label)", bound["extract"], "label-get.md's /policy/labels beside /policy/labels/{id} is the list's")
	assert.Equal(t, "Collection(microsoft.graph.meeting)", bound["make"], "/users/{id}/meetings is created in: a collection")
}

// A segment no page describes inside a longer path that a page lists goes
// on from that path's type.
func TestPathsGoOnFromALongerListedPath(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/sp.md":   resourcePage("sp", ""),
		"resources/job.md":  resourcePage("job", ""),
		"api/sp-get.md":     apiPage("Get sp", "GET /sps/{id}", "a [sp](../resources/sp.md) object"),
		"api/job-list.md":   apiPage("List jobs", "GET /sps/{id}/sync/jobs", "a collection of [job](../resources/job.md) objects"),
		"api/job-start.md":  apiPage("start", "POST /sps/{id}/sync/jobs/{jobId}/start", ""),
		"api/job-verify.md": apiPage("verify", "POST /sps/{id}/sync/jobs/verify", ""),
	})
	bound := boundActions(s)
	assert.Equal(t, "microsoft.graph.job", bound["start"], "sync is no property of sp: /sps/{id}/sync/jobs is listed")
	assert.Equal(t, "Collection(microsoft.graph.job)", bound["verify"])
}

// A segment no page describes, in a path a page gets whole, reaches what
// that page says; a segment that misspells a property stays unresolved.
func TestPathsThroughAWholePathAPageTypes(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/user.md":   resourcePage("user", "|messages|[grant](grant.md) collection|x|\n"),
		"resources/grant.md":  resourcePage("grant", ""),
		"api/user-get.md":     apiPage("Get user", "GET /users/{id}", "a [user](../resources/user.md) object"),
		"api/grant-get.md":    apiPage("Get grant", "GET /users/{id}/grants/{id}", "a [grant](../resources/grant.md) object"),
		"api/grant-delete.md": apiPage("Delete grant", "DELETE /users/{id}/grants/{id}", ""),
		"api/message-get.md":  apiPage("Get message", "GET /users/{id}/mesages/{id}", "a [grant](../resources/grant.md) object"),
	})
	var gets []string
	for _, o := range s.Operations {
		gets = append(gets, string(o.Kind)+" "+refString(o.Binding))
	}
	assert.Contains(t, gets, "get microsoft.graph.grant")
	assert.Contains(t, gets, "delete microsoft.graph.grant", "the delete shares the path the get page types")
	var warned []string
	for _, d := range s.Diagnostics {
		if d.Code == "unresolved-path" {
			warned = append(warned, d.File)
		}
	}
	assert.Equal(t, []string{"api/message-get.md"}, warned, "mesages misspells messages")
}
