// Running a pass over many independent items on every core.

package schema

import "github.com/docgen/graphgen/diag"

// minChunk is the most items a pass runs in its own goroutine: below it,
// starting workers costs more than the work.
var minChunk = 64 // a variable for tests: 1 runs every pass in parallel

// parallel calls fn(i) for every i in [0, n), on all cores (diag.Parallel),
// each index once, and returns when all calls have. Calls must not depend
// on one another. A panic in a call is raised again in the caller as the
// *diag.InternalError that names where it happened, which the run's guard
// reports as it would a panic of a sequential pass.
func parallel(n int, fn func(i int)) {
	if n <= minChunk {
		for i := range n {
			fn(i)
		}
		return
	}
	if err := diag.Parallel("resolve", n, func(i int) error { fn(i); return nil }); err != nil {
		panic(err)
	}
}
