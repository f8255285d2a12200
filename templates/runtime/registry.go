// The types by @odata.type: decoding a JSON object into the type it names
// (Unmarshal, New), the derivation chain, and each struct type's own
// @odata.type. The generated registry.go fills registry and interfaces.

package runtime

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// registration describes one generated struct type for polymorphic
// decoding.
type registration struct {
	base string       // the base type's @odata.type, "" for none
	typ  reflect.Type // the struct type
}

// Unmarshal decodes a JSON object into the type its @odata.type names and
// returns a pointer to it (for example *User). It fails when the object has
// no @odata.type or names a type this package does not know: there is no
// declared type to fall back on. Values that do not fit their documented
// types are kept, and listed in a *DecodeError, as json.Unmarshal does.
func Unmarshal(data []byte) (any, error) {
	var out reflect.Value
	err := document(data, reflect.TypeFor[any](), func(d *decoder) error {
		if d.skipSpace() != '{' {
			if _, err := d.skip(); err != nil {
				return err
			}
			return errors.New("Unmarshal: not a JSON object")
		}
		name, err := d.peekODataType()
		if err != nil {
			return err
		}
		if name == "" {
			return errors.New("Unmarshal: the object has no @odata.type; decode it into its Go type instead")
		}
		reg, ok := registry[normalizeType(name)]
		if !ok {
			return fmt.Errorf("Unmarshal: @odata.type %q names no type of this package", name)
		}
		out = reflect.New(reg.typ)
		return d.object(planFor(reg.typ), out.Elem())
	})
	if !out.IsValid() {
		return nil, err
	}
	return out.Interface(), err
}

// New returns a pointer to a new value of the struct type an @odata.type
// names ("#microsoft.graph.user" or "microsoft.graph.user"), to decode
// JSON that does not say its type into the type it is declared as. Its
// second result tells a type this package knows from one it does not:
// New(v.ODataType()) answers false for a value decoded from a type newer
// than the docs.
func New(odataType string) (any, bool) {
	reg, ok := registry[normalizeType(odataType)]
	if !ok {
		return nil, false
	}
	return reflect.New(reg.typ).Interface(), true
}

// normalizeType writes an @odata.type as the registry keys it:
// "#microsoft.graph.user" (the '#' is optional on the wire).
func normalizeType(t string) string {
	if !strings.HasPrefix(t, "#") {
		t = "#" + t
	}
	return t
}

// internType returns the registry's copy of an @odata.type read from the
// wire, so that values decoded with one share it; a name the registry
// does not know is copied.
func internType(b []byte) string {
	if k, ok := registryKeys()[string(b)]; ok {
		return k
	}
	return string(b)
}

// registryKeys is the registry's keys by themselves, for internType.
var registryKeys = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(registry))
	for k := range registry {
		m[k] = k
	}
	return m
})

// derivesFrom reports whether the type named t is base or derives from it.
func derivesFrom(t, base string) bool {
	for seen := 0; t != "" && seen < 64; seen++ {
		if t == base {
			return true
		}
		t = registry[t].base
	}
	return false
}

// typeNames is each struct type's own @odata.type.
var typeNames = sync.OnceValue(func() map[reflect.Type]string {
	m := make(map[reflect.Type]string, len(registry))
	for name, reg := range registry {
		m[reg.typ] = name
	}
	return m
})

// typeNameOf is the @odata.type of a generated struct type ("" for none).
func typeNameOf(t reflect.Type) string { return typeNames()[t] }
