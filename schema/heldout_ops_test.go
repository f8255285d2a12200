package schema

// Held-out language, API pages: the Russian half of the bilingual v1.0
// folder's pages (resources and api), read without the Russian words,
// against the same folder read as bilingual (its English half). The same
// counts as the operations fidelity measure.

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
)

// opsOracleFrom turns a schema's actions, functions and entry points into
// the oracle form measureOps compares with, overloads merged.
func opsOracleFrom(s *Schema) *opsOracle {
	o := &opsOracle{ops: map[string]*oracleOp{}, entries: map[string][2]string{}}
	for _, op := range s.Operations {
		if op.Kind != OpAction && op.Kind != OpFunction {
			continue
		}
		key := strings.ToLower(op.Name) + "|" + refString(op.Binding)
		want := o.ops[key]
		if want == nil {
			want = &oracleOp{name: op.Name, kind: string(op.Kind), binding: refString(op.Binding), returns: refString(op.Returns), params: map[string]string{}}
			o.ops[key] = want
		}
		for _, p := range op.Parameters {
			want.params[strings.ToLower(p.Name)] = paramString(p)
		}
	}
	for _, ep := range s.EntryPoints {
		o.entries[strings.ToLower(ep.Name)] = [2]string{string(ep.Kind), ep.Type}
	}
	return o
}

func TestHeldOutOperations(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves the bilingual version folder twice")
	}
	dir := corpus.Require(t, "corpus", "bilingual-ru-2020-10", "v1.0")
	english, _ := loadPages(t, dir, nil, nil)
	reference := opsOracleFrom(Resolve(english))
	// With the Russian words, the same pages give the translation's own
	// ceiling (its transliterated type names no word list reads).
	withWords, _ := loadPages(t, dir, nil, translatedHalf)
	t.Logf("the same with Russian words:\n%s", measureOps(Resolve(withWords), dir, withWords, reference).report())
	pages, _ := loadPages(t, dir, lang.Default.Without("ru"), translatedHalf)
	s := Resolve(pages)
	f := measureOps(s, dir, pages, reference)
	t.Logf("operations of the Russian half of bilingual-ru-2020-10/v1.0, without Russian words, against its English half:\n%s", f.report())
	// The operations issue's goals; floors are what the rules reach. Name
	// and type went 83.64 -> 90.89 when the request example's values came
	// to type the rows whose type words no data file names ("Логическое"
	// beside "sendResponse": true); what is left is mostly transliterated
	// type names (Воркбуксортфиелд); 92.06 when a remark in parentheses
	// after a word of another script ("строка (timestamp)") stopped naming
	// a type; 92.29 when an enum literal in a call came to type its
	// argument and spell its enum's name (timeZoneStandard'...').
	// 92.34 when a link text in another script came to give its cell's
	// collection phrase (Коллекция [акцессревиев](...)).
	// 92.77 with the words that name nothing learned.
	floors := map[string]float64{"parameter name and type exact": 92.77}
	for _, fig := range f.figures() {
		goal := opsBounds(97, nil)[fig.name].goal
		if fig.value >= goal {
			continue
		}
		t.Logf("GOAL NOT MET: %s %.2f%% (goal >= %.2f%%)", fig.name, fig.value, goal)
		if floor, ok := floors[fig.name]; ok {
			assert.GreaterOrEqual(t, fig.value, floor-0.005, "%s got worse", fig.name)
		}
	}
}
