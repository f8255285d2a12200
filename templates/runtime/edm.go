// Edm.Date, Edm.TimeOfDay and Edm.Duration: the service's date, time and
// duration types, in their ISO 8601 wire forms.

package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Date is an Edm.Date: a calendar date, "2006-01-02" on the wire.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date in the service's form, "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid Edm.Date %q: %w", s, err)
	}
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
}

// String returns the date as "2006-01-02".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalJSON writes the date as a JSON string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a date from a JSON string.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("Edm.Date: %w", err)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// TimeOfDay is an Edm.TimeOfDay: a clock time, "15:04:05.0000000" on the
// wire (fractional seconds optional).
type TimeOfDay struct {
	Hour, Minute, Second, Nanosecond int
}

// ParseTimeOfDay reads a time of day in the service's form.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	t, err := time.Parse("15:04:05.999999999", s)
	if err != nil {
		t, err = time.Parse("15:04", s)
	}
	if err != nil {
		return TimeOfDay{}, fmt.Errorf("invalid Edm.TimeOfDay %q", s)
	}
	return TimeOfDay{Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), Nanosecond: t.Nanosecond()}, nil
}

// String returns the time as "15:04:05.0000000".
func (t TimeOfDay) String() string {
	return fmt.Sprintf("%02d:%02d:%02d.%07d", t.Hour, t.Minute, t.Second, t.Nanosecond/100)
}

// MarshalJSON writes the time as a JSON string.
func (t TimeOfDay) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// UnmarshalJSON reads a time from a JSON string.
func (t *TimeOfDay) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("Edm.TimeOfDay: %w", err)
	}
	v, err := ParseTimeOfDay(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Duration is an Edm.Duration: an ISO 8601 duration such as "PT1H30M" or
// "P3DT4H" on the wire. Years and months have no fixed length and are
// rejected; weeks and days count as 7 and 1 times 24 hours. A duration
// beyond what time.Duration holds (about 292 years; the service sends
// .NET's maximum, "P10675199DT2H48M5.4775807S") saturates and keeps its
// wire form, so it re-encodes unchanged.
type Duration struct {
	time.Duration
	wire string // set only when Duration could not hold the value
}

// ParseDuration reads an ISO 8601 duration ("-P1DT2H3M4.5S").
func ParseDuration(s string) (Duration, error) {
	in := s
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if !strings.HasPrefix(s, "P") || len(s) < 2 {
		return Duration{}, fmt.Errorf("invalid Edm.Duration %q", in)
	}
	s = s[1:]
	if s == "" || s == "T" || strings.HasSuffix(s, "T") {
		return Duration{}, fmt.Errorf("invalid Edm.Duration %q: no components", in)
	}
	var total float64
	inTime := false
	for s != "" {
		if s[0] == 'T' {
			inTime = true
			s = s[1:]
			continue
		}
		i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != ',' })
		if i <= 0 {
			return Duration{}, fmt.Errorf("invalid Edm.Duration %q", in)
		}
		n, err := strconv.ParseFloat(strings.Replace(s[:i], ",", ".", 1), 64)
		if err != nil {
			return Duration{}, fmt.Errorf("invalid Edm.Duration %q", in)
		}
		unit := s[i]
		s = s[i+1:]
		switch {
		case !inTime && unit == 'W':
			total += n * 7 * 24 * 3600
		case !inTime && unit == 'D':
			total += n * 24 * 3600
		case inTime && unit == 'H':
			total += n * 3600
		case inTime && unit == 'M':
			total += n * 60
		case inTime && unit == 'S':
			total += n
		default:
			return Duration{}, fmt.Errorf("unsupported Edm.Duration %q (years and months have no fixed length)", in)
		}
	}
	if total*float64(time.Second) >= math.MaxInt64 {
		d := time.Duration(math.MaxInt64)
		if neg {
			d = math.MinInt64
		}
		return Duration{Duration: d, wire: in}, nil
	}
	d := time.Duration(total * float64(time.Second))
	if neg {
		d = -d
	}
	return Duration{Duration: d}, nil
}

// String returns the duration in ISO 8601 form ("P1DT2H3M4.5S", "PT0S").
func (d Duration) String() string {
	if d.wire != "" {
		return d.wire
	}
	v := d.Duration
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
		v = -v
	}
	b.WriteByte('P')
	day := 24 * time.Hour
	if days := v / day; days > 0 {
		fmt.Fprintf(&b, "%dD", days)
		v -= days * day
	}
	if v == 0 {
		if b.Len() <= 2 {
			b.WriteString("T0S")
		}
		return b.String()
	}
	b.WriteByte('T')
	if h := v / time.Hour; h > 0 {
		fmt.Fprintf(&b, "%dH", h)
		v -= h * time.Hour
	}
	if m := v / time.Minute; m > 0 {
		fmt.Fprintf(&b, "%dM", m)
		v -= m * time.Minute
	}
	if v > 0 {
		b.WriteString(strconv.FormatFloat(v.Seconds(), 'f', -1, 64))
		b.WriteByte('S')
	}
	return b.String()
}

// MarshalJSON writes the duration as a JSON string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a duration from a JSON string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("Edm.Duration: %w", err)
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
