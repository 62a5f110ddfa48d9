package australia

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"embargo"
	"embargo/country"
	"embargo/source"
)

// enumSep splits DFAT's enumerations "a) ... b) ..." and ";"-lists.
var enumSep = regexp.MustCompile(`(?:^|\s|;)\(?[a-z]\)\s*|;`)

func enumerate(s string) []string {
	if !strings.ContainsAny(s, ");") {
		if s == "" {
			return nil
		}
		return []string{s} // no enumeration: the common case
	}
	var out []string
	for _, p := range enumSep.Split(s, -1) {
		if p = strings.Trim(p, " ,;"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// excelEpoch is day 0 of Excel's 1900 date system as the workbook counts
// (1899-12-30, which absorbs Lotus's 1900 leap-year bug for dates after
// February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDate reads an Excel serial day number such as 45303 (Control Date,
// and many dates of birth).
func serialDate(s string) (embargo.Date, bool) {
	if len(s) < 4 || len(s) > 5 || strings.Trim(s, "0123456789") != "" {
		return embargo.Date{}, false
	}
	n, _ := strconv.Atoi(s)
	if n < 1000 {
		return embargo.Date{}, false
	}
	return embargo.DateOf(excelEpoch.AddDate(0, 0, n)), true
}

func (m mapper) births(e *embargo.Entity, i int, seen map[string]bool) {
	v := m.rows[i][colDOB]
	if v == "" || seen["dob:"+v] {
		return
	}
	seen["dob:"+v] = true
	bs, bad := parseBirths(v)
	for _, b := range bs {
		if !seen["b:"+b.String()] {
			seen["b:"+b.String()] = true
			e.BirthDates = append(e.BirthDates, b)
		}
	}
	if bad != "" {
		m.probs.Add(m.at(i, "Date of Birth"), "cannot read %q as a date; kept in remarks", bad)
		e.Remarks = strings.TrimSpace(e.Remarks + "\nDate of Birth: " + v)
	}
}

func (m mapper) places(e *embargo.Entity, i int, seen map[string]bool) {
	for _, p := range enumerate(m.rows[i][colPOB]) {
		if !seen["pob:"+p] {
			seen["pob:"+p] = true
			e.BirthPlaces = append(e.BirthPlaces, p)
		}
	}
}

var citizenSep = regexp.MustCompile(`\s*(?:,|/|\band\b|;)\s*`)

// citizenship reads "Russian and Ukrainian", "a) Pakistani b) Saudi
// Arabian", "Democratic People's Republic of Korea": names and demonyms.
func (m mapper) citizenship(e *embargo.Entity, i int, seen map[string]bool) {
	v := m.rows[i][colCitizenship]
	if v == "" || seen["cit:"+v] {
		return
	}
	seen["cit:"+v] = true
	for _, p := range enumerate(v) {
		code, ok := citizenCode(p)
		if !ok {
			for _, q := range citizenSep.Split(p, -1) {
				if c, ok := citizenCode(q); ok {
					m.addCitizen(e, c, seen)
				} else if q != "" {
					m.probs.Add(m.at(i, "Citizenship"), "country %q not recognised; kept in remarks", q)
					e.Remarks = strings.TrimSpace(e.Remarks + "\nCitizenship: " + q)
				}
			}
			continue
		}
		m.addCitizen(e, code, seen)
	}
}

func (m mapper) addCitizen(e *embargo.Entity, c string, seen map[string]bool) {
	if !seen["c:"+c] {
		seen["c:"+c] = true
		e.Citizenship = append(e.Citizenship, c)
	}
}

var parenthetical = regexp.MustCompile(`\s*\([^)]*\)`)

func citizenCode(s string) (string, bool) {
	s = strings.TrimSpace(parenthetical.ReplaceAllString(s, ""))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Possibly "), "possibly ")
	if c, ok := demonyms[strings.ToLower(s)]; ok {
		return c, true
	}
	return country.Code(s)
}

func (m mapper) addresses(e *embargo.Entity, i int, seen map[string]bool) {
	for _, a := range enumerate(m.rows[i][colAddress]) {
		if seen["addr:"+a] {
			continue
		}
		seen["addr:"+a] = true
		ad := embargo.Address{Full: a}
		if c, ok := m.countryOf(a); ok {
			ad.Country = c
			if !seen["ctry:"+c] {
				seen["ctry:"+c] = true
				e.Countries = append(e.Countries, c)
			}
		}
		e.Addresses = append(e.Addresses, ad)
	}
}

// imoRe finds "IMO number: 5342883", "IMO Identification Number: 618343"
// in Additional Information: the IMO company numbers of shipping firms.
var imoRe = regexp.MustCompile(`IMO\)?(?: Identification)? [Nn]umber:? (\d{6,7})`)

func (m mapper) info(e *embargo.Entity, i int, seen map[string]bool) {
	v := m.rows[i][colInfo]
	if v == "" || seen["info:"+v] {
		return
	}
	seen["info:"+v] = true
	e.Remarks = strings.TrimSpace(v + "\n" + e.Remarks)
	for _, mm := range imoRe.FindAllStringSubmatch(v, -1) {
		if !seen["imo:"+mm[1]] {
			seen["imo:"+mm[1]] = true
			e.Identifiers = append(e.Identifiers, embargo.Identifier{Type: embargo.IMO, Value: mm[1], Note: "IMO company number (Additional Information)"})
		}
	}
}

// listedRe finds the first date of Listing Information ("Listed on 9 Sep.
// 2003", "Listed on:5 August 2017 (amended on ...)", "Listed by UN 1267
// Committee on 25 January 2001").
var listedRe = regexp.MustCompile(`\bon:? ?(\d{1,2} [A-Za-z]{3,9}\.? \d{4})`)

// designation adds one designation per Committees value ("1718 (DPRK)",
// "Autonomous (Russia)") of the listing.
func (m mapper) designation(e *embargo.Entity, i int, base string, seen map[string]bool) {
	r := m.rows[i]
	c := r[colCommittees]
	if seen["com:"+c] {
		return
	}
	seen["com:"+c] = true
	if c == "" && len(e.Designations) > 0 {
		return
	}
	if c == "" {
		m.probs.Add(m.at(i, "Committees"), "no committee or regime given")
	}
	d := embargo.Designation{Authority: Authority, List: List, Program: source.Regime(c), SourceProgram: c, Ref: base}
	if mm := listedRe.FindStringSubmatch(r[colListing]); mm != nil {
		if dt, ok := dayMonthYear(mm[1]); ok {
			d.ListedOn = dt
		}
	}
	e.Designations = append(e.Designations, d)
}

// demonyms maps the adjectives DFAT writes in Citizenship to ISO codes.
var demonyms = map[string]string{
	"afghan": "AF", "afghani": "AF", "algerian": "DZ", "american": "US", "australian": "AU", "azerbaijani": "AZ",
	"bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belarussian": "BY", "belgian": "BE", "bosnian": "BA",
	"british": "GB", "bulgarian": "BG", "burmese": "MM", "cameroonian": "CM", "canadian": "CA", "central african": "CF",
	"chadian": "TD", "chinese": "CN", "congolese": "CD", "cypriot": "CY", "danish": "DK", "dutch": "NL", "egyptian": "EG",
	"emirati": "AE", "eritrean": "ER", "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR",
	"georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR", "guinean": "GN", "indian": "IN", "indonesian": "ID",
	"iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT", "jordanian": "JO", "kazakh": "KZ",
	"kazakhstani": "KZ", "kenyan": "KE", "korean": "KP", "north korean": "KP", "kuwaiti": "KW", "kyrgyz": "KG",
	"latvian": "LV", "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML",
	"mauritanian": "MR", "mauritian": "MU", "moldovan": "MD", "moroccan": "MA", "nigerian": "NG", "nigerien": "NE",
	"norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS", "polish": "PL", "qatari": "QA",
	"romanian": "RO", "russian": "RU", "rwandan": "RW", "saudi": "SA", "saudi arabian": "SA", "senegalese": "SN",
	"serbian": "RS", "singaporean": "SG", "slovak": "SK", "somali": "SO", "south sudanese": "SS", "spanish": "ES",
	"sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "tajik": "TJ", "tajikistani": "TJ",
	"tanzanian": "TZ", "thai": "TH", "trinidadian": "TT", "tunisian": "TN", "turkish": "TR", "türkiyish": "TR",
	"turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "ukranian": "UA", "uzbek": "UZ", "uzbekistani": "UZ",
	"venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "zimbabwean": "ZW", "ussr": "RU", "soviet": "RU",
	"democratic republic of congo": "CD", "united kingdom of great britain": "GB",
}

// countryOf is country.Find, remembered for the parse: the same addresses
// recur on every alias row and across listings.
func (m mapper) countryOf(a string) (string, bool) {
	if c, ok := m.found[a]; ok {
		return c, c != ""
	}
	c, _ := country.Find(a)
	m.found[a] = c
	return c, c != ""
}
