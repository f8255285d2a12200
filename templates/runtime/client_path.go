// The client's paths: a key or a function's argument written into a
// request path.

package runtime

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// pathKey is a key segment of a path ({user-id}), escaped.
func pathKey(key string) string { return strings.ReplaceAll(url.PathEscape(key), "%27", "'") }

// pathString is a value written inside an OData string of a path
// (range(address='{x}')): its quotes doubled, then escaped as a key, so
// that no value ends the string early.
func pathString(s string) string { return pathKey(strings.ReplaceAll(s, "'", "''")) }

// funcArg is a function's argument in a path, as an OData literal:
// 'text' (quotes doubled) for a string or an enum member, a number or
// boolean as it is, a time in RFC 3339, an Edm.Date, TimeOfDay or
// Duration in its ISO form, anything else as its JSON; escaped for a path.
func funcArg(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "null"
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return "null"
	}
	var lit string
	switch x := rv.Interface().(type) {
	case time.Time:
		lit = x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		if rv.Kind() == reflect.String {
			lit = "'" + strings.ReplaceAll(rv.String(), "'", "''") + "'" // an enum member
		} else {
			lit = x.String() // Date, TimeOfDay, Duration
		}
	default:
		switch rv.Kind() {
		case reflect.String:
			lit = "'" + strings.ReplaceAll(rv.String(), "'", "''") + "'"
		case reflect.Bool:
			lit = strconv.FormatBool(rv.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			lit = strconv.FormatInt(rv.Int(), 10)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			lit = strconv.FormatUint(rv.Uint(), 10)
		case reflect.Float32, reflect.Float64:
			lit = strconv.FormatFloat(rv.Float(), 'g', -1, 64)
		default:
			b, err := json.Marshal(rv.Interface())
			if err != nil {
				return fmt.Sprint(v)
			}
			lit = string(b)
		}
	}
	return strings.ReplaceAll(url.PathEscape(lit), "%27", "'") // quotes as OData writes them
}
