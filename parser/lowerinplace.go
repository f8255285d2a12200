// Lower case that keeps byte offsets: text lower-cased to be searched,
// whose offsets then cut the text as written.

package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerInPlace is s lower-cased rune by rune where the lower case is as
// long in UTF-8 as the rune, the rune kept where it is not (Ⱥ, whose
// lower case ⱥ is a byte longer): an offset into the result is the same
// offset into s. strings.ToLower moves offsets after such a rune (and
// after an invalid byte, which it writes as U+FFFD), and cutting s at them
// panics or cuts the wrong text.
func lowerInPlace(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); {
				r, size := utf8.DecodeRuneInString(s[j:])
				if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == size {
					b = utf8.AppendRune(b, l)
				} else {
					b = append(b, s[j:j+size]...) // kept as written: an invalid byte, or a longer lower case
				}
				j += size
			}
			return string(b)
		}
	}
	return strings.ToLower(s)
}
