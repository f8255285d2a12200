// The document for a schema that has each case of the mapping
// (testdata/shop.schema.json): schemas, nulls, enums, inheritance and
// discriminators, paths and their keys, operation ids, bodies, responses,
// permissions, what is left out, YAML, and that kin-openapi loads and
// validates it with no error.

package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema"
)

// shop reads the test schema.
func shop(t *testing.T) *schema.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "shop.schema.json"))
	require.NoError(t, err)
	s, err := schema.ReadJSON(data)
	require.NoError(t, err)
	return s
}

// render renders s as JSON and decodes the document.
func render(t *testing.T, s *schema.Schema, o Options) (obj, Report, []byte) {
	t.Helper()
	out, rep, err := Render(s, o)
	require.NoError(t, err)
	var doc obj
	require.NoError(t, json.Unmarshal(out, &doc))
	return doc, rep, out
}

// at walks a decoded document by keys (and array indexes as numbers).
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, k := range path {
		switch k := k.(type) {
		case string:
			m, ok := v.(obj)
			require.True(t, ok, "%v: not an object before %q", path, k)
			v, ok = m[k]
			require.True(t, ok, "%v: no key %q", path, k)
		case int:
			l, ok := v.([]any)
			require.True(t, ok && k < len(l), "%v: no item %d", path, k)
			v = l[k]
		}
	}
	return v
}

// has reports whether the document has a key at path.
func has(v any, path ...string) bool {
	for _, k := range path {
		m, ok := v.(obj)
		if !ok {
			return false
		}
		if v, ok = m[k]; !ok {
			return false
		}
	}
	return true
}

func TestSchemas(t *testing.T) {
	doc, rep, _ := render(t, shop(t), Options{Version: "v1.0"})
	schemas := at(t, doc, "components", "schemas")
	assert.Equal(t, "3.1.0", doc["openapi"])
	assert.Equal(t, "OData Service for namespace microsoft.graph", at(t, doc, "info", "title"))
	assert.Equal(t, "v1.0", at(t, doc, "info", "version"))
	assert.Equal(t, "https://graph.microsoft.com/v1.0", at(t, doc, "servers", 0, "url"))

	// Inheritance: allOf [base, own]; the discriminator beside it maps
	// every type derived from the type, directly or not; the root has
	// @odata.type.
	product := at(t, schemas, "microsoft.graph.product")
	assert.Equal(t, "#/components/schemas/microsoft.graph.entity", at(t, product, "allOf", 0, "$ref"))
	assert.Equal(t, "product", at(t, product, "allOf", 1, "title"))
	assert.Equal(t, obj{"propertyName": "@odata.type", "mapping": obj{
		"#microsoft.graph.gadget": "#/components/schemas/microsoft.graph.gadget",
		"#microsoft.graph.widget": "#/components/schemas/microsoft.graph.widget"}}, at(t, product, "discriminator"))
	assert.Equal(t, "#microsoft.graph.product", at(t, product, "x-ms-discriminator-value"))
	assert.False(t, has(at(t, schemas, "microsoft.graph.widget"), "discriminator"), "no derived types, no discriminator")
	entity := at(t, schemas, "microsoft.graph.entity")
	assert.Len(t, at(t, entity, "discriminator", "mapping"), 4)
	assert.Equal(t, obj{"type": "string"}, at(t, entity, "properties", "@odata.type"))
	assert.Equal(t, obj{"type": "string", "description": "The key."}, at(t, entity, "properties", "id"), "the key is not nullable")

	// Nulls: [T, "null"] for a primitive, anyOf [$ref, null] for a
	// reference, a null branch for a number with special values; never
	// for a collection.
	props := at(t, product, "allOf", 1, "properties")
	assert.Equal(t, []any{"string", "null"}, at(t, props, "name", "type"))
	assert.Equal(t, "The name.", at(t, props, "name", "description"))
	assert.Equal(t, obj{"anyOf": []any{obj{"type": "number", "format": "double"}, obj{"$ref": "#/components/schemas/ReferenceNumeric"}}}, at(t, props, "price"))
	assert.Equal(t, obj{"type": "array", "items": obj{"type": "string"}}, at(t, props, "tags"))
	assert.Equal(t, obj{"anyOf": []any{obj{"$ref": "#/components/schemas/microsoft.graph.color"}, obj{"type": "null"}}}, at(t, props, "color"))
	assert.Equal(t, obj{"$ref": "#/components/schemas/microsoft.graph.days"}, at(t, props, "days"))
	assert.Equal(t, true, at(t, props, "maker", "x-ms-navigationProperty"))
	assert.Equal(t, "Who makes it.", at(t, props, "maker", "description"))
	assert.Equal(t, obj{"type": "array", "items": obj{"$ref": "#/components/schemas/microsoft.graph.product"}, "x-ms-navigationProperty": true}, at(t, props, "parts"))
	assert.Equal(t, obj{}, at(t, props, "legacy"), "a type no page describes: any value")
	assert.Equal(t, obj{"type": []any{"integer", "null"}, "format": "int64", "deprecated": true}, at(t, props, "count"))
	assert.Equal(t, []any{"integer", "null"}, at(t, schemas, "microsoft.graph.widget", "allOf", 1, "properties", "knobs", "type"))
	assert.Equal(t, obj{"enum": []any{"-INF", "INF", "NaN"}, "type": "string"}, at(t, schemas, "ReferenceNumeric"))

	// Enums: strings; flags by a pattern of comma-separated members.
	color := at(t, schemas, "microsoft.graph.color")
	assert.Equal(t, []any{"red", "green"}, at(t, color, "enum"))
	assert.Equal(t, "Red.", at(t, color, "x-ms-enum", "values", 0, "description"))
	days := at(t, schemas, "microsoft.graph.days")
	assert.Equal(t, "^(monday|tuesday)( *, *(monday|tuesday))*$", at(t, days, "pattern"))
	assert.False(t, has(days, "enum"))
	assert.Equal(t, obj{"title": "Json", "description": "Any JSON."}, at(t, schemas, "microsoft.graph.Json"), "Json: any value")

	// Names that are not names stay out, and the report says so.
	assert.False(t, has(props, "bad`name"))
	assert.False(t, has(schemas, "bad name"))
	assert.Contains(t, rep.LeftOut, `property "bad`+"`"+`name" of microsoft.graph.product: not a name`)
	assert.Contains(t, rep.LeftOut, `type "bad name": not a name`)
	assert.Contains(t, rep.LeftOut, `member "bad\"member" of microsoft.graph.color: not a name`)
}

func TestPaths(t *testing.T) {
	doc, rep, _ := render(t, shop(t), Options{})
	paths := at(t, doc, "paths").(obj)
	assert.Equal(t, []string{
		"/makers/{maker-id}/products",
		"/makers/{maker-id}/products/{product-id}/paint",
		"/products",
		"/products/$count",
		"/products/{product-id}",
		"/products/{product-id}/listTags",
		"/products/{product-id}/maker/$ref",
		"/products/{product-id}/paint",
		"/products/{product-id}/priceOn(day={day},currency='{currency}')",
	}, slices.Sorted(maps.Keys(paths)), "keys named after their type: {id}, {product-id}, ('{id}') and {gadget-id} are one path")
	assert.False(t, has(doc, "servers"), "no version, no server")
	assert.Equal(t, "1.0.0", at(t, doc, "info", "version"))

	// An operation with several paths has one id per path; every id is
	// unique.
	assert.Equal(t, "ListProducts", at(t, paths, "/products", "get", "operationId"))
	assert.Equal(t, "ListProducts2", at(t, paths, "/makers/{maker-id}/products", "get", "operationId"))
	assert.Equal(t, "ProductPaint", at(t, paths, "/products/{product-id}/paint", "post", "operationId"))
	assert.Equal(t, "ProductPaint2", at(t, paths, "/makers/{maker-id}/products/{product-id}/paint", "post", "operationId"))
	ids := map[string]bool{}
	for _, p := range paths {
		for m, op := range p.(obj) {
			if m != "parameters" {
				id := op.(obj)["operationId"].(string)
				assert.False(t, ids[strings.ToLower(id)], "id %s is unique", id)
				ids[strings.ToLower(id)] = true
			}
		}
	}

	// Keys: path parameters named after the type they identify.
	item := at(t, paths, "/products/{product-id}")
	assert.Equal(t, []any{obj{"name": "product-id", "in": "path", "required": true, "description": "The unique identifier of product",
		"schema": obj{"type": "string"}, "x-ms-docs-key-type": "product"}}, at(t, item, "parameters"))
	// GET /products/{gadget-id}, a gadget's page: one operation with the
	// product's, returning what the path reaches.
	assert.Equal(t, "GetProducts", at(t, item, "get", "operationId"))
	assert.Equal(t, "#/components/schemas/microsoft.graph.product", at(t, item, "get", "responses", "2XX", "content", "application/json", "schema", "$ref"))
	assert.Equal(t, []string{"GET /products/{product-id}: 2 operations as one, returning what the path reaches, microsoft.graph.product (GetProducts, GetProducts2)"}, rep.Merged)
	assert.Equal(t, []any{obj{"$ref": "#/components/parameters/select"}, obj{"$ref": "#/components/parameters/expand"}}, at(t, item, "get", "parameters"))
	assert.Equal(t, obj{"description": "Success"}, at(t, item, "delete", "responses", "204"))
	assert.Equal(t, obj{"$ref": "#/components/responses/error"}, at(t, item, "delete", "responses", "4XX"))
	assert.Equal(t, obj{"$ref": "#/components/responses/error"}, at(t, item, "delete", "responses", "5XX"))
	assert.Equal(t, "#/components/schemas/microsoft.graph.ODataErrors.ODataError", at(t, doc, "components", "responses", "error", "content", "application/json", "schema", "$ref"))

	// Lists: the collection response, its query options.
	list := at(t, paths, "/products", "get")
	assert.Equal(t, obj{"$ref": "#/components/responses/microsoft.graph.productCollectionResponse"}, at(t, list, "responses", "2XX"))
	assert.Len(t, at(t, list, "parameters"), 8)
	assert.Equal(t, "List the products.", at(t, list, "description"))
	coll := at(t, doc, "components", "schemas", "microsoft.graph.productCollectionResponse", "properties")
	assert.Equal(t, obj{"type": "array", "items": obj{"$ref": "#/components/schemas/microsoft.graph.product"}}, at(t, coll, "value"))
	assert.Equal(t, []any{"string", "null"}, at(t, coll, "@odata.nextLink", "type"))
	assert.Equal(t, []any{"integer", "null"}, at(t, coll, "@odata.count", "type"))
	assert.Equal(t, "$top", at(t, doc, "components", "parameters", "top", "name"))

	// A create sends the entity; an action its parameters.
	assert.Equal(t, "#/components/schemas/microsoft.graph.product", at(t, paths, "/products", "post", "requestBody", "content", "application/json", "schema", "$ref"))
	body := at(t, paths, "/products/{product-id}/paint", "post", "requestBody", "content", "application/json", "schema")
	assert.Equal(t, obj{"type": "object", "required": []any{"color"}, "properties": obj{
		"color": obj{"$ref": "#/components/schemas/microsoft.graph.color", "description": "The new color."},
		"coats": obj{"type": []any{"integer", "null"}, "format": "int32", "minimum": float64(-2147483648), "maximum": float64(2147483647)},
		"notes": obj{"type": "array", "items": obj{"type": "string"}},
	}}, body)
	assert.Equal(t, "action", at(t, paths, "/products/{product-id}/paint", "post", "x-ms-docs-operation-type"))

	// A function: its arguments in the path (strings quoted), the others
	// in the query; a primitive result as OData writes it.
	fn := at(t, paths, "/products/{product-id}/priceOn(day={day},currency='{currency}')")
	assert.Equal(t, "date", at(t, fn, "parameters", 1, "schema", "format"))
	assert.Equal(t, "currency", at(t, fn, "parameters", 2, "name"))
	assert.Equal(t, obj{"name": "rounded", "in": "query", "schema": obj{"type": "boolean"}}, at(t, fn, "get", "parameters", 0))
	assert.Equal(t, obj{"type": "object", "properties": obj{"value": obj{"anyOf": []any{obj{"type": "number", "format": "double"},
		obj{"$ref": "#/components/schemas/ReferenceNumeric"}, obj{"type": "null"}}}}}, at(t, fn, "get", "responses", "2XX", "content", "application/json", "schema"))
	assert.Equal(t, obj{"type": "string"}, at(t, paths, "/products/{product-id}/listTags", "get", "responses", "2XX", "content", "application/json", "schema", "properties", "value", "items"))

	// $count, $ref.
	assert.Equal(t, obj{"$ref": "#/components/responses/ODataCountResponse"}, at(t, paths, "/products/$count", "get", "responses", "2XX"))
	ref := at(t, paths, "/products/{product-id}/maker/$ref")
	assert.Equal(t, []any{"@odata.id"}, at(t, ref, "put", "requestBody", "content", "application/json", "schema", "required"))
	assert.True(t, has(ref, "put", "responses", "204"))

	// What a path template cannot hold is left out, and said.
	assert.Contains(t, rep.LeftOut, "POST /makers/{id}/root:/{item-path}:/upload (ProductUpload): addresses a drive item by its path (:/path:), which a path template cannot")
	assert.Contains(t, rep.LeftOut, `POST /products/{id}/"; DROP/upload (ProductUpload): segment "\"; DROP" is not a name`)
	assert.Equal(t, 9, rep.Paths)
	assert.Equal(t, 12, rep.Operations)
	assert.Len(t, rep.Requests, 15, "every request written, merged ones too")
}

func TestPermissions(t *testing.T) {
	doc, _, _ := render(t, shop(t), Options{})
	list := at(t, doc, "paths", "/products", "get")
	assert.Equal(t, []any{obj{"azureaadv2": []any{"Shop.Read"}}, obj{"azureaadv2": []any{"Shop.ReadWrite"}}, obj{"azureaadv2": []any{"Shop.Read.All"}}},
		at(t, list, "security"), "any one scope will do")
	assert.Equal(t, obj{"delegatedWork": []any{"Shop.Read", "Shop.ReadWrite"}, "delegatedPersonal": []any{}, "application": []any{"Shop.Read.All"}},
		at(t, list, "x-permissions"))
	create := at(t, doc, "paths", "/products", "post")
	assert.Equal(t, []any{"Not supported."}, at(t, create, "x-permissions", "delegatedPersonal"), "as the page lists it")
	assert.Len(t, at(t, create, "security"), 1, "only what is a scope")
	assert.False(t, has(at(t, doc, "paths", "/products/{product-id}"), "get", "security"), "no permissions table, no security")
	flows := at(t, doc, "components", "securitySchemes", "azureaadv2", "flows")
	assert.Equal(t, obj{"Shop.Read": "", "Shop.ReadWrite": ""}, at(t, flows, "authorizationCode", "scopes"))
	assert.Equal(t, obj{"Shop.Read.All": ""}, at(t, flows, "clientCredentials", "scopes"))
}

// A subset (-types) names keys as the whole schema does, when given it.
func TestSubsetKeepsKeyNames(t *testing.T) {
	s := shop(t)
	sub, err := s.Subset([]string{"microsoft.graph.product"})
	require.NoError(t, err)
	require.Nil(t, sub.Lookup("microsoft.graph.maker"), "maker is no structural need of product")
	doc, _, _ := render(t, sub, Options{Whole: s})
	assert.True(t, has(at(t, doc, "paths"), "/makers/{maker-id}/products"))
	assert.Equal(t, obj{"description": "Who makes it.", "x-ms-navigationProperty": true},
		at(t, doc, "components", "schemas", "microsoft.graph.product", "allOf", 1, "properties", "maker"), "a type outside the subset: any value")
	doc, _, _ = render(t, sub, Options{})
	assert.True(t, has(at(t, doc, "paths"), "/makers/{makers-id}/products"), "without the whole schema: after the segment")
}

func TestDeterministic(t *testing.T) {
	_, _, a := render(t, shop(t), Options{Version: "beta"})
	_, _, b := render(t, shop(t), Options{Version: "beta"})
	assert.Equal(t, string(a), string(b))
	y1, _, err := Render(shop(t), Options{YAML: true})
	require.NoError(t, err)
	y2, _, err := Render(shop(t), Options{YAML: true})
	require.NoError(t, err)
	assert.Equal(t, string(y1), string(y2))
}

// kin-openapi loads the document, JSON or YAML, and finds no error; both
// are the same document.
func TestKinOpenAPIValidates(t *testing.T) {
	var loaded []*openapi3.T
	for _, yaml := range []bool{false, true} {
		out, _, err := Render(shop(t), Options{Version: "v1.0", YAML: yaml})
		require.NoError(t, err)
		doc, err := openapi3.NewLoader().LoadFromData(out)
		require.NoError(t, err, "yaml %v", yaml)
		assert.NoError(t, doc.Validate(context.Background(), openapi3.EnableMultiError()), "yaml %v", yaml)
		loaded = append(loaded, doc)
	}
	j, err := json.Marshal(loaded[0])
	require.NoError(t, err)
	y, err := json.Marshal(loaded[1])
	require.NoError(t, err)
	assert.JSONEq(t, string(j), string(y), "the YAML is the JSON's document")
}

// kin-openapi does find mistakes: the validation above is no formality.
func TestKinOpenAPIFindsMistakes(t *testing.T) {
	out, _, err := Render(shop(t), Options{})
	require.NoError(t, err)
	broken := strings.Replace(string(out), `"name": "product-id"`, `"name": "productId"`, 1)
	require.NotEqual(t, string(out), broken)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(broken))
	require.NoError(t, err)
	assert.Error(t, doc.Validate(context.Background()), "a path parameter its template does not name")
}

func TestYAMLStrings(t *testing.T) {
	for in, want := range map[string]string{
		"microsoft.graph.user": "microsoft.graph.user",
		"null":                 `"null"`,
		"Yes":                  `"Yes"`,
		"/users/{user-id}":     `"/users/{user-id}"`,
		"#microsoft.graph.x":   `"#microsoft.graph.x"`,
		"a: b":                 `"a: b"`,
		"line\nbreak\t\"q\"\\": `"line\nbreak\t\"q\"\\"`,
		"\x7f\u0085\u2028é":    `"\u007F\u0085\u2028é"`,
		"\xff":                 `"\uFFFD"`,
		"":                     `""`,
		"1.0":                  `"1.0"`,
	} {
		assert.Equal(t, want, yamlString(in), "%q", in)
	}
}

// The JSON writer writes what encoding/json writes, without HTML escapes.
func TestJSONAsEncodingJSON(t *testing.T) {
	doc, _, out := render(t, shop(t), Options{Version: "v1.0"})
	doc["x-text"] = "<b>&</b> \u2028 \x01 \"q\" \\ é \xff"
	doc["x-numbers"] = []any{0.5, 1e-7, 1e21, -2147483648.0, 12.0}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(doc))
	got, err := encodeJSON(doc)
	require.NoError(t, err)
	assert.Equal(t, want.String(), string(got))
	assert.NotEmpty(t, out)
}
