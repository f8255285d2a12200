package schema

// Held-out languages: the generator must read languages that no file of
// ours names. The bilingual folders carry every sentence in Russian and in
// English, so keeping only the Russian half gives localized-only pages whose
// English reading is known: the same folder read as bilingual. Read with the
// Russian words removed from the language data, they measure a language the
// generator was not told about, against a reference that differs from it in
// nothing but the translation.

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
)

// spanPair is one sentence of a bilingual page: translation, then English.
var spanPair = regexp.MustCompile(`(?s)<span data-ttu-id="[^"]*">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]*">.*?</span></span>`)

// translatedHalf turns a bilingual page into the localized-only page it
// would be: every sentence pair becomes its translation.
func translatedHalf(page []byte) []byte {
	return spanPair.ReplaceAll(page, []byte("$1"))
}

func TestTranslatedHalf(t *testing.T) {
	page := []byte("# <a name=\"x\"></a><span data-ttu-id=\"a-1\">Тип ресурса x</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">x resource type</span></span>\n" +
		"| <span data-ttu-id=\"a-2\">id</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">id</span></span> | <span data-ttu-id=\"a-3\">Строка</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-3\">String</span></span> |\n")
	assert.Equal(t, "# <a name=\"x\"></a>Тип ресурса x\n| id | Строка |\n", string(translatedHalf(page)))
}

// oracleFrom turns a schema into the oracle form the fidelity measure
// compares with.
func oracleFrom(s *Schema) (map[string]*oracleType, []string) {
	out := map[string]*oracleType{}
	var files []string
	for _, ty := range s.Types {
		o := &oracleType{kind: string(ty.Kind), props: map[string]oracleProp{}, members: map[string]bool{}}
		if ty.Base != nil {
			o.base = *ty.Base
		}
		for _, p := range ty.Properties {
			o.props[p.Name] = oracleProp{typ: oracleTypeString(p), nav: p.Navigation}
		}
		for _, m := range ty.Members {
			o.members[m.Name] = true
		}
		out[ty.Name] = o
		// Every reference type counts, wherever its page is.
		files = append(files, strings.ToLower(ty.Name[strings.LastIndexByte(ty.Name, '.')+1:]))
	}
	return out, files
}

// assertHeldOutFloors checks each figure bounds names, met or not, against
// its floor, and reports the goals not met.
func assertHeldOutFloors(t *testing.T, f *fidelity, bounds map[string]bounds) {
	t.Helper()
	figures := map[string]float64{
		"type recall": f.typeRecall.pct(), "base type exact": f.baseExact.pct(),
		"documented property recall": f.propRecall.pct(), "documented property name and type exact": f.nameAndType.pct(),
		"property precision": f.precision.pct(), "enum member recall": f.memberRecall.pct(),
	}
	for _, name := range slices.Sorted(maps.Keys(bounds)) {
		value, ok := figures[name]
		require.True(t, ok, "no figure %q", name)
		b := bounds[name]
		if value < b.goal {
			t.Logf("GOAL NOT MET: %s %.2f%% (goal >= %.2f%%)", name, value, b.goal)
		}
		assert.GreaterOrEqual(t, value, b.floor-0.005, "%s got worse", name)
	}
}

func TestHeldOutLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves both bilingual folders three times")
	}
	for _, c := range []struct {
		version string
		bounds  map[string]bounds
	}{
		// The language issue's goals; floors are what the rules reach. The
		// beta property floors went down by 3 rows when a type's base came
		// from the one linked type whose rows its page repeats: that gives
		// 5 held-out and 6 German bases right, and takes reviewSet (four
		// shared audit fields) for reviewSetQuery's. Name and type went
		// down by 6 more rows when members tables became known by their
		// values (member recall 24.67 -> 56.22): the printer enums found
		// that way keep the lower case of their anchors, their rows' type
		// cells being transliterated. One more row went when a one-word
		// name on a translated page came to take the JSON key in its place
		// where the types agree (German beta name and type 94.57 -> 95.03):
		// printDocument's JSON block says sizeInBytes, its table size.
		// Issue 35 raised every floor (v1.0 / beta): sections anchored
		// x-values, members or properties read by their first table of
		// one-word names, transliterated ones included (type recall 83.22
		// -> 86.56 / 81.51 -> 85.61, the with-words ceiling; documented
		// recall 98.42 -> 99.19 in beta); translated members named from
		// the folder's English lists or left out (member recall 69.88 ->
		// 89.90 / 56.22 -> 90.99, member precision 87.02 -> 98.02 / 84.67
		// -> 99.78; 91.06 before a list naming a value twice came to name
		// one member, which lost riskDetail's adminConfirmedUserCompromised
		// and gave German 4 members); translated row names left out
		// (precision 99.24 -> 99.63 / 97.61 -> 98.81). Name and type
		// 94.05 -> 94.38 / 91.45 -> 91.79 when a type word no data file
		// knows came to take the type its placeholder carries (rows typed
		// "Длительность" beside "String (ISO 8601 duration)" are Duration).
		// Beta base 98.26 -> 98.42 and precision 98.81 -> 99.08 when a
		// page listing types came to be the base of those whose pages
		// repeat its rows and more. Capitalised row names that their JSON
		// block lacks taking the folder's spelling or the linked type's
		// last words, or left out (resolve_translatednouns.go): precision
		// 99.63 -> 99.65 / 99.08 -> 99.45, beta recall 99.19 -> 99.22,
		// name and type 91.79 -> 91.82. A remark in parentheses after a
		// type word of another script names no type ("строка
		// (timestamp)"): v1.0 name and type 94.38 -> 94.42. A link text
		// in another script came to give its cell's collection phrase
		// (Коллекция [акцессревиев](accessreview.md)): name and type
		// 94.42 -> 94.60 / 91.84 -> 92.84; 94.90 / 93.32 when words that
		// name nothing (двойное с плавающей точкой) came to be learned, a
		// quoted number counting as a number and "String (timestamp)" for
		// the word's date or time type (длительность: Duration). A section anchored
		// derived-types lists derived types whatever its heading says:
		// base 99.62 -> 99.87, beta 98.42 -> 98.58. A learned word whose
		// rows' examples are arrays holding the collection too ("коллекция
		// строк"): name and type 94.90 -> 94.92 / 93.32 -> 93.35.
		{"v1.0", map[string]bounds{
			"type recall": {98, 86.56}, "base type exact": {93, 99.87}, "documented property recall": {98.5, 99.54},
			"documented property name and type exact": {95, 94.92}, "property precision": {96, 99.65}, "enum member recall": {85, 89.90},
		}},
		{"beta", map[string]bounds{
			"type recall": {98, 85.61}, "base type exact": {88, 98.58}, "documented property recall": {98.5, 99.22},
			"documented property name and type exact": {95, 93.35}, "property precision": {95, 99.45}, "enum member recall": {85, 90.99},
		}},
	} {
		t.Run(c.version, func(t *testing.T) {
			dir := corpus.Require(t, "corpus", "bilingual-ru-2020-10", c.version, "resources")
			reference, _ := loadSchemaWith(t, dir, nil)
			oracle, files := oracleFrom(reference)
			for _, words := range []struct {
				name string
				set  *lang.Set
			}{{"without Russian words", lang.Default.Without("ru")}, {"with Russian words", nil}} {
				s, texts := loadSchemaFrom(t, dir, words.set, translatedHalf)
				f := measure(s, texts, oracle, files)
				t.Logf("Russian half of bilingual-ru-2020-10/%s, %s, against its English half:\n%s", c.version, words.name, f.report())
				writeMisses(t, f, "heldout-ru-"+c.version+"-"+strings.ReplaceAll(words.name, " ", "-"))
				if words.set == nil {
					continue
				}
				require.Len(t, c.bounds, 6, "every figure has bounds")
				assertHeldOutFloors(t, f, c.bounds)
			}
		})
	}
}
