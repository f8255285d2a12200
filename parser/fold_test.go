package parser

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFoldRuneStandsForItsOrbit checks every rune: foldRune is a member of
// the rune's case orbit and the same for every member, so two runes fold
// alike exactly when strings.EqualFold equates them.
func TestFoldRuneStandsForItsOrbit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		f := foldRune(r)
		if !strings.EqualFold(string(r), string(f)) {
			t.Fatalf("foldRune(%U) = %U, not in its orbit", r, f)
		}
		if g := foldRune(unicode.SimpleFold(r)); g != f {
			t.Fatalf("foldRune(%U) = %U, but foldRune(%U) = %U", r, f, unicode.SimpleFold(r), g)
		}
	}
}

func TestFoldCaseIsEqualFold(t *testing.T) {
	words := []string{
		"", "a", "A", "displayName", "DISPLAYNAME", "displayname", "fileName", "filename",
		"k", "K", "\u212a", "s", "S", "\u017f", "ß", "ẞ", "SS", "σ", "ς", "Σ", "İ", "i", "ı", "I",
		"Größe", "GRÖSSE", "grösse", "größe", "Übersetzt", "übersetzt", "ÜBERSETZT",
		"\xff", "\xfe", "\ufffd", "a\xffb", "A\ufffdB", "a\xc3", "a\xc3b", "A\xc3B", "é", "É", "e\u0301",
	}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldCase(a) == foldCase(b), strings.EqualFold(a, b); got != want {
				t.Errorf("foldCase(%q) == foldCase(%q) is %v, EqualFold %v", a, b, got, want)
			}
		}
	}
	if foldCase("displayName") != "displayname" {
		t.Errorf("ASCII folds to lower case: %q", foldCase("displayName"))
	}
}
