package ofac

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"embargo"
)

// parseBirthDate reads the dates of birth OFAC writes in remarks and in
// dateOfBirth: "08 Jan 1984", "Jan 1984", "1984", "circa 1960" (XML also
// "circa-1960"), ranges "1955 to 1958", "01 Jan 1962 to 31 Dec 1963" and
// "circa 1955-1958".
func parseBirthDate(s string) (embargo.BirthDate, error) {
	var b embargo.BirthDate
	v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if rest, ok := cutPrefixFold(v, "circa"); ok {
		b.Approx = true
		v = strings.TrimSpace(strings.TrimLeft(rest, "- "))
	}
	from, to, isRange := strings.Cut(v, " to ")
	if !isRange && len(v) == 9 && v[4] == '-' { // "1955-1958"
		from, to, isRange = v[:4], v[5:], true
	}
	d, err := parseLooseDate(from)
	if err != nil {
		return b, fmt.Errorf("date of birth %q: %v", s, err)
	}
	b.Date = d
	if isRange {
		e, err := parseLooseDate(to)
		if err != nil {
			return b, fmt.Errorf("date of birth %q: %v", s, err)
		}
		if e.Before(d) {
			return b, fmt.Errorf("date of birth %q: range ends before it starts", s)
		}
		b.To = e
	}
	return b, nil
}

// parseLooseDate reads "02 Jan 2006", "Jan 2006" or "2006".
func parseLooseDate(s string) (embargo.Date, error) {
	f := strings.Fields(s)
	var d embargo.Date
	var err error
	switch len(f) {
	case 1:
		d.Year, err = year(f[0])
	case 2:
		d.Month, err = month(f[0])
		if err == nil {
			d.Year, err = year(f[1])
		}
	case 3:
		d.Day, err = strconv.Atoi(f[0])
		if err == nil {
			d.Month, err = month(f[1])
		}
		if err == nil {
			d.Year, err = year(f[2])
		}
	default:
		return d, fmt.Errorf("want DD Mon YYYY, Mon YYYY or YYYY")
	}
	if err != nil {
		return embargo.Date{}, fmt.Errorf("want DD Mon YYYY, Mon YYYY or YYYY")
	}
	if err := d.Validate(); err != nil {
		return embargo.Date{}, err
	}
	return d, nil
}

func year(s string) (int, error) {
	if len(s) != 4 {
		return 0, fmt.Errorf("bad year")
	}
	return strconv.Atoi(s)
}

func month(s string) (int, error) {
	if len(s) < 3 {
		return 0, fmt.Errorf("bad month")
	}
	t, err := time.Parse("Jan", strings.ToUpper(s[:1])+strings.ToLower(s[1:3]))
	if err != nil {
		return 0, err
	}
	return int(t.Month()), nil
}

// parsePublishDate reads Publish_Date, MM/DD/YYYY.
func parsePublishDate(s string) (embargo.Date, error) {
	t, err := time.Parse("01/02/2006", strings.TrimSpace(s))
	if err != nil {
		return embargo.Date{}, fmt.Errorf("Publish_Date %q: want MM/DD/YYYY", s)
	}
	return embargo.DateOf(t), nil
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
