// Shared components: the collection responses ({value, @odata.nextLink,
// @odata.count}), the OData error schema and response, the special
// numbers, the $count response, the query options, and the OAuth 2.0
// security scheme the permissions name.

package openapi

import (
	"strconv"

	"github.com/docgen/graphgen/parser"
)

// The names of the document's own components. A type of the schema so
// named is left out (reserved).
const (
	errorSchema   = "microsoft.graph.ODataErrors.ODataError"
	mainError     = "microsoft.graph.ODataErrors.MainError"
	errorDetails  = "microsoft.graph.ODataErrors.ErrorDetails"
	innerError    = "microsoft.graph.ODataErrors.InnerError"
	countResponse = "ODataCountResponse"
	securityName  = "azureaadv2"
)

// reserved are the component schema names the document writes itself.
var reserved = map[string]bool{errorSchema: true, mainError: true, errorDetails: true, innerError: true,
	referenceNumeric: true, countResponse: true}

// collection returns the name of the collection response of a structured
// type (microsoft.graph.userCollectionResponse), writing its schema and
// response the first time.
func (b *builder) collection(typ string) string {
	if name, ok := b.collections[typ]; ok {
		return name
	}
	name := typ + "CollectionResponse"
	for i := 2; b.schemas[name] != nil || b.s.Lookup(name) != nil || reserved[name]; i++ {
		name = typ + "CollectionResponse" + strconv.Itoa(i)
	}
	b.collections[typ] = name
	b.schemas[name] = b.collectionObject(ref(typ), "Collection of "+parser.ShortName(typ))
	b.responses[name] = obj{"description": "Retrieved collection", "content": jsonContent(ref(name))}
	return name
}

// collectionObject is a collection response's schema: the items in value,
// and the link to the next page and the count where the service gives them.
func (b *builder) collectionObject(items obj, title string) obj {
	return obj{"title": title, "type": "object", "properties": obj{
		"value":           obj{"type": "array", "items": items},
		"@odata.nextLink": obj{"type": []any{"string", "null"}},
		"@odata.count":    obj{"type": []any{"integer", "null"}, "format": "int64"},
	}}
}

// errorComponents writes the OData error (as OpenAPI.NET.OData writes it)
// and the response every operation's 4XX and 5XX name.
func (b *builder) errorComponents() {
	if len(b.paths) == 0 {
		return
	}
	str := obj{"type": "string"}
	b.schemas[errorSchema] = obj{"type": "object", "required": []any{"error"},
		"properties": obj{"error": ref(mainError)}}
	b.schemas[mainError] = obj{"type": "object", "required": []any{"code", "message"}, "properties": obj{
		"code":       str,
		"message":    obj{"type": "string", "x-ms-primary-error-message": true},
		"target":     obj{"type": []any{"string", "null"}},
		"details":    obj{"type": "array", "items": ref(errorDetails)},
		"innerError": ref(innerError),
	}}
	b.schemas[errorDetails] = obj{"type": "object", "required": []any{"code", "message"}, "properties": obj{
		"code": str, "message": str, "target": obj{"type": []any{"string", "null"}},
	}}
	b.schemas[innerError] = obj{"type": "object", "description": "The structure of this object is service-specific"}
	b.responses["error"] = obj{"description": "error", "content": jsonContent(ref(errorSchema))}
}

// sharedComponents writes what the types and operations used: the special
// numbers, the $count response, the query options.
func (b *builder) sharedComponents() {
	if b.usesNumeric {
		b.schemas[referenceNumeric] = obj{"type": "string", "enum": []any{"-INF", "INF", "NaN"}}
	}
	if b.usesCount {
		b.schemas[countResponse] = obj{"type": "integer", "format": "int32"}
		b.responses[countResponse] = obj{"description": "The count of the resource",
			"content": obj{"text/plain": obj{"schema": ref(countResponse)}}}
	}
	list := func(what string) obj {
		return obj{"type": "array", "uniqueItems": true, "items": obj{"type": "string"}, "description": what}
	}
	options := map[string]obj{
		"top":     {"name": "$top", "description": "Show only the first n items", "schema": obj{"type": "integer", "minimum": 0}},
		"skip":    {"name": "$skip", "description": "Skip the first n items", "schema": obj{"type": "integer", "minimum": 0}},
		"search":  {"name": "$search", "description": "Search items by search phrases", "schema": obj{"type": "string"}},
		"filter":  {"name": "$filter", "description": "Filter items by property values", "schema": obj{"type": "string"}},
		"count":   {"name": "$count", "description": "Include count of items", "schema": obj{"type": "boolean"}},
		"orderby": {"name": "$orderby", "description": "Order items by property values", "schema": list("properties to order by")},
		"select":  {"name": "$select", "description": "Select properties to be returned", "schema": list("properties to return")},
		"expand":  {"name": "$expand", "description": "Expand related entities", "schema": list("relationships to expand")},
	}
	for name := range b.queryOptions {
		p := options[name]
		p["in"] = "query"
		if _, ok := p["schema"].(obj)["items"]; ok {
			p["style"], p["explode"] = "form", false
		}
		b.params[name] = p
	}
}

// The Microsoft identity platform's endpoints, for the security scheme.
const (
	authorizeURL = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
	tokenURL     = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
)

// securityScheme is the OAuth 2.0 scheme whose scopes are the
// permissions the operations name: delegated ones as the authorization
// code flow's, application ones as the client credentials flow's; nil
// when no operation names one.
func (b *builder) securityScheme() obj {
	scopes := func(set map[string]bool) obj {
		out := obj{}
		for sc := range set {
			out[sc] = ""
		}
		return out
	}
	flows := obj{}
	if len(b.delegated) > 0 {
		flows["authorizationCode"] = obj{"authorizationUrl": authorizeURL, "tokenUrl": tokenURL, "scopes": scopes(b.delegated)}
	}
	if len(b.application) > 0 {
		flows["clientCredentials"] = obj{"tokenUrl": tokenURL, "scopes": scopes(b.application)}
	}
	if len(flows) == 0 {
		return nil
	}
	return obj{"type": "oauth2", "flows": flows,
		"description": "The permissions of the pages: delegated ones are the authorization code flow's scopes, application ones the client credentials flow's"}
}
