// Collection: the envelope a list response comes in, {"value": [...]}
// with its paging links.

package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// Collection is a collection response: {"@odata.nextLink": ...,
// "value": [...]}. T is the element's Go type: a struct (Collection[User]),
// a type's interface, whose elements are decoded into the types their
// @odata.type names (Collection[AnyAttachment]), or a primitive
// (Collection[string]).
//
// Decoding a single object into a Collection fails, as decoding a
// collection into a single struct does: each names the other.
type Collection[T any] struct {
	Value     []T     `json:"value"`
	Count     *int64  `json:"@odata.count,omitempty"`     // the number of items in all pages, when $count=true asked for it
	NextLink  *string `json:"@odata.nextLink,omitempty"`  // the next page's URL; nil on the last page
	DeltaLink *string `json:"@odata.deltaLink,omitempty"` // the URL of the next delta query, on a delta's last page
	// envelope holds the envelope's other properties (@odata.context,
	// ...). It is a named field, not an embedded Object: Object's four
	// methods would be promoted, and every promoted method is compiled
	// twice per item type (BENCHMARKS.md, issue 32).
	envelope Object
}

// AdditionalData returns a copy of the envelope's properties that are not
// fields (@odata.context, ...), as raw JSON.
func (c *Collection[T]) AdditionalData() map[string]json.RawMessage {
	return additionalData(c.envelope.state)
}

// UnmarshalJSON reads a collection response; see DecodeError for values
// that do not fit T. The collection is emptied first, so a variable reused
// page after page never keeps the last page's NextLink.
func (c *Collection[T]) UnmarshalJSON(data []byte) error {
	return unmarshalCollection(data, c)
}

// MarshalJSON writes the collection response.
func (c Collection[T]) MarshalJSON() ([]byte, error) {
	return marshalObject(&c)
}

// unmarshalCollection is UnmarshalJSON for c, a *Collection[T]: the
// methods only call it, so each instantiation of Collection costs the
// compiler little (BENCHMARKS.md). Collection has only the methods its
// documented use needs (UnmarshalJSON, MarshalJSON, AdditionalData):
// each one is a function per item type and one per item type's shape.
func unmarshalCollection(data []byte, c any) error {
	rv := reflect.ValueOf(c).Elem()
	rv.SetZero()
	err := unmarshalObject(data, c)
	var de *DecodeError
	if err != nil && !errors.As(err, &de) {
		return err
	}
	value := rv.FieldByName("Value")
	if value.IsNil() {
		name, _, obj, perr := propertyOf(c, value.Addr().Interface())
		if perr != nil {
			return perr
		}
		null := obj.state != nil && obj.state.nulls[name]
		if _, kept := additionalData(obj.state)["value"]; !null && !kept {
			return fmt.Errorf("decoding %s: the JSON has no \"value\" array: it is one object, not a collection; decode it into the element type", reflect.TypeOf(c))
		}
	}
	return err
}
