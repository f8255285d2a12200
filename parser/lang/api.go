// The concept questions of API pages: their sections, the rows of the
// permissions table, and what a parameter's description says of it.
// Anchors decide first: localized pages anchor each heading in English
// (<a name="http-request">), whatever the heading says.

package lang

import "strings"

// APISection is the kind of an API page's section, from its heading.
type APISection int

const (
	APINone               APISection = iota
	APIPermissions                   // the permissions table
	APIRequest                       // the HTTP request syntax
	APIHeaders                       // request headers
	APIBody                          // the request body
	APIResponse                      // what the operation returns
	APIExamples                      // requests and responses as examples
	APIFunctionParameters            // the parameters of a function
	APIPathParameters                // the path's parameters
	APIQueryParameters               // query parameters
	APIParameters                    // parameters, where the page does not say which
	APIOther
)

// APIWords are one language's words for API pages.
type APIWords struct {
	Permissions        []string `json:"permissions"`
	Request            []string `json:"request"`
	Headers            []string `json:"headers"`
	Body               []string `json:"body"`
	Response           []string `json:"response"`
	Examples           []string `json:"examples"`
	FunctionParameters []string `json:"functionParameters"`
	PathParameters     []string `json:"pathParameters"`
	QueryParameters    []string `json:"queryParameters"`
	Parameters         []string `json:"parameters"`
	DelegatedWork      []string `json:"delegatedWork"`
	DelegatedPersonal  []string `json:"delegatedPersonal"`
	Application        []string `json:"application"`
	Required           []string `json:"required"`
	Optional           []string `json:"optional"`
}

// lists returns every list of w, in a fixed order, for merging.
func (w *APIWords) lists() []*[]string {
	return []*[]string{&w.Permissions, &w.Request, &w.Headers, &w.Body, &w.Response, &w.Examples,
		&w.FunctionParameters, &w.PathParameters, &w.QueryParameters, &w.Parameters,
		&w.DelegatedWork, &w.DelegatedPersonal, &w.Application, &w.Required, &w.Optional}
}

// apiAnchors are the anchors localized pages give API sections: structure,
// never translated. A prefix ends in '*'.
var apiAnchors = []struct {
	anchor  string
	section APISection
}{
	{"permissions", APIPermissions},
	{"http-request", APIRequest},
	{"request-headers", APIHeaders},
	{"request-header", APIHeaders},
	{"request-body", APIBody},
	{"response", APIResponse},
	{"example*", APIExamples},
	{"function-parameters", APIFunctionParameters},
	{"path-parameters", APIPathParameters},
	{"query-parameters", APIQueryParameters},
	{"optional-query-parameters", APIQueryParameters},
	{"parameters", APIParameters},
}

// APISection classifies an API page's heading by its anchor, then its text.
func (s *Set) APISection(text, anchor string) APISection {
	a := strings.ToLower(anchor)
	for _, x := range apiAnchors {
		if a != "" && match(x.anchor, a) {
			return x.section
		}
	}
	t := strings.TrimSpace(strings.ToLower(text))
	w := &s.v.API
	// Most specific first: "function parameters" before "parameters",
	// "request body" before "request".
	for _, c := range []struct {
		words   []string
		section APISection
	}{
		{w.Permissions, APIPermissions}, {w.FunctionParameters, APIFunctionParameters},
		{w.PathParameters, APIPathParameters}, {w.QueryParameters, APIQueryParameters},
		{w.Headers, APIHeaders}, {w.Body, APIBody}, {w.Request, APIRequest}, {w.Response, APIResponse},
		{w.Examples, APIExamples}, {w.Parameters, APIParameters},
	} {
		if anyMatch(c.words, t) {
			return c.section
		}
	}
	return APIOther
}

// PermissionKind is the row of a permissions table.
type PermissionKind int

const (
	UnknownPermission PermissionKind = iota
	DelegatedWork
	DelegatedPersonal
	Application
)

// PermissionRow classifies the first cell of a permissions table's row,
// lower-cased; UnknownPermission where no word says (the row's place in the
// table says it then).
func (s *Set) PermissionRow(lower string) PermissionKind {
	w := &s.v.API
	switch {
	case anyMatch(w.DelegatedWork, lower):
		return DelegatedWork
	case anyMatch(w.DelegatedPersonal, lower):
		return DelegatedPersonal
	case anyMatch(w.Application, lower):
		return Application
	}
	return UnknownPermission
}

// SaysRequired reads whether a lower-cased parameter description says the
// parameter is required or optional; known is false where it says neither.
func (s *Set) SaysRequired(lower string) (required, known bool) {
	w := &s.v.API
	if containsAny(w.Optional, lower) {
		return false, true
	}
	if containsAny(w.Required, lower) {
		return true, true
	}
	return false, false
}
