// The collector's pace: a run holds its page models and schema for a
// second or less, so collecting while the heap is small only traces them
// again and again.

package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// heapFloor is the memory a run may grow to before the collector runs: a
// full run of the largest corpus folder (localized-ru-2023 beta) peaks at
// 73 MB with it, against 81 MB at the default pace.
const heapFloor = 64 << 20

// pacing is set while paceCollector's limit follows the live heap.
var pacing atomic.Bool

// paceCollector lets the heap grow to the larger of heapFloor and twice
// what was live after the last collection, where the default pace
// (GOGC=100) collects each time the heap doubles: a full run collects half
// as often, a rerun once or twice instead of five times. Past the floor,
// that is the default pace again, so a larger input never leaves the
// collector running without pause. GOGC or GOMEMLIMIT in the environment
// wins. It reports whether it took over.
func paceCollector() bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	pacing.Store(true)
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(heapFloor)
	followLiveHeap()
	return true
}

// followLiveHeap sets the limit again after every collection: a finalizer
// runs once per cycle and arms the next.
func followLiveHeap() {
	sentinel := new([16]byte) // big enough not to share a tiny allocation
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if !pacing.Load() {
			return
		}
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		var live uint64
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetMemoryLimit(heapLimit(live))
		followLiveHeap()
	})
}

// heapLimit is the memory limit for a live heap of this size.
func heapLimit(live uint64) int64 {
	return max(heapFloor, 2*int64(min(live, 1<<40)))
}
