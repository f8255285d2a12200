// Decoding: JSON into generated structs in one pass over the bytes. A
// value whose JSON kind does not fit its documented type never loses the
// response: it is kept as it came (in the object's additional data, under
// its name, and written back on encode), decoding goes on with the rest,
// and the error lists every such mismatch with its path and offset.

package runtime

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// DecodeError lists the values of a document that did not fit their
// documented types. Each was kept as it came, in the additional data of
// the object that holds it (AdditionalData), and is written back on
// encode; everything else was decoded. A caller that trusts the service
// over the docs can treat it as a warning:
//
//	var de *DecodeError
//	if err := json.Unmarshal(body, &user); errors.As(err, &de) {
//		log.Print(de) // user holds everything else
//	} else if err != nil {
//		return err
//	}
type DecodeError struct {
	Type       string // the Go type decoded into
	Mismatches []Mismatch
}

// Mismatch is one value that did not fit its documented type.
type Mismatch struct {
	Path   string // where in the document: "otherMails", "attachments[2].size"
	Want   string // what the docs say: "string", "array of string", "integer"
	Got    string // what came: "array", "number 1.5", "string \"soon\""
	Offset int64  // the value's first byte in the document
}

func (m Mismatch) String() string {
	return fmt.Sprintf("%s (offset %d): want %s, got %s", m.Path, m.Offset, m.Want, m.Got)
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "decoding %s: %d %s did not fit the documented type (kept as they came): ", e.Type, len(e.Mismatches),
		map[bool]string{true: "value", false: "values"}[len(e.Mismatches) == 1])
	for i, m := range e.Mismatches {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 10 {
			fmt.Fprintf(&b, "and %d more", len(e.Mismatches)-10)
			break
		}
		b.WriteString(m.String())
	}
	return b.String()
}

// decoder reads one document into values, collecting mismatches.
type decoder struct {
	scanner
	path       []pathPart
	mismatches []Mismatch
}

// pathPart is a key (index < 0) or an array index.
type pathPart struct {
	key   string
	index int
}

func (d *decoder) pathString() string {
	var b strings.Builder
	for _, p := range d.path {
		if p.index >= 0 {
			fmt.Fprintf(&b, "[%d]", p.index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.key)
	}
	return b.String()
}

// mismatch records that the value at start is not what c wants and moves
// past it, if the caller has not yet.
func (d *decoder) mismatch(c *codec, start int, got string) error {
	d.mismatches = append(d.mismatches, Mismatch{Path: d.pathString(), Want: c.want, Got: got, Offset: int64(start)})
	if d.pos == start {
		if _, err := d.skip(); err != nil {
			return err
		}
	}
	return nil
}

// describe is what the value at start was, for Mismatch.Got: its kind,
// and a short quote of a number or a string.
func describe(data []byte, start int) string {
	if start >= len(data) {
		return "nothing"
	}
	k := kindOf(data[start])
	if k != "number" && k != "string" {
		return k
	}
	s := scanner{data: data, pos: start}
	if _, err := s.skip(); err != nil {
		return k
	}
	text := string(data[start:s.pos])
	if len(text) > 40 {
		text = text[:37] + "..."
	}
	return k + " " + text
}

// document decodes data with read, which decodes the value at the start;
// what follows must be white space. A syntax error is encoding/json's
// error for the document; mismatches come back as a *DecodeError.
func document(data []byte, into reflect.Type, read func(d *decoder) error) error {
	d := &decoder{scanner: scanner{data: data}}
	err := read(d)
	if err == nil && !d.atEnd() {
		err = errSyntax
	}
	if errors.Is(err, errSyntax) {
		return syntaxError(data, d.pos)
	}
	if err != nil {
		return err
	}
	if len(d.mismatches) > 0 {
		return &DecodeError{Type: into.String(), Mismatches: d.mismatches}
	}
	return nil
}

// unmarshalObject decodes a JSON object into the generated struct v points
// to (what every generated UnmarshalJSON calls): null leaves it as it is.
func unmarshalObject(data []byte, v any) error {
	rv := reflect.ValueOf(v).Elem()
	c := codecFor(rv.Type())
	return document(data, rv.Type(), func(d *decoder) error {
		if d.skipSpace() == 'n' {
			return d.literal("null")
		}
		_, err := d.value(c, rv)
		return err
	})
}

// value decodes the value at d into v (settable), which c plans. ok is
// false when the value did not fit (recorded as a mismatch, v left zero,
// d past the value); err is a syntax error, which ends decoding.
func (d *decoder) value(c *codec, v reflect.Value) (ok bool, err error) {
	ch := d.skipSpace()
	start := d.pos
	switch c.kind {
	case kindPtr:
		if ch == 'n' {
			v.SetZero()
			return true, d.literal("null")
		}
		p := reflect.New(c.elem.typ)
		if ok, err = d.value(c.elem, p.Elem()); ok {
			v.Set(p)
		}
		return ok, err
	case kindStruct:
		if ch != '{' {
			return false, d.mismatch(c, start, describe(d.data, start))
		}
		return true, d.object(c.structPlanOf(), v)
	case kindIface:
		if ch == 'n' {
			v.SetZero()
			return true, d.literal("null")
		}
		if ch != '{' {
			return false, d.mismatch(c, start, describe(d.data, start))
		}
		return true, d.polymorphic(c, v)
	case kindSlice:
		if ch == 'n' {
			v.SetZero()
			return true, d.literal("null")
		}
		if ch != '[' {
			return false, d.mismatch(c, start, describe(d.data, start))
		}
		return d.array(c, v)
	case kindRaw:
		spaced, err := d.skip()
		if err == nil {
			v.SetBytes(compact(d.data[start:d.pos], spaced))
		}
		return true, err
	case kindOther:
		if _, err := d.skip(); err != nil {
			return false, err
		}
		if err := json.Unmarshal(d.data[start:d.pos], v.Addr().Interface()); err != nil {
			return false, d.mismatch(c, start, describe(d.data, start))
		}
		return true, nil
	}
	return d.scalar(c, v, ch, start)
}

// scalar decodes a string, a number or a boolean.
func (d *decoder) scalar(c *codec, v reflect.Value, ch byte, start int) (bool, error) {
	switch c.kind {
	case kindBool:
		switch ch {
		case 't':
			v.SetBool(true)
			return true, d.literal("true")
		case 'f':
			v.SetBool(false)
			return true, d.literal("false")
		}
	case kindInt, kindUint, kindFloat, kindNumber:
		if ch != '-' && (ch < '0' || ch > '9') {
			break
		}
		num, err := d.number()
		if err != nil {
			return false, err
		}
		switch c.kind {
		case kindNumber:
			v.SetString(string(num))
			return true, nil
		case kindFloat:
			f, err := strconv.ParseFloat(string(num), c.bits)
			if err == nil {
				v.SetFloat(f)
				return true, nil
			}
		case kindInt:
			if n, ok := parseInt(num); ok && n == n<<(64-c.bits)>>(64-c.bits) {
				v.SetInt(n)
				return true, nil
			}
		case kindUint:
			if n, ok := parseInt(num); ok && n >= 0 && n <= 255 {
				v.SetUint(uint64(n))
				return true, nil
			}
		}
		return false, d.mismatch(c, start, describe(d.data, start))
	case kindString, kindTime, kindDate, kindTimeOfDay, kindDuration, kindBytes:
		if ch != '"' {
			break
		}
		s, err := d.stringBytes()
		if err != nil {
			return false, err
		}
		if d.text(c, v, s) {
			return true, nil
		}
		return false, d.mismatch(c, start, describe(d.data, start))
	}
	return false, d.mismatch(c, start, describe(d.data, start))
}

// text sets v from the contents of a JSON string; false when they are not
// of the form c wants.
func (d *decoder) text(c *codec, v reflect.Value, s []byte) bool {
	switch c.kind {
	case kindString:
		v.SetString(string(s))
	case kindTime:
		var t time.Time
		if t.UnmarshalText(s) != nil {
			return false
		}
		*v.Addr().Interface().(*time.Time) = t
	case kindDate:
		x, err := ParseDate(string(s))
		if err != nil {
			return false
		}
		*v.Addr().Interface().(*Date) = x
	case kindTimeOfDay:
		x, err := ParseTimeOfDay(string(s))
		if err != nil {
			return false
		}
		*v.Addr().Interface().(*TimeOfDay) = x
	case kindDuration:
		x, err := ParseDuration(string(s))
		if err != nil {
			return false
		}
		*v.Addr().Interface().(*Duration) = x
	case kindBytes:
		// Base64 as encoding/json writes it, or base64url, which OData's
		// JSON format names for Edm.Binary.
		b, err := base64.StdEncoding.AppendDecode(make([]byte, 0, base64.StdEncoding.DecodedLen(len(s))), s)
		if err != nil {
			if b, err = base64.URLEncoding.AppendDecode(b[:0], s); err != nil {
				return false
			}
		}
		v.SetBytes(b)
	}
	return true
}

// parseInt reads an integer number; false for a fraction, an exponent or
// more than 64 bits.
func parseInt(num []byte) (int64, bool) {
	neg := len(num) > 0 && num[0] == '-'
	if neg {
		num = num[1:]
	}
	if len(num) == 0 || len(num) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	switch {
	case neg && n <= 1<<63:
		return -int64(n), true
	case !neg && n < 1<<63:
		return int64(n), true
	}
	return 0, false
}

// array decodes a JSON array into a slice. An element that does not fit
// is recorded, the rest are still read (to report every mismatch), and the
// slice is then left nil: the caller keeps the array as it came.
func (d *decoder) array(c *codec, v reflect.Value) (bool, error) {
	if d.depth++; d.depth > maxDepth {
		return false, errSyntax
	}
	defer func() { d.depth-- }()
	d.pos++ // [
	elem := c.elem
	out := reflect.MakeSlice(c.typ, 0, 0)
	v.Set(out)
	fits := true
	n := 0
	if d.skipSpace() == ']' {
		d.pos++
		return true, nil
	}
	for {
		if n == v.Cap() {
			v.Grow(max(4, n))
		}
		v.SetLen(n + 1)
		item := v.Index(n)
		d.path = append(d.path, pathPart{index: n})
		var ok bool
		var err error
		switch {
		case elem.kind == kindStruct && d.skipSpace() == 'n':
			// A null element stays null: the element remembers it.
			if err = d.literal("null"); err == nil {
				objectOf(item, elem.structPlanOf()).state = &objectState{null: true}
				ok = true
			}
		default:
			ok, err = d.value(elem, item)
		}
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return false, err
		}
		fits = fits && ok
		n++
		more, err := d.next(']')
		if err != nil {
			return false, err
		}
		if !more {
			break
		}
	}
	if !fits {
		v.SetZero()
	}
	return fits, nil
}

// object decodes a JSON object into a generated struct (addressable):
// documented properties into their fields, a value that does not fit its
// field kept as it came, null values recorded as explicit nulls, the
// @odata.type kept, everything else into the additional data.
func (d *decoder) object(plan *structPlan, v reflect.Value) error {
	if d.depth++; d.depth > maxDepth {
		return errSyntax
	}
	defer func() { d.depth-- }()
	d.pos++ // {
	obj := objectOf(v, plan)
	// The state is copied only when this decode changes it.
	prev := obj.state
	var next *objectState
	edit := func() *objectState {
		if next == nil {
			next = editState(obj) // obj.state is prev until the end
		}
		return next
	}
	has := func(name string) bool {
		st := prev
		if next != nil {
			st = next
		}
		return st != nil && (st.nulls[name] || st.additional[name] != nil)
	}
	collection, annotationsOnly := false, true
	if d.skipSpace() == '}' {
		d.pos++
		return nil
	}
	for {
		if d.skipSpace() != '"' {
			return errSyntax
		}
		key, err := d.stringBytes()
		if err != nil {
			return err
		}
		if err := d.expect(':'); err != nil {
			return err
		}
		ch := d.skipSpace()
		start := d.pos
		if i, isField := plan.byName[string(key)]; isField {
			f := &plan.fields[i]
			fv := v.FieldByIndex(f.index)
			if ch == 'n' {
				if err := d.literal("null"); err != nil {
					return err
				}
				fv.SetZero()
				st := edit()
				st.nulls[f.name] = true
				delete(st.additional, f.name)
			} else {
				d.path = append(d.path, pathPart{key: f.name, index: -1})
				ok, err := d.value(f.codec, fv)
				d.path = d.path[:len(d.path)-1]
				if err != nil {
					return err
				}
				switch {
				case !ok:
					// Kept as it came, where encoding finds it.
					st := edit()
					st.additional[f.name] = compact(d.data[start:d.pos], true)
					delete(st.nulls, f.name)
				case has(f.name):
					st := edit()
					delete(st.nulls, f.name)
					delete(st.additional, f.name)
				}
			}
		} else if ch == '"' && string(key) == "@odata.type" {
			t, err := d.stringBytes()
			if err != nil {
				return err
			}
			edit().odataType = internType(t)
		} else {
			spaced, err := d.skip()
			if err != nil {
				return err
			}
			name := string(key)
			edit().additional[name] = compact(d.data[start:d.pos], spaced)
			collection = collection || name == "value" && ch == '['
			annotationsOnly = annotationsOnly && (name == "value" || strings.HasPrefix(name, "@"))
		}
		more, err := d.next('}')
		if err != nil {
			return err
		}
		if !more {
			break
		}
	}
	if next != nil {
		obj.state = next
	}
	if collection && annotationsOnly {
		return fmt.Errorf("decoding %s: the JSON is a collection ({\"value\": [...]}), not one object; decode it into Collection[...]", v.Type())
	}
	return nil
}

// polymorphic decodes an object declared as the type c.base (a type with
// derived types) into the type its @odata.type names when that type
// derives from c.base, else into c.base itself: an unknown or unrelated
// type's data is kept in AdditionalData, and its @odata.type written back
// and returned by ODataType.
func (d *decoder) polymorphic(c *codec, v reflect.Value) error {
	name, err := d.peekODataType()
	if err != nil {
		return err
	}
	reg := registry[c.base]
	if name != "" {
		if n := normalizeType(name); derivesFrom(n, c.base) {
			reg = registry[n]
		}
	}
	p := reflect.New(reg.typ)
	if err := d.object(planFor(reg.typ), p.Elem()); err != nil {
		return err
	}
	v.Set(p)
	return nil
}

// peekODataType returns the @odata.type of the object at d, without
// moving: at once when it is the first key (as the service writes it),
// else by skimming the object's keys.
func (d *decoder) peekODataType() (string, error) {
	start := d.pos
	defer func() { d.pos = start }()
	d.pos++ // {
	if d.skipSpace() == '}' {
		return "", nil
	}
	for {
		if d.skipSpace() != '"' {
			return "", errSyntax
		}
		key, err := d.stringBytes()
		if err != nil {
			return "", err
		}
		if err := d.expect(':'); err != nil {
			return "", err
		}
		if string(key) == "@odata.type" && d.skipSpace() == '"' {
			t, err := d.stringBytes()
			return string(internType(t)), err
		}
		if _, err := d.skip(); err != nil {
			return "", err
		}
		more, err := d.next('}')
		if err != nil || !more {
			return "", err
		}
	}
}
