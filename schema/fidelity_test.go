package schema

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/docgen/graphgen/parser/lang"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
)

// The fidelity check measures the schema the pages give against facts from
// the service's own schema (../shared/oracle). Only this test reads the
// oracle; the generator never does. Run it alone with `make fidelity`.

type oracleType struct {
	kind, base string
	props      map[string]oracleProp
	members    map[string]bool
}

type oracleProp struct {
	typ string
	nav bool
}

func readOracle(t *testing.T, path string) map[string]*oracleType {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	types := map[string]*oracleType{}
	get := func(n string) *oracleType {
		if types[n] == nil {
			types[n] = &oracleType{props: map[string]oracleProp{}, members: map[string]bool{}}
		}
		return types[n]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case cols[0] == "T" && len(cols) >= 4:
			ty := get(cols[1])
			ty.kind = cols[2]
			if cols[3] != "-" {
				ty.base = cols[3]
			}
		case cols[0] == "P" && len(cols) >= 5:
			get(cols[1]).props[cols[2]] = oracleProp{typ: cols[3], nav: cols[4] == "1"}
		case cols[0] == "E" && len(cols) >= 3:
			get(cols[1]).members[cols[2]] = true
		}
	}
	require.NoError(t, sc.Err())
	return types
}

// loadSchema parses every page of a folder and resolves them.
// loadSchemaWith resolves dir reading the languages words knows (nil: all
// the parser ships with).
func loadSchemaWith(t testing.TB, dir string, words *lang.Set) (*Schema, map[string][]byte) {
	return loadSchemaFrom(t, dir, words, nil)
}

// loadSchemaFrom is loadSchemaWith on each page's text as transform
// returns it (nil: as read).
func loadSchemaFrom(t testing.TB, dir string, words *lang.Set, transform func([]byte) []byte) (*Schema, map[string][]byte) {
	pages, texts := loadPages(t, dir, words, transform)
	return Resolve(pages), texts
}

// loadPages parses every page of a folder, each page's text as transform
// returns it (nil: as read), and returns the pages and their texts.
func loadPages(t testing.TB, dir string, words *lang.Set, transform func([]byte) []byte) ([]*parser.Page, map[string][]byte) {
	var paths []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	}))
	pages := make([]*parser.Page, len(paths))
	texts := make([][]byte, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			data, err := os.ReadFile(p)
			if err != nil {
				return
			}
			if transform != nil {
				data = transform(data)
			}
			rel, _ := filepath.Rel(dir, p)
			pages[i] = parser.Parse(filepath.ToSlash(rel), data, parser.Options{RootName: filepath.Base(dir), Lang: words})
			texts[i] = data
		}()
	}
	wg.Wait()
	byPath := map[string][]byte{}
	for i, p := range pages {
		byPath[p.Path] = texts[i]
	}
	return pages, byPath
}

type ratio struct{ hit, total int }

func (r ratio) pct() float64 {
	if r.total == 0 {
		return 100
	}
	return 100 * float64(r.hit) / float64(r.total)
}

func (r ratio) String() string { return fmt.Sprintf("%6.2f%% (%d/%d)", r.pct(), r.hit, r.total) }

type fidelity struct {
	typeRecall, enumVsStruct, entityVsComplex, baseExact ratio
	propRecall, nameAndType, precision, onBase           ratio
	memberRecall, memberPrecision                        ratio
	// documentedMemberRecall counts only members the enum's own section
	// names: the pages leave out many unknownFutureValue sentinels.
	documentedMemberRecall ratio
	misses                 map[string][]string // cause -> examples
}

func (f *fidelity) miss(cause, example string) {
	f.misses[cause] = append(f.misses[cause], example)
}

func oracleTypeString(p *Property) string {
	if p.Collection {
		return "Collection(" + p.Type + ")"
	}
	return p.Type
}

func measure(s *Schema, texts map[string][]byte, oracle map[string]*oracleType, files []string) *fidelity {
	f := &fidelity{misses: map[string][]string{}}
	var enumHeadings strings.Builder
	for p, text := range texts {
		if strings.HasPrefix(strings.ToLower(filepath.Base(p)), "enums") {
			enumHeadings.Write(text)
		}
	}
	headings := strings.ToLower(enumHeadings.String())
	covered := func(name string) bool {
		short := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
		for _, fn := range files {
			if strings.HasSuffix(fn, short) {
				return true
			}
		}
		return strings.Contains(headings, " "+short+" values")
	}
	names := make([]string, 0, len(oracle))
	for n := range oracle {
		names = append(names, n)
	}
	sort.Strings(names)
	chain := func(n string) []string {
		var out []string
		seen := map[string]bool{}
		for b := oracle[n].base; b != "" && oracle[b] != nil && !seen[b]; b = oracle[b].base {
			seen[b] = true
			out = append(out, b)
		}
		return out
	}
	for _, n := range names {
		o := oracle[n]
		if o.kind == "" || !covered(n) {
			continue
		}
		f.typeRecall.total++
		ty := s.Lookup(n)
		if ty == nil {
			f.miss("type not found", n)
			continue
		}
		f.typeRecall.hit++
		f.enumVsStruct.total++
		if (o.kind == "enum") == (ty.Kind == Enum) {
			f.enumVsStruct.hit++
		} else {
			f.miss("enum vs struct", fmt.Sprintf("%s: service %s, page %s", n, o.kind, ty.Kind))
			continue
		}
		if o.kind == "enum" {
			mine := map[string]bool{}
			for _, m := range ty.Members {
				mine[m.Name] = true
				f.memberPrecision.total++
				if o.members[m.Name] {
					f.memberPrecision.hit++
				} else {
					f.miss("member not in service", n+"."+m.Name)
				}
			}
			section := enumSection(texts, ty.Source)
			for m := range o.members {
				f.memberRecall.total++
				documented := strings.Contains(section, m)
				if documented {
					f.documentedMemberRecall.total++
				}
				switch {
				case mine[m]:
					f.memberRecall.hit++
					if documented {
						f.documentedMemberRecall.hit++
					}
				case documented:
					f.miss("member documented, missed", n+"."+m)
				default:
					f.miss("member missed, not on its page", n+"."+m)
				}
			}
			continue
		}
		f.entityVsComplex.total++
		if string(ty.Kind) == o.kind {
			f.entityVsComplex.hit++
		} else {
			f.miss("kind "+o.kind+" read as "+string(ty.Kind), n)
		}
		f.baseExact.total++
		base := ""
		if ty.Base != nil {
			base = *ty.Base
		}
		if base == o.base {
			f.baseExact.hit++
		} else {
			cause := "base: other"
			switch {
			case base == "":
				cause = "base: page gives none"
			case o.base == "":
				cause = "base: service has none"
			}
			f.miss(cause, fmt.Sprintf("%s: service %q, page %q", n, o.base, base))
		}
		ancestors := map[string]bool{}
		for _, a := range chain(n) {
			for p := range oracle[a].props {
				ancestors[p] = true
			}
		}
		mine := map[string]*Property{}
		for _, p := range ty.Properties {
			mine[p.Name] = p
			f.precision.total++
			f.onBase.total++
			switch {
			case o.props[p.Name] != (oracleProp{}):
				f.precision.hit++
			case ancestors[p.Name]:
				f.onBase.hit++
				f.miss("property: declared on a base", n+"."+p.Name)
			default:
				f.miss("property: not in service", n+"."+p.Name)
			}
		}
		page := strings.SplitN(ty.Source, ":", 2)[0]
		text := string(texts[page])
		for pn, op := range o.props {
			if !strings.Contains(text, pn) {
				continue // not documented on the type's page
			}
			f.propRecall.total++
			f.nameAndType.total++
			p := mine[pn]
			if p == nil {
				f.miss("property: documented, missed", n+"."+pn)
				continue
			}
			f.propRecall.hit++
			if oracleTypeString(p) == op.typ {
				f.nameAndType.hit++
			} else {
				f.miss("property type: "+op.typ+" read as "+oracleTypeString(p), n+"."+pn)
			}
		}
	}
	return f
}

func (f *fidelity) report() string {
	var b strings.Builder
	rows := []struct {
		name string
		r    ratio
	}{
		{"type recall", f.typeRecall}, {"enum vs struct", f.enumVsStruct}, {"entity vs complex", f.entityVsComplex},
		{"base type exact", f.baseExact}, {"documented property recall", f.propRecall},
		{"documented property name and type exact", f.nameAndType}, {"property precision", f.precision},
		{"properties declared on a base", f.onBase}, {"enum member recall", f.memberRecall},
		{"documented enum member recall", f.documentedMemberRecall}, {"enum member precision", f.memberPrecision},
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-42s %s\n", r.name, r.r)
	}
	causes := make([]string, 0, len(f.misses))
	for c := range f.misses {
		causes = append(causes, c)
	}
	sort.Slice(causes, func(i, j int) bool {
		if len(f.misses[causes[i]]) != len(f.misses[causes[j]]) {
			return len(f.misses[causes[i]]) > len(f.misses[causes[j]])
		}
		return causes[i] < causes[j]
	})
	b.WriteString("  misses by cause:\n")
	for _, c := range causes {
		ex := f.misses[c]
		sort.Strings(ex)
		show := ex
		if len(show) > 6 {
			show = show[:6]
		}
		fmt.Fprintf(&b, "    %4d %s: %s\n", len(ex), c, strings.Join(show, "; "))
	}
	return b.String()
}

// enumSection returns the text of an enum's definition: from its source
// line to the next heading of the same or a higher level (aggregated pages
// hold many enums).
func enumSection(texts map[string][]byte, source string) string {
	path, lineStr, _ := strings.Cut(source, ":")
	line := 0
	fmt.Sscanf(lineStr, "%d", &line)
	lines := strings.Split(string(texts[path]), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	level := headingLevel(lines[line-1])
	var b strings.Builder
	for i := line; i < len(lines); i++ {
		if l := headingLevel(lines[i]); l > 0 && level > 0 && l <= level {
			break
		}
		b.WriteString(lines[i])
		b.WriteByte('\n')
	}
	return b.String()
}

// figure is one measured figure with the goal and the floor it
// must not fall below while the goal is not met (the figure measured when
// the rules last improved; raise it when they improve again).
type figure struct {
	name   string
	value  float64
	goal   float64
	floor  float64
	atMost bool // the goal is a maximum
}

func TestFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves the whole en-2020-05 corpus")
	}
	for _, c := range []struct {
		corpus, oracle, version string
		bounds                  map[string]bounds
	}{
		// Floors are what the rules reached; two v1.0 floors went down
		// when more types were found: orgContact, identityProvider and
		// teamsAsyncOperation (title case) joined base type exact (616/636,
		// was 614/633), and teamVisibilityType ("#name" title without a
		// space) lists two of the service's four members. Beta base
		// 91.62 -> 91.73, precision 97.58 -> 97.61, on a base 1.21 ->
		// 1.17 when a page that lists types in a bulleted list came to be
		// their base where their pages repeat its rows and more
		// (locatedRiskEvent's list gives impossibleTravelRiskEvent and
		// malwareRiskEvent, was identityRiskEvent's "base type for" list).
		{"en-2020-05", "en-2020-05", "v1.0", map[string]bounds{
			"type recall": {99, 99.63}, "enum vs struct": {100, 100}, "entity vs complex": {97, 100},
			"base type exact": {97, 96.86}, "documented property recall": {99.5, 99.84},
			"documented property name and type exact": {99, 98.85}, "property precision": {98.5, 98.11},
			"properties declared on a base": {0.2, 0.94}, "enum member recall": {99.5, 97.75},
			"documented enum member recall": {99.5, 99.5}, "enum member precision": {99.5, 99.71},
		}},
		{"en-2020-05", "en-2020-05", "beta", map[string]bounds{
			"type recall": {99, 98.97}, "enum vs struct": {100, 100}, "entity vs complex": {95, 95.23},
			"base type exact": {93, 91.73}, "documented property recall": {99.5, 99.55},
			"documented property name and type exact": {99, 96.74}, "property precision": {98.5, 97.61},
			"properties declared on a base": {0.2, 1.17}, "enum member recall": {99.5, 98.26},
			"documented enum member recall": {99.5, 99.5}, "enum member precision": {99.5, 99.04},
		}},
		// German, read without German words (structure and what the folder
		// teaches): the language issue's goals, and floors where not met.
		// Two v1.0 member floors went down when anchor-only "x-values"
		// sections found operationStatus and status (type recall 97.71 ->
		// 98.20): operation.md lists operationStatus's values in lower case
		// where the service has NotStarted, and status's members are
		// translated with no English list anywhere. On the other enums
		// both figures are unchanged (580/596 and 414/416). The v1.0 base
		// floor went down by one type when a learned base phrase came to
		// outrank an annotation naming entity, as the Inherits line does
		// on English pages: subscribedSku's page says "Erbt von
		// [directoryObject]", the service says entity (held out: +7).
		// The beta on-base figure rose 3.08 -> 3.10 with the same 235
		// rows: 49 false rows fewer in the denominator. Beta name and
		// type (95.03 -> 94.86) and precision (94.01 -> 93.94) went down
		// when titles took the word their anchor names ("Ressourcentyp
		// „workbook“"): 19 more types found (type recall 94.31 -> 95.59),
		// whose 128 rows read 109 right; the other rows are unchanged.
		// Issue 35 (beta): enums found by their x-values anchor alone
		// (status, importance, sensitivity, educationGender, tlpLevel) and
		// a name's case from a row named like it (certificateValidity-
		// PeriodScale, keyValue) took type recall 95.59 -> 95.79 and name
		// and type 94.87 -> 95.11; translated members left out rather than
		// emitted, member precision 97.35 -> 97.37 and documented member
		// recall 99.91 -> 100; precision 93.94 -> 94.00 (translated row
		// names left out, 3 translated relationship rows found). Member
		// recall 97.35 -> 97.43 (1472/1512 -> 1481/1520), member
		// precision 97.35 -> 97.50; status, found, has "gelöscht" and
		// "ignoriert", which no list of the folder names in English.
		// v1.0 member recall 96.28 -> 96.60 and precision 96.43 -> 96.76
		// when a list naming a value twice came to name one member.
		// v1.0 name and type 97.38 -> 97.51 when a type word no data file
		// knows came to take the type its placeholder carries ("Dauer"
		// beside "String (ISO 8601 duration)" is Duration, was String).
		// Beta base 88.35 -> 88.53, precision 94.00 -> 94.73, on a base
		// 3.05 -> 2.37 when a page listing types (bullets, a table of
		// links) came to be the base of those whose pages repeat its rows
		// and more: the risk events of identityRiskEvent's table and
		// locatedRiskEvent's list (92 rows fewer counted as their own).
		// Capitalised row names of translated pages that their JSON block
		// lacks (resolve_translatednouns.go) take the folder's spelling
		// or the linked type's last words (threads, details, app, schema,
		// healthStates; v1.0 format, borders, rows, filter), or are left
		// out as nouns of the translation (Erweiterungen, Kalender), and
		// a page linking its base beside types derived from it takes the
		// one they all extend (domainDnsUnavailableRecord): beta precision
		// 94.73 -> 95.63, base 88.53 -> 88.62, on a base 2.37 -> 2.32,
		// recall 99.12 -> 99.20, name and type 95.11 -> 95.19; v1.0
		// precision 98.51 -> 99.33, recall 99.20 -> 99.26, name and type
		// 97.51 -> 97.57.
		// An enum's title capitalized by the translation takes the case
		// of the links that agree on it and differ in the first letter
		// only (TeamSpecialization -> teamSpecialization): type recall
		// v1.0 98.85 -> 99.35, beta 95.79 -> 96.05, name and type v1.0
		// 97.57 -> 97.86, beta 95.19 -> 95.28. The member ratios fell as
		// the enums found brought their members into the count, the
		// pages' own translated or capitalized ones included (Keine,
		// Private, InProgress): v1.0 precision 96.76 -> 96.60, beta
		// precision 97.50 -> 97.26, documented recall 100 -> 99.90.
		// An enum page's title that has no word of its anchor's name is
		// the translation's (Wurde-Enumerationstyp anchored
		// compliancestatus-enum-type, chassitype for chassistype): the
		// anchor names it. Beta type recall 96.05 -> 96.12, name and type
		// 95.30 -> 95.32; member recall 96.63 -> 96.39 and precision
		// 97.26 -> 97.08 with those enums' translated members counted.
		// A link text that is no name ([für](...) -Sammlung) came to give
		// its cell's collection phrase: beta name and type 95.32 -> 95.41.
		// Beta type recall 96.12 -> 96.45 (notification, policy, trending,
		// educationSynchronizationDataProvider, educationIdentitySynchroni-
		// zationConfiguration) when a type title with no word of its anchor's
		// name took the anchor's and sections anchored derived-types,
		// common-properties and common-relationships were read by their
		// anchors; base 88.62 -> 89.10 (the derived types found), entity vs
		// complex 93.78 -> 93.81, recall 99.20 -> 99.21, precision 95.63 ->
		// 95.66, on a base 2.32 -> 2.29; name and type 95.32 -> 95.51 with a
		// whole-number placeholder counted for a Double word (Gleitkommawert)
		// and a learned word before a parenthesis; 95.60 with the link
		// text's collection phrase above; 95.84 with a quoted number
		// counted as a number and "String (timestamp)" counted for the
		// word's date or time type when learning. A copied annotation
		// giving way to the title, anchor and file name that agree
		// (networkLocationDetail annotated deviceDetail,
		// synchronizationProgress annotated synchronizationStatus): type
		// recall 96.45 -> 96.59, precision 95.66 -> 95.77; name and type
		// 95.84 -> 95.82, their five rows joining the count (three right).
		// Precision read 95.72 at the end of that session (the 95.77
		// recorded before it was not measured on its last commit). A
		// translated collection row named by its "<page>-list-<x>" API
		// page whose Methods row forgets "collection" (message.mentions):
		// recall 99.21 -> 99.22, name and type 95.82 -> 95.83. A word read
		// as a type name that no page describes nor the folder teaches
		// taking its row's placeholder where that says a number, a boolean
		// or a date (numerischen beside "decimal"): name and type 97.86 ->
		// 97.95 in v1.0, 95.83 -> 96.02 in beta. A run of translated rows
		// written like names (gesperrt, erforderlich) taking the keys that
		// stand between their neighbours' keys, where the table and the
		// block share an order: beta precision 95.72 -> 95.86. Translated
		// rows named by the folder's vocabulary (the English name its rules
		// gave the same words on three rows or more): 95.86 -> 95.84, the
		// two rows it names being rows the pages document and the 2019
		// service lacks (stringKeyObjectValuePair's "Wert", value, of an
		// open type whose schema declares only key; directoryDefinition's
		// "$metadata"). A base page's table of derived types counting as
		// evidence for the words around the link to it (educationCsvData-
		// Provider's "[educationSynchronizationDataProvider](...)
		// abgeleitet." teaches "... abgeleitet", and eventMessage's "ist von
		// [Message](message.md) abgeleitet" then names message): base 89.12
		// -> 89.21, precision 95.84 -> 96.25, on a base 2.29 -> 1.87.
		// A learned type word whose rows' examples are arrays holding the
		// collection too (zeichenfolgenauflistung): beta name and type
		// 96.02 -> 96.05. Translated capitals lowered in an enum whose
		// members begin in lower case only in part where the folder's
		// English members mostly do: member recall 95.72 -> 95.87 and
		// 96.39 -> 96.77, precision 96.60 -> 96.76 and 97.08 -> 97.47.
		// Floors are checked whether the goal is met or not.
		{"localized-de-2019-03", "de-2019-03", "v1.0", map[string]bounds{
			"type recall": {98, 99.35}, "enum vs struct": {100, 100}, "entity vs complex": {100, 100},
			"base type exact": {93, 99.59}, "documented property recall": {98.5, 99.26},
			"documented property name and type exact": {95, 97.95}, "property precision": {96, 99.33},
			"properties declared on a base": {0, 0.03}, "enum member recall": {85, 95.87},
			"documented enum member recall": {100, 99.33}, "enum member precision": {100, 96.76},
		}},
		{"localized-de-2019-03", "de-2019-03", "beta", map[string]bounds{
			"type recall": {98, 96.59}, "enum vs struct": {100, 100}, "entity vs complex": {100, 93.82},
			"base type exact": {88, 89.21}, "documented property recall": {98.5, 99.22},
			"documented property name and type exact": {95, 96.05}, "property precision": {95, 96.25},
			"properties declared on a base": {0, 1.87}, "enum member recall": {85, 96.77},
			"documented enum member recall": {100, 99.90}, "enum member precision": {100, 97.47},
		}},
	} {
		t.Run(c.corpus+"/"+c.version, func(t *testing.T) {
			dir := corpus.Require(t, "corpus", c.corpus, c.version, "resources")
			oracle := readOracle(t, corpus.Require(t, "oracle", c.oracle+"-"+c.version+".tsv"))
			// The languages' goals hold without their own words: German is
			// read from structure and what the folder teaches alone.
			s, texts := loadSchemaWith(t, dir, lang.Default.Without("de"))
			var files []string
			for p := range texts {
				files = append(files, strings.ToLower(strings.TrimSuffix(filepath.Base(p), ".md")))
			}
			f := measure(s, texts, oracle, files)
			t.Logf("fidelity of %s/%s:\n%s", c.corpus, c.version, f.report())
			writeMisses(t, f, c.corpus+"-"+c.version)
			figures := []figure{
				{name: "type recall", value: f.typeRecall.pct()},
				{name: "enum vs struct", value: f.enumVsStruct.pct()},
				{name: "entity vs complex", value: f.entityVsComplex.pct()},
				{name: "base type exact", value: f.baseExact.pct()},
				{name: "documented property recall", value: f.propRecall.pct()},
				{name: "documented property name and type exact", value: f.nameAndType.pct()},
				{name: "property precision", value: f.precision.pct()},
				{name: "properties declared on a base", value: f.onBase.pct(), atMost: true},
				{name: "enum member recall", value: f.memberRecall.pct()},
				{name: "documented enum member recall", value: f.documentedMemberRecall.pct()},
				{name: "enum member precision", value: f.memberPrecision.pct()},
			}
			for _, fig := range figures {
				b, ok := c.bounds[fig.name]
				require.True(t, ok, fig.name)
				fig.goal, fig.floor = b.goal, b.floor
				met := fig.value >= fig.goal
				if fig.atMost {
					met = fig.value <= fig.goal
				}
				if !met {
					t.Logf("GOAL NOT MET: %s %.2f%% (goal %s %.2f%%)", fig.name, fig.value, map[bool]string{true: "<=", false: ">="}[fig.atMost], fig.goal)
				}
				// Met or not, it must not slip below what the rules reached.
				if fig.atMost {
					assert.LessOrEqual(t, fig.value, fig.floor+0.005, "%s got worse", fig.name)
				} else {
					assert.GreaterOrEqual(t, fig.value, fig.floor-0.005, "%s got worse", fig.name)
				}
			}
		})
	}
}

// writeMisses writes every miss, one per line, to $FIDELITY_MISSES/name.tsv
// when that is set, for whoever works on the rules next.
func writeMisses(t *testing.T, f *fidelity, name string) {
	dir := os.Getenv("FIDELITY_MISSES")
	if dir == "" {
		return
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	var b strings.Builder
	for cause, ex := range f.misses {
		for _, x := range ex {
			fmt.Fprintf(&b, "%s\t%s\n", cause, x)
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".tsv"), []byte(b.String()), 0o644))
}

// bounds are a figure's goal and the floor it must not fall below while
// the goal is not met.
type bounds struct{ goal, floor float64 }

func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n >= len(line) || line[n] != ' ' {
		return 0
	}
	return n
}
