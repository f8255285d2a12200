// Fingerprints: what a type's file is rendered from, hashed, so that a
// rerun can skip rendering and comparing the files of types that did not
// change. Every value renderType reads is here; a test renders corpus
// folders with and without the skip and compares the bytes.

package emitter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/docgen/graphgen/schema"
)

// fingerprintVersion changes whenever rendering changes in a way the
// fields below do not show.
const fingerprintVersion = "1"

// Fingerprint is the hash of everything the file of t is rendered from.
func Fingerprint(t *schema.Type, opts Options) string {
	h := sha256.New()
	w := func(parts ...any) {
		for _, p := range parts {
			fmt.Fprintf(h, "%v\x00", p)
		}
		h.Write([]byte{'\n'})
	}
	w(fingerprintVersion, opts.Package, t.Name, t.Kind, t.GoName, t.FileName, t.GoInterface, t.Flags, t.Description)
	if t.BaseType != nil {
		w("base", t.BaseType.GoName)
	}
	for _, p := range t.Properties {
		w("p", p.Name, p.GoName, p.Type, p.Collection, p.Navigation, p.Deprecated, p.Description)
		if p.Ref != nil {
			w("ref", p.Ref.GoName, p.Ref.GoInterface, p.Ref.Kind)
		}
	}
	for _, m := range t.Members {
		v := ""
		if m.Value != nil {
			v = fmt.Sprint(*m.Value)
		}
		w("m", m.Name, m.GoName, v, m.Deprecated, m.Description)
	}
	return hex.EncodeToString(h.Sum(nil))
}
