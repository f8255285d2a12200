package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// goldmark's own patterns for open and closing tags (parser/raw_html.go),
// which the inline tag parser must agree with on every tag that ends on
// its line.
var (
	tagnamePattern   = `([A-Za-z][A-Za-z0-9-]*)`
	spaceOrOneNL     = `(?:[ \t]|(?:\r\n|\n){0,1})`
	attributePattern = `(?:[\r\n \t]+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:[\r\n \t]*=[\r\n \t]*(?:[^\"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)`
	openTagRegexp    = regexp.MustCompile("^<" + tagnamePattern + attributePattern + `*` + spaceOrOneNL + `*/?>`)
	closeTagRegexp   = regexp.MustCompile("^</" + tagnamePattern + spaceOrOneNL + `*>`)
)

// goldmarkTagLength is what goldmark's patterns match at the start of line
// when the match ends on the line, else 0.
func goldmarkTagLength(line []byte) int {
	for _, re := range []*regexp.Regexp{openTagRegexp, closeTagRegexp} {
		if m := re.Find(line); m != nil && !bytes.ContainsAny(m, "\r\n") {
			return len(m)
		}
	}
	return 0
}

func TestInlineTagsAsGoldmarkReadsThem(t *testing.T) {
	lines := []string{
		`<a name="x"></a>rest`, `</a>`, `<br>`, `<br/>`, `<br />`, `<img src=x.png alt='y'>`, `<a href=foo/>`,
		`<a href=x/y=z>`, `<a name="x"`, `<a name=>`, `<a  b c=d>`, `<a b="c"d>`, `<a/b>`, `< a>`, `<1a>`, `</a b>`,
		`</a  >`, `<a\n name="x">`, `<a name="x\ny">`, `<span data-ttu-id="x">a</span>`, `<a:b>`, "<a\tb>", `<!-- x -->`, `<?x?>`,
		`<a b=c>`, `<a _b:c.d-e='f'>`, `<a b = "c" >`, `<a b=` + "`c`" + `>`, `<x-y-1>`, `</x-y-1>`, `<`, `<>`, `</>`,
	}
	for _, l := range lines {
		assert.Equal(t, goldmarkTagLength([]byte(l)), tagLength([]byte(l)), "%q", l)
	}
	// Every "<" of the corpus pages, read to the end of its line.
	dir := corpus.Require(t, "corpus")
	pages, err := filepath.Glob(filepath.Join(dir, "*", "*", "resources", "*.md"))
	require.NoError(t, err)
	checked := 0
	for _, p := range pages[:min(len(pages), 3000)] {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		for i := bytes.IndexByte(data, '<'); i >= 0; {
			end := bytes.IndexByte(data[i:], '\n')
			if end < 0 {
				end = len(data) - i
			} else {
				end++ // the line with its newline, as goldmark peeks it
			}
			line := data[i : i+end]
			if got, want := tagLength(line), goldmarkTagLength(line); got != want {
				t.Fatalf("%s: %q: tagLength %d, goldmark %d", p, line, got, want)
			}
			checked++
			next := bytes.IndexByte(data[i+1:], '<')
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	assert.Greater(t, checked, 100000)
}
