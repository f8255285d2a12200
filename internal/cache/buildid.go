// The generator build's identity: what the cache is keyed by, so that no
// build trusts what another build recorded.

package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"strconv"
)

// buildID identifies the generator build that is running: a rebuilt gen
// is a new generator, whatever its version, size or modification time.
// Every key of the cache holds it.
func buildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return buildIdentity(exe)
}

// buildIdentity identifies the build of the Go binary at path by its
// content: the Go build ID the linker embeds (its last part is a hash of
// the binary's content), read from the ELF note .note.go.buildid or, in
// other formats, from the start of the text, which the linker writes near
// the start of the file; a binary with no build ID (linked with
// -ldflags=-buildid=) is hashed whole, every run. Nothing is remembered by
// the file's path, size or modification time: two builds can share those
// (build systems that set every modification time to one value do). ""
// when the file cannot be read.
func buildIdentity(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if id := elfBuildID(f); id != "" {
		return "go:" + id
	}
	head := make([]byte, rawBuildIDWindow)
	n, _ := io.ReadFull(f, head)
	if id := rawBuildID(head[:n]); id != "" {
		return "go:" + id
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// elfBuildID is the Go build ID in an ELF file's .note.go.buildid note
// (name "Go", type 4), or "".
func elfBuildID(f io.ReaderAt) string {
	ef, err := elf.NewFile(f)
	if err != nil {
		return ""
	}
	sec := ef.Section(".note.go.buildid")
	if sec == nil || sec.Size > 1<<12 {
		return ""
	}
	data, err := sec.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	bo := ef.ByteOrder
	nameSize, descSize, kind := bo.Uint32(data), bo.Uint32(data[4:]), bo.Uint32(data[8:])
	if nameSize != 4 || kind != 4 || string(data[12:16]) != "Go\x00\x00" || uint64(descSize) > uint64(len(data)-16) {
		return ""
	}
	return string(data[16 : 16+descSize])
}

// rawBuildIDWindow is how much of the file rawBuildID looks at, as the Go
// tool does (cmd/internal/buildid).
const rawBuildIDWindow = 32 << 10

var (
	rawBuildIDStart = []byte("\xff Go build ID: \"")
	rawBuildIDEnd   = []byte("\"\n \xff")
)

// rawBuildID is the Go build ID written as text at the start of a binary's
// text (`\xff Go build ID: "..."\n \xff`), or "".
func rawBuildID(data []byte) string {
	i := bytes.Index(data, rawBuildIDStart)
	if i < 0 {
		return ""
	}
	rest := data[i+len(rawBuildIDStart)-1:] // from the opening quote
	j := bytes.Index(rest, rawBuildIDEnd)
	if j < 0 {
		return ""
	}
	id, err := strconv.Unquote(string(rest[:j+1]))
	if err != nil {
		return ""
	}
	return id
}
