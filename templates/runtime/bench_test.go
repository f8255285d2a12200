package runtime

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A list of flat items, the shape of most list responses, against the
// same fields in a plain struct through encoding/json.
var benchList = []byte(`{"value":[` + strings.TrimSuffix(strings.Repeat(`{"id":"a1b2c3","name":"Widget with a longer name","tags":["a","b","c"],"size":42,"big":9007199254740993,"ratio":0.25,"done":true,"when":"2020-05-01T10:20:30Z","color":"red","main":{"label":"m","count":1},"parts":[{"label":"p0"},{"label":"p1"}]},`, 100), ",") + `]}`)

type plainPart struct {
	Label *string `json:"label,omitempty"`
	Count *int32  `json:"count,omitempty"`
}

type plainListItem struct {
	ID    *string     `json:"id,omitempty"`
	Name  *string     `json:"name,omitempty"`
	Tags  []string    `json:"tags,omitempty"`
	Size  *int32      `json:"size,omitempty"`
	Big   *int64      `json:"big,omitempty"`
	Ratio *float64    `json:"ratio,omitempty"`
	Done  *bool       `json:"done,omitempty"`
	When  *time.Time  `json:"when,omitempty"`
	Color *Color      `json:"color,omitempty"`
	Main  *plainPart  `json:"main,omitempty"`
	Parts []plainPart `json:"parts,omitempty"`
}

func BenchmarkDecodeList(b *testing.B) {
	b.Run("codec", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchList)))
		for b.Loop() {
			var v Collection[Item]
			if err := json.Unmarshal(benchList, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchList)))
		for b.Loop() {
			var v struct{ Value []plainListItem }
			if err := json.Unmarshal(benchList, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkEncodeList(b *testing.B) {
	var v Collection[Item]
	json.Unmarshal(benchList, &v)
	var p struct {
		Value []plainListItem `json:"value"`
	}
	json.Unmarshal(benchList, &p)
	b.Run("codec", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
