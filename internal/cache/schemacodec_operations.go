// The schema codec's part for operations and entry points: their JSON,
// which is their whole content (their Go names included), so that a field
// added to them is never left out of the cache.

package cache

import (
	"encoding/json"

	"github.com/docgen/graphgen/schema"
)

type encodedOperations struct {
	Operations  []*schema.Operation  `json:"o"`
	EntryPoints []*schema.EntryPoint `json:"e"`
}

func encodeOperations(w writer, s *schema.Schema) ([]byte, error) {
	b, err := json.Marshal(encodedOperations{s.Operations, s.EntryPoints})
	if err != nil {
		return nil, err
	}
	w.Str(string(b))
	return w.buf, nil
}

func decodeOperations(r *reader, s *schema.Schema) error {
	text := r.Str()
	if r.Err() != nil {
		return errSchema
	}
	var ops encodedOperations
	if err := json.Unmarshal([]byte(text), &ops); err != nil {
		return errSchema
	}
	s.Operations, s.EntryPoints = ops.Operations, ops.EntryPoints
	return nil
}
