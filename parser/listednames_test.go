package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestListedNames(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"可取值为：Enabled、Warning、Suspended、Deleted、LockedOut。", []string{"Enabled", "Warning", "Suspended", "Deleted", "LockedOut"}},
		{"Mögliche Werte: none, low, medium oder high.", []string{"none", "low", "medium", "high"}},
		{"Possible values are: none, low, medium, or high.", []string{"none", "low", "medium", "high"}},
		{"Значения: aa, bb и cc", []string{"aa", "bb", "cc"}},
		{"Zwei Werte: aa, bb.", nil},                          // two are no list
		{"Die Sprache des Benutzers, z. B. en oder de.", nil}, // prose
		{"包括 appId、displayName 和 servicePrincipalName。", []string{"appId", "displayName", "servicePrincipalName"}},
		{"Werteé, aa, bb, cc", []string{"aa", "bb", "cc"}},                                    // a name glued to other letters is no name
		{"The ISO 27018：2014、GDPR、FedRAMP、NIST 800-171", []string{"GDPR", "FedRAMP", "NIST"}}, // still a list: only enum rows use it
	} {
		assert.Equal(t, c.want, listedNames(c.text), c.text)
	}
}

// A row's description lists its enum's names without backticks, and its
// JSON example holds one of them: both are kept for the resolver, which
// names translated members from them.
func TestRowNamesFromListsAndExamples(t *testing.T) {
	md := "---\nms.contentlocale: zh-CN\n---\n# <a name=\"drive-resource-type\"></a>drive 资源类型\n\n" +
		"## <a name=\"properties\"></a>属性\n|属性|类型|说明|\n|:--|:--|:--|\n" +
		"|driveType|[driveType](#drivetype-values)|可取值为：personal、business、documentLibrary。|\n" +
		"|state|[state](#state-values)|状态。|\n|name|String|名称。|\n\n" +
		"## <a name=\"json-representation\"></a>JSON 表示形式\n```json\n" +
		"{\"driveType\": \"personal | business | documentLibrary\", \"state\": \"Expired\", \"name\": \"String\"}\n```\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	td := p.Types[0]
	assert.Equal(t, []string{"personal", "business", "documentLibrary"}, prop(t, td, "driveType").Listed)
	assert.Equal(t, []string{"personal", "business", "documentLibrary"}, prop(t, td, "driveType").JSONValues)
	assert.Equal(t, []string{"Expired"}, prop(t, td, "state").JSONValues)
	assert.Empty(t, prop(t, td, "name").JSONValues, "a placeholder names a type, not a value")
}
