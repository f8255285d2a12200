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
		return res, fmt.Errorf("%s: would overwrite %s, which lack%s the %q header; move or rename %s",
			dir, strings.Join(conflicts, ", "), plural(len(conflicts), "s", ""), "// "+Header, plural(len(conflicts), "it", "them"))
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
// modification times stay. Each file is written to a temporary name and
// renamed into place, so no reader sees a half-written file.
func Write(dir string, files []File) (WriteResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return WriteResult{}, err
	}
	res, err := Plan(dir, files)
	if err != nil {
		return res, err
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	for _, name := range res.Written {
		if err := writeAtomic(dir, name, byName[name]); err != nil {
			return res, err
		}
	}
	for _, name := range res.Removed {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, err
		}
	}
	return res, nil
}

func writeAtomic(dir, name string, content []byte) error {
	tmp, err := os.CreateTemp(dir, ".gen-*.tmp")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	_, werr := tmp.Write(content)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmpName, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmpName, filepath.Join(dir, name))
	}
	if werr != nil {
		os.Remove(tmpName)
		return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), werr)
	}
	return nil
}
