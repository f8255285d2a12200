package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONishValid(t *testing.T) {
	v, problems := ParseJSONish(`{"a": "x", "b": [1, {"@odata.type": "microsoft.graph.y"}], "c": true, "d": null, "e": -2.5}`)
	assert.Empty(t, problems)
	require.NotNil(t, v)
	require.Equal(t, JSONObject, v.Kind)
	names := []string{}
	for _, f := range v.Keys {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, names)
	assert.Equal(t, "x", v.Get("a").Str)
	assert.Equal(t, JSONArray, v.Get("b").Kind)
	assert.Equal(t, "microsoft.graph.y", v.Get("b").Items[1].Get("@odata.type").Str)
	assert.Equal(t, JSONBool, v.Get("c").Kind)
	assert.Equal(t, JSONNull, v.Get("d").Kind)
	assert.Equal(t, "-2.5", v.Get("e").Str)
	assert.Equal(t, 1, v.Keys[0].KeyOffset)
}

// The corpus's JSON blocks break the rules in all these ways (CORPUS-NOTES
// "JSON representation" and "Annotations"); every key must still be read.
func TestJSONishTolerates(t *testing.T) {
	cases := map[string]string{
		"trailing comma":   `{"a": "String", "b": 1,}`,
		"comment":          "{\"a\": \"String\", /* relationships */ \"b\": 1}",
		"line comment":     "{\"a\": \"String\", // note\n \"b\": 1}",
		"missing comma":    "{\"a\": \"String\"\n \"b\": 1}",
		"nbsp":             "{\"a\":\u00a0\"String\", \"b\": 1}",
		"tab":              "{\"a\":\t\"String\",\t\"b\": 1}",
		"bare placeholder": `{"a": String, "b": 1}`,
		"unterminated":     `{"a": "String", "b": 1`,
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			v, problems := ParseJSONish(text)
			require.NotNil(t, v)
			assert.NotNil(t, v.Get("a"))
			assert.NotNil(t, v.Get("b"))
			if name != "tab" {
				assert.NotEmpty(t, problems, "invalid JSON must be reported")
			}
		})
	}
}

func TestJSONishDepthLimit(t *testing.T) {
	deep := ""
	for i := 0; i < 10000; i++ {
		deep += "["
	}
	v, problems := ParseJSONish(deep)
	require.NotNil(t, v)
	assert.NotEmpty(t, problems)
}

func TestJSONishEmpty(t *testing.T) {
	v, problems := ParseJSONish("   ")
	assert.Nil(t, v)
	assert.NotEmpty(t, problems)
}
