// Plans: what the codec knows of each Go type it meets, worked out once
// per type by reflection and cached: a struct's properties by wire name,
// and for every field type how its values are read and written. One
// implementation with cached plans, instead of code per type, keeps the
// generated package quick to compile.

package runtime

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// kind is how a Go type's values are read and written.
type kind uint8

const (
	kindOther     kind = iota // any other type: through encoding/json
	kindRaw                   // json.RawMessage: any JSON, kept compact
	kindString                // string and named string types (enums)
	kindBool                  // bool
	kindInt                   // int8, int16, int32, int64
	kindUint                  // uint8 (Edm.Byte)
	kindFloat                 // float32, float64
	kindNumber                // json.Number (Edm.Decimal)
	kindTime                  // time.Time (Edm.DateTimeOffset)
	kindDate                  // Date
	kindTimeOfDay             // TimeOfDay
	kindDuration              // Duration
	kindBytes                 // []byte (Edm.Binary), base64 on the wire
	kindStruct                // a generated struct
	kindIface                 // a base type's interface: the type or one derived from it
	kindPtr                   // a pointer to elem
	kindSlice                 // a slice of elem
)

// codec is the plan of one Go type.
type codec struct {
	kind kind
	typ  reflect.Type
	size uintptr // typ.Size(): the stride of a slice of it
	bits int     // kindInt, kindFloat
	elem *codec  // kindPtr, kindSlice
	base string  // kindIface: the declared type's @odata.type
	want string  // what a value of the type is on the wire, for mismatches
	plan atomic.Pointer[structPlan]
}

// fieldPlan is one property of a generated struct.
type fieldPlan struct {
	name       string  // wire name
	key        []byte  // "name": as written, JSON-quoted
	index      []int   // field index path through embedded structs
	offset     uintptr // from the start of the struct (the embedded structs are held inline)
	codec      *codec
	navigation bool // tagged graph:"navigation": never part of a PATCH body
}

// structPlan is a generated struct's properties.
type structPlan struct {
	typ    reflect.Type
	fields []fieldPlan
	byName map[string]int
	object []int // index path of the embedded Object (Collection: its envelope field); nil: not a generated struct
	// objectOffset is the embedded Object's offset from the start of the
	// struct.
	objectOffset uintptr
}

var (
	codecs sync.Map // reflect.Type -> *codec, complete
	plans  sync.Map // reflect.Type -> *structPlan, complete

	// Plans are built under buildMu and published when the outermost build
	// is done, so no reader sees one half built; types that hold themselves
	// (a manager of type user) find theirs among the pending ones.
	buildMu       sync.Mutex
	buildDepth    int
	pendingCodecs = map[reflect.Type]*codec{}
	pendingPlans  = map[reflect.Type]*structPlan{}

	objectType    = reflect.TypeFor[Object]()
	rawType       = reflect.TypeFor[json.RawMessage]()
	numberType    = reflect.TypeFor[json.Number]()
	timeType      = reflect.TypeFor[time.Time]()
	dateType      = reflect.TypeFor[Date]()
	timeOfDayType = reflect.TypeFor[TimeOfDay]()
	durationType  = reflect.TypeFor[Duration]()
)

// codecFor returns the plan of t.
func codecFor(t reflect.Type) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	return buildCodec(t)
}

// planFor returns the properties of a struct type; plan.object is nil for a
// struct that is not generated.
func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	return buildPlan(t)
}

// structPlanOf is the plan of a kindStruct codec's type.
func (c *codec) structPlanOf() *structPlan {
	if p := c.plan.Load(); p != nil {
		return p
	}
	p := planFor(c.typ)
	c.plan.Store(p)
	return p
}

// enterBuild and leaveBuild bracket a build; the outermost one publishes
// what was built. Both run under buildMu.
func enterBuild() { buildDepth++ }

func leaveBuild() {
	if buildDepth--; buildDepth > 0 {
		return
	}
	for t, p := range pendingPlans {
		plans.Store(t, p)
	}
	for t, c := range pendingCodecs {
		codecs.Store(t, c)
	}
	clear(pendingPlans)
	clear(pendingCodecs)
}

func buildCodec(t reflect.Type) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	if c := pendingCodecs[t]; c != nil {
		return c
	}
	enterBuild()
	defer leaveBuild()
	c := &codec{typ: t, size: t.Size()}
	pendingCodecs[t] = c
	switch {
	case t == rawType:
		c.kind, c.want = kindRaw, "JSON"
	case t == numberType:
		c.kind, c.want = kindNumber, "number"
	case t == timeType:
		c.kind, c.want = kindTime, "RFC 3339 timestamp string"
	case t == dateType:
		c.kind, c.want = kindDate, "date string (2006-01-02)"
	case t == timeOfDayType:
		c.kind, c.want = kindTimeOfDay, "time of day string (15:04:05)"
	case t == durationType:
		c.kind, c.want = kindDuration, "ISO 8601 duration string"
	case interfaces[t] != "":
		c.kind, c.base, c.want = kindIface, interfaces[t], "object ("+strings.TrimPrefix(interfaces[t], "#")+")"
	}
	if c.kind == kindOther {
		switch t.Kind() {
		case reflect.String:
			c.kind, c.want = kindString, "string"
		case reflect.Bool:
			c.kind, c.want = kindBool, "boolean"
		case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			c.kind, c.bits, c.want = kindInt, t.Bits(), "integer"
		case reflect.Uint8:
			c.kind, c.bits, c.want = kindUint, 8, "integer (0 to 255)"
		case reflect.Float32, reflect.Float64:
			c.kind, c.bits, c.want = kindFloat, t.Bits(), "number"
		case reflect.Pointer:
			c.kind = kindPtr
			c.elem = buildCodec(t.Elem())
			c.want = c.elem.want
		case reflect.Slice:
			if t.Elem().Kind() == reflect.Uint8 {
				c.kind, c.want = kindBytes, "base64 string"
			} else {
				c.kind = kindSlice
				c.elem = buildCodec(t.Elem())
				c.want = "array of " + c.elem.want
			}
		case reflect.Struct:
			if p := buildPlan(t); p.object != nil {
				c.kind, c.want = kindStruct, "object"
				c.plan.Store(p)
			}
		}
	}
	if c.kind == kindOther {
		c.want = t.String()
	}
	return c
}

func buildPlan(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	if p := pendingPlans[t]; p != nil {
		return p
	}
	enterBuild()
	defer leaveBuild()
	p := &structPlan{typ: t, byName: map[string]int{}}
	pendingPlans[t] = p
	var walk func(t reflect.Type, index []int, offset uintptr)
	walk = func(t reflect.Type, index []int, offset uintptr) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			switch {
			case f.Type == objectType && (f.Anonymous || !f.IsExported()): // embedded, or Collection's envelope
				p.object, p.objectOffset = idx, offset+f.Offset
			case f.Anonymous && f.Type.Kind() == reflect.Struct:
				walk(f.Type, idx, offset+f.Offset) // the embedded base: its fields come first
			case f.IsExported():
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "" || name == "-" {
					continue
				}
				if _, dup := p.byName[name]; dup {
					continue // the base's field (met first) keeps the name; gen never declares one twice
				}
				key, _ := json.Marshal(name)
				p.byName[name] = len(p.fields)
				p.fields = append(p.fields, fieldPlan{name: name, key: append(key, ':'), index: idx, offset: offset + f.Offset,
					navigation: f.Tag.Get("graph") == "navigation"})
			}
		}
	}
	walk(t, nil, 0)
	if p.object != nil {
		for i := range p.fields {
			p.fields[i].codec = buildCodec(t.FieldByIndex(p.fields[i].index).Type)
		}
	}
	return p
}
