// Encoding: generated structs to JSON in one pass, appending to one
// buffer. Strings, numbers and times are written exactly as
// encoding/json writes them, so output compares byte for byte with what
// plain structs give (PatchBody compares values so).

package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Marshal encodes a generated struct, a pointer to one, a Collection or
// any value encoding/json takes. For generated types it writes what
// json.Marshal writes, without encoding/json's second pass over the output
// of every MarshalJSON (json.Marshal checks and compacts it again).
func Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	if rv.Kind() != reflect.Pointer {
		// The codec reads values through their address.
		cp := reflect.New(rv.Type())
		cp.Elem().Set(rv)
		rv = cp
	} else if rv.IsNil() {
		return []byte("null"), nil
	}
	c := codecFor(rv.Type().Elem())
	e := newEncoder()
	defer e.release()
	if err := e.value(c, rv.UnsafePointer()); err != nil {
		return nil, err
	}
	return bytes.Clone(e.buf), nil
}

// marshalObject encodes the generated struct v points to: what every
// generated MarshalJSON calls, with the address of its receiver.
//
// That receiver is a copy of the caller's value, made for the call. Were v
// to escape, as the reflection below makes escape analysis believe, the
// copy would be made on the heap on every call (the user struct is 1.5 KB),
// so marshalObject hides v from escape analysis: nothing keeps v, or a
// pointer into the struct, once marshalObject returns, and while it runs
// they are held only in the encoder's locals and arguments, which the
// runtime finds and moves with the stack. What the struct points to
// still escapes (escapeContent), as it did before: the encoder hands it to
// code that may keep it (encoding/json, for fields of other types).
func marshalObject(v any) ([]byte, error) {
	t := reflect.TypeOf(v).Elem()
	p := reflect.ValueOf(v).UnsafePointer()
	escapeContent(p)
	e := newEncoder()
	defer e.release()
	if err := e.object(planFor(t), noescape(p), ""); err != nil {
		return nil, err
	}
	return bytes.Clone(e.buf), nil
}

// encoder appends JSON to buf.
type encoder struct {
	buf []byte
}

// encoders keep their buffers from one encode to the next: the result is
// copied out, at its size, once.
var encoders = sync.Pool{New: func() any { return &encoder{buf: make([]byte, 0, 1024)} }}

func newEncoder() *encoder { return encoders.Get().(*encoder) }

// release puts e back, unless an unusually large document grew its buffer.
func (e *encoder) release() {
	if cap(e.buf) > 1<<20 {
		return
	}
	e.buf = e.buf[:0]
	encoders.Put(e)
}

// The encoder reads values through their address and the plans: p points
// to a value of c.typ, and a struct's fields are at p plus their offsets.
// Each kind below is read as the Go type it stands for (a named string
// type as a string, an int16 as an int16, a slice of any element type
// through a []byte's header, whose length counts elements); kindIface and
// kindOther go through reflect.

// value writes the value p points to, which c plans.
func (e *encoder) value(c *codec, p unsafe.Pointer) error {
	switch c.kind {
	case kindPtr:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(c.elem, q)
	case kindString:
		e.buf = appendString(e.buf, *(*string)(p))
	case kindBool:
		e.buf = strconv.AppendBool(e.buf, *(*bool)(p))
	case kindInt:
		e.buf = strconv.AppendInt(e.buf, loadInt(p, c.bits), 10)
	case kindUint:
		e.buf = strconv.AppendUint(e.buf, uint64(*(*uint8)(p)), 10)
	case kindFloat:
		f := float64(0)
		if c.bits == 32 {
			f = float64(*(*float32)(p))
		} else {
			f = *(*float64)(p)
		}
		b, err := appendFloat(e.buf, f, c.bits)
		if err != nil {
			return err
		}
		e.buf = b
	case kindNumber:
		n := *(*string)(p)
		if n == "" {
			n = "0" // as encoding/json writes an empty json.Number
		}
		if !validNumber(n) {
			return fmt.Errorf("json: invalid number literal %q", n)
		}
		e.buf = append(e.buf, n...)
	case kindTime:
		b, err := appendTime(e.buf, *(*time.Time)(p))
		if err != nil {
			return err
		}
		e.buf = b
	case kindDate:
		e.buf = appendString(e.buf, (*Date)(p).String())
	case kindTimeOfDay:
		e.buf = appendString(e.buf, (*TimeOfDay)(p).String())
	case kindDuration:
		e.buf = appendString(e.buf, (*Duration)(p).String())
	case kindBytes:
		b := *(*[]byte)(p)
		if b == nil {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		e.buf = append(e.buf, '"')
		e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
		e.buf = append(e.buf, '"')
	case kindRaw:
		raw := *(*[]byte)(p)
		if len(raw) == 0 {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.raw(raw)
	case kindStruct:
		return e.object(c.structPlanOf(), p, "")
	case kindIface:
		iv := reflect.NewAt(c.typ, p).Elem()
		if iv.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		dv := iv.Elem() // a pointer to the base or a derived struct
		t := dv.Type().Elem()
		own := typeNameOf(t)
		if own == c.base {
			own = "" // the declared type is implied
		}
		return e.object(planFor(t), dv.UnsafePointer(), own)
	case kindSlice:
		s := *(*[]byte)(p) // any slice's header: its length counts elements
		if s == nil {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		e.buf = append(e.buf, '[')
		data := unsafe.Pointer(unsafe.SliceData(s))
		for i := range len(s) {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			if err := e.value(c.elem, unsafe.Add(data, uintptr(i)*c.elem.size)); err != nil {
				return err
			}
		}
		e.buf = append(e.buf, ']')
	default:
		b, err := json.Marshal(reflect.NewAt(c.typ, p).Elem().Interface())
		if err != nil {
			return err
		}
		e.buf = append(e.buf, b...)
	}
	return nil
}

// loadInt reads a signed integer of the given size.
func loadInt(p unsafe.Pointer, bits int) int64 {
	switch bits {
	case 8:
		return int64(*(*int8)(p))
	case 16:
		return int64(*(*int16)(p))
	case 32:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

// raw writes JSON a caller gave (a json.RawMessage field, additional
// data): checked, and compacted as encoding/json would.
func (e *encoder) raw(raw []byte) error {
	s := scanner{data: raw}
	spaced, err := s.skip()
	if err == nil && !s.atEnd() {
		err = errSyntax
	}
	if err != nil {
		return fmt.Errorf("json: invalid raw JSON %q", truncate(raw))
	}
	if s.pos == len(raw) && !spaced && raw[0] > ' ' {
		e.buf = append(e.buf, raw...)
		return nil
	}
	e.buf = append(e.buf, compact(raw[:s.pos], true)...)
	return nil
}

func truncate(b []byte) string {
	if len(b) > 40 {
		return string(b[:37]) + "..."
	}
	return string(b)
}

// object writes the generated struct p points to: the @odata.type it was
// decoded with (else odataType, for a derived type held by its base's
// interface), the properties that hold a value (base properties first),
// explicit nulls, values kept as they came, then the additional data in
// key order. A struct that was a null element of a collection, and still
// holds nothing, is written as null.
func (e *encoder) object(plan *structPlan, p unsafe.Pointer, odataType string) error {
	st := objectAt(p, plan).state
	if st != nil && st.null && len(st.additional) == 0 && len(st.nulls) == 0 && allEmpty(plan, p) {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	e.buf = append(e.buf, '{')
	n := 0
	if st != nil && st.odataType != "" {
		odataType = st.odataType
	}
	if odataType != "" {
		e.buf = append(e.buf, `"@odata.type":`...)
		e.buf = appendString(e.buf, odataType)
		n++
	}
	for i := range plan.fields {
		f := &plan.fields[i]
		fp := unsafe.Add(p, f.offset)
		if emptyAt(f.codec, fp) {
			if st == nil {
				continue
			}
			if st.nulls[f.name] {
				e.buf = appendSep(e.buf, &n)
				e.buf = append(append(e.buf, f.key...), "null"...)
			} else if raw, ok := st.additional[f.name]; ok {
				e.buf = appendSep(e.buf, &n)
				e.buf = append(e.buf, f.key...)
				if err := e.raw(raw); err != nil {
					return err
				}
			}
			continue
		}
		e.buf = appendSep(e.buf, &n)
		e.buf = append(e.buf, f.key...)
		if err := e.value(f.codec, fp); err != nil {
			return fmt.Errorf("%s.%s: %w", plan.typ.Name(), f.name, err)
		}
	}
	if st != nil && len(st.additional) > 0 {
		for _, k := range additionalKeys(st, plan) {
			e.buf = appendSep(e.buf, &n)
			e.buf = appendString(e.buf, k)
			e.buf = append(e.buf, ':')
			if err := e.raw(st.additional[k]); err != nil {
				return err
			}
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

// additionalKeys are the keys of the additional data that name no
// property, sorted.
func additionalKeys(st *objectState, plan *structPlan) []string {
	keys := make([]string, 0, len(st.additional))
	for k := range st.additional {
		if _, known := plan.byName[k]; !known {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func appendSep(b []byte, n *int) []byte {
	if *n > 0 {
		b = append(b, ',')
	}
	*n++
	return b
}

// allEmpty reports whether no property of the struct p points to holds a
// value.
func allEmpty(plan *structPlan, p unsafe.Pointer) bool {
	for i := range plan.fields {
		if !emptyAt(plan.fields[i].codec, unsafe.Add(p, plan.fields[i].offset)) {
			return false
		}
	}
	return true
}

// emptyAt is isEmpty for the value p points to, which c plans.
func emptyAt(c *codec, p unsafe.Pointer) bool {
	switch c.kind {
	case kindPtr:
		return *(*unsafe.Pointer)(p) == nil
	case kindIface:
		return reflect.NewAt(c.typ, p).Elem().IsNil()
	case kindString, kindNumber:
		return len(*(*string)(p)) == 0
	case kindSlice:
		return *(*[]byte)(p) == nil
	case kindBytes, kindRaw:
		return len(*(*[]byte)(p)) == 0
	case kindOther:
		return isEmpty(reflect.NewAt(c.typ, p).Elem())
	}
	return false
}

// isEmpty says whether a field is left out when encoding: a nil pointer,
// interface, map or slice, an empty string, an empty []byte. An empty slice
// that is not nil is written as [] (it clears a collection); a nil one is
// left out.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return v.IsNil() || (v.Kind() == reflect.Slice && v.Len() == 0 && v.Type().Elem().Kind() == reflect.Uint8)
	case reflect.String:
		return v.Len() == 0
	}
	return false
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string exactly as encoding/json does:
// <, > and & escaped for HTML, U+2028 and U+2029 escaped, invalid UTF-8
// as U+FFFD.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64, bits int) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendTime writes t as time.Time's MarshalJSON does: RFC 3339 with
// nanoseconds, refusing what RFC 3339 cannot hold.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	b = append(b, '"')
	n0 := len(b)
	b = t.AppendFormat(b, time.RFC3339Nano)
	switch {
	case len(b) < n0+5 || b[n0+4] != '-':
		return b, errors.New("json: Time.MarshalJSON: year outside of range [0,9999]")
	case b[len(b)-1] != 'Z':
		tz := b[len(b)-6:]
		if tz[0] != '+' && tz[0] != '-' || (tz[1]-'0')*10+(tz[2]-'0') >= 24 {
			return b, errors.New("json: Time.MarshalJSON: timezone hour outside of range [0,23]")
		}
	}
	return append(b, '"'), nil
}

// validNumber reports whether s is a JSON number.
func validNumber(s string) bool {
	sc := scanner{data: []byte(s)}
	num, err := sc.number()
	return err == nil && len(num) == len(s)
}

// noescape returns p, hiding it from escape analysis, as the runtime's and
// strings.Builder's noescape do: the compiler then takes it that what p
// points to does not escape. Only for a pointer that nothing keeps once
// the caller returns (marshalObject). The address goes through a uintptr
// and back with no call between them, so the stack cannot move meanwhile
// (stacks move at calls only), and a goroutine preempted there has that
// frame scanned conservatively, uintptr included. The runtime converts
// the uintptr back with unsafe.Pointer(x ^ 0), which vet's unsafeptr check
// reports; reading the uintptr's memory as a pointer is the same step in a
// form that check does not look for.
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return *(*unsafe.Pointer)(unsafe.Pointer(&x))
}

// escapeContent tells escape analysis that what the struct p points to
// points to escapes (as reflect's escapes does, by an assignment that never
// runs): the encoder hides p (noescape) but hands values it reads to code
// that may keep them.
func escapeContent(p unsafe.Pointer) {
	if never.b {
		never.p = *(*unsafe.Pointer)(p)
	}
}

// never is never set; see escapeContent.
var never struct {
	b bool
	p unsafe.Pointer
}
