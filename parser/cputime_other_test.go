//go:build !unix

// The process's CPU time, where the system does not tell it: benchmarks
// report the wall time only.

package parser

import "time"

// cpuTime returns false: the CPU time is not known here.
func cpuTime() (time.Duration, bool) { return 0, false }
