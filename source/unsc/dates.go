package unsc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"embargo"
)

// dob is one INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT, APPROXIMATELY or
// BETWEEN, then DATE, YEAR or FROM_YEAR..TO_YEAR (sc-sanctions.xsd), and
// sometimes only a NOTE ("Nov. 1973", "30-35 years old").
type dob struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Note     string `xml:"NOTE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
}

// birthDates maps every INDIVIDUAL_DATE_OF_BIRTH, then the dates of birth
// some aliases carry (INDIVIDUAL_ALIAS/DATE_OF_BIRTH: the date used with
// that alias), once each.
func (m mapper) birthDates(r *record) []embargo.BirthDate {
	var out []embargo.BirthDate
	put := func(b embargo.BirthDate) {
		for _, o := range out {
			if o == b {
				return
			}
		}
		out = append(out, b)
	}
	for _, d := range r.DOBs {
		if b, ok := m.dob(d); ok {
			put(b)
		}
	}
	for _, a := range r.Aliases {
		v := clean(a.DateOfBirth)
		if v == "" {
			continue
		}
		d, err := embargo.ParseDate(v)
		if err != nil {
			m.add("INDIVIDUAL_ALIAS/DATE_OF_BIRTH", "alias %q: %v", clean(a.Name), err)
			continue
		}
		put(embargo.BirthDate{Date: d})
	}
	return out
}

func (m mapper) dob(d dob) (embargo.BirthDate, bool) {
	const field = "INDIVIDUAL_DATE_OF_BIRTH"
	typ := strings.ToUpper(clean(d.Type))
	note := clean(d.Note)
	b := embargo.BirthDate{Approx: typ == "APPROXIMATELY" || strings.HasPrefix(strings.ToLower(note), "approximately")}
	switch typ {
	case "", "EXACT", "APPROXIMATELY", "BETWEEN":
	default:
		m.add(field, "unknown TYPE_OF_DATE %q; read as EXACT", d.Type)
	}
	var err error
	switch {
	case clean(d.Date) != "":
		b.Date, err = embargo.ParseDate(clean(d.Date))
	case clean(d.Year) != "":
		b.Date, err = year(d.Year)
	case clean(d.FromYear) != "" || clean(d.ToYear) != "":
		b, err = between(b, d)
		if err == nil && clean(d.FromYear) > clean(d.ToYear) && clean(d.ToYear) != "" {
			m.add(field, "BETWEEN %s and %s: FROM_YEAR after TO_YEAR; read as %s", clean(d.FromYear), clean(d.ToYear), b)
		}
	case note != "":
		return m.noteDate(b, note)
	default:
		return b, false // <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></...>: none given
	}
	if err != nil {
		m.add(field, "%v", err)
		return b, false
	}
	return b, true
}

// between reads FROM_YEAR..TO_YEAR; a range with one end is kept as that year.
func between(b embargo.BirthDate, d dob) (embargo.BirthDate, error) {
	var err error
	from, to := clean(d.FromYear), clean(d.ToYear)
	switch {
	case from == "":
		b.Date, err = year(to)
	case to == "":
		b.Date, err = year(from)
	default:
		if b.Date, err = year(from); err == nil {
			b.To, err = year(to)
		}
		if err == nil && b.To.Year < b.Date.Year {
			b.Date, b.To = b.To, b.Date
		}
		if b.To == b.Date {
			b.To = embargo.Date{}
		}
	}
	return b, err
}

func year(s string) (embargo.Date, error) {
	s = clean(s)
	if len(s) != 4 {
		return embargo.Date{}, fmt.Errorf("year %q: want four digits", s)
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1 {
		return embargo.Date{}, fmt.Errorf("year %q: want four digits", s)
	}
	return embargo.Date{Year: y}, nil
}

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthYear matches the notes the list uses for a month it knows without a
// day: "Nov. 1973", "August 1961".
var monthYear = regexp.MustCompile(`^([A-Za-z]{3})[A-Za-z]*\.? +(\d{4})$`)

// noteDate reads a date of birth given only as a NOTE. Notes that are not a
// month and year ("30-35 years old", a Hijri date) are reported; the
// original XML stays in Entity.Record.
func (m mapper) noteDate(b embargo.BirthDate, note string) (embargo.BirthDate, bool) {
	if g := monthYear.FindStringSubmatch(note); g != nil {
		if mo, ok := months[strings.ToLower(g[1])]; ok {
			y, _ := strconv.Atoi(g[2])
			b.Date = embargo.Date{Year: y, Month: mo}
			if b.Date.Validate() == nil {
				return b, true
			}
		}
	}
	m.add("INDIVIDUAL_DATE_OF_BIRTH/NOTE", "date of birth given only as the note %q; not read as a date", note)
	return b, false
}
