// Package lang holds every word of the pages' languages the parser knows,
// as data: one JSON file per language (en.json, ru.json, ...), merged into
// one Set. The parser asks it concept questions (is this heading the
// Properties section? where does an "inherits from" phrase end?) and holds
// no word of any language itself. Structure that no translation touches
// (anchors such as "properties" or "-enum-type", JSON placeholders,
// annotation keys) is the parser's own.
//
// Adding a language is a data file and its tests: copy en.json, translate
// the words the pages of that language use, and add a test that parses such
// a page (see lang_test.go's made-up language).
package lang

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.json
var dataFiles embed.FS

// Vocabulary is one language's words, per concept. Patterns are lower case:
// "word" matches the whole text, "word*" its start, "*word" its end and
// "*word*" anywhere; in enumValues, typeTitle and namespace patterns the *
// stands where the name is.
type Vocabulary struct {
	Language string `json:"language"`
	Headings struct {
		JSON          []string `json:"json"`
		Relationships []string `json:"relationships"`
		Members       []string `json:"members"`
		Definition    []string `json:"definition"`
		Properties    []string `json:"properties"`
		Methods       []string `json:"methods"`
		Derived       []string `json:"derived"`
		EnumTitle     []string `json:"enumTitle"`
		TypeTitle     []string `json:"typeTitle"`
		EnumValues    []string `json:"enumValues"`
		Namespace     []string `json:"namespace"`
	} `json:"headings"`
	Columns struct {
		Ignored           []string `json:"ignored"`
		Methods           []string `json:"methods"`
		Members           []string `json:"members"`
		Relationships     []string `json:"relationships"`
		Properties        []string `json:"properties"`
		Names             []string `json:"names"`
		MemberNames       []string `json:"memberNames"`
		MemberHeader      []string `json:"memberHeader"`
		Type              []string `json:"type"`
		Description       []string `json:"description"`
		MemberDescription []string `json:"memberDescription"`
		Value             []string `json:"value"`
	} `json:"columns"`
	Phrases struct {
		Inherits         []string    `json:"inherits"`
		InheritsWithLink []string    `json:"inheritsWithLink"`
		InheritsAround   [][2]string `json:"inheritsAround"`
		// InheritsAfter and InheritedAfter are the phrases that follow
		// the base's link in languages that put the verb last
		// ("[x](x.md) から継承します"): in prose and in a row.
		InheritsAfter               []string `json:"inheritsAfter"`
		InheritedAfter              []string `json:"inheritedAfter"`
		Derived                     []string `json:"derived"`
		OpenType                    []string `json:"openType"`
		OpenTypeHint                []string `json:"openTypeHint"`
		Flags                       []string `json:"flags"`
		NotNullable                 []string `json:"notNullable"`
		PossibleValues              []string `json:"possibleValues"`
		Inherited                   []string `json:"inherited"`
		DeprecatedName              []string `json:"deprecatedName"`
		DeprecatedDescription       []string `json:"deprecatedDescription"`
		DeprecatedMemberDescription []string `json:"deprecatedMemberDescription"`
		ListVerb                    []string `json:"listVerb"`
	} `json:"phrases"`
	API   APIWords `json:"api"`
	Types struct {
		Primitives      map[string]string `json:"primitives"`
		Collection      []string          `json:"collection"`
		Filler          []string          `json:"filler"`
		NotNames        []string          `json:"notNames"`
		AmbiguousNumber []string          `json:"ambiguousNumber"`
	} `json:"types"`
}

// Set is the union of some languages' vocabularies, in the order given:
// what the parser asks.
type Set struct {
	languages []string
	v         Vocabulary // every list concatenated, every map merged
	filler    map[string]bool
	notNames  map[string]bool
}

// Parse reads one language's data file.
func Parse(data []byte) (Vocabulary, error) {
	var v Vocabulary
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, err
	}
	if v.Language == "" {
		return v, fmt.Errorf("a vocabulary needs its language")
	}
	return v, nil
}

// Embedded returns the vocabularies that ship with the parser, English
// first (its words are the source's), then the others by name.
func Embedded() []Vocabulary {
	names, _ := fs.Glob(dataFiles, "*.json")
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "en.json") != (names[j] == "en.json") {
			return names[i] == "en.json"
		}
		return names[i] < names[j]
	})
	var out []Vocabulary
	for _, n := range names {
		data, _ := dataFiles.ReadFile(n)
		v, err := Parse(data)
		if err != nil {
			panic(fmt.Sprintf("lang: %s: %v", n, err)) // a broken data file is a build defect; tests catch it
		}
		out = append(out, v)
	}
	return out
}

// Default is every embedded language.
var Default = New(Embedded()...)

// New merges vocabularies into a Set.
func New(vs ...Vocabulary) *Set {
	s := &Set{filler: map[string]bool{}, notNames: map[string]bool{}}
	s.v.Types.Primitives = map[string]string{}
	for _, v := range vs {
		s.languages = append(s.languages, v.Language)
		h, c, p, t := &s.v.Headings, &s.v.Columns, &s.v.Phrases, &s.v.Types
		for _, pair := range []struct{ to, from *[]string }{
			{&h.JSON, &v.Headings.JSON}, {&h.Relationships, &v.Headings.Relationships}, {&h.Members, &v.Headings.Members},
			{&h.Definition, &v.Headings.Definition}, {&h.Properties, &v.Headings.Properties}, {&h.Methods, &v.Headings.Methods},
			{&h.Derived, &v.Headings.Derived}, {&h.EnumTitle, &v.Headings.EnumTitle}, {&h.TypeTitle, &v.Headings.TypeTitle},
			{&h.EnumValues, &v.Headings.EnumValues}, {&h.Namespace, &v.Headings.Namespace},
			{&c.Ignored, &v.Columns.Ignored}, {&c.Methods, &v.Columns.Methods}, {&c.Members, &v.Columns.Members},
			{&c.Relationships, &v.Columns.Relationships}, {&c.Properties, &v.Columns.Properties}, {&c.Names, &v.Columns.Names},
			{&c.MemberNames, &v.Columns.MemberNames}, {&c.MemberHeader, &v.Columns.MemberHeader}, {&c.Type, &v.Columns.Type},
			{&c.Description, &v.Columns.Description}, {&c.MemberDescription, &v.Columns.MemberDescription}, {&c.Value, &v.Columns.Value},
			{&p.Inherits, &v.Phrases.Inherits}, {&p.InheritsWithLink, &v.Phrases.InheritsWithLink}, {&p.Derived, &v.Phrases.Derived},
			{&p.OpenType, &v.Phrases.OpenType}, {&p.OpenTypeHint, &v.Phrases.OpenTypeHint}, {&p.Flags, &v.Phrases.Flags},
			{&p.NotNullable, &v.Phrases.NotNullable}, {&p.PossibleValues, &v.Phrases.PossibleValues}, {&p.Inherited, &v.Phrases.Inherited},
			{&p.DeprecatedName, &v.Phrases.DeprecatedName}, {&p.DeprecatedDescription, &v.Phrases.DeprecatedDescription},
			{&p.DeprecatedMemberDescription, &v.Phrases.DeprecatedMemberDescription}, {&p.ListVerb, &v.Phrases.ListVerb},
			{&p.InheritsAfter, &v.Phrases.InheritsAfter}, {&p.InheritedAfter, &v.Phrases.InheritedAfter},
			{&t.Collection, &v.Types.Collection}, {&t.AmbiguousNumber, &v.Types.AmbiguousNumber},
		} {
			*pair.to = append(*pair.to, *pair.from...)
		}
		p.InheritsAround = append(p.InheritsAround, v.Phrases.InheritsAround...)
		api, from := s.v.API.lists(), v.API.lists()
		for i := range api {
			*api[i] = append(*api[i], *from[i]...)
		}
		for w, edm := range v.Types.Primitives {
			t.Primitives[w] = edm
		}
		for _, w := range v.Types.Filler {
			s.filler[w] = true
		}
		for _, w := range v.Types.NotNames {
			s.notNames[w] = true
		}
	}
	return s
}

// Languages names the languages in the set, in order.
func (s *Set) Languages() []string { return append([]string(nil), s.languages...) }

// Without returns the set without one language's words.
func (s *Set) Without(language string) *Set {
	var keep []Vocabulary
	for _, v := range Embedded() {
		if v.Language != language && contains(s.languages, v.Language) {
			keep = append(keep, v)
		}
	}
	return New(keep...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
