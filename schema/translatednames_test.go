package schema

// Translated names: enum members are never emitted as written (their wire
// value would be wrong); they are named from the English lists of the
// folder, in place where they pair, else in the folder's order, and left
// out and counted where the folder names them nowhere. Row names that stay
// translations are left out too.

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
)

// zhEnums is a Chinese page of enum sections, in a language no data file
// has.
func zhEnums(sections ...string) string {
	return "---\ndoc_type: enumPageType\nms.contentlocale: zh-CN\n---\n# <a name=\"enum-values\"></a>枚举值\n\n命名空间：microsoft.graph\n\n" + strings.Join(sections, "\n")
}

func zhSection(name string, members ...string) string {
	return "### <a name=\"" + strings.ToLower(name) + "-values\"></a>" + name + " 值\n\n|成员|\n|:---|\n|" + strings.Join(members, "|\n|") + "|\n"
}

func zhType(name, rows, json string) string {
	return "---\nms.contentlocale: zh-CN\n---\n# <a name=\"" + strings.ToLower(name) + "-resource-type\"></a>" + name + " 资源类型\n\n" +
		"## <a name=\"properties\"></a>属性\n|属性|类型|说明|\n|:--|:--|:--|\n" + rows + "\n\n" +
		"## <a name=\"json-representation\"></a>JSON 表示形式\n```json\n" + json + "\n```\n"
}

// The English names a row's description lists without backticks, in a
// list whose words no data file has, name the translated members in
// place; so do the values of the JSON example.
func TestTranslatedMembersNamedFromBareListsAndExamples(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": zhEnums(zhSection("capabilityStatus", "已启用", "警告", "LockedOut"), zhSection("driveKind", "个人", "企业", "documentLibrary")),
		"plan.md": zhType("plan", "|capabilityStatus|[capabilityStatus](enums.md#capabilitystatus-values)|可取值为：Enabled、Warning、LockedOut。|\n"+
			"|driveKind|[driveKind](enums.md#drivekind-values)|驱动器类型。|",
			`{"capabilityStatus": "String", "driveKind": "personal | business | documentLibrary"}`),
	})
	assert.Equal(t, []string{"Enabled", "Warning", "LockedOut"}, memberNames(mustType(t, s, "microsoft.graph.capabilityStatus")))
	assert.Equal(t, []string{"personal", "business", "documentLibrary"}, memberNames(mustType(t, s, "microsoft.graph.driveKind")))
	assert.Equal(t, map[string]int{"named": 4}, s.Learned.TranslatedMembers)
}

// A translated member the folder names nowhere in English is left out,
// reported and counted; the members written as names stay.
func TestTranslatedMemberWithoutEvidenceIsLeftOut(t *testing.T) {
	s := resolveRaw(t, map[string]string{"enums.md": zhEnums(zhSection("accessType", "授予", "否认", "unknownFutureValue"))})
	assert.Equal(t, []string{"unknownFutureValue"}, memberNames(mustType(t, s, "microsoft.graph.accessType")))
	n := 0
	for _, d := range s.Diagnostics {
		if d.Code == diag.TranslatedMember.Name() {
			n++
			assert.Contains(t, d.Message, "left out")
		}
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, map[string]int{"leftOut": 2}, s.Learned.TranslatedMembers)
}

// A list in a row of another type (attendee's type is a String listing
// `required`, `optional`, `resource`) names the members of the enum it
// lines up with whole; a list that shares only a sentinel with an enum
// does not.
func TestTranslatedMembersNamedFromAListThatLinesUp(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": zhEnums(zhSection("attendeeType", "必需", "可选", "resource"), zhSection("jobState", "unknown", "已完成", "失败"), zhSection("deviceState", "unknown", "ok")),
		"attendee.md": zhType("attendee", "|type|String|与会者类型：`required`、`optional`、`resource`。|\n"+
			"|device|String|设备：`unknown`、`desktop`、`laptop`。|", `{"type": "String", "device": "String"}`),
	})
	assert.Equal(t, []string{"required", "optional", "resource"}, memberNames(mustType(t, s, "microsoft.graph.attendeeType")))
	assert.Equal(t, []string{"unknown"}, memberNames(mustType(t, s, "microsoft.graph.jobState")),
		"unknown, first in both, says nothing of which enum the list is about")
}

// Where a list cannot be paired with the translated members, its names
// take the place of the first of them in the list's order, and the
// translations are left out.
func TestTranslatedMembersAddedInTheFolderOrder(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": zhEnums(zhSection("pcStatus", "notProvisioned", "供应", "inGracePeriod", "失败", "调整", "pendingProvision", "unknownFutureValue")),
		"pc.md":    zhType("pc", "|status|[pcStatus](enums.md#pcstatus-values)|状态：`notProvisioned`、`provisioning`、`provisioned`、`inGracePeriod`、`failed`。|", `{"status": "String"}`),
	})
	assert.Equal(t, []string{"notProvisioned", "provisioning", "provisioned", "inGracePeriod", "failed", "pendingProvision", "unknownFutureValue"},
		memberNames(mustType(t, s, "microsoft.graph.pcStatus")))
	assert.Equal(t, map[string]int{"added": 3, "leftOut": 3}, s.Learned.TranslatedMembers)
}

// No member of any enum in the German and Chinese folders is written
// other than as an ASCII identifier, and the translated members of a few
// enums are named from the folder.
func TestTranslatedMembersOnTheCorpus(t *testing.T) {
	for _, c := range []struct {
		folder  string
		members map[string][]string
	}{
		{"localized-de-2019-03/beta", map[string][]string{
			"microsoft.graph.tlpLevel": {"unknown", "white", "green", "amber", "red"},
		}},
		{"localized-zh-2023/beta", map[string][]string{
			"microsoft.graph.attendeeType":         {"required", "optional", "resource"},
			"microsoft.graph.teamTemplateAudience": {"organization", "user", "public", "unknownFutureValue"},
			"microsoft.graph.sensitivity":          {"normal", "personal", "private", "confidential"},
		}},
	} {
		t.Run(c.folder, func(t *testing.T) {
			parts := append([]string{"corpus"}, strings.Split(c.folder, "/")...)
			dir := corpus.Require(t, append(parts, "resources")...)
			s, _ := loadSchemaWith(t, dir, lang.Default.Without("de"))
			for _, ty := range s.Types {
				for _, m := range ty.Members {
					for _, r := range m.Name {
						require.True(t, r < unicode.MaxASCII, "%s.%s is written in another script", ty.Name, m.Name)
					}
				}
			}
			for name, want := range c.members {
				assert.Equal(t, want, memberNames(mustType(t, s, name)), name)
			}
			require.NotNil(t, s.Learned)
			assert.Positive(t, s.Learned.TranslatedMembers["named"])
			t.Logf("%s: translated members %v", c.folder, s.Learned.TranslatedMembers)
		})
	}
}

// On a translated page, a row name that nothing in the folder names in
// English is left out (its JSON key is unknown); on an English page an odd
// name is the page's own and stays.
func TestTranslatedRowNameIsLeftOut(t *testing.T) {
	page := func(locale string) string {
		return "---\nms.contentlocale: " + locale + "\n---\n# <a name=\"definition-resource-type\"></a>definition\n\n" +
			"## <a name=\"relationships\"></a>Beziehungen\n|Beziehung|Typ|Beschreibung|\n|:--|:--|:--|\n" +
			"|definitionFile|[file](file.md)|x|\n|Präsentationen|[presentation](presentation.md)-Sammlung|x|\n"
	}
	s := resolveRaw(t, map[string]string{"definition.md": page("de-DE")})
	assert.Equal(t, []string{"definitionFile"}, names(mustType(t, s, "microsoft.graph.definition").Properties))
	assert.Contains(t, diagCodes(s), diag.TranslatedProperty.Name())
	assert.NotContains(t, diagCodes(s), diag.BadRow.Name(), "reported once, as left out")

	s = resolveRaw(t, map[string]string{"definition.md": page("en-US")})
	assert.Equal(t, []string{"definitionFile", "Präsentationen"}, names(mustType(t, s, "microsoft.graph.definition").Properties))
	assert.Contains(t, diagCodes(s), diag.BadRow.Name())
}

// A list that names a value twice ("... The default is `ReadWrite`") names
// one member: it still lines up with the enum.
func TestAListNamingAValueTwiceLinesUp(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": zhEnums(zhSection("mutability", "读写", "ReadOnly", "变", "WriteOnly")),
		"attributedefinition.md": zhType("attributeDefinition",
			"|mutability|String|可能的值是 `ReadWrite` `ReadOnly` `Immutable` `WriteOnly`。默认值为 `ReadWrite`。|", `{"mutability": "String"}`),
	})
	assert.Equal(t, []string{"ReadWrite", "ReadOnly", "Immutable", "WriteOnly"}, memberNames(mustType(t, s, "microsoft.graph.mutability")))
}
