package schema

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
)

// pageBytes is every page model as JSON, every field of it.
func pageBytes(t *testing.T, pages []*parser.Page) [][]byte {
	t.Helper()
	out := make([][]byte, len(pages))
	for i, p := range pages {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		out[i] = b
	}
	return out
}

// Learning changes rows (type words, collection phrases), but on the
// resolver's own copies: the page models stay as parsed, so resolving them
// again, or caching them, gives the same.
func TestResolveLeavesThePagesAsParsed(t *testing.T) {
	typePage := func(name, rows, json string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + rows + "\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n```json\n" + json + "\n```\n"
	}
	folders := map[string][]*parser.Page{}
	var small []*parser.Page
	for _, n := range []string{"a", "b", "c"} {
		small = append(small, parser.Parse(n+".md", []byte(typePage(n, "|label|Zeichenkette|x|\n|items|Vek de [item](item.md)|x|",
			`{"label": "String", "items": [{"@odata.type": "microsoft.graph.item"}]}`)), parser.Options{RootName: "resources"}))
	}
	small = append(small, parser.Parse("d.md", []byte(typePage("d", "|code|Zeichenkette, höchstens 20|x|\n|things|Vek de [item](item.md)|x|", `{"other": "String"}`)), parser.Options{RootName: "resources"}))
	small = append(small, parser.Parse("item.md", []byte(page{title: "item", rows: []string{"id|String|x"}}.markdown()), parser.Options{RootName: "resources"}))
	folders["small"] = small
	if !testing.Short() {
		pages, _ := loadPages(t, corpus.Require(t, "corpus", "localized-de-2019-03", "v1.0", "resources"), nil, nil)
		folders["localized-de-2019-03 v1.0"] = pages
	}
	for name, pages := range folders {
		t.Run(name, func(t *testing.T) {
			before := pageBytes(t, pages)
			first := Resolve(pages)
			require.NotNil(t, first.Learned, "learning changed rows")
			assert.Equal(t, before, pageBytes(t, pages), "the page models are as parsed")
			assert.Equal(t, schemaJSON(t, first), schemaJSON(t, Resolve(pages)), "resolving again gives the same")
		})
	}
}
