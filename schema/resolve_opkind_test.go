// Tests of an operation's kind: action or function from how the pages
// show it called, never from its name.

package schema

import (
	"testing"

	"github.com/docgen/graphgen/parser"
	"github.com/stretchr/testify/assert"
)

// resourcePage is a resource page of an entity type with the given
// navigation rows (the path and kind tests').
func resourcePage(name, rels string) string {
	md := "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n"
	if rels != "" {
		md += "\n## Relationships\n|Relationship|Type|Description|\n|:--|:--|:--|\n" + rels
	}
	return md + "\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
}

// withExample adds a request example, with its annotation's extra keys.
func withExample(md, annotation, request string) string {
	return md + "\n## Example\n\n##### Request\n\n<!-- { \"blockType\": \"request\"" + annotation + ", \"name\": \"x\" } -->\n```http\n" + request + "\n```\n"
}

func kinds(s *Schema) map[string]OpKind {
	out := map[string]OpKind{}
	for _, o := range s.Operations {
		if o.Kind == OpAction || o.Kind == OpFunction {
			out[o.Name+" on "+refString(o.Binding)] = o.Kind
		}
	}
	return out
}

func TestOperationKind(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/book.md":  resourcePage("book", "|pages|[page](page.md) collection|x|\n|range|[page](page.md)|x|\n"),
		"resources/page.md":  resourcePage("page", ""),
		"api/book-list.md":   apiPage("List books", "GET /books", "a collection of [book](../resources/book.md) objects"),
		"api/book-read.md":   apiPage("Book: read", "GET /books/{id}/read", "a [page](../resources/page.md) object"),
		"api/book-find.md":   apiPage("Book: find", "POST /books/{id}/find(text={text})", "a [page](../resources/page.md) object"),
		"api/book-stop.md":   apiPage("Book: stop", "POST /books/{id}/stop()", ""),
		"api/book-close.md":  apiPage("Book: close", "POST /books/{id}/close", ""),
		"api/book-cover.md":  withExample(apiPage("Book: cover", "POST /books/{id}/cover", "a [page](../resources/page.md) object"), `, "isComposable": true`, "POST https://graph.microsoft.com/v1.0/books/1/cover"),
		"api/book-spine.md":  withExample(apiPage("Book: spine", "POST /books/{id}/spine", "a [page](../resources/page.md) object"), `, "idempotent": true`, "POST https://graph.microsoft.com/v1.0/books/1/spine"),
		"api/book-mine.md":   withExample(apiPage("Book: mine", "POST /books/mine", "a collection of [book](../resources/book.md) objects"), "", "GET https://graph.microsoft.com/v1.0/books/mine"),
		"api/book-first.md":  apiPage("Book: first", "POST /books/{id}/first", "a [page](../resources/page.md) object"),
		"api/first-pages.md": apiPage("First: pages", "GET /books/{id}/first/pages", "a collection of [page](../resources/page.md) objects"),
	})
	got := kinds(s)
	for op, want := range map[string]OpKind{
		"read on microsoft.graph.book":             OpFunction, // GET
		"find on microsoft.graph.book":             OpFunction, // named arguments, even with POST
		"stop on microsoft.graph.book":             OpAction,   // POST with empty parentheses
		"close on microsoft.graph.book":            OpAction,   // POST, nothing else
		"cover on microsoft.graph.book":            OpFunction, // isComposable
		"spine on microsoft.graph.book":            OpFunction, // idempotent
		"mine on Collection(microsoft.graph.book)": OpFunction, // the example GETs it
		"first on microsoft.graph.book":            OpFunction, // another path goes on past it
	} {
		assert.Equal(t, want, got[op], "%s (have %v)", op, got)
	}
}

func TestCalledWithGet(t *testing.T) {
	reqs := []parser.RequestDoc{{Method: "POST", Path: "/a/b"}, {Method: "GET", Path: "/x/microsoft.graph.my"}}
	assert.True(t, calledWithGet(reqs, "my"))
	assert.False(t, calledWithGet(reqs, "b"), "a POST is no GET")
	assert.False(t, calledWithGet(nil, "my"))
}

// One operation documented by a page of its own and by a page that
// documents others too: the page of its own describes it, its request
// first.
func TestDedicatedPageDescribesTheOperation(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/book.md":  resourcePage("book", ""),
		"resources/shelf.md": resourcePage("shelf", ""),
		"resources/page.md":  resourcePage("page", ""),
		"api/book-list.md":   apiPage("List books", "GET /books", "a collection of [book](../resources/book.md) objects"),
		"api/shelf-list.md":  apiPage("List shelves", "GET /shelves", "a collection of [shelf](../resources/shelf.md) objects"),
		"api/a-cover.md":     apiPage("Get cover", "GET /books/{id}/cover\nGET /shelves/{id}/cover", "a [page](../resources/page.md) object"),
		"api/book-cover.md":  withExample(apiPage("Book: cover", "POST /books/{id}/cover", "a [page](../resources/page.md) object"), `, "idempotent": true`, "POST https://graph.microsoft.com/v1.0/books/1/cover"),
	})
	var cover *Operation
	for _, o := range s.Operations {
		if o.Name == "cover" && o.Binding != nil && o.Binding.Type == "microsoft.graph.book" {
			cover = o
		}
	}
	if assert.NotNil(t, cover) {
		assert.Equal(t, OpFunction, cover.Kind)
		assert.Equal(t, "api/book-cover.md:4", cover.Source)
		var reqs []string
		for _, r := range cover.Requests {
			reqs = append(reqs, r.Method+" "+r.Path)
		}
		assert.Equal(t, []string{"POST /books/{id}/cover", "GET /books/{id}/cover"}, reqs)
	}
}
