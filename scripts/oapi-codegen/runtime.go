// Package oapicodegen pins oapi-codegen (a tool of this module, run by the
// tests of cmd/gen that feed it gen's OpenAPI document) and the runtime
// the code it generates imports, apart from the generator's own module:
// the generator's binary links neither.
package oapicodegen

import _ "github.com/oapi-codegen/runtime" // the generated client's; kept by go mod tidy
