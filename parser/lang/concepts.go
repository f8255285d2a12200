// The concept questions the parser asks: sections, titles, columns,
// phrases and type words. Anchors are structure, not words: they are the
// same in every language and decide first where the precedence says so.

package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section is the kind of a page section, from its heading.
type Section int

const (
	NoSection Section = iota
	Properties
	Relationships
	Members
	JSON
	Methods
	Derived    // a "Derived types" section
	Definition // the fields of a document held in a property: never the type's
	Other
)

// Section classifies a heading by its text and anchor, in this order: JSON
// representation, relationships, members, definitions, properties,
// methods, derived types.
func (s *Set) Section(text, anchor string) Section {
	t, a := strings.ToLower(text), strings.ToLower(anchor)
	h := &s.v.Headings
	switch {
	case strings.Contains(a, "json") || anyMatch(h.JSON, t):
		return JSON
	case a == "relationships" || strings.HasSuffix(a, "-relationships") || anyMatch(h.Relationships, t):
		return Relationships
	case a == "members" || anyMatch(h.Members, t):
		return Members
	case anyMatch(h.Definition, t):
		// "Properties of a token lifetime policy definition": the fields of
		// a JSON document held in a property, not the type's properties.
		return Definition
	case a == "properties" || strings.HasSuffix(a, "-properties") || anyMatch(h.Properties, t):
		return Properties
	case a == "methods" || anyMatch(h.Methods, t):
		return Methods
	case a == "derived-types" || anyMatch(h.Derived, t):
		return Derived
	}
	return Other
}

// IsEnumTitle recognises "x enum type", "x enumeration" and the heading
// anchors "x-enum-type".
func (s *Set) IsEnumTitle(text, anchor string) bool {
	return anyMatch(s.v.Headings.EnumTitle, strings.TrimSpace(strings.ToLower(text))) ||
		strings.HasSuffix(strings.ToLower(anchor), "-enum-type")
}

// IsTypeTitle recognises a heading that starts a type's description: "x
// resource type", "x complex type", and the anchors "x-resource-type" and
// "x-complex-type".
func (s *Set) IsTypeTitle(text, anchor string) bool {
	a := strings.ToLower(anchor)
	return anyMatch(s.v.Headings.TypeTitle, strings.ToLower(text)) ||
		strings.HasSuffix(a, "-resource-type") || strings.HasSuffix(a, "-complex-type")
}

// EnumValuesName returns the part of a heading such as "x values" that
// names the enum (text trimmed), or false.
func (s *Set) EnumValuesName(text string) (string, bool) {
	t := strings.TrimSpace(text)
	return capture(s.v.Headings.EnumValues, t, strings.ToLower(t))
}

// NamespaceValue returns what follows a "Namespace:" label at the start of
// a paragraph, or false.
func (s *Set) NamespaceValue(text string) (string, bool) {
	return capture(s.v.Headings.Namespace, text, strings.ToLower(text))
}

// InheritsAt returns the offset in lower just past the phrase that
// introduces a base ("inherits from", "inherits metadata properties
// from"), or -1, and whether a link must follow it to name a base.
func (s *Set) InheritsAt(lower string) (int, bool) {
	at, needLink := -1, false
	consider := func(end int, link bool) {
		if end >= 0 && (at < 0 || end < at) {
			at, needLink = end, link
		}
	}
	p := &s.v.Phrases
	for _, ph := range p.Inherits {
		if i := strings.Index(lower, ph); i >= 0 {
			consider(i+len(ph), false)
		}
	}
	for _, ph := range p.InheritsWithLink {
		if i := strings.Index(lower, ph); i >= 0 {
			consider(i+len(ph), true)
		}
	}
	// "inherits <a few words> from": "inherits metadata properties from".
	for _, around := range p.InheritsAround {
		before, after := around[0], around[1]
		if i := strings.Index(lower, before); i >= 0 {
			rest := lower[i+len(before):]
			if j := strings.Index(rest, after+" "); j >= 0 && j <= 40 && strings.Count(rest[:j], " ") <= 3 {
				consider(i+len(before)+j+len(after), false)
			}
		}
	}
	return at, needLink
}

// FollowsBase reports text that follows a link and starts with a phrase
// saying the link names the base, in a language that puts the verb last
// ("[x](x.md) から継承します"): in prose, or in a row (inherited).
func (s *Set) FollowsBase(lowerAfter string, inherited bool) bool {
	phrases := s.v.Phrases.InheritsAfter
	if inherited {
		phrases = s.v.Phrases.InheritedAfter
	}
	t := strings.TrimLeft(lowerAfter, " \u00a0")
	for _, ph := range phrases {
		if strings.HasPrefix(t, ph) {
			return true
		}
	}
	return false
}

// DerivedAt returns where the first phrase introducing derived types
// ("the base type for") starts in lower, or -1.
func (s *Set) DerivedAt(lower string) int {
	i, _ := earliest(s.v.Phrases.Derived, lower)
	return i
}

// PossibleValuesAt returns where the first "Possible values are" phrase
// starts in lower, or -1.
func (s *Set) PossibleValuesAt(lower string) int {
	i, _ := earliest(s.v.Phrases.PossibleValues, lower)
	return i
}

// Inherited yields, phrase by phrase in order, where an "Inherited from"
// phrase ends in lower.
func (s *Set) Inherited(lower string) []int {
	var ends []int
	for _, ph := range s.v.Phrases.Inherited {
		if i := strings.Index(lower, ph); i >= 0 {
			ends = append(ends, i+len(ph))
		}
	}
	return ends
}

var emphasisMarks = strings.NewReplacer("_", "", "*", "")

// SaysOpenType reports prose saying the type is an open type.
func (s *Set) SaysOpenType(lower string) bool {
	if !containsAny(s.v.Phrases.OpenTypeHint, lower) {
		return false
	}
	return containsAny(s.v.Phrases.OpenType, emphasisMarks.Replace(lower))
}

// SaysFlags reports an enum description that calls it a flags enum.
func (s *Set) SaysFlags(lower string) bool { return containsAny(s.v.Phrases.Flags, lower) }

// NotNullable reports a description that says the property cannot be null.
func (s *Set) NotNullable(lower string) bool { return containsAny(s.v.Phrases.NotNullable, lower) }

// DeprecatedProperty reports a row whose name or description says it is
// deprecated.
func (s *Set) DeprecatedProperty(lowerName, lowerDesc string) bool {
	return anyMatch(s.v.Phrases.DeprecatedName, lowerName) || anyMatch(s.v.Phrases.DeprecatedDescription, lowerDesc)
}

// DeprecatedMember reports a member whose name or description says it is
// deprecated.
func (s *Set) DeprecatedMember(lowerName, lowerDesc string) bool {
	return anyMatch(s.v.Phrases.DeprecatedName, lowerName) || anyMatch(s.v.Phrases.DeprecatedMemberDescription, lowerDesc)
}

// IsListVerb reports the verb of a "List x" Methods row.
func (s *Set) IsListVerb(word string) bool {
	for _, w := range s.v.Phrases.ListVerb {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// Column is what a table column holds, from its header.
type Column int

const (
	TypeColumn Column = iota + 1
	DescriptionColumn
	MemberDescriptionColumn
	ValueColumn
)

// IsColumn reports whether a lower-cased header cell names the column.
func (s *Set) IsColumn(c Column, lower string) bool {
	cs := &s.v.Columns
	switch c {
	case TypeColumn:
		return anyMatch(cs.Type, lower)
	case DescriptionColumn:
		return anyMatch(cs.Description, lower)
	case MemberDescriptionColumn:
		return anyMatch(cs.MemberDescription, lower)
	case ValueColumn:
		return anyMatch(cs.Value, lower)
	}
	return false
}

// Header is what a table's first header cell says the table lists.
type Header int

const (
	IgnoredHeader      Header = iota + 1 // methods, permissions
	MembersHeader                        // "Member"
	RelationshipHeader                   // "Relationship", "Navigation property"
	PropertyHeader                       // "Property"
	NameHeader                           // "Name", "Field": properties in a type's section
	MemberNameHeader                     // "Name", "Value": members on an enum page
	MethodsHeader                        // "Method"
	AnyMemberHeader                      // a members table's header under "x values"
)

// Is reports whether a lower-cased first header cell is of kind h.
func (s *Set) Is(h Header, lower string) bool {
	cs := &s.v.Columns
	switch h {
	case IgnoredHeader:
		return anyMatch(cs.Ignored, lower)
	case MembersHeader:
		return anyMatch(cs.Members, lower)
	case RelationshipHeader:
		return anyMatch(cs.Relationships, lower)
	case PropertyHeader:
		return anyMatch(cs.Properties, lower)
	case NameHeader:
		return anyMatch(cs.Names, lower)
	case MemberNameHeader:
		return anyMatch(cs.MemberNames, lower)
	case MethodsHeader:
		return anyMatch(cs.Methods, lower)
	case AnyMemberHeader:
		return anyMatch(cs.MemberHeader, lower)
	}
	return false
}

// Primitive returns the Edm name a lower-cased type word names.
func (s *Set) Primitive(word string) (string, bool) {
	edm, ok := s.v.Types.Primitives[word]
	return edm, ok
}

// IsFiller reports a word dropped from a type cell before its type word is
// read ("collection", "of", "the").
func (s *Set) IsFiller(word string) bool { return s.filler[word] }

// IsNotName reports an identifier-shaped word that never names a type
// ("resource", "type", "the").
func (s *Set) IsNotName(lowerWord string) bool { return s.notNames[lowerWord] }

// IsAmbiguousNumber reports a type word that says "a number" without
// saying which.
func (s *Set) IsAmbiguousNumber(lowerWord string) bool {
	return contains(s.v.Types.AmbiguousNumber, lowerWord)
}

// MentionsCollection reports a collection word that starts a word in text:
// "siteCollection" is no collection.
func (s *Set) MentionsCollection(text string) bool {
	lower := strings.ToLower(text)
	for _, w := range s.v.Types.Collection {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			if at == 0 || !letterBefore(lower, at) {
				return true
			}
			from = at + len(w)
		}
	}
	return false
}

// letterBefore reports whether the character before offset at is a letter
// or digit (so a word continues into at).
func letterBefore(s string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
