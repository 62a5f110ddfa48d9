package unsc

import (
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// record is one INDIVIDUAL or ENTITY (sc-sanctions.xsd). ENTITY uses a
// subset of the INDIVIDUAL elements, so one type reads both. Tags carry no
// namespace, so they match whatever namespace the file uses.
type record struct {
	DataID       string     `xml:"DATAID"`
	First        string     `xml:"FIRST_NAME"`
	Second       string     `xml:"SECOND_NAME"`
	Third        string     `xml:"THIRD_NAME"`
	Fourth       string     `xml:"FOURTH_NAME"`
	ListType     string     `xml:"UN_LIST_TYPE"`
	Ref          string     `xml:"REFERENCE_NUMBER"`
	ListedOn     string     `xml:"LISTED_ON"`
	Gender       string     `xml:"GENDER"`
	Original     string     `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments     string     `xml:"COMMENTS1"`
	Nationality2 string     `xml:"NATIONALITY2"`
	Titles       []string   `xml:"TITLE>VALUE"`
	Designation  []string   `xml:"DESIGNATION>VALUE"`
	Nationality  []string   `xml:"NATIONALITY>VALUE"`
	Aliases      []alias    `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []alias    `xml:"ENTITY_ALIAS"`
	Addresses    []address  `xml:"INDIVIDUAL_ADDRESS"`
	EntAddress   []address  `xml:"ENTITY_ADDRESS"`
	DOBs         []dob      `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	POBs         []place    `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents    []document `xml:"INDIVIDUAL_DOCUMENT"`
	DelistedOn   string     `xml:"DELISTED_ON"`
}

type alias struct {
	Quality     string `xml:"QUALITY"`
	Name        string `xml:"ALIAS_NAME"`
	DateOfBirth string `xml:"DATE_OF_BIRTH"`
	Note        string `xml:"NOTE"`
}

type address struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type place struct {
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type document struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	DateOfIssue    string `xml:"DATE_OF_ISSUE"`
	CityOfIssue    string `xml:"CITY_OF_ISSUE"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
	Note           string `xml:"NOTE"`
}

// clean trims a value and drops "na", the schema's default for "not
// available" (sc-sanctions.xsd: SECOND_NAME..FOURTH_NAME default="na"; TAi.153
// has <FOURTH_NAME>na</FOURTH_NAME>).
func clean(s string) string {
	s = strings.TrimSpace(s)
	if s == "na" {
		return ""
	}
	return s
}

// mapper turns one record into an entity, reporting problems at pos.
type mapper struct {
	pos   source.Pos
	probs *source.ErrorList
}

func (m mapper) add(field, format string, args ...any) {
	p := m.pos
	p.Field = field
	m.probs.Add(p, format, args...)
}

func (m mapper) entity(kind string, r *record) embargo.Entity {
	ref := clean(r.Ref)
	e := embargo.Entity{
		ID:      embargo.EntityID(Source, ref),
		Source:  Source,
		Schema:  embargo.Person,
		Remarks: strings.TrimSpace(r.Comments),
	}
	if kind == "ENTITY" {
		// The UN list has no vessel or aircraft type: every ENTITY is an
		// organisation (ships appear as entities only through their owners).
		e.Schema = embargo.Organization
	}
	e.Names = m.names(r, e.Schema)
	e.Designations = []embargo.Designation{m.designation(r, ref)}
	e.Gender = m.gender(r.Gender)
	e.Titles = values(r.Titles)
	e.Positions = values(r.Designation)
	e.Nationality = m.countries("NATIONALITY", append(r.Nationality, r.Nationality2))
	e.BirthDates = m.birthDates(r)
	e.BirthPlaces = m.birthPlaces(r.POBs)
	e.Identifiers = m.documents(r.Documents)
	e.Addresses, e.Countries = m.addresses(append(r.Addresses, r.EntAddress...))
	if d := clean(r.DelistedOn); d != "" {
		m.add("DELISTED_ON", "record says it was delisted on %s but is still in the list; kept", d)
	}
	return e
}

// names builds the primary name from FIRST_NAME..FOURTH_NAME, then the
// aliases and the original-script name.
func (m mapper) names(r *record, schema embargo.Schema) []embargo.Name {
	var parts []string
	for _, p := range []string{r.First, r.Second, r.Third, r.Fourth} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	var names []embargo.Name
	if len(parts) == 0 {
		m.add("FIRST_NAME", "record has no name")
	} else {
		n := embargo.Name{Full: strings.Join(parts, " "), Kind: embargo.PrimaryName, Script: normalize.DetectScript(strings.Join(parts, " "))}
		if schema == embargo.Person {
			nameParts(&n, parts, clean(r.Ref))
		}
		names = append(names, n)
	}
	for _, a := range append(r.Aliases, r.EntAliases...) {
		names = append(names, m.alias(a)...)
	}
	if o := clean(r.Original); o != "" {
		names = append(names, embargo.Name{Full: o, Kind: embargo.OriginalName, Script: normalize.DetectScript(o)})
	}
	return names
}

// nameParts fills Given and Family only where the list's order is known:
// two parts only. DPRK records (KPi.*) write the surname first ("RI" "WON
// HO"); the others with two parts write the given name first ("ERIC"
// "BADEGE"). Three or four parts are Arabic-style name chains with no
// given/family split, so they stay in Full alone.
func nameParts(n *embargo.Name, parts []string, ref string) {
	if len(parts) != 2 {
		return
	}
	if strings.HasPrefix(ref, "KP") {
		n.Family, n.Given = parts[0], parts[1]
		return
	}
	n.Given, n.Family = parts[0], parts[1]
}

// alias maps INDIVIDUAL_ALIAS / ENTITY_ALIAS. QUALITY is Good or Low for
// individuals (the UN's own judgement) and a.k.a. / f.k.a. for entities and
// some individuals. Empty aliases (<QUALITY/><ALIAS_NAME/>) are the list's
// placeholder for "none". An alias written "Abubakar (original script:
// Абубакар)" (six in the 2026-02-27 list) is two names: the Latin alias and
// the same alias in its own script, as NAME_ORIGINAL_SCRIPT gives the
// primary name's; kept whole, "original" and "script" were words of the name.
func (m mapper) alias(a alias) []embargo.Name {
	full := clean(a.Name)
	if full == "" {
		return nil
	}
	var orig string
	if i := strings.Index(full, "(original script:"); i > 0 && strings.HasSuffix(full, ")") {
		full, orig = strings.TrimSpace(full[:i]), strings.TrimSpace(full[i+len("(original script:"):len(full)-1])
	}
	n := embargo.Name{Full: full, Kind: embargo.AliasName, Script: normalize.DetectScript(full)}
	switch q := strings.ToLower(strings.TrimSpace(a.Quality)); q {
	case "good":
		n.Quality = embargo.Strong
	case "low":
		n.Quality = embargo.Low
	case "a.k.a.", "a.k.a", "aka", "":
	case "f.k.a.", "f.k.a", "fka":
		n.Kind = embargo.FormerName
	default:
		m.add("QUALITY", "alias %q has unknown QUALITY %q; kept as an alias", full, a.Quality)
	}
	if orig == "" {
		return []embargo.Name{n}
	}
	return []embargo.Name{n, {Full: orig, Kind: embargo.OriginalName, Script: normalize.DetectScript(orig)}}
}

func (m mapper) designation(r *record, ref string) embargo.Designation {
	d := embargo.Designation{
		Authority:     Authority,
		List:          List,
		SourceProgram: clean(r.ListType),
		Program:       source.Regime(regimeName(clean(r.ListType))),
		Ref:           ref,
	}
	if v := clean(r.ListedOn); v != "" {
		on, err := embargo.ParseDate(xsDate(v))
		if err != nil {
			m.add("LISTED_ON", "%v", err)
		}
		d.ListedOn = on
	}
	return d
}

// listNames spells out the UN_LIST_TYPE codes that are not words, so that
// source.Regime can read them: "GB" is the Guinea-Bissau committee (2048),
// not Great Britain.
var listNames = map[string]string{"CAR": "Central African Republic", "GB": "Guinea-Bissau"}

func regimeName(code string) string {
	if n, ok := listNames[code]; ok {
		return n
	}
	return code
}

// xsDate drops the time zone an xs:date may carry: LISTED_ON is
// "2015-07-01-04:00" in SSi.003 and a few others (XML Schema part 2, 3.2.9).
func xsDate(s string) string {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		switch z := s[10:]; {
		case z == "Z", len(z) == 6 && (z[0] == '-' || z[0] == '+') && z[3] == ':':
			return s[:10]
		}
	}
	return s
}

func (m mapper) gender(g string) string {
	switch strings.ToLower(clean(g)) {
	case "":
		return ""
	case "male":
		return "male"
	case "female":
		return "female"
	}
	m.add("GENDER", "unknown GENDER %q; left unset", g)
	return ""
}

// values trims a VALUE list and drops empty entries.
func values(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = clean(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// countries turns country names into ISO codes, once each.
func (m mapper) countries(field string, names []string) []string {
	var out []string
	for _, v := range values(names) {
		c, ok := m.country(field, v)
		if ok && !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func (m mapper) country(field, name string) (string, bool) {
	c, ok := country.Code(name)
	if !ok {
		m.add(field, "unknown country %q", name)
	}
	return c, ok
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// addresses maps INDIVIDUAL_ADDRESS / ENTITY_ADDRESS; an address with no
// part is the list's placeholder. The countries found also go to
// Entity.Countries.
func (m mapper) addresses(as []address) ([]embargo.Address, []string) {
	var out []embargo.Address
	var countries []string
	for _, a := range as {
		ad := embargo.Address{Street: clean(a.Street), City: clean(a.City), Region: clean(a.State), PostalCode: clean(a.Zip)}
		if cn := clean(a.Country); cn != "" {
			if c, ok := m.country("ADDRESS/COUNTRY", cn); ok {
				ad.Country = c
				if !contains(countries, c) {
					countries = append(countries, c)
				}
			} else {
				// Keep the country's words rather than lose them.
				ad.Full = joinNonEmpty(", ", ad.Street, ad.City, ad.Region, ad.PostalCode, cn)
			}
		}
		if ad == (embargo.Address{}) {
			continue
		}
		out = append(out, ad)
	}
	return out, countries
}

// birthPlaces joins INDIVIDUAL_PLACE_OF_BIRTH parts as the list writes them.
func (m mapper) birthPlaces(ps []place) []string {
	var out []string
	for _, p := range ps {
		s := joinNonEmpty(", ", clean(p.City), clean(p.State), clean(p.Country))
		if note := clean(p.Note); note != "" {
			s = joinNonEmpty(" ", s, "("+note+")")
		}
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
