package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

func parse(t *testing.T, md string) *Page {
	t.Helper()
	return Parse("p.md", []byte(md), Options{RootName: "resources"})
}

func propNames(td *TypeDoc) []string {
	var out []string
	for _, p := range td.Properties {
		out = append(out, p.Name)
	}
	return out
}

func prop(t *testing.T, td *TypeDoc, name string) *PropDoc {
	t.Helper()
	for _, p := range td.Properties {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no property %q in %v", name, propNames(td))
	return nil
}

func codes(p *Page) []string {
	var out []string
	for _, d := range p.Diags {
		out = append(out, d.Code)
	}
	return out
}

const basicPage = `---
title: "thing resource type"
doc_type: resourcePageType
---

# thing resource type

Namespace: microsoft.graph

A thing.

Inherits from [base](base.md)

## Properties
| Property | Type | Description |
|:---|:---|:---|
| id | String | Identifier. Inherited from [base](base.md). |
| size | Int32 | The size. Not nullable. |
| state | [thingState](thingstate.md) | The state. Possible values are: ` + "`on`, `off`" + `. |
| tags | String collection | Tags. |

## Relationships
| Relationship | Type | Description |
|:---|:---|:---|
| owner | [user](../resources/user.md) | The owner. |

## JSON representation
<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "@odata.type": "microsoft.graph.thing"
}-->
` + "```json" + `
{
  "id": "String",
  "size": 1024,
  "state": "String",
  "tags": ["String"]
}
` + "```" + `
`

func TestExtractBasicPage(t *testing.T) {
	p := parse(t, basicPage)
	assert.Empty(t, p.Diags)
	assert.Equal(t, "microsoft.graph", p.Namespace)
	require.Len(t, p.Types, 1)
	td := p.Types[0]
	assert.Equal(t, "microsoft.graph.thing", td.Name)
	assert.Equal(t, Position{Line: 6, Col: 1}, td.Pos)
	assert.Equal(t, "A thing.", td.Description)
	assert.Equal(t, "id", td.KeyProperty)
	require.Len(t, td.Bases, 1)
	assert.Equal(t, BaseClaim{Source: ClaimInherits, Name: "base", Link: "base.md", Pos: Position{Line: 12, Col: 1}}, td.Bases[0])
	assert.Equal(t, []string{"id", "size", "state", "tags", "owner"}, propNames(td))
	id := prop(t, td, "id")
	require.NotNil(t, id.Inherited)
	assert.Equal(t, "base.md", id.Inherited.Link)
	assert.Equal(t, Position{Line: 17, Col: 3}, id.Pos)
	assert.False(t, prop(t, td, "size").Nullable)
	assert.True(t, prop(t, td, "tags").Nullable)
	state := prop(t, td, "state")
	assert.Equal(t, "thingstate.md", state.Type.Link)
	assert.Equal(t, []string{"on", "off"}, state.PossibleValues)
	tags := prop(t, td, "tags")
	assert.Equal(t, "Edm.String", tags.Type.Primitive)
	assert.True(t, tags.Type.Collection)
	owner := prop(t, td, "owner")
	assert.True(t, owner.Navigation)
	assert.Equal(t, "user.md", owner.Type.Link, "../resources/x.md resolves inside the root")
}

func TestExtractBilingualPageUsesEnglishHalf(t *testing.T) {
	sp := func(ru, en string) string {
		return `<span data-ttu-id="1">` + ru + `</span><span class="sxs-lookup"><span data-stu-id="1">` + en + `</span></span>`
	}
	md := "# <a name=\"thing-resource-type\"></a>" + sp("Тип ресурса Тхинг", "thing resource type") + "\n\n" +
		sp("Наследуется от [base](base.md)", "Inherits from [base](base.md)") + "\n\n" +
		"## <a name=\"properties\"></a>" + sp("Свойства", "Properties") + "\n" +
		"|" + sp("Свойство", "Property") + "|" + sp("Тип", "Type") + "|" + sp("Описание", "Description") + "|\n|:---|:---|:---|\n" +
		"|" + sp("тоталлиценсескаунт", "totalLicensesCount") + "|" + sp("Int32;", "Int32") + "|" + sp("Число.", "A count.") + "|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	td := p.Types[0]
	assert.Equal(t, "microsoft.graph.thing", td.Name)
	assert.Equal(t, []string{"totalLicensesCount"}, propNames(td))
	assert.Equal(t, "Edm.Int32", td.Properties[0].Type.Primitive)
	assert.Equal(t, "A count.", td.Properties[0].Description)
	require.Len(t, td.Bases, 1)
	assert.Equal(t, "base.md", td.Bases[0].Link)
	// The position is the English name's, in the original line.
	line := strings.Split(md, "\n")[td.Properties[0].Pos.Line-1]
	assert.True(t, strings.HasPrefix(line[td.Properties[0].Pos.Col-1:], "totalLicensesCount"))
}

func TestExtractLocalizedPageRecoversNamesFromJSON(t *testing.T) {
	md := `# <a name="thing-resource-type"></a>Тип ресурса thing

Пространство имен: microsoft.graph

Наследует [от сущности](entity.md)

## <a name="properties"></a>Свойства
| Свойство | Тип | Описание |
|:---|:---|:---|
| Метка | Строка | Надпись. |
| CompanyName | Строка | Организация. |
| count | Целое число | Число. Значение null не допускается. |
| items | Коллекция [item](item.md) | Элементы. |

## <a name="json-representation"></a>Представление JSON
` + "```json" + `
{
  "label": "String",
  "companyName": "String",
  "count": 1024,
  "items": [{"@odata.type": "microsoft.graph.item"}]
}
` + "```" + `
`
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	td := p.Types[0]
	assert.Equal(t, "microsoft.graph.thing", td.Name)
	assert.Equal(t, []string{"label", "companyName", "count", "items"}, propNames(td))
	assert.Equal(t, "Edm.String", prop(t, td, "label").Type.Primitive)
	assert.Equal(t, "Edm.Int32", prop(t, td, "count").Type.Primitive)
	assert.False(t, prop(t, td, "count").Nullable)
	assert.True(t, prop(t, td, "items").Type.Collection)
	assert.Equal(t, "item.md", prop(t, td, "items").Type.Link)
	require.Len(t, td.Bases, 1)
	assert.Equal(t, "entity.md", td.Bases[0].Link, "the link target counts, not its translated text")
	assert.ElementsMatch(t, []string{diag.NameFromJSON.Name(), diag.NameCase.Name()}, codes(p))
}

func TestExtractAnnotationForms(t *testing.T) {
	forms := map[string]string{
		"tight":          "<!--{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\", \"baseType\": \"microsoft.graph.base\"}-->",
		"newline close":  "<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.thing\",\n  \"baseType\": \"microsoft.graph.base\"\n}\n-->",
		"spaced close":   "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\", \"baseType\": \"microsoft.graph.base\"} -->",
		"@type":          "<!-- {\"blockType\": \"resource\", \"@type\": \"microsoft.graph.thing\", \"baseType\": \"microsoft.graph.base\"} -->",
		"trailing comma": "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\", \"baseType\": \"microsoft.graph.base\",} -->",
		"tabs":           "<!-- {\"blockType\":\t\"resource\",\t\"@odata.type\": \"microsoft.graph.thing\", \"baseType\": \"microsoft.graph.base\"} -->",
		"missing comma":  "<!-- {\"blockType\": \"resource\"\n \"@odata.type\": \"microsoft.graph.thing\"\n \"baseType\": \"microsoft.graph.base\"} -->",
	}
	for name, ann := range forms {
		t.Run(name, func(t *testing.T) {
			p := parse(t, "# Thing resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n\n## JSON representation\n"+ann+"\n```json\n{\"a\": \"String\"}\n```\n")
			require.Len(t, p.Types, 1)
			td := p.Types[0]
			assert.Equal(t, "microsoft.graph.thing", td.Name, "the annotation's case wins over the title's")
			require.NotEmpty(t, td.Bases)
			assert.Equal(t, ClaimAnnotation, td.Bases[0].Source)
			assert.Equal(t, "microsoft.graph.base", td.Bases[0].Name)
			if name == "trailing comma" || name == "missing comma" {
				assert.Contains(t, codes(p), diag.BadAnnotation.Name())
			}
		})
	}
}

func TestExtractAbstractAndOpenType(t *testing.T) {
	p := parse(t, "# x resource type\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\", \"abstract\": \"True\", \"openType\": true} -->\n```json\n{\"a\": \"String\"}\n```\n")
	require.Len(t, p.Types, 1)
	assert.True(t, p.Types[0].Abstract)
	assert.True(t, p.Types[0].OpenType)
	p = parse(t, "# x resource type\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\", \"isAbstract\": true} -->\n```json\n{\"a\": \"String\"}\n```\n")
	assert.True(t, p.Types[0].Abstract)
}

func TestExtractRepeatedResourceBlocksAreExamples(t *testing.T) {
	// beta/resources/synchronization-attributemappingsource.md: later blocks
	// for the same type are examples, not its representation.
	md := "# x resource type\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"a\": \"String\"}\n```\n\n## JSON examples\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"a\": \"value\", \"extra\": 1}\n```\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"a"}, propNames(p.Types[0]))
}

func TestExtractSeveralTypesOnOnePage(t *testing.T) {
	// E beta/resources/accessreview.md: H2 "x resource type" headings.
	md := "# accessReview resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n\n" +
		"## accessReviewSettings resource type\n\n|Property|Type|Description|\n|:--|:--|:--|\n|mailNotificationsEnabled|Boolean|x|\n\n" +
		"## autoReviewSettings resource type\n\n|Property|Type|Description|\n|:--|:--|:--|\n|notReviewedResult|String|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 3)
	assert.Equal(t, "microsoft.graph.accessReview", p.Types[0].Name)
	assert.Equal(t, "microsoft.graph.accessReviewSettings", p.Types[1].Name)
	assert.Equal(t, []string{"mailNotificationsEnabled"}, propNames(p.Types[1]))
	assert.Equal(t, "microsoft.graph.autoReviewSettings", p.Types[2].Name)
	assert.Equal(t, Position{Line: 8, Col: 1}, p.Types[1].Pos)
}

func TestExtractTableVariants(t *testing.T) {
	md := "# x resource type\n\n## Properties\n" +
		"Property|Type|Description\n" + // header without pipes at the ends
		"|:--|:--|:--|\n" +
		"|a|String|no trailing pipe\n" +
		"|b|Int32|a|pipe in the prose|\n" + // more cells than the header
		"|c|Int64|first part of a description\n" + // a raw newline split the row
		"the rest of it|\n" +
		"|**d**|Boolean|bold name|\n" +
		"|`e`|String|code name|\n" +
		"|f (deprecated)|String|Deprecated.|\n" +
		"<!--\n|hidden|String|commented out|\n-->\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	td := p.Types[0]
	assert.Equal(t, []string{"a", "b", "c", "d", "e", "f"}, propNames(td))
	assert.Equal(t, "first part of a description the rest of it", prop(t, td, "c").Description)
	assert.True(t, prop(t, td, "f").Deprecated)
}

func TestExtractCommentedRowsAreNotProperties(t *testing.T) {
	// beta/resources/agreement.md:32: rows inside <!-- --> are not properties.
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n<!--\n|hidden|String|x|\n-->\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"a"}, propNames(p.Types[0]))
}

func TestExtractTablesOutsideTheirSections(t *testing.T) {
	// Tables under the H1 (averagecomparativescore.md) and under the JSON
	// heading (package.md) are still property tables; a Property header
	// under Relationships lists navigation properties.
	md := "# x resource type\n\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n\n## JSON representation\n\n|Property|Type|Description|\n|:--|:--|:--|\n|b|String|x|\n\n## Relationships\n|Property|Type|Description|\n|:--|:--|:--|\n|c|[y](y.md)|x|\n\n## Methods\n|Method|Return type|Description|\n|:--|:--|:--|\n|[Get](../api/x-get.md)|[x](x.md)|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"a", "b", "c"}, propNames(p.Types[0]))
	assert.False(t, prop(t, p.Types[0], "b").Navigation)
	assert.True(t, prop(t, p.Types[0], "c").Navigation)
}

func TestExtractReferenceLinks(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[itemReference][]|x|\n|b|[identitySet][]|x|\n\n[itemReference]: itemreference.md\n"
	p := parse(t, md)
	td := p.Types[0]
	assert.Equal(t, "itemreference.md", prop(t, td, "a").Type.Link)
	// A label with no definition (translated outside the spans) still names the type.
	assert.Equal(t, "identitySet", prop(t, td, "b").Type.Name)
}

func TestExtractEnumPage(t *testing.T) {
	md := "---\ndoc_type: enumPageType\n---\n# actionState enum type\n\nNamespace: microsoft.graph\n\nState of an action.\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|none|0|None.|\n|pending|1 |Pending.|\n|active|x|Bad value.|\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 1)
	en := p.Enums[0]
	assert.Equal(t, "microsoft.graph.actionState", en.Name)
	assert.Equal(t, "State of an action.", en.Description)
	require.Len(t, en.Members, 3)
	assert.Equal(t, "none", en.Members[0].Name)
	require.NotNil(t, en.Members[1].Value)
	assert.Equal(t, int64(1), *en.Members[1].Value)
	assert.Nil(t, en.Members[2].Value)
	assert.Equal(t, []string{diag.BadMemberValue.Name()}, codes(p))
	assert.Empty(t, p.Types)
}

func TestExtractAggregatedEnumPage(t *testing.T) {
	md := "---\ntitle: \"Enum values\"\ndoc_type: enumPageType\n---\n\nNamespace: microsoft.graph.callRecords\n\n### callType values\n\n| Member\n|:--------------\n| unknown\n| groupCall\n\n### modality values\n\n|Member|Value|Description|\n|:---|:---|:---|\n|audio|0|Audio.|\n|video|1|Video.|\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 2)
	assert.Equal(t, "microsoft.graph.callRecords.callType", p.Enums[0].Name)
	assert.Equal(t, []MemberDoc{{Name: "unknown", Pos: Position{Line: 12, Col: 3}}, {Name: "groupCall", Pos: Position{Line: 13, Col: 3}}}, p.Enums[0].Members)
	assert.Equal(t, "microsoft.graph.callRecords.modality", p.Enums[1].Name)
	assert.Len(t, p.Enums[1].Members, 2)
}

func TestExtractInlineEnumsOnResourcePage(t *testing.T) {
	// beta/resources/printercapabilities.md
	md := "# printerCapabilities complex type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|orientation|[printOrientation](#printorientation-values)|x|\n\n### printOrientation values\n\n|Member|Description|\n|:--|:--|\n|portrait|Portrait.|\n|landscape|Landscape.|\n\n## JSON representation\n```json\n{\"orientation\": \"String\"}\n```\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.printOrientation", p.Enums[0].Name)
	assert.Equal(t, "printorientation-values", p.Enums[0].Anchor)
	assert.Equal(t, "p.md#printorientation-values", prop(t, p.Types[0], "orientation").Type.Link)
	assert.Equal(t, []string{"orientation"}, propNames(p.Types[0]))
}

func TestExtractDiagnostics(t *testing.T) {
	t.Run("unclosed fence", func(t *testing.T) {
		p := parse(t, "# x resource type\n\n## JSON representation\n```json\n{\"a\": \"String\"}\n")
		assert.Contains(t, codes(p), diag.UnclosedFence.Name())
		require.Len(t, p.Types, 1)
		assert.Equal(t, []string{"a"}, propNames(p.Types[0]))
	})
	t.Run("invalid JSON block", func(t *testing.T) {
		p := parse(t, "# x resource type\n\n## JSON representation\n```json\n{\n  \"a\": \"String\",\n  \"b\": 1,\n}\n```\n")
		require.Contains(t, codes(p), diag.BadJSONBlock.Name())
		assert.Equal(t, 7, p.Diags[0].Line, "the trailing comma's line, inside the block")
		assert.Equal(t, []string{"a", "b"}, propNames(p.Types[0]))
	})
	t.Run("no type", func(t *testing.T) {
		p := parse(t, "# Overview\n\nSome prose.\n")
		assert.Equal(t, []string{diag.NoType.Name()}, codes(p))
	})
	t.Run("empty", func(t *testing.T) {
		p := parse(t, "")
		assert.Equal(t, []string{diag.NoType.Name()}, codes(p))
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		p := parse(t, "# x resource type\n\xff\xfe\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x\xff|\n")
		assert.Contains(t, codes(p), diag.InvalidUTF8.Name())
		assert.Equal(t, []string{"a"}, propNames(p.Types[0]))
	})
	t.Run("annotation and JSON block disagree", func(t *testing.T) {
		p := parse(t, "# x resource type\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"@odata.type\": \"#microsoft.graph.y\", \"a\": \"String\"}\n```\n")
		assert.Contains(t, codes(p), diag.TypeNameMismatch.Name())
		assert.Equal(t, "microsoft.graph.x", p.Types[0].Name)
	})
}

func TestExtractNamespaceRunningIntoNextParagraph(t *testing.T) {
	// beta/resources/signinlocation.md:17
	p := parse(t, "# x resource type\n\nNamespace: microsoft.graph.callRecords\nRepresents a thing.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	assert.Equal(t, "microsoft.graph.callRecords", p.Namespace)
	assert.Equal(t, "microsoft.graph.callRecords.x", p.Types[0].Name)
}

func TestResolveLink(t *testing.T) {
	assert.Equal(t, "x.md", resolveLink("a.md", "resources", "../resources/x.md"))
	assert.Equal(t, "x.md", resolveLink("a.md", "resources", "x.md"))
	assert.Equal(t, "sub/x.md", resolveLink("sub/a.md", "resources", "x.md"))
	assert.Equal(t, "a.md#v", resolveLink("a.md", "resources", "#v"))
	assert.Equal(t, "", resolveLink("a.md", "resources", "../api/x.md"), "a link leaving the root")
	assert.Equal(t, "", resolveLink("a.md", "resources", "../../../etc/passwd"))
}

func TestExtractDerivedTypeLists(t *testing.T) {
	md := "# attachment resource type\n\n**attachment** is the base resource for the following derived types of attachments:\n\n" +
		"* A file ([fileAttachment](../resources/fileattachment.md) resource)\n* A link ([referenceAttachment](referenceattachment.md) resource)\n\n" +
		"## Derived types\n\n| Type | Description |\n|:--|:--|\n| [itemAttachment](./itemattachment.md) | An item. |\n\n" +
		"## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	var links []string
	for _, d := range p.Types[0].Derived {
		links = append(links, d.Link)
	}
	assert.Equal(t, []string{"fileattachment.md", "referenceattachment.md", "itemattachment.md"}, links)
	assert.Equal(t, []string{"name"}, propNames(p.Types[0]), "the Derived types table is not a property table")
	// "derived from" without a link points the other way: no claim.
	p = parse(t, "# activityStatistics resource type\n\nThe following types of statistics are derived from **activityStatistics**:\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	assert.Empty(t, p.Types[0].Bases)
	// With a link it names the base, and "inherits ... from" does too.
	p = parse(t, "# roomList resource type\n\nDerived from [place](place.md).\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	require.Len(t, p.Types[0].Bases, 1)
	assert.Equal(t, "place.md", p.Types[0].Bases[0].Link)
	p = parse(t, "# educationalActivity resource type\n\nInherits metadata properties from [itemFacet](itemfacet.md).\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	require.Len(t, p.Types[0].Bases, 1)
	assert.Equal(t, "itemfacet.md", p.Types[0].Bases[0].Link)
}

func TestExtractInheritsPicksNearestLink(t *testing.T) {
	// domaindnsunavailablerecord.md: [Domain] appears inside "DomainDnsRecord".
	p := parse(t, "# x resource type\n\nFor a [Domain](domain.md) entity you get records. Inherited from [DomainDnsRecord](domaindnsrecord.md) entity.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|inherited from a group|\n")
	require.Len(t, p.Types[0].Bases, 1)
	assert.Equal(t, "domaindnsrecord.md", p.Types[0].Bases[0].Link)
	assert.Nil(t, p.Types[0].Properties[0].Inherited, "a filler word is no base")
}

func TestExtractMethodsMarkEntities(t *testing.T) {
	crud := "# x resource type\n\n## Methods\n|Method|Return type|Description|\n|:--|:--|:--|\n|[Get x](../api/x-get.md)|[x](x.md)|x|\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n"
	assert.True(t, parse(t, crud).Types[0].HasMethods)
	function := strings.Replace(crud, "../api/x-get.md", "../api/notebook-getrecentnotebooks.md", 1)
	assert.False(t, parse(t, function).Types[0].HasMethods, "a function returning the type is no sign of an entity")
}

func TestExtractSubtablesThatAreNotProperties(t *testing.T) {
	md := "# tokenLifetimePolicy resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|definition|String collection|x|\n" +
		"|@odata.etag|String|annotation|\n\n### Properties of a token lifetime policy definition\n\n|Property|Type|Description|\n|:--|:--|:--|\n|AccessTokenLifetime|String|x|\n\n" +
		"## Special folders\n\n|Name|Folder id|Description|\n|:--|:--|:--|\n|Documents|documents|x|\n"
	p := parse(t, md)
	assert.Equal(t, []string{"definition"}, propNames(p.Types[0]))
}

func TestExtractPossibleValuesStopAtTheSentence(t *testing.T) {
	c := inline{Text: "Days. Possible values are: sunday, monday. If type is relativeMonthly, more.", Codes: []string{"sunday", "monday", "relativeMonthly"}}
	assert.Equal(t, []string{"sunday", "monday"}, (&extractor{words: defaultWords}).possibleValues(c))
	c = inline{Text: "Возможные значения: notJunk, spam, и phishing``malware unkownFutureValue.", Codes: []string{"notJunk", "spam", "phishing``malware", "unkownFutureValue"}}
	assert.Equal(t, []string{"notJunk", "spam", "phishing", "malware", "unkownFutureValue"}, (&extractor{words: defaultWords}).possibleValues(c), "scrambled backticks")
}
