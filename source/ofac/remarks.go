package ofac

import (
	"sort"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/source"
)

// builder fills one entity from the pieces the files give: columns, remark
// segments, XML elements. Segments it does not understand are kept in rest,
// which becomes Entity.Remarks; nothing read is dropped.
type builder struct {
	e     *embargo.Entity
	pos   source.Pos
	probs *source.ErrorList
	rest  []string
}

func newBuilder(e *embargo.Entity, pos source.Pos, probs *source.ErrorList) *builder {
	return &builder{e: e, pos: pos, probs: probs}
}

// addName appends a name unless the entity already has it (ignoring case),
// so that the remarks' a.k.a. do not repeat alt.csv's. Entities have few
// names: a scan costs less than a map per entity.
func (b *builder) addName(n embargo.Name) {
	n.Full = strings.TrimSpace(n.Full)
	if n.Full == "" {
		return
	}
	for _, m := range b.e.Names {
		if strings.EqualFold(m.Full, n.Full) {
			return
		}
	}
	if n.Script == "" {
		n.Script = "Latin"
	}
	b.e.Names = append(b.e.Names, n)
}

func (b *builder) addID(id embargo.Identifier) {
	if id.Value == "" {
		return
	}
	for _, x := range b.e.Identifiers {
		if x == id {
			return
		}
	}
	b.e.Identifiers = append(b.e.Identifiers, id)
}

func (b *builder) vessel() *embargo.VesselInfo {
	if b.e.Vessel == nil {
		b.e.Vessel = &embargo.VesselInfo{}
	}
	return b.e.Vessel
}

// finish writes the unrecognised segments into Remarks.
func (b *builder) finish() {
	b.e.Remarks = strings.Join(b.rest, "; ")
}

// remarks reads OFAC's free-text Remarks: segments separated by "; ", the
// whole ending with a full stop ("DOB 08 Jan 1984; POB Pyongyang; ...").
func (b *builder) remarks(text string) {
	text = strings.TrimSpace(text)
	text = strings.TrimSuffix(text, ".")
	for _, seg := range strings.Split(text, "; ") {
		if seg = strings.TrimSpace(seg); seg != "" && !b.segment(seg) {
			b.rest = append(b.rest, seg)
		}
	}
}

// segment reads one remark segment and reports whether it was understood
// completely (a false return keeps it in Remarks).
func (b *builder) segment(seg string) bool {
	s := strings.TrimPrefix(seg, "alt. ") // OFAC marks a second value "alt. Passport ..."
	if s == "" {
		return false
	}
	for _, l := range labelsBy[lower(s[0])] {
		if v, ok := cutLabel(s, l.label); ok {
			return l.read(b, l, v)
		}
	}
	for _, t := range b.e.Titles {
		if strings.EqualFold(s, t) { // the Title column, repeated at the end of Remarks
			return true
		}
	}
	return false
}

// cutLabel returns what follows label in s, when s starts with label and a
// space or colon (OFAC writes both "Email:x@y" and "Email x@y").
func cutLabel(s, label string) (string, bool) {
	if len(s) <= len(label) || !strings.EqualFold(s[:len(label)], label) {
		return "", false
	}
	rest := s[len(label):]
	if rest[0] != ' ' && rest[0] != ':' && !strings.HasSuffix(label, " ") {
		return "", false
	}
	v := strings.TrimSpace(strings.TrimLeft(rest, ": "))
	return v, v != ""
}

// label is one remark prefix and what it means.
type label struct {
	label string
	typ   embargo.IDType // for identifiers
	read  func(b *builder, l label, v string) bool
}

// labels are the remark prefixes embargo understands, longest first so that
// "Vessel Registration Identification" wins over "Registration".
var labels = func() []label {
	var ls []label
	add := func(read func(*builder, label, string) bool, typ embargo.IDType, names ...string) {
		for _, n := range names {
			ls = append(ls, label{label: n, typ: typ, read: read})
		}
	}
	add(readDOB, "", "DOB", "Date of Birth")
	add(readPOB, "", "POB", "Place of Birth")
	add(readNationality, "", "nationality")
	add(readCitizen, "", "citizen")
	add(readGender, "", "Gender")
	add(readAlias(embargo.AliasName), "", "a.k.a.", "n.k.a.")
	add(readAlias(embargo.FormerName), "", "f.k.a.")
	add(readID, embargo.Passport, "Passport", "Diplomatic Passport", "Passport Number")
	add(readID, embargo.NationalID, "National ID No.", "Cedula No.", "C.U.R.P.", "CURP #", "D.N.I.",
		"Personal ID Card", "Identification Number", "Birth Certificate Number", "Credencial electoral",
		"Electoral Registry No.", "I.F.E.", "Residency Number", "C.U.I.", "Driver's License No.", "SSN",
		"Public Security and Immigration No.", "Cartilla de Servicio Militar Nacional", "Refugee ID Card",
		"Social Security Number", "Kenyan ID No.", "Turkish Identification Number", "NIE", "National Foreign ID Number",
		"Travel Document Number", "Numero de Identidad", "Citizen's Card Number")
	add(readID, embargo.IMO, "IMO")
	add(readVesselRegistration, embargo.IMO, "Vessel Registration Identification")
	add(readID, embargo.MMSI, "MMSI")
	add(readID, embargo.CallSign, "Call Sign", "Vessel Call Sign", "Other Vessel Call Sign")
	add(readID, embargo.TaxID, "Tax ID No.", "R.F.C.", "RFC", "NIT #", "RUC #", "RIF #", "V.A.T. Number",
		"VAT Number", "Italian Fiscal Code", "US FEIN", "C.U.I.T.", "C.U.I.P.", "Fiscal Code", "Tax Identification Number")
	add(readID, embargo.Registration, "Registration ID", "Registration Number", "Company Number", "UK Company Number",
		"Commercial Registry Number", "Business Registration Document #", "Business Registration Number",
		"Business Number", "Unified Social Credit Code (USCC)", "Legal Entity Number", "Government Gazette Number",
		"Trade License No.", "C.R. No.", "Chamber of Commerce Number", "Economic Register Number (CBLS)",
		"Enterprise Number", "D-U-N-S Number", "Public Registration Number", "Folio Mercantil No.",
		"Matricula Mercantil No", "Central Registration System Number", "Istanbul Chamber of Comm. No.",
		"Registered Charity No.", "Aircraft Construction Number (also called L/N or S/N or F/N)",
		"Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Mode S Transponder Code",
		"License", "Permit Number", "Certificate of Incorporation Number", "BIK (RU)", "Company ID No.",
		"Commercial Registry No.", "Registration No.", "Branch Unit Number", "LE Number",
		"United Social Credit Code Certificate (USCCC)", "Dubai Chamber of Commerce Membership No.",
		"Previous Aircraft Tail Number")
	add(readID, embargo.SWIFT, "SWIFT/BIC", "SWIFT/BIC Code")
	add(readID, embargo.OtherID, "Website", "Email Address", "Email", "Phone Number", "Telephone",
		"Telephone No.", "Fax", "Fax No.", "ISIN", "Equity Ticker")
	add(readDigitalCurrency, embargo.OtherID, "Digital Currency Address - ")
	add(readBuildDate, "", "Vessel Year of Build", "Aircraft Manufacture Date")
	add(readVesselType, "", "Vessel Type", "Aircraft Model")
	add(readVesselOwner, "", "Aircraft Operator", "Vessel Owner")
	add(readFlag(true), "", "Vessel Flag")
	add(readFlag(false), "", "Other Vessel Flag", "Former Vessel Flag", "Nationality of Registration")
	sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].label) > len(ls[j].label) })
	return ls
}()

// labelsBy indexes labels by their first letter, lower-cased: a remark
// segment is tried against a handful of labels, not all of them.
var labelsBy = func() map[byte][]label {
	m := map[byte][]label{}
	for _, l := range labels {
		c := lower(l.label[0])
		m[c] = append(m[c], l)
	}
	return m
}()

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func readDOB(b *builder, _ label, v string) bool {
	d, err := parseBirthDate(v)
	if err != nil {
		b.probs.Add(b.posField("DOB"), "%v; kept in remarks", err)
		return false
	}
	b.e.BirthDates = append(b.e.BirthDates, d)
	return true
}

func readBuildDate(b *builder, l label, v string) bool {
	d, err := parseBirthDate(v)
	if err != nil {
		b.probs.Add(b.posField(l.label), "%v; kept in remarks", err)
		return false
	}
	b.e.BirthDates = append(b.e.BirthDates, d)
	return true
}

func readPOB(b *builder, _ label, v string) bool {
	b.e.BirthPlaces = appendUniq(b.e.BirthPlaces, v)
	return true
}

// readNationality keeps a value it cannot turn into a code in Remarks.
func readNationality(b *builder, _ label, v string) bool {
	c, ok := country.Code(v)
	if ok {
		b.e.Nationality = appendUniq(b.e.Nationality, c)
	}
	return ok
}

func readCitizen(b *builder, _ label, v string) bool {
	c, ok := country.Code(v)
	if ok {
		b.e.Citizenship = appendUniq(b.e.Citizenship, c)
	}
	return ok
}

func readGender(b *builder, _ label, v string) bool {
	switch g := strings.ToLower(v); g {
	case "male", "female":
		b.e.Gender = g
		return true
	}
	return false
}

// readAlias reads "a.k.a. 'BNC'": OFAC's weak aliases (see the package doc).
func readAlias(kind embargo.NameKind) func(*builder, label, string) bool {
	return func(b *builder, _ label, v string) bool {
		if len(v) < 3 || v[0] != '\'' || v[len(v)-1] != '\'' {
			return false
		}
		b.addName(embargo.Name{Full: strings.TrimSpace(v[1 : len(v)-1]), Kind: kind, Quality: embargo.Weak})
		return true
	}
}

func readID(b *builder, l label, v string) bool {
	id := parseID(v)
	id.Type = l.typ
	id.Note = joinNote(l.label, id.Note)
	b.addID(id)
	return true
}

// readVesselRegistration reads "Vessel Registration Identification IMO 8910378".
func readVesselRegistration(b *builder, l label, v string) bool {
	if num, ok := cutLabel(v, "IMO"); ok {
		b.addID(embargo.Identifier{Type: embargo.IMO, Value: num, Note: l.label})
		return true
	}
	id := parseID(v)
	id.Type, id.Note = embargo.Registration, joinNote(l.label, id.Note)
	b.addID(id)
	return true
}

// readDigitalCurrency reads "Digital Currency Address - XBT 1AbC...".
func readDigitalCurrency(b *builder, l label, v string) bool {
	cur, addr, ok := strings.Cut(v, " ")
	if !ok {
		return false
	}
	b.addID(embargo.Identifier{Type: embargo.OtherID, Value: strings.TrimSpace(addr), Note: l.label + cur})
	return true
}

func readVesselType(b *builder, _ label, v string) bool {
	if vi := b.vessel(); vi.Type == "" {
		vi.Type = v
		return true
	}
	return false
}

func readVesselOwner(b *builder, _ label, v string) bool {
	if vi := b.vessel(); vi.Owner == "" {
		vi.Owner = v
		return true
	}
	return false
}

// readFlag records a flag state as a country link; only the current flag
// goes in VesselInfo, and other or former flags also stay in Remarks.
func readFlag(current bool) func(*builder, label, string) bool {
	return func(b *builder, _ label, v string) bool {
		c, ok := country.Code(v)
		if !ok {
			return false
		}
		b.e.Countries = appendUniq(b.e.Countries, c)
		if current && b.vessel().Flag == "" {
			b.vessel().Flag = c
			return true
		}
		return false
	}
}

func (b *builder) posField(f string) source.Pos {
	p := b.pos
	p.Field = f
	return p
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// parseID reads "BE5978421 (Pakistan) issued 14 Nov 2007 expires 12 Nov 2012":
// the number, the issuing country in brackets, then issue and expiry notes.
func parseID(v string) embargo.Identifier {
	var id embargo.Identifier
	for _, kw := range []string{" issued ", " expires ", " Issue Date ", " Expiration Date "} {
		if i := strings.Index(v, kw); i >= 0 {
			id.Note = strings.TrimSpace(v[i:])
			v = v[:i]
			break
		}
	}
	v = strings.TrimSpace(v)
	if strings.HasSuffix(v, ")") { // "123 (Russia)", at times "123(Russia)"
		if i := strings.LastIndex(v, "("); i > 0 {
			if c, ok := country.Code(v[i+1 : len(v)-1]); ok {
				id.Country = c
				v = strings.TrimSpace(v[:i])
			}
		}
	}
	id.Value = v
	return id
}
