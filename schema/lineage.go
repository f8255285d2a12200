// Walking up the base chain: the one place that guards against cycles.

package schema

import (
	"iter"
	"slices"
)

// Ancestors yields t's bases, nearest first. It stops before a type it has
// already met (t included), so a cycle in bad input never loops; the
// resolver breaks cycles, but the walks before that run on raw claims.
func (t *Type) Ancestors() iter.Seq[*Type] {
	return func(yield func(*Type) bool) {
		// Chains are short: a slice beats a map, and this one stays on
		// the stack unless a chain is longer than its array.
		var buf [8]*Type
		met := append(buf[:0], t)
		for b := t.BaseType; b != nil && !slices.Contains(met, b); b = b.BaseType {
			if !yield(b) {
				return
			}
			met = append(met, b)
		}
	}
}

// Lineage yields t and then its Ancestors.
func (t *Type) Lineage() iter.Seq[*Type] {
	return func(yield func(*Type) bool) {
		if !yield(t) {
			return
		}
		for b := range t.Ancestors() {
			if !yield(b) {
				return
			}
		}
	}
}
