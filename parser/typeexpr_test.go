package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every spelling CORPUS-NOTES lists under "Type column" and the translated
// words under "Localized-only pages".
func TestParseTypeText(t *testing.T) {
	cases := []struct {
		in         string
		primitive  string
		name       string
		collection bool
	}{
		{"String", "Edm.String", "", false},
		{"string", "Edm.String", "", false},
		{"Edm.Int32", "Edm.Int32", "", false},
		{"int32", "Edm.Int32", "", false},
		{"int", "Edm.Int32", "", false},
		{"Integer", "Edm.Int32", "", false},
		{"Boolean", "Edm.Boolean", "", false},
		{"bool", "Edm.Boolean", "", false},
		{"GUID", "Edm.Guid", "", false},
		{"dateTimeOffset", "Edm.DateTimeOffset", "", false},
		{"datetime", "Edm.DateTimeOffset", "", false},
		{"DateTime", "Edm.DateTimeOffset", "", false},
		{"Int64", "Edm.Int64", "", false},
		{"Double", "Edm.Double", "", false},
		{"Single", "Edm.Single", "", false},
		{"Date", "Edm.Date", "", false},
		{"TimeOfDay", "Edm.TimeOfDay", "", false},
		{"Duration", "Edm.Duration", "", false},
		{"Binary", "Edm.Binary", "", false},
		{"Stream", "Edm.Stream", "", false},
		{"Json", "microsoft.graph.Json", "", false},
		{"string (url)", "Edm.String", "", false},
		{"string/number", "Edm.String", "", false},  // alternatives (driveitem-preview.md): the first primitive
		{"συμβολοσειρά (timestamp)", "", "", false}, // a remark after a word of another script names no type
		{"string (readonly)", "Edm.String", "", false},
		{"String readonly", "Edm.String", "", false},
		{"string, maximum size 20", "Edm.String", "", false},
		{"String (enum)", "Edm.String", "", false},
		{"String collection", "Edm.String", "", true},
		{"Collection(String)", "Edm.String", "", true},
		{"collection(x)", "", "x", true},
		{"Collection of x", "", "x", true},
		{"fileHashType enum", "", "fileHashType", false},
		{"microsoft.graph.callRecords.modality collection", "", "microsoft.graph.callRecords.modality", true},
		{"[identitySet][]", "", "identitySet", false},
		{"Строка", "Edm.String", "", false},
		{"Логический", "Edm.Boolean", "", false},
		{"Логическое", "Edm.Boolean", "", false},
		{"Двойное с плавающей точкой", "Edm.Double", "", false},
		{"Длительность", "Edm.Duration", "", false},
		{"Дата", "Edm.Date", "", false},
		{"Двоичный", "Edm.Binary", "", false},
		{"Поток", "Edm.Stream", "", false},
		{"Целое число", "Edm.Int32", "", false},
		{"Коллекция String", "Edm.String", "", true},
		{"Коллекция строк", "Edm.String", "", true},
		{"Коллекция объектов string", "Edm.String", "", true},
		{"Коллекция (microsoft.graph.columnDefinition)", "", "microsoft.graph.columnDefinition", true},
		{"Включение", "", "", false}, // the enum enablement, translated: no type word to read
		{"siteCollection", "", "siteCollection", false},
		{"plannerPlanContextCollection", "", "plannerPlanContextCollection", false},
		{"microsoft.graph.windowsInformationProtectionIPRangeCollection collection", "", "microsoft.graph.windowsInformationProtectionIPRangeCollection", true},
	}
	for _, c := range cases {
		got := ParseTypeText(c.in)
		assert.Equal(t, c.primitive, got.Primitive, c.in)
		assert.Equal(t, c.name, got.Name, c.in)
		assert.Equal(t, c.collection, got.Collection, c.in)
	}
}

func TestParseTypeCellPrefersLinks(t *testing.T) {
	got := defaultWords.parseTypeCell(inline{Text: "IdentitySet collection", Links: []Link{{Text: "IdentitySet", Dest: "identityset.md"}}})
	assert.Equal(t, "identityset.md", got.Link)
	assert.Equal(t, "IdentitySet", got.Name)
	assert.True(t, got.Collection)
	// The word inside the link text marks the collection too.
	got = defaultWords.parseTypeCell(inline{Text: "коллекция user", Links: []Link{{Text: "коллекция user", Dest: "user.md"}}})
	assert.Equal(t, "user", got.Name)
	assert.True(t, got.Collection)
	// Web links are not type references.
	got = defaultWords.parseTypeCell(inline{Text: "String", Links: []Link{{Text: "docs", Dest: "https://example.com/x.md"}}})
	assert.Equal(t, "Edm.String", got.Primitive)
}

func TestIdentifierTokensDropTranslatedWords(t *testing.T) {
	assert.Equal(t, []string{"user"}, identifierTokens("Тип ресурса user"))
	assert.Equal(t, "actionState", defaultWords.firstIdentifier("тип enum actionState"))
	assert.Equal(t, "vppTokenActionResult", defaultWords.lastIdentifier("от vppTokenActionResult"))
	assert.Empty(t, identifierTokens("тоталлиценсескаунт"))
	assert.True(t, IsIdentifier("microsoft.graph.user"))
	assert.False(t, IsIdentifier("Метка"))
	assert.False(t, IsIdentifier("3d"))
	assert.False(t, IsIdentifier("a."))
}

func TestJSONPlaceholderType(t *testing.T) {
	parse := func(s string) TypeExpr {
		v, _ := ParseJSONish(s)
		return defaultWords.jsonPlaceholderType(v)
	}
	assert.Equal(t, "Edm.String", parse(`"String"`).Primitive)
	assert.Equal(t, "Edm.DateTimeOffset", parse(`"String (timestamp)"`).Primitive)
	assert.Equal(t, "Edm.Int32", parse(`1024`).Primitive)
	assert.Equal(t, "Edm.Boolean", parse(`true`).Primitive)
	assert.Equal(t, "microsoft.graph.x", parse(`{"@odata.type": "#microsoft.graph.x"}`).Name)
	got := parse(`["String"]`)
	assert.Equal(t, "Edm.String", got.Primitive)
	assert.True(t, got.Collection)
	assert.Equal(t, "Edm.Stream", parse(`"<Unknown Primitive Type Edm.Stream>"`).Primitive)
	assert.Equal(t, "microsoft.graph.recipient", parse(`"microsoft.graph.recipient"`).Name, "a qualified name")
	assert.Equal(t, "Edm.String", parse(`"graphnotifications.sample.windows.com"`).Primitive, "a host name is a value")
	assert.Equal(t, "Edm.String", parse(`"Autopilot Device Stream value"`).Primitive, "a sentence is a value, whatever type word it holds")
	assert.Equal(t, "Edm.Stream", parse(`"Stream"`).Primitive)
	assert.Equal(t, "Edm.Int32", parse(`"Int32 (number of days)"`).Primitive, "a remark in parentheses is no part of the sentence test")
}
