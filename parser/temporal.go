// Dates and times in JSON examples: the Edm type a literal's shape shows,
// and the placeholder that names the family but not its member.

package parser

import (
	"regexp"
	"strings"
)

var (
	dateLiteral     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	dateTimeLiteral = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$`)
	timeLiteral     = regexp.MustCompile(`^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$`)
)

// TemporalShape is the Edm type a date or time literal's shape shows
// ("2017-09-04": Edm.Date, "2017-09-04T10:00:00Z": Edm.DateTimeOffset,
// "08:30:00": Edm.TimeOfDay), or "" for any other string.
func TemporalShape(s string) string {
	switch {
	case len(s) > 40:
		return ""
	case dateLiteral.MatchString(s):
		return "Edm.Date"
	case dateTimeLiteral.MatchString(s):
		return "Edm.DateTimeOffset"
	case timeLiteral.MatchString(s):
		return "Edm.TimeOfDay"
	}
	return ""
}

// timestampPlaceholder reports the placeholder "String (timestamp)" (or
// any string naming a timestamp): pages copy it for dates and times of day
// as well as for timestamps.
func timestampPlaceholder(v *JSONValue) bool {
	return v != nil && v.Kind == JSONString && strings.Contains(strings.ToLower(v.Str), "timestamp")
}
