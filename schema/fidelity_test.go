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
func loadSchema(t testing.TB, dir string) (*Schema, map[string][]byte) {
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
			rel, _ := filepath.Rel(dir, p)
			pages[i] = parser.Parse(filepath.ToSlash(rel), data, parser.Options{RootName: filepath.Base(dir)})
			texts[i] = data
		}()
	}
	wg.Wait()
	byPath := map[string][]byte{}
	for i, p := range pages {
		byPath[p.Path] = texts[i]
	}
	return Resolve(pages), byPath
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
	misses                                               map[string][]string // cause -> examples
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
			for m := range o.members {
				f.memberRecall.total++
				if mine[m] {
					f.memberRecall.hit++
				} else {
					f.miss("member missed", n+"."+m)
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
		{"enum member precision", f.memberPrecision},
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

type goals struct {
	typeRecall, enumVsStruct, entityVsComplex, baseExact, propRecall, nameAndType, precision, memberRecall, memberPrecision float64
	onBaseMax                                                                                                               float64
}

func TestFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves the whole en-2020-05 corpus")
	}
	for _, c := range []struct {
		version string
		goals   goals
	}{
		{"v1.0", goals{99, 100, 97, 97, 99.5, 99, 98.5, 99.5, 99.5, 0.2}},
		{"beta", goals{99, 100, 95, 93, 99.5, 99, 98.5, 99.5, 99.5, 0.2}},
	} {
		t.Run(c.version, func(t *testing.T) {
			dir := corpus.Require(t, "corpus", "en-2020-05", c.version, "resources")
			oracle := readOracle(t, corpus.Require(t, "oracle", "en-2020-05-"+c.version+".tsv"))
			s, texts := loadSchema(t, dir)
			var files []string
			for p := range texts {
				files = append(files, strings.ToLower(strings.TrimSuffix(filepath.Base(p), ".md")))
			}
			f := measure(s, texts, oracle, files)
			t.Logf("fidelity of en-2020-05/%s:\n%s", c.version, f.report())
			g := c.goals
			assert.GreaterOrEqual(t, f.typeRecall.pct(), g.typeRecall, "type recall")
			assert.GreaterOrEqual(t, f.enumVsStruct.pct(), g.enumVsStruct, "enum vs struct")
			assert.GreaterOrEqual(t, f.entityVsComplex.pct(), g.entityVsComplex, "entity vs complex")
			assert.GreaterOrEqual(t, f.baseExact.pct(), g.baseExact, "base type exact")
			assert.GreaterOrEqual(t, f.propRecall.pct(), g.propRecall, "documented property recall")
			assert.GreaterOrEqual(t, f.nameAndType.pct(), g.nameAndType, "documented property name and type exact")
			assert.GreaterOrEqual(t, f.precision.pct(), g.precision, "property precision")
			assert.LessOrEqual(t, f.onBase.pct(), g.onBaseMax, "properties declared on a base")
			assert.GreaterOrEqual(t, f.memberRecall.pct(), g.memberRecall, "enum member recall")
			assert.GreaterOrEqual(t, f.memberPrecision.pct(), g.memberPrecision, "enum member precision")
		})
	}
}
