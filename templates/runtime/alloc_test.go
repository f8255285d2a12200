//go:build !race

// The race detector's sync.Pool drops items at random, so allocation
// counts are only checked without it.

package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A generated MarshalJSON has a value receiver (so that json.Marshal of a
// value calls it) and passes its address to marshalObject: that copy must
// not escape to the heap. The one allocation is the result.
func TestMarshalJSONAllocatesOnlyItsResult(t *testing.T) {
	v := Item{Entity: Entity{ID: Ptr("a")}, Name: Ptr("n"), Parts: []Part{{Label: Ptr("p")}}}
	_, _ = v.MarshalJSON() // plans built, the encoder pooled
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _, _ = v.MarshalJSON() }))
	c := Collection[Item]{Value: []Item{v, v}}
	_, _ = c.MarshalJSON()
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _, _ = c.MarshalJSON() }))
}
