package parser

// Enum sections found by their "x-values" anchor: the anchor is never
// translated, and the first table whose first column holds one word a row
// is the members table, whatever its header and heading say.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

func enumNames(p *Page) []string {
	var out []string
	for _, en := range p.Enums {
		out = append(out, en.Name)
	}
	return out
}

func memberNamesOf(en *EnumDoc) []string {
	var out []string
	for _, m := range en.Members {
		out = append(out, m.Name)
	}
	return out
}

func TestValuesSectionKnownByItsAnchor(t *testing.T) {
	md := "---\nms.contentlocale: zh-CN\n---\n# <a name=\"assignedplan-resource-type\"></a>assignedPlan 资源类型\n\n" +
		"## <a name=\"properties\"></a>属性\n|属性|类型|说明|\n|:--|:--|:--|\n|capabilityStatus|[capabilityStatus](#capabilitystatus-values)|x|\n\n" +
		// The heading shows the name; the header and most names are translated.
		"### <a name=\"capabilitystatus-values\"></a>capabilityStatus 值\n\n| 成员 | 说明 |\n|:--|:--|\n| 已启用 | x |\n| 警告 | x |\n| LockedOut | x |\n\n" +
		// The heading does not show the name; the header is English.
		"### <a name=\"tlplevel-values\"></a>Stufenwerte\n\n|Member|\n|:--|\n|Weiß|\n|Grün|\n|unknown|\n\n" +
		// Captions of a string's values, not names.
		"### <a name=\"spokenlanguage-values\"></a>spokenLanguage 值\n\n| 语音语言 | 值 |\n|:--|:--|\n| 荷兰语（荷兰） | nl |\n| 英语（美国） | en |\n| 加泰罗尼亚语 | ca |\n"
	p := parse(t, md)
	assert.Equal(t, []string{"microsoft.graph.capabilityStatus", "microsoft.graph.tlplevel"}, enumNames(p))
	require.Len(t, p.Enums, 2)
	assert.Equal(t, []string{"已启用", "警告", "LockedOut"}, memberNamesOf(p.Enums[0]), "names as written: the resolver finds the English ones")
	assert.False(t, p.Enums[0].AnchorOnly)
	assert.Equal(t, []string{"Weiß", "Grün", "unknown"}, memberNamesOf(p.Enums[1]))
	assert.True(t, p.Enums[1].AnchorOnly, "the heading's words do not show the name: its case is the anchor's until links say more")
}

// In a script written without spaces a blank splits no word: a table of
// names a translation split in two ("从来 没有" for never) is the members
// table under a heading anchored x-values. Captions of several words in a
// script with spaces ("JIS B4") are not, in one column or two.
func TestUnspacedNamesSplitByABlankAreMembers(t *testing.T) {
	md := "---\ndoc_type: enumPageType\nms.contentlocale: zh-CN\n---\n# <a name=\"enum-values\"></a>枚举值\n\n" +
		"### <a name=\"persistentbrowsersessionmode-values\"></a>persistentBrowserSessionMode 值\n\n| 成员 |\n|:--|\n|总是|\n|从来 没有|\n\n" +
		"### <a name=\"spokenlanguage-values\"></a>spokenLanguage 值\n\n| 语音语言 | 值 |\n|:--|:--|\n| 荷兰语 (荷兰) | nl |\n| 英语 (美国) | en |\n\n" +
		"### <a name=\"mediasizes-values\"></a>mediaSizes values\n\n|Qa|\n|:--|\n|A3|\n|JIS B4|\n|JPN Hagaki|\n|North America 5x7in|\n"
	p := parse(t, md)
	assert.Equal(t, []string{"microsoft.graph.persistentBrowserSessionMode"}, enumNames(p))
	require.Len(t, p.Enums, 1)
	assert.Equal(t, []string{"总是", "从来 没有"}, memberNamesOf(p.Enums[0]))
}

// The page's own title anchor ("enum-values") names no enum, and neither
// does a section whose table lists no names.
func TestValuesTitleAndProseSectionsAreNoEnums(t *testing.T) {
	md := "---\ndoc_type: enumPageType\nms.contentlocale: zh-CN\n---\n# <a name=\"enum-values\"></a>枚举值\n\n" +
		"### <a name=\"allowed-values\"></a>允许的值\n\n值可以包括空格。\n\n" +
		"### <a name=\"risklevel-values\"></a>riskLevel 值\n\n|成员|\n|:---|\n|低|\n|中等|\n|高|\n|hidden|\n"
	p := parse(t, md)
	assert.Equal(t, []string{"microsoft.graph.riskLevel"}, enumNames(p))
}

// The Chinese aggregated enums page: every section of one-column tables
// headed 成员 is an enum with its members, translated ones included.
func TestChineseValuesSectionsOnTheCorpus(t *testing.T) {
	dir := corpus.Require(t, "corpus", "localized-zh-2023", "beta", "resources")
	for _, c := range []struct {
		page, enum string
		members    []string
	}{
		{"enums.md", "microsoft.graph.teamTemplateAudience", []string{"组织", "用户", "公开", "unknownFutureValue"}},
		{"enums.md", "microsoft.graph.riskLevel", []string{"低", "中等", "高", "hidden", "无", "unknownFutureValue"}},
		{"assignedplan.md", "microsoft.graph.capabilityStatus", []string{"已启用", "警告", "已暂停", "LockedOut", "Deleted"}},
		// Names a translation split in two, in a script written without spaces.
		{"enums.md", "microsoft.graph.persistentBrowserSessionMode", []string{"总是", "从来 没有"}},
		{"enums.md", "microsoft.graph.autoAdmittedUsersType", []string{"everyoneInCompany", "每个人 都"}},
		{"enums.md", "microsoft.graph.cloudPcProvisioningPolicyImageType", []string{"自 定义", "库"}},
	} {
		data, err := os.ReadFile(filepath.Join(dir, c.page))
		require.NoError(t, err)
		p := Parse(c.page, data, Options{RootName: "resources"})
		var found *EnumDoc
		for _, en := range p.Enums {
			if en.Name == c.enum {
				found = en
			}
		}
		require.NotNil(t, found, "%s in %s", c.enum, c.page)
		assert.Equal(t, c.members, memberNamesOf(found), c.enum)
	}
}

// The Namespace line is known by its shape in any language: a short label,
// a colon and a dotted name; the enums of the page are in it.
func TestNamespaceLineKnownByItsShape(t *testing.T) {
	md := "---\ndoc_type: enumPageType\n---\n# <a name=\"security-enum-values\"></a>安全枚举值\n\n命名空间：microsoft.graph.security\n\n" +
		"### <a name=\"actionafterretentionperiod-values\"></a>actionAfterRetentionPeriod 值\n\n|成员|\n|:---|\n|无|\n|delete|\n|startDispositionReview|\n"
	p := parse(t, md)
	assert.Equal(t, "microsoft.graph.security", p.Namespace)
	assert.Equal(t, []string{"microsoft.graph.security.actionAfterRetentionPeriod"}, enumNames(p))

	p = parse(t, "# x resource type\n\n## Properties\n\nTyp: microsoft.graph.user\n\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	assert.Equal(t, "", p.Namespace, "in a section, a label and a name are the section's")
}

// Under a heading anchored "properties", the first table whose first
// column holds one word a row is the property table even where a
// translation transliterated most names and its header is in words no
// data file has.
func TestPropertyTableOfTransliteratedNames(t *testing.T) {
	md := "---\nms.contentlocale: ru-RU\n---\n# <a name=\"devicemanagement-resource-type\"></a>тип ресурса x\n\n" +
		"## <a name=\"properties\"></a>Свойства\n|Свойство|Тип|Описание|\n|:---|:---|:---|\n|id|Строка|x|\n|**Конфигурация устройств**|\n" +
		"|интунеаккаунтид|Guid|x|\n|максимумдептокенс|Int32|x|\n|settings|[deviceManagementSettings](settings.md)|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Contains(t, propNames(p.Types[0]), "settings")
	assert.Len(t, p.Types[0].Properties, 4, "the bold caption is no property")
}

// An enum page whose translated title has no word of its anchor's name
// ("Wurde-Enumerationstyp" for compliancestatus) is named by the anchor,
// its case unsure; a title that spells the anchor's name keeps its case.
func TestEnumTitleWithoutItsAnchorName(t *testing.T) {
	page := func(title string) *Page {
		md := "---\nms.contentlocale: de-DE\n---\n# <a name=\"compliancestatus-enum-type\"></a>" + title + "\n\n" +
			"## <a name=\"members\"></a>Elemente\n|Element|Wert|Beschreibung|\n|:--|:--|:--|\n|unknown|0|x|\n|compliant|1|x|\n"
		return Parse("resources/intune-shared-compliancestatus.md", []byte(md), Options{RootName: "resources"})
	}
	p := page("Wurde-Enumerationstyp")
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.compliancestatus", p.Enums[0].Name)
	assert.True(t, p.Enums[0].AnchorOnly)
	p = page("complianceStatus-Enumerationstyp")
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.complianceStatus", p.Enums[0].Name)
	assert.False(t, p.Enums[0].AnchorOnly)
}
