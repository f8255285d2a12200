package schema

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

// learnedPage is a translated type page with the given rows and JSON
// example, in made-up words.
func learnedPage(name, rows, json string) string {
	return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" +
		"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|id|String|x|\n" + rows + "\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + name + "\"} -->\n```json\n" + json + "\n```\n"
}

// A whole number placeholder (1024) on a row whose word the other rows
// show to be a Double counts for Double: pages copy 1024 onto double rows.
// Three doubles in five would not be a majority of 80% otherwise.
func TestWholeNumberPlaceholdersCountForADoubleWord(t *testing.T) {
	files := map[string]string{}
	for i, v := range []string{`"<Unknown Primitive Type Edm.Double>"`, `24.34616`, `"Double"`, `1024`, `1024`} {
		name := fmt.Sprintf("geo%d", i)
		files["resources/"+name+".md"] = learnedPage(name, "|latitude|Flieskomma mit Genauigkeit|x|", `{"id": "String", "latitude": `+v+`}`)
	}
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.Double", Count: 5}, s.Learned.TypeWords["flieskomma mit genauigkeit"])
	assert.Equal(t, "Edm.Double", mustType(t, s, "microsoft.graph.geo3").Properties[1].Type, "the row with 1024 is a Double")

	// Where whole numbers are most, the word is an integer's.
	files["resources/geo0.md"] = learnedPage("geo0", "|latitude|Flieskomma mit Genauigkeit|x|", `{"id": "String", "latitude": 1024}`)
	files["resources/geo1.md"] = learnedPage("geo1", "|latitude|Flieskomma mit Genauigkeit|x|", `{"id": "String", "latitude": 7}`)
	s = resolveRaw(t, files)
	assert.Equal(t, LearnedWord{Type: "Edm.Int32", Count: 4}, s.Learned.TypeWords["flieskomma mit genauigkeit"])
}

// A type cell that starts with a learned word before a parenthesis is
// that word's type, as "string (readonly)" is a String.
func TestLearnedWordBeforeAParenthesis(t *testing.T) {
	files := map[string]string{}
	for i := range 3 {
		name := fmt.Sprintf("item%d", i)
		files["resources/"+name+".md"] = learnedPage(name, "|label|Zeichenkette|x|", `{"id": "String", "label": "String"}`)
	}
	files["resources/error.md"] = learnedPage("error", "|code|Zeichenkette (schreibgeschuetzt)|x|", `{"id": "String", "code": "TeamUnavailable"}`)
	s := resolveRaw(t, files)
	assert.Equal(t, "Edm.String", mustType(t, s, "microsoft.graph.error").Properties[1].Type)
}

// A type named by its anchor alone, whose translated title shows no word
// of it, keeps the title's name where another page describes a type of
// the anchor's name: two types, not one merged.
func TestAnchorNameTakenByAnotherPageKeepsTheTitles(t *testing.T) {
	files := map[string]string{
		"resources/shared.md": learnedPage("shared", "|scope|String|x|", `{"id": "String", "scope": "String"}`),
		"resources/insights-shared.md": "---\nms.contentlocale: xx-XX\n---\n# <a name=\"shared-resource-type\"></a>Geteilte Rezurstyp\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|lastShared|String|x|\n",
		"resources/insights-trending.md": "---\nms.contentlocale: xx-XX\n---\n# <a name=\"trending-resource-type\"></a>Trendu Rezurstyp\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|weight|String|x|\n",
	}
	s := resolveRaw(t, files)
	assert.Equal(t, []string{"id", "scope"}, propertyNames(mustType(t, s, "microsoft.graph.shared")), "the facet is not merged with the insight")
	assert.Equal(t, []string{"lastShared"}, propertyNames(mustType(t, s, "microsoft.graph.geteilte")))
	assert.NotNil(t, s.Lookup("microsoft.graph.trending"), "an anchor's name no other page has names the type")
}

func propertyNames(ty *Type) []string {
	var out []string
	for _, p := range ty.Properties {
		out = append(out, p.Name)
	}
	return out
}

// Words of a script no data file reads name no type at all (no name, no
// link): the rows take their placeholders' types, and the words are
// learned from them all the same, for the rows without a placeholder. A
// quoted number ("4.2") counts as a number for the word.
func TestWordsThatNameNothingAreLearned(t *testing.T) {
	files := map[string]string{}
	for i, v := range []string{`"Double"`, `"4.2"`, `"4.2"`, `1024`, `"Double"`} {
		name := fmt.Sprintf("score%d", i)
		files["resources/"+name+".md"] = learnedPage(name, "|value|Διπλό κινητής υποδιαστολής|x|", `{"id": "String", "value": `+v+`}`)
	}
	files["resources/bare.md"] = learnedPage("bare", "|value|Διπλό κινητής υποδιαστολής|x|", `{"id": "String"}`)
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.Double", Count: 5}, s.Learned.TypeWords["διπλό κινητής υποδιαστολής"])
	bare := mustType(t, s, "microsoft.graph.bare")
	require.Len(t, bare.Properties, 2)
	assert.Equal(t, "Edm.Double", bare.Properties[1].Type, "a row no placeholder types")
	assert.Equal(t, "Edm.Double", mustType(t, s, "microsoft.graph.score3").Properties[1].Type, "1024 on a Double word's row")
}

// "String (timestamp)" says a date or a time, not which: on a word whose
// other rows show durations, it counts for Duration.
func TestTimestampPlaceholdersCountForTheWordsTemporalType(t *testing.T) {
	files := map[string]string{}
	for i, v := range []string{`"String (ISO 8601 duration)"`, `"String (ISO 8601 duration)"`, `"String (ISO 8601 duration)"`, `"String (timestamp)"`, `"String (timestamp)"`} {
		name := fmt.Sprintf("slot%d", i)
		files["resources/"+name+".md"] = learnedPage(name, "|length|Διάρκεια|x|", `{"id": "String", "length": `+v+`}`)
	}
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.Duration", Count: 5}, s.Learned.TypeWords["διάρκεια"])
	assert.Equal(t, "Edm.Duration", mustType(t, s, "microsoft.graph.slot4").Properties[1].Type)

	assert.Equal(t, map[string]int{"Edm.DateTimeOffset": 3, "Edm.Date": 1}, timestampsAsTemporal(map[string]int{"Edm.DateTimeOffset": 3, "Edm.Date": 1}, 1),
		"more timestamps than dates that are no placeholder's: a timestamp word")
}

// A word read as a type name that no page describes and the folder does
// not teach takes the row's own placeholder where that says a number, a
// boolean or a date ("numerischen" beside "decimal"); beside a string
// placeholder, which an undescribed enum's value could be, it stays a name.
func TestUnknownNameTakesAPlaceholderThatSaysMore(t *testing.T) {
	s := resolveRaw(t, map[string]string{"amounts.md": "---\nms.contentlocale: xx-XX\n---\n# <a name=\"amounts-resource-type\"></a>amounts qa\n\n" +
		"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|balance|zahlwort|x|\n|state|zustandsart|x|\n|due|zahlwort|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n{\"balance\": \"decimal\", \"state\": \"string\", \"due\": \"date\"}\n```\n"})
	a := mustType(t, s, "microsoft.graph.amounts")
	require.Len(t, a.Properties, 3)
	assert.Equal(t, "Edm.Decimal", a.Properties[0].Type)
	assert.Equal(t, "microsoft.graph.zustandsart", a.Properties[1].Type, "a string placeholder says no more than an enum's value")
	assert.Equal(t, "Edm.Date", a.Properties[2].Type, "each row its own placeholder: one word, too few rows to learn")
	assert.Contains(t, diagCodes(s), diag.TypeFromJSON.Name())
}

// A word whose rows' examples are arrays holds the collection phrase too
// ("коллекция строк" beside ["String"]): a row of that word without an
// example is a collection as well.
func TestLearnedWordOfArraysIsACollection(t *testing.T) {
	files := map[string]string{}
	for i := range 3 {
		name := fmt.Sprintf("names%d", i)
		files["resources/"+name+".md"] = learnedPage(name, "|aliases|Vek zahlen|x|", `{"id": "String", "aliases": ["String"]}`)
	}
	files["resources/bare.md"] = learnedPage("bare", "|labels|Vek zahlen|x|", `{"id": "String"}`)
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.String", Count: 3, Collection: true}, s.Learned.TypeWords["vek zahlen"])
	labels := mustType(t, s, "microsoft.graph.bare").Properties[1]
	assert.Equal(t, "Edm.String", labels.Type)
	assert.True(t, labels.Collection, "the row without an example takes the word's collection")
}
