//go:build unix

// The process's CPU time (user and system, every thread: the collector's
// too), for benchmarks that report it beside the wall time, which a
// shared machine makes noisy.

package parser

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, and true.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
