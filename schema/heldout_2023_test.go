package schema

// Held-out readings of the 2023 page format. localized-ru-2023 and
// localized-zh-2023 are two translations of the same English pages of
// February 2023, and no oracle covers them. Two measures stand in:
//   - the Russian folder read without the Russian words, against the same
//     folder read with them: what the structure alone gives on a language
//     the generator was not told about, in the 2023 format (the bilingual
//     held-out test measures the 2020 format);
//   - the Chinese folder, whose words no data file holds, against the
//     Russian folder read with its words: two readings of one source that
//     differ only in the translation. A miss is then a rule failing on
//     either side, so this agreement is a floor, not a fidelity.

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
)

func TestHeldOut2023(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves both 2023 folders")
	}
	ru := corpus.Require(t, "corpus", "localized-ru-2023", "beta", "resources")
	zh := corpus.Require(t, "corpus", "localized-zh-2023", "beta", "resources")
	reference, _ := loadSchemaWith(t, ru, nil)
	oracle, files := oracleFrom(reference)
	// The language issue's beta goals; floors are what the rules reach.
	// Collection phrases inside a link that is the whole cell ([Коллекция
	// x](x.md)) and around a primitive's word (Коллекция String) took
	// Russian-without-words name and type from 96.67 to 99.70, and the
	// Chinese agreement from 98.76 to 98.78. A phrase before a link that
	// starts with the link's own sentence ("在内。 继承自" is 继承自) took the
	// Chinese base from 98.93 to 99.15 and precision from 99.03 to 99.36.
	// A cycle of bases costing the type whose base rests on the weakest
	// sign (task's annotation names baseTask; baseTask's page repeats
	// task's rows) took the Russian base to 99.56, and the Chinese to
	// 99.19, name and type 98.90, precision 99.47. A translated row named
	// by the page its link text does not name ([订阅][] for
	// subscription.md) or by a "<page>-list-<x>" API page whose Methods
	// row forgets "collection": Chinese recall 99.61, name and type 98.92.
	// Translated rows named by the folder's vocabulary (名称 is name where
	// the rules named three rows so): Chinese recall 99.64, name and type
	// 98.95; the Russian reading with its words, the reference, gained ten
	// rows too. A full-width mark ending a sentence inside a word
	// ("…的值。继承自", no space after it; review): Chinese base 99.30.
	// A learned word whose rows' examples are arrays holding the
	// collection too: Russian 99.75, Chinese 99.00 name and type. The
	// Russian data file reading "Даты и время" as a date and time, not as
	// "время" (a time of day): the reference's 6 rows right, Russian
	// 99.78, Chinese 99.02.
	// Translated capitals lowered where the folder's English members
	// mostly begin in lower case (PremiumP1): Chinese members 98.06.
	// Floors are checked whether the goal is met or not.
	for _, c := range []struct {
		name   string
		dir    string
		words  *lang.Set
		bounds map[string]bounds
	}{
		{"localized-ru-2023/beta without Russian words, against its reading with them", ru, lang.Default.Without("ru"), map[string]bounds{
			"type recall": {98, 99.95}, "base type exact": {88, 99.56}, "documented property recall": {98.5, 99.91},
			"documented property name and type exact": {95, 99.78}, "property precision": {95, 99.84}, "enum member recall": {85, 99.53},
		}},
		{"localized-zh-2023/beta, against localized-ru-2023/beta read with Russian words", zh, nil, map[string]bounds{
			"type recall": {98, 99.27}, "base type exact": {88, 99.30}, "documented property recall": {98.5, 99.64},
			"documented property name and type exact": {95, 99.02}, "property precision": {95, 99.47}, "enum member recall": {85, 98.06},
		}},
	} {
		t.Run(c.name[:len("localized-xx-2023")], func(t *testing.T) {
			s, texts := loadSchemaWith(t, c.dir, c.words)
			f := measure(s, texts, oracle, files)
			t.Logf("%s:\n%s", c.name, f.report())
			writeMisses(t, f, "heldout-"+c.name[len("localized-"):len("localized-xx-2023")])
			require.Len(t, c.bounds, 6, "every figure has bounds")
			assertHeldOutFloors(t, f, c.bounds)
		})
	}
}
