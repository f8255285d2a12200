package emitter

import (
	"bytes"
	"fmt"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/internal/gocheck"
	mdparser "github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

func TestDefuse(t *testing.T) {
	cases := map[string]string{
		"/*":              "/ *",
		"*/":              "* /",
		"/*/":             "/ * /",
		"a*/b/*c":         "a* /b/ *c",
		"//go:generate":   "/ /go:generate",
		"///line":         "/ / /line",
		"//export":        "/ /export",
		"+build":          "+ build",
		"https://x.y/z":   "https://x.y/z",
		"a/b":             "a/b",
		"+builder":        "+builder",
		"(//go:generate)": "(//go:generate)", // not at the start of a comment, whatever the wrap
		"word":            "word",
	}
	for in, want := range cases {
		assert.Equal(t, want, defuse(in), in)
	}
}

// hostileTexts are the shapes of issue #25 and more: each, written as a
// description, must stay comment text.
var hostileTexts = []string{
	strings.Repeat("A", 74) + ` /* */ func init() { println("INJECTED") }`,
	strings.Repeat("A", 70) + " //go:generate touch PWNED",
	"//go:build ignore",
	"+build ignore",
	"/* The label.",
	"The count. */",
	"*/ func Evil() {} /*",
	"x\n//go:generate rm -rf /\nfunc Injected() {}",
	"//line evil.go:1",
	"//export Evil",
	"\ufeffa byte order mark \ufeff inside",
	"NUL \x00 and CR \r and LS \u2028 PS \u2029 NEL \u0085",
	"invalid UTF-8 \xff\xfe here",
	"`backtick` and \"quote\" and \\ backslash",
	strings.Repeat("/", 200),
	strings.Repeat("*/", 100),
}

// Every comment line, written as the emitter writes it, is one line
// comment that is no directive and no build constraint, whatever the
// text and wherever the line breaks.
func TestCommentLinesAreOnlyComments(t *testing.T) {
	for _, text := range hostileTexts {
		for _, width := range []int{1, 10, commentWidth} {
			lines := commentLines(text, width)
			var src strings.Builder
			src.WriteString("package p\n\n")
			for _, l := range lines {
				require.True(t, utf8.ValidString(l), "%q", l)
				src.WriteString("// " + l + "\n")
			}
			src.WriteString("type T int\n")
			fset, files, err := gocheck.Parse([]gocheck.File{{Name: "p.go", Content: []byte(src.String())}})
			require.NoError(t, err, "%q", text)
			assert.Empty(t, gocheck.Hazards(fset, files), "%q", text)
			assert.Equal(t, []string{"type T"}, gocheck.Decls(files[0]), "%q", text)
			if len(lines) > 0 {
				assert.Len(t, files[0].Comments[0].List, len(lines), "%q: one comment per line", text)
			}
		}
	}
}

// hostilePages are the pages of testdata/hostile, whose texts are the
// attack of issue #25 (cmd/gen builds, vets and runs their package).
func hostilePages(t testing.TB) map[string][]byte {
	pages := map[string][]byte{}
	for _, name := range []string{"kid.md", "color.md"} {
		b, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
		require.NoError(t, err)
		pages[name] = b
	}
	return pages
}

// renderPages parses and resolves pages and renders them.
func renderPages(t testing.TB, pages map[string][]byte) (*schema.Schema, []File) {
	t.Helper()
	var parsed []*mdparser.Page
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		parsed = append(parsed, mdparser.Parse(name, pages[name], mdparser.Options{RootName: "resources"}))
	}
	s := schema.Resolve(parsed)
	files, err := Render(s, Options{Package: "models"})
	require.NoError(t, err)
	return s, files
}

// The attack of issue #25: the package keeps every declaration the schema
// makes and nothing else, no comment is a directive, a build constraint or
// a block comment, and each neutralised text is reported at its line.
func TestHostileDescriptionsStayComments(t *testing.T) {
	s, files := renderPages(t, hostilePages(t))
	assertOnlyTheSchemasDeclarations(t, s, files)
	warned := map[int]bool{}
	for _, d := range DefusedWarnings(s) {
		assert.Equal(t, diag.Warning, d.Severity)
		assert.Equal(t, "defused-text", d.Code)
		if d.File == "kid.md" {
			warned[d.Line] = true
		}
	}
	// The type (its definition's line) and each row but middle and color.
	assert.Equal(t, map[int]bool{1: true, 11: true, 12: true, 14: true, 15: true, 16: true}, warned)
	var colorWarnings int
	for _, d := range DefusedWarnings(s) {
		if d.File == "color.md" {
			colorWarnings++
		}
	}
	assert.Equal(t, 3, colorWarnings, "the enum's description and both members")
}

// Text that needs nothing neutralised is written as it was, and warns of
// nothing.
func TestOrdinaryTextIsNotDefused(t *testing.T) {
	for _, text := range []string{
		"See https://docs.microsoft.com/graph/api for details; a/b, 2*3, C++, +1, a+build.",
		"Путь /me/drive/root и значение `true`.",
		"",
	} {
		words, defused := commentWords(text)
		assert.False(t, defused, text)
		assert.Equal(t, strings.Fields(plainText(text)), words)
	}
	s := &schema.Schema{Types: []*schema.Type{{Name: "microsoft.graph.a", Description: "https://x.y/z a/b"}}}
	assert.Empty(t, DefusedWarnings(s))
}

// assertOnlyTheSchemasDeclarations: the files parse, type-check and carry
// no directive, build constraint or block comment outside the support
// files, and each type's file declares exactly what the schema names.
func assertOnlyTheSchemasDeclarations(t testing.TB, s *schema.Schema, files []File) {
	t.Helper()
	var gf []gocheck.File
	for _, f := range files {
		gf = append(gf, gocheck.File{Name: f.Name, Content: f.Content})
	}
	fset, parsed, err := gocheck.Parse(gf)
	require.NoError(t, err)
	conf := types.Config{Importer: stdImporter}
	_, err = conf.Check("models", fset, parsed, nil)
	require.NoError(t, err, "the package type-checks")
	byFile := map[string]*schema.Type{}
	for _, ty := range s.Types {
		byFile[ty.FileName] = ty
	}
	for i, f := range files {
		ty, isType := byFile[f.Name]
		if !isType && f.Name != registryFile {
			continue // support files: no page text reaches them
		}
		assert.Empty(t, gocheck.Hazards(fset, parsed[i:i+1]), f.Name)
		if isType {
			assert.Equal(t, expectedDecls(ty), gocheck.Decls(parsed[i]), "%s:\n%s", f.Name, f.Content)
		} else {
			assert.Equal(t, []string{"var interfaces", "var registry"}, gocheck.Decls(parsed[i]))
		}
	}
}

// expectedDecls is what the file of t declares, from the schema alone.
func expectedDecls(t *schema.Type) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add("type %s", t.GoName)
	if t.Kind == schema.Enum {
		for _, m := range t.Members {
			add("const %s", m.GoName)
		}
		if len(t.Members) > 0 {
			for _, m := range []string{"String", "Values", "IsKnown"} {
				add("method %s.%s", t.GoName, m)
			}
			if t.Flags {
				add("method %s.Split", t.GoName)
			}
		}
	} else {
		if t.BaseType != nil {
			add("field %s.%s", t.GoName, t.BaseType.GoName)
		} else {
			add("field %s.Object", t.GoName)
		}
		for _, p := range t.Properties {
			if fieldType(p) != nil {
				add("field %s.%s", t.GoName, p.GoName)
			}
		}
		for _, m := range []string{"ODataType", "MarshalJSON", "UnmarshalJSON", "Clone"} {
			add("method %s.%s", t.GoName, m)
		}
		if t.GoInterface != "" {
			add("type %s", t.GoInterface)
			add("method %s.%s", t.GoName, t.AsMethod())
			add("method %s.is%s", t.GoName, t.GoInterface)
		}
	}
	slices.Sort(out)
	return out
}

// FuzzCommentText: page text, put where a page holds text (a type's
// description, a row's description, a member's description) and where it
// holds names (a property, a member), never changes the set of
// declarations beyond what the schema names, never adds a directive, a
// build constraint or a block comment, and never keeps the package from
// type-checking. The same text as every description of a fixed schema
// leaves its declarations exactly as they were.
func FuzzCommentText(f *testing.F) {
	for _, text := range hostileTexts {
		f.Add(text)
	}
	f.Add("plain words")
	f.Fuzz(func(t *testing.T, text string) {
		// In pages: whatever the text does to the page's structure, the Go
		// declares what the schema says, and nothing else.
		cell := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(text)
		page := fmt.Sprintf("# kid resource type\n\nNamespace: microsoft.graph\n\n%s\n\n## Properties\n\n"+
			"| Property | Type | Description |\n|:--|:--|:--|\n| name | String | %s |\n| %s | Int32 | x |\n| color | [color](color.md) | y |\n",
			text, cell, cell)
		enum := fmt.Sprintf("---\ndoc_type: enumPageType\n---\n# color enum type\n\nNamespace: microsoft.graph\n\n%s\n\n"+
			"## Members\n\n| Member | Value | Description |\n|:--|:--|:--|\n| red | 0 | %s |\n| %s | 1 | z |\n", text, cell, cell)
		s, files := renderPages(t, map[string][]byte{"kid.md": []byte(page), "color.md": []byte(enum)})
		assertOnlyTheSchemasDeclarations(t, s, files)

		// In a schema's descriptions: the declarations of the text-free
		// rendering, exactly.
		fixed := func(description string) []File {
			one := int64(1)
			base := &schema.Type{Name: "microsoft.graph.base", Kind: schema.Entity, GoName: "Base", GoInterface: "AnyBase", FileName: "base.go", Description: description,
				Properties: []*schema.Property{{Name: "id", GoName: "ID", Type: "Edm.String", Description: description}}}
			kid := &schema.Type{Name: "microsoft.graph.kid", Kind: schema.Entity, GoName: "Kid", FileName: "kid.go", Description: description, BaseType: base,
				Properties: []*schema.Property{{Name: "n", GoName: "N", Type: "Edm.Int32", Description: description}}}
			base.Derived = []*schema.Type{kid}
			color := &schema.Type{Name: "microsoft.graph.color", Kind: schema.Enum, GoName: "Color", FileName: "color.go", Description: description,
				Members: []*schema.Member{{Name: "red", GoName: "ColorRed", Value: &one, Description: description}}}
			files, err := Render(&schema.Schema{Types: []*schema.Type{base, color, kid}}, Options{Package: "models"})
			require.NoError(t, err)
			return files
		}
		plain, hostile := fixed(""), fixed(text)
		require.Len(t, hostile, len(plain))
		for i := range plain {
			if !bytes.HasPrefix(plain[i].Content, []byte("// "+Header)) {
				t.Fatalf("%s lost its header", plain[i].Name)
			}
			_, want, err := gocheck.Parse([]gocheck.File{{Name: plain[i].Name, Content: plain[i].Content}})
			require.NoError(t, err)
			fset, got, err := gocheck.Parse([]gocheck.File{{Name: hostile[i].Name, Content: hostile[i].Content}})
			require.NoError(t, err)
			assert.Equal(t, gocheck.Decls(want[0]), gocheck.Decls(got[0]), hostile[i].Name)
			if hostile[i].Fingerprint != "" {
				assert.Empty(t, gocheck.Hazards(fset, got), hostile[i].Name)
			}
		}
	})
}
