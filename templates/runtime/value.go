// Value: the envelope one primitive or enum result comes in, {"value": x}.

package runtime

// Value is the response of a function or action that returns one
// primitive or enum value, as the service sends it:
// {"@odata.context": ..., "value": true}. T is the value's Go type
// (Value[bool], Value[string]).
type Value[T any] struct {
	Value T `json:"value"`
	// Object holds the envelope's other properties (@odata.context, ...).
	Object
}

// UnmarshalJSON reads the response; see DecodeError for a value that does
// not fit T. The value is emptied first.
func (v *Value[T]) UnmarshalJSON(data []byte) error {
	*v = Value[T]{}
	return unmarshalObject(data, v)
}

// MarshalJSON writes the response.
func (v Value[T]) MarshalJSON() ([]byte, error) {
	return marshalObject(&v)
}
