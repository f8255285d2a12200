// Large generated pages: reading one takes time linear in its JSON block's
// keys and its tables' rows (BenchmarkParseLargePage; speed is measured
// there, never asserted), and every row and key of one is read as it would
// be on a small page (the tests).

package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigPage writes a generated resource page, microsoft.graph.big.
type bigPage struct {
	german   bool     // the front matter says ms.contentlocale: de-de
	methods  []string // rows of a Methods table
	props    []string // rows of the Properties section
	relation []string // rows of the Relationships section
	keys     []string // members of the JSON representation (name: value)
	noDelim  bool     // the tables lack their delimiter row
	perTable int      // rows per table (default maxTableRows, the most a table may have)
}

func (p bigPage) bytes() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: \"big resource type\"\ndoc_type: resourcePageType\n")
	if p.german {
		b.WriteString("ms.contentlocale: de-de\n")
	}
	b.WriteString("---\n\n# big resource type\n\nNamespace: microsoft.graph\n\nA type of many properties.\n\n")
	per := p.perTable
	if per == 0 {
		per = maxTableRows
	}
	table := func(title, header string, rows []string) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(&b, "## %s\n", title)
		for i, r := range rows {
			if i%per == 0 {
				fmt.Fprintf(&b, "\n| %s | Type | Description |\n", header)
				if !p.noDelim {
					b.WriteString("|:---|:---|:---|\n")
				}
			}
			b.WriteString(r)
			b.WriteByte('\n')
		}
		b.WriteString("\n")
	}
	table("Methods", "Method", p.methods)
	table("Properties", "Property", p.props)
	table("Relationships", "Relationship", p.relation)
	b.WriteString("## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.big\"\n}-->\n\n```json\n{\n")
	for i, k := range p.keys {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("  " + k)
	}
	b.WriteString("\n}\n```\n")
	return []byte(b.String())
}

func bigName(i int) string { return fmt.Sprintf("p%07d", i) }

func intRow(name string, i int) string { return fmt.Sprintf("| %s | Int32 | Count %d. |", name, i) }

func intKey(name string) string { return fmt.Sprintf("%q: 1024", name) }

// rowsPage has rows rows, each also a key of the JSON block, as real pages
// have them.
func rowsPage(rows int) bigPage {
	var p bigPage
	for i := range rows {
		p.props = append(p.props, intRow(bigName(i), i))
		p.keys = append(p.keys, intKey(bigName(i)))
	}
	return p
}

// keysPage has keys keys, of which a table lists the first ten: the rest
// are properties only the JSON block has.
func keysPage(keys int) bigPage {
	var p bigPage
	for i := range keys {
		if i < 10 {
			p.props = append(p.props, intRow(bigName(i), i))
		}
		p.keys = append(p.keys, intKey(bigName(i)))
	}
	return p
}

func parseBig(t testing.TB, p bigPage) *TypeDoc {
	t.Helper()
	page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
	require.Len(t, page.Types, 1)
	require.Equal(t, "microsoft.graph.big", page.Types[0].Name)
	return page.Types[0]
}

// checkNames checks the properties' names, in order, against name(i).
func checkNames(t *testing.T, td *TypeDoc, n int, name func(int) string) {
	t.Helper()
	require.Len(t, td.Properties, n)
	for i, p := range td.Properties {
		if p.Name != name(i) {
			t.Fatalf("property %d is %q, want %q", i, p.Name, name(i))
		}
	}
}

func countCodes(page *Page) map[string]int {
	out := map[string]int{}
	for _, d := range page.Diags {
		out[d.Code]++
	}
	return out
}

func TestLargePageIsReadWhole(t *testing.T) {
	const n = 20000 // two tables: one table may have maxTableRows rows
	t.Run("rows", func(t *testing.T) {
		p := rowsPage(n)
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		assert.Empty(t, page.Diags)
		require.Len(t, page.Types, 1)
		td := page.Types[0]
		checkNames(t, td, n, bigName)
		for i, p := range td.Properties {
			if p.FromJSON || !p.InJSON || p.Type.Primitive != "Edm.Int32" || p.Description != fmt.Sprintf("Count %d.", i) {
				t.Fatalf("property %d: %+v", i, *p)
			}
		}
	})
	t.Run("keys", func(t *testing.T) {
		p := keysPage(n)
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		assert.Empty(t, page.Diags)
		require.Len(t, page.Types, 1)
		td := page.Types[0]
		checkNames(t, td, n, bigName)
		for i, p := range td.Properties {
			if p.FromJSON != (i >= 10) || p.InJSON != (i < 10) || p.Type.Primitive != "Edm.Int32" {
				t.Fatalf("property %d: %+v", i, *p)
			}
		}
	})
}

// TestLargePageVariants runs, on a few thousand rows, each part of reading
// that once compared each row with every key, listed collection or later
// line of the page; only the result is checked.
func TestLargePageVariants(t *testing.T) {
	const n = 2000
	t.Run("case from the keys", func(t *testing.T) {
		var p bigPage
		for i := range n {
			p.props = append(p.props, intRow(strings.ToUpper(bigName(i)), i))
			p.keys = append(p.keys, intKey(bigName(i)))
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName)
		assert.Equal(t, map[string]int{"name-case": n}, countCodes(page))
	})
	t.Run("between the neighbours", func(t *testing.T) {
		// Every other row is translated; the keys are in reverse order, so
		// the key in a row's place is another row's, and the one key
		// that sorts between its neighbours names it.
		p := bigPage{german: true}
		for i := range n {
			name := bigName(i)
			if i%2 == 1 {
				name = "Übersetzt"
			}
			p.props = append(p.props, intRow(name, i))
			p.keys = append(p.keys, intKey(bigName(n-1-i)))
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName)
		assert.Equal(t, map[string]int{"name-from-json": n / 2}, countCodes(page))
	})
	t.Run("by the key's type", func(t *testing.T) {
		p := bigPage{german: true}
		for i := range n {
			p.relation = append(p.relation, fmt.Sprintf("| Übersetzt | [thing%d](thing%d.md) | Thing %d. |", i, i, i))
			p.keys = append(p.keys, fmt.Sprintf(`"k%07d": {"@odata.type": "microsoft.graph.thing%d"}`, i, i))
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, func(i int) string { return fmt.Sprintf("k%07d", i) })
		assert.Equal(t, map[string]int{"name-from-json": n}, countCodes(page))
	})
	t.Run("by the Methods table", func(t *testing.T) {
		p := bigPage{german: true}
		for i := range n {
			p.methods = append(p.methods, fmt.Sprintf("| [Auflisten](../api/big-list-things%d.md) | [thing%d](thing%d.md) collection | Listet. |", i, i, i))
			p.relation = append(p.relation, fmt.Sprintf("| Übersetzt | [thing%d](thing%d.md) collection | Things %d. |", i, i, i))
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, func(i int) string { return fmt.Sprintf("things%d", i) })
		assert.Equal(t, map[string]int{"name-from-methods": n}, countCodes(page))
	})
	t.Run("tables without a delimiter row", func(t *testing.T) {
		p := rowsPage(n)
		p.noDelim, p.perTable = true, n/2
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName)
		assert.Equal(t, map[string]int{"bad-table": 2}, countCodes(page))
		assert.Equal(t, Position{Line: 17 + n/2, Col: 3}, page.Types[0].Properties[n/2].Pos, "the second table's first row, in the page")
	})
	t.Run("span openings without their halves", func(t *testing.T) {
		p := rowsPage(n)
		for i := range p.props {
			p.props[i] = strings.Replace(p.props[i], "| ", `| <span data-ttu-id="x">`, 1)
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName)
		assert.Empty(t, page.Diags)
	})
	t.Run("comment lines between the rows", func(t *testing.T) {
		p := rowsPage(n)
		for i := range p.props {
			p.props[i] += "\n<!-- | old | row | -->"
		}
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName)
		assert.Empty(t, page.Diags)
	})
	t.Run("a comment opened after every row", func(t *testing.T) {
		p := rowsPage(n)
		for i := range p.props {
			p.props[i] += "\n<!--"
		}
		p.props[n-1] += "\n-->"
		page := Parse("resources/big.md", p.bytes(), Options{RootName: "resources"})
		checkNames(t, page.Types[0], n, bigName) // the rows are keys too
		assert.Equal(t, 1, countTrue(page.Types[0].Properties, func(p *PropDoc) bool { return !p.FromJSON }), "the comment hides every row but the first")
	})
}

func countTrue(props []*PropDoc, f func(*PropDoc) bool) int {
	n := 0
	for _, p := range props {
		if f(p) {
			n++
		}
	}
	return n
}

// BenchmarkParseLargePage parses a page of n table rows (each also a key of
// the JSON block, as real pages have them) and one of n JSON keys (ten of
// them in a table). Parsing is linear in both: the time per op grows with
// n, the time per row or key does not. cpu-ns/op is the process's CPU time
// (the collector's included), steadier than the wall time on a shared
// machine.
func BenchmarkParseLargePage(b *testing.B) {
	for _, bench := range []struct {
		name string
		page func(int) bigPage
	}{{"rows", rowsPage}, {"keys", keysPage}} {
		for _, n := range []int{10000, 100000, 300000} {
			b.Run(fmt.Sprintf("%s=%dk", bench.name, n/1000), func(b *testing.B) {
				data := bench.page(n).bytes()
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				cpu, known := cpuTime()
				for b.Loop() {
					if page := Parse("resources/big.md", data, Options{RootName: "resources"}); len(page.Types) != 1 || len(page.Types[0].Properties) != n {
						b.Fatalf("want one type of %d properties", n)
					}
				}
				if end, _ := cpuTime(); known {
					b.ReportMetric(float64(end-cpu)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}
