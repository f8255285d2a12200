package runtime

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const everyKind = `{
  "@odata.type": "#test.item",
  "id": "i1", "name": "Widget \u00e9\n\"q\"", "tags": ["a", "b"], "size": 42, "small": -7, "big": 9007199254740993,
  "byte": 255, "signed": -128, "ratio": 0.25, "single": 1.5, "price": 12.50, "done": true,
  "when": "2020-05-01T10:20:30.1234567Z", "day": "2020-05-01", "at": "10:20:30.0000000", "period": "PT1H30M",
  "blob": "aGVsbG8=", "raw": {"any": [1, 2, {"x": null}]}, "color": "red", "colors": ["red", "blue"],
  "main": {"label": "m", "count": 1}, "parts": [{"label": "p0"}, null, {"label": "p2"}],
  "child": {"@odata.type": "#test.special", "name": "kid", "level": 3},
  "children": [{"name": "base"}, {"name": "later key", "@odata.type": "#test.special", "level": 1}, null, {"@odata.type": "#test.future", "name": "new", "rpm": 33}],
  "related": {"id": "r"}, "numbers": [1, 2, 3], "nested": {"k": 1},
  "unknownProperty": {"kept": [true]}, "@odata.etag": "W/\"1\""
}`

func TestDecodeEveryKind(t *testing.T) {
	var v Item
	require.NoError(t, json.Unmarshal([]byte(everyKind), &v))
	assert.Equal(t, "i1", *v.ID)
	assert.Equal(t, "Widget é\n\"q\"", *v.Name)
	assert.Equal(t, []string{"a", "b"}, v.Tags)
	assert.Equal(t, int32(42), *v.Size)
	assert.Equal(t, int16(-7), *v.Small)
	assert.Equal(t, int64(9007199254740993), *v.Big, "integers are not read through float64")
	assert.Equal(t, uint8(255), *v.Byte)
	assert.Equal(t, int8(-128), *v.Signed)
	assert.Equal(t, 0.25, *v.Ratio)
	assert.Equal(t, float32(1.5), *v.Single)
	assert.Equal(t, json.Number("12.50"), *v.Price)
	assert.True(t, *v.Done)
	assert.Equal(t, time.Date(2020, 5, 1, 10, 20, 30, 123456700, time.UTC), *v.When)
	assert.Equal(t, Date{2020, 5, 1}, *v.Day)
	assert.Equal(t, TimeOfDay{Hour: 10, Minute: 20, Second: 30}, *v.At)
	assert.Equal(t, 90*time.Minute, v.Period.Duration)
	assert.Equal(t, []byte("hello"), v.Blob)
	assert.JSONEq(t, `{"any":[1,2,{"x":null}]}`, string(v.Raw))
	assert.Equal(t, `{"any":[1,2,{"x":null}]}`, string(v.Raw), "compacted")
	assert.Equal(t, ColorRed, *v.Color)
	assert.Equal(t, []Color{"red", "blue"}, v.Colors, "unknown members are kept")
	assert.Equal(t, "m", *v.Main.Label)
	require.Len(t, v.Parts, 3)
	assert.Equal(t, "p2", *v.Parts[2].Label)
	kid, ok := v.Child.(*Special)
	require.True(t, ok, "%T", v.Child)
	assert.Equal(t, int32(3), *kid.Level)
	require.Len(t, v.Children, 4)
	assert.IsType(t, &Item{}, v.Children[0])
	assert.IsType(t, &Special{}, v.Children[1], "@odata.type after other keys")
	assert.Nil(t, v.Children[2])
	future, ok := v.Children[3].(*Item)
	require.True(t, ok, "an unknown derived type decodes as the declared base")
	assert.Equal(t, "#test.future", future.ODataType(), "and says the type it came with")
	_, known := New(future.ODataType())
	assert.False(t, known)
	assert.Equal(t, "33", string(future.AdditionalData()["rpm"]))
	assert.Equal(t, "r", *v.Related.ID)
	assert.Equal(t, []int32{1, 2, 3}, v.Numbers)
	assert.Equal(t, map[string]int64{"k": 1}, v.Nested)
	assert.Equal(t, `{"kept":[true]}`, string(v.AdditionalData()["unknownProperty"]))
	assert.Equal(t, `"W/\"1\""`, string(v.AdditionalData()["@odata.etag"]))
	assert.Equal(t, "#test.item", v.ODataType())
}

// Decode, encode, decode: the same value, and the encoding is stable.
func TestRoundTripIsLossless(t *testing.T) {
	var v Item
	require.NoError(t, json.Unmarshal([]byte(everyKind), &v))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var again Item
	require.NoError(t, json.Unmarshal(b, &again))
	assert.Equal(t, v, again)
	b2, err := Marshal(&again)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	assert.JSONEq(t, `[{"label":"p0"},null,{"label":"p2"}]`, extract(t, b, "parts"), "a null element stays null")
	assert.Contains(t, string(b), `"children":[{"name":"base"},{"@odata.type":"#test.special","name":"later key","level":1},null,{"@odata.type":"#test.future","name":"new","rpm":33}]`)
}

func extract(t *testing.T, doc []byte, key string) string {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc, &m))
	return string(m[key])
}

// The cases: a value of the wrong kind is kept as it came, the
// rest decodes, every mismatch is listed with its path, wanted kind and
// offset, and the round trip gives back the same JSON.
func TestMismatchesAreKeptAndListed(t *testing.T) {
	doc := `{"name":"A","size":"five","tags":"one string","small":70000,"ratio":"NaN","when":"datetime-value",` +
		`"parts":[{"label":"ok"},{"count":1.5}],"children":[{"name":"x","size":[1]}],"blob":"!!","color":7,"main":"not an object","numbers":[1,"2"],"done":"yes"}`
	var v Item
	decodeErr := json.Unmarshal([]byte(doc), &v)
	var de *DecodeError
	require.ErrorAs(t, decodeErr, &de)
	got := map[string]Mismatch{}
	for _, m := range de.Mismatches {
		got[m.Path] = m
	}
	// Each mismatch, what was wanted, and the text its offset points at.
	for path, want := range map[string][2]string{
		"size": {"integer", `"five"`}, "tags": {"array of string", `"one string"`}, "small": {"integer", "70000"},
		"ratio": {"number", `"NaN"`}, "when": {"RFC 3339 timestamp string", `"datetime-value"`},
		"parts[1].count": {"integer", "1.5}"}, "children[0].size": {"integer", "[1]}"}, "blob": {"base64 string", `"!!"`},
		"color": {"string", "7,"}, "main": {"object", `"not an object"`}, "numbers[1]": {"integer", `"2"]`}, "done": {"boolean", `"yes"`},
	} {
		m, ok := got[path]
		if assert.True(t, ok, "a mismatch at %s in %v", path, de.Mismatches) {
			assert.Equal(t, want[0], m.Want, path)
			assert.True(t, strings.HasPrefix(doc[m.Offset:], want[1]), "offset of %s points at %q", path, doc[m.Offset:])
		}
	}
	assert.Len(t, de.Mismatches, 12)
	assert.Equal(t, `string "five"`, got["size"].Got)
	assert.Equal(t, "array", got["children[0].size"].Got)
	// The rest decoded.
	assert.Equal(t, "A", *v.Name)
	assert.Equal(t, "ok", *v.Parts[0].Label, "the parts that fit")
	assert.Equal(t, "x", *v.Children[0].AsItem().Name)
	// Kept as it came, where AdditionalData shows it, and written back.
	assert.Equal(t, `"five"`, string(v.AdditionalData()["size"]))
	assert.Equal(t, `[1,"2"]`, string(v.AdditionalData()["numbers"]))
	assert.Nil(t, v.Size)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, doc, string(b), "lossless")
	// The error reads well.
	assert.Contains(t, decodeErr.Error(), "decoding runtime.Item: 12 values did not fit the documented type (kept as they came): ")
	assert.Contains(t, decodeErr.Error(), `size (offset 19): want integer, got string "five"`)
}

// encoding/json would have filled Surname; so does the codec.
func TestDecodingKeepsGoingAfterAMismatch(t *testing.T) {
	var v Item
	err := json.Unmarshal([]byte(`{"name":"A","size":"x","tags":["B"]}`), &v)
	require.Error(t, err)
	assert.Equal(t, "A", *v.Name)
	assert.Equal(t, []string{"B"}, v.Tags)
}

func TestSyntaxErrorsAreEncodingJSONs(t *testing.T) {
	for _, doc := range []string{`{"name":}`, `{"name":"a"`, `{"name":"a",}`, `{"tags":[1,]}`, `{"raw":tru}`, "{\"name\":\"a\x01\"}", `{"name":"\q"}`, `[`, `{"name":"a"} x`} {
		var v Item
		err := unmarshalObject([]byte(doc), &v)
		var plain any
		want := json.Unmarshal([]byte(doc), &plain)
		var se *json.SyntaxError
		require.ErrorAs(t, err, &se, doc)
		assert.Equal(t, want.Error(), err.Error(), doc)
	}
}

func TestNullLeavesTheValueAndMarksFields(t *testing.T) {
	v := Item{Name: Ptr("kept")}
	require.NoError(t, json.Unmarshal([]byte(`null`), &v))
	assert.Equal(t, "kept", *v.Name)
	require.NoError(t, json.Unmarshal([]byte(`{"name":null,"size":1}`), &v))
	assert.Nil(t, v.Name)
	assert.True(t, IsNull(&v, &v.Name))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"name":null,"size":1}`, string(b))
	require.NoError(t, json.Unmarshal([]byte(`{"name":"back"}`), &v))
	assert.False(t, IsNull(&v, &v.Name), "a value clears the null")
}

func TestCollections(t *testing.T) {
	var users Collection[Item]
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.context":"ctx","@odata.nextLink":"next","@odata.count":2,"value":[{"name":"a"},{"name":"b"}]}`), &users))
	assert.Equal(t, "b", *users.Value[1].Name)
	assert.Equal(t, "next", *users.NextLink)
	assert.Equal(t, int64(2), *users.Count)
	assert.Equal(t, `"ctx"`, string(users.AdditionalData()["@odata.context"]))
	b, err := json.Marshal(users)
	require.NoError(t, err)
	assert.JSONEq(t, `{"@odata.context":"ctx","@odata.nextLink":"next","@odata.count":2,"value":[{"name":"a"},{"name":"b"}]}`, string(b))

	var items Collection[AnyItem]
	require.NoError(t, json.Unmarshal([]byte(`{"value":[{"@odata.type":"#test.special","level":2},{"name":"plain"}]}`), &items))
	assert.IsType(t, &Special{}, items.Value[0])
	assert.IsType(t, &Item{}, items.Value[1])

	var words Collection[string]
	require.NoError(t, json.Unmarshal([]byte(`{"value":["a","b"]}`), &words))
	assert.Equal(t, []string{"a", "b"}, words.Value)

	var empty Collection[Item]
	require.NoError(t, json.Unmarshal([]byte(`{"value":[]}`), &empty))
	assert.NotNil(t, empty.Value)

	err = json.Unmarshal([]byte(`{"name":"one object"}`), &users)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a collection")
	var one Item
	err = json.Unmarshal([]byte(`{"@odata.context":"ctx","value":[{"name":"a"}]}`), &one)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "decode it into Collection")

	var bad Collection[Item]
	err = json.Unmarshal([]byte(`{"value":[{"size":"x"}]}`), &bad)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "value[0].size", de.Mismatches[0].Path)

}

func TestUnmarshalByODataType(t *testing.T) {
	v, err := Unmarshal([]byte(`{"level":1,"@odata.type":"#test.special"}`))
	require.NoError(t, err)
	assert.Equal(t, int32(1), *v.(*Special).Level)
	_, err = Unmarshal([]byte(`{"level":1}`))
	assert.ErrorContains(t, err, "no @odata.type")
	_, err = Unmarshal([]byte(`{"@odata.type":"#test.nothing"}`))
	assert.ErrorContains(t, err, "names no type")
	v, err = Unmarshal([]byte(`{"@odata.type":"test.item","size":"x"}`))
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.IsType(t, &Item{}, v, "a mismatch still returns the value")
	_, err = Unmarshal([]byte(`{"@odata.type":"#test.item"`))
	var se *json.SyntaxError
	assert.ErrorAs(t, err, &se)
	_, err = Unmarshal([]byte(`[1]`))
	assert.ErrorContains(t, err, "not a JSON object")
}

func TestODataTypeIsTheWiresType(t *testing.T) {
	var e Entity
	assert.Equal(t, "#test.entity", e.ODataType())
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.type":"#test.entity.v2"}`), &e))
	assert.Equal(t, "#test.entity.v2", e.ODataType())
}

func TestDeepNestingIsRefused(t *testing.T) {
	doc := `{"raw":` + strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1) + `}`
	var v Item
	assert.Error(t, unmarshalObject([]byte(doc), &v))
	var ok Item
	assert.NoError(t, unmarshalObject([]byte(`{"raw":`+strings.Repeat("[", 100)+strings.Repeat("]", 100)+`}`), &ok))
}

// A DecodeError reaches the caller through encoding/json, with the
// generated struct complete; encoding/json then stops decoding the rest of
// a struct of its own, so responses belong in generated types and lists in
// a Collection, which goes on past an element with a mismatch.
func TestErrorsAsThroughEncodingJSON(t *testing.T) {
	var holder struct {
		Item  Item
		After string
	}
	err := json.Unmarshal([]byte(`{"Item":{"size":"x","name":"n"},"After":"filled"}`), &holder)
	var de *DecodeError
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "n", *holder.Item.Name, "the generated struct is complete")
	assert.Empty(t, holder.After, "encoding/json itself stops at the error: decode into generated types and Collection")

	var list Collection[Item]
	err = json.Unmarshal([]byte(`{"value":[{"size":"x"},{"name":"fine"}]}`), &list)
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "fine", *list.Value[1].Name)
}

// Edm.Binary reads base64 as encoding/json writes it, and base64url, which
// OData's JSON format names: "-_" where base64 has "+/".
func TestDecodeBinaryBase64AndBase64URL(t *testing.T) {
	for _, in := range []string{`{"blob":"+/8="}`, `{"blob":"-_8="}`} {
		var v Item
		require.NoError(t, json.Unmarshal([]byte(in), &v), in)
		assert.Equal(t, []byte{0xfb, 0xff}, v.Blob, in)
	}
	var v Item
	var de *DecodeError
	require.ErrorAs(t, json.Unmarshal([]byte(`{"blob":"Binary"}`), &v), &de, "a placeholder is no base64")
}
