// The operations pass, what the shape of an entry point's paths says of
// it: whether its keys key a set, a word written where a key goes, the
// types its paths cast it to.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
)

// plainName: a segment that is a bare name, no key, cast, $-segment or
// call.
func plainName(s parser.Segment) bool {
	return s.Name != "" && !s.Key && !s.Parens && !strings.ContainsAny(s.Name, ".$")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// namePrefix: the type's short name starts the entry point's name, case
// aside (onPremisesPublishingProfile, onPremisesPublishingProfiles).
func namePrefix(typ, entry string) bool {
	short := parser.ShortName(typ)
	return entry != "" && len(short) <= len(entry) && strings.EqualFold(entry[:len(short)], short)
}

// setKeys counts the paths that key the entry point as a set, once its type
// t is known:
//   - a key followed by a name that is no property of t, but a property
//     of what one of t's navigation properties reaches, stands for that
//     property's name (/roleManagement/{rbacApplication}/roleDefinitions:
//     directory or deviceManagement), and keys nothing;
//   - where no page gets or lists the entry point itself, a name that is
//     no property of t, followed in its paths by two or more of t's
//     navigation properties, is a key written as a word
//     (/privilegedAccess/azureResources/resources, .../roleDefinitions);
//     a misspelt property followed by one (/me/calendarGroup/calendars)
//     is none.
func (r *resolver) setKeys(t *Type, e *entryEvidence) int {
	if t == nil {
		return len(e.afterKey)
	}
	n := 0
	for _, next := range e.afterKey {
		if next == "" || !r.standsForProperty(t, next) {
			n++
		}
	}
	if e.single > 0 || len(e.types) > 0 {
		return n
	}
	navs := map[string]map[string]bool{} // word -> navigation properties after it
	for _, pair := range e.wordThen {
		word := strings.ToLower(pair[0])
		if r.findProperty(t, word) != nil {
			continue
		}
		if p := r.findProperty(t, pair[1]); p != nil && p.Navigation {
			if navs[word] == nil {
				navs[word] = map[string]bool{}
			}
			navs[word][strings.ToLower(p.Name)] = true
		}
	}
	for _, after := range navs {
		if len(after) >= 2 {
			n++
		}
	}
	return n
}

// standsForProperty: name is no property of t, and is a property of the
// type one of t's navigation properties reaches.
func (r *resolver) standsForProperty(t *Type, name string) bool {
	if r.findProperty(t, name) != nil {
		return false
	}
	for _, p := range t.Properties {
		if p.Navigation && p.Ref != nil && r.findProperty(p.Ref, name) != nil {
			return true
		}
	}
	for b := range t.Ancestors() {
		for _, p := range b.Properties {
			if p.Navigation && p.Ref != nil && r.findProperty(p.Ref, name) != nil {
				return true
			}
		}
	}
	return false
}

// castsBase returns the type an entry point holds where its paths cast it
// to types that typ is not a base of (/places/microsoft.graph.room and
// /places/microsoft.graph.roomList, where a page's example says room): the
// nearest base of typ that every cast type derives from; typ when none is
// or when every cast already derives from it.
func (r *resolver) castsBase(typ string, casts []string) string {
	t, ok := r.lookup(typ)
	if !ok || len(casts) == 0 {
		return typ
	}
	var cast []*Type
	for _, c := range casts {
		if e := r.lookupName(c, graphNamespace); e != nil && e.t.Kind != Enum {
			cast = append(cast, e.t)
		}
	}
	for cand := t; cand != nil; cand = cand.BaseType {
		all := true
		for _, c := range cast {
			if c != cand && !descendsFrom(c, cand, 9) {
				all = false
				break
			}
		}
		if all {
			return cand.Name
		}
	}
	return typ
}
