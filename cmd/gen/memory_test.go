package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stopPacing puts the test process's collector back to the default pace.
func stopPacing() {
	pacing.Store(false)
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
}

func TestHeapLimit(t *testing.T) {
	assert.Equal(t, int64(heapFloor), heapLimit(0))
	assert.Equal(t, int64(heapFloor), heapLimit(heapFloor/2))
	assert.Equal(t, int64(3*heapFloor), heapLimit(3*heapFloor/2), "past the floor, twice the live heap")
}

func TestPaceCollectorYieldsToTheEnvironment(t *testing.T) {
	t.Setenv("GOGC", "150")
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	assert.False(t, paceCollector())
	assert.Equal(t, 150, debug.SetGCPercent(150), "GOGC left as set")
}

// A live heap above the floor raises the limit after the next
// collection: the collector never runs back to back on a large input.
func TestPaceCollectorFollowsTheLiveHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer stopPacing()
	require.True(t, paceCollector())
	assert.Equal(t, -1, debug.SetGCPercent(-1), "collection by the limit alone")
	assert.Equal(t, int64(heapFloor), debug.SetMemoryLimit(-1))

	live := make([]byte, 2*heapFloor) // held below, past the floor
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < 4*heapFloor && time.Now().Before(deadline) {
		runtime.GC() // the finalizer runs after a cycle, on its own goroutine
		time.Sleep(10 * time.Millisecond)
	}
	assert.GreaterOrEqual(t, debug.SetMemoryLimit(-1), int64(4*heapFloor), "twice the live heap")
	runtime.KeepAlive(live)
}
