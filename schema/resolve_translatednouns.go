// The translated nouns pass: on a translated page, a row name that starts
// with a capital where the folder's JSON keys start in lower case, and that
// no JSON block of its page has, is a noun of the translation
// ("Erweiterungen", "Kalender") or the English name with the translation's
// capital ("Threads"): it takes the folder's English spelling of the same
// letters or the last words of the type it links, or is left out when
// nothing spells it.

package schema

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// folderSpellings indexes the property names the folder writes in English
// (the keys of its JSON blocks, the rows of its untranslated pages) by
// their lower-case form, and reports whether those names start in lower
// case: at least learnMinShare of them, seen at least learnMinCount times.
func (r *resolver) folderSpellings() (map[string][]string, bool) {
	spellings := map[string][]string{}
	lower, all := 0, 0
	for _, e := range r.order {
		for _, pe := range e.props {
			d := pe.doc
			if !(d.InJSON || d.FromJSON || !pe.page.Translated()) || !parser.IsIdentifier(d.Name) {
				continue
			}
			all++
			if c, _ := utf8.DecodeRuneInString(d.Name); unicode.IsLower(c) {
				lower++
			}
			k := strings.ToLower(d.Name)
			if !slices.Contains(spellings[k], d.Name) {
				spellings[k] = append(spellings[k], d.Name)
			}
		}
	}
	return spellings, all >= learnMinCount && float64(lower) >= learnMinShare*float64(all)
}

// translatedNouns renames or leaves out the capitalised rows of
// translated pages that their page's JSON block does not have, where the
// folder's property names start in lower case. The folder's one English
// spelling of the same letters that starts in lower case names the row,
// unless the type already has a row of that name (then the row is a
// second, translated one and is left out); without one, the last words of
// the name of the type the row links do (typeWord). Without either, a
// one-word name (no capital after the first letter) is a translation and
// is left out; a name with capitals inside (AccessTokenLifetime) may be
// an English name as the service writes it, and stays.
func (r *resolver) translatedNouns() {
	spellings, lowerCase := r.folderSpellings()
	if !lowerCase {
		return
	}
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		has := func(name string) bool {
			for _, pe := range e.props {
				if pe.prop.Name == name {
					return true
				}
			}
			return false
		}
		kept := e.props[:0]
		for _, pe := range e.props {
			d, name := pe.doc, pe.prop.Name
			if !pe.page.Translated() || d.InJSON || d.FromJSON || !parser.IsIdentifier(name) || !startsUpper(name) {
				kept = append(kept, pe)
				continue
			}
			english := ""
			for _, s := range spellings[strings.ToLower(name)] {
				if !startsUpper(s) {
					if english != "" {
						english = "" // two spellings: none is the one
						break
					}
					english = s
				}
			}
			linked, fromType := "", false
			if english == "" {
				linked, fromType = typeWord(name, pe.prop.Type)
			}
			switch {
			case english != "" && !has(english):
				r.warn(pe.page, d.Pos, diag.NameCase, "table names property %q of %s, the folder's JSON blocks write %q; using the folder's spelling",
					name, parser.ShortName(e.t.Name), english)
				pe.prop.Name = english
			case fromType && !has(linked):
				r.warn(pe.page, d.Pos, diag.NameCase, "table names property %q of %s, the last words of the type it links, %s; using %q",
					name, parser.ShortName(e.t.Name), parser.ShortName(pe.prop.Type), linked)
				pe.prop.Name = linked
			case fromType:
				english = linked
				fallthrough
			case english != "":
				r.warn(pe.page, d.Pos, diag.TranslatedNoun, "table row name %q of %s is %q with a capital, a row the type already has; left out as a second, translated row",
					name, parser.ShortName(e.t.Name), english)
				continue
			case innerCapitals(name) == 0:
				r.warn(pe.page, d.Pos, diag.TranslatedNoun, "table row name %q of %s starts with a capital, which the folder's property names never do, and nothing in the folder names it in English; left out",
					name, parser.ShortName(e.t.Name))
				continue
			}
			kept = append(kept, pe)
		}
		clear(e.props[len(kept):])
		e.props = kept
	})
}

func startsUpper(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(c)
}

// typeWord reads a capitalised row name as the last words of the name of
// the type its row links (Threads for conversationThread, Healthstates for
// windowsManagementAppHealthState), alone or with a plural's s: a
// navigation property is named after what it holds, in English. It
// returns the name with the type's word marks and a lower-case first
// letter.
func typeWord(name, typeName string) (string, bool) {
	if strings.HasPrefix(typeName, "Edm.") || typeName == "" {
		return "", false
	}
	short := parser.ShortName(typeName)
	lowerShort := strings.ToLower(short)
	for _, plural := range []string{"", "s", "es"} {
		stem := strings.ToLower(strings.TrimSuffix(name, plural))
		if len(stem) < 3 || len(stem) == len(name) && plural != "" {
			continue
		}
		i := len(short) - len(stem)
		if i < 0 || lowerShort[i:] != stem || i > 0 && !unicode.IsUpper(rune(short[i])) {
			continue
		}
		return strings.ToLower(short[i:i+1]) + short[i+1:] + plural, true
	}
	return "", false
}
