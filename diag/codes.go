// The registry of diagnostic codes: every code any stage reports, with its
// severity and a one-line meaning. Codes are part of the interface (CI tools
// filter on them, -ignore names them), so they never change once published.

package diag

import "slices"

// Code is a registered diagnostic code.
type Code interface {
	Name() string
	Severity() Severity
	Meaning() string
}

type code struct{ name, meaning string }

func (c code) Name() string    { return c.name }
func (c code) Meaning() string { return c.meaning }

// WarningCode is a code reported as a warning: about page content, the run
// still writes a complete package.
type WarningCode struct{ code }

// Severity is Warning.
func (WarningCode) Severity() Severity { return Warning }

// ErrorCode is a code reported as an error.
type ErrorCode struct{ code }

// Severity is Error.
func (ErrorCode) Severity() Severity { return Error }

var registry []Code

func warning(name, meaning string) WarningCode {
	c := WarningCode{code{name, meaning}}
	registry = append(registry, c)
	return c
}

func errorCode(name, meaning string) ErrorCode {
	c := ErrorCode{code{name, meaning}}
	registry = append(registry, c)
	return c
}

// Codes returns every registered code, in registry order (by stage).
func Codes() []Code { return slices.Clone(registry) }

// Lookup returns the code with this name.
func Lookup(name string) (Code, bool) {
	for _, c := range registry {
		if c.Name() == name {
			return c, true
		}
	}
	return nil, false
}

// Reading the input folder.
var (
	Unreadable   = warning("unreadable", "a file or folder under -in that cannot be read; skipped")
	Symlink      = warning("symlink", "a symbolic link under -in; not followed")
	PageTooLarge = warning("page-too-large", "a page over 8 MiB; skipped without being read")
	FolderHint   = warning("folder-hint", "most pages under -in describe no type, and one subfolder holds those that do")
	ReadInput    = errorCode("read-input", "-in cannot be read")
	NothingToDo  = errorCode("nothing-to-generate", "no page under -in describes a type or an enum")
	TypesNoMatch = errorCode("types", "a -types pattern matches no type")
	Internal     = errorCode("internal", "a failure inside gen (a bug): the stage is named, nothing is written")
	RenderFailed = errorCode("render", "the Go code or the schema JSON could not be produced")
	WriteFailed  = errorCode("write", "the output could not be written; the previous output is left as it was")
	CheckFailed  = errorCode("check", "-check could not compare -out with what a run would write")
)

// Reading one page.
var (
	NoType           = warning("no-type", "the page describes no type or enum")
	NoTypeName       = warning("no-type-name", "no name found for a type; the file name is used")
	InvalidUTF8      = warning("invalid-utf8", "the page is not valid UTF-8; invalid bytes are kept")
	BadAnnotation    = warning("bad-annotation", "an annotation comment that is not valid JSON (read leniently)")
	BadJSONBlock     = warning("bad-json-block", "a JSON representation block that is not valid JSON (read leniently)")
	UnclosedFence    = warning("unclosed-fence", "a code fence that runs to the end of the page")
	BadTable         = warning("bad-table", "a table goldmark does not read as one (no or short delimiter row) or a row with the wrong number of cells")
	TableTooLarge    = warning("table-too-large", "a table over 10,000 rows; skipped")
	ValueTable       = warning("value-table", "a further table in a Properties section lists values, not properties")
	BadRow           = warning("bad-row", "a table row without a usable property name; kept as written")
	NameFromJSON     = warning("name-from-json", "a table name replaced by the JSON block's key")
	NameCase         = warning("name-case", "a table name whose case differs from the JSON key or the type; the key's case is used")
	NameFromMethods  = warning("name-from-methods", "a translated row named from a Methods row's API page")
	TypeFromJSON     = warning("type-from-json", "the table's type word disagrees with the JSON example; the example's type is used")
	TypeNameMismatch = warning("type-name-mismatch", "the annotation and the JSON block name different types")
	BadMemberValue   = warning("bad-member-value", "an enum member value that is not an integer")
	MembersNoEnum    = warning("members-without-enum", "a members table with no enum to belong to")
	LinkOutside      = warning("link-outside-input", "a type or base link that leaves the input folder; not followed")
)

// Resolving all pages into one schema.
var (
	DuplicateDef        = warning("duplicate-definition", "a type another page describes too; the definitions are merged")
	DuplicateType       = warning("duplicate-type", "two pages describe one property differently; the primary page wins")
	MemberValueConflict = warning("member-value-conflict", "two pages give one enum member different values; the primary page wins")
	KindConflict        = warning("kind-conflict", "a name described both as an enum and as a structured type")
	UnknownType         = warning("unknown-type", "a property type no page describes; the field becomes json.RawMessage")
	UnknownTypeWord     = warning("unknown-type-word", "a type cell that names no type")
	UnknownBase         = warning("unknown-base", "a base type no page describes")
	BaseConflict        = warning("base-conflict", "the page's signs of its base disagree")
	SelfBase            = warning("self-base", "a type that says it inherits from itself")
	InheritanceCycle    = warning("inheritance-cycle", "bases that form a cycle; one link is dropped")
	DuplicateProperty   = warning("duplicate-property", "a property listed twice on one type")
	DuplicateMember     = warning("duplicate-member", "an enum member listed twice (after recovering translated names)")
	InheritedNotOnBase  = warning("inherited-not-on-base", "a row says it is inherited, but no base declares it")
	JSONOnlyProperty    = warning("json-only-property", "a JSON key no table lists and no base declares; kept as a property")
	UnsafeName          = warning("unsafe-name", "a wire name with quotes, backticks, backslashes, commas or control characters; skipped")
	MemberNameFromProp  = warning("member-name-from-property", "a translated enum member named from a property's possible values")
	BadMemberName       = warning("bad-member-name", "an enum member name that is not an identifier and has no English evidence; kept as written")
	EnumFromValues      = warning("enum-from-values", "an enum no page describes, built from a property's possible values")
	MemberFromValues    = warning("member-from-values", "a member only a property's possible values list")
)

// Checking JSON examples (gen validate): every one is a mistake in the docs.
var (
	InvalidJSON        = errorCode("invalid-json", "the example is not valid JSON (it is still checked, read leniently)")
	UnknownExampleType = errorCode("unknown-example-type", "the example's annotation names a type no page describes")
	UnknownProperty    = errorCode("unknown-property", "a property the type (and its bases) does not have")
	KindMismatch       = errorCode("kind-mismatch", "the JSON kind (string, number, boolean, object, array) does not fit the type")
	BadFormat          = errorCode("bad-format", "a timestamp, date, time, duration or GUID in the wrong form")
	UnknownMember      = errorCode("unknown-member", "an enum value that is no member")
	UnknownODataType   = errorCode("unknown-odata-type", "@odata.type names a type no page describes")
	NotDerived         = errorCode("not-derived", "@odata.type names a type that is not the declared one nor derived from it")
	CollectionMismatch = errorCode("collection-mismatch", "an array where one value is declared, or the reverse")
)
