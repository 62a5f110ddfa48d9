package ofac

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/source"
	"embargo/source/xmlutil"
)

// xmlFormat is the sdnList XML of one list.
type xmlFormat struct{ list list }

func (f xmlFormat) Info() source.Info {
	i := source.Info{Name: f.list.xmlName, Source: f.list.source, Authority: Authority, List: f.list.name}
	if f.list.cons {
		i.Description = "US OFAC Consolidated (non-SDN) List (XML, sdnList; file name CONSOLIDATED.XML)"
		i.URLs = []string{"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML"}
		return i
	}
	i.Description = "US OFAC SDN List (XML, sdnList)"
	i.URLs = []string{"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"}
	return i
}

// Detect accepts XML whose root is sdnList; the file name decides between
// the SDN and the non-SDN list, which the content does not say.
func (f xmlFormat) Detect(name string, head []byte) bool {
	return xmlutil.RootIs(head, "sdnList") && isConsName(name) == f.list.cons
}

// Parse reads one sdnList XML file, streaming one sdnEntry at a time.
func (f xmlFormat) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one XML file, got %d", f.list.xmlName, len(files))
	}
	return f.parse(files[0])
}

func (f xmlFormat) refuse(file, why string) error {
	return source.FormatError(f.list.xmlName, file, why)
}

func (f xmlFormat) parse(file source.File) (*source.Result, error) {
	data := bytes.TrimPrefix(file.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, f.refuse(file.Name, "the file is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	// Sized by the entry tags the file holds, a hint (a tag in a comment
	// counts too), to spare the growth of the entities.
	res := &source.Result{Entities: make([]embargo.Entity, 0, bytes.Count(data, []byte("<sdnEntry>")))}
	seenRoot, count, n := false, -1, 0
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, f.refuse(file.Name, xmlutil.Why(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !seenRoot {
			if se.Name.Local != "sdnList" {
				return nil, f.refuse(file.Name, fmt.Sprintf("root element is <%s>, want <sdnList>%s", se.Name.Local, looksLike(data)))
			}
			seenRoot = true
			continue
		}
		switch se.Name.Local {
		case "publshInformation", "publishInformation": // OFAC misspells it [sic]
			var p publishInfo
			if err := d.DecodeElement(&p, &se); err != nil {
				return nil, f.refuse(file.Name, xmlutil.Why(err))
			}
			count = f.publishInfo(file.Name, p, res)
		case "sdnEntry":
			var r sdnEntry
			if err := d.DecodeElement(&r, &se); err != nil {
				return nil, f.refuse(file.Name, fmt.Sprintf("sdnEntry %d: %s", n+1, xmlutil.Why(err)))
			}
			n++
			f.add(file.Name, n, &r, data[start:d.InputOffset()], res)
		}
	}
	if !seenRoot {
		return nil, f.refuse(file.Name, "no XML element found"+looksLike(data))
	}
	if n == 0 {
		return nil, f.refuse(file.Name, "sdnList holds no sdnEntry")
	}
	if count >= 0 && count != n {
		res.Problems.Add(source.Pos{File: file.Name, Field: "Record_Count"},
			"Record_Count says %d entries, the file holds %d (an excerpt?)", count, n)
	}
	return res, nil
}

// publishInfo reads Publish_Date and returns Record_Count (-1 if absent).
func (f xmlFormat) publishInfo(file string, p publishInfo, res *source.Result) int {
	if s := strings.TrimSpace(p.Date); s != "" {
		d, err := parsePublishDate(s)
		if err != nil {
			res.Problems.Add(source.Pos{File: file, Field: "Publish_Date"}, "%v", err)
		}
		res.Published = d
	}
	c, err := strconv.Atoi(strings.TrimSpace(p.Count))
	if err != nil {
		return -1
	}
	return c
}

// add maps one sdnEntry, or records why it was skipped.
func (f xmlFormat) add(file string, n int, r *sdnEntry, raw []byte, res *source.Result) {
	uid := strings.TrimSpace(r.UID)
	if !isDigits(uid) {
		res.Problems.Skip(source.Pos{File: file, Record: fmt.Sprintf("sdnEntry %d", n), Field: "uid"}, "uid %q is not a number", clip(uid))
		return
	}
	pos := source.Pos{File: file, Record: "uid " + uid}
	if strings.TrimSpace(r.LastName) == "" {
		res.Problems.Skip(pos, "no lastName: the entry has no name")
		return
	}
	e := f.entity(uid, r, pos, &res.Problems)
	e.Record = bounded(string(bytes.TrimSpace(raw)))
	res.Entities = append(res.Entities, e)
}

func (f xmlFormat) entity(uid string, r *sdnEntry, pos source.Pos, probs *source.ErrorList) embargo.Entity {
	schema, ok := schemaOf(r.Type)
	if !ok {
		probs.Add(posField(pos, "sdnType"), "unknown type %q; kept as Thing", clip(r.Type))
	}
	e := embargo.Entity{ID: embargo.EntityID(f.list.source, uid), Source: f.list.source, Schema: schema}
	b := newBuilder(&e, pos, probs)
	if t := strings.TrimSpace(r.Title); t != "" {
		e.Titles = []string{t}
	}
	b.addName(primaryName(joinName(r.LastName, r.FirstName), schema))
	for _, a := range r.Akas {
		b.xmlAlias(a)
	}
	var progs []string
	for _, p := range r.Programs {
		progs = append(progs, programs(p)...)
	}
	if len(progs) == 0 {
		probs.Add(posField(pos, "programList"), "no programme given")
	}
	e.Designations = f.list.designations(uid, progs)
	b.xmlDetails(r)
	b.remarks(r.Remarks)
	b.finish()
	return e
}

// joinName writes OFAC's "LAST, First" (the CSV's form) from the XML parts.
func joinName(last, first string) string {
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	if first == "" {
		return last
	}
	if last == "" {
		return first
	}
	return last + ", " + first
}

// xmlAlias reads one aka: type a.k.a./f.k.a./n.k.a., category strong/weak.
func (b *builder) xmlAlias(a aka) {
	full := joinName(a.LastName, a.FirstName)
	if full == "" {
		b.probs.Add(b.posField("aka"), "aka uid %s has no name", strings.TrimSpace(a.UID))
		return
	}
	n := embargo.Name{Full: full, Kind: embargo.AliasName}
	if strings.EqualFold(strings.TrimSpace(a.Type), "f.k.a.") {
		n.Kind = embargo.FormerName
	}
	switch strings.ToLower(strings.TrimSpace(a.Category)) {
	case "strong":
		n.Quality = embargo.Strong
	case "weak":
		n.Quality = embargo.Weak
	}
	if b.e.Schema == embargo.Person && strings.TrimSpace(a.FirstName) != "" {
		n.Family, n.Given = strings.TrimSpace(a.LastName), strings.TrimSpace(a.FirstName)
	}
	b.addName(n)
}

// xmlDetails reads the lists of an sdnEntry. Identifiers go through the
// same labels as the CSV remarks ("Passport", "Tax ID No.", ...), so both
// formats give the same entity; idTypes embargo does not know stay in Remarks.
func (b *builder) xmlDetails(r *sdnEntry) {
	for _, id := range r.IDs {
		seg := strings.TrimSpace(strings.TrimSpace(id.Type) + " " + strings.TrimSpace(id.Number))
		if c := strings.TrimSpace(id.Country); c != "" {
			seg += " (" + c + ")"
		}
		if v := strings.TrimSpace(id.Issued); v != "" {
			seg += " issued " + v
		}
		if v := strings.TrimSpace(id.Expires); v != "" {
			seg += " expires " + v
		}
		if seg != "" && !b.segment(seg) {
			b.rest = append(b.rest, seg)
		}
	}
	for _, d := range r.DOBs {
		b.xmlSegment("DOB", d.Value)
	}
	for _, p := range r.POBs {
		b.xmlSegment("POB", p.Value)
	}
	for _, c := range r.Nationalities {
		b.xmlSegment("nationality", c.Country)
	}
	for _, c := range r.Citizenships {
		b.xmlSegment("citizen", c.Country)
	}
	for _, a := range r.Addresses {
		b.xmlAddress(a)
	}
	if v := r.Vessel; v != nil {
		b.vesselColumns(v.CallSign, v.Type, v.Tonnage, v.GRT, v.Flag, v.Owner)
	}
}

// xmlSegment reads one value as the remark "label value" would be read.
func (b *builder) xmlSegment(label, v string) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	if seg := label + " " + v; !b.segment(seg) {
		b.rest = append(b.rest, seg)
	}
}

func (b *builder) xmlAddress(x address) {
	var street []string
	for _, s := range []string{x.Address1, x.Address2, x.Address3} {
		if s = strings.TrimSpace(s); s != "" {
			street = append(street, s)
		}
	}
	a := embargo.Address{Street: strings.Join(street, ", "), City: strings.TrimSpace(x.City),
		Region: strings.TrimSpace(x.State), PostalCode: strings.TrimSpace(x.PostalCode)}
	ctry := strings.TrimSpace(x.Country)
	if c, ok := country.Code(ctry); ok {
		a.Country = c
		b.e.Countries = appendUniq(b.e.Countries, c)
	}
	var parts []string
	for _, p := range []string{a.Street, a.City, a.Region, a.PostalCode, ctry} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return
	}
	a.Full = strings.Join(parts, ", ")
	b.e.Addresses = append(b.e.Addresses, a)
}

// The sdnList schema (sdnList.xsd), by local names only: the namespace
// changed in 2024 and encoding/xml matches untagged names in any namespace.
type publishInfo struct {
	Date  string `xml:"Publish_Date"`
	Count string `xml:"Record_Count"`
}

type sdnEntry struct {
	UID           string        `xml:"uid"`
	FirstName     string        `xml:"firstName"`
	LastName      string        `xml:"lastName"`
	Title         string        `xml:"title"`
	Type          string        `xml:"sdnType"`
	Remarks       string        `xml:"remarks"`
	Programs      []string      `xml:"programList>program"`
	IDs           []idItem      `xml:"idList>id"`
	Akas          []aka         `xml:"akaList>aka"`
	Addresses     []address     `xml:"addressList>address"`
	Nationalities []countryItem `xml:"nationalityList>nationality"`
	Citizenships  []countryItem `xml:"citizenshipList>citizenship"`
	DOBs          []dobItem     `xml:"dateOfBirthList>dateOfBirthItem"`
	POBs          []pobItem     `xml:"placeOfBirthList>placeOfBirthItem"`
	Vessel        *vesselInfo   `xml:"vesselInfo"`
}

type idItem struct {
	Type    string `xml:"idType"`
	Number  string `xml:"idNumber"`
	Country string `xml:"idCountry"`
	Issued  string `xml:"issueDate"`
	Expires string `xml:"expirationDate"`
}

type aka struct {
	UID       string `xml:"uid"`
	Type      string `xml:"type"`
	Category  string `xml:"category"`
	LastName  string `xml:"lastName"`
	FirstName string `xml:"firstName"`
}

type address struct {
	Address1   string `xml:"address1"`
	Address2   string `xml:"address2"`
	Address3   string `xml:"address3"`
	City       string `xml:"city"`
	State      string `xml:"stateOrProvince"`
	PostalCode string `xml:"postalCode"`
	Country    string `xml:"country"`
}

type countryItem struct {
	Country string `xml:"country"`
}

type dobItem struct {
	Value string `xml:"dateOfBirth"`
}

type pobItem struct {
	Value string `xml:"placeOfBirth"`
}

type vesselInfo struct {
	CallSign string `xml:"callSign"`
	Type     string `xml:"vesselType"`
	Flag     string `xml:"vesselFlag"`
	Owner    string `xml:"vesselOwner"`
	Tonnage  string `xml:"tonnage"`
	GRT      string `xml:"grossRegisteredTonnage"`
}
