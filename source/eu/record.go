package eu

import (
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// entity is one sanctionEntity (FSF XML 1.1). Element tags carry no
// namespace so that they match the default namespace of the file, or none.
type entity struct {
	LogicalID       string           `xml:"logicalId,attr"`
	EURef           string           `xml:"euReferenceNumber,attr"`
	UNID            string           `xml:"unitedNationId,attr"`
	DesignationDate string           `xml:"designationDate,attr"`
	Details         string           `xml:"designationDetails,attr"`
	Remarks         []string         `xml:"remark"`
	Regulations     []regulation     `xml:"regulation"`
	Subject         subjectType      `xml:"subjectType"`
	Names           []nameAlias      `xml:"nameAlias"`
	Citizenships    []citizenship    `xml:"citizenship"`
	Birthdates      []birthdate      `xml:"birthdate"`
	Identifications []identification `xml:"identification"`
	Addresses       []address        `xml:"address"`
}

type regulation struct {
	Type            string `xml:"regulationType,attr"`
	PublicationDate string `xml:"publicationDate,attr"`
	NumberTitle     string `xml:"numberTitle,attr"`
	Programme       string `xml:"programme,attr"`
}

type subjectType struct {
	Code           string `xml:"code,attr"`
	Classification string `xml:"classificationCode,attr"`
}

type nameAlias struct {
	First    string   `xml:"firstName,attr"`
	Middle   string   `xml:"middleName,attr"`
	Last     string   `xml:"lastName,attr"`
	Whole    string   `xml:"wholeName,attr"`
	Function string   `xml:"function,attr"`
	Title    string   `xml:"title,attr"`
	Gender   string   `xml:"gender,attr"`
	Language string   `xml:"nameLanguage,attr"`
	Strong   string   `xml:"strong,attr"`
	Remarks  []string `xml:"remark"`
}

type citizenship struct {
	Country     string `xml:"countryIso2Code,attr"`
	Description string `xml:"countryDescription,attr"`
}

type birthdate struct {
	Circa       string `xml:"circa,attr"`
	Calendar    string `xml:"calendarType,attr"`
	Date        string `xml:"birthdate,attr"`
	Day         string `xml:"dayOfMonth,attr"`
	Month       string `xml:"monthOfYear,attr"`
	Year        string `xml:"year,attr"`
	YearFrom    string `xml:"yearRangeFrom,attr"`
	YearTo      string `xml:"yearRangeTo,attr"`
	City        string `xml:"city,attr"`
	Place       string `xml:"place,attr"`
	Region      string `xml:"region,attr"`
	Country     string `xml:"countryIso2Code,attr"`
	Description string `xml:"countryDescription,attr"`
}

type identification struct {
	Number       string   `xml:"number,attr"`
	LatinNumber  string   `xml:"latinNumber,attr"`
	TypeCode     string   `xml:"identificationTypeCode,attr"`
	TypeDesc     string   `xml:"identificationTypeDescription,attr"`
	Country      string   `xml:"countryIso2Code,attr"`
	IssuedBy     string   `xml:"issuedBy,attr"`
	Diplomatic   string   `xml:"diplomatic,attr"`
	KnownExpired string   `xml:"knownExpired,attr"`
	KnownFalse   string   `xml:"knownFalse,attr"`
	ReportedLost string   `xml:"reportedLost,attr"`
	Revoked      string   `xml:"revokedByIssuer,attr"`
	Remarks      []string `xml:"remark"`
}

type address struct {
	Street  string   `xml:"street,attr"`
	City    string   `xml:"city,attr"`
	Zip     string   `xml:"zipCode,attr"`
	Region  string   `xml:"region,attr"`
	Place   string   `xml:"place,attr"`
	POBox   string   `xml:"poBox,attr"`
	Country string   `xml:"countryIso2Code,attr"`
	Remarks []string `xml:"remark"`
}

type mapper struct {
	pos   source.Pos
	probs *source.ErrorList
}

func (m mapper) add(field, format string, args ...any) {
	p := m.pos
	p.Field = field
	m.probs.Add(p, format, args...)
}

func (m mapper) entity(r *entity) embargo.Entity {
	id := strings.TrimSpace(r.LogicalID)
	e := embargo.Entity{
		ID:     embargo.EntityID(Source, id),
		Source: Source,
		Schema: m.schema(r.Subject),
	}
	e.Names, e.Gender, e.Titles, e.Positions = m.names(r.Names)
	e.Designations = m.designations(r)
	e.Citizenship = citizenships(r.Citizenships)
	e.BirthDates, e.BirthPlaces = m.birthdates(r.Birthdates)
	e.Identifiers = m.identifiers(r.Identifications)
	e.Addresses, e.Countries = addresses(r.Addresses)
	e.Remarks = joinNonEmpty("\n", remarks(r)...)
	return e
}

// remarks gathers the sanctionEntity's remarks, its designationDetails and
// the remarks of its names and addresses (which have no field of their
// own: "Italian Fiscal Code: ..." sits under an address), once each.
func remarks(r *entity) []string {
	var out []string
	for _, s := range trimAll(r.Remarks) {
		out = appendNew(out, s)
	}
	out = appendNew(out, strings.TrimSpace(r.Details))
	for _, n := range r.Names {
		for _, s := range trimAll(n.Remarks) {
			out = appendNew(out, s)
		}
	}
	for _, a := range r.Addresses {
		for _, s := range trimAll(a.Remarks) {
			out = appendNew(out, s)
		}
	}
	return out
}

// schema maps subjectType: code "person" (P) or "enterprise" (E). The FSF
// has no vessel type; ships are listed as enterprises.
func (m mapper) schema(s subjectType) embargo.Schema {
	switch strings.ToLower(strings.TrimSpace(s.Code)) {
	case "person":
		return embargo.Person
	case "enterprise":
		return embargo.Organization
	}
	switch strings.ToUpper(strings.TrimSpace(s.Classification)) {
	case "P":
		return embargo.Person
	case "E":
		return embargo.Organization
	}
	m.add("subjectType", "unknown subjectType code %q; kept as Thing", s.Code)
	return embargo.Thing
}

// names maps nameAlias. The FSF marks no name as the main one; the first is
// taken as primary. strong="false" marks a weak alias. Gender, function and
// title are attributes of each nameAlias.
func (m mapper) names(as []nameAlias) (names []embargo.Name, gender string, titles, positions []string) {
	for _, a := range as {
		n := embargo.Name{
			Full:   strings.TrimSpace(a.Whole),
			Kind:   embargo.AliasName,
			Lang:   strings.ToLower(strings.TrimSpace(a.Language)),
			Given:  strings.TrimSpace(a.First),
			Middle: strings.TrimSpace(a.Middle),
			Family: strings.TrimSpace(a.Last),
		}
		if n.Full == "" {
			n.Full = joinNonEmpty(" ", n.Given, n.Middle, n.Family)
		}
		if n.Full == "" {
			continue // an alias with only empty attributes names nothing
		}
		if len(names) == 0 {
			n.Kind = embargo.PrimaryName
		}
		switch strings.ToLower(strings.TrimSpace(a.Strong)) {
		case "true", "":
			n.Quality = embargo.Strong
		case "false":
			n.Quality = embargo.Weak
		default:
			m.add("nameAlias/strong", "%q: unknown strong=%q", n.Full, a.Strong)
		}
		n.Script = normalize.DetectScript(n.Full)
		names = append(names, n)
		if g := m.gender(a.Gender); g != "" {
			gender = g
		}
		titles = appendNew(titles, strings.TrimSpace(a.Title))
		positions = appendNew(positions, strings.TrimSpace(a.Function))
	}
	if len(names) == 0 {
		m.add("nameAlias", "record has no name")
	}
	return names, gender, titles, positions
}

func (m mapper) gender(g string) string {
	switch strings.ToUpper(strings.TrimSpace(g)) {
	case "":
		return ""
	case "M":
		return "male"
	case "F":
		return "female"
	}
	m.add("nameAlias/gender", "unknown gender %q", g)
	return ""
}

// designations makes one designation per programme. ListedOn is the
// designationDate of the sanctionEntity; when it is absent (some records
// lack it), the earliest publicationDate of that programme's regulations.
func (m mapper) designations(r *entity) []embargo.Designation {
	ref := strings.TrimSpace(r.EURef)
	if ref == "" {
		ref = strings.TrimSpace(r.LogicalID)
	}
	var cross []string
	if un := strings.TrimSpace(r.UNID); un != "" {
		cross = []string{embargo.EntityID("un", un)}
	}
	listed := m.date("designationDate", r.DesignationDate)
	var out []embargo.Designation
	for _, reg := range r.Regulations {
		prog := strings.TrimSpace(reg.Programme)
		pub := m.date("regulation/publicationDate", reg.PublicationDate)
		i := indexProgram(out, prog)
		if i < 0 {
			out = append(out, embargo.Designation{Authority: Authority, List: List, SourceProgram: prog,
				Program: regime(prog), Ref: ref, ListedOn: listed, CrossRefs: cross})
			i = len(out) - 1
		}
		if listed.IsZero() && !pub.IsZero() && (out[i].ListedOn.IsZero() || pub.Before(out[i].ListedOn)) {
			out[i].ListedOn = pub
		}
	}
	if len(out) == 0 {
		m.add("regulation", "record has no regulation; designation kept without programme")
		out = append(out, embargo.Designation{Authority: Authority, List: List, Ref: ref, ListedOn: listed, CrossRefs: cross})
	}
	return out
}

// regime normalises a programme code. Most FSF programmes are the ISO
// alpha-3 code of the country concerned ("CAF", "GNB", "YEM"); those that
// source.Regime does not know are tried by the country's name.
func regime(prog string) string {
	if r := source.Regime(prog); r != "" || len(prog) != 3 {
		return r
	}
	if c, ok := country.Code(prog); ok {
		return source.Regime(country.Name(c))
	}
	return ""
}

func indexProgram(ds []embargo.Designation, prog string) int {
	for i, d := range ds {
		if d.SourceProgram == prog {
			return i
		}
	}
	return -1
}

func (m mapper) date(field, s string) embargo.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return embargo.Date{}
	}
	d, err := embargo.ParseDate(s[:min(len(s), 10)])
	if err != nil {
		m.add(field, "%v", err)
	}
	return d
}

func trimAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, strings.TrimSpace(s))
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

// appendNew appends s unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}
