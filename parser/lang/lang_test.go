package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedDataFilesAreWellFormed(t *testing.T) {
	vs := Embedded()
	require.GreaterOrEqual(t, len(vs), 2)
	assert.Equal(t, "en", vs[0].Language, "English comes first: its words are the source's")
	seen := map[string]bool{}
	for _, v := range vs {
		assert.False(t, seen[v.Language], "language %s twice", v.Language)
		seen[v.Language] = true
		for w := range v.Types.Primitives {
			assert.Equal(t, strings.ToLower(w), w, "%s: type words are lower case", v.Language)
		}
	}
	_, err := Parse([]byte(`{"language": "xx", "headings": {"propertiez": ["x"]}}`))
	assert.Error(t, err, "an unknown concept is a mistake, not ignored")
	_, err = Parse([]byte(`{"headings": {}}`))
	assert.Error(t, err, "a vocabulary names its language")
}

func TestPatterns(t *testing.T) {
	cases := []struct {
		pattern, text string
		want          bool
	}{
		{"member*", "members", true}, {"member*", "the members", false},
		{"*json*", "json representation", true}, {"* enum", "x enum", true}, {"* enum", "enum x", false},
		{"name", "name", true}, {"name", "names", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, match(c.pattern, c.text), "%q on %q", c.pattern, c.text)
	}
	name, ok := capture([]string{"* values"}, "printQuality values", "printquality values")
	assert.True(t, ok)
	assert.Equal(t, "printQuality", name)
}

func TestConceptsInEveryShippedLanguage(t *testing.T) {
	s := Default
	assert.Equal(t, Properties, s.Section("Properties", ""))
	assert.Equal(t, Properties, s.Section("Свойства", ""))
	assert.Equal(t, Properties, s.Section("Eigenschaften der Ressource", "properties"), "the anchor decides whatever the words")
	assert.Equal(t, Definition, s.Section("Properties of a token lifetime policy definition", ""))
	assert.Equal(t, JSON, s.Section("Представление JSON", ""))
	at, link := s.InheritsAt("inherits metadata properties from [x](x.md)")
	assert.Equal(t, len("inherits metadata properties from"), at)
	assert.False(t, link)
	_, link = s.InheritsAt("подкласс [x](x.md)")
	assert.True(t, link, "a phrase that names a base only with a link")
	edm, _ := s.Primitive("строка")
	assert.Equal(t, "Edm.String", edm)
	assert.True(t, s.MentionsCollection("Коллекция строк"))
	assert.False(t, s.MentionsCollection("siteCollection"))
	assert.Equal(t, []string{"en"}, s.Without("ru").Languages())
	_, ok := s.Without("ru").Primitive("строка")
	assert.False(t, ok)
}

// TestNoWordsOutsideTheData: no string literal in the generator's non-test
// Go code, outside this package, holds a letter outside ASCII. Words of a
// language belong in a data file here.
func TestNoWordsOutsideTheData(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "lang", "testdata", "generated", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, p, src, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				v = lit.Value
			}
			for _, r := range v {
				if r > unicode.MaxASCII && unicode.IsLetter(r) {
					t.Errorf("%s: string literal %s holds a word of a language; put it in parser/lang's data", fset.Position(lit.Pos()), lit.Value)
					break
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, checked, 30, "the walk found the generator's code")
}
