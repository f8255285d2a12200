package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The words of these pages are made up: no data file has them, so only the
// anchors can decide.

func TestTypeTitleWithoutItsAnchorsNameTakesTheAnchor(t *testing.T) {
	md := "---\nms.contentlocale: xx-XX\n---\n# <a name=\"trending-resource-type\"></a>Trendu Rezurstyp\n\n" +
		"## <a name=\"properties\"></a>Eigenskappen\n|Eigenskap|Tip|Bezkrivung|\n|:--|:--|:--|\n|id|String|x|\n|weight|Double|x|\n"
	p := Parse("insights-trending.md", []byte(md), Options{})
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.trending", p.Types[0].Name, "the anchor names the type the title's words do not")
	assert.Equal(t, "microsoft.graph.trendu", p.Types[0].TitleName, "the title's own name is kept for the resolver")

	same := "# <a name=\"workbook-resource-type\"></a>Rezurstyp „workbook“\n\n## <a name=\"properties\"></a>Eigenskappen\n|Eigenskap|Tip|Bezkrivung|\n|:--|:--|:--|\n|id|String|x|\n"
	p = Parse("workbook.md", []byte(same), Options{})
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.workbook", p.Types[0].Name)
	assert.Empty(t, p.Types[0].TitleName, "a title that shows the anchor's name names the type itself")
}

func TestDerivedTypesSectionByItsAnchor(t *testing.T) {
	md := "# <a name=\"dataprovider-resource-type\"></a>Rezurstyp dataProvider\n\n" +
		"## <a name=\"derived-types\"></a>Abgelejtete Tipen\n| Tip | Bezkrivung |\n|:--|:--|\n| [csvDataProvider](csvdataprovider.md) | CSV. |\n\n" +
		"## <a name=\"properties\"></a>Eigenskappen\n\nKejne.\n"
	p := Parse("dataprovider.md", []byte(md), Options{})
	require.Len(t, p.Types, 1, "a type heading whose section anchored derived-types lists types describes a type")
	require.Len(t, p.Types[0].Derived, 1)
	assert.Equal(t, "csvdataprovider.md", p.Types[0].Derived[0].Link)
}

func TestCommonPropertiesAndRelationshipsByTheirAnchors(t *testing.T) {
	md := "# <a name=\"policy-resource-type\"></a>Rikhtlinie\n\n" +
		"### <a name=\"common-properties\"></a>Allgemejne Eigenskappen\n| Eigenskap | Tip |Bezkrivung|\n|:--|:--|:--|\n|definition|String|x|\n|displayName|String|x|\n\n" +
		"#### <a name=\"common-relationships\"></a>Allgemejne Bezihungen\n|Bezihung|Tip|Bezkrivung|\n|:--|:--|:--|\n|appliesTo|[directoryObject](directoryobject.md) collection|x|\n"
	p := Parse("policy.md", []byte(md), Options{})
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"definition", "displayName", "appliesTo"}, propNames(p.Types[0]))
	assert.True(t, p.Types[0].Properties[2].Navigation, "a section anchored common-relationships holds relationships")
}
