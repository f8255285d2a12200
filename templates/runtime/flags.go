// Flags enums: members combined in one value, "a,b" on the wire.

package runtime

import "strings"

// JoinFlags joins members of a flags enum the way the service writes them:
// "a,b".
func JoinFlags[E ~string](members ...E) E {
	parts := make([]string, len(members))
	for i, m := range members {
		parts[i] = string(m)
	}
	return E(strings.Join(parts, ","))
}

// splitFlags splits a flags enum value into its members.
func splitFlags[E ~string](v E) []E {
	if v == "" {
		return nil
	}
	parts := strings.Split(string(v), ",")
	out := make([]E, len(parts))
	for i, p := range parts {
		out[i] = E(strings.TrimSpace(p))
	}
	return out
}
