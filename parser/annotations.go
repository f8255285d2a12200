// Annotations and the JSON representation block: the resource annotation
// names a type, the JSON block shows its keys and placeholders.

package parser

import (
	"strings"

	"github.com/docgen/graphgen/diag"
)

// annotation reads the JSON object of an annotation comment
// (<!-- {"blockType": ...} -->) leniently: the object, what is not valid
// JSON in it, its blockType, and the offset of its '{' in Clean.
func annotation(b *block) (v *JSONValue, problems []JSONProblem, blockType string, base int, ok bool) {
	open := strings.Index(b.Content, "{")
	if !strings.HasPrefix(strings.TrimSpace(b.Content), "<!--") || open < 0 {
		return nil, nil, "", 0, false
	}
	body := b.Content[open:]
	if end := strings.LastIndex(body, "-->"); end >= 0 {
		body = body[:end]
	}
	v, problems = ParseJSONish(unescapeQuotes(body))
	if v == nil || v.Kind != JSONObject {
		return nil, nil, "", 0, false
	}
	if bt := v.Get("blockType"); bt != nil {
		blockType = bt.Str
	}
	return v, problems, blockType, b.ContentOff + open, true
}

// unescapeQuotes turns the HTML-escaped quotes some translated pages have
// in annotations ("@type&quot;: &quot;microsoft.graph.shareAction") back
// into quotes, padding with spaces outside the string so that offsets stay
// put: a quote that closes a string is followed by the padding, one that
// opens a string is preceded by it.
func unescapeQuotes(s string) string {
	const entity = "&quot;"
	if !strings.Contains(s, entity) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, entity)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		rest := strings.TrimLeft(s[i+len(entity):], " \t")
		if rest == "" || strings.ContainsRune(":,}]\n", rune(rest[0])) {
			b.WriteString(`"     `)
		} else {
			b.WriteString(`     "`)
		}
		s = s[i+len(entity):]
	}
}

func (e *extractor) comment(b *block) {
	v, problems, blockType, base, ok := annotation(b)
	if !ok {
		return
	}
	if blockType != "resource" {
		if blockType != "" {
			e.pendingJSON, e.skipJSON = nil, true
		}
		return
	}
	if len(problems) > 0 {
		e.warnAt(base+problems[0].Offset, diag.BadAnnotation, "resource annotation is not valid JSON (%s); read leniently", problems[0].Message)
	}
	name := ""
	for _, k := range []string{"@odata.type", "@type"} {
		if t := v.Get(k); t != nil && t.Kind == JSONString {
			name = strings.TrimPrefix(strings.TrimSpace(t.Str), "#")
			break
		}
	}
	t := e.typeForAnnotation(name, b.Off)
	if t == nil { // a second block for an annotated type: an example
		e.pendingJSON, e.skipJSON = nil, true
		return
	}
	t.annotated = true
	if name != "" {
		t.Name = name
	}
	if bt := v.Get("baseType"); bt != nil && bt.Kind == JSONString && strings.TrimSpace(bt.Str) != "" {
		t.Bases = append(t.Bases, BaseClaim{Source: ClaimAnnotation, Name: strings.TrimPrefix(strings.TrimSpace(bt.Str), "#"), Pos: e.pos(base + bt.Offset)})
	}
	if kp := v.Get("keyProperty"); kp != nil && kp.Kind == JSONString {
		t.KeyProperty = strings.TrimSpace(kp.Str)
	}
	t.OpenType = t.OpenType || truthy(v.Get("openType"))
	t.Abstract = truthy(v.Get("abstract")) || truthy(v.Get("isAbstract"))
	e.pendingJSON, e.skipJSON = t, false
}

func truthy(v *JSONValue) bool {
	if v == nil {
		return false
	}
	return strings.EqualFold(strings.TrimSpace(v.Str), "true")
}

// typeForAnnotation finds the type a resource annotation describes: the
// page's type of that name, else the current type if no annotation named it
// yet, else a new type. It returns nil for a repeated annotation.
func (e *extractor) typeForAnnotation(name string, off int) *typeDraft {
	short := ShortName(name)
	for _, t := range e.types {
		tn := t.titleName
		if t.annotated {
			tn = ShortName(t.Name)
		}
		if short != "" && strings.EqualFold(tn, short) {
			if t.annotated {
				return nil
			}
			return t
		}
	}
	if e.cur != nil && !e.cur.annotated {
		return e.cur
	}
	if e.isEnumPage && e.cur == nil {
		return nil
	}
	return e.newType(short, off, "")
}

func (e *extractor) code(b *block) {
	if b.Unclosed {
		e.warnAt(b.Off, diag.UnclosedFence, "code fence is not closed; it runs to the end of the page")
	}
	if e.skipJSON {
		e.skipJSON = false
		return
	}
	t := e.pendingJSON
	e.pendingJSON = nil
	if t == nil {
		if e.section != secJSON || e.cur == nil {
			return
		}
		t = e.cur
	}
	if t.HasJSON || !(strings.HasPrefix(b.Lang, "json") || strings.HasPrefix(strings.TrimSpace(b.Content), "{")) {
		return
	}
	v, problems := ParseJSONish(b.Content)
	if v == nil || v.Kind != JSONObject {
		if v != nil && v.Kind == JSONArray && len(v.Items) > 0 && v.Items[0].Kind == JSONObject {
			v = v.Items[0]
		} else {
			e.warnAt(b.Off, diag.BadJSONBlock, "JSON representation is not a JSON object")
			return
		}
	}
	if len(problems) > 0 {
		e.warnAt(b.ContentOff+problems[0].Offset, diag.BadJSONBlock, "JSON representation is not valid JSON (%s, %d problem(s)); read leniently", problems[0].Message, len(problems))
	}
	t.HasJSON = true
	t.jsonBlock = v
	t.jsonOffset = b.ContentOff
	t.jsonPos = e.pos(b.ContentOff)
	if ot := v.Get("@odata.type"); ot != nil && ot.Kind == JSONString {
		t.jsonType = strings.TrimPrefix(strings.TrimSpace(ot.Str), "#")
	}
}
