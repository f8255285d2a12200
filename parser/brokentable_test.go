package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
)

const brokenTablePage = `# postalAddress resource type

Namespace: microsoft.graph

An address.

## Properties
%s
## JSON representation

` + "```json" + `
{
  "city": "String",
  "postalCode": "String"
}
` + "```" + `
`

func badTables(p *Page) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range p.Diags {
		if d.Code == diag.BadTable.Name() {
			out = append(out, d)
		}
	}
	return out
}

func TestBrokenPropertyTablesAreStillRead(t *testing.T) {
	cases := map[string]struct {
		table, problem string
	}{
		"no delimiter row": {
			"| Property | Type | Description |\n| city | String | The city. |\n| postalCode | Int32 | The postal code. |\n",
			"no delimiter row (|---|---|) under the header",
		},
		"short delimiter row": {
			"| Property | Type | Description |\n|:--|:--|\n| city | String | The city. |\n| postalCode | Int32 | The postal code. |\n",
			"the delimiter row has 2 cells, the header 3",
		},
		"no outer pipes": {
			"Property | Type | Description\ncity | String | The city.\npostalCode | Int32 | The postal code.\n",
			"no delimiter row (|---|---|) under the header",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := parse(t, fmt.Sprintf(brokenTablePage, c.table))
			require.Len(t, p.Types, 1)
			td := p.Types[0]
			assert.Equal(t, []string{"city", "postalCode"}, propNames(td))
			pc := prop(t, td, "postalCode")
			assert.Equal(t, "Edm.Int32", pc.Type.Primitive, "the table's type, not the JSON placeholder's")
			assert.Equal(t, "The postal code.", pc.Description)
			assert.Equal(t, 8+len(strings.Split(c.table, "\n"))-2, pc.Pos.Line, "rows keep their lines")
			bad := badTables(p)
			require.Len(t, bad, 1, "%v", p.Diags)
			assert.Equal(t, 8, bad[0].Line)
			assert.Equal(t, 1, bad[0].Col)
			assert.Contains(t, bad[0].Message, c.problem)
		})
	}
}

func TestRowsWithTheWrongNumberOfCellsAreReported(t *testing.T) {
	table := "| Property | Type | Description |\n|:--|:--|:--|\n| city | String |\n| postalCode | Int32 | The code | as printed | on mail. |\n"
	p := parse(t, fmt.Sprintf(brokenTablePage, table))
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"city", "postalCode"}, propNames(p.Types[0]))
	bad := badTables(p)
	require.Len(t, bad, 2, "%v", p.Diags)
	assert.Equal(t, 10, bad[0].Line)
	assert.Contains(t, bad[0].Message, "row has 2 cells, the header 3; the missing cells are read as empty")
	assert.Equal(t, 11, bad[1].Line)
	assert.Contains(t, bad[1].Message, "row has 5 cells, the header 3 (an unescaped | in a cell?)")
}

func TestWellFormedTablesGetNoBadTable(t *testing.T) {
	table := "| Property | Type | Description |\n|:--|:--|:--|\n| city | String | The city \\| town. |\n| postalCode | Int32 | `a\\|b` |\n"
	p := parse(t, fmt.Sprintf(brokenTablePage, table))
	assert.Empty(t, badTables(p), "%v", p.Diags)
	// A row split by a raw newline is one row: its first part has every
	// cell, the rest continues the last one.
	split := "| Property | Type | Description |\n|:--|:--|:--|\n| city | String | The city\nwhere it is. |\n| postalCode | Int32 | The code. |\n"
	p = parse(t, fmt.Sprintf(brokenTablePage, split))
	assert.Empty(t, badTables(p), "%v", p.Diags)
	assert.Equal(t, "The city where it is.", prop(t, p.Types[0], "city").Description)
}

func TestBrokenMembersTable(t *testing.T) {
	page := "---\ndoc_type: enumPageType\n---\n# shelfKind enum type\n\nNamespace: microsoft.graph\n\n## Members\n| Member | Value | Description |\n| rack | 0 | A rack. |\n| display | 1 | A display. |\n"
	p := parse(t, page)
	require.Len(t, p.Enums, 1, "%v", p.Diags)
	var names []string
	for _, m := range p.Enums[0].Members {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"rack", "display"}, names)
	require.Len(t, badTables(p), 1)
	assert.Equal(t, 9, badTables(p)[0].Line, "the header line")
}

func TestPipeProseOutsideTablesIsProse(t *testing.T) {
	page := "# thing resource type\n\nUse a | b to mean either,\nor c | d.\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| a | String | x |\n"
	p := parse(t, page)
	assert.Empty(t, badTables(p))
	require.Len(t, p.Types, 1)
	assert.Equal(t, []string{"a"}, propNames(p.Types[0]))
}

func TestBrokenTableInBilingualPagePointsAtTheOriginal(t *testing.T) {
	span := func(ru, en string) string {
		return `<span data-ttu-id="1">` + ru + `</span><span class="sxs-lookup"><span data-stu-id="1">` + en + `</span></span>`
	}
	table := "| " + span("Свойство", "Property") + " | " + span("Тип", "Type") + " | " + span("Описание", "Description") + " |\n" +
		"| city | String | " + span("Город.", "The city.") + " |\n| postalCode | Int32 | " + span("Индекс.", "The postal code.") + " |\n"
	p := parse(t, fmt.Sprintf(brokenTablePage, table))
	require.Len(t, p.Types, 1)
	pc := prop(t, p.Types[0], "postalCode")
	assert.Equal(t, "Edm.Int32", pc.Type.Primitive)
	assert.Equal(t, "The postal code.", pc.Description)
	assert.Equal(t, 10, pc.Pos.Line)
	assert.Equal(t, 3, pc.Pos.Col)
	require.Len(t, badTables(p), 1)
	assert.Equal(t, 8, badTables(p)[0].Line)
}
