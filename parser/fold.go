// Case folding as a map key: foldCase spells a name the one way
// strings.EqualFold cannot tell from any other spelling of it, so a set of
// names keyed by it answers "is there a name equal to this but for case?"
// in one look-up instead of a comparison with every name.

package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldCase returns s with each rune replaced by one chosen member of its
// case orbit (the runes unicode.SimpleFold cycles through, which is what
// strings.EqualFold compares by): foldCase(a) == foldCase(b) exactly when
// strings.EqualFold(a, b). An invalid byte reads as U+FFFD, as it does in
// EqualFold. "displayName" => "displayname", "K" (Kelvin) => "k".
func foldCase(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b strings.Builder
			b.Grow(len(s))
			for _, r := range s {
				b.WriteRune(foldRune(r))
			}
			return b.String()
		}
	}
	return strings.ToLower(s)
}

// foldRune is the member of r's case orbit that stands for the orbit: the
// least rune in it, in lower case when that is an ASCII capital (so that
// ASCII text folds to its lower case).
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	if 'A' <= least && least <= 'Z' {
		least += 'a' - 'A'
	}
	return least
}
