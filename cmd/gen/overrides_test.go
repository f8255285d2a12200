package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
)

// issueOverrides are the four examples of issue 27.
const issueOverrides = `{"types": {
  "microsoft.graph.user": {
    "properties": {"otherMails": {"type": "Edm.String", "collection": true}},
    "goName": "User"},
  "microsoft.graph.extensionProperty": {"base": "microsoft.graph.directoryObject"},
  "microsoft.graph.importance": {"members": ["urgent"]},
  "microsoft.graph.chatMessageMention": {"properties": {"id": {"type": "Edm.String"}}}}}
`

// fieldType is the Go type of a struct's field in a generated file, as
// written.
func fieldType(t *testing.T, path, structName, field string) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	require.NoError(t, err)
	var got string
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Name.Name != structName {
			return true
		}
		src, _ := os.ReadFile(path)
		for _, fl := range ts.Type.(*ast.StructType).Fields.List {
			match := len(fl.Names) == 0 && field == "" // the embedded base
			for _, name := range fl.Names {
				match = match || name.Name == field
			}
			if match {
				got = string(src[fset.Position(fl.Type.Pos()).Offset:fset.Position(fl.Type.End()).Offset])
			}
		}
		return false
	})
	return got
}

// The four examples of the issue work on the real corpus: otherMails is a
// []string, extensionProperty embeds DirectoryObject, importance has
// urgent, and chatMessageMention.id, which the folder already resolves as
// the String id of entity, is reported as no longer needed, as is the
// goName User, which gen gives anyway.
func TestOverridesOnTheCorpus(t *testing.T) {
	in := corpus.Require(t, "corpus", "en-2020-05", "v1.0", "resources")
	dir := t.TempDir()
	ovPath := filepath.Join(dir, "overrides.json")
	writeFile(t, ovPath, issueOverrides)
	out := filepath.Join(dir, "models")
	code, stdout, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-v", "-overrides", ovPath, "-schema-out", out+".json",
		"-types", "microsoft.graph.user,microsoft.graph.extensionProperty,microsoft.graph.importance,microsoft.graph.chatMessageMention")
	require.Equal(t, exitOK, code, stderr)
	checkStderr(t, stderr)
	ov := filepath.ToSlash(ovPath)
	assert.Contains(t, stderr, ov+":4:15: warning: override-not-needed: no longer needed: the docs say this now (microsoft.graph.user is named User)")
	assert.Contains(t, stderr, ov+":7:57: warning: override-not-needed: no longer needed: the docs say this now (microsoft.graph.chatMessageMention.id is Edm.String, inherited from microsoft.graph.entity)")
	// -v lists the overrides.
	assert.Contains(t, stdout, "gen: 3 overrides applied:\n"+
		"  override "+ov+":3: microsoft.graph.user.otherMails collection true\n"+
		"  override "+ov+":5: microsoft.graph.extensionProperty base microsoft.graph.directoryObject\n"+
		"  override "+ov+":6: microsoft.graph.importance member urgent\n")

	assert.Equal(t, "[]string", fieldType(t, filepath.Join(out, "user.go"), "User", "OtherMails"))
	assert.Equal(t, "DirectoryObject", fieldType(t, filepath.Join(out, "extension_property.go"), "ExtensionProperty", ""))
	imp, err := os.ReadFile(filepath.Join(out, "importance.go"))
	require.NoError(t, err)
	assert.Contains(t, string(imp), `ImportanceUrgent Importance = "urgent"`)
	assert.Equal(t, "Entity", fieldType(t, filepath.Join(out, "chat_message_mention.go"), "ChatMessageMention", ""))
	ent, err := os.ReadFile(filepath.Join(out, "entity.go"))
	require.NoError(t, err)
	assert.Contains(t, string(ent), "ID *string `json:\"id,omitempty\"`")

	// The schema JSON lists them, each with its file:line.
	data, err := os.ReadFile(out + ".json")
	require.NoError(t, err)
	s, err := schema.ReadJSON(data)
	require.NoError(t, err)
	require.Len(t, s.Overrides, 3)
	assert.Equal(t, schema.Override{Type: "microsoft.graph.user", Property: "otherMails", Aspect: "collection", Value: "true", Source: ov + ":3"}, *s.Overrides[0])
}

// With the first override, a response {"otherMails": ["a@x"]} decodes
// into a []string: the package generated with -types microsoft.graph.user
// is built and run with the go tool (make test-all).
func TestOverriddenFieldDecodes(t *testing.T) {
	in := corpus.Require(t, "corpus", "en-2020-05", "v1.0", "resources")
	skipGoTool(t)
	mod := t.TempDir()
	ovPath := filepath.Join(mod, "overrides.json")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.user": {"properties": {"otherMails": {"type": "Edm.String", "collection": true}}}}}`)
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(mod, "models"), "-no-cache", "-overrides", ovPath, "-types", "microsoft.graph.user")
	require.Equal(t, exitOK, code, stderr)
	writeFile(t, filepath.Join(mod, "go.mod"), "module gencheck\n\ngo 1.22\n")
	writeFile(t, filepath.Join(mod, "models", "override_test.go"), `package models

import (
	"encoding/json"
	"testing"
)

func TestOtherMailsDecode(t *testing.T) {
	var u User
	if err := json.Unmarshal([]byte(`+"`"+`{"otherMails": ["a@x"]}`+"`"+`), &u); err != nil {
		t.Fatal(err)
	}
	var mails []string = u.OtherMails
	if len(mails) != 1 || mails[0] != "a@x" {
		t.Fatalf("otherMails = %q", mails)
	}
	if len(u.AdditionalData()) != 0 {
		t.Fatalf("kept as it came: %v", u.AdditionalData())
	}
}
`)
	out := goIn(t, mod, "test", "-run", "TestOtherMailsDecode", "-v", "./models")
	assert.Contains(t, out, "--- PASS: TestOtherMailsDecode")
}

// overridePages is a small API: item has size Int32 and tags.
func overridePages(t *testing.T) string {
	return writePages(t, basePages())
}

// A file that is not JSON, or an override that names nothing, is bad
// usage (exit 2) with a positioned diagnostic, for gen, gen validate and
// gen diff alike; nothing is written. The text names the file from the
// current folder, the JSON as it was given.
func TestOverrideMistakesAreUsageErrors(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	malformed := filepath.Join(dir, "bad.json")
	writeFile(t, malformed, "{\"types\": {\n  \"microsoft.graph.item\": {\"goName\": \"Thing\",}}}")
	unknown := filepath.Join(dir, "unknown.json")
	writeFile(t, unknown, `{"types": {"microsoft.graph.iten": {"goName": "Thing"}}}`)
	shape := filepath.Join(dir, "shape.json")
	writeFile(t, shape, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Int64"}}}}}`)
	t.Chdir(dir)
	cases := []struct{ file, want string }{
		{malformed, ":2:46: error: overrides-syntax: the overrides file is not valid JSON: invalid character '}' looking for beginning of object key string"},
		{unknown, ":1:12: error: override-unknown: the override names microsoft.graph.iten, which no page describes; did you mean microsoft.graph.item?"},
		{shape, `:1:69: error: override-invalid: type "Int64" of microsoft.graph.item.size is neither an Edm primitive (Edm.String, Edm.Int32, ...) nor a qualified type name`},
	}
	for _, c := range cases {
		out := filepath.Join(t.TempDir(), "models")
		code, stderr := gen(t, "-in", in, "-out", out, "-no-cache", "-overrides", c.file)
		assert.Equal(t, exitUsage, code, stderr)
		assertLine(t, stderr, filepath.Base(c.file)+c.want)
		assert.NoDirExists(t, out, "nothing is written")

		code, stderr = gen(t, "validate", "-in", in, "-overrides", c.file)
		assert.Equal(t, exitUsage, code, stderr)
		assertLine(t, stderr, filepath.Base(c.file)+c.want)

		code, _, stderr = genOut(t, "diff", "-overrides", c.file, in, in)
		assert.Equal(t, exitUsage, code, stderr)
		assertLine(t, stderr, filepath.Base(c.file)+c.want)
	}
	missing := filepath.Join(dir, "missing.json")
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(t.TempDir(), "m"), "-overrides", missing)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "gen: -overrides "+missing+": ")
	// JSON diagnostics carry the file, line and column too.
	code, stderr = gen(t, "-in", in, "-out", filepath.Join(t.TempDir(), "m"), "-no-cache", "-diagnostics", "json", "-overrides", unknown)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `{"file":"`+filepath.ToSlash(unknown)+`","line":1,"col":12,"severity":"error","code":"override-unknown"`)
}

// The overrides file is part of the cache keys: editing it, dropping it or
// bringing it back reruns what it touches, and each run is what a
// -no-cache run makes; a schema resolved with overrides is never reused
// for a run without them, nor the reverse.
func TestOverridesAndTheCaches(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	ovPath := filepath.Join(dir, "ov.json")
	out := filepath.Join(dir, "models")
	item := filepath.Join(out, "item.go")
	run := func(step, want string, args ...string) string {
		t.Helper()
		code, stdout, stderr := genOut(t, append([]string{"-v", "-in", in, "-out", out}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		assert.Equal(t, want, fieldType(t, item, "Item", "Size"), step)
		fresh := filepath.Join(t.TempDir(), "models")
		code, _, want2 := genOut(t, append([]string{"-v", "-in", in, "-out", fresh, "-no-cache"}, args...)...)
		require.Equal(t, exitOK, code, want2)
		assert.Equal(t, want2, stderr, "%s: the same diagnostics", step)
		assertSameTree(t, fresh, out, step)
		return stdout
	}
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Int64"}}}}}`)
	run("first run", "*int64", "-overrides", ovPath)
	stdout := run("rerun", "*int64", "-overrides", ovPath)
	assert.Contains(t, stdout, "gen: no changes")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Double"}}}}}`)
	stdout = run("edited", "*float64", "-overrides", ovPath)
	assert.Contains(t, stdout, "wrote "+item+"\n")
	assert.Equal(t, 1, strings.Count(stdout, "wrote "), "only item.go changes:\n%s", stdout)
	stdout = run("without", "*int32")
	assert.Contains(t, stdout, "wrote "+item+"\n")
	// A description edit while overrides are given resolves again, with
	// them.
	editPage(t, filepath.Join(in, "item.md"), "An item.", "An item of the shelf.")
	stdout = run("with again, after a description edit", "*float64", "-overrides", ovPath)
	assert.Contains(t, stdout, "gen: schema: resolved")
	// And a description-only edit without overrides reuses a schema
	// resolved without them.
	run("without again", "*int32")
	editPage(t, filepath.Join(in, "item.md"), "An item of the shelf.", "An item of a shelf.")
	stdout = run("without, after a description edit", "*int32")
	assert.Contains(t, stdout, "gen: schema: reused")
}

// gen diff shows a change an override made as coming from the file: named
// from the current folder when the folder input was read with it, as
// recorded when a schema file was.
func TestDiffNamesTheOverridesFile(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	t.Chdir(dir)
	old := filepath.Join(dir, "old.json")
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(dir, "models"), "-no-cache", "-schema-out", old)
	require.Equal(t, exitOK, code, stderr)
	ovPath := filepath.Join(dir, "ov.json")
	writeFile(t, ovPath, "{\"types\": {\n\"microsoft.graph.item\": {\"properties\": {\"size\": {\"type\": \"Edm.Int64\"}}},\n\"microsoft.graph.person\": {\"base\": \"microsoft.graph.entity\"}}}")
	code, r, stderr := runDiffJSON(t, "-overrides", ovPath, old, in)
	assert.Equal(t, exitError, code, stderr)
	at := map[string]string{}
	for _, c := range r.Changes {
		at[c.Name+" "+c.Aspect] = c.At
	}
	assert.Equal(t, "ov.json:2", at["microsoft.graph.item.size type"], "%v", r.Changes)
	assert.Equal(t, "ov.json:3", at["microsoft.graph.person base"], "%v", r.Changes)

	// A schema file written with overrides names the file too.
	withOv := filepath.Join(dir, "new.json")
	code, stderr = gen(t, "-in", in, "-out", filepath.Join(dir, "models2"), "-no-cache", "-schema-out", withOv, "-overrides", ovPath)
	require.Equal(t, exitOK, code, stderr)
	code, r, _ = runDiffJSON(t, old, withOv)
	assert.Equal(t, exitError, code)
	at = map[string]string{}
	for _, c := range r.Changes {
		at[c.Name+" "+c.Aspect] = c.At
	}
	ov := filepath.ToSlash(ovPath) // as given to the run that wrote the file
	assert.Equal(t, ov+":2", at["microsoft.graph.item.size type"], "%v", r.Changes)
	assert.Equal(t, ov+":3", at["microsoft.graph.person base"], "%v", r.Changes)
}

// gen validate checks the examples against the schema with the overrides:
// an example that sends an array where the docs say String is a mistake
// without them and fine with them.
func TestValidateWithOverrides(t *testing.T) {
	in := overridePages(t)
	api := t.TempDir()
	writeFile(t, filepath.Join(api, "item-get.md"), "# Get item\n\n### Response\n\n"+
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.item\"} -->\n"+
		"```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"i1\", \"name\": [\"a\", \"b\"]}\n```\n")
	code, stderr := gen(t, "validate", "-in", in, "-examples", api)
	require.Equal(t, exitError, code, stderr)
	assert.Contains(t, stderr, "collection-mismatch")
	ovPath := filepath.Join(t.TempDir(), "ov.json")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"name": {"collection": true}}}}}`)
	code, stderr = gen(t, "validate", "-in", in, "-examples", api, "-overrides", ovPath)
	assert.Equal(t, exitOK, code, stderr)
}

// The //go:generate line reruns with the overrides, named relative to the
// output folder.
func TestGoGenerateLineHasTheOverrides(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	ovPath := filepath.Join(dir, "ov.json")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Int64"}}}}}`)
	out := filepath.Join(dir, "models")
	code, stderr := gen(t, "-in", in, "-out", out, "-no-cache", "-overrides", ovPath, "-go-generate")
	require.Equal(t, exitOK, code, stderr)
	doc, err := os.ReadFile(filepath.Join(out, "doc.go"))
	require.NoError(t, err)
	assert.Contains(t, string(doc), "-overrides ../ov.json -go-generate")
}

// The file's goName reaches Go only as a checked identifier, and its
// names only as wire names in struct tags and constants, as page names do.
func TestOverridesCannotWriteCode(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	for _, file := range []string{
		`{"types": {"microsoft.graph.item": {"goName": "X; func init() { panic(1) }"}}}`,
		`{"types": {"microsoft.graph.item": {"properties": {"x\" json:\"-": {"type": "Edm.String"}}}}}`,
		`{"types": {"microsoft.graph.color": {"members": ["a\"; func init() {}; const b = \""]}}}`,
		`{"types": {"microsoft.graph.item": {"properties": {"p": {"type": "Edm.String); func init() {}; type x (int"}}}}}`,
		`{"types": {"microsoft.graph.item": {"properties": {"p": {"type": "Edm.String", "goName": "P /* x */"}}}}}`,
	} {
		ovPath := filepath.Join(dir, "ov.json")
		writeFile(t, ovPath, file)
		out := filepath.Join(t.TempDir(), "models")
		code, stderr := gen(t, "-in", in, "-out", out, "-no-cache", "-overrides", ovPath)
		assert.Equal(t, exitUsage, code, file)
		assert.Contains(t, stderr, "error: override-invalid: ", file)
		assert.NoDirExists(t, out)
	}
	// Names that are safe go through the naming and escaping of page text.
	ovPath := filepath.Join(dir, "ov.json")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"x-y z/*": {"type": "Edm.String"}}}}}`)
	out := filepath.Join(t.TempDir(), "models")
	code, stderr := gen(t, "-in", in, "-out", out, "-no-cache", "-overrides", ovPath)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "*string", fieldType(t, filepath.Join(out, "item.go"), "Item", "XYZ"))
}

// Under -watch, editing the overrides file reruns with it; a file with
// mistakes is reported and keeps the last output; other files beside it
// bring no run.
func TestWatchRereadsTheOverrides(t *testing.T) {
	in := overridePages(t)
	dir := t.TempDir()
	ovPath := filepath.Join(dir, "ov.json")
	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Int64"}}}}}`)
	out := filepath.Join(dir, "models")
	item := filepath.Join(out, "item.go")
	runs, stop, _, stderr := startWatch(t, nil, "-in", in, "-out", out, "-overrides", ovPath)
	waitRun(t, runs)
	assert.Equal(t, "*int64", fieldType(t, item, "Item", "Size"))

	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Double"}}}}}`)
	waitRun(t, runs)
	assert.Equal(t, "*float64", fieldType(t, item, "Item", "Size"))

	writeFile(t, ovPath, `{"types": {"microsoft.graph.item": {"properties": {"size": {"type": "Edm.Double"}}}}`)
	waitRun(t, runs)
	assert.Contains(t, stderr.String(), filepath.ToSlash(ovPath)+":1:85: error: overrides-syntax: the overrides file is not valid JSON: unexpected EOF")
	assert.Contains(t, stderr.String(), "gen: -watch: "+ovPath+" cannot be used; the last output is kept")
	assert.Equal(t, "*float64", fieldType(t, item, "Item", "Size"))

	writeFile(t, filepath.Join(dir, "notes.txt"), "beside it")
	noRun(t, runs, 3*debounce)
	assert.Equal(t, exitOK, stop())
}
