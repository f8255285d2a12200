package schema

// A held-out language that puts the verb last, at the scale of a folder:
// the Russian half of the bilingual pages (TestHeldOutLanguage) with every
// phrase that names a base moved after its link ("Наследуется от
// [entity](entity.md)." becomes "[entity](entity.md) наследуется от."), as
// a verb-final language writes it, read without the Russian words. The
// bases must then come from the phrases the folder teaches after the link,
// from the same evidence as before it, and the figures stay those of the
// held-out reading.

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
)

// verbLast returns a transform that moves each of phrases (any case) that
// stands right before a link (inline or by reference) to right after it,
// where it ends its clause as a verb that comes last does: a comma
// follows it where more words did.
func verbLast(phrases []string) func([]byte) []byte {
	sorted := append([]string(nil), phrases...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) }) // the longest first
	quoted := make([]string, len(sorted))
	for i, p := range sorted {
		quoted[i] = regexp.QuoteMeta(p)
	}
	re := regexp.MustCompile(`(?i)(` + strings.Join(quoted, "|") + `)\s+(\[[^\]\n]+\](?:\([^)\s]+\)|\[[^\]\n]*\])?)( ?[\p{L}\p{N}]?)`)
	return func(page []byte) []byte {
		return re.ReplaceAllFunc(translatedHalf(page), func(m []byte) []byte {
			g := re.FindSubmatch(m)
			out := append(append(append([]byte(nil), g[2]...), ' '), g[1]...)
			if len(strings.TrimSpace(string(g[3]))) > 0 {
				out = append(out, ',')
			}
			return append(out, g[3]...)
		})
	}
}

func TestVerbLastTransform(t *testing.T) {
	move := verbLast([]string{"inherits from", "inherited from"})
	assert.Equal(t, "Gadget [widget](widget.md) inherits from.\n| id | String | [entity][] Inherited from. |\nIt [x](x.md) inherits from, and more.",
		string(move([]byte("Gadget inherits from [widget](widget.md).\n| id | String | Inherited from [entity][]. |\nIt inherits from [x](x.md) and more."))))
}

func TestHeldOutVerbLastLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves both bilingual folders twice")
	}
	var phrases []string
	for _, v := range lang.Embedded() {
		if v.Language == "ru" {
			phrases = append(append(phrases, v.Phrases.Inherits...), v.Phrases.Inherited...)
		}
	}
	require.NotEmpty(t, phrases, "the Russian data file names its base phrases")
	for _, c := range []struct {
		version string
		bounds  map[string]bounds
	}{
		// The language issue's goals; floors are what the rules reach.
		// Base 99.62 -> 99.87 and 98.42 -> 98.58: sections anchored
		// derived-types list derived types whatever their heading says.
		{"v1.0", map[string]bounds{"base type exact": {93, 99.87}, "property precision": {96, 99.65}, "documented property recall": {98.5, 99.54}}},
		{"beta", map[string]bounds{"base type exact": {88, 98.58}, "property precision": {95, 99.45}, "documented property recall": {98.5, 99.22}}},
	} {
		t.Run(c.version, func(t *testing.T) {
			dir := corpus.Require(t, "corpus", "bilingual-ru-2020-10", c.version, "resources")
			reference, _ := loadSchemaWith(t, dir, nil)
			oracle, files := oracleFrom(reference)
			s, texts := loadSchemaFrom(t, dir, lang.Default.Without("ru"), verbLast(phrases))
			f := measure(s, texts, oracle, files)
			t.Logf("Russian half of bilingual-ru-2020-10/%s, verb last, without Russian words, against its English half:\n%s", c.version, f.report())
			writeMisses(t, f, "heldout-verblast-ru-"+c.version)
			require.NotNil(t, s.Learned)
			var after []string
			for p := range s.Learned.BasePhrases {
				if strings.HasPrefix(p, "... ") {
					after = append(after, p)
				}
			}
			assert.NotEmpty(t, after, "base phrases learned after the link")
			assertHeldOutFloors(t, f, c.bounds)
		})
	}
}
