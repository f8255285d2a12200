package schema

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/parser/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oracleOp is one operation of the service's schema: its overloads merged.
type oracleOp struct {
	name, kind, binding, returns string // binding and returns as "Collection(x)", "x" or "-"
	params                       map[string]string
}

type opsOracle struct {
	ops     map[string]*oracleOp // lower name|binding
	entries map[string][2]string // lower name -> kind, type
	// bases are the service's types' bases (qualified -> qualified), from
	// the types oracle of the same month where there is one: a binding
	// the pages give a type the service derives from the service's is
	// the pages' (they document resetPassword on
	// passwordAuthenticationMethod, whose page names no base).
	bases map[string]string
}

func readOpsOracle(t *testing.T, path string) *opsOracle {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	o := &opsOracle{ops: map[string]*oracleOp{}, entries: map[string][2]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		switch {
		case c[0] == "O" && len(c) >= 5:
			short := parser.ShortName(c[1])
			key := strings.ToLower(short) + "|" + c[3]
			if o.ops[key] == nil {
				o.ops[key] = &oracleOp{name: short, kind: c[2], binding: c[3], returns: c[4], params: map[string]string{}}
			}
		case c[0] == "A" && len(c) >= 5:
			key := strings.ToLower(parser.ShortName(c[1])) + "|" + c[2]
			if op := o.ops[key]; op != nil {
				op.params[strings.ToLower(c[3])] = c[4]
			}
		case c[0] == "S" && len(c) >= 4:
			o.entries[strings.ToLower(c[1])] = [2]string{c[2], c[3]}
		}
	}
	require.NoError(t, sc.Err())
	return o
}

func refString(r *TypeRef) string {
	if r == nil {
		return "-"
	}
	if r.Collection {
		return "Collection(" + r.Type + ")"
	}
	return r.Type
}

func paramString(p *Parameter) string {
	return refString(&TypeRef{Type: p.Type, Collection: p.Collection})
}

// missesShown is how many misses of each figure the test prints
// (OPS_MISSES=all prints every one).
var missesShown = func() int {
	if os.Getenv("OPS_MISSES") == "all" {
		return 1 << 30
	}
	return 12
}()

// opsFidelity is the operations' figures, each with examples of its misses.
type opsFidelity struct {
	recall, kind, returns, paramRecall, paramExact, entries ratio
	// undescribed counts the misses whose service type (an operation's
	// binding, an entry point's type) no page of the folder describes:
	// out of reach of the pages, the figures' ceiling.
	undescribed map[string]int
	// unnamed counts the operation misses whose service binding is
	// described, but no page that documents a path naming the operation
	// names that type, in its file name or text (addPassword bound to
	// servicePrincipal where only application-addpassword.md documents
	// it): out of reach of the pages too.
	unnamed int
	// elsewhere counts the operation misses the pages' own paths bind
	// otherwise: to a type derived from the service's binding ("derived":
	// checkMemberObjects on user, the service's on directoryObject), or
	// to one item of the collection the service binds, or the reverse
	// ("item": POST /education/classes/{id}/delta).
	elsewhere map[string]int
	// returnsOut counts the return misses the pages put out of reach:
	// "no content" (every page says 202 or 204 where the service returns
	// a type), "another type" (the page's annotation or response sentence
	// names another type), "undescribed" (the service's type no page
	// describes).
	returnsOut map[string]int
	// paramUndescribed and paramOtherType count the parameter name and
	// type misses out of reach of the pages besides the parameters no
	// page names: a service type no page describes (not an Edm primitive:
	// reject.reason's rejectReason), and a type the page's own row of the
	// parameter contradicts (addGroup's "|groupId|Guid|" where the service
	// has Edm.String). whyShown holds examples of each reason.
	paramUndescribed, paramOtherType int
	whyShown                         map[string][]string
	misses                           map[string][]string
}

// Why a parameter name and type miss is out of reach of the pages.
const (
	whyUnnamed     = "no page documenting the operation names the parameter"
	whyUndescribed = "no page describes the service type"
	whyOtherType   = "the parameter's row names another type"
)

func (f *opsFidelity) why(reason, example string) {
	if len(f.whyShown[reason]) < missesShown {
		f.whyShown[reason] = append(f.whyShown[reason], example)
	}
}

func (f *opsFidelity) miss(figure, example string) {
	if len(f.misses[figure]) < missesShown {
		f.misses[figure] = append(f.misses[figure], example)
	}
}

// measureOps counts as the operations issue says: an operation is covered
// when a request path of the folder's API pages names it; found when an
// action or function of that name has its binding type (collection
// included).
func measureOps(s *Schema, dir string, pages []*parser.Page, o *opsOracle) *opsFidelity {
	f := &opsFidelity{misses: map[string][]string{}, undescribed: map[string]int{}, whyShown: map[string][]string{}, elsewhere: map[string]int{}, returnsOut: map[string]int{}}
	described := func(typ string) bool {
		typ = strings.TrimSuffix(strings.TrimPrefix(typ, "Collection("), ")")
		return s.Lookup(typ) != nil
	}
	named, first := map[string]bool{}, map[string]bool{}
	documentedBy := map[string]map[string]bool{} // operation name -> the pages whose paths name it
	for _, p := range pages {
		if p.Operation == nil {
			continue
		}
		for _, req := range p.Operation.Requests {
			segs := parser.SplitPath(req.Path)
			for i, sg := range segs {
				if sg.Name == "" {
					continue
				}
				low := strings.ToLower(parser.ShortName(sg.Name))
				named[low] = true
				if documentedBy[low] == nil {
					documentedBy[low] = map[string]bool{}
				}
				documentedBy[low][p.Path] = true
				if i == 0 {
					first[strings.ToLower(sg.Name)] = true
				}
			}
		}
	}
	reads := cellTypeReader(s.Learned)
	texts := map[string]string{} // page -> its text, read once
	textOf := func(page string) string {
		text, ok := texts[page]
		if !ok {
			data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
			text = string(data)
			texts[page] = text
		}
		return text
	}
	// outOfReach tells why a parameter's name and type miss is out of
	// reach of the pages (besides no page naming the parameter), or ""
	// with the row that names another type.
	outOfReach := func(op, name, typ string) (string, string) {
		elem := strings.TrimSuffix(strings.TrimPrefix(typ, "Collection("), ")")
		if elem == "" {
			return "", "" // a held-out reference that has no type
		}
		pages := documentedBy[strings.ToLower(op)]
		if !strings.HasPrefix(elem, "Edm.") && !described(elem) {
			// A type no page describes is still in reach where a page
			// documenting the operation names it (the held-out's English
			// half reads exchangeIdFormat from its row, undescribed).
			named := false
			for page := range pages {
				named = named || containsWord(textOf(page), parser.ShortName(elem))
			}
			if !named {
				return whyUndescribed, ""
			}
		}
		var rows []string
		for page := range pages {
			found, names, row := pageRowsNameType(textOf(page), name, typ, reads)
			if names {
				return "", ""
			}
			if found {
				rows = append(rows, page+": "+row)
			}
		}
		if len(rows) == 0 {
			return "", "" // no row of the parameter: in reach, as far as this test knows
		}
		sort.Strings(rows)
		return whyOtherType, rows[0]
	}
	byPath := map[string]*parser.Page{}
	for _, p := range pages {
		byPath[p.Path] = p
	}
	ours := map[string][]*Operation{}
	byName := map[string][]*Operation{}
	for _, op := range s.Operations {
		if op.Kind == OpAction || op.Kind == OpFunction {
			key := strings.ToLower(op.Name) + "|" + refString(op.Binding)
			ours[key] = append(ours[key], op)
			byName[strings.ToLower(op.Name)] = append(byName[strings.ToLower(op.Name)], op)
		}
	}
	keys := make([]string, 0, len(o.ops))
	for k := range o.ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		want := o.ops[key]
		if !named[strings.ToLower(want.name)] {
			continue
		}
		f.recall.total++
		got := ours[key]
		if len(got) == 0 {
			f.miss("operation recall", want.name+" bound to "+want.binding)
			if !described(want.binding) {
				f.undescribed["operation recall"]++
			} else if !pagesName(dir, documentedBy[strings.ToLower(want.name)], want.binding) {
				f.unnamed++
			} else if other := boundElsewhere(s, o.bases, byName[strings.ToLower(want.name)], want.binding); other != "" {
				f.elsewhere[other]++
			}
			continue
		}
		f.recall.hit++
		f.kind.total++
		f.returns.total++
		var kindRight, returnRight bool
		params := map[string]*Parameter{}
		for _, op := range got {
			kindRight = kindRight || string(op.Kind) == want.kind
			returnRight = returnRight || refString(op.Returns) == want.returns
			for _, p := range op.Parameters {
				if params[strings.ToLower(p.Name)] == nil {
					params[strings.ToLower(p.Name)] = p
				}
			}
		}
		if kindRight {
			f.kind.hit++
		} else {
			f.miss("kind", fmt.Sprintf("%s on %s: %s, service %s (%s)", want.name, want.binding, got[0].Kind, want.kind, got[0].Source))
			// Every request line the pages give it says the method of the
			// other kind (a function documented as POST).
			other := map[string]string{"function": "POST", "action": "GET"}[want.kind]
			methods := map[string]bool{}
			for _, op := range got {
				for _, req := range op.Requests {
					methods[req.Method] = true
				}
			}
			if len(methods) == 1 && methods[other] {
				f.undescribed["kind"]++
			}
		}
		if returnRight {
			f.returns.hit++
		} else {
			f.miss("return type exact", fmt.Sprintf("%s on %s: %s, service %s (%s)", want.name, want.binding, refString(got[0].Returns), want.returns, got[0].Source))
			if why := returnByThePages(s, byPath, got, want.returns); why != "" {
				f.returnsOut[why]++
			}
		}
		for name, typ := range want.params {
			f.paramRecall.total++
			f.paramExact.total++
			p := params[name]
			if p == nil {
				f.miss("parameter recall", fmt.Sprintf("%s.%s %s (%s)", want.name, name, typ, got[0].Source))
				if !pagesNameParameter(dir, documentedBy[strings.ToLower(want.name)], name) {
					f.undescribed["parameter recall"]++
					f.undescribed["parameter name and type exact"]++
					f.why(whyUnnamed, want.name+"."+name)
				} else {
					f.paramOutOfReach(outOfReach, want.name, name, typ, "not found")
				}
				continue
			}
			f.paramRecall.hit++
			if paramString(p) == typ {
				f.paramExact.hit++
			} else {
				f.miss("parameter name and type exact", fmt.Sprintf("%s.%s: %s, service %s (%s)", want.name, name, paramString(p), typ, p.Source))
				f.paramOutOfReach(outOfReach, want.name, name, typ, paramString(p))
			}
		}
	}
	eps := map[string]*EntryPoint{}
	for _, ep := range s.EntryPoints {
		eps[strings.ToLower(ep.Name)] = ep
	}
	for name, want := range o.entries {
		if !first[name] {
			continue
		}
		f.entries.total++
		if ep := eps[name]; ep != nil && ep.Kind == want[0] && ep.Type == want[1] {
			f.entries.hit++
		} else if ep != nil {
			f.miss("entry points", fmt.Sprintf("%s: %s %s, service %s %s", name, ep.Kind, ep.Type, want[0], want[1]))
		} else {
			f.miss("entry points", fmt.Sprintf("%s: not found, service %s %s", name, want[0], want[1]))
		}
		if !described(want[1]) && (eps[name] == nil || eps[name].Type != want[1]) {
			f.undescribed["entry points"]++
		}
	}
	return f
}

// paramOutOfReach counts a parameter's name and type miss by why it is out
// of reach of the pages, when it is.
func (f *opsFidelity) paramOutOfReach(outOfReach func(op, name, typ string) (string, string), op, name, typ, got string) {
	switch why, row := outOfReach(op, name, typ); why {
	case whyUndescribed:
		f.paramUndescribed++
		f.why(why, fmt.Sprintf("%s.%s: %s, service %s", op, name, got, typ))
	case whyOtherType:
		f.paramOtherType++
		f.why(why, fmt.Sprintf("%s.%s: %s, service %s; %s", op, name, got, typ, row))
	}
}

// cellTypeReader returns what the parser's language data (every language
// it ships with) and the folder's learned type words read a type cell as:
// the Edm types it may mean. A word that says "a number" without saying
// which ("number") may mean any numeric type; a German page's
// "Zeichenfolge" is Edm.String where the folder learned it.
func cellTypeReader(learned *Learned) func(cell string) []string {
	return func(cell string) []string {
		var edm []string
		if t := parser.ParseTypeText(cell); t.Primitive != "" {
			edm = append(edm, t.Primitive)
		}
		lower := strings.ToLower(strings.TrimSpace(cell))
		for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if lang.Default.IsAmbiguousNumber(w) {
				edm = append(edm, "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Single", "Edm.Double", "Edm.Decimal")
				break
			}
		}
		if learned != nil {
			before, _, _ := strings.Cut(lower, "(") // "zeichenfolge (optional)"
			for _, c := range []string{lower, strings.TrimSpace(before)} {
				if lw, ok := learnedWordOf(learned.TypeWords, c); ok {
					edm = append(edm, lw.Type)
				}
			}
		}
		return edm
	}
}

// pageRowsNameType looks for a parameter's own rows in a page's text: the
// Markdown table rows whose first cell is its name (without case, in ** or
// backticks or not). found reports one; names that one names the type
// (Collection() left out): the type's short name as a whole word, without
// case, in a cell after the name (String for Edm.String; prompt for
// microsoft.graph.prompt, which mediaPrompt is not), or a type cell (the
// second) that reads reads as the type. row is the first row found.
func pageRowsNameType(text, name, typ string, reads func(cell string) []string) (found, names bool, row string) {
	elem := strings.TrimSuffix(strings.TrimPrefix(typ, "Collection("), ")")
	short := parser.ShortName(elem)
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		cells := strings.Split(strings.TrimPrefix(line, "|"), "|")
		if len(cells) < 2 || !strings.EqualFold(strings.Trim(cells[0], " \t*`"), name) {
			continue
		}
		if !found {
			found, row = true, line
		}
		if containsWord(strings.Join(cells[1:], "|"), short) || slices.Contains(reads(cells[1]), elem) {
			return true, true, line
		}
	}
	return found, false, row
}

// containsWord reports whether text holds word, without case, as a whole
// word: no letter, digit or '_' on either side.
func containsWord(text, word string) bool {
	text, word = strings.ToLower(text), strings.ToLower(word)
	if word == "" {
		return false
	}
	wordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		i = start + 1
	}
	return false
}

// returnByThePages tells why the pages documenting an operation give
// another return than the service's, where they do: "no content" (they
// say 202 or 204, the service returns a type), "another type" (the page's
// annotation or response sentence names a type, not the service's), or
// "undescribed" (no page describes the service's type); "" otherwise.
func returnByThePages(s *Schema, byPath map[string]*parser.Page, got []*Operation, service string) string {
	inner := strings.TrimSuffix(strings.TrimPrefix(service, "Collection("), ")")
	if service != "-" && !strings.HasPrefix(inner, "Edm.") && !slices.ContainsFunc(s.Types, func(t *Type) bool { return strings.EqualFold(t.Name, inner) }) {
		return "undescribed" // in any letter case: a case the pages lost is a miss of ours
	}
	noContent, named := true, true
	for _, op := range got {
		path, _, _ := strings.Cut(op.Source, ":")
		p := byPath[path]
		if p == nil || p.Operation == nil {
			return ""
		}
		resp := p.Operation.Response
		noContent = noContent && (resp.Status == 202 || resp.Status == 204) && service != "-"
		named = named && resp.Type.Known()
	}
	switch {
	case noContent:
		return "no content"
	case named:
		return "another type"
	}
	return ""
}

// boundElsewhere tells how the operations of a name that the pages' paths
// bind differ from the service's binding: "derived" where one is bound to
// a type derived from the binding's, "item" where one is bound to the same
// type as one item where the service binds a collection, or the reverse;
// "" where none is.
func boundElsewhere(s *Schema, serviceBases map[string]string, ops []*Operation, binding string) string {
	inner, collection := strings.CutPrefix(binding, "Collection(")
	inner = strings.TrimSuffix(inner, ")")
	how := ""
	for _, op := range ops {
		b := op.Binding
		if b == nil {
			continue
		}
		if b.Type == inner && b.Collection != collection {
			how = "item"
			continue
		}
		if b.Collection == collection && b.Type != inner {
			seen := map[*Type]bool{}
			for t := s.Lookup(b.Type); t != nil && !seen[t]; t = t.BaseType {
				seen[t] = true
				if t.Name == inner {
					return "derived"
				}
			}
			for base, n := serviceBases[b.Type], 0; base != "" && n < 32; base, n = serviceBases[base], n+1 {
				if base == inner {
					return "derived"
				}
			}
		}
	}
	return how
}

// pagesName reports whether any of the pages names the type (its short
// name, without case) in its file name or text.
func pagesName(dir string, pages map[string]bool, typ string) bool {
	short := strings.ToLower(parser.ShortName(strings.TrimSuffix(strings.TrimPrefix(typ, "Collection("), ")")))
	for page := range pages {
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err == nil && strings.Contains(strings.ToLower(page+"\n"+string(text)), short) {
			return true
		}
	}
	return false
}

// pagesNameParameter reports whether any of the pages names the parameter
// as a parameter is named: in a table cell, a code span or a JSON key
// (without case). createForward's page says "Do not supply a request body"
// where the service has toRecipients, message and comment: none of them
// is named.
func pagesNameParameter(dir string, pages map[string]bool, name string) bool {
	re := regexp.MustCompile(`(?i)(\|\s*` + regexp.QuoteMeta(name) + `\s*\||` + "`" + regexp.QuoteMeta(name) + "`" + `|"` + regexp.QuoteMeta(name) + `"\s*:|[(,]\s*` + regexp.QuoteMeta(name) + `\s*=)`)
	for page := range pages {
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err == nil && re.Match(requestText(text)) {
			return true
		}
	}
	return false
}

var (
	htmlComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	responseBlock = regexp.MustCompile("(?s)```[a-z]*[ \\t]*\\r?\\n\\s*HTTP/[0-9.]+ [0-9]{3}.*?```")
)

// requestText is a page without what names no parameter: its HTML
// comments (annotations, rows the page hides: section-copytosectiongroup.md's
// <!--|siteId|String||-->) and its response examples (a response's
// "name" key is no parameter of tablecolumncollection-add.md).
func requestText(page []byte) []byte {
	return responseBlock.ReplaceAll(htmlComment.ReplaceAll(page, nil), nil)
}

func (f *opsFidelity) figures() []figure {
	return []figure{
		{name: "operation recall", value: f.recall.pct()},
		{name: "kind", value: f.kind.pct()},
		{name: "return type exact", value: f.returns.pct()},
		{name: "parameter recall", value: f.paramRecall.pct()},
		{name: "parameter name and type exact", value: f.paramExact.pct()},
		{name: "entry points", value: f.entries.pct()},
	}
}

func (f *opsFidelity) report() string {
	var b strings.Builder
	for _, r := range []struct {
		name string
		r    ratio
	}{{"operation recall", f.recall}, {"kind", f.kind}, {"return type exact", f.returns},
		{"parameter recall", f.paramRecall}, {"parameter name and type exact", f.paramExact}, {"entry points", f.entries}} {
		fmt.Fprintf(&b, "  %-32s %s", r.name, r.r)
		if r.name == "return type exact" && len(f.returnsOut) > 0 {
			n := f.returnsOut["no content"] + f.returnsOut["another type"] + f.returnsOut["undescribed"]
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d the pages say return no content, %d whose page names another type, %d of a type no page describes)",
				100*float64(r.r.total-n)/float64(r.r.total), f.returnsOut["no content"], f.returnsOut["another type"], f.returnsOut["undescribed"])
		} else if n := f.undescribed[r.name]; n > 0 && r.name == "kind" {
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d documented only with the other kind's method: a function as POST)", 100*float64(r.r.total-n)/float64(r.r.total), n)
		} else if n > 0 && r.name == "operation recall" {
			out := n + f.unnamed + f.elsewhere["derived"] + f.elsewhere["item"]
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d misses of a type no page describes, %d of a type no page documenting the operation names, %d the pages bind to a derived type, %d to one item where the service binds the collection or the reverse)",
				100*float64(r.r.total-out)/float64(r.r.total), n, f.unnamed, f.elsewhere["derived"], f.elsewhere["item"])
		} else if r.name == "parameter name and type exact" && n+f.paramUndescribed+f.paramOtherType > 0 {
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d parameters no page documenting the operation names, %d of a type no page describes, %d whose row names another type)",
				100*float64(r.r.total-n-f.paramUndescribed-f.paramOtherType)/float64(r.r.total), n, f.paramUndescribed, f.paramOtherType)
		} else if n > 0 && strings.HasPrefix(r.name, "parameter") {
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d parameters no page documenting the operation names)", 100*float64(r.r.total-n)/float64(r.r.total), n)
		} else if n > 0 {
			fmt.Fprintf(&b, "; ceiling %.2f%% (%d misses of a type no page describes)", 100*float64(r.r.total-n)/float64(r.r.total), n)
		}
		b.WriteByte('\n')
		for _, m := range f.misses[r.name] {
			fmt.Fprintf(&b, "      miss: %s\n", m)
		}
		if r.name == "parameter name and type exact" {
			for _, why := range []string{whyUnnamed, whyUndescribed, whyOtherType} {
				for _, m := range f.whyShown[why] {
					fmt.Fprintf(&b, "      out of reach, %s: %s\n", why, m)
				}
			}
		}
	}
	return b.String()
}

// TestOperationsFidelity measures the operations and entry points read
// from the API pages against the service's schema of the same month
// (../shared/oracle/ops), with -in naming the version folder.
func TestOperationsFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: resolves whole version folders of the corpus")
	}
	for _, c := range []struct {
		corpus, oracle, version string
		bounds                  map[string]bounds
	}{
		// Floors are what the rules reached where a goal is not met yet;
		// docs/fidelity.md shows the misses by cause. Three ratios went
		// down by under 1.2 points when paths typed by other pages
		// (/communications/calls/{id}) found 30 more operations: their
		// parameters and returns joined the denominators. So did the
		// synchronization jobs' (a segment no page describes inside a
		// path a page lists: en beta recall 91.98 -> 92.83): their pages
		// leave out parameters the service has (validateCredentials'
		// applicationIdentifier, templateId), and beta name and type
		// went 95.08 -> 94.80, German beta recall 96.71 -> 96.20. German
		// beta name and type 94.44 -> 94.19 (one more right, two more
		// counted) when a link text in another script came to give its
		// cell's collection phrase ([für](...) -Sammlung): updatePriorities
		// is found on officeClientConfiguration's collection, with its
		// Int32-Auflistung parameter, a type word no rule reads.
		{"en-2020-05", "en-2020-05", "v1.0", opsBounds(97, map[string]float64{
			"operation recall": 96.24, "parameter recall": 93.91, "parameter name and type exact": 89.57, "entry points": 89.74})},
		{"en-2020-05", "en-2020-05", "beta", opsBounds(95, map[string]float64{
			"operation recall": 93.17, "kind": 97.07, "parameter name and type exact": 94.83, "entry points": 81.94})},
		{"localized-de-2019-03", "de-2019-03", "v1.0", opsBounds(97, map[string]float64{
			"parameter recall": 96.23, "parameter name and type exact": 94.72, "entry points": 96.88})},
		{"localized-de-2019-03", "de-2019-03", "beta", opsBounds(95, map[string]float64{
			"operation recall": 76.85, "kind": 99.71, "return type exact": 94.15, "parameter recall": 96.52, "parameter name and type exact": 94.49, "entry points": 87.50})},
	} {
		t.Run(c.corpus+"/"+c.version, func(t *testing.T) {
			dir := corpus.Require(t, "corpus", c.corpus, c.version)
			o := readOpsOracle(t, corpus.Require(t, "oracle", "ops", c.oracle+"-"+c.version+".tsv"))
			o.bases = map[string]string{}
			for name, ot := range readOracle(t, corpus.Require(t, "oracle", c.oracle+"-"+c.version+".tsv")) {
				o.bases[name] = ot.base
			}
			// German is read without German words, as the resources are.
			pages, _ := loadPages(t, dir, lang.Default.Without("de"), nil)
			s := Resolve(pages)
			f := measureOps(s, dir, pages, o)
			t.Logf("operations of %s/%s:\n%s", c.corpus, c.version, f.report())
			for _, fig := range f.figures() {
				b := c.bounds[fig.name]
				if fig.value >= b.goal {
					continue
				}
				t.Logf("GOAL NOT MET: %s %.2f%% (goal >= %.2f%%)", fig.name, fig.value, b.goal)
				assert.GreaterOrEqual(t, fig.value, b.floor-0.005, "%s got worse", fig.name)
			}
		})
	}
}

// opsBounds are the goals (recall differs by version) and, where
// a goal is not met, the floor the rules reached.
func opsBounds(recall float64, floors map[string]float64) map[string]bounds {
	b := map[string]bounds{
		"operation recall": {recall, 0}, "kind": {99, 0}, "return type exact": {95, 0},
		"parameter recall": {97, 0}, "parameter name and type exact": {95, 0}, "entry points": {97, 0},
	}
	for name, floor := range floors {
		x := b[name]
		x.floor = floor
		b[name] = x
	}
	for name, x := range b {
		if _, ok := floors[name]; !ok {
			x.floor = x.goal
			b[name] = x
		}
	}
	return b
}

// TestPageRowsNameType pins the rule that finds a parameter's row and
// tells whether it names the service's type: every row both ways.
func TestPageRowsNameType(t *testing.T) {
	page := "# call: playPrompt\n\n" +
		"| Parameter | Type | Description |\n" +
		"|:----------|:-----|:------------|\n" +
		"|prompts|[MediaPrompt](../resources/mediaprompt.md) collection| The prompts to be played.|\n" +
		"| **expirationDateTime** | string | A String with format of yyyy-MM-ddTHH:mm:ssZ. |\n" +
		"|groupId|Guid| The id of the group. |\n" +
		"| `reason` | String | Possible values are: `busy`, `forbidden`. |\n" +
		"zoom        | number        | Optional. Zoom level to start at.\n" +
		"|MailTipsOptions|Zeichenfolge|Eine Flags-Enumeration.|\n" +
		"|page|Zeichenfolge/eine einzelne Nummer|Optional.|\n" +
		"|extensionName|unique_string|A name.|\n" +
		"|EmailAddresses|Collection von Objekten des Typs „String“|Eine Auflistung.|\n"
	english := cellTypeReader(nil)
	german := cellTypeReader(&Learned{TypeWords: map[string]LearnedWord{"zeichenfolge": {Type: "Edm.String", Count: 5}}})
	for _, c := range []struct {
		name, typ    string
		reads        func(string) []string
		found, names bool
	}{
		{"prompts", "Collection(microsoft.graph.prompt)", english, true, false}, // mediaPrompt is not prompt
		{"prompts", "Collection(microsoft.graph.mediaPrompt)", english, true, true},
		{"expirationdatetime", "Edm.DateTimeOffset", english, true, false}, // in ** and of other case
		{"expirationdatetime", "Edm.String", english, true, true},
		{"groupid", "Edm.String", english, true, false},
		{"groupid", "Edm.Guid", english, true, true},
		{"reason", "microsoft.graph.rejectReason", english, true, false}, // in backticks
		{"reason", "Edm.String", english, true, true},
		{"zoom", "Edm.Double", english, true, true}, // "number" says no numeric type
		{"zoom", "Edm.Boolean", english, true, false},
		{"mailtipsoptions", "Edm.String", german, true, true}, // the learned word
		{"mailtipsoptions", "Edm.String", english, true, false},
		{"mailtipsoptions", "microsoft.graph.mailTipsType", german, true, false},
		{"page", "Edm.String", german, true, true},            // the learned word before a slash
		{"extensionname", "Edm.String", english, true, false}, // unique_string is one word
		{"emailaddresses", "Collection(Edm.String)", english, true, true},
		{"emailaddresses", "Edm.Guid", english, true, false},
		{"description", "Edm.String", english, false, false}, // no row: the caller counts it in reach
		{"other", "Edm.Guid", english, false, false},
	} {
		found, names, _ := pageRowsNameType(page, c.name, c.typ, c.reads)
		assert.Equal(t, c.found, found, "%s found, as %s", c.name, c.typ)
		assert.Equal(t, c.names, names, "%s names %s", c.name, c.typ)
	}
	assert.True(t, containsWord("Edm.String collection", "string"))
	assert.False(t, containsWord("[MediaPrompt](mediaprompt.md)", "prompt"))
	assert.True(t, containsWord("Typs „String“", "String"))
	assert.False(t, containsWord("Stringfolge", "String"))
}

// What counts as a page naming a parameter leaves out its HTML comments
// and its response examples.
func TestRequestTextDropsCommentsAndResponses(t *testing.T) {
	page := "|index|number|x|\n<!--|siteId|String||-->\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"name\": \"x\"}\n```\n" +
		"```http\nPOST /a/add\n\n{\"values\": []}\n```\n"
	got := string(requestText([]byte(page)))
	assert.Contains(t, got, "|index|")
	assert.Contains(t, got, `"values"`, "a request example stays")
	assert.NotContains(t, got, "siteId")
	assert.NotContains(t, got, `"name"`)
}
