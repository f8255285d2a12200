package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// A page that does not name its base: every example that holds the base's
// properties is one finding, and one cause explains them all, at the page.
func TestMissingBaseExplainsUnknownProperties(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"tracked.md": page{title: "tracked", rows: []string{"createdDateTime|DateTimeOffset|x", "lastModifiedDateTime|DateTimeOffset|x"}}.markdown(),
		"note.md":    page{title: "note", inherits: "tracked", rows: []string{"text|String|x"}}.markdown(),
		"shift.md":   page{title: "shift", rows: []string{"start|DateTimeOffset|x"}}.markdown(),
		"other.md":   page{title: "other", rows: []string{"start|String|x", "unrelated|String|x"}}.markdown(),
	})
	example := func(path, body string) parser.Example {
		ex := parser.Examples(path, []byte("<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.shift\"} -->\n```json\n"+body+"\n```\n"))
		require.Len(t, ex, 1)
		return ex[0]
	}
	c := s.Check([]parser.Example{
		example("api/a.md", `{"start": "2020-01-01T00:00:00Z", "createdDateTime": "2020-01-01T00:00:00Z", "lastModifiedDateTime": "2020-01-01T00:00:00Z"}`),
		example("api/b.md", `{"createdDateTime": "2020-01-01T00:00:00Z", "bogus": 1}`),
	})
	require.Len(t, c.Causes, 1)
	cause := c.Causes[0]
	assert.Equal(t, diag.MissingBase.Name(), cause.Code)
	assert.Equal(t, "shift.md", cause.File)
	assert.Contains(t, cause.Message, "microsoft.graph.shift names no base, but its examples hold \"createdDateTime\", \"lastModifiedDateTime\", which are properties of microsoft.graph.tracked")
	assert.True(t, strings.HasSuffix(cause.Message, "This explains 3 findings in 2 examples"), cause.Message)
	assert.Len(t, c.Explained, 3)
	require.Len(t, c.Mistakes, 1, "bogus stays a mistake of its own")
	assert.Contains(t, c.Mistakes[0].Message, `"bogus"`)
	assert.Len(t, s.Validate(nil), 0)
}
