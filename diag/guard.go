// Containing panics: a failure inside a stage becomes an error that names
// the stage, never a crash of the run.

package diag

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
)

// InternalError is a panic caught inside a stage: a bug in gen.
type InternalError struct {
	Stage string // parse, resolve, render, write, ...
	Value any    // what the stage panicked with
	Where string // the function that panicked, from the stack
}

func (e *InternalError) Error() string {
	msg := fmt.Sprintf("%s failed: %v", e.Stage, e.Value)
	if e.Where != "" {
		msg += " (in " + e.Where + ")"
	}
	return msg + "; this is a bug in gen, please report it with this line"
}

// Guard runs fn and turns a panic inside it into an *InternalError. A
// panic with an *InternalError (a stage raising its workers' failure, see
// Parallel) comes back as it is: it already names where it happened.
func Guard(stage string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if ie, ok := r.(*InternalError); ok {
				err = ie
				return
			}
			err = &InternalError{Stage: stage, Value: r, Where: panicSite(debug.Stack())}
		}
	}()
	return fn()
}

// panicSite picks the first function in a panic's stack that is gen's
// own, below the runtime's and this package's frames.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	past := false
	for _, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			past = true
			continue
		}
		if past && strings.HasPrefix(l, "github.com/docgen/graphgen/") && !strings.HasPrefix(l, "github.com/docgen/graphgen/diag.") {
			if i := strings.LastIndexByte(l, '('); i > 0 {
				l = l[:i]
			}
			return strings.TrimPrefix(l, "github.com/docgen/graphgen/")
		}
	}
	return ""
}

// Parallel runs fn(i) for i in [0, n) on all cores, each call guarded as
// stage, and returns the first error in index order. One worker per core
// takes the next index as it finishes one: a goroutine per item would cost
// more than a stat or a map look-up, the work of many items.
func Parallel(stage string, n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = Guard(stage, func() error { return fn(i) })
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
