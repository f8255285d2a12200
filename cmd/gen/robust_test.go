package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const table = "## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n"

// Each malformed page yields a diagnostic naming its file and line, and
// the run still exits 0 with a package that builds.
func TestMalformedPages(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string // "file:line:col: warning: code" prefixes, the file under docs/
	}{
		{"empty file", map[string]string{"empty.md": ""}, []string{"empty.md:1:1: warning: no-type"}},
		{"binary", map[string]string{"bin.md": "\x00\x01\xff\xfe\x89PNG\r\n\x1a\n"}, []string{"bin.md:1:1: warning: invalid-utf8", "bin.md:1:1: warning: no-type"}},
		{"BOM and CRLF", map[string]string{"crlf.md": "\xEF\xBB\xBF# x resource type\r\n\r\n" + strings.ReplaceAll(table, "\n", "\r\n") + "|a|String|x|\r\n\r\n## JSON representation\r\n```json\r\n{\"a\": \"String\",}\r\n```\r\n"},
			[]string{"crlf.md:10:15: warning: bad-json-block"}},
		{"missing and extra cells, escaped pipes", map[string]string{"cells.md": "# x resource type\n\n" + table + "|a|String|one \\| two|\n|b|\n|c|Int32|x|extra|cells|\n"},
			[]string{"cells.md:7:2: warning: unknown-type-word"}},
		{"unclosed fence", map[string]string{"fence.md": "# x resource type\n\n" + table + "|a|String|x|\n\n```json\n{\"a\": \"String\"}\n"},
			[]string{"fence.md:8:1: warning: unclosed-fence"}},
		{"bad annotation", map[string]string{"ann.md": "# x resource type\n\n" + table + "|a|String|x|\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\",, } -->\n"},
			[]string{"ann.md:7:"}},
		{"no type", map[string]string{"prose.md": "# Overview\n\nJust prose.\n", "x.md": "# x resource type\n\n" + table + "|a|String|x|\n"},
			[]string{"prose.md:1:1: warning: no-type"}},
		{"same type twice", map[string]string{"x.md": "# x resource type\n\n" + table + "|a|String|x|\n", "other-x.md": "# x resource type\n\n" + table + "|a|Int32|x|\n"},
			[]string{"other-x.md:1:1: warning: duplicate-definition: microsoft.graph.x is also described at x.md:1", "other-x.md:6:2: warning: duplicate-type"}},
		{"cycle A->B->A", map[string]string{"a.md": "# a resource type\n\nInherits from [b](b.md)\n\n" + table + "|x|String|x|\n", "b.md": "# b resource type\n\nInherits from [a](a.md)\n\n" + table + "|y|String|x|\n"},
			[]string{"b.md:1:1: warning: inheritance-cycle"}},
		{"cycle A->A", map[string]string{"a.md": "# a resource type\n\nInherits from [a](a.md)\n\n" + table + "|x|String|x|\n"},
			[]string{"a.md:3:1: warning: self-base"}},
		{"base no page describes", map[string]string{"a.md": "# a resource type\n\nInherits from [ghost](ghost.md)\n\n" + table + "|x|String|x|\n"},
			[]string{"a.md:3:1: warning: unknown-base"}},
		{"link to a missing page", map[string]string{"a.md": "# a resource type\n\n" + table + "|x|[ghost](ghost.md)|x|\n"},
			[]string{"a.md:6:2: warning: unknown-type"}},
		{"link leaving the input", map[string]string{"a.md": "# a resource type\n\n" + table + "|x|[passwd](../../../etc/passwd.md)|x|\n"},
			[]string{"a.md:6:4: warning: link-outside-input"}},
		{"table too large", map[string]string{"big.md": "# big resource type\n\n" + table + strings.Repeat("|a|String|x|\n", 10001), "x.md": "# x resource type\n\n" + table + "|a|String|x|\n"},
			[]string{"big.md:4:1: warning: table-too-large"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Run beside the pages' folder: each diagnostic names its page
			// as docs/<page>, relative to the current folder.
			root := t.TempDir()
			in := filepath.Join(root, "docs")
			for name, content := range c.files {
				writeFile(t, filepath.Join(in, name), content)
			}
			t.Chdir(root)
			mod := t.TempDir()
			code, stderr := gen(t, "-in", in, "-out", filepath.Join(mod, "models"))
			if c.name == "empty file" || c.name == "binary" {
				assert.Equal(t, exitError, code, "nothing to generate")
			} else {
				require.Equal(t, exitOK, code, stderr)
				buildPackage(t, mod)
			}
			checkStderr(t, stderr)
			for _, w := range c.want {
				w = "docs/" + w
				assert.Contains(t, "\n"+stderr, "\n"+w, "want a line starting %q in\n%s", w, stderr)
			}
		})
	}
}

func TestPageTooLarge(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\n"+table+"|a|String|x|\n")
	f, err := os.Create(filepath.Join(in, "huge.md"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(20<<20)) // 20 MB of zero bytes, never read
	require.NoError(t, f.Close())
	t.Chdir(in)
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(t.TempDir(), "models"))
	assert.Equal(t, exitOK, code, stderr)
	assertLine(t, stderr, "huge.md:1:1: warning: page-too-large: page is 20971520 bytes, over the 8388608-byte limit; skipped")
}

// fieldTags returns field name -> json tag for every struct in the package.
func fieldTags(t *testing.T, dir string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for name, src := range goFiles(t, dir) {
		file, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			fields := map[string]string{}
			for _, f := range st.Fields.List {
				if len(f.Names) == 1 && f.Tag != nil {
					fields[f.Names[0].Name] = f.Tag.Value
				}
			}
			out[ts.Name.Name] = fields
			return true
		})
	}
	return out
}

func TestNamesThatAreNotGoNames(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "string.md"), "# string resource type\n\n"+table+
		"|type|String|x|\n|string|String|x|\n|error|String|x|\n|len|Int32|x|\n|3dModel|String|x|\n|a-b|String|x|\n"+
		"|naïve|String|x|\n|fooBar|String|x|\n|FooBar|String|x|\n|ODataType|String|x|\n|String|String|x|\n|@odata.etag|String|x|\n|we\"ird|String|x|\n")
	writeFile(t, filepath.Join(in, "kind.md"), "---\ndoc_type: enumPageType\n---\n# kind enum type\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n|ok|0|x|\n|say\"hi|1|x|\n|back\\\\slash|2|x|\n")
	mod := t.TempDir()
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(mod, "models"))
	require.Equal(t, exitOK, code, stderr)
	buildPackage(t, mod)
	tags := fieldTags(t, filepath.Join(mod, "models"))
	// A type named string is String: legal at package level; fields never
	// take a struct's method names (ODataType; an enum's String is free)
	// and differ in more than case.
	require.Contains(t, tags, "String")
	want := map[string]string{
		"Type":       "type",
		"String":     "string",
		"Error":      "error",
		"Len":        "len",
		"X3dModel":   "3dModel",
		"AB":         "a-b",
		"Naïve":      "naïve",
		"FooBar":     "fooBar",
		"FooBar2":    "FooBar",
		"ODataType2": "ODataType",
		"String2":    "String",
	}
	for goName, wire := range want {
		assert.Equal(t, "`json:\""+wire+",omitempty\"`", tags["String"][goName], goName)
	}
	// @odata.etag is an instance annotation, not a property.
	assert.Len(t, tags["String"], len(want), "%v", tags["String"])
	kind, err := os.ReadFile(filepath.Join(mod, "models", "kind.go"))
	require.NoError(t, err)
	assert.Contains(t, string(kind), `KindOk Kind = "ok"`)
	assert.NotContains(t, string(kind), `hi`, "a member whose name cannot be a string literal safely is not emitted")
	assert.NotContains(t, string(kind), `slash`)
	assert.Contains(t, stderr, `kind.md:10:2: warning: unsafe-name: member name "say\"hi" of kind cannot be a JSON value safely; skipped`, "the warning points at the row")
	assert.Contains(t, stderr, `string.md:18:2: warning: unsafe-name: property name "we\"ird" of string cannot be a JSON key safely; skipped`, "the warning points at the row")
}

func TestInjectionThroughDocText(t *testing.T) {
	in := t.TempDir()
	evil := "Ends */ here.\n" // a line break inside a cell is a new row in Markdown: use <br>
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\nA type. */ func Injected() {} <br> //go:generate rm -rf / <br> `code` ``` \n\n"+table+
		"|a|String|"+strings.TrimSpace(evil)+"<br>func Evil() { panic(1) }<br>//go:generate touch /tmp/pwned<br>`tick`|\n")
	mod := t.TempDir()
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(mod, "models"))
	require.Equal(t, exitOK, code, stderr)
	buildPackage(t, mod)
	src, err := os.ReadFile(filepath.Join(mod, "models", "x.go"))
	require.NoError(t, err)
	file, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
	require.NoError(t, err)
	var decls []string
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			decls = append(decls, "func "+d.Name.Name)
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					decls = append(decls, "type "+ts.Name.Name)
				}
			}
		}
	}
	assert.Equal(t, []string{"type X", "func ODataType", "func MarshalJSON", "func UnmarshalJSON", "func Clone"}, decls, "the package API is what the page describes, nothing injected")
	for _, line := range bytes.Split(src, []byte("\n")) {
		assert.False(t, bytes.HasPrefix(bytes.TrimSpace(line), []byte("//go:")), "no directive: %s", line)
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.md"), "# secret resource type\n\n"+table+"|password|String|x|\n")
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\n"+table+"|a|String|x|\n")
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(in, "secret.md")))
	require.NoError(t, os.Symlink(outside, filepath.Join(in, "sub")))
	out := filepath.Join(t.TempDir(), "models")
	t.Chdir(in)
	code, stderr := gen(t, "-in", in, "-out", out)
	require.Equal(t, exitOK, code, stderr)
	assertLine(t, stderr, "secret.md:1:1: warning: symlink:")
	_, err := os.Stat(filepath.Join(out, "secret.go"))
	assert.True(t, os.IsNotExist(err), "nothing outside -in is read")
	assert.Contains(t, stderr, "gen: 1 pages, 1 types")
}
