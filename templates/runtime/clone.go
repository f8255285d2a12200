// Clone: a deep copy of a generated struct, by the same plans as the
// codec. Every generated struct's Clone method calls deepen on a copy of
// itself.

package runtime

import (
	"bytes"
	"reflect"
)

// maxCloneDepth bounds the nesting Clone follows: values decoded from JSON
// never come near it, and only a value that holds itself (a.Manager = &a)
// reaches it.
const maxCloneDepth = 10000

// deepen replaces, in the generated struct v points to (a shallow copy of
// the value cloned), every pointer, slice and interface by a copy of what
// it points to, all the way down. The Object state is shared: it is never
// changed in place.
func deepen(v any) {
	rv := reflect.ValueOf(v).Elem()
	deepenStruct(planFor(rv.Type()), rv, 0)
}

func deepenStruct(plan *structPlan, v reflect.Value, depth int) {
	if depth > maxCloneDepth {
		panic("Clone: the value holds itself (a cycle of pointers); it has no finite deep copy")
	}
	for i := range plan.fields {
		f := &plan.fields[i]
		deepenValue(f.codec, v.FieldByIndex(f.index), depth+1)
	}
}

func deepenValue(c *codec, v reflect.Value, depth int) {
	switch c.kind {
	case kindPtr:
		if v.IsNil() {
			return
		}
		p := reflect.New(c.elem.typ)
		p.Elem().Set(v.Elem())
		deepenValue(c.elem, p.Elem(), depth+1)
		v.Set(p)
	case kindSlice:
		if v.IsNil() {
			return
		}
		s := reflect.MakeSlice(c.typ, v.Len(), v.Len())
		reflect.Copy(s, v)
		for i := 0; i < s.Len(); i++ {
			deepenValue(c.elem, s.Index(i), depth+1)
		}
		v.Set(s)
	case kindBytes, kindRaw:
		if !v.IsNil() {
			v.SetBytes(bytes.Clone(v.Bytes()))
		}
	case kindStruct:
		deepenStruct(c.structPlanOf(), v, depth)
	case kindIface:
		if v.IsNil() {
			return
		}
		p := v.Elem()
		q := reflect.New(p.Type().Elem())
		q.Elem().Set(p.Elem())
		deepenStruct(planFor(q.Type().Elem()), q.Elem(), depth+1)
		v.Set(q)
	}
}
