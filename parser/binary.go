// The binary form of a page model, for the page cache: every field in a
// fixed order (parser/wire). It also decides SameStructure: two pages
// that write the same bytes with their descriptions masked differ in
// nothing else.

package parser

import (
	"errors"

	"github.com/docgen/graphgen/parser/wire"
)

// pageMagic starts the form of one page; it changes with the layout.
const pageMagic = "graphgen page 1\n"

var errPage = errors.New("not a binary page model, or not whole")

// MarshalBinary writes the page for UnmarshalPage.
func (p *Page) MarshalBinary() ([]byte, error) {
	w := wire.Writer{Buf: []byte(pageMagic)}
	AppendPage(&w, p)
	return w.Buf, nil
}

// UnmarshalPage reads what Page.MarshalBinary wrote.
func UnmarshalPage(data []byte) (*Page, error) {
	if len(data) < len(pageMagic) || string(data[:len(pageMagic)]) != pageMagic {
		return nil, errPage
	}
	r := wire.NewReader(data[len(pageMagic):])
	p := ReadPage(r)
	if !r.Done() {
		return nil, errPage
	}
	return p, nil
}

// AppendPage writes a page model among other fields.
func AppendPage(w *wire.Writer, p *Page) { appendPage(w, p, false) }

// appendPage writes p; masked, each description is written as whether it
// is empty.
func appendPage(w *wire.Writer, p *Page, masked bool) {
	desc := func(s string) {
		switch {
		case !masked:
			w.Str(s)
		case s == "":
			w.Str("")
		default:
			w.Str("\x00")
		}
	}
	w.Str(p.Path)
	w.Str(p.DocType)
	w.Str(p.Locale)
	w.Str(p.Namespace)
	w.Uint(uint64(len(p.Types)))
	for _, t := range p.Types {
		w.Str(t.Name)
		appendPos(w, t.Pos)
		desc(t.Description)
		appendClaims(w, t.Bases)
		appendClaims(w, t.Derived)
		w.Bool(t.Abstract)
		w.Bool(t.OpenType)
		w.Str(t.KeyProperty)
		w.Uint(uint64(len(t.Properties)))
		for _, d := range t.Properties {
			w.Str(d.Name)
			appendPos(w, d.Pos)
			appendTypeExpr(w, d.Type)
			desc(d.Description)
			w.Bool(d.Navigation)
			w.Bool(d.Inherited != nil)
			if d.Inherited != nil {
				appendClaim(w, *d.Inherited)
			}
			w.Bool(d.Nullable)
			w.Bool(d.Key)
			w.Bool(d.Deprecated)
			w.Strs(d.PossibleValues)
			w.Bool(d.FromJSON)
			w.Bool(d.FromMethods)
			w.Str(d.JSONPrimitive)
			w.Bool(d.InJSON)
			w.Bool(d.JSONArray)
			w.Strs(d.Backticked)
			w.Strs(d.Listed)
			w.Strs(d.JSONValues)
			w.Bool(d.LinkPhrase != nil)
			if d.LinkPhrase != nil {
				w.Str(d.LinkPhrase.Phrase)
				w.Str(d.LinkPhrase.After)
				appendClaim(w, d.LinkPhrase.Claim)
			}
		}
		w.Bool(t.HasJSON)
		w.Bool(t.HasMethods)
		w.Str(t.Anchor)
		w.Uint(uint64(len(t.LinkPhrases)))
		for _, lp := range t.LinkPhrases {
			w.Str(lp.Phrase)
			w.Str(lp.After)
			appendClaim(w, lp.Claim)
		}
	}
	w.Uint(uint64(len(p.Enums)))
	for _, e := range p.Enums {
		w.Str(e.Name)
		appendPos(w, e.Pos)
		desc(e.Description)
		w.Uint(uint64(len(e.Members)))
		for _, m := range e.Members {
			w.Str(m.Name)
			w.Bool(m.Value != nil)
			if m.Value != nil {
				w.Int(*m.Value)
			}
			desc(m.Description)
			appendPos(w, m.Pos)
			w.Bool(m.Deprecated)
		}
		w.Bool(e.Flags)
		w.Str(e.Anchor)
		w.Bool(e.AnchorOnly)
	}
	appendOperation(w, p.Operation, desc)
	w.Diags(p.Diags)
}

func appendPos(w *wire.Writer, p Position) {
	w.Int(int64(p.Line))
	w.Int(int64(p.Col))
}

func appendClaim(w *wire.Writer, c BaseClaim) {
	w.Int(int64(c.Source))
	w.Str(c.Name)
	w.Str(c.Link)
	appendPos(w, c.Pos)
}

func appendClaims(w *wire.Writer, list []BaseClaim) {
	w.Uint(uint64(len(list)))
	for _, c := range list {
		appendClaim(w, c)
	}
}

// ReadPage reads a page model AppendPage wrote; r says whether it fit.
func ReadPage(r *wire.Reader) *Page {
	p := &Page{Path: r.Str(), DocType: r.Str(), Locale: r.Str(), Namespace: r.Str()}
	if n := r.Count(); n > 0 {
		p.Types = make([]*TypeDoc, n)
		for i := range p.Types {
			t := &TypeDoc{Name: r.Str(), Pos: readPos(r), Description: r.Str(), Bases: readClaims(r), Derived: readClaims(r)}
			t.Abstract = r.Bool()
			t.OpenType = r.Bool()
			t.KeyProperty = r.Str()
			if k := r.Count(); k > 0 {
				props := make([]PropDoc, k)
				t.Properties = make([]*PropDoc, k)
				for j := range props {
					d := &props[j]
					d.Name = r.Str()
					d.Pos = readPos(r)
					d.Type = readTypeExpr(r)
					d.Description = r.Str()
					d.Navigation = r.Bool()
					if r.Bool() {
						c := readClaim(r)
						d.Inherited = &c
					}
					d.Nullable = r.Bool()
					d.Key = r.Bool()
					d.Deprecated = r.Bool()
					d.PossibleValues = r.Strs()
					d.FromJSON = r.Bool()
					d.FromMethods = r.Bool()
					d.JSONPrimitive = r.Str()
					d.InJSON = r.Bool()
					d.JSONArray = r.Bool()
					d.Backticked = r.Strs()
					d.Listed = r.Strs()
					d.JSONValues = r.Strs()
					if r.Bool() {
						d.LinkPhrase = &LinkPhrase{Phrase: r.Str(), After: r.Str(), Claim: readClaim(r)}
					}
					t.Properties[j] = d
				}
			}
			t.HasJSON = r.Bool()
			t.HasMethods = r.Bool()
			t.Anchor = r.Str()
			if k := r.Count(); k > 0 {
				t.LinkPhrases = make([]LinkPhrase, k)
				for j := range t.LinkPhrases {
					t.LinkPhrases[j] = LinkPhrase{Phrase: r.Str(), After: r.Str(), Claim: readClaim(r)}
				}
			}
			p.Types[i] = t
		}
	}
	if n := r.Count(); n > 0 {
		p.Enums = make([]*EnumDoc, n)
		for i := range p.Enums {
			e := &EnumDoc{Name: r.Str(), Pos: readPos(r), Description: r.Str()}
			if k := r.Count(); k > 0 {
				e.Members = make([]MemberDoc, k)
				for j := range e.Members {
					m := &e.Members[j]
					m.Name = r.Str()
					if r.Bool() {
						v := r.Int()
						m.Value = &v
					}
					m.Description = r.Str()
					m.Pos = readPos(r)
					m.Deprecated = r.Bool()
				}
			}
			e.Flags = r.Bool()
			e.Anchor = r.Str()
			e.AnchorOnly = r.Bool()
			p.Enums[i] = e
		}
	}
	p.Operation = readOperation(r)
	p.Diags = r.Diags()
	return p
}

func readPos(r *wire.Reader) Position { return Position{Line: int(r.Int()), Col: int(r.Int())} }

func readClaim(r *wire.Reader) BaseClaim {
	return BaseClaim{Source: ClaimSource(r.Int()), Name: r.Str(), Link: r.Str(), Pos: readPos(r)}
}

func readClaims(r *wire.Reader) []BaseClaim {
	n := r.Count()
	if n == 0 {
		return nil
	}
	list := make([]BaseClaim, n)
	for i := range list {
		list[i] = readClaim(r)
	}
	return list
}
