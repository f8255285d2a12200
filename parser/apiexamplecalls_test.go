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

// A response example that the page keeps out of the checks ("ignored")
// still shows what the call returns; a "value" array makes the prose's
// linked type a collection; a request body in a block after the request
// line gives the request keys.
func TestExampleBlocksAroundTheCall(t *testing.T) {
	md := "# X\n\n## HTTP request\n\n```http\nPOST /groupLifecyclePolicies/{id}/addGroup\n```\n\n" +
		"## Response\n\nIf successful, this method returns `200 OK` response code.\n\n## Example\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/beta/groupLifecyclePolicies/1/addGroup\n```\n" +
		"##### Request body\n```json\n{\"groupId\": \"ffff\", \"options\": {\"a\": 1}}\n```\n\n" +
		"<!-- { \"blockType\": \"ignored\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\n  \"value\": true\n}\n```\n"
	op := Parse("api/x.md", []byte(md), Options{}).Operation
	require.NotNil(t, op)
	assert.Equal(t, "Edm.Boolean", op.Response.Type.Primitive)
	assert.Equal(t, 200, op.Response.Status)
	require.Len(t, op.RequestKeys, 2)
	assert.Equal(t, "groupId", op.RequestKeys[0].Name)
	assert.Equal(t, "options", op.RequestKeys[1].Name)

	md = "# X\n\n## HTTP request\n\n```http\nGET /apps/top(count={count})\n```\n\n" +
		"## Response\n\nIf successful, this function returns a `200 OK` response code and a [mobileApp](../resources/mobileapp.md) in the response body.\n\n## Example\n\n" +
		"```http\nGET https://graph.microsoft.com/beta/apps/top(count=5)\n```\n\n```http\nHTTP/1.1 200 OK\n\n{\n  \"value\": [ {\"@odata.type\": \"#microsoft.graph.mobileApp\", \"id\": \"1\"} ]\n}\n```\n"
	op = Parse("api/x.md", []byte(md), Options{}).Operation
	require.NotNil(t, op)
	assert.Equal(t, "mobileApp", op.Response.Type.Name)
	assert.True(t, op.Response.Type.Collection, "the example's value array")
	assert.Nil(t, op.RequestKeys, "no request body")
}

// The request body section's JSON gives the body's keys where no row and
// no request example shows the body; where rows list it, the section's
// JSON may be the object one of them holds, and is not read.
func TestBodyKeysFromTheBodySection(t *testing.T) {
	page := func(rows string) string {
		return "# X\n\n## HTTP request\n\n```http\nPOST /teams/{id}/archive\n```\n\n## Request body\n\nYou may include it.\n\n" +
			"```json\n{\"shouldSetSpoSiteReadOnlyForMembers\": true}\n```\n\n" + rows +
			"## Response\n\nIf successful, this method returns `202 Accepted` response code.\n\n## Example\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/teams/1/archive\n```\n"
	}
	op := Parse("api/x.md", []byte(page("")), Options{}).Operation
	require.NotNil(t, op)
	require.Len(t, op.RequestKeys, 1)
	assert.Equal(t, "shouldSetSpoSiteReadOnlyForMembers", op.RequestKeys[0].Name)
	assert.Equal(t, "Edm.Boolean", op.RequestKeys[0].Type.Primitive)

	op = Parse("api/x.md", []byte(page("| Parameter | Type | Description |\n|:--|:--|:--|\n| item | String | x |\n\n")), Options{}).Operation
	require.NotNil(t, op)
	assert.Nil(t, op.RequestKeys, "a row lists the body")
}

// What a response returns, from its status and its example's body: a
// primitive the prose names by its schema spelling; nothing for a 204
// whatever its annotation says, or for a 202 whose examples show no body
// although the prose links what its Location header points to; the
// prose's link where the annotation names a primitive and the body is an
// object.
func TestResponseFromStatusAndBody(t *testing.T) {
	page := func(prose, annotation, response string) *OperationDoc {
		md := "# X\n\n## HTTP request\n\n```http\nPOST /things/{id}/go\n```\n\n## Response\n\n" + prose + "\n\n## Example\n\n"
		if annotation != "" {
			md += "<!-- { \"blockType\": \"response\", " + annotation + " } -->\n"
		}
		md += "```http\n" + response + "\n```\n"
		op := Parse("api/x.md", []byte(md), Options{}).Operation
		require.NotNil(t, op)
		return op
	}
	op := page("If successful, this action returns a `200 OK` response code and a Stream in the response body.", "",
		"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": \"Z2V0\"}")
	assert.Equal(t, "Edm.Stream", op.Response.Type.Primitive, "the prose's Stream, not the example's string")

	op = page("If successful, this method returns a `204 No Content` response code.", "\"@odata.type\": \"microsoft.graph.passwordCredential\"",
		"HTTP/1.1 204 No Content")
	assert.False(t, op.Response.Type.Known(), "a 204 returns nothing: %+v", op.Response.Type)

	op = page("This method returns a `202 Accepted` response code and a `Location` header to the [teamsAsyncOperation](../resources/teamsasyncoperation.md).", "",
		"HTTP/1.1 202 Accepted\nLocation: /teams(1)/operations(2)\nContent-Length: 0")
	assert.False(t, op.Response.Type.Known(), "the link names what the header points to: %+v", op.Response.Type)

	op = page("If successful, this method returns a `200 OK` response code and an [evaluateDynamicMembershipResult](../resources/evaluatedynamicmembershipresult.md) object.",
		"\"@odata.type\": \"string\", \"isCollection\": true", "HTTP/1.1 200 OK\n\n{\"membershipRule\": \"x\", \"membershipRuleEvaluationResult\": true}")
	assert.Equal(t, "evaluateDynamicMembershipResult", op.Response.Type.Name, "an object body is no string collection")
	assert.False(t, op.Response.Type.Collection)

	op = page("If successful, this method returns a `200 OK` response code and a collection of strings.",
		"\"@odata.type\": \"string\", \"isCollection\": true", "HTTP/1.1 200 OK\n\n{\"value\": [\"a\", \"b\"]}")
	assert.Equal(t, "Edm.String", op.Response.Type.Primitive, "a value array agrees with the annotation")
	assert.True(t, op.Response.Type.Collection)
}

// A parameter table of a name and one more column: the cell is the type
// where it is shaped as one, else the description.
func TestTwoColumnParameterTable(t *testing.T) {
	md := "# X\n\n## HTTP request\n\n```http\nGET /reports/getSummary(period='{period}',top={n})\n```\n\n## Function parameters\n\n" +
		"| Parameter | Description |\n|:--|:--|\n| period | Either `D7` (last seven days) or `D30` (last 30 days); other values generate errors. |\n| top | Int32 |\n"
	op := Parse("api/x.md", []byte(md), Options{}).Operation
	require.NotNil(t, op)
	require.Len(t, op.Parameters, 2)
	assert.False(t, op.Parameters[0].Type.Known(), "a sentence is no type: %+v", op.Parameters[0].Type)
	assert.Equal(t, "Edm.Int32", op.Parameters[1].Type.Primitive)
}
