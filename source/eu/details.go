package eu

import (
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
)

// iso checks a countryIso2Code. The FSF writes "00" (countryDescription
// "UNKNOWN") when the country is not known; that is not a problem.
func iso(code string) (string, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" || code == "00" {
		return "", false
	}
	return country.Code(code)
}

func citizenships(cs []citizenship) []string {
	var out []string
	for _, c := range cs {
		if code, ok := iso(c.Country); ok {
			out = appendNew(out, code)
		}
	}
	return out
}

// birthdates maps birthdate: a full birthdate="1965-12-12", or its parts
// (year, monthOfYear, dayOfMonth), or a yearRangeFrom..yearRangeTo;
// circa="true" marks it approximate. Its place attributes give the place
// of birth.
func (m mapper) birthdates(bs []birthdate) ([]embargo.BirthDate, []string) {
	var dates []embargo.BirthDate
	var places []string
	for _, b := range bs {
		if d, ok := m.birthdate(b); ok {
			dates = append(dates, d)
		}
		desc := strings.TrimSpace(b.Description)
		if strings.EqualFold(desc, "UNKNOWN") {
			desc = ""
		}
		places = appendNew(places, joinNonEmpty(", ", strings.TrimSpace(b.Place), strings.TrimSpace(b.City), strings.TrimSpace(b.Region), desc))
	}
	return dates, places
}

func (m mapper) birthdate(b birthdate) (embargo.BirthDate, bool) {
	out := embargo.BirthDate{Approx: strings.EqualFold(strings.TrimSpace(b.Circa), "true")}
	if cal := strings.ToUpper(strings.TrimSpace(b.Calendar)); cal != "" && cal != "GREGORIAN" {
		m.add("birthdate/calendarType", "calendar %s: date read as written", cal)
	}
	var err error
	switch {
	case strings.TrimSpace(b.Date) != "":
		out.Date, err = embargo.ParseDate(b.Date)
	case strings.TrimSpace(b.Year) != "":
		out.Date, err = parts(b.Year, b.Month, b.Day)
	case strings.TrimSpace(b.YearFrom) != "":
		if out.Date, err = parts(b.YearFrom, "", ""); err == nil && strings.TrimSpace(b.YearTo) != "" {
			out.To, err = parts(b.YearTo, "", "")
		}
	default:
		return out, false // a birthdate element giving only a place
	}
	if err != nil {
		m.add("birthdate", "%v", err)
		return out, false
	}
	return out, true
}

// parts builds a date from year, month and day attributes (month and day may
// be empty).
func parts(y, mo, d string) (embargo.Date, error) {
	var n [3]int
	for i, s := range []string{y, mo, d} {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			return embargo.Date{}, &embargo.Error{Kind: embargo.EINVALID, Message: "date part " + strconv.Quote(s) + " is not a number"}
		}
		n[i] = v
	}
	date := embargo.Date{Year: n[0], Month: n[1], Day: n[2]}
	if date.Month == 0 {
		date.Day = 0 // a day without its month says nothing usable
	}
	return date, date.Validate()
}

// idType maps identificationTypeCode.
func idType(code string) embargo.IDType {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "passport":
		return embargo.Passport
	case "id":
		return embargo.NationalID
	case "regnumber":
		return embargo.Registration
	case "fiscalcode", "tax", "taxid":
		return embargo.TaxID
	case "swiftbic":
		return embargo.SWIFT
	case "imo":
		return embargo.IMO
	}
	return embargo.OtherID
}

// identifiers maps identification; the FSF's flags (known false, expired,
// lost, revoked, diplomatic) and remarks go into Note with its description.
func (m mapper) identifiers(ids []identification) []embargo.Identifier {
	var out []embargo.Identifier
	for _, i := range ids {
		num := strings.TrimSpace(i.Number)
		if num == "" {
			num = strings.TrimSpace(i.LatinNumber)
		}
		if num == "" {
			m.add("identification", "%s without number; not kept as an identifier", strings.TrimSpace(i.TypeDesc))
			continue
		}
		note := []string{strings.TrimSpace(i.TypeDesc)}
		for _, f := range []struct{ v, label string }{
			{i.KnownFalse, "known false"}, {i.KnownExpired, "known expired"}, {i.ReportedLost, "reported lost"},
			{i.Revoked, "revoked by issuer"}, {i.Diplomatic, "diplomatic"},
		} {
			if strings.EqualFold(strings.TrimSpace(f.v), "true") {
				note = append(note, f.label)
			}
		}
		if by := strings.TrimSpace(i.IssuedBy); by != "" {
			note = append(note, "issued by "+by)
		}
		note = append(note, trimAll(i.Remarks)...)
		id := embargo.Identifier{Type: idType(i.TypeCode), Value: num, Note: joinNonEmpty("; ", note...)}
		id.Country, _ = iso(i.Country)
		out = append(out, id)
	}
	return out
}

// addresses maps address; place (a locality in words) and poBox go with
// the street. The countries also go to Entity.Countries.
func addresses(as []address) ([]embargo.Address, []string) {
	var out []embargo.Address
	var countries []string
	for _, a := range as {
		po := strings.TrimSpace(a.POBox)
		if po != "" {
			po = "P.O. Box " + po
		}
		ad := embargo.Address{
			Street:     joinNonEmpty(", ", strings.TrimSpace(a.Street), strings.TrimSpace(a.Place), po),
			City:       strings.TrimSpace(a.City),
			Region:     strings.TrimSpace(a.Region),
			PostalCode: strings.TrimSpace(a.Zip),
		}
		if c, ok := iso(a.Country); ok {
			ad.Country = c
			countries = appendNew(countries, c)
		}
		if ad != (embargo.Address{}) {
			out = append(out, ad)
		}
	}
	return out, countries
}
