// gen -watch: regenerate whenever a page under -in changes.

package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce gathers a burst of saves (an editor writes, renames, touches)
// into one run.
const debounce = 200 * time.Millisecond

// pollGone is how often -watch looks for -in again while it is gone.
const pollGone = 500 * time.Millisecond

// watch runs gen, then again after every burst of changes to the pages
// under -in, until interrupted (exit 0). A run with errors prints them and
// leaves the last good output in place; an edit during a run brings
// another run after it. When -in itself goes (deleted, or moved away), the
// watch says so once and looks for it every pollGone; when a folder is
// there again, its whole tree is watched anew and a run follows.
func watch(o options, h hooks, stdout, stderr io.Writer) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(stderr, "gen: -watch: %v\n", err)
		return exitError
	}
	defer w.Close()
	root := filepath.Clean(o.in)
	if err := watchTree(w, root); err != nil {
		fmt.Fprintf(stderr, "gen: -watch: %v\n", err)
		return exitError
	}
	// The overrides file is watched too, through its folder (editors
	// replace a file by renaming another onto it), and read again before
	// each run after the first: a run with mistakes in it keeps the last
	// output.
	var ovFile, ovDir string
	if o.ovr.path != "" {
		ovFile = filepath.Clean(o.ovr.path)
		ovDir = filepath.Dir(ovFile)
		w.Add(ovDir)
	}
	rewatchAll := func() {
		rewatch(w, root)
		if ovDir != "" {
			w.Add(ovDir)
		}
	}
	stop, release := h.watchSignals()
	defer release()
	first := true
	runOnce := func() {
		if !first && o.ovr.path != "" {
			if o.ovr.load("gen", stderr, o.diagnostics == "json") >= 0 {
				fmt.Fprintf(stderr, "gen: -watch: %s cannot be used; the last output is kept\n", o.ovr.path)
				if h.watchRan != nil {
					h.watchRan()
				}
				return
			}
		}
		first = false
		generate(o, h, stdout, stderr)
		if !o.quiet {
			fmt.Fprintf(stdout, "gen: watching %s for changes (interrupt to stop)\n", o.in)
		}
		// Signalled after the run's output is whole: a test reading it
		// once the run is signalled sees the watching line too.
		if h.watchRan != nil {
			h.watchRan()
		}
	}
	var timer, poll <-chan time.Time
	var ticker *time.Ticker
	defer func() {
		if ticker != nil {
			ticker.Stop()
		}
	}()
	lost := false // -in itself was removed or moved: its watches are stale
	// gone starts looking for -in every pollGone, saying so once.
	gone := func() {
		lost = true
		if ticker == nil {
			fmt.Fprintf(stderr, "gen: -watch: %s is gone; waiting for it to come back\n", o.in)
			ticker = time.NewTicker(pollGone)
			poll = ticker.C
		}
	}
	runOnce()
	if !isFolder(root) {
		gone() // not there yet: the run said why
	}
	for {
		select {
		case ev, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			if name := filepath.Clean(ev.Name); ovFile != "" && name == ovFile {
				timer = time.After(debounce)
				continue
			} else if ovFile != "" && filepath.Dir(name) == ovDir && !under(root, name) {
				continue // another file beside the overrides file
			}
			if filepath.Clean(ev.Name) == root && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) {
				lost = true
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
			if lost {
				// Removed, or moved away, and maybe back already (rm -rf
				// in; cp -r backup in): the folder there now is a new one.
				rewatchAll()
				lost = false
			}
			if !isFolder(root) {
				gone()
				continue
			}
			runOnce()
		case <-poll:
			if !isFolder(root) {
				continue
			}
			ticker.Stop()
			ticker, poll = nil, nil
			rewatchAll()
			lost = false
			// Let a copy under way finish: its events (now watched) push
			// the run back further.
			timer = time.After(debounce)
		case <-stop:
			return exitOK
		}
	}
}

// under reports whether name is root or lies under it.
func under(root, name string) bool {
	rel, err := filepath.Rel(root, name)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// isFolder reports whether dir is a folder now.
func isFolder(dir string) bool {
	info, err := os.Stat(dir)
	return err == nil && info.IsDir()
}

// rewatch drops every watch (those under a removed or moved -in watch
// what is no longer there, or something elsewhere now) and watches root
// and every folder under it again.
func rewatch(w *fsnotify.Watcher, root string) {
	for _, p := range w.WatchList() {
		w.Remove(p)
	}
	watchTree(w, root)
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
