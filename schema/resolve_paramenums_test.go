// Tests of String parameters typed by the enum their possible values name.

package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStringParameterWithPossibleValuesIsTheirEnum(t *testing.T) {
	enum := func(name string, members ...string) string {
		md := "# " + name + " enum type\n\nNamespace: microsoft.graph\n\n| Member | Description |\n|:--|:--|\n"
		for _, m := range members {
			md += "| " + m + " | x |\n"
		}
		return md
	}
	body := func(rows string) string {
		return "\n## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n" + rows
	}
	page := apiPage("Call: reject", "POST /calls/{id}/reject", "")
	page += body("|reason|String|The reason. Possible values are `None`, `Busy` and `Forbidden`.|\n|mode|String|Possible values are `a`, `b`.|\n|note|String|Possible values are `busy`.|\n")
	s := resolveRaw(t, map[string]string{
		"resources/call.md":         resourcePage("call", ""),
		"resources/rejectreason.md": enum("rejectReason", "none", "busy", "forbidden", "unknownFutureValue"),
		"resources/modea.md":        enum("modeA", "a", "b"),
		"resources/modeb.md":        enum("modeB", "a", "b", "c"),
		"api/call-list.md":          apiPage("List calls", "GET /calls", "a collection of [call](../resources/call.md) objects"),
		"api/call-reject.md":        page,
	})
	var types map[string]string
	for _, o := range s.Operations {
		if o.Name == "reject" {
			types = map[string]string{}
			for _, p := range o.Parameters {
				types[p.Name] = p.Type
			}
		}
	}
	require.NotNil(t, types)
	assert.Equal(t, "microsoft.graph.rejectReason", types["reason"], "the one enum with all three")
	assert.Equal(t, "Edm.String", types["mode"], "two enums have a and b")
	assert.Equal(t, "Edm.String", types["note"], "one value tells no enum apart")
}
