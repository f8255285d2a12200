// The learn pass: what the folder teaches about its own words, in a step
// of its own after every page was read on its own (so a page's cached model
// stays valid): translated type words from the JSON placeholders beside
// them, collection phrases from the JSON arrays, and the letter case of
// names from the links; the phrases that introduce a base are in
// resolve_learn_bases.go.

package schema

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// Learned is what the folder taught, with how often each was seen.
type Learned struct {
	TypeWords        map[string]LearnedWord `json:"typeWords,omitempty"`        // lower-case type word -> Edm type
	BasePhrases      map[string]int         `json:"basePhrases,omitempty"`      // "erbt von" before a base link
	InheritedPhrases map[string]int         `json:"inheritedPhrases,omitempty"` // "geerbt von" before a row's base
	// CollectionPhrases are the words around a type's name that make a
	// collection (`sammlung von objekten des typs ...`, `... -sammlung`), with
	// `...` for the name, learned from rows whose JSON example is an array:
	// each with the number of rows without an example it made collections.
	CollectionPhrases map[string]int `json:"collectionPhrases,omitempty"`
	// NameCases are enums a translated title wrote in other letter case
	// than the links to its page do: qualified name as written -> as the
	// links write it.
	NameCases map[string]string `json:"nameCases,omitempty"`
	// TranslatedMembers counts the enum members a translation renamed
	// (no identifier): "named" in their place from an English list of the
	// folder, English names "added" in the folder's order where the
	// lists cannot pair them, and the translated ones "leftOut".
	TranslatedMembers map[string]int `json:"translatedMembers,omitempty"`
	// TranslatedRows are the translated row names the folder's vocabulary
	// named ("名称 = name"), with the rows each named.
	TranslatedRows map[string]int `json:"translatedRows,omitempty"`
}

// LearnedWord is a type word and the Edm type its rows' JSON placeholders
// give; Collection when their examples are arrays ("коллекция строк" beside
// ["String"]): the word holds the collection phrase too.
type LearnedWord struct {
	Type       string `json:"type"`
	Count      int    `json:"count"`
	Collection bool   `json:"collection,omitempty"`
}

// Empty reports whether nothing was learned.
func (l *Learned) Empty() bool {
	return l == nil || len(l.TypeWords) == 0 && len(l.BasePhrases) == 0 && len(l.InheritedPhrases) == 0 &&
		len(l.NameCases) == 0 && len(l.CollectionPhrases) == 0 && len(l.TranslatedMembers) == 0 && len(l.TranslatedRows) == 0
}

// A word or phrase is learned when it was seen this often, and means the
// same thing this share of the time.
const (
	learnMinCount = 3
	learnMinShare = 0.8
)

func (r *resolver) learn() *Learned {
	l := &Learned{TypeWords: r.learnTypeWords()}
	l.BasePhrases, l.InheritedPhrases = r.learnBasePhrases()
	l.NameCases = r.learnEnumCase()
	l.CollectionPhrases = r.learnCollectionPhrases()
	return l
}

// collectionPhrase is a type cell's words around the name it links or
// names, lower-cased, with "..." for the name ("" when there are none).
func collectionPhrase(t parser.TypeExpr) string {
	name := t.Name
	if t.Link != "" && t.LinkText != "" && (len(t.LinkText) < len(t.Raw) || !slices.Contains(strings.Fields(t.LinkText), t.Name)) {
		// The whole text, in any script ([акцессревиев](...)), unless the
		// link is the whole cell and its text holds the phrase
		// ([Коллекция x](x.md)).
		name = t.LinkText
	}
	if name == "" && t.Primitive != "" {
		name = primitiveWord(t.Raw, t.Primitive) // Коллекция String
	}
	if name == "" || len(t.Raw) == len(name) {
		return ""
	}
	i := wordIndex(t.Raw, name)
	if i < 0 {
		return ""
	}
	before, after := strings.TrimSpace(t.Raw[:i]), strings.TrimSpace(t.Raw[i+len(name):])
	if before == "" && after == "" {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(before+" ... "+after), " "))
}

// wordIndex is where word first stands in s as a whole (no ASCII letter
// or digit right before or after it: "String" in "Sammlung String", not
// in "StringCollection"; a script written without spaces joins its words,
// "[频道](channel.md)集合"), or -1.
func wordIndex(s, word string) int {
	for from := 0; from <= len(s)-len(word); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		if (i == 0 || !isWordRune(before)) && (i+len(word) == len(s) || !isWordRune(after)) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// primitiveWord is the word of raw that spells the Edm type primitive
// ("String" or "Edm.String" for Edm.String), or "".
func primitiveWord(raw, primitive string) string {
	short := strings.TrimPrefix(primitive, "Edm.")
	for _, f := range strings.Fields(raw) {
		if strings.EqualFold(f, short) || strings.EqualFold(f, primitive) {
			return f
		}
	}
	return ""
}

// learnCollectionPhrases learns the words that make a type cell a
// collection from the rows whose JSON example shows the value: a phrase
// whose rows are arrays there makes the rows without an example
// collections too.
func (r *resolver) learnCollectionPhrases() map[string]int {
	// Each row's phrase, spelt on all cores.
	phrasesOf := make([][]string, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		phrasesOf[i] = make([]string, len(e.props))
		for j, pe := range e.props {
			phrasesOf[i][j] = collectionPhrase(pe.doc.Type)
		}
	})
	seen := map[string]map[string]int{}
	for i, e := range r.order {
		for j, pe := range e.props {
			d := pe.doc
			if !d.InJSON {
				continue
			}
			if ph := phrasesOf[i][j]; ph != "" {
				if seen[ph] == nil {
					seen[ph] = map[string]int{}
				}
				seen[ph][strconv.FormatBool(d.JSONArray)]++
			}
		}
	}
	phrases := map[string]bool{}
	for ph, shapes := range seen {
		if shape, _, ok := majority(shapes); ok && shape == "true" {
			phrases[ph] = true
		}
	}
	// Reported with the rows each made collections (a phrase the words
	// already read, `... collection`, changes nothing).
	applied := map[string]int{}
	if len(phrases) == 0 {
		return applied
	}
	for i, e := range r.order {
		for j, pe := range e.props {
			if ph := phrasesOf[i][j]; phrases[ph] && !pe.doc.Type.Collection {
				e.ownRowOf(pe).Type.Collection = true
				applied[ph]++
			}
		}
	}
	return applied
}

// learnEnumCase gives an enum whose translated page titles it in other
// letter case ("DeviceType-Enumerationstyp") the case that most links to
// its page use ([deviceType](intune-shared-devicetype.md)): a translation
// capitalizes nouns, a link's text is the name as the service spells it.
// Short is never empty: a type's name is an identifier.
func (r *resolver) learnEnumCase() map[string]string {
	// The type each row names, looked up on all cores.
	targets := make([][]*entry, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		targets[i] = make([]*entry, len(e.props))
		for j, pe := range e.props {
			d := pe.doc
			if d.Type.Name == "" {
				continue
			}
			// A link names its page; a type cell without one names the
			// type as the service spells it, too.
			var target *entry
			if d.Type.Link != "" {
				target = r.lookupLink(d.Type.Link, d.Type.Name)
			} else {
				target = r.lookupName(d.Type.Name, pageNamespace(pe.page))
			}
			if target == nil || !target.caseUnsure() {
				continue
			}
			targets[i][j] = target
		}
	})
	votes := map[*entry]map[string]int{}
	vote := func(target *entry, name string) {
		// A name capitalized where the type's is not is a title or
		// prose ("[KeyValue](keyvalue.md)"), not the name.
		if short := parser.ShortName(target.t.Name); isASCIIUpper(name[0]) && !isASCIIUpper(short[0]) {
			return
		}
		if votes[target] == nil {
			votes[target] = map[string]int{}
		}
		votes[target][name]++
	}
	for i, e := range r.order {
		for j, pe := range e.props {
			target := targets[i][j]
			if target == nil {
				continue
			}
			// The type cell's name (it may come qualified, from the JSON
			// example's "@odata.type": "microsoft.graph.printColorMode"),
			// else the row's own name where it is the type's, letter for
			// letter (the JSON key certificateValidityPeriodScale of a row
			// typed [Certificatevalidityperiodscale wurden]).
			short := parser.ShortName(target.t.Name)
			name := parser.ShortName(pe.doc.Type.Name)
			if !strings.EqualFold(short, name) {
				if name = pe.doc.Name; !strings.EqualFold(short, name) || !parser.IsIdentifier(name) {
					continue
				}
			}
			vote(target, name)
		}
	}
	// The API pages spell names too: a parameter table's link that shows
	// word case ([clonableTeamParts](../resources/clonableteamparts.md)
	// where the translated title says ClonableTeamParts; API pages often
	// link with the file's name, teamvisibilitytype, which shows none),
	// and an enum literal in a call, which is code
	// (TimeZoneStandard=microsoft.graph.timeZoneStandard'{format}').
	voteAs := func(target *entry, name string) {
		if target != nil && target.caseUnsure() && strings.EqualFold(parser.ShortName(target.t.Name), name) {
			vote(target, name)
		}
	}
	for _, p := range r.pages {
		if p.Operation == nil {
			continue
		}
		for _, prm := range p.Operation.Parameters {
			if name := parser.ShortName(prm.Type.Name); prm.Type.Link != "" && hasInnerCapital(name) {
				voteAs(r.lookupLink(prm.Type.Link, prm.Type.Name), name)
			}
		}
		for _, req := range p.Operation.Requests {
			for _, seg := range parser.SplitPath(req.Path) {
				for _, arg := range seg.Args {
					if t := enumArgument(seg.Raw, arg); t != "" {
						voteAs(r.lookupName(t, pageNamespace(p)), parser.ShortName(t))
					}
				}
			}
		}
	}
	out := map[string]string{}
	for e, v := range votes {
		short := parser.ShortName(e.t.Name)
		name, n, ok := majority(v)
		// A title or anchor with no capital after its first letter shows
		// no word case at all: one or two rows that agree give it.
		if !ok && n > 0 && !hasInnerCapital(short) && n == total(v) {
			ok = true
		}
		// Links that agree, and differ from the title only in its first
		// letter, which the translation capitalized as a noun
		// ("TeamSpecialization Enum-Typ", [teamSpecialization](teamspecialization.md)).
		if !ok && n > 0 && n == total(v) && isASCIIUpper(short[0]) && name[1:] == short[1:] && strings.EqualFold(name[:1], short[:1]) {
			ok = true
		}
		// Links that capitalize a lower-case title are prose, not the name;
		// links that drop the capitals inside a name lost its words
		// ("vpnserver" for vpnServer).
		if !ok || innerCapitals(name) < innerCapitals(short) || name == short || !parser.IsIdentifier(name) || isASCIIUpper(name[0]) && !isASCIIUpper(short[0]) {
			continue
		}
		renamed := namespaceOf(e.t.Name) + "." + name
		out[e.t.Name] = renamed
		e.t.Name = renamed
	}
	return out
}

// caseUnsure reports a type whose name's letter case its definition does
// not settle: written on a translated page (a title capitalizes nouns, an
// annotation copied by hand: "microsoft.graph.approle"), or read from an
// anchor.
func (e *entry) caseUnsure() bool {
	switch {
	case len(e.edocs) > 0:
		return e.edocs[0].page.Translated() || e.edocs[0].doc.AnchorOnly
	case len(e.tdocs) > 0:
		return e.tdocs[0].page.Translated()
	}
	return false
}

// hasInnerCapital reports an ASCII capital after the first letter.
func hasInnerCapital(s string) bool { return innerCapitals(s) > 0 }

// innerCapitals counts the ASCII capitals after the first letter.
func innerCapitals(s string) int {
	n := 0
	for i := 1; i < len(s); i++ {
		if isASCIIUpper(s[i]) {
			n++
		}
	}
	return n
}

// total is the sum of counts.
func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// unknownWord returns the lower-cased type cell of a row whose type word
// names nothing the data files or the pages know, or "".
func (r *resolver) unknownWord(p *parser.Page, d *parser.PropDoc) string {
	t := d.Type
	if t.Primitive != "" || t.Link != "" || t.Name == "" || r.lookupName(t.Name, pageNamespace(p)) != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(t.Raw))
}

func (r *resolver) learnTypeWords() map[string]LearnedWord {
	// Each row's unknown word, looked up on all cores; learning changes
	// no row's word but its own.
	words := make([][]string, len(r.order))
	parallel(len(r.order), func(i int) {
		e := r.order[i]
		words[i] = make([]string, len(e.props))
		for j, pe := range e.props {
			words[i][j] = r.unknownWord(pe.page, pe.doc)
			if d := pe.doc; words[i][j] == "" && d.TypeWord != "" && d.Type.Name == "" && d.Type.Link == "" {
				// Words that named nothing, the row typed by its
				// placeholder or not at all.
				words[i][j] = d.TypeWord
			}
		}
	})
	seen := map[string]map[string]int{}
	timestamps := map[string]int{} // rows whose placeholder is "String (timestamp)"
	arrays := map[string]int{}     // rows whose example is an array
	for i, e := range r.order {
		for j, pe := range e.props {
			if w := words[i][j]; w != "" && pe.doc.JSONPrimitive != "" && pe.doc.JSONArray {
				arrays[w]++
			}
			if w := words[i][j]; w != "" && pe.doc.JSONPrimitive != "" {
				if seen[w] == nil {
					seen[w] = map[string]int{}
				}
				seen[w][pe.doc.JSONPrimitive]++
				if pe.doc.JSONTimestamp {
					timestamps[w]++
				}
			}
		}
	}
	learned := map[string]LearnedWord{}
	vague := map[string]bool{}
	for w, byType := range seen {
		if edm, n, ok := majority(wholeAsDouble(timestampsAsTemporal(byType, timestamps[w]))); ok {
			learned[w] = LearnedWord{Type: edm, Count: n, Collection: arrays[w] >= learnMinCount && float64(arrays[w]) >= learnMinShare*float64(total(byType))}
			vague[w] = edm == "Edm.DateTimeOffset" && timestamps[w] == n
		}
	}
	if len(learned) > 0 {
		r.learnTemporalWords(learned, vague, words)
	}
	for i, e := range r.order {
		for j, pe := range e.props {
			if lw, ok := learnedWordOf(learned, words[i][j]); ok {
				d := e.ownRowOf(pe)
				d.Type.Primitive, d.Type.Name = lw.Type, ""
				d.Type.Collection = d.Type.Collection || lw.Collection
			} else if d := pe.doc; words[i][j] != "" && d.Type.Name != "" && placeholderSaysMore(d.JSONPrimitive) {
				// A word read as a name that no page describes and the
				// folder does not teach ("numerischen", its rows'
				// placeholders "decimal" and "double" alike): the row's
				// own placeholder, which a type's value is not.
				r.warn(pe.page, d.Pos, diag.TypeFromJSON, "type %q of %s names no type a page describes, and the JSON block gives %s; using %s",
					d.Type.Raw, parser.ShortName(e.t.Name)+"."+d.Name, d.JSONPrimitive, d.JSONPrimitive)
				d = e.ownRowOf(pe)
				d.Type.Primitive, d.Type.Name = d.JSONPrimitive, ""
			}
		}
	}
	return learned
}

// placeholderSaysMore reports a JSON placeholder type that no undescribed
// type's value could be: a number, a boolean, a date or a time. A string
// placeholder could be an enum's value.
func placeholderSaysMore(edm string) bool {
	return edm != "" && edm != "Edm.String" && primitiveKind(edm) != ""
}

// learnedWordOf finds the learned type word a type cell is, or starts with
// before a comma (`zeichenfolge, maximale größe 20`: a string with a size),
// a parenthesis (`zeichenfolge (schreibgeschützt)`, as "string (readonly)")
// or a slash (`zeichenfolge/eine einzelne nummer`: alternatives, the first
// read, as "string/number" is).
func learnedWordOf(learned map[string]LearnedWord, cell string) (LearnedWord, bool) {
	if lw, ok := learned[cell]; ok {
		return lw, true
	}
	if i := strings.IndexAny(cell, ",/("); i > 0 {
		first := cell[:i]
		lw, ok := learned[strings.TrimSpace(first)]
		return lw, ok
	}
	return LearnedWord{}, false
}

// wholeAsDouble counts the rows whose placeholder is a whole number (1024,
// "Int32") for Edm.Double where Double is what the word's rows show most:
// a whole number is a double's value too, and pages copy 1024 onto
// double rows ("invoiceAmount": 1024 beside "latitude":
// "<Unknown Primitive Type Edm.Double>"), where a double placeholder on an
// integer row is rare.
func wholeAsDouble(counts map[string]int) map[string]int {
	d, i := counts["Edm.Double"], counts["Edm.Int32"]
	if d == 0 || i == 0 {
		return counts
	}
	for k, n := range counts {
		if n > d || n == d && k < "Edm.Double" {
			return counts
		}
	}
	merged := maps.Clone(counts)
	merged["Edm.Double"] += i
	delete(merged, "Edm.Int32")
	return merged
}

// timestampsAsTemporal counts the rows whose placeholder is "String
// (timestamp)" (ts of the DateTimeOffset count) for the date or time type
// the word's other rows show most, where one does: the placeholder says a
// date or a time, not which, and pages copy it onto durations and dates
// ("duration": "String (timestamp)" beside "String (ISO 8601 duration)").
func timestampsAsTemporal(counts map[string]int, ts int) map[string]int {
	if ts == 0 {
		return counts
	}
	best := ""
	for _, k := range []string{"Edm.Date", "Edm.Duration", "Edm.TimeOfDay"} {
		if counts[k] > 0 && (best == "" || counts[k] > counts[best]) {
			best = k
		}
	}
	if best == "" || counts[best] <= counts["Edm.DateTimeOffset"]-ts {
		return counts
	}
	merged := maps.Clone(counts)
	merged[best] += ts
	if merged["Edm.DateTimeOffset"] -= ts; merged["Edm.DateTimeOffset"] <= 0 {
		delete(merged, "Edm.DateTimeOffset")
	}
	return merged
}

// majority returns the value seen most, when it was seen often enough and
// in a large enough share.
func majority(counts map[string]int) (string, int, bool) {
	keys := make([]string, 0, len(counts))
	total := 0
	for k, n := range counts {
		keys = append(keys, k)
		total += n
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	n := counts[best]
	return best, n, n >= learnMinCount && float64(n) >= learnMinShare*float64(total)
}
