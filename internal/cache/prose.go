// prose: where each description of a resolved schema came from, so that a
// rerun whose edited pages changed only in their descriptions gives the
// last schema the new text instead of resolving every page again
// (resolved.go keeps it beside the schema).

package cache

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// prose records, for each description of a schema (in the order of
// descriptions), the page description it is a copy of.
type prose struct {
	Pages   []string // paths of the pages the descriptions came from
	Origins []origin
}

// origin names one page description: the Index-th of
// parser.Page.Descriptions on Pages[Page]. Page is -1 for a description no
// page gave as it stands (the resolver wrote it, or there is none).
type origin struct {
	Page, Index int32
}

// proseToken starts the stand-in a page description is replaced by while
// resolving: no page text holds it (goldmark turns NUL into U+FFFD).
const proseToken = "\x00prose:"

// traceProse runs resolve on pages and records where each description of
// the schema came from. The resolver copies descriptions and tells only
// whether one is empty, so while it runs every non-empty description
// stands in as a token that names it; the tokens are put back to text
// afterwards, and the pages are left as they were. prose is nil when a
// page's text could be taken for a token, or a token did not come back
// whole: the schema is then the one resolve gives on the pages as they
// are.
func traceProse(pages []*parser.Page, resolve func([]*parser.Page) *schema.Schema) (*schema.Schema, *prose) {
	pr := &prose{Pages: make([]string, len(pages))}
	// Each page's non-empty descriptions, found on all cores (reading
	// them is most of the cost: they lie all over memory).
	type pageFields struct {
		fields  []*string
		indexes []int32 // in parser.Page.Descriptions
	}
	per := make([]pageFields, len(pages))
	var clash atomic.Bool
	parallel(len(pages), func(i int) {
		pr.Pages[i] = pages[i].Path
		for j, d := range pages[i].Descriptions() {
			if *d == "" {
				continue
			}
			if strings.HasPrefix(*d, proseToken) {
				clash.Store(true)
			}
			per[i].fields = append(per[i].fields, d)
			per[i].indexes = append(per[i].indexes, int32(j))
		}
	})
	if clash.Load() {
		return resolve(pages), nil
	}
	first := make([]int, len(pages)) // the token number of each page's first
	var texts []string
	var origins []origin
	var fields []*string
	for i, pf := range per {
		first[i] = len(texts)
		for k, d := range pf.fields {
			texts = append(texts, *d)
			origins = append(origins, origin{int32(i), pf.indexes[k]})
		}
		fields = append(fields, pf.fields...)
	}
	parallel(len(pages), func(i int) {
		for k, d := range per[i].fields {
			*d = proseToken + strconv.Itoa(first[i]+k)
		}
	})
	var s *schema.Schema
	func() {
		defer func() { // the pages get their text back, whatever resolve does
			for k, d := range fields {
				*d = texts[k]
			}
		}()
		s = resolve(pages)
	}()
	if s == nil {
		return nil, nil
	}
	descs := descriptions(s)
	pr.Origins = make([]origin, len(descs))
	var untraced atomic.Bool
	parallel(len(descs), func(i int) {
		d := descs[i]
		o := origin{-1, -1}
		if rest, ok := strings.CutPrefix(*d, proseToken); ok {
			k, err := strconv.Atoi(rest)
			if err != nil || k < 0 || k >= len(texts) {
				untraced.Store(true)
				return
			}
			*d, o = texts[k], origins[k]
		} else if strings.Contains(*d, proseToken) {
			untraced.Store(true) // the resolver made text of a description
		}
		pr.Origins[i] = o
	})
	for _, d := range s.Diagnostics {
		if strings.Contains(d.Message, proseToken) {
			untraced.Store(true) // a diagnostic quotes a description
		}
	}
	if untraced.Load() {
		return resolve(pages), nil
	}
	return s, pr
}

// descriptions returns the schema's description fields in a fixed order:
// each type's, then its properties', then its members'; then each
// operation's, then its parameters'.
func descriptions(s *schema.Schema) []*string {
	var out []*string
	for _, t := range s.Types {
		out = append(out, &t.Description)
		for _, p := range t.Properties {
			out = append(out, &p.Description)
		}
		for _, m := range t.Members {
			out = append(out, &m.Description)
		}
	}
	for _, o := range s.Operations {
		out = append(out, &o.Description)
		for _, p := range o.Parameters {
			out = append(out, &p.Description)
		}
	}
	return out
}

// proseTexts returns each page's descriptions (parser.Page.Descriptions),
// by page path: what redescribe takes.
func proseTexts(pages ...*parser.Page) map[string][]string {
	out := make(map[string][]string, len(pages))
	for _, p := range pages {
		ds := p.Descriptions()
		texts := make([]string, len(ds))
		for i, d := range ds {
			texts[i] = *d
		}
		out[p.Path] = texts
	}
	return out
}

// redescribe gives the schema the descriptions of edited pages (texts, by
// page path, as proseTexts gives them), each page of the same structure as
// the page of that path the schema was resolved from
// (sameStructure): the result is what resolving the pages with
// these edits gives. It fails, changing nothing, when the record does not
// fit the schema or a page.
func redescribe(s *schema.Schema, pr *prose, texts map[string][]string) error {
	fields := descriptions(s)
	if pr == nil || len(pr.Origins) != len(fields) {
		return fmt.Errorf("the prose record does not fit the schema")
	}
	byPage := make(map[int32][]string, len(texts))
	for i, p := range pr.Pages {
		if t, ok := texts[p]; ok {
			byPage[int32(i)] = t
		}
	}
	if len(byPage) != len(texts) {
		return fmt.Errorf("a page the schema was not resolved from")
	}
	type change struct {
		field *string
		text  string
	}
	var changes []change
	for k, o := range pr.Origins {
		t, ok := byPage[o.Page]
		if !ok {
			continue
		}
		if o.Index < 0 || int(o.Index) >= len(t) || t[o.Index] == "" {
			return fmt.Errorf("%s: the prose record does not fit the page", pr.Pages[o.Page])
		}
		changes = append(changes, change{fields[k], t[o.Index]})
	}
	for _, c := range changes {
		*c.field = c.text
	}
	return nil
}

// parallel calls fn(i) for every i in [0, n) on all cores (diag.Parallel),
// in one goroutine below 64 items, where workers cost more than the work.
// A panic in a call is raised again in the caller as the
// *diag.InternalError that names where it happened, which the run's guard
// reports.
func parallel(n int, fn func(i int)) {
	if n <= 64 {
		for i := range n {
			fn(i)
		}
		return
	}
	if err := diag.Parallel("prose", n, func(i int) error { fn(i); return nil }); err != nil {
		panic(err)
	}
}
