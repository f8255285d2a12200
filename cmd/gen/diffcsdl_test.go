package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema"
)

// libraryMetadata is the service behind docs-input, which disagrees with
// the pages in four places (its first comment says which).
func libraryMetadata() string { return filepath.Join("testdata", "library-metadata.xml") }

// The service's CSDL as OLD: every disagreement, and nothing else: the
// types, bases, Go names and interfaces agree where the two do, and the
// member values only the CSDL gives are no finding.
func TestDiffServiceAgainstPages(t *testing.T) {
	xml, docs := libraryMetadata(), repoPath("docs-input", "resources")
	code, r, stderr := runDiffJSON(t, xml, docs)
	assert.Equal(t, exitError, code, stderr)
	at := func(line string) string { return filepath.ToSlash(xml) + ":" + line }
	page := func(file, line string) string {
		return filepath.ToSlash(shortPath(filepath.Join(docs, file))) + ":" + line
	}
	var got []schema.Change
	for _, c := range r.Changes {
		got = append(got, schema.Change{Change: c.Change, Element: c.Element, Aspect: c.Aspect, Name: c.Name, Old: c.Old, New: c.New, Breaking: c.Breaking, At: c.At})
	}
	assert.ElementsMatch(t, []schema.Change{
		{Change: "removed", Element: "type", Name: "microsoft.graph.Json", Old: "complex", Breaking: true, At: at("116")},
		{Change: "changed", Element: "property", Aspect: "type", Name: "microsoft.graph.book.pageCount", Old: "Edm.Int64", New: "Edm.Int32", Breaking: true, At: page("book.md", "21")},
		{Change: "removed", Element: "type", Name: "microsoft.graph.legacyRecord", Old: "complex", Breaking: true, At: at("113")},
		{Change: "removed", Element: "property", Name: "microsoft.graph.member.email", Old: "Edm.String", Breaking: true, At: at("82")},
		{Change: "added", Element: "property", Name: "microsoft.graph.shelf.sections", New: "Collection(Edm.String)", At: page("shelf.md", "25")},
	}, got)
	assert.Zero(t, r.Summary.Descriptions, "descriptions are not compared with a service")

	// The same service against itself: nothing.
	code, r, _ = runDiffJSON(t, xml, xml)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, r.Changes)
}

// The markdown heading says how to read the report, whichever side the
// service is on.
func TestDiffServiceMarkdownHeading(t *testing.T) {
	xml, docs := libraryMetadata(), repoPath("docs-input", "resources")
	code, stdout, stderr := genOut(t, "diff", "-q", "-format", "markdown", xml, docs)
	assert.Equal(t, exitError, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "# Where the docs and the service disagree\n\nOLD is the service's metadata (`"+xml+"`), NEW the docs (`"+docs+"`): "+
		`"removed" is missing from the docs, "changed" contradicts the service, "added" is only in the docs.`), stdout)
	assert.Contains(t, stdout, "\n5 changes, 4 breaking.\n")
	assert.Contains(t, stdout, "- Removed property `microsoft.graph.member.email` (`Member.Email`): `Edm.String` — "+filepath.ToSlash(xml)+":82\n")
	assert.NotContains(t, stdout, "## Documentation", "no descriptions are compared")

	code, stdout, _ = genOut(t, "diff", "-q", "-format", "markdown", docs, xml)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, "OLD is the docs (`"+docs+"`), NEW the service's metadata (`"+xml+"`): "+
		`"added" is missing from the docs, "changed" contradicts the service, "removed" is only in the docs.`)
	assert.Contains(t, stdout, "- Added property `microsoft.graph.member.email`")

	// Two services: an ordinary diff.
	code, stdout, _ = genOut(t, "diff", "-format", "markdown", xml, xml)
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, "# API changes\n"), stdout)
}

// The text format is the same interface as for any diff; -fail-on and
// -types work as for any input.
func TestDiffServiceTextAndFlags(t *testing.T) {
	xml, docs := libraryMetadata(), repoPath("docs-input", "resources")
	code, stdout, _ := genOut(t, "diff", "-q", xml, docs)
	assert.Equal(t, exitError, code)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 6)
	assert.Equal(t, filepath.ToSlash(xml)+":82: breaking: removed property microsoft.graph.member.email: Edm.String (Member.Email)", lines[3])
	assert.Equal(t, "gen diff: 5 changes, 4 breaking: types +0 -2 ~0, properties +1 -1 ~1; 0 descriptions changed", lines[5])

	code, r, _ := runDiffJSON(t, "-q", "-types", "microsoft.graph.shelf", xml, docs)
	assert.Equal(t, exitError, code)
	require.Len(t, r.Changes, 1)
	assert.Equal(t, "microsoft.graph.shelf.sections", r.Changes[0].Name)

	code, _, _ = genOut(t, "diff", "-q", "-fail-on", "breaking", "-types", "microsoft.graph.shelf", xml, docs)
	assert.Equal(t, exitOK, code, "only a compatible change")
}

// A file that is no CSDL is refused at its line and column, exit 2; a
// CSDL with mistakes is read with warnings (-q leaves them out); one with
// no types is an empty input.
func TestDiffServiceInputs(t *testing.T) {
	dir := t.TempDir()
	docs := repoPath("docs-input", "resources")
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		writeFile(t, p, content)
		return p
	}
	const (
		edmx = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` + "\n"
		end  = "\n</Schema></edmx:DataServices></edmx:Edmx>\n"
	)
	html := write("page.html", "<html>\n  <body/>\n</html>\n")
	code, stdout, stderr := genOut(t, "diff", html, docs)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, html+":1:1: error: not-csdl: the root element is <html>, not <edmx:Edmx>")
	assert.Contains(t, stderr, "gen diff: "+html+": not a CSDL $metadata document (above); OLD and NEW are each a folder of pages, a .md page, a schema JSON file or a CSDL $metadata file")

	broken := write("broken.xml", edmx+`<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">`+"\n<EntityType Name=\"a\">\n</Schema>")
	code, _, stderr = genOut(t, "diff", "-q", broken, docs)
	assert.Equal(t, exitUsage, code, "-q leaves out warnings, not errors")
	assert.Contains(t, stderr, broken+":4:10: error: not-csdl: XML syntax error: element <EntityType> closed by </Schema>")

	odd := write("odd.xml", edmx+`<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">`+"\n"+
		`<EntityType Name="shelf" BaseType="graph.nothing"><Property Name="label" Type="Edm.String"/></EntityType>`+end)
	code, _, stderr = genOut(t, "diff", "-types", "microsoft.graph.shelf", odd, docs)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, odd+":3:1: warning: bad-csdl: microsoft.graph.shelf has BaseType microsoft.graph.nothing, which this file does not declare; the type gets no base")
	_, _, stderr = genOut(t, "diff", "-q", "-types", "microsoft.graph.shelf", odd, docs)
	assert.NotContains(t, stderr, "bad-csdl")

	empty := write("empty.xml", edmx+`<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">`+end)
	code, _, stderr = genOut(t, "diff", empty, docs)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "this CSDL file declares no entity, complex or enum type; pass -allow-empty")
	code, _, _ = genOut(t, "diff", "-q", "-allow-empty", empty, docs)
	assert.Equal(t, exitError, code, "compared: everything is added")

	// A schema JSON file is still told from XML by its first character.
	schemaFile := filepath.Join(dir, "schema.json")
	code, _ = gen(t, "-q", "-in", docs, "-out", filepath.Join(dir, "out"), "-pkg", "out", "-schema-out", schemaFile, "-no-cache")
	require.Equal(t, exitOK, code)
	data, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	writeFile(t, schemaFile, "\n  "+string(data))
	code, r, _ := runDiffJSON(t, "-q", libraryMetadata(), schemaFile)
	assert.Equal(t, exitError, code)
	assert.Len(t, r.Changes, 5)
}
