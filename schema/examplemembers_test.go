package schema

// The API pages' examples name translated members: a request's value for
// a parameter or property of an enum type is a member's wire name. A flags
// value's names pair with the members in place; a single value goes in
// the folder's order where translations still stand.

import (
	"strings"
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTranslatedMembersNamedFromAPIExamples(t *testing.T) {
	enumPage := func(name string, members ...string) string {
		md := "---\nms.contentlocale: de-DE\n---\n# <a name=\"" + name + "-enum-type\"></a>" + name + " Enum-Typ\n\n## <a name=\"members\"></a>Elemente\n|Element|Wert|Beschreibung|\n|:--|:--|:--|\n"
		for i, m := range members {
			md += "|" + m + "|" + string(rune('0'+i)) + "|Qe " + m + ".|\n"
		}
		return md
	}
	files := map[string]string{
		"resources/clonableteamparts.md":  enumPage("clonableTeamParts", "Apps", "Registerkarten", "settings", "Kanäle", "Elemente"),
		"resources/teamvisibilitytype.md": enumPage("teamVisibilityType", "private", "Öffentlich"),
		"resources/team.md": "---\nms.contentlocale: de-DE\n---\n# <a name=\"team-resource-type\"></a>team Ressourcentyp\n\n## <a name=\"properties\"></a>Eigenschaften\n|Eigenschaft|Typ|Beschreibung|\n|:--|:--|:--|\n" +
			"|id|String|Qe.|\n|visibility|[teamVisibilityType](teamvisibilitytype.md)|Qe.|\n",
		"api/team-clone.md": "# team: clone\n\n## HTTP request\n\n```http\nPOST /teams/{id}/clone\n```\n\n## Request body\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n" +
			"|partsToClone|[clonableTeamParts](../resources/clonableteamparts.md)|Qe.|\n|visibility|[teamVisibilityType](../resources/teamvisibilitytype.md)|Qe.|\n\n" +
			"## Example\n\n### Request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /teams/{id}/clone\nContent-Type: application/json\n\n" +
			"{\"partsToClone\": \"apps,tabs,settings,channels,members\", \"visibility\": \"public\"}\n```\n",
	}
	var pages []*parser.Page
	for path, md := range files {
		pages = append(pages, parser.Parse(path, []byte(md), parser.Options{RootName: "v1.0"}))
	}
	s := Resolve(pages)
	parts := mustType(t, s, "microsoft.graph.clonableTeamParts")
	assert.Equal(t, []string{"apps", "tabs", "settings", "channels", "members"}, memberNames(parts), "the flags value's names pair in place")
	require.Len(t, parts.Members, 5)
	assert.Equal(t, "Qe Registerkarten.", parts.Members[1].Description, "each keeps its own description")
	vis := mustType(t, s, "microsoft.graph.teamVisibilityType")
	assert.Equal(t, []string{"private", "public"}, memberNames(vis), "a single value in the folder's order; the translation is left out")
	require.NotNil(t, s.Learned)
	assert.Equal(t, 1, s.Learned.TranslatedMembers["added"])
	assert.Equal(t, 1, s.Learned.TranslatedMembers["leftOut"])

	// Without the API page, nothing names them: the translations are
	// left out, none emitted.
	var resources []*parser.Page
	for _, p := range pages {
		if p.Operation == nil {
			resources = append(resources, p)
		}
	}
	s = Resolve(resources)
	assert.Equal(t, []string{"private"}, memberNames(mustType(t, s, "microsoft.graph.teamVisibilityType")))

	// A list response's items are of its type: "value", then each item.
	list := "# List teams\n\n## HTTP request\n\n```http\nGET /teams\n```\n\n## Example\n\n### Response\n\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.team\", \"isCollection\": true } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" +
		"{\"value\": [{\"id\": \"t1\", \"visibility\": \"public\"}]}\n```\n"
	fresh := []*parser.Page{parser.Parse("api/team-list.md", []byte(list), parser.Options{RootName: "v1.0"})}
	for path, md := range files {
		if !strings.HasPrefix(path, "api/") {
			fresh = append(fresh, parser.Parse(path, []byte(md), parser.Options{RootName: "v1.0"}))
		}
	}
	s = Resolve(fresh)
	assert.Equal(t, []string{"private", "public"}, memberNames(mustType(t, s, "microsoft.graph.teamVisibilityType")))
}
