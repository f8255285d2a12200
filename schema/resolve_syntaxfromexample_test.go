package schema

import (
	"strings"
	"testing"

	"github.com/docgen/graphgen/diag"
	"github.com/stretchr/testify/assert"
)

// A request syntax that names neither the operation the file name ends in
// nor the one the request example calls is the page's mistake: the
// example's request is read, with a warning. A syntax that names the
// file's operation stands, whatever the example calls.
func TestSyntaxFromExample(t *testing.T) {
	withExample := func(title, syntax, example string) string {
		md := apiPage(title, syntax, "")
		return md + "\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\n" + example + "\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/config.md":          resourcePage("config", ""),
		"api/config-list.md":           apiPage("List configs", "GET /configs", "a collection of [config](../resources/config.md) objects"),
		"api/config-add.md":            apiPage("add action", "POST /configs/{id}/add", ""),
		"api/config-addlocal.md":       withExample("addLocal action", "POST /configs/{id}/add", "POST https://graph.microsoft.com/v1.0/configs/7/addLocal"),
		"api/configcollection-make.md": withExample("make action", "POST /configs/", "POST https://graph.microsoft.com/v1.0/configs/make"),
		"api/config-reset.md":          withExample("reset action", "POST /configs/{id}/reset", "POST https://graph.microsoft.com/v1.0/configs/7/restart"),
	})
	var names []string
	for _, o := range s.Operations {
		names = append(names, string(o.Kind)+" "+o.Name+" "+refString(o.Binding))
	}
	assert.Contains(t, names, "action addLocal microsoft.graph.config", "the example and the file name say addLocal")
	assert.Contains(t, names, "action make Collection(microsoft.graph.config)", "the syntax lost its last segment")
	assert.Contains(t, names, "action reset microsoft.graph.config", "the syntax names the file's operation: it stands")
	assert.NotContains(t, names, "action restart microsoft.graph.config")
	assert.NotContains(t, names, "create createConfigs Collection(microsoft.graph.config)", "the cut-short syntax's create is not read")
	for _, o := range s.Operations {
		if o.Name == "add" {
			assert.Len(t, o.Requests, 1, "config-addlocal.md's copied syntax does not join add")
			assert.Equal(t, "api/config-add.md:4", o.Source)
		}
	}
	var warned []string
	for _, d := range s.Diagnostics {
		if d.Code == diag.SyntaxFromExample.Name() {
			warned = append(warned, d.File)
		}
	}
	assert.ElementsMatch(t, []string{"api/config-addlocal.md", "api/configcollection-make.md"}, warned, strings.Join(names, "\n"))
}
