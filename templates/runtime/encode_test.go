package runtime

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainItem is Item's fields as a plain struct: what encoding/json writes
// for it is what the codec must write, byte for byte.
type plainItem struct {
	ID     *string          `json:"id,omitempty"`
	Name   *string          `json:"name,omitempty"`
	Tags   []string         `json:"tags,omitempty"`
	Size   *int32           `json:"size,omitempty"`
	Small  *int16           `json:"small,omitempty"`
	Big    *int64           `json:"big,omitempty"`
	Byte   *uint8           `json:"byte,omitempty"`
	Signed *int8            `json:"signed,omitempty"`
	Ratio  *float64         `json:"ratio,omitempty"`
	Single *float32         `json:"single,omitempty"`
	Price  *json.Number     `json:"price,omitempty"`
	Done   *bool            `json:"done,omitempty"`
	When   *time.Time       `json:"when,omitempty"`
	Day    *Date            `json:"day,omitempty"`
	At     *TimeOfDay       `json:"at,omitempty"`
	Period *Duration        `json:"period,omitempty"`
	Blob   []byte           `json:"blob,omitempty"`
	Raw    json.RawMessage  `json:"raw,omitempty"`
	Color  *Color           `json:"color,omitempty"`
	Colors []Color          `json:"colors,omitempty"`
	Nested map[string]int64 `json:"nested,omitempty"`
}

func TestEncodingMatchesEncodingJSON(t *testing.T) {
	when := time.Date(2020, 5, 1, 10, 20, 30, 123456700, time.FixedZone("x", 3600))
	p := plainItem{
		ID: Ptr("<id> & \u2028 \x01 \xff"), Name: Ptr("\b\f\n\r\t\"\\é😀"), Tags: []string{"t"}, Size: Ptr(int32(-5)),
		Small: Ptr(int16(3)), Big: Ptr(int64(math.MaxInt64)), Byte: Ptr(uint8(7)), Signed: Ptr(int8(-1)),
		Ratio: Ptr(1e-7), Single: Ptr(float32(3.4e21)), Price: Ptr(json.Number("1.50")), Done: Ptr(false), When: &when,
		Day: &Date{2020, 1, 2}, At: &TimeOfDay{1, 2, 3, 400}, Period: &Duration{Duration: 90 * time.Second},
		Blob: []byte{0, 1, 2, 250}, Raw: json.RawMessage(" { \"a\" : [ 1 , 2 ] } "), Color: Ptr(ColorGreen),
		Colors: []Color{"x<y"}, Nested: map[string]int64{"b": 2, "a": 1},
	}
	want, err := json.Marshal(p)
	require.NoError(t, err)
	v := Item{Entity: Entity{ID: p.ID}, Name: p.Name, Tags: p.Tags, Size: p.Size, Small: p.Small, Big: p.Big, Byte: p.Byte,
		Signed: p.Signed, Ratio: p.Ratio, Single: p.Single, Price: p.Price, Done: p.Done, When: p.When, Day: p.Day, At: p.At,
		Period: p.Period, Blob: p.Blob, Raw: p.Raw, Color: p.Color, Colors: p.Colors, Nested: p.Nested}
	got, err := v.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	viaJSON, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(viaJSON), "json.Marshal's second pass changes nothing")
	// Where the codec differs on purpose: an empty slice that is not nil
	// clears a collection, so it is written.
	b, err := json.Marshal(Item{Tags: []string{}})
	require.NoError(t, err)
	assert.Equal(t, `{"tags":[]}`, string(b))
}

func FuzzStringsEncodeAsEncodingJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "<>&", "\u2028\u2029", "\x00\x1f\x7f", "\xff\xfe", "é😀", `"\`} {
		f.Add(s, 1.5)
	}
	f.Fuzz(func(t *testing.T, s string, x float64) {
		want, _ := json.Marshal(s)
		assert.Equal(t, string(want), string(appendString(nil, s)))
		wantF, errF := json.Marshal(x)
		gotF, err := appendFloat(nil, x, 64)
		if errF != nil {
			assert.Error(t, err)
			return
		}
		assert.Equal(t, string(wantF), string(gotF))
		want32, _ := json.Marshal(float32(x))
		got32, err := appendFloat(nil, float64(float32(x)), 32)
		if err == nil {
			assert.Equal(t, string(want32), string(got32))
		}
	})
}

// The scanner agrees with encoding/json on what is JSON, and reads
// strings as it does.
func FuzzScannerAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,-0,"x\u00e9\ud83d\ude00"],"b":{"c":null}}`, `[`, `"\ud800"`, `1.`, `-`, `{"a" 1}`, `[1,]`, "\"\xff\"", `"\u12"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := scanner{data: data}
		_, err := s.skip()
		if err == nil && !s.atEnd() {
			err = errSyntax
		}
		assert.Equal(t, json.Valid(data), err == nil, "%q", data)
		if json.Valid(data) && len(data) > 0 {
			s := scanner{data: data}
			if s.skipSpace() == '"' {
				b, err := s.stringBytes()
				require.NoError(t, err)
				var want string
				require.NoError(t, json.Unmarshal(data, &want))
				assert.Equal(t, want, string(b))
			}
		}
	})
}

// Decoding what the codec wrote, of any JSON, never panics, and a round
// trip of what decoded gives back the same value.
func FuzzDecodeRoundTrip(f *testing.F) {
	f.Add([]byte(everyKind))
	f.Add([]byte(`{"size":"x","children":[{"@odata.type":"#test.special","level":"y"}],"parts":[null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v Item
		err := json.Unmarshal(data, &v)
		var de *DecodeError
		if err != nil && !errors.As(err, &de) {
			return // not JSON, or not an object
		}
		b, err := json.Marshal(v)
		if err != nil {
			return // a value encoding/json cannot write either (a time past year 9999)
		}
		var again Item
		_ = json.Unmarshal(b, &again)
		b2, err := json.Marshal(again)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}

// Plans are built once however many goroutines ask (run with -race).
func TestPlansAreSafeToBuildConcurrently(t *testing.T) {
	type fresh struct {
		Object
		Self *fresh  `json:"self,omitempty"`
		Many []fresh `json:"many,omitempty"`
		N    *int32  `json:"n,omitempty"`
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var v fresh
			assert.NoError(t, unmarshalObject([]byte(`{"self":{"n":1,"many":[{"n":2}]}}`), &v))
			assert.Equal(t, int32(2), *v.Self.Many[0].N)
		})
	}
	wg.Wait()
	assert.Same(t, codecFor(reflect.TypeFor[*fresh]()).elem, codecFor(reflect.TypeFor[fresh]()))
}

func TestEncodingErrors(t *testing.T) {
	_, err := json.Marshal(Item{Ratio: Ptr(math.Inf(1))})
	assert.Error(t, err)
	_, err = json.Marshal(Item{Raw: json.RawMessage(`{bad`)})
	assert.ErrorContains(t, err, "invalid raw JSON")
	_, err = json.Marshal(Item{Price: Ptr(json.Number("1e"))})
	assert.ErrorContains(t, err, "invalid number")
	b, err := json.Marshal(Item{Price: Ptr(json.Number(""))})
	require.NoError(t, err)
	assert.Equal(t, `{"price":0}`, string(b))
	_, err = json.Marshal(Item{When: Ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))})
	assert.Error(t, err)
}

func TestAdditionalDataAndNullsEncode(t *testing.T) {
	var v Item
	v.SetAdditionalData("zeta", json.RawMessage(`[1, 2]`))
	v.SetAdditionalData("alpha", json.RawMessage(`true`))
	require.NoError(t, SetNull(&v, &v.Size))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"size":null,"alpha":true,"zeta":[1,2]}`, string(b))
	assert.Error(t, SetNull(&v, new(int32)), "not a field of v")
	assert.True(t, strings.Contains(string(b), `"size":null`))
}

// Times are written as time.Time's MarshalJSON writes them, and refused
// where it refuses them.
func TestTimesEncodeAsEncodingJSON(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2020, 1, 1, 0, 0, 0, 5, time.FixedZone("a", 5*3600+30*60)),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("b", -3600)),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("c", 25*3600)),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("d", 3600+7)),
		{},
	} {
		want, wantErr := json.Marshal(tm)
		got, err := appendTime(nil, tm)
		if assert.Equal(t, wantErr == nil, err == nil, "%v", tm) && err == nil {
			assert.Equal(t, string(want), string(got))
		}
	}
}

// marshalObject hides the receiver's copy from escape analysis (noescape),
// so the struct stays on the stack of the goroutine that encodes it while
// the encoder reads it, and that stack grows (moves) under the encoder as
// it goes down a deep value, and the collector runs meanwhile: every copy
// must still be written as the value is.
func TestMarshalJSONWhileStacksMove(t *testing.T) {
	var deep AnyItem
	for i := range 300 {
		it := Item{Name: Ptr(strings.Repeat("n", i%7)), Parts: []Part{{Label: Ptr("p")}, {Count: Ptr(int32(i))}},
			Nested: map[string]int64{"i": int64(i)}, Day: &Date{2020, 1, 2}, Colors: []Color{ColorRed}}
		if i%2 == 0 {
			it.Child = deep
			deep = &it
		} else {
			it.Children = []AnyItem{deep, &Item{Size: Ptr(int32(1))}}
			deep = &Special{Item: it, Level: Ptr(int32(i))}
		}
	}
	top := Item{Entity: Entity{ID: Ptr("top")}, Child: deep, Nested: map[string]int64{"top": 1}, Raw: json.RawMessage(`[1]`)}
	top.SetAdditionalData("extra", json.RawMessage(`{"a":1}`))
	want, err := Marshal(&top)
	require.NoError(t, err)
	stop := make(chan struct{})
	var gc sync.WaitGroup
	gc.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			// Each goroutine starts at a different depth, on a small stack.
			var down func(n int) []byte
			down = func(n int) []byte {
				if n > 0 {
					return down(n - 1)
				}
				local := top // the struct MarshalJSON copies, on this stack
				b, err := local.MarshalJSON()
				assert.NoError(t, err)
				return b
			}
			for i := range 20 {
				if got := down(g*7 + i); string(got) != string(want) {
					t.Errorf("goroutine %d, run %d: the encoding changed (%d bytes, want %d)", g, i, len(got), len(want))
					return
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	gc.Wait()
}
