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

	// Two rows taught are too few.
	delete(files, "taught2.md")
	s = resolveRaw(t, files)
	assert.Equal(t, []string{"id"}, names(mustType(t, s, "microsoft.graph.learner").Properties))
}
