package diag

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParallelCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000} {
		calls := make([]atomic.Int32, n)
		require.NoError(t, Parallel("test", n, func(i int) error { calls[i].Add(1); return nil }))
		for i := range calls {
			require.Equal(t, int32(1), calls[i].Load(), "n=%d, index %d", n, i)
		}
	}
}

// The first error in index order comes back, whatever order the workers
// met them in; a panic is an error of its own item, and the other items
// still run.
func TestParallelReturnsTheFirstErrorByIndex(t *testing.T) {
	var ran atomic.Int32
	err := Parallel("render", 500, func(i int) error {
		ran.Add(1)
		switch i {
		case 120:
			panic("item 120")
		case 300, 499:
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	var ie *InternalError
	require.True(t, errors.As(err, &ie), "got %v", err)
	assert.Equal(t, "render", ie.Stage)
	assert.Equal(t, "item 120", ie.Value)
	assert.Equal(t, int32(500), ran.Load())

	err = Parallel("render", 500, func(i int) error {
		if i == 300 || i == 499 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	assert.EqualError(t, err, "item 300")
}
