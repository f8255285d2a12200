// What the generated registry.go declares in a generated package, declared
// empty here so that the runtime builds, vets and tests as a package of its
// own. The emitter never copies this file.

package runtime

import "reflect"

// registry maps each struct type's @odata.type to its base and type.
var registry = map[string]registration{}

// interfaces maps each interface of a type with derived types to that
// type's @odata.type.
var interfaces = map[reflect.Type]string{}

// operations lists the documented operations, sorted by GoName.
var operations []OperationSpec
