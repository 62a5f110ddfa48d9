// Package uk reads the United Kingdom's sanctions lists:
//
//   - "uk-conlist": HM Treasury OFSI's Consolidated List of Financial
//     Sanctions Targets (ConList), as CSV (ConList.csv) or as the xlsx
//     workbook OFSI published beside it. One row per name variant; rows
//     sharing a Group ID are one target. OFSI closed the ConList in January
//     2026; old versions stay readable for history.
//   - "uk-fcdo": the FCDO UK Sanctions List XML (UK-Sanctions-List.xml, root
//     <Designations>), one <Designation> per target, now the single UK source.
package uk

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"embargo"
	"embargo/country"
	"embargo/normalize"
)

// MaxRecord bounds Entity.Record, the rows or XML element kept for display.
const MaxRecord = 16 << 10

// clean trims a value and collapses inner runs of white space: the UK files
// carry trailing spaces inside values ("Chosun Expo ", FCDO XML) and
// doubled spaces in free text.
func clean(s string) string {
	s = strings.TrimSpace(s)
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsCollapse reports whether s has a run of spaces or white space other
// than a single space; most values have neither, and Other Information
// cells are long, so the common case allocates nothing.
func needsCollapse(s string) bool {
	prevSpace := false
	for _, r := range s {
		if !unicode.IsSpace(r) {
			prevSpace = false
			continue
		}
		if r != ' ' || prevSpace {
			return true
		}
		prevSpace = true
	}
	return false
}

// ukDate reads the UK's dd/mm/yyyy, in which unknown parts are written "00"
// (ConList: "00/00/1994", "00/04/1984") or "dd"/"mm" (FCDO XML:
// "dd/mm/1945"). ConList also gives bare years ("1994") and "mm/yyyy".
func ukDate(s string) (embargo.Date, error) {
	s = clean(s)
	if s == "" {
		return embargo.Date{}, nil
	}
	parts := strings.Split(s, "/")
	if len(parts) > 3 {
		return embargo.Date{}, errDate(s)
	}
	var n [3]int // day, month, year, right-aligned: "1994" is a year, "04/1994" month/year
	off := 3 - len(parts)
	for i, p := range parts {
		p = strings.TrimSpace(p)
		switch strings.ToLower(p) {
		case "dd", "mm", "yyyy", "00", "0", "0000":
			continue // unknown part
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return embargo.Date{}, errDate(s)
		}
		n[off+i] = v
	}
	d := embargo.Date{Year: n[2], Month: n[1], Day: n[0]}
	if d.Month == 0 {
		d.Day = 0 // "05/00/1983": a day without its month says nothing
	}
	if d.Year == 0 {
		return embargo.Date{}, errDate(s)
	}
	if err := d.Validate(); err != nil {
		return embargo.Date{}, err
	}
	return d, nil
}

type dateError string

func (e dateError) Error() string {
	return "date " + strconv.Quote(string(e)) + ": want dd/mm/yyyy (unknown parts 00)"
}

func errDate(s string) error { return dateError(s) }

// numbered matches the "(1) ", "(2) " markers that number the values of a
// multi-value ConList cell: "(1) Germany. (2) Morocco".
var numbered = regexp.MustCompile(`(?:^|\s)\(\d{1,2}\)\s*`)

// splitNumbered splits a "(1) a (2) b" cell into its values; a cell without
// markers is one value. Each value loses the "." or "," that ends it.
func splitNumbered(s string) []string {
	s = clean(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "(1)") {
		return []string{s}
	}
	var out []string
	for _, p := range numbered.Split(s, -1) {
		p = strings.TrimRight(strings.TrimSpace(p), ".,;")
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// quality maps the UK's alias quality ("Good quality", "Low quality", FCDO
// "Good quality a.k.a") to embargo's.
func quality(s string) embargo.Quality {
	s = strings.ToLower(clean(s))
	switch {
	case strings.HasPrefix(s, "good"):
		return embargo.Strong
	case strings.HasPrefix(s, "low"):
		return embargo.Low
	}
	return ""
}

// gender maps "Male"/"Female" to embargo's lower-case words.
func gender(s string) string {
	switch strings.ToLower(clean(s)) {
	case "male", "m":
		return "male"
	case "female", "f":
		return "female"
	}
	return ""
}

// joinName joins name parts with single spaces, skipping empty ones.
func joinName(parts ...string) string {
	var b []string
	for _, p := range parts {
		if p = clean(p); p != "" {
			b = append(b, p)
		}
	}
	return strings.Join(b, " ")
}

// personName builds a Name from the UK's Name 1..Name 6, where Name 6 is the
// surname (or the whole name of an entity or ship) and Name 1 the given name.
func personName(parts [6]string, person bool) embargo.Name {
	n := embargo.Name{Full: joinName(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])}
	if person && n.Full != "" {
		n.Given = clean(parts[0])
		n.Middle = joinName(parts[1], parts[2], parts[3], parts[4])
		n.Family = clean(parts[5])
	}
	n.Script = normalize.DetectScript(n.Full)
	return n
}

// countryCode returns the ISO code of a country as the UK writes it ("North
// Korea", "Congo (Democratic Republic)", "Pakistan (location as at May
// 2008)"), trying the ConList's nationality adjectives too.
func countryCode(s string) (string, bool) {
	s = strings.TrimRight(clean(s), ".,;")
	if s == "" {
		return "", false
	}
	// The UK table goes first: country.Code would read "Congo (Democratic
	// Republic)" by its first half, "Congo", the other Congo.
	if c, ok := ukCountries[strings.ToLower(s)]; ok {
		return c, true
	}
	if c, ok := country.Code(s); ok {
		return c, true
	}
	return country.Find(s)
}

// countryCodes reads a cell that may name several countries without
// numbering them ("Germany. Russia", ConList group 15000).
func countryCodes(s string) ([]string, bool) {
	if c, ok := countryCode(s); ok {
		return []string{c}, true
	}
	parts := strings.Split(s, ". ")
	if len(parts) < 2 {
		return nil, false
	}
	var out []string
	for _, p := range parts {
		c, ok := countryCode(p)
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

// ukCountries are the UK's own country spellings ("Congo (Democratic
// Republic)") and the nationality adjectives the ConList writes in place of
// a country (2020 excerpt "Pakistani", 2025 "Palestinian").
var ukCountries = map[string]string{
	"pakistani": "PK", "palestinian": "PS", "afghan": "AF", "iraqi": "IQ", "iranian": "IR",
	"syrian": "SY", "russian": "RU", "british": "GB", "libyan": "LY", "somali": "SO",
	"yemeni": "YE", "saudi": "SA", "saudi arabian": "SA", "egyptian": "EG", "tunisian": "TN",
	"algerian": "DZ", "moroccan": "MA", "jordanian": "JO", "kuwaiti": "KW", "sudanese": "SD",
	"north korean": "KP", "ukrainian": "UA", "belarusian": "BY", "chinese": "CN", "indian": "IN",
	"indonesian": "ID", "filipino": "PH", "philippine": "PH", "turkish": "TR", "lebanese": "LB",
	"congo (democratic republic)": "CD", "congo (republic)": "CG", "the gambia": "GM",
	"occupied palestinian territories": "PS", "russia federation": "RU",
	"britain": "GB", "german": "DE",
	// Misspellings in the ConList of 2025-04-10 (groups 14672, 15661).
	"belrus": "BY", "repubic of moldova": "MD",
}

// validUTF8 reports whether b is UTF-8; the official CSV has at times been
// published in Windows-1252.
func validUTF8(b []byte) bool { return utf8.Valid(b) }

// promote makes the first alias (or else the first original-script name)
// the primary name of a record that names none.
func promote(rest, orig []embargo.Name) (prim, rest2, orig2 []embargo.Name) {
	switch {
	case len(rest) > 0:
		prim, rest = []embargo.Name{rest[0]}, rest[1:]
	case len(orig) > 0:
		prim, orig = []embargo.Name{orig[0]}, orig[1:]
	default:
		return nil, rest, orig
	}
	prim[0].Kind, prim[0].Quality = embargo.PrimaryName, ""
	return prim, rest, orig
}
