package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseAPIPage parses a page of a corpus version folder as gen -in
// VERSION_FOLDER does.
func parseAPIPage(t *testing.T, words *lang.Set, parts ...string) *Page {
	dir := corpus.Require(t, append([]string{"corpus"}, parts[:len(parts)-1]...)...)
	data, err := os.ReadFile(filepath.Join(dir, "api", parts[len(parts)-1]))
	require.NoError(t, err)
	return Parse("api/"+parts[len(parts)-1], data, Options{RootName: filepath.Base(dir), Lang: words})
}

// The same operation in the three forms of page: English, bilingual (its
// English half) and German (anchors, no German words: the permission rows
// by their place, "Nicht unterstützt" as no scope).
func TestAPIPageInEveryForm(t *testing.T) {
	for _, c := range []struct {
		name  string
		parts []string
	}{
		{"english", []string{"en-2020-05", "v1.0", "user-sendmail.md"}},
		{"german", []string{"localized-de-2019-03", "v1.0", "user-sendmail.md"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := parseAPIPage(t, lang.Default.Without("de"), c.parts...)
			op := p.Operation
			require.NotNil(t, op)
			assert.Empty(t, p.Types, "an API page describes no type")
			require.NotEmpty(t, op.Requests)
			last := op.Requests[len(op.Requests)-1]
			assert.Equal(t, RequestDoc{Method: "POST", Path: "/users/{id | userPrincipalName}/sendMail", Pos: last.Pos}, last)
			require.Len(t, op.Parameters, 2)
			assert.Equal(t, "message", op.Parameters[0].Name)
			assert.Equal(t, "resources/message.md", op.Parameters[0].Type.Link)
			assert.Equal(t, ParamBody, op.Parameters[0].Place)
			assert.Equal(t, "saveToSentItems", op.Parameters[1].Name)
			assert.Equal(t, 202, op.Response.Status)
			assert.False(t, op.Response.Type.Known(), "202 Accepted returns nothing")
			require.NotNil(t, op.Permissions)
			assert.Equal(t, []string{"Mail.Send"}, op.Permissions.DelegatedWork)
			assert.Equal(t, []string{"Mail.Send"}, op.Permissions.DelegatedPersonal)
			assert.Equal(t, []string{"Mail.Send"}, op.Permissions.Application)
		})
	}
	t.Run("bilingual", func(t *testing.T) {
		p := parseAPIPage(t, lang.Default, "bilingual-ru-2020-10", "v1.0", "user-reminderview.md")
		op := p.Operation
		require.NotNil(t, op)
		require.Len(t, op.Requests, 1)
		segs := SplitPath(op.Requests[0].Path)
		require.Len(t, segs, 3)
		assert.Equal(t, []string{"startDateTime", "endDateTime"}, segs[2].Args)
		require.Len(t, op.Parameters, 2)
		assert.Equal(t, ParamFunction, op.Parameters[0].Place)
		assert.Equal(t, "Edm.String", op.Parameters[0].Type.Primitive)
		assert.Equal(t, "microsoft.graph.reminder", op.Response.Type.Name, "the response annotation names it")
		assert.True(t, op.Response.Type.Collection)
		assert.Equal(t, []string{"Calendars.Read", "Calendars.ReadWrite"}, op.Permissions.Application)
	})
}

// A resource page that shows requests (an overview, an example) is no API
// page: without a request heading or a permissions table its types stand.
func TestRequestsOnAResourcePageMakeNoOperation(t *testing.T) {
	page := "# widget resource type\n\nNamespace: microsoft.graph\n\nA widget. To list them:\n\n```http\nGET /widgets\n```\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n"
	p := Parse("widget.md", []byte(page), Options{})
	assert.Nil(t, p.Operation)
	require.Len(t, p.Types, 1)
}

func TestSplitPath(t *testing.T) {
	segs := SplitPath("/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/range(address='A1:B2')/format")
	var names []string
	for _, s := range segs {
		if s.Key {
			names = append(names, "{}")
		} else {
			names = append(names, s.Name)
		}
	}
	assert.Equal(t, []string{"me", "drive", "root", "workbook", "worksheets", "{}", "range", "format"}, names)
	assert.Equal(t, []string{"address"}, segs[6].Args)
	assert.Equal(t, 1, SplitPath("/users('a/b')")[0].Positional, "a slash inside quotes splits nothing")
	assert.Equal(t, []string{"microsoft.graph.delta"}, []string{SplitPath("/users/microsoft.graph.delta()")[1].Name})
	unclosed := SplitPath("/workbook/worksheets/{id|name}/range(address='<address>'/entireRow")
	assert.True(t, unclosed[len(unclosed)-1].Unclosed, "a parenthesis never closed is marked")
	assert.False(t, segs[len(segs)-1].Unclosed)
}

// An annotation may name the response's type as @type, as resource
// annotations do.
func TestResponseAtType(t *testing.T) {
	page := "# site: follow\n\n## HTTP request\n\n```http\nPOST /users/{user-id}/followedSites/add\n```\n\n## Example\n\n" +
		"<!-- { \"blockType\": \"response\", \"@type\": \"microsoft.graph.site\", \"isCollection\": true } -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n"
	p := Parse("api/site-follow.md", []byte(page), Options{})
	require.NotNil(t, p.Operation)
	assert.Equal(t, "microsoft.graph.site", p.Operation.Response.Type.Name)
	assert.True(t, p.Operation.Response.Type.Collection)
}

func TestRequestLines(t *testing.T) {
	lines := requestLines("GET https://graph.microsoft.com/v1.0/users/{id}?$select=a HTTP/1.1\nContent-type: application/json\n  POST me/sendMail\nHTTP/1.1 200 OK\n")
	require.Len(t, lines, 2)
	assert.Equal(t, "/users/{id}", lines[0].path)
	assert.True(t, lines[0].full)
	assert.Equal(t, "/me/sendMail", lines[1].path)
	assert.False(t, lines[1].full)

	// Another service's address is no request to the API: a page's note
	// on posting to the preview URL, a bot's callback, an upload URL.
	lines = requestLines("POST https://www.onedrive.com/embed_by_post\nPOST https://bot.contoso.com/api/calls\nPUT https://sn3302.up.1drv.com/up/x\nGET https://graph.microsoft.us/v1.0/me\n")
	require.Len(t, lines, 4)
	for _, l := range lines[:3] {
		assert.True(t, l.foreign, l.path)
	}
	assert.False(t, lines[3].foreign)
	assert.Equal(t, "/me", lines[3].path)
	p := Parse("api/driveitem-preview.md", []byte("# Qo\n\n## <a name=\"http-request\"></a>Qa\n\n```http\nPOST /me/drive/items/{id}/preview\n```\n\n## <a name=\"response\"></a>Qr\n\n```\nPOST https://www.onedrive.com/embed_by_post\n```\n"), Options{RootName: "v1.0"})
	require.Len(t, p.Operation.Requests, 1, "the note's request to another service is no syntax")
}

// A response body that is an object of its own gives its keys, from an
// example or from the response section's own JSON; a "value" wrapper and
// annotations give none.
func TestResponseKeys(t *testing.T) {
	page := func(response string) *Page {
		md := "# Qo\n\n## <a name=\"http-request\"></a>Qa\n\n```http\nPOST /me/x/preview\n```\n\n## <a name=\"response\"></a>Qr\n\n" + response
		return Parse("api/x-preview.md", []byte(md), Options{RootName: "v1.0"})
	}
	p := page("```json\n{\"getUrl\": \"https://x\", \"postUrl\": \"https://y\"}\n```\n")
	assert.Equal(t, []string{"getUrl", "postUrl"}, p.Operation.Response.Keys)
	p = page("## <a name=\"example\"></a>Qe\n\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"@odata.context\": \"x\", \"keyId\": \"k\", \"hint\": \"h\"}\n```\n")
	assert.Equal(t, []string{"keyId", "hint"}, p.Operation.Response.Keys)
	p = page("## <a name=\"example\"></a>Qe\n\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"value\": [{\"keyId\": \"k\"}]}\n```\n")
	assert.Nil(t, p.Operation.Response.Keys)
}

func TestPermissionScopes(t *testing.T) {
	assert.Equal(t, []string{"Mail.Send", "User.Read.All"}, permissionScopes("Mail.Send, User.Read.All (z.B. nicht unterstützt)."))
	assert.Empty(t, permissionScopes("Nicht unterstützt."))
}

// A report documented as CSV (a stream) and then as JSON returns the type
// the JSON example names; a "value" array makes it a collection.
func TestResponseStreamThenType(t *testing.T) {
	page := "---\ndoc_type: apiPageType\n---\n# reportRoot: getCounts\n\n## HTTP request\n\n```http\nGET /reports/getCounts(period='{period_value}')\n```\n\n## Example\n\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"stream\" } -->\n```http\nHTTP/1.1 200 OK\n\nReport Refresh Date,Send\n```\n\n" +
		"<!-- { \"blockType\": \"response\", \"truncated\": true, \"@odata.type\": \"microsoft.graph.countSummary\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\n  \"@odata.context\": \"x\",\n  \"value\": [ { \"send\": 1 } ]\n}\n```\n"
	p := Parse("api/reportroot-getcounts.md", []byte(page), Options{})
	require.NotNil(t, p.Operation)
	assert.Equal(t, "microsoft.graph.countSummary", p.Operation.Response.Type.Name)
	assert.True(t, p.Operation.Response.Type.Collection)
}
