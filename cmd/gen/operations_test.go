package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -in naming a version folder reads its resources/ and api/ pages: the
// schema JSON has the operations and entry points the API pages document,
// paths resolved through the resource pages' types, with warnings for what
// does not resolve, and no folder hint.
func TestVersionFolderGivesOperations(t *testing.T) {
	out := filepath.Join(t.TempDir(), "vf")
	schemaFile := filepath.Join(t.TempDir(), "schema.json")
	code, stderr := gen(t, "-in", filepath.Join("testdata", "versionfolder"), "-out", out, "-pkg", "vf", "-schema-out", schemaFile)
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stderr, "folder-hint")
	data, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	s, err := schema.ReadJSON(data)
	require.NoError(t, err)
	assert.Equal(t, 3, s.Version)

	byGo := map[string]*schema.Operation{}
	var goNames []string
	for _, op := range s.Operations {
		byGo[op.GoName] = op
		goNames = append(goNames, op.GoName)
	}
	assert.Equal(t, []string{"GetUsers", "ListUsers", "UserListMessages", "UserReminderView", "UserSendMail"}, goNames, "sorted by goName; the typo'd path makes none")

	yes, no := true, false
	send := byGo["UserSendMail"]
	require.NotNil(t, send)
	assert.Equal(t, schema.Operation{
		Name: "sendMail", Kind: schema.OpAction,
		Binding: &schema.TypeRef{Type: "microsoft.graph.user"},
		Parameters: []*schema.Parameter{
			{Name: "message", Type: "microsoft.graph.message", Required: &yes, GoName: "Message", Description: "The message to send. Required.", Source: "api/user-sendmail.md:32"},
			{Name: "saveToSentItems", Type: "Edm.Boolean", Required: &no, GoName: "SaveToSentItems", Description: "Whether to save the message in Sent Items. Optional.", Source: "api/user-sendmail.md:33"},
		},
		Requests:    []schema.Request{{Method: "POST", Path: "/me/sendMail"}, {Method: "POST", Path: "/users/{id | userPrincipalName}/sendMail"}},
		Permissions: &schema.Permissions{DelegatedWork: []string{"Mail.Send"}, DelegatedPersonal: []string{"Mail.Send"}, Application: []string{"Mail.Send"}},
		GoName:      "UserSendMail", BodyGoName: "UserSendMailRequest",
		Description: "Send the message specified in the request body.", // not the Namespace line before it
		Source:      "api/user-sendmail.md:6",
	}, withoutUnexported(send))

	view := byGo["UserReminderView"]
	require.NotNil(t, view)
	assert.Equal(t, schema.OpFunction, view.Kind)
	assert.Equal(t, &schema.TypeRef{Type: "microsoft.graph.reminder", Collection: true}, view.Returns)
	require.Len(t, view.Parameters, 2)
	assert.Equal(t, "startDateTime", view.Parameters[0].Name)
	assert.Equal(t, "Edm.String", view.Parameters[0].Type)
	assert.Equal(t, []string{}, view.Permissions.Application, "not supported is an empty list")
	assert.Empty(t, view.BodyGoName, "a function's parameters go in its path: no body")

	get := byGo["GetUsers"]
	require.NotNil(t, get)
	assert.Equal(t, schema.OpGet, get.Kind)
	assert.Len(t, get.Requests, 2, "GET /me and GET /users/{id} are one operation")
	assert.Equal(t, schema.OpList, byGo["UserListMessages"].Kind)
	assert.Equal(t, &schema.TypeRef{Type: "microsoft.graph.message", Collection: true}, byGo["UserListMessages"].Binding)

	var entries []schema.EntryPoint
	for _, ep := range s.EntryPoints {
		entries = append(entries, *ep)
	}
	assert.Equal(t, []schema.EntryPoint{
		{Name: "me", Kind: schema.Singleton, Type: "microsoft.graph.user", Source: "api/user-get.md:24"},
		{Name: "users", Kind: schema.EntitySet, Type: "microsoft.graph.user", Source: "api/user-get.md:25"},
	}, entries)

	var codes []string
	for _, d := range s.Diagnostics {
		codes = append(codes, d.File+":"+d.Code)
	}
	assert.Contains(t, codes, "api/user-list-messages.md:unresolved-path")
	assert.Contains(t, codes, "api/user-overview.md:no-request-syntax")

	// A rerun reads the pages and the schema from the cache: the same
	// operations come back.
	again := filepath.Join(t.TempDir(), "again.json")
	code, stderr = gen(t, "-in", filepath.Join("testdata", "versionfolder"), "-out", out, "-pkg", "vf", "-schema-out", again)
	require.Equal(t, exitOK, code, stderr)
	cached, err := os.ReadFile(again)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(cached))
}

// withoutUnexported copies an operation's JSON fields alone.
func withoutUnexported(op *schema.Operation) schema.Operation {
	var out schema.Operation
	b, _ := json.Marshal(op)
	_ = json.Unmarshal(b, &out)
	return out
}

// gen validate -in VERSION_FOLDER checks the API pages' examples too,
// without -examples: the response of user-list.md is the fifth example.
func TestValidateVersionFolderChecksAPIExamples(t *testing.T) {
	code, stderr := gen(t, "validate", "-in", filepath.Join("testdata", "versionfolder"))
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "gen validate: 5 examples, 0 mistakes")
	code, stderr = gen(t, "validate", "-in", filepath.Join("testdata", "versionfolder", "resources"))
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "gen validate: 4 examples, 0 mistakes", "the resources alone")
}

// The package of a version folder has the operation table and the action
// bodies, and -types keeps the operations bound to the types it selects
// with the types their bodies and results need.
func TestOperationsInGo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "vf")
	code, stderr := gen(t, "-in", filepath.Join("testdata", "versionfolder"), "-out", out, "-pkg", "vf")
	require.Equal(t, exitOK, code, stderr)
	table, err := os.ReadFile(filepath.Join(out, "operations.go"))
	require.NoError(t, err)
	for _, want := range []string{
		`GoName:  "UserSendMail"`, `body:    (*UserSendMailRequest)(nil)`,
		"Envelope: \"Collection\",\n\tGoName:   \"UserReminderView\"", "result:  (*Reminder)(nil)", `Path:   "/users/{id | userPrincipalName}/sendMail"`,
		`DelegatedWork:     []string{"Mail.Send"}`,
	} {
		assert.Contains(t, string(table), want)
	}
	bodies, err := os.ReadFile(filepath.Join(out, "operation_bodies.go"))
	require.NoError(t, err)
	assert.Contains(t, string(bodies), "type UserSendMailRequest struct {\n\tObject\n\t// The message to send. Required.\n\tMessage *Message `json:\"message,omitempty\"`")
	assert.Contains(t, string(bodies), "func (v *UserSendMailRequest) Clone() UserSendMailRequest {")

	sub := filepath.Join(t.TempDir(), "sub")
	code, stderr = gen(t, "-in", filepath.Join("testdata", "versionfolder"), "-out", sub, "-pkg", "vf", "-types", "microsoft.graph.reminder")
	require.Equal(t, exitOK, code, stderr)
	table, err = os.ReadFile(filepath.Join(sub, "operations.go"))
	require.NoError(t, err)
	assert.NotContains(t, string(table), "GoName:", "no operation is bound to reminder")
	assert.NoFileExists(t, filepath.Join(sub, "operation_bodies.go"))

	code, stderr = gen(t, "-in", filepath.Join("testdata", "versionfolder"), "-out", sub, "-pkg", "vf", "-types", "microsoft.graph.user")
	require.Equal(t, exitOK, code, stderr)
	table, err = os.ReadFile(filepath.Join(sub, "operations.go"))
	require.NoError(t, err)
	assert.Contains(t, string(table), `GoName:  "UserSendMail"`)
	assert.NotContains(t, string(table), `"UserListMessages"`, "bound to message, which -types left out")
	assert.FileExists(t, filepath.Join(sub, "message.go"), "the body's parameter type comes with its action")
	assert.FileExists(t, filepath.Join(sub, "reminder.go"), "and a function's result type")
	buildPackage(t, filepath.Dir(sub))
}
