// gen -watch: regenerate whenever a page under -in changes.

package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce gathers a burst of saves (an editor writes, renames, touches)
// into one run.
const debounce = 200 * time.Millisecond

// watchSignals delivers the interrupt that stops -watch; tests replace it.
var watchSignals = func() (<-chan os.Signal, func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	return ch, func() { signal.Stop(ch) }
}

// watchRuns counts the runs of -watch, for tests.
var watchRuns func()

// watch runs gen, then again after every burst of changes to the pages
// under -in, until interrupted (exit 0). A run with errors prints them and
// leaves the last good output in place; an edit during a run brings
// another run after it.
func watch(o options, stdout, stderr io.Writer) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(stderr, "gen: -watch: %v\n", err)
		return exitError
	}
	defer w.Close()
	if err := watchTree(w, o.in); err != nil {
		fmt.Fprintf(stderr, "gen: -watch: %v\n", err)
		return exitError
	}
	stop, release := watchSignals()
	defer release()
	runOnce := func() {
		generate(o, stdout, stderr)
		if watchRuns != nil {
			watchRuns()
		}
		if !o.quiet {
			fmt.Fprintf(stdout, "gen: watching %s for changes (interrupt to stop)\n", o.in)
		}
	}
	runOnce()
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					watchTree(w, ev.Name) // a new folder: its pages count too
				}
			}
			if relevant(ev.Name) {
				timer = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return exitOK
			}
			fmt.Fprintf(stderr, "gen: -watch: %v\n", err)
		case <-timer:
			timer = nil
			runOnce()
		case <-stop:
			return exitOK
		}
	}
}

// relevant reports a change that can change the output: a page, or a
// folder (which may hold pages).
func relevant(name string) bool {
	if strings.HasSuffix(strings.ToLower(name), ".md") {
		return true
	}
	info, err := os.Stat(name)
	return err != nil || info.IsDir() // gone: it may have been a folder of pages
}

// watchTree watches dir and every folder under it.
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}
