package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rows that describe the object the example body's one key holds make
// that key the one parameter; rows that are not all its properties stay
// the parameters.
func TestWrappedBody(t *testing.T) {
	resource := func(name string, props ...string) string {
		md := "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n"
		for _, p := range props {
			md += "|" + p + "|String|x|\n"
		}
		return md + "\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
	}
	action := func(title, path, rows, body string) string {
		md := apiPage(title, "POST "+path, "")
		return md + "\n## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n" + rows +
			"\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0" + path + "\nContent-type: application/json\n\n" + body + "\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/app.md":         resource("app", "id"),
		"resources/credential.md":  resource("credential", "displayName", "endDateTime"),
		"api/app-list.md":          apiPage("List apps", "GET /apps", "a collection of [app](../resources/app.md) objects"),
		"api/app-addcredential.md": action("addCredential", "/apps/{id}/addCredential", "|displayName|String|x|\n|endDateTime|DateTimeOffset|x|\n", `{"credential": {"displayName": "x"}}`),
		"api/app-send.md":          action("send", "/apps/{id}/send", "|Nachricht|String|x|\n|displayName|String|x|\n", `{"credential": {"displayName": "x"}}`),
	})
	params := map[string][]string{}
	for _, o := range s.Operations {
		for _, p := range o.Parameters {
			params[o.Name] = append(params[o.Name], p.Name+" "+p.Type)
		}
	}
	require.Contains(t, params, "addCredential")
	assert.Equal(t, []string{"credential microsoft.graph.credential"}, params["addCredential"])
	assert.NotContains(t, params["send"], "credential microsoft.graph.credential", "Nachricht is no property of credential")
}
