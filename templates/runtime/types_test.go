package runtime

import (
	"encoding/json"
	"reflect"
	"time"
)

// The types below are written as gen writes them (see emitter/methods.go):
// a small schema with a base that has derived types, a complex type, an
// enum, and every field type the mapping table has.

type Entity struct {
	Object
	ID *string `json:"id,omitempty"`
}

func (v *Entity) ODataType() string                { return v.odataTypeOr("#test.entity") }
func (v Entity) MarshalJSON() ([]byte, error)      { return marshalObject(&v) }
func (v *Entity) UnmarshalJSON(data []byte) error  { return unmarshalObject(data, v) }
func (v *Entity) Clone() Entity                    { c := *v; deepen(&c); return c }
func (v *Entity) AsEntity() *Entity                { return v }
func (*Entity) isAnyEntity()                       {}
func (v *Item) ODataType() string                  { return v.odataTypeOr("#test.item") }
func (v Item) MarshalJSON() ([]byte, error)        { return marshalObject(&v) }
func (v *Item) UnmarshalJSON(data []byte) error    { return unmarshalObject(data, v) }
func (v *Item) Clone() Item                        { c := *v; deepen(&c); return c }
func (v *Item) AsItem() *Item                      { return v }
func (*Item) isAnyItem()                           {}
func (v *Special) ODataType() string               { return v.odataTypeOr("#test.special") }
func (v Special) MarshalJSON() ([]byte, error)     { return marshalObject(&v) }
func (v *Special) UnmarshalJSON(data []byte) error { return unmarshalObject(data, v) }
func (v *Special) Clone() Special                  { c := *v; deepen(&c); return c }
func (v *Part) ODataType() string                  { return v.odataTypeOr("#test.part") }
func (v Part) MarshalJSON() ([]byte, error)        { return marshalObject(&v) }
func (v *Part) UnmarshalJSON(data []byte) error    { return unmarshalObject(data, v) }
func (v *Part) Clone() Part                        { c := *v; deepen(&c); return c }

// AnyEntity is a *Entity or a pointer to a type derived from it.
type AnyEntity interface {
	AsEntity() *Entity
	ODataType() string
	isAnyEntity()
}

// AnyItem is a *Item or a pointer to a type derived from it.
type AnyItem interface {
	AsItem() *Item
	ODataType() string
	isAnyItem()
}

// Color is an enum.
type Color string

const (
	ColorRed   Color = "red"
	ColorGreen Color = "green"
)

// Part is a complex type.
type Part struct {
	Object
	Label *string `json:"label,omitempty"`
	Count *int32  `json:"count,omitempty"`
}

// Item derives from Entity and has derived types.
type Item struct {
	Entity
	Name     *string          `json:"name,omitempty"`
	Tags     []string         `json:"tags,omitempty"`
	Size     *int32           `json:"size,omitempty"`
	Small    *int16           `json:"small,omitempty"`
	Big      *int64           `json:"big,omitempty"`
	Byte     *uint8           `json:"byte,omitempty"`
	Signed   *int8            `json:"signed,omitempty"`
	Ratio    *float64         `json:"ratio,omitempty"`
	Single   *float32         `json:"single,omitempty"`
	Price    *json.Number     `json:"price,omitempty"`
	Done     *bool            `json:"done,omitempty"`
	When     *time.Time       `json:"when,omitempty"`
	Day      *Date            `json:"day,omitempty"`
	At       *TimeOfDay       `json:"at,omitempty"`
	Period   *Duration        `json:"period,omitempty"`
	Blob     []byte           `json:"blob,omitempty"`
	Raw      json.RawMessage  `json:"raw,omitempty"`
	Color    *Color           `json:"color,omitempty"`
	Colors   []Color          `json:"colors,omitempty"`
	Main     *Part            `json:"main,omitempty"`
	Parts    []Part           `json:"parts,omitempty"`
	Child    AnyItem          `json:"child,omitempty"`
	Children []AnyItem        `json:"children,omitempty"`
	Related  *Item            `json:"related,omitempty" graph:"navigation"`
	Numbers  []int32          `json:"numbers,omitempty"`
	Nested   map[string]int64 `json:"nested,omitempty"` // no generated type has one: the encoding/json fallback
}

// Special derives from Item.
type Special struct {
	Item
	Level *int32 `json:"level,omitempty"`
}

func init() {
	registry["#test.entity"] = registration{typ: reflect.TypeFor[Entity]()}
	registry["#test.item"] = registration{base: "#test.entity", typ: reflect.TypeFor[Item]()}
	registry["#test.special"] = registration{base: "#test.item", typ: reflect.TypeFor[Special]()}
	registry["#test.part"] = registration{typ: reflect.TypeFor[Part]()}
	interfaces[reflect.TypeFor[AnyEntity]()] = "#test.entity"
	interfaces[reflect.TypeFor[AnyItem]()] = "#test.item"
}
