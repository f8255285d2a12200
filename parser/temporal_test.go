package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTemporalShape(t *testing.T) {
	for in, want := range map[string]string{
		"2017-09-04":                  "Edm.Date",
		"2017-09-04T10:00:00Z":        "Edm.DateTimeOffset",
		"2017-09-04T10:00:00.5+02:00": "Edm.DateTimeOffset",
		"2017-09-04T10:00":            "Edm.DateTimeOffset",
		"08:30:00":                    "Edm.TimeOfDay",
		"08:30":                       "Edm.TimeOfDay",
		"String (timestamp)":          "",
		"2017-9-4":                    "",
		"D7":                          "",
		"2017-09-04 and more":         "",
	} {
		assert.Equal(t, want, TemporalShape(in), in)
	}
}

// An example's date and time literals are kept beside its names, each
// with the Edm type its shape shows; a resource row whose placeholder is
// "String (timestamp)" says so, one that names its type does not.
func TestExampleDatesAndTimestampPlaceholders(t *testing.T) {
	api := "# Qo\n\n## <a name=\"http-request\"></a>Qa\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /ranges\n```\n\n" +
		"## <a name=\"example\"></a>Qe\n\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST /ranges\nContent-Type: application/json\n\n" +
		`{"startDate": "2017-09-04", "kind": "weekly", "at": "08:30:00"}` + "\n```\n"
	p := Parse("api/range-create.md", []byte(api), Options{RootName: "v1.0"})
	var got []string
	for _, x := range p.Operation.Examples {
		got = append(got, x.Path[0]+"="+x.Value+":"+x.Temporal)
	}
	assert.Equal(t, []string{"startDate=2017-09-04:Edm.Date", "kind=weekly:", "at=08:30:00:Edm.TimeOfDay"}, got)

	res := "---\nms.contentlocale: xx-XX\n---\n# <a name=\"range-resource-type\"></a>range qa\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" +
		"|startDate|Tagesangabe|x|\n|endDate|Tagesangabe|x|\n\n## <a name=\"json-representation\"></a>Jo\n```json\n" +
		`{"startDate": "String (timestamp)", "endDate": "DateTimeOffset"}` + "\n```\n"
	p = Parse("resources/range.md", []byte(res), Options{RootName: "v1.0"})
	rows := p.Types[0].Properties
	assert.True(t, rows[0].JSONTimestamp)
	assert.Equal(t, "Edm.DateTimeOffset", rows[0].JSONPrimitive)
	assert.False(t, rows[1].JSONTimestamp)
	assert.Equal(t, "Edm.DateTimeOffset", rows[1].JSONPrimitive)
}
