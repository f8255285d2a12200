// Object: what every generated struct carries besides its documented
// properties (additional data, explicit nulls, the @odata.type it was
// decoded with), and the functions that name a property by a pointer to
// its field (SetNull, IsNull, ClearNull).

package runtime

import (
	"encoding/json"
	"fmt"
	"reflect"
	"unsafe"
)

// Object is embedded in every generated struct that has no base type (and
// so, through the base, in all of them). It holds what a struct carries
// besides its documented properties:
//
//   - additional data: properties the documentation does not know yet, and
//     documented properties whose value did not fit the documented type
//     (the service and its docs disagree), kept as raw JSON so that they
//     survive a decode/encode round trip (AdditionalData,
//     SetAdditionalData);
//   - explicit nulls: a property decoded as null, or set with SetNull, is
//     encoded as null (a PATCH that clears it), distinct from leaving it
//     out (IsNull, ClearNull); a property that holds a value is never
//     encoded as null, and decoding a value clears its null;
//   - the @odata.type the value was decoded with, written back on encode
//     and returned by ODataType.
//
// Its state is never changed in place, only replaced, so Clone can share
// it; a plain copy (cp := orig) shares the fields' pointers and slices, so
// use Clone for an independent copy.
type Object struct {
	state *objectState
}

type objectState struct {
	additional map[string]json.RawMessage
	nulls      map[string]bool // wire names
	odataType  string
	null       bool // decoded from a null element of a collection
}

// editState returns a copy of o's state to change and put back with
// o.state =.
func editState(o *Object) *objectState {
	next := &objectState{additional: map[string]json.RawMessage{}, nulls: map[string]bool{}}
	if o.state != nil {
		for k, v := range o.state.additional {
			next.additional[k] = v
		}
		for k := range o.state.nulls {
			next.nulls[k] = true
		}
		next.odataType = o.state.odataType
	}
	return next
}

// The methods of Object reach every generated struct through embedding,
// and the compiler writes a wrapper per struct and method: each is one
// call to a function that is never inlined, so that thousands of wrappers
// stay small (a method body inlined into each cost the en-2020-05/beta
// package half again its build memory).

// AdditionalData returns the properties the documentation does not know,
// and documented properties whose value did not fit their type (kept
// here, as the service sent them, instead of in their field), as raw JSON
// by name: a copy, so changing it changes nothing here.
func (o *Object) AdditionalData() map[string]json.RawMessage { return additionalData(o.state) }

// SetAdditionalData sets a property the documentation does not know to raw
// JSON (json.RawMessage("null") for an explicit null), or removes it when
// value is nil. A documented property's name is written only while its
// field holds no value.
func (o *Object) SetAdditionalData(name string, value json.RawMessage) {
	setAdditionalData(o, name, value)
}

//go:noinline
func additionalData(st *objectState) map[string]json.RawMessage {
	if st == nil || len(st.additional) == 0 {
		return nil
	}
	out := make(map[string]json.RawMessage, len(st.additional))
	for k, v := range st.additional {
		out[k] = append(json.RawMessage(nil), v...)
	}
	return out
}

//go:noinline
func setAdditionalData(o *Object, name string, value json.RawMessage) {
	next := editState(o)
	if value == nil {
		delete(next.additional, name)
	} else {
		next.additional[name] = append(json.RawMessage(nil), value...)
	}
	o.state = next
}

func (o *Object) object() *Object { return o }

// odataTypeOr is the @odata.type o's struct was decoded with, or own (the
// struct type's) when it was decoded with none.
//
//go:noinline
func (o *Object) odataTypeOr(own string) string {
	if o.state != nil && o.state.odataType != "" {
		return o.state.odataType
	}
	return own
}

// SetNull makes a property of v encode as an explicit null, and clears its
// value: field is a pointer to the property's field in v (SetNull(u,
// &u.JobTitle)), so the compiler checks the name. It fails, changing
// nothing, when field is not a property field of v.
func SetNull[T any](v *T, field any) error {
	name, f, obj, err := propertyOf(v, field)
	if err != nil {
		return err
	}
	next := editState(obj)
	next.nulls[name] = true
	delete(next.additional, name) // a value kept as it came is cleared too
	obj.state = next
	f.SetZero()
	return nil
}

// IsNull reports whether a property of v was decoded as, or set to, null and
// holds no value since.
func IsNull[T any](v *T, field any) bool {
	name, f, obj, err := propertyOf(v, field)
	return err == nil && obj.state != nil && obj.state.nulls[name] && isEmpty(f)
}

// ClearNull undoes SetNull (or a decoded null): the property is left out
// unless it gets a value.
func ClearNull[T any](v *T, field any) error {
	name, _, obj, err := propertyOf(v, field)
	if err != nil || obj.state == nil || !obj.state.nulls[name] {
		return err
	}
	next := editState(obj)
	delete(next.nulls, name)
	obj.state = next
	return nil
}

// propertyOf finds the property field that field points to in the struct v
// points to: its wire name, the field and v's Object.
func propertyOf(v any, field any) (string, reflect.Value, *Object, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return "", reflect.Value{}, nil, fmt.Errorf("not a pointer to a generated struct: %T", v)
	}
	rv = rv.Elem()
	plan := planFor(rv.Type())
	if plan.object == nil {
		return "", reflect.Value{}, nil, fmt.Errorf("%s is not a generated struct", rv.Type())
	}
	fp := reflect.ValueOf(field)
	if fp.Kind() == reflect.Pointer && !fp.IsNil() {
		for i := range plan.fields {
			f := &plan.fields[i]
			fv := rv.FieldByIndex(f.index)
			if fv.Addr().Pointer() == fp.Pointer() && fv.Addr().Type() == fp.Type() {
				return f.name, fv, objectOf(rv, plan), nil
			}
		}
	}
	return "", reflect.Value{}, nil, fmt.Errorf("%T is not a pointer to a property field of this %s", field, rv.Type())
}

// objectOf is the Object of a generated struct value (addressable): by
// offset, as Collection's is an unexported field.
func objectOf(rv reflect.Value, plan *structPlan) *Object {
	return objectAt(rv.Addr().UnsafePointer(), plan)
}

// objectAt is the Object of the generated struct p points to.
func objectAt(p unsafe.Pointer, plan *structPlan) *Object {
	return (*Object)(unsafe.Add(p, plan.objectOffset))
}

// Ptr returns a pointer to a copy of v, for the pointer fields of
// generated structs: u.JobTitle = Ptr("Engineer"), e.Importance =
// Ptr(ImportanceHigh).
func Ptr[T any](v T) *T { return &v }
