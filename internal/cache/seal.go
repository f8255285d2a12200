// The cache's one file format: every file the cache writes (run record,
// page models, snapshot, resolved schema and its state) is sealed: the
// magic with the format's version, the key the file was written for, a
// checksum, then its parts, each prefixed with its length. A file that is
// missing, of another version, sealed for another key or not whole is a
// clean miss, with an error that says which.

package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"

	"github.com/docgen/graphgen/emitter"
)

// magic starts every file of the cache; it changes whenever any codec
// (pagecodec.go, schemacodec.go, prosecodec.go, record.go, resolved.go)
// changes its layout, so no build reads another's files.
const magic = "graphgen cache 18\n" // 7: one name for every kind; 8: one package, the codecs without magics of their own; 9: API examples' values; 10: API example requests, side-effect-free annotations, parameters' possible values; 11: examples' date and time literals, timestamp placeholders; 12: link texts; 13: response body keys; 14: a type's own title name where its anchor named it; 15: unknown type words; 16: a type's own name beside a copied annotation; 17: a renamed row's translation, every link phrase of a row; 18: a learned word's collection

// Why a file was no hit.
var (
	errVersion = errors.New("not a cache file of this version")
	errForeign = errors.New("a cache file written for another key")
	errDamaged = errors.New("a cache file that is not whole: its checksum or lengths do not fit")
	errParts   = errors.New("a cache file of another number of parts")
)

// sealSum is the checksum of sealed data: CRC-32C, which the processor
// computes, finds a truncated or damaged file at a tenth of the cost of
// SHA-256 (the key, not the checksum, tells whose data it is).
var sealSum = crc32.MakeTable(crc32.Castagnoli)

// sealSumLen is the length of the checksum in hex.
const sealSumLen = 8

// sealed frames parts as the content of a file for key: the header, then
// each part after its length, to be written one after the other without
// copying the parts into one buffer.
func sealed(key string, parts ...[]byte) [][]byte {
	content := [][]byte{nil}
	sum := crc32.New(sealSum)
	for _, p := range parts {
		size := binary.AppendUvarint(nil, uint64(len(p)))
		sum.Write(size)
		sum.Write(p)
		content = append(content, size, p)
	}
	content[0] = fmt.Appendf(nil, "%s%s\n%08x\n", magic, key, sum.Sum32())
	return content
}

// size is how many bytes sealed content takes.
func size(content [][]byte) int64 {
	var n int64
	for _, c := range content {
		n += int64(len(c))
	}
	return n
}

// writeSealed writes parts to path, sealed for key, through a temporary
// file in tempDir renamed into place; it returns the bytes written.
func writeSealed(tempDir, path, key string, parts ...[]byte) (int64, error) {
	content := sealed(key, parts...)
	if err := emitter.WriteFileVia(tempDir, path, content...); err != nil {
		return 0, err
	}
	return size(content), nil
}

// readSealed returns the n parts sealed for key in the file at path.
func readSealed(path, key string, n int) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return unsealed(key, data, n)
}

// unsealed returns the n parts of sealed data for key, or why not.
func unsealed(key string, data []byte, n int) ([][]byte, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, errVersion
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(key+"\n")); !ok {
		return nil, errForeign
	}
	if nl := bytes.IndexByte(rest, '\n'); nl != sealSumLen {
		return nil, errDamaged
	}
	payload := rest[sealSumLen+1:]
	if fmt.Sprintf("%08x", crc32.Checksum(payload, sealSum)) != string(rest[:sealSumLen]) {
		return nil, errDamaged
	}
	parts := make([][]byte, 0, n)
	for len(payload) > 0 {
		size, k := binary.Uvarint(payload)
		if k <= 0 || size > uint64(len(payload)-k) {
			return nil, errDamaged
		}
		parts = append(parts, payload[k:k+int(size)])
		payload = payload[k+int(size):]
	}
	if len(parts) != n {
		return nil, errParts
	}
	return parts, nil
}
