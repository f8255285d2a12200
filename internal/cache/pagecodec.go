// The page codec: a page model (parser.Page) in the binary form, every
// field in a fixed order (wire.go). It also decides sameStructure: two
// pages that encode the same with their descriptions masked differ in
// nothing else.

package cache

import (
	"bytes"

	"github.com/docgen/graphgen/parser"
)

// encodePage writes a page model among other fields.
func encodePage(w *writer, p *parser.Page) { appendPage(w, p, false) }

// sameStructure reports whether two page models differ at most in the
// text of their descriptions (parser.Page.Descriptions): every other field
// is equal (positions and diagnostics included), and each description is
// empty in both or in neither. It compares their encodings with the
// descriptions masked, where an empty list and none are the same.
func sameStructure(a, b *parser.Page) bool {
	if a == nil || b == nil {
		return a == b
	}
	var wa, wb writer
	appendPage(&wa, a, true)
	appendPage(&wb, b, true)
	return bytes.Equal(wa.buf, wb.buf)
}

// appendPage writes p; masked, each description is written as whether it
// is empty.
func appendPage(w *writer, p *parser.Page, masked bool) {
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
			w.Str(d.Translation)
			w.Str(d.TypeWord)
			w.Bool(d.JSONTimestamp)
			w.Bool(d.InJSON)
			w.Bool(d.JSONArray)
			w.Strs(d.Backticked)
			w.Strs(d.Listed)
			w.Strs(d.JSONValues)
			w.Uint(uint64(len(d.LinkPhrases)))
			for _, lp := range d.LinkPhrases {
				w.Str(lp.Phrase)
				w.Str(lp.After)
				appendClaim(w, lp.Claim)
			}
		}
		w.Bool(t.HasJSON)
		w.Bool(t.HasMethods)
		w.Str(t.Anchor)
		w.Str(t.TitleName)
		w.Str(t.OwnName)
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

func appendPos(w *writer, p parser.Position) {
	w.Int(int64(p.Line))
	w.Int(int64(p.Col))
}

func appendClaim(w *writer, c parser.BaseClaim) {
	w.Int(int64(c.Source))
	w.Str(c.Name)
	w.Str(c.Link)
	appendPos(w, c.Pos)
}

func appendClaims(w *writer, list []parser.BaseClaim) {
	w.Uint(uint64(len(list)))
	for _, c := range list {
		appendClaim(w, c)
	}
}

// decodePage reads a page model encodePage wrote; r says whether it fit.
func decodePage(r *reader) *parser.Page {
	p := &parser.Page{Path: r.Str(), DocType: r.Str(), Locale: r.Str(), Namespace: r.Str()}
	if n := r.Count(); n > 0 {
		p.Types = make([]*parser.TypeDoc, n)
		for i := range p.Types {
			t := &parser.TypeDoc{Name: r.Str(), Pos: readPos(r), Description: r.Str(), Bases: readClaims(r), Derived: readClaims(r)}
			t.Abstract = r.Bool()
			t.OpenType = r.Bool()
			t.KeyProperty = r.Str()
			if k := r.Count(); k > 0 {
				props := make([]parser.PropDoc, k)
				t.Properties = make([]*parser.PropDoc, k)
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
					d.Translation = r.Str()
					d.TypeWord = r.Str()
					d.JSONTimestamp = r.Bool()
					d.InJSON = r.Bool()
					d.JSONArray = r.Bool()
					d.Backticked = r.Strs()
					d.Listed = r.Strs()
					d.JSONValues = r.Strs()
					if k := r.Count(); k > 0 {
						d.LinkPhrases = make([]parser.LinkPhrase, k)
						for j := range d.LinkPhrases {
							d.LinkPhrases[j] = parser.LinkPhrase{Phrase: r.Str(), After: r.Str(), Claim: readClaim(r)}
						}
					}
					t.Properties[j] = d
				}
			}
			t.HasJSON = r.Bool()
			t.HasMethods = r.Bool()
			t.Anchor = r.Str()
			t.TitleName = r.Str()
			t.OwnName = r.Str()
			if k := r.Count(); k > 0 {
				t.LinkPhrases = make([]parser.LinkPhrase, k)
				for j := range t.LinkPhrases {
					t.LinkPhrases[j] = parser.LinkPhrase{Phrase: r.Str(), After: r.Str(), Claim: readClaim(r)}
				}
			}
			p.Types[i] = t
		}
	}
	if n := r.Count(); n > 0 {
		p.Enums = make([]*parser.EnumDoc, n)
		for i := range p.Enums {
			e := &parser.EnumDoc{Name: r.Str(), Pos: readPos(r), Description: r.Str()}
			if k := r.Count(); k > 0 {
				e.Members = make([]parser.MemberDoc, k)
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

func readPos(r *reader) parser.Position {
	return parser.Position{Line: int(r.Int()), Col: int(r.Int())}
}

func readClaim(r *reader) parser.BaseClaim {
	return parser.BaseClaim{Source: parser.ClaimSource(r.Int()), Name: r.Str(), Link: r.Str(), Pos: readPos(r)}
}

func readClaims(r *reader) []parser.BaseClaim {
	n := r.Count()
	if n == 0 {
		return nil
	}
	list := make([]parser.BaseClaim, n)
	for i := range list {
		list[i] = readClaim(r)
	}
	return list
}
