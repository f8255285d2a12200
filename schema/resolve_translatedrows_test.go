package schema

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

// A translated row name that nothing on its page names takes the English
// name the folder's rules gave the same words on three other rows or more,
// as a collection or as one value alike: "名称" is name where JSON keys
// named it so, and "定义" as a collection is definitions, not definition.
func TestTranslatedRowNamedByTheFolderVocabulary(t *testing.T) {
	page := func(name, rows, json string) string {
		return "---\nms.contentlocale: zh-CN\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " 资源类型\n\n" +
			"## <a name=\"properties\"></a>属性\n|属性|类型|说明|\n|:--|:--|:--|\n" + rows + "\n" + json
	}
	jsonBlock := func(body string) string {
		return "## <a name=\"json-representation\"></a>JSON\n```json\n" + body + "\n```\n"
	}
	files := map[string]string{"definition.md": page("definition", "|id|String|x|\n", "")}
	for i := range 3 {
		files[fmt.Sprintf("taught%d.md", i)] = page(fmt.Sprintf("taught%d", i),
			"|id|String|x|\n|名称|String|x|\n|定义|[definition](definition.md)|x|\n|定义|[definition](definition.md) 集合|x|\n",
			jsonBlock(`{"id": "String", "name": "String", "definition": {"@odata.type": "microsoft.graph.definition"}, "definitions": [{"@odata.type": "microsoft.graph.definition"}]}`))
	}
	files["learner.md"] = page("learner", "|id|String|x|\n|名称|String|x|\n|定义|[definition](definition.md) 集合|x|\n|说明|String|x|\n", "")
	s := resolveRaw(t, files)
	l := mustType(t, s, "microsoft.graph.learner")
	assert.Equal(t, []string{"id", "name", "definitions"}, names(l.Properties), "说明 is in no vocabulary: left out")
	assert.Contains(t, diagCodes(s), diag.NameFromFolder.Name())
	require.NotNil(t, s.Learned)
	assert.Equal(t, map[string]int{"名称 = name": 1, "定义 = definitions": 1}, s.Learned.TranslatedRows)

	// A name the type has in another case (a JSON-only "Name") or an
	// ancestor has is no name for the row: it stays a translation.
	files["learner.md"] = page("learner", "|id|String|x|\n|名称|String|x|\n", jsonBlock(`{"Name": "String", "id": "String"}`))
	s = resolveRaw(t, files)
	assert.Equal(t, []string{"id", "Name"}, names(mustType(t, s, "microsoft.graph.learner").Properties))
	assert.NotContains(t, diagCodes(s), diag.NameFromFolder.Name())
	files["learner.md"] = page("learner", "|id|String|x|\n|名称|String|x|\n|extra|String|x|\n",
		"## <a name=\"json-representation\"></a>JSON\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.learner\", \"baseType\": \"microsoft.graph.taught0\"} -->\n```json\n{\"id\": \"String\"}\n```\n")
	s = resolveRaw(t, files)
	learner := mustType(t, s, "microsoft.graph.learner")
	require.NotNil(t, learner.Base)
	assert.NotContains(t, names(learner.Properties), "name", "taught0, its base, has name")
	assert.NotContains(t, diagCodes(s), diag.NameFromFolder.Name(), "left a translation, not renamed and dropped unseen")
	assert.Contains(t, diagCodes(s), diag.TranslatedProperty.Name())

	// Two rows taught are too few.
	files["learner.md"] = page("learner", "|id|String|x|\n|名称|String|x|\n|定义|[definition](definition.md) 集合|x|\n|说明|String|x|\n", "")
	delete(files, "taught2.md")
	s = resolveRaw(t, files)
	assert.Equal(t, []string{"id"}, names(mustType(t, s, "microsoft.graph.learner").Properties))
}

// The names a type has are compared whatever their case: a JSON-only
// "DisplayName" is the row "显示名" would be named displayName after.
func TestTranslatedRowNameComparedWithoutCase(t *testing.T) {
	page := func(name, rows, json string) string {
		return "---\nms.contentlocale: zh-CN\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " 资源类型\n\n" +
			"## <a name=\"properties\"></a>属性\n|属性|类型|说明|\n|:--|:--|:--|\n" + rows + "\n## <a name=\"json-representation\"></a>JSON\n```json\n" + json + "\n```\n"
	}
	files := map[string]string{}
	for i := range 3 {
		files[fmt.Sprintf("taught%d.md", i)] = page(fmt.Sprintf("taught%d", i), "|id|String|x|\n|显示名|String|x|\n", `{"id": "String", "displayName": "String"}`)
	}
	files["learner.md"] = page("learner", "|id|String|x|\n|显示名|String|x|\n", `{"DisplayName": "String", "id": "String"}`)
	s := resolveRaw(t, files)
	assert.Equal(t, []string{"id", "DisplayName"}, names(mustType(t, s, "microsoft.graph.learner").Properties))
	assert.NotContains(t, diagCodes(s), diag.NameFromFolder.Name())
}
