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

// APIExamples gives every request and response, with or without a body,
// annotated or not: each request its method, path and host, each
// response its status; an "ignored" block is none.
func TestAPIExamplesRequestsAndResponses(t *testing.T) {
	page := "# x\n\n" +
		"<!-- {\"blockType\": \"request\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/me/messages?$top=2\n```\n\n" +
		"```http\nHTTP/1.1 204 No Content\n```\n\n" +
		"```http\nPOST https://bot.example.com/api/calls\n\n{\"a\": 1}\n```\n\n" +
		"<!-- {\"blockType\": \"ignored\"} -->\n```http\nHTTP/1.1 200 OK\n```\n\n" +
		"```http\nGET /me/messages\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.message\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"subject\": \"s\"}\n```\n"
	exs := APIExamples("api/x.md", []byte(page))
	require.Len(t, exs, 4)
	assert.Equal(t, "request", exs[0].Kind)
	assert.Equal(t, "GET", exs[0].Method)
	assert.Equal(t, "/me/messages", exs[0].RequestPath)
	assert.Equal(t, "graph.microsoft.com", exs[0].Host)
	assert.Equal(t, 5, exs[0].LinePos.Line)
	assert.True(t, exs[0].Annotated)
	assert.Nil(t, exs[0].Value)

	assert.Equal(t, "response", exs[1].Kind)
	assert.Equal(t, 204, exs[1].Status)
	assert.False(t, exs[1].Annotated)

	assert.Equal(t, "bot.example.com", exs[2].Host, "a request written with its host, unannotated")
	require.NotNil(t, exs[2].Value)

	assert.Equal(t, "microsoft.graph.message", exs[3].Type)
	assert.Equal(t, 200, exs[3].Status)
	require.NotNil(t, exs[3].Value)

	// Examples keeps to the annotated ones with a body.
	only := Examples("api/x.md", []byte(page))
	require.Len(t, only, 1)
	assert.Equal(t, "GET", exs[0].Method)
	assert.Equal(t, 200, only[0].Status)
}
