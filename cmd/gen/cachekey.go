// What the cache knows a run by: the run key (the record and the resolved
// schema are the key's), and the content of the files a rerun compares
// with the record (-schema-out, -openapi-out).

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
	"strings"
)

// runKey names this invocation: absolute -in and -out and every option
// that changes what a run writes or says ("" when a path has no absolute
// form).
func runKey(o options) string {
	absIn, err1 := filepath.Abs(o.in)
	absOut, err2 := filepath.Abs(o.out)
	if err1 != nil || err2 != nil {
		return ""
	}
	absSchema, absOpenAPI := "", ""
	if o.schemaOut != "" {
		absSchema, _ = filepath.Abs(o.schemaOut)
	}
	if o.openapiOut != "" {
		absOpenAPI, _ = filepath.Abs(o.openapiOut)
	}
	return strings.Join([]string{absIn, absOut, o.pkg, o.types, absSchema, absOpenAPI,
		boolWord(o.strict), boolWord(o.goGenerate), o.exclude, strings.Join(sortedKeys(o.ignored), ","),
		o.ovr.path, o.ovr.hash, boolWord(o.client)}, "\x00")
}

func boolWord(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// hashFile is the content hash of a regular file, or "" (a FIFO named
// as -schema-out is refused, not waited on).
func hashFile(path string) string {
	f, _, err := regular(path, followLink)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
