package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

func TestExtractNameCaseConflicts(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|timeSlots|String|x|\n|CompanyName|String|x|\n\n## JSON representation\n```json\n{\"timeslots\": \"String\", \"companyName\": \"String\"}\n```\n"
	p := parse(t, md)
	assert.Equal(t, []string{"timeSlots", "companyName"}, propNames(p.Types[0]), "camelCase table names stand; a capitalised one takes the key's spelling")
}

func TestPluralTitleFollowsFileName(t *testing.T) {
	p := Parse("dynamics-account.md", []byte("# accounts resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n"), Options{})
	assert.Equal(t, "microsoft.graph.account", p.Types[0].Name)
	p = Parse("status.md", []byte("# status resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n"), Options{})
	assert.Equal(t, "microsoft.graph.status", p.Types[0].Name, "a name ending in s is not a plural of itself")
}

func TestTranslatedNameAlignedByNeighbours(t *testing.T) {
	md := "# <a name=\"x-resource-type\"></a>Тип ресурса x\n\n## <a name=\"properties\"></a>Свойства\n|Свойство|Тип|Описание|\n|:--|:--|:--|\n" +
		"|completedDate|DateTimeOffset|x|\n|isValidationOnly|Boolean|x|\n|обоснование|Строка|x|\n|requestState|Строка|x|\n\n" +
		"## <a name=\"json-representation\"></a>Представление JSON\n```json\n" +
		`{"requestState": "String", "isValidationOnly": true, "completedDate": "String (timestamp)", "expirationDateTime": "String (timestamp)", "justification": "String", "schedule": {}}` + "\n```\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, "justification", p.Types[0].Properties[2].Name)
	assert.Contains(t, codes(p), diag.NameFromJSON.Name())
}

func TestTypeWordsRefinedByTheJSONExample(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|flag|String|x|\n|amount|numeric|x|\n|label|String|x|\n|count|Int32|x|\n|parts|[webPart](webpart.md)|x|\n\n" +
		"## JSON representation\n```json\n" + `{"flag": true, "amount": "decimal", "label": "String", "count": "String", "parts": [{"@odata.type": "microsoft.graph.webPart"}]}` + "\n```\n"
	p := parse(t, md)
	td := p.Types[0]
	assert.Equal(t, "Edm.Boolean", prop(t, td, "flag").Type.Primitive, "a JSON true is no String")
	assert.Equal(t, "Edm.Decimal", prop(t, td, "amount").Type.Primitive, "numeric says only 'a number'")
	assert.Equal(t, "Edm.String", prop(t, td, "label").Type.Primitive)
	assert.Equal(t, "Edm.Int32", prop(t, td, "count").Type.Primitive, "a String placeholder does not override a table type")
	assert.True(t, prop(t, td, "parts").Type.Collection, "an array in the example makes a collection")
	assert.Contains(t, codes(p), diag.TypeFromJSON.Name())
}

func TestDerivedTypesTableAfterAnIntroduction(t *testing.T) {
	md := "# identityRiskEvent resource type\n\nA risk event. It is the base type for each specific risk event type:\n\n" +
		"| Event type | Description |\n|:--|:--|\n|[malwareRiskEvent](malwareriskevent.md) | Malware. |\n|[leakedCredentialsRiskEvent](leakedcredentialsriskevent.md) | Leaks. |\n\n" +
		"## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|riskLevel|String|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	var links []string
	for _, d := range p.Types[0].Derived {
		links = append(links, d.Link)
	}
	assert.Equal(t, []string{"malwareriskevent.md", "leakedcredentialsriskevent.md"}, links)
	assert.Equal(t, []string{"riskLevel"}, propNames(p.Types[0]), "the list is no property table")
}

func TestValuesSectionsWithoutMembersAreNoEnums(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|spokenLanguage|String|x|\n|role|[role](#role-values)|x|\n\n" +
		"### spokenLanguage values\n\n| Spoken language | Value |\n|:--|:--|\n| English (US) | en-us |\n| French | fr |\n\n" +
		"### role values\n\n| Value | Description |\n|:--|:--|\n| reader | Reads. |\n| writer | Writes. |\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 1, "a table of a string's documented values is no enum")
	assert.Equal(t, "microsoft.graph.role", p.Enums[0].Name)
	assert.Len(t, p.Enums[0].Members, 2)
}

func TestTitleCaseAgainstAnnotation(t *testing.T) {
	page := func(title, annotation string) string {
		return "# " + title + " resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n\n" +
			"## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + annotation + "\"} -->\n```json\n{\"a\": \"String\"}\n```\n"
	}
	for _, c := range []struct{ title, annotation, want, why string }{
		{"orgContact", "orgcontact", "orgContact", "the annotation lost the word capitals"},
		{"identityProvider", "IdentityProvider", "identityProvider", "the annotation put a capital in front"},
		{"DriveItem", "driveItem", "driveItem", "a title-cased title"},
		{"accessreviewscope", "accessReviewScope", "accessReviewScope", "a lower-case (translated) title"},
		{"oneNoteIdentity", "onenoteIdentity", "oneNoteIdentity", "the title shows every capital the annotation has, and more"},
		{"sharepointIDs", "sharePointIds", "sharePointIds", "the two mark different words: the annotation stands"},
	} {
		p := parse(t, page(c.title, c.annotation))
		require.Len(t, p.Types, 1)
		assert.Equal(t, "microsoft.graph."+c.want, p.Types[0].Name, c.why)
		assert.Equal(t, c.want != c.annotation, contains(codes(p), diag.NameCase.Name()), c.why)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTitleCasedTitleWithoutAnnotation(t *testing.T) {
	md := "# ItemPreviewInfo resource type\n\n## Properties\n|Name|Type|Description|\n|:--|:--|:--|\n|getUrl|string|x|\n"
	assert.Equal(t, "microsoft.graph.itemPreviewInfo", parse(t, md).Types[0].Name)
	md = strings.Replace(md, "ItemPreviewInfo", "IPv6Range", 1)
	assert.Equal(t, "microsoft.graph.IPv6Range", parse(t, md).Types[0].Name, "an initialism keeps its capitals")
}

func TestIdentifierInTheJSONExampleIsTheKey(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n\n" +
		"## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"id\": \"String (identifier)\"}\n```\n"
	assert.Equal(t, "id", parse(t, md).Types[0].KeyProperty)
	assert.Empty(t, parse(t, strings.Replace(md, " (identifier)", "", 1)).Types[0].KeyProperty)
}

func TestLowerCaseTableNameTakesTheKeysWords(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|**filename**|string|x|\n|description|string|x|\n\n" +
		"## JSON representation\n```json\n{\"fileName\": \"String\", \"description\": \"String\"}\n```\n"
	p := parse(t, md)
	assert.Equal(t, []string{"fileName", "description"}, propNames(p.Types[0]))
	assert.Contains(t, codes(p), diag.NameCase.Name())
}

func TestTitleWithoutSpaceAfterHash(t *testing.T) {
	md := "---\ntitle: \"Members\"\ndoc_type: enumPageType\n---\n\n#teamVisibilityType enum type\n\n## Members\n\n| Member | Value| Description |\n|:--|:--|:--|\n|private|0|x|\n|public|1|x|\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.teamVisibilityType", p.Enums[0].Name)
	assert.Len(t, p.Enums[0].Members, 2)
	p = parse(t, "# x resource type\n\n#hashtag in a paragraph\nthat goes on.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	require.Len(t, p.Types, 1, "a '#word' line inside a longer paragraph is no heading")
}

func TestTypesWithoutProperties(t *testing.T) {
	methods := "# rbacApplication resource type\n\nNamespace: microsoft.graph\n\n## Methods\n| Method | Return Type | Description |\n|:--|:--|:--|\n" +
		"| [List roleAssignments](../api/rbacapplication-list-roleassignments.md) | [unifiedRoleAssignment](unifiedroleassignment.md) collection | x |\n" +
		"| [List roleDefinitions to see](../api/rbacapplication-list-roledefinitions.md) | [unifiedRoleDefinition](unifiedroledefinition.md) collection | x |\n" +
		"| [List members](../api/group-list-members.md) | [directoryObject](directoryobject.md) collection | x |\n\n## Properties\nNone\n"
	p := Parse("rbacapplication.md", []byte(methods), Options{})
	require.Len(t, p.Types, 1, "a type heading with operations describes a type")
	td := p.Types[0]
	assert.True(t, td.HasMethods, "operations bound to the page's type mark an entity")
	assert.Equal(t, []string{"roleAssignments"}, propNames(td), "only a 'List x' row on <page>-list-<x>.md names a navigation property")
	assert.True(t, td.Properties[0].Navigation)
	assert.True(t, td.Properties[0].Type.Collection)

	derived := "# dataProvider resource type\n\n## Derived types\n| Type | Description |\n|:--|:--|\n| [csvDataProvider](csvdataprovider.md) | CSV. |\n\n## Properties\nNo properties are exposed by this type.\n"
	assert.Len(t, Parse("dataprovider.md", []byte(derived), Options{}).Types, 1, "a type heading with derived types describes a type")
	overview := "# Working with things\n\n## Methods\n| Method | Return Type | Description |\n|:--|:--|:--|\n| [Get thing](../api/thing-get.md) | thing | x |\n"
	assert.Empty(t, Parse("overview.md", []byte(overview), Options{}).Types, "an overview heading is no type")
}

func TestValueTablesInThePropertiesSection(t *testing.T) {
	md := "# recurrenceRange resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|endDate|Date|x|\n|startDate|Date|x|\n|type|String|x|\n\n" +
		"Use the **type** property to pick a range.\n\n| type property | Type of recurrence range | Description |\n|:--|:--|:--|\n|`endDate`|With an end|x|\n|`noEnd`|Without|x|\n|`numbered`|Counted|x|\n\n" +
		"The following properties are inherited from [baseItem](baseitem.md).\n\n|Property|Type|Description|\n|:--|:--|:--|\n|createdBy|String|x|\n|eTag|String|x|\n\n" +
		"## JSON representation\n```json\n{\"endDate\": \"String (date)\", \"startDate\": \"String (date)\", \"type\": \"String\"}\n```\n"
	p := parse(t, md)
	assert.Equal(t, []string{"endDate", "startDate", "type", "createdBy", "eTag"}, propNames(p.Types[0]),
		"a table of values whose names are mostly not JSON keys is dropped; inherited rows stay")
	assert.Contains(t, codes(p), diag.ValueTable.Name())
}

func TestStringPlaceholderNamesTheType(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|progress|String|x|\n|displayName|String|x|\n|when|[DateTimeOffset](../resources/timestamp.md)|x|\n\n" +
		"## JSON representation\n```json\n{\"progress\": \"String (double)\", \"displayName\": \"String (timestamp)\", \"when\": \"String (timestamp)\"}\n```\n"
	td := parse(t, md).Types[0]
	assert.Equal(t, "Edm.Double", prop(t, td, "progress").Type.Primitive)
	assert.Equal(t, "Edm.String", prop(t, td, "displayName").Type.Primitive, "a copied timestamp placeholder does not retype a String")
	assert.Equal(t, "Edm.DateTimeOffset", prop(t, td, "when").Type.LinkPrimitive, "the link text names a primitive")
}

// A type word no data file knows takes the type its placeholder carries:
// "String (ISO 8601 duration)" is a Duration, not a String, for the row
// and for what the folder learns the word means.
func TestUnknownTypeWordTakesTheCarriedType(t *testing.T) {
	md := "---\nms.contentlocale: xx-XX\n---\n# <a name=\"x-resource-type\"></a>x qa\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" +
		"|duration|Dauerzö|x|\n|label|Zeichzö|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n{\"duration\": \"String (ISO 8601 duration)\", \"label\": \"String\"}\n```\n"
	td := parse(t, md).Types[0]
	assert.Equal(t, "Edm.Duration", prop(t, td, "duration").Type.Primitive)
	assert.Equal(t, "Edm.Duration", prop(t, td, "duration").JSONPrimitive, "what the word beside it is learned to mean")
	assert.Equal(t, "Edm.String", prop(t, td, "label").Type.Primitive)
}

func TestOpenTypeSaidInProse(t *testing.T) {
	md := "# feedbackTokenSet resource type\n\nThis is an _open type_ that represents a set of tokens.\n\n## JSON representation\n" +
		"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.feedbackTokenSet\"} -->\n```json\n{\"Echo\": true}\n```\n"
	assert.True(t, parse(t, md).Types[0].OpenType)
	assert.False(t, parse(t, strings.Replace(md, "This is an _open type_ that", "A set that", 1)).Types[0].OpenType)
}

func TestCommentsBetweenTableRows(t *testing.T) {
	md := "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n<!-- |old|String|x| -->\n|b|Int32|x|\r\n<!--\r\n|hidden|String|x|\r\n-->\r\n|c|Boolean|x|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"a", "b", "c"}, propNames(p.Types[0]), "rows after a comment inside the table are read")
	assert.Equal(t, 12, prop(t, p.Types[0], "c").Pos.Line, "positions still point into the original")
	assert.Equal(t, 8, prop(t, p.Types[0], "b").Pos.Line)
}

func TestLowerCaseNameTakesItsTypesWords(t *testing.T) {
	md := "# schedule resource type\n\n## Relationships\n|Name|Type|Description|\n|:--|:--|:--|\n" +
		"|openshifts|[openShift](openshift.md) collection|x|\n|timeoff|[timeOff](timeoff.md)|x|\n|shifts|[shift](shift.md) collection|x|\n|owners|[openShift](openshift.md) collection|x|\n"
	p := parse(t, md)
	assert.Equal(t, []string{"openShifts", "timeOff", "shifts", "owners"}, propNames(p.Types[0]))
	assert.Contains(t, codes(p), diag.NameCase.Name())
}

func TestDerivedTypesStayInTheirSentence(t *testing.T) {
	md := "# attachmentBase resource type\n\nThe abstract base type for an attachment. Content can be added to a [todoTask](todotask.md) as an attachment.\n\n" +
		"## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|x|\n"
	assert.Empty(t, parse(t, md).Types[0].Derived, "a link in the next sentence is no derived type")
	md = strings.Replace(md, "for an attachment. Content can be added to a", "for a", 1)
	assert.Len(t, parse(t, md).Types[0].Derived, 1)
}

func TestSubclassPhrases(t *testing.T) {
	base := func(md string) []string {
		var out []string
		for _, b := range parse(t, md).Types[0].Bases {
			out = append(out, b.Link)
		}
		return out
	}
	page := "# <a name=\"x-resource-type\"></a>Тип ресурса x\n\n%s\n\n## Свойства\n|Свойство|Тип|Описание|\n|:--|:--|:--|\n|a|Строка|x|\n"
	assert.Equal(t, []string{"educationresource.md"}, base(fmt.Sprintf(page, "Подкласс [educationResource](educationresource.md). Этот тип ресурса представляет документ.")))
	assert.Equal(t, []string{"educationassignmentrecipient.md"}, base(fmt.Sprintf(page, "Этот ресурс является подклассом [едукатионассигнментреЦипиент](educationassignmentrecipient.md).")))
	assert.Empty(t, base(fmt.Sprintf(page, "Связан с назначением [](educationassignment.md). Необходимо создать подкласс, который будет представлять тип.")),
		"an empty link text cannot stand after the phrase")
	assert.Empty(t, base(fmt.Sprintf(page, "The [classRecipient](classrecipient.md) resource is a subclass of this superclass.")), "'this' names no base")
	assert.Equal(t, []string{"threatassessmentrequest.md"}, base(fmt.Sprintf(page, "Используется для оценки угрозы, полученной из [threatAssessmentRequest.](threatassessmentrequest.md)")),
		"machine translation of 'derived from'")
}

func TestOverviewPagesDescribeNoType(t *testing.T) {
	md := "# Working with users in Microsoft Graph\n\n## Common properties\n| Property | Description |\n|:--|:--|\n|displayName|The name.|\n|mail|The address.|\n"
	p := parse(t, md)
	assert.Empty(t, p.Types, "a title that is no type title, with no annotation or JSON block")
	assert.Contains(t, codes(p), diag.NoType.Name())
}

func TestEscapedQuotesInAnnotations(t *testing.T) {
	md := "# <a name=\"shareaction-resource-type\"></a>тип ресурса shareAction\n\n## Свойства\n|Свойство|Тип|Описание|\n|:--|:--|:--|\n|recipients|[identity](identity.md) collection|x|\n\n" +
		"## JSON\n<!-- {\n  \"blockType\": \"resource\",\n  \"@type&quot;: &quot;microsoft.graph.shareAction\"\n}-->\n```json\n{\"recipients\": []}\n```\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.shareAction", p.Types[0].Name)
	escaped := "{&quot;a&quot;: &quot;b&quot;}"
	assert.Equal(t, "{     \"a\"     :      \"b\"     }", unescapeQuotes(escaped))
	assert.Len(t, unescapeQuotes(escaped), len(escaped), "offsets stay put")
	p = parse(t, strings.Replace(md, "\"@type&quot;: &quot;microsoft.graph.shareAction\"", "\"optionalProperties\": []", 1))
	assert.Equal(t, "microsoft.graph.shareAction", p.Types[0].Name, "an annotation without a name leaves the title's")
}

func TestEnumPageTitleIsNoEnum(t *testing.T) {
	md := "---\ndoc_type: enumPageType\n---\n# Microsoft Graph Windows Updates enumeration values\n\nNamespace: microsoft.graph.windowsUpdates\n\n" +
		"### azureADDeviceRegistrationErrorReason values\n\n|Member|\n|:---|\n|invalidGlobalDeviceId|\n|unknownFutureValue|\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.windowsUpdates.azureADDeviceRegistrationErrorReason", p.Enums[0].Name)
}

func TestTranslatedRelationshipNamedByItsListMethod(t *testing.T) {
	md := "# <a name=\"outlooktaskgroup-resource-type\"></a>Тип ресурса outlookTaskGroup\n\n## <a name=\"methods\"></a>Методы\n|Метод|Возвращаемый тип|Описание|\n|:--|:--|:--|\n" +
		"|[Список папок задач](../api/outlooktaskgroup-list-taskfolders.md)|Коллекция [outlookTaskFolder](outlooktaskfolder.md)|x|\n" +
		"|[Список решений](../api/outlooktaskgroup-list-decisions.md)|Коллекция [decision](decision.md)|x|\n\n" +
		"## <a name=\"relationships\"></a>Связи\n|Связь|Тип|Описание|\n|:--|:--|:--|\n" +
		"|таскфолдерс|Коллекция [outlookTaskFolder](outlooktaskfolder.md)|x|\n|Папка|[outlookTaskFolder](outlooktaskfolder.md)|x|\n"
	p := Parse("outlooktaskgroup.md", []byte(md), Options{})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"taskFolders", "Папка"}, propNames(p.Types[0]),
		"the file name gives the name, the type its words; a single value is no listed collection, and an unstated list adds nothing")
	assert.Contains(t, codes(p), diag.NameFromMethods.Name())
}

func TestTypeWords(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"openshifts", "openShift", "openShifts"},
		{"taskfolders", "outlookTaskFolder", "taskFolders"},
		{"folder", "outlookTaskFolder", "folder"},
		{"owners", "directoryObject", ""},
		{"openShifts", "openShift", ""},
	} {
		got, _ := typeWords(c.name, c.typ)
		assert.Equal(t, c.want, got, c.name)
	}
}

func TestBadRowOnlyWhenNothingNamesIt(t *testing.T) {
	md := "# <a name=\"x-resource-type\"></a>Тип ресурса x\n\n## <a name=\"relationships\"></a>Связи\n|Связь|Тип|Описание|\n|:--|:--|:--|\n" +
		"|Решения|Коллекция [decision](decision.md)|x|\n|Папка|[folder](folder.md)|x|\n\n" +
		"## <a name=\"methods\"></a>Методы\n|Метод|Возвращаемый тип|Описание|\n|:--|:--|:--|\n|[Список решений](../api/x-list-decisions.md)|Коллекция [decision](decision.md)|x|\n"
	p := Parse("x.md", []byte(md), Options{})
	var bad []string
	for _, d := range p.Diags {
		if d.Code == diag.BadRow.Name() {
			bad = append(bad, d.Message)
		}
	}
	assert.Equal(t, []string{`table row name "Папка" is not a property name; kept as written`}, bad,
		"reported once the Methods table had its chance, also on a type without a JSON block")
}

// On a page in another language, a capitalized word in the name column is
// a translated name (Kalender): the JSON key in its place names a
// structural row, and a Methods "list" page with the same type names a
// collection, the type cell's words ("-Sammlung") standing for
// "collection". On an English page the same capital stays.
func TestTranslatedCapitalizedRowNames(t *testing.T) {
	md := func(locale string) string {
		return "---\nms.contentlocale: " + locale + "\n---\n# <a name=\"group-resource-type\"></a>Qa group\n\n" +
			"## <a name=\"methods\"></a>Qo\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|[Qe](../api/group-list-photos.md)|[profilePhoto](profilephoto.md)-Sammlung|x|\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|Abteilung|String|x|\n|mail|String|x|\n\n" +
			"## <a name=\"relationships\"></a>Qu\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|Fotos|[profilePhoto](profilephoto.md)-Sammlung|x|\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n```json\n{\"department\": \"String\", \"mail\": \"String\"}\n```\n"
	}
	p := Parse("group.md", []byte(md("de-DE")), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"department", "mail", "photos"}, propNames(p.Types[0]))
	assert.Contains(t, codes(p), diag.NameFromJSON.Name())
	assert.Contains(t, codes(p), diag.NameFromMethods.Name())

	p = Parse("group.md", []byte(md("en-US")), Options{RootName: "resources"})
	assert.Contains(t, propNames(p.Types[0]), "Fotos", "an English page's capital is the page's word")
}

// Under a heading anchored "members", the first table with a column of
// integers is the members table even where the translation wrote most
// names in words and its header in a language no data file knows.
func TestMembersTableKnownByItsValues(t *testing.T) {
	md := "---\ndoc_type: enumPageType\n---\n# <a name=\"iconsize-enum-type\"></a>iconSize 枚举类型\n\n" +
		"## <a name=\"members\"></a>成员\n|成员|值|说明|\n|:---|:---|:---|\n|notConfigured|0|x|\n|最小|1|x|\n|小|2|x|\n|regular|3|x|\n|大|4 |x|\n"
	p := parse(t, md)
	require.Len(t, p.Enums, 1)
	var names []string
	for _, m := range p.Enums[0].Members {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"notConfigured", "最小", "小", "regular", "大"}, names)
	require.NotNil(t, p.Enums[0].Members[4].Value)
	assert.Equal(t, int64(4), *p.Enums[0].Members[4].Value)
}

// A translated relationship row takes the one JSON key the tables leave
// unclaimed whose value is of the row's linked type.
func TestTranslatedRowTakesTheJSONKeyOfItsType(t *testing.T) {
	md := "---\nms.contentlocale: de-DE\n---\n# <a name=\"event-resource-type\"></a>Qa event\n\n" +
		"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|subject|String|x|\n\n" +
		"## <a name=\"relationships\"></a>Qu\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|Anlagen|[attachment](attachment.md)-Sammlung|x|\n|Kalender|[calendar](calendar.md)|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n" +
		`{"subject": "String", "attachments": [{"@odata.type": "microsoft.graph.attachment"}], "calendar": {"@odata.type": "microsoft.graph.calendar"}, "extensions": [{"@odata.type": "microsoft.graph.extension"}]}` + "\n```\n"
	p := Parse("event.md", []byte(md), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"subject", "attachments", "calendar", "extensions"}, propNames(p.Types[0]))

	// A link whose text is translated names its type by its page
	// ([订阅][] for subscription.md).
	md = strings.Replace(md, "|Kalender|[calendar](calendar.md)|x|", "|日历|[日历][]|x|", 1) + "\n[日历]: calendar.md\n"
	p = Parse("event.md", []byte(md), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"subject", "attachments", "calendar", "extensions"}, propNames(p.Types[0]))
}

// On a translated page a one-word name the JSON block lacks takes the key
// in its place when their types agree; a camelCase name, a type that
// disagrees, or an English page keep theirs.
func TestTranslatedLowerCaseNameTakesTheKeyOfItsKind(t *testing.T) {
	md := func(locale string) string {
		return "---\nms.contentlocale: " + locale + "\n---\n# <a name=\"summary-resource-type\"></a>Qa summary\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|\n|:--|:--|\n|reportDate|Date|\n|empfangen|Int64|\n|lesen|Boolean|\n|displayName|String|\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n```json\n" + `{"reportDate": "Date", "receive": 1024, "read": 1024, "name": "String"}` + "\n```\n"
	}
	p := Parse("summary.md", []byte(md("de-DE")), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"reportDate", "receive", "lesen", "displayName", "read", "name"}, propNames(p.Types[0]))
	p = Parse("summary.md", []byte(md("en-US")), Options{RootName: "resources"})
	assert.Equal(t, []string{"reportDate", "empfangen", "lesen", "displayName", "receive", "read", "name"}, propNames(p.Types[0]))
}

// A title whose translation puts its own words first gives the word its
// anchor names.
func TestTitleTakesTheWordItsAnchorNames(t *testing.T) {
	p := parse(t, "# <a name=\"workbook-resource-type\"></a>Ressourcentyp „workbook“\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n")
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.workbook", p.Types[0].Name)
}

// A JSON key that is no name (quotes escaped as &quot; run the key into
// its value) never replaces a row's name.
func TestTranslatedRowNeverTakesAKeyThatIsNoName(t *testing.T) {
	md := "---\nms.contentlocale: ru-RU\n---\n# <a name=\"deleteaction-resource-type\"></a>Qa deleteAction\n\n" +
		"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|name|String|x|\n|Objecttype|String|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n" + `{"name": "String", "objectType&quot;: &quot;File | Folder": "String"}` + "\n```\n"
	p := Parse("deleteaction.md", []byte(md), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"name", "Objecttype"}, propNames(p.Types[0]))
}

// A translated collection row takes the name of the "<page>-list-<x>" API
// page whose Methods row returns its type, even where that row forgets to
// say "collection" (the English page's slip): it names the row, it adds
// none.
func TestTranslatedCollectionNamedByAListPageWithoutCollectionWords(t *testing.T) {
	md := "---\nms.contentlocale: zh-CN\n---\n# <a name=\"channel-resource-type\"></a>频道资源类型\n\n" +
		"## <a name=\"methods\"></a>方法\n|方法|返回类型|说明|\n|:--|:--|:--|\n" +
		"|[列出选项卡](../api/channel-list-tabs.md)|[teamsTab](teamstab.md)|x|\n" +
		"|[列出成员](../api/channel-list-members.md)|[conversationMember](conversationmember.md)|x|\n\n" +
		"## <a name=\"relationships\"></a>关系\n|关系|类型|说明|\n|:--|:--|:--|\n|选项卡|[teamsTab](teamstab.md) 集合|x|\n"
	p := Parse("channel.md", []byte(md), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"tabs"}, propNames(p.Types[0]), "the row is named; the members list adds nothing")
	assert.Contains(t, codes(p), diag.NameFromMethods.Name())

	// A plain listing gives way to one of the same type that says
	// "collection": the two do not make the type's listing ambiguous.
	md = strings.Replace(md, "|[列出选项卡](../api/channel-list-tabs.md)|[teamsTab](teamstab.md)|x|\n",
		"|[列出选项卡](../api/channel-list-tabs.md)|[teamsTab](teamstab.md) 集合|x|\n|[主选项卡](../api/channel-list-primarytab.md)|[teamsTab](teamstab.md)|x|\n", 1)
	p = Parse("channel.md", []byte(md), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"tabs"}, propNames(p.Types[0]))
}

// A run of translated rows between rows that name JSON keys takes the
// unclaimed keys that stand between those keys, in order, when they are
// as many and no pair's types disagree; where the table and the block list
// the keys in other orders, a place says nothing.
func TestTranslatedRunTakesTheKeysBetweenItsNeighbours(t *testing.T) {
	md := func(rows, json string) string {
		return "---\nms.contentlocale: de-DE\n---\n# <a name=\"customer-resource-type\"></a>Qa customer\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + rows +
			"\n## <a name=\"json-representation\"></a>Jo\n```json\n" + json + "\n```\n"
	}
	rows := "|id|GUID|x|\n|currencyId|GUID|x|\n|number|string|x|\n|displayName|string|x|\n|email|string|x|\n|paymentMethodId|GUID|x|\n|shipmentMethodId|GUID|x|\n|gesperrt|string|x|\n|Ausgleich|zahlwert|x|\n|overdueAmount|decimal|x|\n"
	json := `{"id": "GUID", "number": "string", "displayName": "string", "email": "string", "shipmentMethodId": "GUID", "paymentMethodId": "GUID", "blocked": "string", "balance": "decimal", "overdueAmount": "decimal"}`
	p := Parse("customer.md", []byte(md(rows, json)), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"id", "currencyId", "number", "displayName", "email", "paymentMethodId", "shipmentMethodId", "blocked", "balance", "overdueAmount"}, propNames(p.Types[0]))

	// Types that disagree (a string row, a number key) keep the names.
	p = Parse("customer.md", []byte(md(rows, strings.Replace(json, `"blocked": "string"`, `"blocked": 1024`, 1))), Options{RootName: "resources"})
	assert.Contains(t, propNames(p.Types[0]), "gesperrt")

	// As many rows as keys or nothing: a third translated row in the run.
	p = Parse("customer.md", []byte(md(strings.Replace(rows, "|Ausgleich|zahlwert|x|\n", "|Ausgleich|zahlwert|x|\n|offen|string|x|\n", 1), json)), Options{RootName: "resources"})
	assert.Contains(t, propNames(p.Types[0]), "gesperrt")

	// A run at the end of the table is bounded by the end of the block.
	p = Parse("customer.md", []byte(md(strings.Replace(rows, "|overdueAmount|decimal|x|\n", "", 1), json)), Options{RootName: "resources"})
	assert.Contains(t, propNames(p.Types[0]), "gesperrt", "three keys after the last anchor for two rows: no place")

	// Keys in another order than the rows: no place.
	shuffled := `{"overdueAmount": "decimal", "email": "string", "shipmentMethodId": "GUID", "number": "string", "blocked": "string", "balance": "decimal", "paymentMethodId": "GUID", "displayName": "string", "id": "GUID"}`
	p = Parse("customer.md", []byte(md(rows, shuffled)), Options{RootName: "resources"})
	assert.Contains(t, propNames(p.Types[0]), "gesperrt")
}

// A row keeps every link of its description with the words around it in
// its sentence, before it or after it to the end of its clause (a verb
// that comes last leaves none before a link that starts its sentence):
// what the folder teaches decides which is an inherited remark.
func TestARowKeepsEveryLinkPhrase(t *testing.T) {
	md := "# <a name=\"x-resource-type\"></a>x\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" +
		"|id|String|Qa zo. [base](base.md) fonn erbt. Qe vu ko [other](other.md) zi.|\n"
	p := parse(t, md)
	require.Len(t, p.Types, 1)
	lps := prop(t, p.Types[0], "id").LinkPhrases
	require.Len(t, lps, 2)
	assert.Equal(t, "base.md", lps[0].Claim.Link)
	assert.Equal(t, "", lps[0].Phrase)
	assert.Equal(t, "fonn erbt", lps[0].After)
	assert.Equal(t, "other.md", lps[1].Claim.Link)
	assert.Equal(t, "qe vu ko", lps[1].Phrase)
}
