package schema

import (
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A translated word whose rows' placeholders are all "String (timestamp)"
// is a date or a time, not which: the API pages' example values for its
// rows say (a date); without them it stays a DateTimeOffset, and a row
// whose placeholder names the type is not overruled by the examples.
func TestTemporalWordLearnedFromExampleValues(t *testing.T) {
	createPage := func(name, body string) string {
		return "# Qo " + name + "\n\n## <a name=\"http-request\"></a>Qa\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /" + name + "s\n```\n\n" +
			"## <a name=\"example\"></a>Qe\n\n<!-- { \"blockType\": \"request\", \"name\": \"create_" + name + "\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```http\nPOST /" + name + "s\nContent-Type: application/json\n\n" + body + "\n```\n\n" +
			"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n" + body + "\n```\n"
	}
	files := map[string]string{
		"resources/range.md":  learnedPage("range", "|startDate|Tagesangabe|x|\n|endDate|Tagesangabe|x|", `{"id": "String", "startDate": "String (timestamp)", "endDate": "String (timestamp)"}`),
		"resources/term.md":   learnedPage("term", "|firstDate|Tagesangabe|x|\n|seen|Zeitpunkt|x|", `{"id": "String", "firstDate": "String (timestamp)", "seen": "String (timestamp)"}`),
		"resources/log.md":    learnedPage("log", "|at|Zeitpunkt|x|\n|when|Zeitpunkt|x|", `{"id": "String", "at": "String (timestamp)", "when": "String (timestamp)"}`),
		"api/range-create.md": createPage("range", `{"startDate": "2017-09-04", "endDate": "2017-12-31"}`),
		"api/log-create.md":   createPage("log", `{"at": "2017-09-04T10:00:00Z", "when": "2017-09-04"}`),
	}
	parse := func(only func(string) bool) []*parser.Page {
		var pages []*parser.Page
		for path, md := range files {
			if only(path) {
				pages = append(pages, parser.Parse(path, []byte(md), parser.Options{RootName: "v1.0"}))
			}
		}
		return pages
	}
	s := Resolve(parse(func(string) bool { return true }))
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.Date", Count: 3}, s.Learned.TypeWords["tagesangabe"], "four dates in the examples")
	term := mustType(t, s, "microsoft.graph.term")
	require.Len(t, term.Properties, 3)
	assert.Equal(t, "firstDate", term.Properties[1].Name)
	assert.Equal(t, "Edm.Date", term.Properties[1].Type, "a row no example gives a value takes its word's meaning")
	assert.Equal(t, LearnedWord{Type: "Edm.DateTimeOffset", Count: 3}, s.Learned.TypeWords["zeitpunkt"], "as many times as dates: no majority")

	// Without the API pages, nothing says which: a timestamp.
	s = Resolve(parse(func(p string) bool { return p[:4] != "api/" }))
	assert.Equal(t, LearnedWord{Type: "Edm.DateTimeOffset", Count: 3}, s.Learned.TypeWords["tagesangabe"])

	// A placeholder that names the type ("Date") is no vague evidence: the
	// examples are not asked.
	files["resources/range.md"] = learnedPage("range", "|startDate|Tagesangabe|x|\n|endDate|Tagesangabe|x|", `{"id": "String", "startDate": "DateTimeOffset", "endDate": "DateTimeOffset"}`)
	s = Resolve(parse(func(string) bool { return true }))
	assert.Equal(t, "Edm.DateTimeOffset", s.Learned.TypeWords["tagesangabe"].Type)
}
