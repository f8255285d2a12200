package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema"
)

// resourcePage writes a small English resource page.
func resourcePage(name, base, description string, rows ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s resource type\n\nNamespace: microsoft.graph\n\n%s\n\n", name, description)
	if base != "" {
		fmt.Fprintf(&b, "Inherits from [%s](%s.md).\n\n", base, strings.ToLower(base))
	}
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s |\n", r)
	}
	return b.String()
}

func enumPage(name, description string, members ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ndoc_type: enumPageType\n---\n# %s enum type\n\nNamespace: microsoft.graph\n\n%s\n\n## Members\n\n| Member | Value | Description |\n|:--|:--|:--|\n", name, description)
	for _, m := range members {
		fmt.Fprintf(&b, "| %s |\n", m)
	}
	return b.String()
}

func writePages(t *testing.T, pages map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range pages {
		writeFile(t, filepath.Join(dir, name), content)
	}
	return dir
}

// basePages is the old API the cases change.
func basePages() map[string]string {
	return map[string]string{
		"entity.md":  resourcePage("entity", "", "The base of entities.", "id | String | The key."),
		"item.md":    resourcePage("item", "entity", "An item.", "name | String | The name.", "size | Int32 | The size.", "tags | String collection | The tags.", "owner | [person](person.md) | The owner."),
		"person.md":  resourcePage("person", "", "A person.", "displayName | String | The name shown."),
		"special.md": resourcePage("special", "item", "A special item.", "level | Int32 | The level."),
		"color.md":   enumPage("color", "A color.", "red | 0 | Red.", "green | 1 | Green.", "blue | 2 | Blue."),
	}
}

type diffResult struct {
	Changes []schema.Change `json:"changes"`
	Summary struct {
		Changes, Breaking, Descriptions int
	} `json:"summary"`
}

func runDiffJSON(t *testing.T, args ...string) (int, diffResult, string) {
	t.Helper()
	code, stdout, stderr := genOut(t, append([]string{"diff", "-format", "json"}, args...)...)
	var r diffResult
	require.NoError(t, json.Unmarshal([]byte(stdout), &r), stdout+stderr)
	return code, r, stderr
}

func TestDiffEveryChangeKind(t *testing.T) {
	cases := []struct {
		name   string
		change func(p map[string]string)
		want   []schema.Change // Change, Element, Aspect, Name, Old, New, Breaking, At (file:line)
	}{
		{"type added", func(p map[string]string) {
			p["extra.md"] = resourcePage("extra", "", "New.", "x | String | X.")
		}, []schema.Change{{Change: "added", Element: "type", Name: "microsoft.graph.extra", New: "complex", At: "extra.md:1"}}},
		{"type removed", func(p map[string]string) { delete(p, "special.md") },
			// An added or removed type stands for its properties.
			[]schema.Change{{Change: "removed", Element: "type", Name: "microsoft.graph.special", Old: "entity", Breaking: true, At: "special.md:1"},
				// item loses its only derived type, and with it AnyItem.
				{Change: "changed", Element: "go-name", Aspect: "interface", Name: "microsoft.graph.item", Old: "AnyItem", New: "", Breaking: true, At: "item.md:1"}}},
		{"enum to struct", func(p map[string]string) {
			p["color.md"] = resourcePage("color", "", "A color.", "rgb | String | The value.")
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "kind", Name: "microsoft.graph.color", Old: "enum", New: "complex", Breaking: true, At: "color.md:1"},
			{Change: "added", Element: "property", Name: "microsoft.graph.color.rgb", New: "Edm.String", At: "color.md:11"},
			{Change: "removed", Element: "member", Name: "microsoft.graph.color.blue", Old: "2", Breaking: true, At: "color.md:16"},
			{Change: "removed", Element: "member", Name: "microsoft.graph.color.green", Old: "1", Breaking: true, At: "color.md:15"},
			{Change: "removed", Element: "member", Name: "microsoft.graph.color.red", Old: "0", Breaking: true, At: "color.md:14"}}},
		{"base changed", func(p map[string]string) {
			p["special.md"] = resourcePage("special", "entity", "A special item.", "level | Int32 | The level.")
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "base", Name: "microsoft.graph.special", Old: "microsoft.graph.item", New: "microsoft.graph.entity", Breaking: true, At: "special.md:1"},
			{Change: "changed", Element: "go-name", Aspect: "interface", Name: "microsoft.graph.item", Old: "AnyItem", New: "", Breaking: true, At: "item.md:1"}}},
		{"base added", func(p map[string]string) {
			p["person.md"] = resourcePage("person", "entity", "A person.", "displayName | String | The name shown.")
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "base", Name: "microsoft.graph.person", Old: "", New: "microsoft.graph.entity", At: "person.md:1"},
			// An id key makes an entity: entity and complex types render alike.
			{Change: "changed", Element: "type", Aspect: "kind", Name: "microsoft.graph.person", Old: "complex", New: "entity", At: "person.md:1"}}},
		{"property added", func(p map[string]string) {
			p["person.md"] = resourcePage("person", "", "A person.", "displayName | String | The name shown.", "mail | String | The address.")
		}, []schema.Change{{Change: "added", Element: "property", Name: "microsoft.graph.person.mail", New: "Edm.String", At: "person.md:12"}}},
		{"property removed", func(p map[string]string) {
			p["item.md"] = strings.Replace(p["item.md"], "| size | Int32 | The size. |\n", "", 1)
		}, []schema.Change{{Change: "removed", Element: "property", Name: "microsoft.graph.item.size", Old: "Edm.Int32", Breaking: true, At: "item.md:14"}}},
		{"property type", func(p map[string]string) {
			p["item.md"] = strings.Replace(p["item.md"], "| size | Int32 |", "| size | Int64 |", 1)
		}, []schema.Change{{Change: "changed", Element: "property", Aspect: "type", Name: "microsoft.graph.item.size", Old: "Edm.Int32", New: "Edm.Int64", Breaking: true, At: "item.md:14"}}},
		{"single to collection", func(p map[string]string) {
			p["item.md"] = strings.Replace(p["item.md"], "| tags | String collection |", "| tags | String |", 1)
		}, []schema.Change{{Change: "changed", Element: "property", Aspect: "type", Name: "microsoft.graph.item.tags", Old: "Collection(Edm.String)", New: "Edm.String", Breaking: true, At: "item.md:15"}}},
		{"wire name case", func(p map[string]string) {
			p["person.md"] = resourcePage("person", "", "A person.", "displayname | String | The name shown.")
		}, []schema.Change{{Change: "changed", Element: "property", Aspect: "wire-name", Name: "microsoft.graph.person.displayname", Old: "displayName", New: "displayname", Breaking: true, At: "person.md:11"},
			{Change: "changed", Element: "go-name", Name: "microsoft.graph.person.displayname", Old: "Person.DisplayName", New: "Person.Displayname", Breaking: true, At: "person.md:11"}}},
		{"member added", func(p map[string]string) {
			p["color.md"] = enumPage("color", "A color.", "red | 0 | Red.", "green | 1 | Green.", "blue | 2 | Blue.", "black | 3 | Black.")
		}, []schema.Change{{Change: "added", Element: "member", Name: "microsoft.graph.color.black", New: "3", At: "color.md:17"}}},
		{"member removed", func(p map[string]string) {
			p["color.md"] = enumPage("color", "A color.", "red | 0 | Red.", "blue | 2 | Blue.")
		}, []schema.Change{{Change: "removed", Element: "member", Name: "microsoft.graph.color.green", Old: "1", Breaking: true, At: "color.md:15"}}},
		{"member value", func(p map[string]string) {
			p["color.md"] = enumPage("color", "A color.", "red | 0 | Red.", "green | 1 | Green.", "blue | 4 | Blue.")
		}, []schema.Change{{Change: "changed", Element: "member", Aspect: "value", Name: "microsoft.graph.color.blue", Old: "2", New: "4", At: "color.md:16"}}},
		{"flags", func(p map[string]string) {
			p["color.md"] = enumPage("color", "A flag enum of colors.", "red | 0 | Red.", "green | 1 | Green.", "blue | 2 | Blue.")
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "flags", Name: "microsoft.graph.color", Old: "false", New: "true", At: "color.md:4"},
			{Change: "changed", Element: "description", Name: "microsoft.graph.color", Old: "A color.", New: "A flag enum of colors.", At: "color.md:4"}}},
		{"open type", func(p map[string]string) {
			p["person.md"] = resourcePage("person", "", "A person. This resource is an open type.", "displayName | String | The name shown.")
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "open", Name: "microsoft.graph.person", Old: "false", New: "true", At: "person.md:1"},
			{Change: "changed", Element: "description", Name: "microsoft.graph.person", Old: "A person.", New: "A person. This resource is an open type.", At: "person.md:1"}}},
		{"abstract", func(p map[string]string) {
			p["person.md"] += "\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.person\", \"abstract\": true} -->\n"
		}, []schema.Change{{Change: "changed", Element: "type", Aspect: "abstract", Name: "microsoft.graph.person", Old: "false", New: "true", At: "person.md:1"}}},
		{"a colliding row renames nothing", func(p map[string]string) {
			// The new row takes the suffix, wherever it stands: names are
			// claimed by their spelling, not their order.
			p["person.md"] = resourcePage("person", "", "A person.", "display_name | String | The title shown.", "displayName | String | The name shown.")
		}, []schema.Change{{Change: "added", Element: "property", Name: "microsoft.graph.person.display_name", New: "Edm.String", At: "person.md:11"}}},
		{"description", func(p map[string]string) {
			p["item.md"] = strings.Replace(p["item.md"], "| The size. |", "| The size, in bytes. |", 1)
		}, []schema.Change{{Change: "changed", Element: "description", Name: "microsoft.graph.item.size", Old: "The size.", New: "The size, in bytes.", At: "item.md:14"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oldPages, newPages := basePages(), basePages()
			c.change(newPages)
			old, new := writePages(t, oldPages), writePages(t, newPages)
			// Run beside both folders: each change is named from here,
			// under the folder it was found in.
			t.Chdir(filepath.Dir(old))
			oldAt, newAt := filepath.Base(old)+"/", filepath.Base(new)+"/"
			code, r, stderr := runDiffJSON(t, old, new)
			assert.Equal(t, exitError, code, "-fail-on any (the default) found a change")
			require.NotEmpty(t, r.Changes, stderr)
			if c.want == nil {
				return
			}
			var got []schema.Change
			for _, ch := range r.Changes {
				if ch.Change == "removed" {
					assert.True(t, strings.HasPrefix(ch.At, oldAt), "a removal is placed in OLD: %s", ch.At)
				} else {
					assert.True(t, strings.HasPrefix(ch.At, newAt), "placed in NEW: %s", ch.At)
				}
				ch.At = filepath.Base(ch.At)
				ch.Go, ch.Type = "", ""
				got = append(got, ch)
			}
			assert.ElementsMatch(t, c.want, got)
			breaking := 0
			for _, w := range c.want {
				if w.Breaking {
					breaking++
				}
			}
			assert.Equal(t, breaking, r.Summary.Breaking)
		})
	}
}

func TestDiffNoiseFree(t *testing.T) {
	old := basePages()
	cases := map[string]func(p map[string]string){
		"reflowed prose": func(p map[string]string) {
			p["person.md"] = strings.Replace(p["person.md"], "A person.", "A\nperson.", 1)
		},
		"rows in another order": func(p map[string]string) {
			p["item.md"] = resourcePage("item", "entity", "An item.", "owner | [person](person.md) | The owner.", "tags | String collection | The tags.", "size | Int32 | The size.", "name | String | The name.")
		},
		"page moved to another file": func(p map[string]string) {
			p["things/person-resource.md"] = strings.Replace(p["person.md"], "](", "](../", -1)
			delete(p, "person.md")
			p["item.md"] = strings.Replace(p["item.md"], "(person.md)", "(things/person-resource.md)", 1)
		},
		"bilingual side-by-side form": func(p map[string]string) {
			span := func(ru, en string) string {
				return `<span data-ttu-id="1">` + ru + `</span><span class="sxs-lookup"><span data-stu-id="1">` + en + `</span></span>`
			}
			p["person.md"] = "# " + span("тип ресурса person", "person resource type") + "\n\n" + span("Пространство имен: microsoft.graph", "Namespace: microsoft.graph") +
				"\n\n" + span("Человек.", "A person.") + "\n\n## " + span("Свойства", "Properties") +
				"\n\n| " + span("Свойство", "Property") + " | " + span("Тип", "Type") + " | " + span("Описание", "Description") + " |\n|:--|:--|:--|\n" +
				"| displayName | String | " + span("Показываемое имя.", "The name shown.") + " |\n"
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			newPages := basePages()
			change(newPages)
			code, r, stderr := runDiffJSON(t, writePages(t, old), writePages(t, newPages))
			assert.Empty(t, r.Changes, stderr)
			assert.Equal(t, exitOK, code)
		})
	}
}

func TestDiffExitCodesAndInputs(t *testing.T) {
	old := writePages(t, basePages())
	same := writePages(t, basePages())
	added := basePages()
	added["extra.md"] = resourcePage("extra", "", "New.", "x | String | X.")
	compatible := writePages(t, added)
	removed := basePages()
	delete(removed, "special.md")
	breaking := writePages(t, removed)

	code, _, _ := genOut(t, "diff", old, same)
	assert.Equal(t, exitOK, code, "nothing changed")
	code, _, _ = genOut(t, "diff", old, compatible)
	assert.Equal(t, exitError, code, "-fail-on any (the default)")
	code, stdout, _ := genOut(t, "diff", "-fail-on", "breaking", old, compatible)
	assert.Equal(t, exitOK, code, "an addition is not breaking")
	assert.Contains(t, stdout, ": compatible: added type microsoft.graph.extra: complex (Extra)")
	code, stdout, _ = genOut(t, "diff", "-fail-on", "breaking", old, breaking)
	assert.Equal(t, exitError, code)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 3, stdout)
	assert.Regexp(t, `item\.md:1: breaking: changed go-name interface microsoft.graph.item: AnyItem -> none \(Item\)$`, lines[0])
	assert.Regexp(t, `special\.md:1: breaking: removed type microsoft.graph.special: entity \(Special\)$`, lines[1])
	assert.Regexp(t, `^gen diff: 2 changes, 2 breaking: types \+0 -1 ~0, go-names \+0 -0 ~1; 0 descriptions changed$`, lines[2])

	// Schema JSON files, in any mix with folders; version 1 files too.
	schemaFile := filepath.Join(t.TempDir(), "old.json")
	out := filepath.Join(t.TempDir(), "models")
	code, stderr := gen(t, "-in", old, "-out", out, "-schema-out", schemaFile, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	code, r, _ := runDiffJSON(t, schemaFile, breaking)
	assert.Equal(t, exitError, code)
	assert.Equal(t, 2, r.Summary.Breaking)
	code, r, _ = runDiffJSON(t, schemaFile, same)
	assert.Equal(t, exitOK, code, "a schema file and the folder it came from are the same API: %+v", r.Changes)
	data, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	v1 := filepath.Join(t.TempDir(), "v1.json")
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	doc["version"] = 1
	for _, ty := range doc["types"].([]any) {
		for _, p := range ty.(map[string]any)["properties"].([]any) {
			delete(p.(map[string]any), "source")
		}
	}
	data, _ = json.Marshal(doc)
	require.NoError(t, os.WriteFile(v1, data, 0o644))
	tagged := basePages()
	tagged["item.md"] = strings.Replace(tagged["item.md"], "| size | Int32 |", "| size | Int64 |", 1)
	code, r, _ = runDiffJSON(t, v1, writePages(t, tagged))
	assert.Equal(t, exitError, code)
	require.Len(t, r.Changes, 1)
	assert.True(t, strings.HasSuffix(r.Changes[0].At, "item.md:14"), "placed in NEW: %s", r.Changes[0].At)
	code, r, _ = runDiffJSON(t, writePages(t, tagged), v1)
	assert.Equal(t, exitError, code, "NEW to OLD changes too")
	require.Len(t, r.Changes, 1)
	assert.Equal(t, "item.md:1", r.Changes[0].At, "a version 1 file places a property at its type")

	// -types limits the report to the named types and what they need.
	code, r, _ = runDiffJSON(t, "-types", "microsoft.graph.person", old, breaking)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, r.Changes)

	// Bad usage and unreadable inputs exit 2.
	for _, args := range [][]string{{"diff", old}, {"diff", "-format", "xml", old, same}, {"diff", "-fail-on", "some", old, same},
		{"diff", old, filepath.Join(t.TempDir(), "missing")}, {"diff", "-types", "microsoft.graph.nothing", old, same}} {
		code, _, _ := genOut(t, args...)
		assert.Equal(t, exitUsage, code, "%v", args)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": 9, "types": []}`), 0o644))
	code, _, stderr = genOut(t, "diff", bad, same)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "version 9")
}

func TestDiffMarkdownAndVerbose(t *testing.T) {
	oldPages, newPages := basePages(), basePages()
	delete(newPages, "special.md")
	newPages["extra.md"] = resourcePage("extra", "", "New.", "x | String | X.")
	newPages["item.md"] = strings.Replace(newPages["item.md"], "| The size. |", "| The size, in bytes. |", 1)
	newPages["item.md"] = strings.Replace(newPages["item.md"], "| size | Int32 |", "| size | Int64 |", 1)
	old, new := writePages(t, oldPages), writePages(t, newPages)
	_, md, _ := genOut(t, "diff", "-format", "markdown", old, new)
	for _, want := range []string{"# API changes", "## Breaking", "### `microsoft.graph.special`", "- Removed type `microsoft.graph.special` (`Special`): `entity` — ",
		"## Added", "### `microsoft.graph.extra`", "## Documentation", "1 descriptions changed (listed with -v)."} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "The size, in bytes")
	_, md, _ = genOut(t, "diff", "-format", "markdown", "-v", old, new)
	assert.Contains(t, md, "- Changed description `microsoft.graph.item.size` (`Item.Size`)")
	_, text, _ := genOut(t, "diff", old, new)
	assert.NotContains(t, text, "changed description")
	_, text, _ = genOut(t, "diff", "-v", old, new)
	assert.Contains(t, text, ": compatible: changed description microsoft.graph.item.size (Item.Size)")
}

func TestCheckShowsTheAPIChanges(t *testing.T) {
	in, out := copyDocsInput(t)
	t.Chdir(filepath.Dir(out))
	schemaFile := filepath.Join(t.TempDir(), "schema.json")
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-schema-out", schemaFile)
	require.Equal(t, exitOK, code, stderr)
	page := filepath.Join(in, "book.md")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, []byte(strings.Replace(string(b), "| edition | Int16 | The edition number. |\n", "", 1)), 0o644))
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-schema-out", schemaFile, "-check")
	assert.Equal(t, exitError, code)
	summary := strings.Index(stdout, "gen: API changes since "+schemaFile)
	files := strings.Index(stdout, "changed "+filepath.Join(out, "book.go"))
	require.GreaterOrEqual(t, summary, 0, stdout)
	assert.Less(t, summary, files, "the summary comes before the file diffs")
	// Without its row, edition is what the JSON example says: an Int32,
	// at the JSON key; named from the current folder.
	assertLine(t, stdout, "docs-input/resources/book.md:62: breaking: changed property type microsoft.graph.book.edition: Edm.Int16 -> Edm.Int32 (Book.Edition)")
	assert.Contains(t, stdout, "gen diff: 2 changes, 1 breaking: properties +0 -0 ~1; 1 descriptions changed")
}

// Two single pages compare as the types they describe; -q leaves out the
// pages' warnings; a file that is neither a page nor a schema says what is
// accepted.
func TestDiffOfTwoPages(t *testing.T) {
	old := writePages(t, map[string]string{"item.md": resourcePage("item", "", "An item.", "name | String | The name.", "owner | [ghost](ghost.md) | x")})
	new := writePages(t, map[string]string{"item.md": resourcePage("item", "", "An item.", "name | Int32 | The name.", "owner | [ghost](ghost.md) | x")})
	code, res, stderr := runDiffJSON(t, filepath.Join(old, "item.md"), filepath.Join(new, "item.md"))
	assert.Equal(t, exitError, code, stderr)
	require.NotEmpty(t, res.Changes)
	assert.Contains(t, stderr, "item.md:", "the page's warnings, at the page")
	var out, errOut strings.Builder
	code = run(testHooks(t), []string{"diff", "-q", filepath.Join(old, "item.md"), filepath.Join(new, "item.md")}, &out, &errOut)
	assert.Equal(t, exitError, code)
	assert.Empty(t, errOut.String(), "-q: no warnings")
	other := filepath.Join(t.TempDir(), "notes.txt")
	writeFile(t, other, "- not json")
	errOut.Reset()
	code = run(testHooks(t), []string{"diff", other, other}, &out, &errOut)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut.String(), "OLD and NEW are each a folder of pages, a .md page, a schema JSON file or a CSDL $metadata file")
}

// A field whose Go type changes is breaking, whichever page change moved
// it: the base lost (its id was *string) and an id of another type added.
func TestDiffJudgesByGoFields(t *testing.T) {
	old := basePages()
	new := basePages()
	new["item.md"] = resourcePage("item", "", "An item.", "id | Int32 | The key, now a number.", "name | String | The name.", "size | Int32 | The size.", "tags | String collection | The tags.", "owner | [person](person.md) | The owner.")
	code, res, stderr := runDiffJSON(t, writePages(t, old), writePages(t, new))
	assert.Equal(t, exitError, code, stderr)
	var found bool
	for _, c := range res.Changes {
		if c.Go == "Item.ID" && c.Aspect == "go-type" {
			found = true
			assert.True(t, c.Breaking)
			assert.Equal(t, "*string", c.Old)
			assert.Equal(t, "*int32", c.New)
			assert.Equal(t, "microsoft.graph.item.id", c.Name)
		}
	}
	assert.True(t, found, "the Go field's new type is reported: %+v", res.Changes)
}

// gen diff names the pages of a folder or page input from the current
// folder, in its report (every format) and in the pages' warnings; a
// schema file's positions are as it recorded them (relative to the -in of
// the run that wrote it).
func TestDiffPathsFollowTheCurrentFolder(t *testing.T) {
	root := t.TempDir()
	oldPages, newPages := basePages(), basePages()
	delete(newPages, "special.md")
	newPages["item.md"] = strings.Replace(newPages["item.md"], "| size | Int32 |", "| size | Int64 |", 1)
	newPages["ghostly.md"] = resourcePage("ghostly", "", "Haunted.", "owner | [ghost](ghost.md) | x")
	for name, content := range oldPages {
		writeFile(t, filepath.Join(root, "old", name), content)
	}
	for name, content := range newPages {
		writeFile(t, filepath.Join(root, "new", name), content)
	}
	t.Chdir(filepath.Join(root, "new"))
	code, stdout, stderr := genOut(t, "diff", filepath.Join(root, "old"), ".")
	assert.Equal(t, exitError, code, stderr)
	assertLine(t, stdout, "../old/special.md:1: breaking: removed type microsoft.graph.special: entity (Special)")
	assertLine(t, stdout, "item.md:14: breaking: changed property type microsoft.graph.item.size: Edm.Int32 -> Edm.Int64 (Item.Size)")
	assertLine(t, stderr, "ghostly.md:11:3: warning: unknown-type: type microsoft.graph.ghost of ghostly.owner")
	code, r, _ := runDiffJSON(t, "../old", ".")
	assert.Equal(t, exitError, code)
	at := map[string]string{}
	for _, c := range r.Changes {
		at[c.Change+" "+c.Name] = c.At
	}
	assert.Equal(t, "../old/special.md:1", at["removed microsoft.graph.special"], "%v", r.Changes)
	assert.Equal(t, "item.md:14", at["changed microsoft.graph.item.size"], "%v", r.Changes)
	_, md, _ := genOut(t, "diff", "-format", "markdown", "../old", ".")
	assert.Contains(t, md, "- Removed type `microsoft.graph.special` (`Special`): `entity` — ../old/special.md:1\n")

	// One page: named from here too.
	_, _, stderr = genOut(t, "diff", "../old/item.md", "ghostly.md")
	assertLine(t, stderr, "ghostly.md:11:3: warning: unknown-type: type microsoft.graph.ghost of ghostly.owner")
	assertLine(t, stderr, "../old/item.md:7:1: warning: unknown-base: base microsoft.graph.entity of item")

	// A schema file: its positions as recorded, relative to its -in.
	schemaFile := filepath.Join(root, "old.json")
	code, stderr = gen(t, "-in", "../old", "-out", filepath.Join(root, "models"), "-schema-out", schemaFile, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	_, stdout, _ = genOut(t, "diff", schemaFile, ".")
	assertLine(t, stdout, "special.md:1: breaking: removed type microsoft.graph.special: entity (Special)")
	assertLine(t, stdout, "item.md:14: breaking: changed property type microsoft.graph.item.size")
}
