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
	// Method and RequestPath are a request's first "METHOD path" line
	// (the path without the service root and query, as the request
	// syntax's); Status is a response's status code ("HTTP/1.1 201
	// Created"); each is empty where the block has none. LinePos is
	// that line's position, else the block's.
	Method      string
	RequestPath string
	Host        string // a request written as a URL: its host (graph.microsoft.com)
	Status      int
	LinePos     Position
	// Annotated: a blockType annotation introduces the block (APIExamples
	// also returns unannotated requests and responses).
	Annotated bool

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
	return examples(pagePath, data, false)
}

// APIExamples returns the request and response examples of an API page
// and the representation blocks of a resource page, in page order, as
// Examples does, and also the requests and responses without a JSON body
// (Value nil: a GET, a 204) and the unannotated ones: a code block whose
// first line is a request written with its host (GET
// https://graph.microsoft.com/v1.0/me), or a status line (HTTP/1.1 200
// OK). Each request has its method and path, each response its status.
func APIExamples(pagePath string, data []byte) []Example {
	return examples(pagePath, data, true)
}

func examples(pagePath string, data []byte, all bool) []Example {
	src := newSource(data)
	blocks := readBlocks(src.Clean)
	var out []Example
	for i := 0; i < len(blocks); i++ {
		b := &blocks[i]
		if all && b.Kind == blockCode {
			// An unannotated request or response.
			if ex, ok := unannotatedExample(pagePath, src, b); ok {
				out = append(out, ex)
			}
			continue
		}
		if b.Kind != blockComment {
			continue
		}
		ann, _, kind, _, ok := annotation(b)
		if !ok {
			continue
		}
		if kind != "resource" && kind != "request" && kind != "response" {
			if all && i+1 < len(blocks) && blocks[i+1].Kind == blockCode {
				i++ // "blockType": "ignored": not an example, annotated or not
			}
			continue
		}
		ex := Example{Path: pagePath, Kind: kind, Pos: src.Pos(b.Off), src: src, Annotated: true}
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
		ex.readLine(code)
		text, at := jsonBody(code.Content)
		if at < 0 {
			if all && kind != "resource" {
				out = append(out, ex) // a request or response with no body
			}
			continue
		}
		ex.base = code.ContentOff + at
		ex.Pos = src.Pos(ex.base)
		ex.Value, ex.Problems = ParseJSONish(text)
		out = append(out, ex)
	}
	return out
}

// readLine reads a request's first request line, or a response's status
// line, from its code block.
func (ex *Example) readLine(code *block) {
	ex.LinePos = ex.src.Pos(code.Off)
	switch ex.Kind {
	case "request":
		if lines := requestLines(code.Content); len(lines) > 0 {
			ex.Method, ex.RequestPath = lines[0].method, lines[0].path
			ex.LinePos = ex.src.Pos(code.ContentOff + lines[0].off)
			ex.Host = requestHost(code.Content[lines[0].off:])
		}
	case "response":
		ex.Status = statusLine(code.Content)
		if ex.Status > 0 {
			ex.LinePos = ex.src.Pos(code.ContentOff + len(code.Content) - len(strings.TrimLeft(code.Content, " \t\r\n")))
		}
	}
}

// requestHost is the host of a request line written as a URL ("POST
// https://graph.microsoft.com/v1.0/me/sendMail"), lower case; "" for a
// path.
func requestHost(line string) string {
	line, _, _ = strings.Cut(line, "\n")
	_, rest, ok := strings.Cut(line, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	return strings.ToLower(strings.TrimSpace(host))
}

// unannotatedExample reads a code block no annotation introduces as a
// request (its first line a request with its host: request syntax is
// written without one) or a response (its first line a status line).
func unannotatedExample(pagePath string, src *Source, code *block) (Example, bool) {
	first := strings.TrimSpace(code.Content)
	first, _, _ = strings.Cut(first, "\n")
	ex := Example{Path: pagePath, Pos: src.Pos(code.Off), src: src}
	switch {
	case statusLine(code.Content) > 0:
		ex.Kind = "response"
	default:
		lines := requestLines(first)
		if len(lines) == 0 || !lines[0].full {
			return Example{}, false
		}
		ex.Kind = "request"
	}
	ex.readLine(code)
	if text, at := jsonBody(code.Content); at >= 0 {
		ex.base = code.ContentOff + at
		ex.Pos = src.Pos(ex.base)
		ex.Value, ex.Problems = ParseJSONish(text)
	}
	return ex, true
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
