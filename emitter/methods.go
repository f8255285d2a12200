// The methods every struct type has, and those of a type's interface, in
// the one shape they always have, written already as gofmt writes them:
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
	fmt.Fprintf(&b, "\n// ODataType returns %q.\nfunc (%s) ODataType() string {\n\treturn %q\n}\n", odataType, t.GoName, odataType)
	fmt.Fprintf(&b, "\n// MarshalJSON writes the properties that hold a value, explicit nulls and the additional data.\n"+
		"func (v %s) MarshalJSON() ([]byte, error) {\n\treturn marshalObject(&v)\n}\n", t.GoName)
	fmt.Fprintf(&b, "\n// UnmarshalJSON reads the properties; unknown ones are kept as additional data.\n"+
		"func (v *%s) UnmarshalJSON(data []byte) error {\n\treturn unmarshalObject(data, v)\n}\n", t.GoName)
	if t.GoInterface != "" {
		interfaceDecl(&b, t)
	}
	return b.String()
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
