// Collection: the envelope a list response comes in, {"value": [...]}
// with its paging links.

package runtime

import (
	"errors"
	"fmt"
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
	// Object holds the envelope's other properties (@odata.context, ...).
	Object
}

// UnmarshalJSON reads a collection response; see DecodeError for values
// that do not fit T. The collection is emptied first, so a variable reused
// page after page never keeps the last page's NextLink.
func (c *Collection[T]) UnmarshalJSON(data []byte) error {
	*c = Collection[T]{}
	err := unmarshalObject(data, c)
	var de *DecodeError
	if err != nil && !errors.As(err, &de) {
		return err
	}
	if c.Value == nil && !IsNull(c, &c.Value) {
		if _, kept := c.AdditionalData()["value"]; !kept {
			return fmt.Errorf("decoding %T: the JSON has no \"value\" array: it is one object, not a collection; decode it into the element type", c)
		}
	}
	return err
}

// MarshalJSON writes the collection response.
func (c Collection[T]) MarshalJSON() ([]byte, error) {
	return marshalObject(&c)
}

// links are the page's paging links, for the client's lists.
func (c *Collection[T]) links() (next, delta *string) { return c.NextLink, c.DeltaLink }
