// Tests of naming translated body rows by the request example's keys.

package schema

import (
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/stretchr/testify/assert"
)

func TestMatchKeysByValueShape(t *testing.T) {
	str := parser.TypeExpr{Primitive: "Edm.String"}
	obj := parser.TypeExpr{}
	rows := []parser.ParamDoc{
		{Name: "Grund", Type: str},
		{Name: "Entscheidung", Type: str},
		{Name: "Zeitplan", Type: parser.TypeExpr{Name: "governanceSchedule", Link: "resources/governanceschedule.md"}},
		{Name: "Art", Type: parser.TypeExpr{Name: "kind", Link: "resources/kind.md"}},
	}
	keys := []parser.ParamDoc{{Name: "reason", Type: str}, {Name: "schedule", Type: obj}, {Name: "decision", Type: str}, {Name: "kind", Type: str}}
	enum := func(d parser.ParamDoc) bool { return d.Type.Name == "kind" }
	assert.Equal(t, []int{0, 2, 1, 3}, matchKeys(rows, []int{0, 1, 2, 3}, keys, enum), "a string for each String row, the object for the schedule, a string for the enum")

	// A row no key fits: the keys in order.
	keys = []parser.ParamDoc{{Name: "a", Type: obj}, {Name: "b", Type: obj}}
	assert.Equal(t, []int{0, 1}, matchKeys(rows[:2], []int{0, 1}, keys, enum))

	// An empty array fits any collection; an unknown row type fits anything.
	assert.True(t, valueFits(parser.ParamDoc{Type: str}, parser.TypeExpr{Collection: true}, enum))
	assert.True(t, valueFits(parser.ParamDoc{}, obj, enum))
}

// More rows than keys: the example leaves out an optional row, which keeps
// its name (checkInAs), and the translated row takes the key (Kommentar is
// comment); with two translated rows for one key, nothing is guessed.
func TestBodyRowsTranslatedNounTakesTheKey(t *testing.T) {
	str := parser.TypeExpr{Primitive: "Edm.String"}
	doc := &parser.OperationDoc{
		Parameters: []parser.ParamDoc{
			{Name: "checkInAs", Type: str, Place: parser.ParamBody},
			{Name: "Kommentar", Type: str, Place: parser.ParamBody},
		},
		RequestKeys: []parser.ParamDoc{{Name: "comment", Type: str, Place: parser.ParamBody}},
	}
	translated := true
	names := func() []string {
		var out []string
		for _, d := range bodyRows(doc, translated, func(parser.ParamDoc) bool { return false }) {
			out = append(out, d.Name)
		}
		return out
	}
	assert.Equal(t, []string{"checkInAs", "comment"}, names())
	translated = false
	assert.Equal(t, []string{"checkInAs", "Kommentar"}, names(), "an English page's capitalized name stays")
	translated = true

	doc.Parameters = append(doc.Parameters, parser.ParamDoc{Name: "Komment", Type: str, Place: parser.ParamBody})
	assert.Equal(t, []string{"checkInAs", "Kommentar", "Komment"}, names())

	assert.True(t, translatedNoun("Комментарий"))
	assert.False(t, translatedNoun("EmailAddresses"))
	assert.False(t, translatedNoun("comment"))
}
