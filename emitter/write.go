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
	// Temporary holds the temporary files a killed run left (named as gen
	// names them and holding generated code, see IsStrayTemp): a write
	// removes them.
	Temporary []string

	// Stamps and Entries are what Write left, taken before it let go of
	// the folder's lock, so that no later run's files pass for its own:
	// Stamps holds the file info (Lstat) of every file it wrote or found
	// unchanged by comparing (not of those the caller said were in place:
	// it knows them), Entries the folder's listing.
	Stamps  map[string]fs.FileInfo
	Entries []fs.DirEntry
}

// headerLine is how every file we generate starts.
var headerLine = []byte("// " + Header)

// IsGenerated reports whether content starts with our generated header:
// only such files are ever overwritten or removed.
func IsGenerated(content []byte) bool {
	return bytes.HasPrefix(content, headerLine) &&
		(len(content) == len(headerLine) || content[len(headerLine)] == '\n' || content[len(headerLine)] == '\r')
}

// planWrite compares files with what dir holds: which files would be written,
// left alone and removed. It fails, touching nothing, when a file to be
// written exists without our header (a hand-written file is never
// overwritten) or is not a regular file. The folder is listed once; only
// files that exist are read.
func planWrite(dir string, files []File) (WriteResult, error) {
	var res WriteResult
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	existing := make(map[string]fs.DirEntry, len(entries))
	for _, e := range entries {
		existing[e.Name()] = e
	}
	want := make(map[string]bool, len(files))
	var conflicts []string
	for _, f := range files {
		want[f.Name] = true
		if f.InPlace() {
			res.Unchanged = append(res.Unchanged, f.Name)
			continue
		}
		e, ok := existing[f.Name]
		switch {
		case !ok:
			res.Written = append(res.Written, f.Name)
			continue
		case !e.Type().IsRegular():
			conflicts = append(conflicts, f.Name)
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, f.Name))
		switch {
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
	for _, e := range entries {
		name := e.Name()
		if IsStrayTemp(dir, e) {
			res.Temporary = append(res.Temporary, name)
			continue
		}
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
	sort.Strings(res.Temporary)
	return res, nil
}

// PlanLocked is Plan under the folder's lock (when the folder exists), so
// that it never sees a concurrent run half way: neither its temporary
// files nor a mix of old and new files.
func PlanLocked(dir string, files []File) (WriteResult, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return planWrite(dir, files)
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return WriteResult{}, err
	}
	defer unlock()
	return planWrite(dir, files)
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
// folder as it was. The temporary files a killed run left are removed
// first. Concurrent runs on one folder are serialised by a lock (see
// lockDir), and all of this happens under it, so another run's temporary
// files are never taken for a killed run's.
func Write(dir string, files []File) (WriteResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return WriteResult{}, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return WriteResult{}, err
	}
	defer unlock()
	res, err := planWrite(dir, files)
	if err != nil {
		return res, err
	}
	for _, name := range res.Temporary {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, err
		}
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	staged := make([]string, len(res.Written)) // temporary path per written file
	defer func() {
		// After a failure, or a panic on its way up, no temporary file
		// stays (renamed files are no longer listed).
		for _, tmp := range staged {
			if tmp != "" {
				os.Remove(tmp)
			}
		}
	}()
	for i, name := range res.Written {
		if staged[i], err = stage(dir, name, byName[name]); err != nil {
			return res, fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
		}
	}
	for i, name := range res.Written {
		if err := os.Rename(staged[i], filepath.Join(dir, name)); err != nil {
			return res, fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
		}
		staged[i] = ""
	}
	for _, name := range res.Removed {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, err
		}
	}
	res.Entries, res.Stamps = stampFolder(dir, files)
	return res, nil
}

// stampFolder lists dir and takes the file info of the files among files
// that are not in place.
func stampFolder(dir string, files []File) ([]fs.DirEntry, map[string]fs.FileInfo) {
	compared := make(map[string]bool, len(files))
	for _, f := range files {
		if !f.InPlace() {
			compared[f.Name] = true
		}
	}
	entries, _ := os.ReadDir(dir)
	stamps := make(map[string]fs.FileInfo, len(compared))
	for _, e := range entries {
		if compared[e.Name()] {
			if info, err := e.Info(); err == nil {
				stamps[e.Name()] = info
			}
		}
	}
	return entries, stamps
}

// openTemp creates a file exclusively (never through an existing file or
// symbolic link); tests replace it to inject disk failures.
var openTemp = func(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// WriteFile writes one file atomically: in full to a new temporary name in
// its folder (tempName), then renamed into place, so readers never see a
// partial file. The content is the parts in order (a large one need not be
// copied to be framed).
func WriteFile(path string, content ...[]byte) error {
	f, err := createTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return err
	}
	if err = fill(f, content...); err == nil {
		if err = os.Rename(f.Name(), path); err != nil {
			os.Remove(f.Name())
		}
	}
	return err
}

// stage writes content in full to a new temporary name beside name
// (tempName) and returns its path.
func stage(dir, name string, content []byte) (string, error) {
	f, err := createTemp(dir, name)
	if err != nil {
		return "", err
	}
	if err := fill(f, content); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// fill writes content to a new temporary file and closes it, removing it on
// failure. No fsync: rename already makes each file appear whole, and
// thousands of syncs would cost more than the rest of the run.
func fill(f *os.File, content ...[]byte) error {
	var err error
	for _, part := range content {
		if _, err = f.Write(part); err != nil {
			break
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
