package parser

import (
	"strings"
)

// Example is one JSON example a page gives: the representation block of a
// resource page, or a request or response body on an API page, as an
// annotation introduces it:
//
//	<!-- {"blockType": "response", "@odata.type": "microsoft.graph.user", "isCollection": true} -->
type Example struct {
	Path       string // the page, relative to its input root
	Kind       string // "resource", "request" or "response"
	Type       string // the annotation's @odata.type, without '#'
	Collection bool   // isCollection: a collection of Type (usually {"value": [...]})
	Truncated  bool   // truncated: properties may be left out
	Pos        Position
	Value      *JSONValue    // nil when the block holds no JSON value
	Problems   []JSONProblem // where the JSON is not valid JSON

	src  *Source
	base int // offset of the JSON text in src.Clean
}

// PosOf returns the position in the page of an offset inside the example's
// JSON text (JSONValue.Offset, JSONField.KeyOffset).
func (ex *Example) PosOf(off int) Position {
	if ex.src == nil {
		return ex.Pos
	}
	return ex.src.Pos(ex.base + off)
}

// Examples returns the annotated JSON examples of a page, in page order.
func Examples(pagePath string, data []byte) []Example {
	src := NewSource(data)
	blocks := readBlocks(src.Clean)
	var out []Example
	for i := 0; i < len(blocks); i++ {
		b := &blocks[i]
		if b.Kind != blockComment {
			continue
		}
		ann, _, kind, _, ok := annotation(b)
		if !ok || (kind != "resource" && kind != "request" && kind != "response") {
			continue
		}
		ex := Example{Path: pagePath, Kind: kind, Pos: src.Pos(b.Off), src: src}
		if t := ann.Get("@odata.type"); t != nil {
			ex.Type = strings.TrimPrefix(strings.TrimSpace(t.Str), "#")
		}
		ex.Collection = truthy(ann.Get("isCollection"))
		// "Collection(microsoft.graph.permission)" is a collection of that
		// type, as OData writes one.
		if inner, ok := collectionOf(ex.Type); ok {
			ex.Type, ex.Collection = inner, true
		}
		ex.Truncated = truthy(ann.Get("truncated"))
		// The code block that follows the annotation holds the example.
		if i+1 >= len(blocks) || blocks[i+1].Kind != blockCode {
			continue
		}
		code := &blocks[i+1]
		i++
		text, at := jsonBody(code.Content)
		if at < 0 {
			continue // a request or response with no body
		}
		ex.base = code.ContentOff + at
		ex.Pos = src.Pos(ex.base)
		ex.Value, ex.Problems = ParseJSONish(text)
		out = append(out, ex)
	}
	return out
}

// collectionOf reads OData's "Collection(T)" (any letter case), giving T.
func collectionOf(t string) (string, bool) {
	if len(t) > len("Collection()") && strings.EqualFold(t[:len("Collection(")], "Collection(") && t[len(t)-1] == ')' {
		return strings.TrimPrefix(strings.TrimSpace(t[len("Collection("):len(t)-1]), "#"), true
	}
	return "", false
}

// jsonBody finds the JSON in an example block: the whole block for a
// representation, or what follows the HTTP request or status line and
// headers ("POST https://.../users/{id}" may hold braces: the body starts
// on a line that starts with { or [).
func jsonBody(content string) (string, int) {
	off := 0
	for _, line := range strings.SplitAfter(content, "\n") {
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			at := off + len(line) - len(t)
			return content[at:], at
		}
		off += len(line)
	}
	return "", -1
}
