// The methods every struct type and every enum has, and those of a type's
// interface, in the one shape they always have, written already as gofmt
// writes them:
// go/format is most of the CPU a run spends after parsing, and only the
// declarations before them (fields and their comments, aligned) need it.
// TestMethodsNeedNoFormatting holds them to gofmt's output.

package emitter

import (
	"fmt"
	"strings"

	"github.com/docgen/graphgen/schema"
)

// structMethods is the Go source of t's JSON methods and, for a type with
// derived types, its interface and the methods that implement it.
func structMethods(t *schema.Type) string {
	var b strings.Builder
	odataType := "#" + t.Name
	fmt.Fprintf(&b, "\n// ODataType returns the @odata.type v was decoded with (a type newer than the\n// docs, decoded as this one), else %q.\n"+
		"func (v *%s) ODataType() string {\n\treturn v.odataTypeOr(%q)\n}\n", odataType, t.GoName, odataType)
	valueMethods(&b, t.GoName, "properties")
	if t.GoInterface != "" {
		interfaceDecl(&b, t)
	}
	return b.String()
}

// valueMethods writes the JSON methods and Clone of a struct whose fields
// are what (properties, or an action body's parameters).
func valueMethods(b *strings.Builder, goName, what string) {
	fmt.Fprintf(b, "\n// MarshalJSON writes the %s that hold a value, explicit nulls and the additional data.\n"+
		"func (v %s) MarshalJSON() ([]byte, error) {\n\treturn marshalObject(&v)\n}\n", what, goName)
	fmt.Fprintf(b, "\n// UnmarshalJSON reads the %s; see DecodeError for values that do not fit.\n"+
		"func (v *%s) UnmarshalJSON(data []byte) error {\n\treturn unmarshalObject(data, v)\n}\n", what, goName)
	// A pointer receiver: a value one would make the compiler write a
	// pointer wrapper for every struct (measured in BENCHMARKS.md).
	fmt.Fprintf(b, "\n// Clone returns a deep copy of v: changing one changes nothing in the other.\n"+
		"func (v *%s) Clone() %s {\n\tc := *v\n\tdeepen(&c)\n\treturn c\n}\n", goName, goName)
}

// interfaceDecl declares the interface of a type with derived types: the
// type and every type derived from it implement it (the methods reach them
// through embedding), and no other type can, since one method is
// unexported. Fields declared with the type hold it.
func interfaceDecl(b *strings.Builder, t *schema.Type) {
	as, marker := t.AsMethod(), "is"+t.GoInterface
	fmt.Fprintf(b, "\n// %s is a *%s or a pointer to a type derived from it: each has %s\n", t.GoInterface, t.GoName, as)
	fmt.Fprintf(b, "// through embedding, and no other type can implement it.\ntype %s interface {\n", t.GoInterface)
	fmt.Fprintf(b, "\t// %s returns the %s part of the value (a derived type's embedded %s).\n\t%s() *%s\n", as, t.GoName, t.GoName, as, t.GoName)
	fmt.Fprintf(b, "\t// ODataType returns the @odata.type of the value's own type.\n\tODataType() string\n\t%s()\n}\n", marker)
	fmt.Fprintf(b, "\n// %s returns v: for a type derived from %s, its embedded %s.\n", as, t.GoName, t.GoName)
	fmt.Fprintf(b, "func (v *%s) %s() *%s {\n\treturn v\n}\n", t.GoName, as, t.GoName)
	// gofmt keeps an empty body on the header's line while the header is
	// shorter than 100 bytes.
	header := fmt.Sprintf("func (*%s) %s()", t.GoName, marker)
	if len(header) < 100 {
		fmt.Fprintf(b, "%s {}\n", header)
	} else {
		fmt.Fprintf(b, "%s {\n}\n", header)
	}
}

// enumMethods is the Go source of an enum's methods (it has members):
// String, Values and IsKnown, and Split for flags.
func enumMethods(t *schema.Type) string {
	names := make([]string, len(t.Members))
	for i, m := range t.Members {
		names[i] = m.GoName
	}
	members := strings.Join(names, ", ")
	var b strings.Builder
	fmt.Fprintf(&b, "\n// String returns the value as written on the wire.\nfunc (v %s) String() string {\n\treturn string(v)\n}\n", t.GoName)
	fmt.Fprintf(&b, "\n// Values returns the documented members, in documented order.\nfunc (%s) Values() []%s {\n\treturn []%s{%s}\n}\n",
		t.GoName, t.GoName, t.GoName, members)
	if t.Flags {
		fmt.Fprintf(&b, "\n// IsKnown reports whether every member of the combined value is documented.\nfunc (v %s) IsKnown() bool {\n"+
			"\tfor _, m := range v.Split() {\n\t\tswitch m {\n\t\tcase %s:\n\t\tdefault:\n\t\t\treturn false\n\t\t}\n\t}\n\treturn true\n}\n",
			t.GoName, members)
		fmt.Fprintf(&b, "\n// Split returns the members of a combined flags value (\"a,b\"); JoinFlags joins them.\n"+
			"func (v %s) Split() []%s {\n\treturn splitFlags(v)\n}\n", t.GoName, t.GoName)
		return b.String()
	}
	fmt.Fprintf(&b, "\n// IsKnown reports whether the value is a documented member; others decode and\n// re-encode unchanged.\n"+
		"func (v %s) IsKnown() bool {\n\tswitch v {\n\tcase %s:\n\t\treturn true\n\t}\n\treturn false\n}\n", t.GoName, members)
	return b.String()
}
