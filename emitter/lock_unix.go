//go:build unix

package emitter

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockWait is how long a run waits for another run on the same folder.
var lockWait = 30 * time.Second

// lockDir takes an exclusive advisory lock on the folder itself (no lock
// file is left behind), waiting up to lockWait for another run to finish.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if err != syscall.EWOULDBLOCK || time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s is locked by another gen run (waited %s): %w", dir, lockWait, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
