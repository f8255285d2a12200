// The operations pass, a parameter typed String whose row lists its
// possible values: the one enum of the folder that has them all as
// members.

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
)

// enumOfValues returns the enum whose members include every value (case
// aside), where exactly one enum of the folder does; nil otherwise, and
// for fewer than two values (one value tells no enum apart).
func (r *resolver) enumOfValues(values []string) *Type {
	if len(values) < 2 {
		return nil
	}
	var found *Type
	for _, e := range r.order {
		if e.t.Kind != Enum || !hasMembers(e.t, values) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e.t
	}
	return found
}

func hasMembers(t *Type, values []string) bool {
	for _, v := range values {
		ok := false
		for _, m := range t.Members {
			if strings.EqualFold(m.Name, v) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// stringEnum retypes a String parameter whose row lists possible values
// that one enum has.
func (r *resolver) stringEnum(prm *Parameter, d parser.ParamDoc) {
	if prm.Type != "Edm.String" {
		return
	}
	if t := r.enumOfValues(d.PossibleValues); t != nil {
		prm.Type = t.Name
	}
}
