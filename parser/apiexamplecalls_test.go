// Tests of what an API page's request examples say of the call: their
// request lines and the annotations that mark a function.

package parser

import (
	"testing"

	"github.com/docgen/graphgen/parser/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExampleRequestsAndSideEffectFree(t *testing.T) {
	md := "# Table: DataBodyRange\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /workbook/tables/{id|name}/dataBodyRange\n```\n\n" +
		"## Example\n\n<!-- {\n  \"blockType\": \"request\",\n  \"isComposable\": true,\n  \"name\": \"x\"\n} -->\n```http\nGET https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/tables/1/dataBodyRange?$select=a\n```\n"
	op := Parse("api/table-databodyrange.md", []byte(md), Options{}).Operation
	require.NotNil(t, op)
	assert.Equal(t, []RequestDoc{{Method: "POST", Path: "/workbook/tables/{id|name}/dataBodyRange", Pos: op.Requests[0].Pos}}, op.Requests, "the example is no syntax")
	require.Len(t, op.ExampleRequests, 1)
	assert.Equal(t, "GET", op.ExampleRequests[0].Method)
	assert.Equal(t, "/me/drive/items/{id}/workbook/tables/1/dataBodyRange", op.ExampleRequests[0].Path, "root and query removed")
	assert.True(t, op.SideEffectFree)

	for _, a := range []string{`"idempotent": true`, `"idempotent": "true"`} {
		op = Parse("api/x.md", []byte("# X\n\n## HTTP request\n\n```http\nPOST /x/y\n```\n\n## Example\n\n<!-- { \"blockType\": \"request\", "+a+" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/x/y\n```\n"), Options{}).Operation
		require.NotNil(t, op)
		assert.True(t, op.SideEffectFree, a)
	}
	for _, a := range []string{`"idempotent": false`, `"isComposable": false`, `"name": "x"`} {
		op = Parse("api/x.md", []byte("# X\n\n## HTTP request\n\n```http\nPOST /x/y\n```\n\n## Example\n\n<!-- { \"blockType\": \"request\", "+a+" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/x/y\n```\n"), Options{}).Operation
		require.NotNil(t, op)
		assert.False(t, op.SideEffectFree, a)
	}
}

// The beta page documents a function as a POST and calls it with GET.
func TestExampleCallsOnACorpusPage(t *testing.T) {
	p := parseAPIPage(t, lang.Default, "en-2020-05", "beta", "privilegedroleassignmentrequest-my.md")
	require.NotNil(t, p.Operation)
	assert.Equal(t, "POST", p.Operation.Requests[0].Method)
	require.NotEmpty(t, p.Operation.ExampleRequests)
	assert.Equal(t, "GET", p.Operation.ExampleRequests[0].Method)
	assert.Equal(t, "/privilegedRoleAssignmentRequests/my", p.Operation.ExampleRequests[0].Path)
}
