// Temporary files: the names gen gives the files it writes before renaming
// them into place, and finding the ones a killed run left behind.
//
// A temporary file is named .gen-tmp-<16 hex digits>-<target>.tmp: the
// digits are random, so no person writes such a name by chance, two runs
// never pick the same one, and a run never has to remove a file to make
// room for its own.

package emitter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	tempPrefix = ".gen-tmp-"
	tempDigits = 16
	tempSuffix = ".tmp"
	// maxTempTarget bounds the part of the target's name a temporary name
	// repeats, so that it stays within a file name's 255 bytes.
	maxTempTarget = 128
)

// tempName is a new temporary name for a file named target.
func tempName(target string) string {
	if len(target) > maxTempTarget {
		target = target[:maxTempTarget]
	}
	return fmt.Sprintf("%s%016x-%s%s", tempPrefix, rand.Uint64(), target, tempSuffix)
}

// IsTempName reports whether name is one tempName gives.
func IsTempName(name string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok || len(rest) < tempDigits+1+1+len(tempSuffix) || rest[tempDigits] != '-' || !strings.HasSuffix(rest, tempSuffix) {
		return false
	}
	for i := range tempDigits {
		if c := rest[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// createTemp creates a new temporary file for target in dir, exclusively
// (never through an existing file or symbolic link): another name is
// tried when one is taken.
func createTemp(dir, target string) (*os.File, error) {
	for range 8 {
		f, err := openTemp(filepath.Join(dir, tempName(target)))
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: no free temporary name for %s", dir, target)
}

// IsStrayTemp reports whether the entry e of the output folder dir is a
// temporary file a killed run left: named as gen names them, a regular
// file, and holding the start of generated code (at least what the
// generated header begins with: a run killed after creating it and before
// writing has left it empty). Anything else, or a file that cannot be
// read, is not known to be gen's, and stays.
func IsStrayTemp(dir string, e fs.DirEntry) bool {
	if !IsTempName(e.Name()) || !e.Type().IsRegular() {
		return false
	}
	f, err := os.Open(filepath.Join(dir, e.Name()))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(headerLine)+1)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false
	}
	head = head[:n]
	if n <= len(headerLine) {
		return bytes.HasPrefix(headerLine, head)
	}
	return IsGenerated(head)
}

// RemoveStaleTemps removes the temporary files in dir (not below it) that
// are older than age, and returns their names. It is for folders gen holds
// no lock on, such as its cache: a run writes each temporary file within
// moments, so one that is old was left by a run that was killed.
func RemoveStaleTemps(dir string, age time.Duration) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !IsTempName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age && os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// WriteFileVia writes one file atomically, as WriteFile does, with its
// temporary file in tmpDir (on the same filesystem as path), so that a
// folder of many subfolders has all of its temporary files in one place.
// When the two are on different filesystems, the temporary file goes
// beside path.
func WriteFileVia(tmpDir, path string, content ...[]byte) error {
	f, err := createTemp(tmpDir, filepath.Base(path))
	if err != nil {
		return err
	}
	if err = fill(f, content...); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		var le *os.LinkError
		if errors.As(err, &le) && filepath.Clean(tmpDir) != filepath.Dir(path) {
			return WriteFile(path, content...)
		}
	}
	return err
}
