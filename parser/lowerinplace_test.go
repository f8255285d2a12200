package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLowerInPlaceKeepsOffsets(t *testing.T) {
	for _, s := range []string{"Inherits From [X]", "ȺȺȺ Inherits from [y](y.md).", "Erbt VON \xff[x]", "Наследуется ОТ", ""} {
		got := lowerInPlace(s)
		assert.Equal(t, len(s), len(got), "%q", s)
	}
	assert.Equal(t, "ȺȺ inherits from", lowerInPlace("ȺȺ Inherits FROM"))
	assert.Equal(t, "наследуется от", lowerInPlace("Наследуется ОТ"))
}

// A page whose prose has letters with a longer lower case before the
// phrases and tags the parser looks for does not panic (it did, cutting
// the text as written at the offsets of its lower case).
func TestLongerLowerCaseDoesNotPanic(t *testing.T) {
	md := "# <a ȺȺȺȺȺȺ name=\"x-resource-type\"></a>x resource type\n\nȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ inherits from [y](y.md).\n\n" +
		"ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ This is the base type for [z](z.md).\n\n" +
		"## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|ȺȺȺȺȺȺȺȺȺȺ Inherited from [y](y.md)|\n" +
		"|kind|String|ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ Possible values are: `a`, `b`.|\n"
	var p *Page
	assert.NotPanics(t, func() { p = Parse("resources/x.md", []byte(md), Options{RootName: "resources"}) })
	require.Len(t, p.Types, 1)
	require.Len(t, p.Types[0].Properties, 2)
	assert.Equal(t, []string{"a", "b"}, p.Types[0].Properties[1].PossibleValues, "the list cut where the phrase is, not where its lower case is")
	assert.NotPanics(t, func() { anchorName("<a ȺȺȺȺȺȺ name=\"x\">") })
}
