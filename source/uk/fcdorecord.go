package uk

import (
	"strconv"
	"strings"

	"embargo"
	"embargo/source"
)

// designation is one <Designation> of the UK Sanctions List XML. Element
// names are those of sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml
// (2025-2026); values carry stray spaces and are cleaned on use.
type designation struct {
	DateDesignated string    `xml:"DateDesignated"`
	UniqueID       string    `xml:"UniqueID"`
	OFSIGroupID    string    `xml:"OFSIGroupID"`
	UNRef          string    `xml:"UNReferenceNumber"`
	Names          []xmlName `xml:"Names>Name"`
	NonLatin       []struct {
		Name string `xml:"NameNonLatinScript"`
		Lang string `xml:"NonLatinScriptLanguage"`
	} `xml:"NonLatinNames>NonLatinName"`
	Titles        []string      `xml:"Titles>Title"`
	Regime        string        `xml:"RegimeName"`
	Imposed       string        `xml:"SanctionsImposed"`
	Kind          string        `xml:"IndividualEntityShip"`
	Other         string        `xml:"OtherInformation"`
	Reasons       string        `xml:"UKStatementofReasons"`
	Addresses     []xmlAddress  `xml:"Addresses>Address"`
	Individual    xmlIndividual `xml:"IndividualDetails>Individual"`
	Registrations []string      `xml:"EntityDetails>Entity>BusinessRegistrationNumbers>BusinessRegistrationNumber"`
	Ship          xmlShip       `xml:"ShipDetails>Ship"`
}

type xmlName struct {
	Name1    string `xml:"Name1"`
	Name2    string `xml:"Name2"`
	Name3    string `xml:"Name3"`
	Name4    string `xml:"Name4"`
	Name5    string `xml:"Name5"`
	Name6    string `xml:"Name6"`
	Type     string `xml:"NameType"`
	Strength string `xml:"AliasStrength"`
}

type xmlAddress struct {
	L1      string `xml:"AddressLine1"`
	L2      string `xml:"AddressLine2"`
	L3      string `xml:"AddressLine3"`
	L4      string `xml:"AddressLine4"`
	L5      string `xml:"AddressLine5"`
	L6      string `xml:"AddressLine6"`
	Postal  string `xml:"AddressPostalCode"`
	Country string `xml:"AddressCountry"`
}

type xmlIndividual struct {
	DOBs      []string `xml:"DOBs>DOB"`
	Passports []struct {
		Number string `xml:"PassportNumber"`
		Info   string `xml:"PassportAdditionalInformation"`
	} `xml:"PassportDetails>Passport"`
	NationalIDs []struct {
		Number string `xml:"NationalIdentifierNumber"`
		Info   string `xml:"NationalIdentifierAdditionalInformation"`
	} `xml:"NationalIdentifierDetails>NationalIdentifier"`
	Nationalities []string `xml:"Nationalities>Nationality"`
	Positions     []string `xml:"Positions>Position"`
	Genders       []string `xml:"Genders>Gender"`
	Births        []struct {
		Town    string `xml:"TownOfBirth"`
		Country string `xml:"CountryOfBirth"`
	} `xml:"BirthDetails>Location"`
}

type xmlShip struct {
	IMOs     []string `xml:"IMONumbers>IMONumber"`
	Owners   []string `xml:"CurrentOwnerOperators>CurrentOwnerOperator"`
	Flags    []string `xml:"CurrentBelievedFlagOfShips>CurrentBelievedFlagOfShip"`
	Types    []string `xml:"TypeOfShipDetails>TypeOfShip"`
	Tonnages []string `xml:"TonnageOfShipDetails>TonnageOfShip"`
	Built    []string `xml:"YearsBuilt>YearBuilt"`
}

// fcdoMapper turns one designation into an entity, reporting what it
// cannot read at pos.
type fcdoMapper struct {
	pos   source.Pos
	probs *source.ErrorList
	e     embargo.Entity
	seen  map[string]bool
}

func (m *fcdoMapper) problem(field, format string, args ...any) {
	p := m.pos
	p.Field = field
	m.probs.Add(p, format, args...)
}

func (m *fcdoMapper) once(field, v string) bool {
	k := field + "\x00" + v
	if m.seen[k] {
		return false
	}
	m.seen[k] = true
	return true
}

// entity maps the designation; a designation without UniqueID is skipped.
func (r *designation) entity(file string, n int, probs *source.ErrorList) (embargo.Entity, bool) {
	id := clean(r.UniqueID)
	if id == "" {
		probs.Skip(source.Pos{File: file, Record: "Designation " + strconv.Itoa(n), Field: "UniqueID"}, "no UniqueID: the designation has no id")
		return embargo.Entity{}, false
	}
	m := &fcdoMapper{pos: source.Pos{File: file, Record: id}, probs: probs, seen: map[string]bool{}}
	m.e = embargo.Entity{ID: embargo.EntityID(FCDOSource, id), Source: FCDOSource}
	kind := clean(r.Kind)
	s, ok := embargo.ParseSchema(kind)
	if !ok {
		m.problem("IndividualEntityShip", "unknown kind %q; read as Thing", kind)
		s = embargo.Thing
	}
	m.e.Schema = s
	m.names(r)
	m.individual(&r.Individual)
	m.addresses(r.Addresses)
	m.ship(&r.Ship)
	for _, t := range r.Titles {
		if t = clean(t); t != "" && m.once("title", t) {
			m.e.Titles = append(m.e.Titles, t)
		}
	}
	for _, v := range r.Registrations {
		if v = clean(v); v != "" && m.once("reg", v) {
			m.e.Identifiers = append(m.e.Identifiers, embargo.Identifier{Type: embargo.Registration, Value: v})
		}
	}
	m.e.Remarks = joinNonEmpty([]string{imposed(r.Imposed), clean(r.Other), strings.TrimSpace(r.Reasons)}, "\n")
	m.designation(r, id)
	return m.e, true
}

// names reads Name1..Name6 with NameType, whose casing varies ("Primary
// name", "Primary Name", "Primary Name Variation", "ALias").
func (m *fcdoMapper) names(r *designation) {
	var prim, orig, rest []embargo.Name // names in this order: the original script before aliases that copy it
	for _, x := range r.Names {
		n := personName([6]string{x.Name1, x.Name2, x.Name3, x.Name4, x.Name5, x.Name6}, m.e.Schema == embargo.Person)
		if n.Full == "" {
			continue
		}
		switch t := strings.ToLower(clean(x.Type)); t {
		case "primary name":
			n.Kind = embargo.PrimaryName
			prim = append(prim, n)
			continue
		case "alias", "primary name variation":
			n.Kind = embargo.AliasName
		default:
			m.problem("NameType", "unknown name type %q; read as an alias", clean(x.Type))
			n.Kind = embargo.AliasName
		}
		n.Quality = quality(x.Strength)
		rest = append(rest, n)
	}
	for _, x := range r.NonLatin {
		if v := clean(x.Name); v != "" {
			o := personName([6]string{5: v}, false)
			o.Kind, o.Lang = embargo.OriginalName, clean(x.Lang)
			orig = append(orig, o)
		}
	}
	if len(prim) == 0 {
		prim, rest, orig = promote(rest, orig)
		if len(prim) > 0 {
			m.problem("Names", "no Primary name; the first name is taken as primary")
		}
	}
	for _, n := range append(append(prim, orig...), rest...) {
		if m.once("name", n.Full) {
			m.e.Names = append(m.e.Names, n)
		}
	}
	if len(m.e.Names) == 0 {
		m.problem("Names", "no name; the entity is kept under its UniqueID")
		m.e.Names = []embargo.Name{{Full: clean(r.UniqueID), Kind: embargo.PrimaryName}}
	}
}

// individual reads the person's dates and places of birth, documents,
// nationalities, positions and gender.
func (m *fcdoMapper) individual(x *xmlIndividual) {
	for _, v := range x.DOBs {
		d, err := ukDate(v)
		if err != nil {
			m.problem("DOB", "%v", err)
		} else if !d.IsZero() && m.once("dob", d.String()) {
			m.e.BirthDates = append(m.e.BirthDates, embargo.BirthDate{Date: d})
		}
	}
	for _, b := range x.Births {
		if p := joinNonEmpty([]string{clean(b.Town), clean(b.Country)}, ", "); p != "" && m.once("birthplace", p) {
			m.e.BirthPlaces = append(m.e.BirthPlaces, p)
		}
	}
	for _, p := range x.Passports {
		m.document(embargo.Passport, p.Number, p.Info)
	}
	for _, p := range x.NationalIDs {
		m.document(embargo.NationalID, p.Number, p.Info)
	}
	for _, v := range x.Nationalities {
		m.country(&m.e.Nationality, "Nationality", v)
	}
	// Positions are sometimes several in one element, split by "|".
	for _, v := range x.Positions {
		for _, p := range strings.Split(v, "|") {
			if p = clean(p); p != "" && m.once("position", p) {
				m.e.Positions = append(m.e.Positions, p)
			}
		}
	}
	for _, v := range x.Genders {
		if g := gender(v); g != "" {
			m.e.Gender = g
		} else if clean(v) != "" {
			m.problem("Gender", "%q is neither Male nor Female", clean(v))
		}
	}
}

func (m *fcdoMapper) document(typ embargo.IDType, number, info string) {
	if number = clean(number); number != "" && m.once(string(typ), number) {
		m.e.Identifiers = append(m.e.Identifiers, embargo.Identifier{Type: typ, Value: number, Note: clean(info)})
	}
}

func (m *fcdoMapper) country(list *[]string, field, v string) string {
	if v = clean(v); v == "" {
		return ""
	}
	code, ok := countryCode(v)
	if !ok {
		m.problem(field, "country %q not recognised", v)
		return ""
	}
	if m.once(field, code) {
		*list = append(*list, code)
	}
	return code
}

func (m *fcdoMapper) addresses(as []xmlAddress) {
	for _, a := range as {
		lines := []string{clean(a.L1), clean(a.L2), clean(a.L3), clean(a.L4), clean(a.L5), clean(a.L6), clean(a.Postal), clean(a.Country)}
		ad := embargo.Address{Full: joinNonEmpty(lines, ", "), PostalCode: clean(a.Postal)}
		if ad.Full == "" {
			continue
		}
		ad.Country = m.country(&m.e.Countries, "AddressCountry", a.Country)
		if m.once("address", ad.Full) {
			m.e.Addresses = append(m.e.Addresses, ad)
		}
	}
}

// ship reads <ShipDetails>: IMO numbers ("IMO9562233"), flag, type, tonnage,
// owner and year built.
func (m *fcdoMapper) ship(s *xmlShip) {
	for _, v := range s.IMOs {
		if v = clean(v); v == "" {
			continue
		}
		if mm := imoRe.FindStringSubmatch(v); mm != nil {
			if m.once("imo", mm[1]) {
				m.e.Identifiers = append(m.e.Identifiers, embargo.Identifier{Type: embargo.IMO, Value: mm[1]})
			}
		} else {
			m.problem("IMONumber", "%q has no seven-digit number", v)
		}
	}
	vi := embargo.VesselInfo{Type: firstClean(s.Types), Tonnage: firstClean(s.Tonnages), Owner: firstClean(s.Owners)}
	for _, f := range s.Flags {
		if c := m.country(&m.e.Countries, "CurrentBelievedFlagOfShip", f); c != "" && vi.Flag == "" {
			vi.Flag = c
		}
	}
	for _, y := range s.Built {
		if d, err := ukDate(y); err != nil {
			m.problem("YearBuilt", "%v", err)
		} else if !d.IsZero() && m.once("built", d.String()) {
			m.e.BirthDates = append(m.e.BirthDates, embargo.BirthDate{Date: d})
		}
	}
	if vi != (embargo.VesselInfo{}) {
		m.e.Vessel = &vi
	}
}

func firstClean(vs []string) string {
	for _, v := range vs {
		if v = clean(v); v != "" {
			return v
		}
	}
	return ""
}

// designation builds the one designation: Ref is the UniqueID; the OFSI
// group id and the UN reference become cross references.
func (m *fcdoMapper) designation(r *designation, id string) {
	regime := clean(r.Regime)
	d := embargo.Designation{Authority: FCDOAuthority, List: FCDOList, Program: source.Regime(regime),
		SourceProgram: regime, Ref: id}
	if v := clean(r.DateDesignated); v != "" {
		if date, err := ukDate(v); err != nil {
			m.problem("DateDesignated", "%v", err)
		} else {
			d.ListedOn = date
		}
	}
	if g := clean(r.OFSIGroupID); g != "" {
		d.CrossRefs = append(d.CrossRefs, embargo.EntityID(ConListSource, g))
	}
	if v := clean(r.UNRef); v != "" {
		refs, slips := unRefs(v)
		if len(refs) == 0 {
			m.problem("UNReferenceNumber", "%q is not a UN reference like KPi.033", v)
		}
		for _, s := range slips {
			m.problem("UNReferenceNumber", "read %s", s)
		}
		for _, ref := range refs {
			d.CrossRefs = append(d.CrossRefs, embargo.EntityID("un", ref))
		}
	}
	m.e.Designations = []embargo.Designation{d}
}

// imposed words SanctionsImposed ("Asset freeze|Travel Ban") for Remarks;
// the boolean SanctionsImposedIndicators block says the same and is not read.
func imposed(s string) string {
	var parts []string
	for _, p := range strings.Split(s, "|") {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Sanctions imposed: " + strings.Join(parts, ", ") + "."
}
