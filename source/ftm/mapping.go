package ftm

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// schemata maps the screenable FtM schemata.
var schemata = map[string]embargo.Schema{
	"Person": embargo.Person, "Organization": embargo.Organization, "Company": embargo.Organization,
	"LegalEntity": embargo.Organization, "PublicBody": embargo.Organization,
	"Vessel": embargo.Vessel, "Airplane": embargo.Aircraft,
}

// idProps maps FtM identifier properties to identifier types.
var idProps = []struct {
	prop string
	typ  embargo.IDType
}{
	{"passportNumber", embargo.Passport}, {"idNumber", embargo.NationalID},
	{"taxNumber", embargo.TaxID}, {"innCode", embargo.TaxID}, {"vatCode", embargo.TaxID},
	{"registrationNumber", embargo.Registration}, {"ogrnCode", embargo.Registration}, {"kppCode", embargo.OtherID},
	{"imoNumber", embargo.IMO}, {"mmsi", embargo.MMSI}, {"callSign", embargo.CallSign},
	{"swiftBic", embargo.SWIFT}, {"leiCode", embargo.OtherID}, {"okpoCode", embargo.OtherID},
}

// build turns the final state into entities: screenable schemata first,
// then Sanction, Address and identity documents attached to what they
// name; every other schema is counted and reported once.
func (st *state) build() {
	ents := make([]*entity, 0, len(st.byID))
	for _, e := range st.byID {
		ents = append(ents, e)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].seen < ents[j].seen })

	out := map[string]int{} // FtM id -> index in Result.Entities
	other := map[string]int{}
	for _, e := range ents {
		if s, ok := schemata[e.Schema]; ok {
			out[e.ID] = len(st.res.Entities)
			st.res.Entities = append(st.res.Entities, st.entity(e, s))
		}
	}
	for _, e := range ents {
		switch {
		case e.Schema == "Sanction":
			st.sanction(e, out)
		case e.Schema == "Passport" || e.Schema == "Identification":
			st.document(e, out)
			other[e.Schema]++
		case schemata[e.Schema] == "":
			other[e.Schema]++
		}
	}
	st.designateRest(ents, out)
	st.reportOthers(other)
	st.reportCountries()
}

// reportCountries reports each unknown country code once, where it was
// first seen, with how often it appeared.
func (st *state) reportCountries() {
	codes := make([]string, 0, len(st.unknownCountry))
	for c := range st.unknownCountry {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		u := st.unknownCountry[c]
		st.res.Problems.Add(u.pos, "unknown country code %q, left out (%d times in all; first here)", c, u.n)
	}
}

// reportOthers says once how many entities of schemata that are not
// screened the files held (Ownership, Directorship, Address, Family, ...).
func (st *state) reportOthers(other map[string]int) {
	if len(other) == 0 {
		return
	}
	var parts []string
	total := 0
	for s, n := range other {
		parts = append(parts, fmt.Sprintf("%s %d", s, n))
		total += n
	}
	sort.Strings(parts)
	st.res.Problems.Add(source.Pos{File: "(all files)"}, "%d entities of schemata that are not screened were not imported as entities: %s (Address entities fill addresses, Passport/Identification numbers fill identifiers)", total, strings.Join(parts, ", "))
}

func (st *state) entity(e *entity, s embargo.Schema) embargo.Entity {
	p := e.Properties
	out := embargo.Entity{
		ID:          embargo.EntityID(Source, e.ID),
		Source:      Source,
		Schema:      s,
		Names:       names(e),
		BirthPlaces: p["birthPlace"],
		Gender:      gender(first(p["gender"])),
		Titles:      p["title"],
		Positions:   p["position"],
		Remarks:     strings.Join(p["notes"], "\n"),
		Record:      bounded(e.raw),
	}
	out.Nationality = st.countries(e, p["nationality"])
	out.Citizenship = st.countries(e, p["citizenship"])
	out.Countries = st.countries(e, concat(p["country"], p["jurisdiction"], p["mainCountry"], p["flag"]))
	out.BirthDates = st.dates(e, "birthDate", p["birthDate"])
	if s == embargo.Vessel || s == embargo.Aircraft {
		out.BirthDates = append(out.BirthDates, st.dates(e, "buildDate", p["buildDate"])...)
		out.Vessel = vessel(p)
	}
	for _, ip := range idProps {
		for _, v := range p[ip.prop] {
			out.Identifiers = append(out.Identifiers, embargo.Identifier{Type: ip.typ, Value: v, Note: ip.prop})
		}
	}
	for _, a := range p["address"] {
		out.Addresses = append(out.Addresses, embargo.Address{Full: a})
	}
	for _, id := range p["addressEntity"] {
		if a, ok := st.byID[id]; ok && a.Schema == "Address" {
			out.Addresses = append(out.Addresses, address(a))
		}
	}
	return out
}

// names: the name equal to the caption (else the first) is primary; other
// names, alias and abbreviation are aliases; weakAlias is a weak alias;
// previousName a former name. FtM names carry no parts that line up with a
// given name, so parts are set only when there is exactly one of each.
func names(e *entity) []embargo.Name {
	p := e.Properties
	primary := e.Caption
	if !contains(p["name"], primary) {
		primary = first(p["name"])
	}
	var out []embargo.Name
	put := func(full string, kind embargo.NameKind, q embargo.Quality) {
		full = strings.TrimSpace(full)
		for _, n := range out {
			if n.Full == full || full == "" {
				return
			}
		}
		out = append(out, embargo.Name{Full: full, Kind: kind, Quality: q, Script: normalize.DetectScript(full)})
	}
	put(primary, embargo.PrimaryName, "")
	if len(out) == 1 && e.Schema == "Person" && len(p["firstName"]) == 1 && len(p["lastName"]) == 1 {
		out[0].Given, out[0].Family = p["firstName"][0], p["lastName"][0]
		out[0].Middle = first(p["middleName"])
		out[0].Patronymic = first(p["fatherName"])
	}
	for _, n := range p["name"] {
		put(n, embargo.AliasName, "")
	}
	for _, n := range concat(p["alias"], p["abbreviation"]) {
		put(n, embargo.AliasName, "")
	}
	for _, n := range p["weakAlias"] {
		put(n, embargo.AliasName, embargo.Weak)
	}
	for _, n := range p["previousName"] {
		put(n, embargo.FormerName, "")
	}
	return out
}

func gender(g string) string {
	switch strings.ToLower(g) {
	case "male", "female":
		return strings.ToLower(g)
	}
	return ""
}

// countries reads FtM country codes ("ru", "kp"); codes country does not
// know (FtM's "suhh" for the Soviet Union, "zz" for global) are reported.
func (st *state) countries(e *entity, vs []string) []string {
	var out []string
	for _, v := range vs {
		c, ok := country.Code(v)
		if !ok {
			if u := st.unknownCountry[v]; u != nil {
				u.n++
			} else {
				st.unknownCountry[v] = &seenAt{pos: e.pos, n: 1}
			}
			continue
		}
		if !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// dates reads FtM dates: YYYY, YYYY-MM, YYYY-MM-DD, or longer timestamps.
func (st *state) dates(e *entity, prop string, vs []string) []embargo.BirthDate {
	var out []embargo.BirthDate
	for _, v := range vs {
		d, err := embargo.ParseDate(v[:min(len(v), 10)])
		if err != nil {
			st.res.Problems.Add(source.Pos{File: e.pos.File, Record: e.pos.Record, Field: prop}, "%v", err)
			continue
		}
		out = append(out, embargo.BirthDate{Date: d})
	}
	return out
}

func vessel(p map[string][]string) *embargo.VesselInfo {
	v := &embargo.VesselInfo{Type: first(p["type"]), Tonnage: first(concat(p["tonnage"], p["grossRegisteredTonnage"])), Owner: first(p["owner"])}
	if c, ok := country.Code(first(p["flag"])); ok {
		v.Flag = c
	}
	if *v == (embargo.VesselInfo{}) {
		return nil
	}
	return v
}

func address(a *entity) embargo.Address {
	p := a.Properties
	ad := embargo.Address{Full: first(p["full"]), Street: first(p["street"]), City: first(p["city"]),
		Region: first(p["region"]), PostalCode: first(p["postalCode"])}
	if c, ok := country.Code(first(p["country"])); ok {
		ad.Country = c
	}
	return ad
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// bounded returns the line, cut at MaxRecord bytes on a rune boundary.
func bounded(raw []byte) string {
	if len(raw) <= MaxRecord {
		return string(raw)
	}
	cut := MaxRecord
	for cut > 0 && raw[cut]&0xC0 == 0x80 {
		cut--
	}
	return string(bytes.TrimSpace(raw[:cut])) + " …(cut at 16 KiB)"
}
