package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe to read while the watcher writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startWatch runs gen -watch in the background; it returns a channel that
// receives once per run, a function that interrupts it and waits for its
// exit code, and its output.
func startWatch(t *testing.T, onRun func(n int), args ...string) (<-chan int, func() int, *syncBuffer, *syncBuffer) {
	t.Helper()
	sig := make(chan os.Signal, 1)
	h := testHooks(t)
	h.watchSignals = func() (<-chan os.Signal, func()) { return sig, func() {} }
	runs := make(chan int, 100)
	n := 0
	h.watchRan = func() {
		n++
		if onRun != nil {
			onRun(n)
		}
		runs <- n
	}
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(h, append([]string{"-watch"}, args...), &stdout, &stderr) }()
	stop := func() int {
		sig <- os.Interrupt
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("-watch did not stop on an interrupt")
			return -1
		}
	}
	return runs, stop, &stdout, &stderr
}

// waitRun waits for the next run, at most 10 s.
func waitRun(t *testing.T, runs <-chan int) int {
	t.Helper()
	select {
	case n := <-runs:
		return n
	case <-time.After(10 * time.Second):
		t.Fatal("no run within 10 s")
		return 0
	}
}

// noRun asserts that no run starts within d.
func noRun(t *testing.T, runs <-chan int, d time.Duration) {
	t.Helper()
	select {
	case n := <-runs:
		t.Fatalf("unexpected run %d", n)
	case <-time.After(d):
	}
}

func TestWatchRegeneratesOnEdits(t *testing.T) {
	in, out := copyDocsInput(t)
	runs, stop, stdout, _ := startWatch(t, nil, "-in", in, "-out", out)
	waitRun(t, runs)
	require.FileExists(t, filepath.Join(out, "genre.go"))
	assert.Contains(t, stdout.String(), "gen: watching "+in)

	// A burst of saves is one run.
	for i := range 5 {
		editPage(t, filepath.Join(in, "genre.md"), []string{"| history | 2 |", "| poetry | 2 |", "| drama | 2 |", "| essays | 2 |", "| letters | 2 |"}[i],
			[]string{"| poetry | 2 |", "| drama | 2 |", "| essays | 2 |", "| letters | 2 |", "| travel | 2 |"}[i])
		time.Sleep(20 * time.Millisecond)
	}
	waitRun(t, runs)
	noRun(t, runs, 3*debounce)
	got, err := os.ReadFile(filepath.Join(out, "genre.go"))
	require.NoError(t, err)
	assert.Contains(t, string(got), `GenreTravel Genre = "travel"`)

	// A page in a new folder counts too.
	writeFile(t, filepath.Join(in, "more", "magazine.md"), "# magazine resource type\n\nNamespace: microsoft.graph\n\nA magazine.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| issue | Int32 | The issue. |\n")
	waitRun(t, runs)
	assert.FileExists(t, filepath.Join(out, "magazine.go"))

	assert.Equal(t, exitOK, stop(), "an interrupt stops it cleanly")
}

func TestWatchKeepsTheLastGoodOutput(t *testing.T) {
	in, out := copyDocsInput(t)
	// -strict with the warnings docs-input has ignored: a new warning is an
	// error, and a run with errors writes nothing.
	runs, stop, _, stderr := startWatch(t, nil, "-in", in, "-out", out, "-strict",
		"-ignore", "unknown-type,name-from-json,member-name-from-property")
	waitRun(t, runs)
	before := goFiles(t, out)
	editPage(t, filepath.Join(in, "book.md"), "| pageCount | Int32 | Number of pages. |", "| pageCount | Int64 |")
	waitRun(t, runs)
	assert.Contains(t, stderr.String(), "error: bad-table", "the errors are printed")
	assert.True(t, reflect.DeepEqual(before, goFiles(t, out)), "the last good output stays")
	editPage(t, filepath.Join(in, "book.md"), "| pageCount | Int64 |", "| pageCount | Int64 | Number of pages. |")
	waitRun(t, runs)
	got, _ := os.ReadFile(filepath.Join(out, "book.go"))
	assert.Contains(t, string(got), "PageCount *int64", "it keeps watching and writes again once fixed")
	assert.Equal(t, exitOK, stop())
}

func TestWatchRunsAgainForAnEditDuringARun(t *testing.T) {
	in, out := copyDocsInput(t)
	page := filepath.Join(in, "genre.md")
	// The edit lands while the first run is still finishing.
	runs, stop, _, _ := startWatch(t, func(n int) {
		if n == 1 {
			editPage(t, page, "| history | 2 |", "| poetry | 2 |")
		}
	}, "-in", in, "-out", out)
	waitRun(t, runs)
	waitRun(t, runs)
	got, _ := os.ReadFile(filepath.Join(out, "genre.go"))
	assert.Contains(t, string(got), `GenrePoetry Genre = "poetry"`)
	assert.Equal(t, exitOK, stop())
}

// waitFile waits, at most 20 s, until path holds want, or, with want
// empty, until path is gone.
func waitFile(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		b, err := os.ReadFile(path)
		if want == "" && os.IsNotExist(err) || want != "" && err == nil && strings.Contains(string(b), want) {
			return
		}
		if time.Now().After(deadline) {
			if want == "" {
				t.Fatalf("%s still there after 20 s", path)
			}
			t.Fatalf("%s does not hold %q after 20 s:\n%s", path, want, b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitOutput waits, at most 20 s, until out holds want.
func waitOutput(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q after 20 s in:\n%s", want, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// backupOf copies the folder in to a new folder beside it, as a user
// keeps a backup, and returns its path.
func backupOf(t *testing.T, in string) string {
	t.Helper()
	backup := filepath.Join(t.TempDir(), "backup")
	require.NoError(t, os.CopyFS(backup, os.DirFS(in)))
	return backup
}

func TestWatchFollowsInReplaced(t *testing.T) {
	in, out := copyDocsInput(t)
	backup := backupOf(t, in)
	editPage(t, filepath.Join(backup, "genre.md"), "| history | 2 |", "| poetry | 2 |")
	runs, stop, _, _ := startWatch(t, nil, "-in", in, "-out", out)
	waitRun(t, runs)

	// rm -rf in; cp -r backup in
	require.NoError(t, os.RemoveAll(in))
	require.NoError(t, os.CopyFS(in, os.DirFS(backup)))
	waitFile(t, filepath.Join(out, "genre.go"), `GenrePoetry Genre = "poetry"`)

	// The new folder is watched: an edit in it regenerates too.
	editPage(t, filepath.Join(in, "genre.md"), "| poetry | 2 |", "| drama | 2 |")
	waitFile(t, filepath.Join(out, "genre.go"), `GenreDrama Genre = "drama"`)
	assert.Equal(t, exitOK, stop())
}

func TestWatchWaitsForInToComeBack(t *testing.T) {
	in, out := copyDocsInput(t)
	backup := backupOf(t, in)
	editPage(t, filepath.Join(backup, "genre.md"), "| history | 2 |", "| poetry | 2 |")
	writeFile(t, filepath.Join(backup, "more", "magazine.md"), "# magazine resource type\n\nNamespace: microsoft.graph\n\nA magazine.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| issue | Int32 | The issue. |\n")
	runs, stop, _, stderr := startWatch(t, nil, "-in", in, "-out", out)
	waitRun(t, runs)

	require.NoError(t, os.RemoveAll(in))
	waitOutput(t, stderr, "gen: -watch: "+in+" is gone; waiting for it to come back")
	require.FileExists(t, filepath.Join(out, "genre.go"), "the last output stays while -in is gone")

	// Back, with a changed page and a subfolder: both are read and watched.
	require.NoError(t, os.CopyFS(in, os.DirFS(backup)))
	waitFile(t, filepath.Join(out, "genre.go"), `GenrePoetry Genre = "poetry"`)
	waitFile(t, filepath.Join(out, "magazine.go"), "Issue *int32")
	editPage(t, filepath.Join(in, "more", "magazine.md"), "| issue | Int32 |", "| issue | Int64 |")
	waitFile(t, filepath.Join(out, "magazine.go"), "Issue *int64")
	assert.Equal(t, 1, strings.Count(stderr.String(), "is gone"), "said once")
	assert.Equal(t, exitOK, stop())
}

func TestWatchFollowsASubfolderReplaced(t *testing.T) {
	in, out := copyDocsInput(t)
	sub := filepath.Join(in, "more")
	writeFile(t, filepath.Join(sub, "magazine.md"), "# magazine resource type\n\nNamespace: microsoft.graph\n\nA magazine.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| issue | Int32 | The issue. |\n")
	backup := backupOf(t, sub)
	editPage(t, filepath.Join(backup, "magazine.md"), "| issue | Int32 |", "| issue | Int64 |")
	runs, stop, _, _ := startWatch(t, nil, "-in", in, "-out", out)
	waitRun(t, runs)
	require.FileExists(t, filepath.Join(out, "magazine.go"))

	require.NoError(t, os.RemoveAll(sub))
	waitFile(t, filepath.Join(out, "magazine.go"), "")
	require.NoError(t, os.CopyFS(sub, os.DirFS(backup)))
	waitFile(t, filepath.Join(out, "magazine.go"), "Issue *int64")
	editPage(t, filepath.Join(sub, "magazine.md"), "| issue | Int64 |", "| issue | String |")
	waitFile(t, filepath.Join(out, "magazine.go"), "Issue *string")
	assert.Equal(t, exitOK, stop())
}
