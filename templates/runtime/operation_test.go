package runtime

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValueReadsOnePrimitiveResult(t *testing.T) {
	var b Value[bool]
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean","value":true}`), &b))
	assert.True(t, b.Value)
	assert.Contains(t, b.AdditionalData(), "@odata.context", "the envelope's other properties are kept")

	out, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean","value":true}`, string(out))

	var s Value[string]
	err = json.Unmarshal([]byte(`{"value":12}`), &s)
	var de *DecodeError
	require.True(t, errors.As(err, &de), "a value that does not fit T is a DecodeError: %v", err)
	assert.Equal(t, json.RawMessage(`12`), s.AdditionalData()["value"], "and is kept as raw JSON")

	s.Value = "stale"
	require.NoError(t, json.Unmarshal([]byte(`{}`), &s))
	assert.Equal(t, "", s.Value, "decoding empties the value first")
}

func TestOperationTable(t *testing.T) {
	saved := operations
	defer func() { operations = saved }()
	operations = []OperationSpec{
		{GoName: "ItemList", Kind: "list", Envelope: "Collection", result: (*Item)(nil)},
		{GoName: "ItemPing", Kind: "action", body: (*Part)(nil), binding: (*Item)(nil), Envelope: "Value", result: (*bool)(nil)},
		{GoName: "ItemRemove", Kind: "delete"},
	}
	op, ok := LookupOperation("ItemPing")
	require.True(t, ok)
	assert.Equal(t, reflect.TypeFor[Part](), op.BodyType())
	assert.Equal(t, reflect.TypeFor[Item](), op.BindingType())
	assert.Equal(t, reflect.TypeFor[bool](), op.ResultType())

	op, ok = LookupOperation("ItemList")
	require.True(t, ok)
	assert.Equal(t, reflect.TypeFor[Item](), op.ResultType())
	assert.Nil(t, op.BodyType())

	op, ok = LookupOperation("ItemRemove")
	require.True(t, ok)
	assert.Nil(t, op.ResultType(), "nothing returned")
	_, ok = LookupOperation("ItemPin")
	assert.False(t, ok)

	all := Operations()
	all[0].GoName = "changed"
	assert.Equal(t, "ItemList", operations[0].GoName, "Operations returns a copy")
}
