// Matching a text against a concept's patterns ("word", "word*", "*word",
// "*word*").

package lang

import "strings"

// match reports whether lower (lower-cased text) matches pattern p.
func match(p, lower string) bool {
	pre, suf := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*") && len(p) > 1
	w := strings.TrimSuffix(strings.TrimPrefix(p, "*"), "*")
	switch {
	case pre && suf:
		return strings.Contains(lower, w)
	case pre:
		return strings.HasSuffix(lower, w)
	case suf:
		return strings.HasPrefix(lower, w)
	}
	return lower == w
}

// any reports whether lower matches one of patterns.
func anyMatch(patterns []string, lower string) bool {
	for _, p := range patterns {
		if match(p, lower) {
			return true
		}
	}
	return false
}

// capture returns the part of text that a pattern's * stands for ("* values"
// on "printQuality values" is "printQuality"), matching case-insensitively;
// lower is text lower-cased, of the same length.
func capture(patterns []string, text, lower string) (string, bool) {
	for _, p := range patterns {
		switch {
		case strings.HasPrefix(p, "*") && !strings.HasSuffix(p, "*"):
			if w := p[1:]; strings.HasSuffix(lower, w) && len(text) >= len(w) {
				return text[:len(text)-len(w)], true
			}
		case strings.HasSuffix(p, "*") && !strings.HasPrefix(p, "*"):
			if w := p[:len(p)-1]; strings.HasPrefix(lower, w) && len(text) >= len(w) {
				return text[len(w):], true
			}
		}
	}
	return "", false
}

// earliest returns where the first of phrases to occur in lower starts and
// ends, or -1.
func earliest(phrases []string, lower string) (start, end int) {
	start, end = -1, -1
	for _, ph := range phrases {
		if i := strings.Index(lower, ph); i >= 0 && (start < 0 || i < start) {
			start, end = i, i+len(ph)
		}
	}
	return start, end
}

func containsAny(phrases []string, lower string) bool {
	for _, ph := range phrases {
		if strings.Contains(lower, ph) {
			return true
		}
	}
	return false
}
