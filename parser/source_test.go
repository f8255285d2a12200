package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourceReplacesSpanPairsWithEnglish(t *testing.T) {
	orig := "|<span data-ttu-id=\"a-1\">тоталлиценсескаунт</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">totalLicensesCount</span></span>|Int32|\n"
	s := newSource([]byte(orig))
	assert.True(t, s.Bilingual)
	assert.Equal(t, "|totalLicensesCount|Int32|\n", string(s.Clean))
	// The English name maps back to where it stands in the original line.
	at := strings.Index(string(s.Clean), "totalLicensesCount")
	want := strings.Index(orig, "totalLicensesCount") + 1
	assert.Equal(t, Position{Line: 1, Col: want}, s.Pos(at))
	// Text after the pair maps past the whole pair.
	assert.Equal(t, Position{Line: 1, Col: strings.Index(orig, "Int32") + 1}, s.Pos(strings.Index(string(s.Clean), "Int32")))
}

func TestSourceSpanWithNewlineKeepsLines(t *testing.T) {
	// 13 corpus spans hold a newline (beta/resources/contact.md:133).
	orig := "a <span data-ttu-id=\"x\">ру\nсский</span><span class=\"sxs-lookup\"><span data-stu-id=\"x\">two\nlines</span></span> b\nnext"
	s := newSource([]byte(orig))
	assert.Equal(t, "a two\nlines b\nnext", string(s.Clean))
	// Both halves hold a newline: in the original, "lines" stands on line 3
	// and "next" on line 4, though the clean text has them on lines 2 and 3.
	assert.Equal(t, 4, s.Pos(strings.Index(string(s.Clean), "next")).Line)
	assert.Equal(t, 3, s.Pos(strings.Index(string(s.Clean), "lines")).Line)
}

func TestSourceIncompletePairIsKept(t *testing.T) {
	orig := `<span data-ttu-id="x">only russian</span> text`
	s := newSource([]byte(orig))
	assert.False(t, s.Bilingual)
	assert.Equal(t, orig, string(s.Clean))
}

func TestSourceBOMAndCRLF(t *testing.T) {
	orig := "\xEF\xBB\xBF---\r\ntitle: \"x\"\r\ndoc_type: resourcePageType\r\n---\r\n# Title\r\nline two\r\n"
	s := newSource([]byte(orig))
	assert.NotContains(t, string(s.Clean), "\r")
	assert.False(t, strings.HasPrefix(string(s.Clean), "\xEF\xBB\xBF"))
	fm := s.FrontMatter()
	assert.Equal(t, "resourcePageType", fm["doc_type"])
	assert.Equal(t, "x", fm["title"])
	// Front matter is blanked but its lines stay, so "# Title" is on line 5.
	at := strings.Index(string(s.Clean), "# Title")
	require.GreaterOrEqual(t, at, 0)
	assert.Equal(t, Position{Line: 5, Col: 1}, s.Pos(at))
	assert.Equal(t, Position{Line: 6, Col: 6}, s.Pos(strings.Index(string(s.Clean), "two")))
}

func TestSourceWithoutFrontMatter(t *testing.T) {
	s := newSource([]byte("# x\n---\nnot front matter\n"))
	assert.Nil(t, s.FrontMatter())
	assert.Equal(t, "# x\n---\nnot front matter\n", string(s.Clean))
}
