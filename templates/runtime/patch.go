// PatchBody: the body of a PATCH from a value as read and the same value
// changed.

package runtime

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"unsafe"
)

// PatchBody returns the JSON object a PATCH needs to turn before into
// after, two values of a generated struct (after is usually
// before.Clone(), then changed):
//
//   - a property whose value in after differs from before's is sent;
//   - null is sent only for a property that is explicitly null in after
//     (SetNull) and was not null in before;
//   - a nil pointer, slice or map in after is not part of the change, so a
//     fresh struct with one field set sends that field alone;
//   - an empty slice that is not nil is sent as [] (it clears a
//     collection);
//   - complex values and collections are sent whole, as the service
//     replaces them whole; navigation properties are never sent; new or
//     changed additional data is.
func PatchBody[T any](before, after *T) ([]byte, error) {
	if before == nil || after == nil {
		return nil, errors.New("PatchBody: before and after must not be nil")
	}
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct || planFor(t).object == nil {
		return nil, fmt.Errorf("PatchBody: %s is not a generated struct", t)
	}
	plan := planFor(t)
	bp, ap := unsafe.Pointer(before), unsafe.Pointer(after)
	bst, ast := objectAt(bp, plan).state, objectAt(ap, plan).state
	body := encoder{buf: []byte{'{'}}
	n := 0
	send := func(key, value []byte) {
		body.buf = appendSep(body.buf, &n)
		body.buf = append(append(body.buf, key...), value...)
	}
	for i := range plan.fields {
		f := &plan.fields[i]
		if f.navigation {
			continue
		}
		now, err := fieldJSON(f, ap, ast)
		if err != nil {
			return nil, err
		}
		if now == nil {
			continue // not part of the change
		}
		was, err := fieldJSON(f, bp, bst)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(was, now) {
			send(f.key, now)
		}
	}
	if ast != nil {
		for _, k := range additionalKeys(ast, plan) {
			now := ast.additional[k]
			if bst != nil {
				if was, ok := bst.additional[k]; ok && bytes.Equal(was, now) {
					continue
				}
			}
			key := appendString(nil, k)
			var value encoder
			if err := value.raw(now); err != nil {
				return nil, err
			}
			send(append(key, ':'), value.buf)
		}
	}
	return append(body.buf, '}'), nil
}

// fieldJSON is what a property of a generated struct is on the wire: its
// value, null when it is explicitly null, a value kept as it came, or nil
// when it is left out.
func fieldJSON(f *fieldPlan, p unsafe.Pointer, st *objectState) ([]byte, error) {
	fp := unsafe.Add(p, f.offset)
	if !emptyAt(f.codec, fp) {
		var e encoder
		if err := e.value(f.codec, fp); err != nil {
			return nil, err
		}
		return e.buf, nil
	}
	if st == nil {
		return nil, nil
	}
	if st.nulls[f.name] {
		return []byte("null"), nil
	}
	if raw, ok := st.additional[f.name]; ok {
		return raw, nil
	}
	return nil, nil
}
