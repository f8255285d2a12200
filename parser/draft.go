// What reading a page needs beyond the page model: the drafts of its
// types, dropped when Parse returns, so the model holds only what the
// resolver reads.

package parser

// typeDraft is a type while its page is read: the TypeDoc the page model
// keeps, and the scratch that only reading needs.
type typeDraft struct {
	*TypeDoc

	annotated bool // an annotation named this type
	jsonType  string
	titleName string
	// ownTitle is the title's own name where its anchor named the type
	// instead (anchorNamed).
	ownTitle string
	sawTable bool
	// typeHeading: the heading says "x resource type" (or "complex type").
	typeHeading bool
	// listsOperations: a Methods table links to API pages.
	listsOperations bool
	listed          []listedCollection // Methods rows on <page>-list-<x>.md
	tables          int                // property tables read so far
	jsonBlock       *JSONValue
	jsonOffset      int
	jsonPos         Position
	rows            map[*PropDoc]rowDraft
}

// rowDraft is where a property row came from.
type rowDraft struct {
	table          int  // which of its type's property tables lists it, from 1
	inheritedTable bool // a paragraph before its table says the rows are inherited
}
