package australia

import (
	"regexp"
	"strconv"
	"strings"

	"embargo"
)

var (
	// dobSep splits "a) 1955 b) 1960", "1960; alt DOB: 1961", "1965 or 1966",
	// "12 Mar 1960 >> 12 Apr 1961".
	dobSep     = regexp.MustCompile(`(?i)(?:^|\s|;)\(?[a-z]\)\s*|;|\balt(?:ernative)?\.? dob:?|\s+or\s+|>>|\n`)
	approxRe   = regexp.MustCompile(`(?i)\b(?:approximately|approx\.?|circa|about|around|c\.)\s*`)
	betweenRe  = regexp.MustCompile(`(?i)^(?:between\s+(.+?)\s+(?:and|to)\s+(.+)|(.+?)\s+to\s+(.+))$`)
	yearSpanRe = regexp.MustCompile(`^(\d{4})\s*[-–]\s*(\d{4})$`)
	slashRe    = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.]\s*(\d{4})$`)
	slashesRe  = regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{4}`)
	monthYrRe  = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	dmyRe      = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\.?[ -]([A-Za-z]{3,9})\.?,?[ -]?(\d{4})$`)
	mdyRe      = regexp.MustCompile(`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$`)
	myRe       = regexp.MustCompile(`^([A-Za-z]{3,9})\.?,? (\d{4})$`)
	// a leading "DOB:", a trailing remark in brackets (closed or not:
	// "5 Feb. 1970 (this aka only, ..."), a trailing full stop or comma
	noiseRe = regexp.MustCompile(`(?i)^(?:dob|date of birth|born)\s*:?\s*|,?\s*\(.*$|[.,]$`)
)

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9,
	"october": 10, "november": 11, "december": 12,
}

// parseBirths reads DFAT's free-text Date of Birth. It returns the dates it
// could read and the first piece it could not ("" when all were read).
func parseBirths(s string) ([]embargo.BirthDate, string) {
	var out []embargo.BirthDate
	bad := ""
	for _, p := range dobSep.Split(s, -1) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		b, ok := parseBirth(p)
		if !ok && strings.Trim(slashesRe.ReplaceAllString(p, ""), " ,") == "" {
			// "01/10/1983,15/10/1983, 01/01/1980": several dates, no labels
			for _, q := range slashesRe.FindAllString(p, -1) {
				if b, ok := parseBirth(q); ok {
					out = append(out, b)
				}
			}
			continue
		}
		if !ok {
			if bad == "" {
				bad = p
			}
			continue
		}
		out = append(out, b)
	}
	return out, bad
}

func parseBirth(p string) (embargo.BirthDate, bool) {
	approx := approxRe.MatchString(p)
	p = strings.TrimSpace(approxRe.ReplaceAllString(p, ""))
	if strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") {
		p = p[1 : len(p)-1] // "(Aug. 1961)"
	}
	p = strings.TrimSpace(noiseRe.ReplaceAllString(p, ""))
	if m := betweenRe.FindStringSubmatch(p); m != nil {
		from, to := m[1]+m[3], m[2]+m[4]
		a, ok1 := oneDate(from)
		b, ok2 := oneDate(to)
		return embargo.BirthDate{Date: a, To: b, Approx: approx}, ok1 && ok2 && a.Before(b)
	}
	if m := yearSpanRe.FindStringSubmatch(p); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		return embargo.BirthDate{Date: embargo.Date{Year: a}, To: embargo.Date{Year: b}, Approx: approx}, a > 0 && a < b
	}
	d, ok := oneDate(p)
	return embargo.BirthDate{Date: d, Approx: approx}, ok
}

// oneDate reads one date in any of DFAT's ways: an Excel serial (the
// workbook stores real dates so), 1960, 1960-03-12, 12/03/1960 (day first),
// 12 Mar. 1960, March 1960.
func oneDate(p string) (embargo.Date, bool) {
	p = strings.TrimSpace(p)
	// A year first: "1962" is a year, not Excel day 1962 (1905-05-15).
	if d, err := embargo.ParseDate(p); err == nil && !d.IsZero() {
		return d, true
	}
	if d, ok := serialDate(p); ok {
		return d, true
	}
	if m := slashRe.FindStringSubmatch(p); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		d := embargo.Date{Year: y, Month: b, Day: a}
		if d.Validate() != nil { // some rows are month first
			d = embargo.Date{Year: y, Month: a, Day: b}
		}
		return d, d.Validate() == nil
	}
	if m := dmyRe.FindStringSubmatch(p); m != nil {
		return dayMonthYear(m[1] + " " + m[2] + " " + m[3])
	}
	if m := mdyRe.FindStringSubmatch(p); m != nil {
		return dayMonthYear(m[2] + " " + m[1] + " " + m[3])
	}
	if m := monthYrRe.FindStringSubmatch(p); m != nil {
		mo, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		d := embargo.Date{Year: y, Month: mo}
		return d, d.Validate() == nil
	}
	if m := myRe.FindStringSubmatch(p); m != nil {
		mo := months[strings.ToLower(m[1])]
		y, _ := strconv.Atoi(m[2])
		d := embargo.Date{Year: y, Month: mo}
		return d, mo > 0 && d.Validate() == nil
	}
	return embargo.Date{}, false
}

// dayMonthYear reads "12 Mar. 1960" or "25 January 2001".
func dayMonthYear(s string) (embargo.Date, bool) {
	f := strings.Fields(strings.ReplaceAll(s, ".", ""))
	if len(f) != 3 {
		return embargo.Date{}, false
	}
	day, err1 := strconv.Atoi(f[0])
	y, err2 := strconv.Atoi(f[2])
	mo := months[strings.ToLower(f[1])]
	d := embargo.Date{Year: y, Month: mo, Day: day}
	if err1 != nil || err2 != nil || mo == 0 || d.Validate() != nil {
		return embargo.Date{}, false
	}
	return d, true
}
