// Running a pass over many independent items on every core.

package schema

import (
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/docgen/graphgen/diag"
)

// minChunk is the fewest items a worker takes: below it, starting a
// goroutine costs more than the work.
var minChunk = 64 // a variable for tests: 1 runs every pass in parallel

// parallel calls fn(i) for every i in [0, n), on all cores, each index
// once, and returns when all calls have. Calls must not depend on one
// another. A panic in a call is raised again in the caller, as a
// *diag.Panic with the call's stack, so the run's guard reports where it
// happened as it would for a sequential pass.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+minChunk-1)/minChunk)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	for w := range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = &diag.Panic{Value: p, Stack: debug.Stack()} })
				}
			}()
			// Interleaved, not in halves: the costly items (big types)
			// cluster in name order.
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
