// The operations and entry points in the binary form of a schema: as
// their JSON, which is their whole content (their Go names included), so
// that a field added to them is never left out of the cache.

package schema

import (
	"encoding/json"

	"github.com/docgen/graphgen/parser/wire"
)

type binaryOperations struct {
	Operations  []*Operation  `json:"o"`
	EntryPoints []*EntryPoint `json:"e"`
}

func appendOperations(w wire.Writer, s *Schema) ([]byte, error) {
	b, err := json.Marshal(binaryOperations{s.Operations, s.EntryPoints})
	if err != nil {
		return nil, err
	}
	w.Str(string(b))
	return w.Buf, nil
}

func readOperations(r *wire.Reader, s *Schema) error {
	text := r.Str()
	if r.Err() != nil {
		return errBinary
	}
	var ops binaryOperations
	if err := json.Unmarshal([]byte(text), &ops); err != nil {
		return errBinary
	}
	s.Operations, s.EntryPoints = ops.Operations, ops.EntryPoints
	return nil
}
