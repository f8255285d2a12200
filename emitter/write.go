package emitter

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WriteResult says what a write did, file by file.
type WriteResult struct {
	Written   []string // added or changed
	Unchanged []string // already held exactly this content: not touched
	Removed   []string // generated files for types that are gone
}

// headerLine is how every file we generate starts.
var headerLine = []byte("// " + Header)

// IsGenerated reports whether content starts with our generated header:
// only such files are ever overwritten or removed.
func IsGenerated(content []byte) bool {
	return bytes.HasPrefix(content, headerLine) &&
		(len(content) == len(headerLine) || content[len(headerLine)] == '\n' || content[len(headerLine)] == '\r')
}

// Plan compares files with what dir holds: which files would be written,
// left alone and removed. It fails, touching nothing, when a file to be
// written exists without our header (a hand-written file is never
// overwritten).
func Plan(dir string, files []File) (WriteResult, error) {
	var res WriteResult
	want := map[string]bool{}
	var conflicts []string
	for _, f := range files {
		want[f.Name] = true
		if st, err := os.Lstat(filepath.Join(dir, f.Name)); err == nil && !st.Mode().IsRegular() {
			conflicts = append(conflicts, f.Name)
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, f.Name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			res.Written = append(res.Written, f.Name)
		case err != nil:
			return res, err
		case bytes.Equal(old, f.Content):
			res.Unchanged = append(res.Unchanged, f.Name)
		case !IsGenerated(old):
			conflicts = append(conflicts, f.Name)
		default:
			res.Written = append(res.Written, f.Name)
		}
	}
	if len(conflicts) > 0 {
		return res, fmt.Errorf("%s: would overwrite %s, which %s not files gen wrote (no %q header); move or rename %s",
			dir, strings.Join(conflicts, ", "), plural(len(conflicts), "is", "are"), "// "+Header, plural(len(conflicts), "it", "them"))
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || want[name] || !e.Type().IsRegular() {
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return res, err
		}
		if IsGenerated(old) {
			res.Removed = append(res.Removed, name)
		}
	}
	sort.Strings(res.Written)
	sort.Strings(res.Unchanged)
	sort.Strings(res.Removed)
	return res, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Write brings dir to hold exactly files (plus any files that are not
// ours). Files whose content is unchanged are not touched, so their
// modification times stay. The write is all or nothing as far as the
// filesystem allows: every new file is first written in full to a
// temporary name, and only when all are staged are they renamed into
// place; a failure while staging removes the temporary files and leaves the
// folder as it was. Concurrent runs on one folder are serialised by a lock
// (see lockDir).
func Write(dir string, files []File) (WriteResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return WriteResult{}, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return WriteResult{}, err
	}
	defer unlock()
	res, err := Plan(dir, files)
	if err != nil {
		return res, err
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	staged := map[string]string{} // final name -> temporary path
	cleanup := func() {
		for _, tmp := range staged {
			os.Remove(tmp)
		}
	}
	for _, name := range res.Written {
		tmp, err := stage(dir, byName[name])
		if err != nil {
			cleanup()
			return res, fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
		}
		staged[name] = tmp
	}
	for _, name := range res.Written {
		if err := os.Rename(staged[name], filepath.Join(dir, name)); err != nil {
			cleanup()
			return res, fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
		}
		delete(staged, name)
	}
	for _, name := range res.Removed {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, err
		}
	}
	return res, nil
}

// createTemp is os.CreateTemp; tests replace it to inject disk failures.
var createTemp = os.CreateTemp

// stage writes content to a new temporary file in dir and returns its path.
func stage(dir string, content []byte) (string, error) {
	tmp, err := createTemp(dir, ".gen-*.tmp")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	_, err = tmp.Write(content)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
