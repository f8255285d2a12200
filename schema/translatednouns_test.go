package schema

// Capitalised row names on translated pages (resolve_translatednouns.go):
// where the folder's JSON keys start in lower case, a capitalised name its
// page's JSON block lacks takes the folder's spelling of the same letters,
// or the last words of the type it links, or is left out as a noun of the
// translation; names in the JSON block, names with word marks and English
// pages stay as written.

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen/graphgen/diag"
)

func TestCapitalisedTranslatedRowNames(t *testing.T) {
	page := func(locale, name, rows, json string) string {
		return "---\nms.contentlocale: " + locale + "\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + rows + "\n\n" +
			"## <a name=\"json-representation\"></a>Qson\n```json\n" + json + "\n```\n"
	}
	rows := "|displayName|String|Qe.|\n" +
		"|Name|String|Qe.|\n" + // in the JSON block: the service's own capital
		"|AccessLifetime|String|Qe.|\n" + // word marks, no evidence: may be the service's name
		"|Qothen|[extension](extension.md) collection|Qe.|\n" + // a noun of the translation
		"|Threads|[conversationThread](conversationthread.md) collection|Qe.|\n" + // the linked type's last word
		"|Members|[user](user.md) collection|Qe.|\n" + // the folder's JSON keys spell it
		"|owners|[user](user.md) collection|Qe.|\n" +
		"|Owners|[user](user.md) collection|Qe.|" // spelled elsewhere, but the type already has it
	json := `{"displayName": "String", "Name": "String"}`
	other := `{"id": "String", "members": [{"@odata.type": "microsoft.graph.user"}], "title": "String", "owners": []}`
	files := func(locale string) map[string]string {
		return map[string]string{
			"thing.md": page(locale, "thing", rows, json),
			"other.md": page(locale, "other", "|id|String|Qe.|\n|title|String|Qe.|", other),
		}
	}

	s := resolveRaw(t, files("xx-XX"))
	assert.ElementsMatch(t, []string{"displayName", "Name", "AccessLifetime", "threads", "members", "owners"},
		names(mustType(t, s, "microsoft.graph.thing").Properties))
	left := 0
	for _, d := range s.Diagnostics {
		if d.Code == diag.TranslatedNoun.Name() {
			left++
			assert.Contains(t, d.Message, "left out")
		}
	}
	assert.Equal(t, 2, left, "Qothen and the second owners row")

	s = resolveRaw(t, files("en-US"))
	assert.ElementsMatch(t, []string{"displayName", "Name", "AccessLifetime", "Qothen", "Threads", "Members", "Owners", "owners"},
		names(mustType(t, s, "microsoft.graph.thing").Properties), "an English page's names are its own")
	assert.NotContains(t, diagCodes(s), diag.TranslatedNoun.Name())
}

func TestTypeWord(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"Threads", "microsoft.graph.conversationThread", "threads"},
		{"Healthstates", "microsoft.graph.windowsManagementAppHealthState", "healthStates"},
		{"Details", "microsoft.graph.plannerPlanDetails", "details"},
		{"App", "microsoft.graph.mobileApp", "app"},
		{"Kalender", "microsoft.graph.calendar", ""},
		{"Pp", "microsoft.graph.mobileApp", ""},   // too short to say
		{"Sapp", "microsoft.graph.mobileApp", ""}, // not at a word's start
		{"Strings", "Edm.String", ""},             // a primitive names no noun
		{"Borders", "microsoft.graph.workbookRangeBorder", "borders"},
	} {
		got, ok := typeWord(c.name, c.typ)
		assert.Equal(t, c.want, got, c.name)
		assert.Equal(t, c.want != "", ok, c.name)
	}
}
