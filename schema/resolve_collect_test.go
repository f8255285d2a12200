package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A page whose annotation names another page's type, where its title,
// anchor and file name agree on another name, was annotated by a copy: it
// is the type they name. Where no other page has the annotation's type,
// the annotation stands (chart.md annotated workbookChart).
func TestCopiedAnnotationGivesWayToTheTitleAnchorAndFileName(t *testing.T) {
	page := func(anchor, title, annotation, row string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + anchor + "-resource-type\"></a>Rezurstyp " + title + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|" + row + "|String|x|\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + annotation + "\"} -->\n```json\n{\"" + row + "\": \"String\"}\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/sync-status.md":   page("status", "status", "status", "code"),
		"resources/sync-progress.md": page("progress", "progress", "status", "completed"),
		"resources/chart.md":         page("chart", "chart", "workbookChart", "height"),
	})
	assert.Equal(t, []string{"code"}, propertyNames(mustType(t, s, "microsoft.graph.status")))
	assert.Equal(t, []string{"completed"}, propertyNames(mustType(t, s, "microsoft.graph.progress")))
	assert.NotNil(t, s.Lookup("microsoft.graph.workbookChart"), "no other page has workbookChart: the annotation stands")
	assert.Nil(t, s.Lookup("microsoft.graph.chart"))
}
