// Fingerprints: what a type's file is rendered from, hashed, so that a
// rerun can skip rendering and comparing the files of types that did not
// change. Every value renderType reads is here; a test renders corpus
// folders with and without the skip and compares the bytes.

package emitter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"

	"github.com/docgen/graphgen/schema"
)

// fingerprintVersion changes whenever rendering changes in a way the
// fields below do not show.
const fingerprintVersion = "2"

// fingerprintBuffers keep the bytes Fingerprint hashes between calls: a
// run fingerprints every type.
var fingerprintBuffers = sync.Pool{New: func() any { return new([]byte) }}

// fingerprint is the hash of everything the file of t is rendered from.
func fingerprint(t *schema.Type, opts Options) string {
	buf := fingerprintBuffers.Get().(*[]byte)
	defer fingerprintBuffers.Put(buf)
	b := (*buf)[:0]
	defer func() { *buf = b }()
	w := func(parts ...string) {
		for _, p := range parts {
			b = append(append(b, p...), 0)
		}
		b = append(b, '\n')
	}
	w(fingerprintVersion, opts.Package, t.Name, string(t.Kind), t.GoName, t.FileName, t.GoInterface, flag(t.Flags), t.Description)
	if t.BaseType != nil {
		w("base", t.BaseType.GoName)
	}
	for _, p := range t.Properties {
		w("p", p.Name, p.GoName, p.Type, flag(p.Collection), flag(p.Navigation), flag(p.Deprecated), p.Description)
		if p.Ref != nil {
			w("ref", p.Ref.GoName, p.Ref.GoInterface, string(p.Ref.Kind))
		}
	}
	for _, m := range t.Members {
		v := "-"
		if m.Value != nil {
			v = strconv.FormatInt(*m.Value, 10)
		}
		w("m", m.Name, m.GoName, v, flag(m.Deprecated), m.Description)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// registryFingerprint is the hash of everything registry.go is rendered
// from: each struct type's names and base, each interface.
func registryFingerprint(s *schema.Schema, opts Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\n", fingerprintVersion, opts.Package)
	for _, t := range goTypes(s) {
		if t.Kind == schema.Enum {
			continue
		}
		base := ""
		if t.BaseType != nil {
			base = t.BaseType.Name
		}
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", t.Name, t.GoName, base, t.GoInterface)
	}
	return hex.EncodeToString(h.Sum(nil))
}
