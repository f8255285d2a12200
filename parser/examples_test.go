package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An annotation's "Collection(microsoft.graph.permission)" is a collection
// of permission, as isCollection says it elsewhere.
func TestExampleCollectionOfType(t *testing.T) {
	page := "# x\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.permission)\"} -->\n```json\n{\"value\": []}\n```\n" +
		"\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\"} -->\n```json\n{}\n```\n" +
		"\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"collection(#microsoft.graph.user)\"} -->\n```json\n[]\n```\n"
	exs := Examples("api/x.md", []byte(page))
	require.Len(t, exs, 3)
	assert.Equal(t, "microsoft.graph.permission", exs[0].Type)
	assert.True(t, exs[0].Collection)
	assert.Equal(t, "microsoft.graph.user", exs[1].Type)
	assert.False(t, exs[1].Collection)
	assert.Equal(t, "microsoft.graph.user", exs[2].Type)
	assert.True(t, exs[2].Collection)
}
