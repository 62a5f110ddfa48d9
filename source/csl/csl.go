package csl

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// CSL format name and source.
const (
	CSLName   = "us-csl"
	CSLSource = "csl"
)

func init() {
	source.Register(CSL{})
	source.Register(DPL{})
}

// CSL is the trade.gov Consolidated Screening List CSV.
type CSL struct{}

// Info describes the format.
func (CSL) Info() source.Info {
	return source.Info{
		Name:        CSLName,
		Source:      CSLSource,
		Authority:   "US International Trade Administration",
		List:        "Consolidated Screening List",
		Description: "US Consolidated Screening List of trade.gov (CSV, 2019 layout or current layout with _id)",
		URLs:        []string{"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
	}
}

var (
	cslHeader2019 = []byte("source,entity_number,type,programs,name")
	cslHeaderNow  = []byte(`"_id","source","entity_number","type","programs","name"`)
	cslHeaderNow2 = []byte("_id,source,entity_number,type,programs,name")
)

// Detect accepts the CSL header in either layout.
func (CSL) Detect(name string, head []byte) bool {
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(h, cslHeader2019) || bytes.HasPrefix(h, cslHeaderNow) || bytes.HasPrefix(h, cslHeaderNow2)
}

// Parse reads one consolidated.csv.
func (CSL) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one CSV file, got %d", CSLName, len(files))
	}
	f := files[0]
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, source.FormatError(CSLName, f.Name, "the file is empty")
	}
	rows, err := readTable(CSLName, f.Name, data, ',')
	if err != nil {
		return nil, err
	}
	col, err := cslColumns(f.Name, rows[0], data)
	if err != nil {
		return nil, err
	}
	res := &source.Result{}
	p := cslParser{file: f.Name, col: col, res: res, ids: ids{}}
	for i, row := range rows[1:] {
		p.row(i+2, row)
	}
	if len(res.Entities) == 0 && res.Problems.Skipped() == 0 {
		return nil, source.FormatError(CSLName, f.Name, "no row below the header")
	}
	return res, nil
}

// cslColumns maps header names to indices and checks the columns every
// layout has.
func cslColumns(file string, header []string, data []byte) (map[string]int, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, want := range []string{"source", "entity_number", "type", "programs", "name", "alt_names"} {
		if _, ok := col[want]; !ok {
			return nil, source.FormatError(CSLName, file, fmt.Sprintf("header has no %q column: not a Consolidated Screening List CSV%s", want, looksLike(data)))
		}
	}
	return col, nil
}

type cslParser struct {
	file string
	col  map[string]int
	res  *source.Result
	ids  ids
	cur  []string
}

// get returns a cell by column name ("" when the layout or row lacks it).
func (p *cslParser) get(name string) string {
	i, ok := p.col[name]
	if !ok || i >= len(p.cur) {
		return ""
	}
	return strings.TrimSpace(p.cur[i])
}

var listAbbr = regexp.MustCompile(`\(([A-Z]+)\)`)

// ref gives the row's reference (see the package comment).
func (p *cslParser) ref() string {
	if id := p.get("_id"); id != "" {
		return id
	}
	if n := p.get("entity_number"); n != "" {
		return n
	}
	abbr := "list"
	if m := listAbbr.FindStringSubmatch(p.get("source")); m != nil {
		abbr = strings.ToLower(m[1])
	}
	// The DPL and Entity List give one row per address of a party.
	return abbr + "-" + hashRef(abbr, strings.ToUpper(p.get("name")), p.get("addresses"), p.get("start_date"))
}

func (p *cslParser) row(line int, row []string) {
	p.cur = row
	pos := source.Pos{File: p.file, Record: fmt.Sprintf("line %d", line)}
	if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
		return // a blank line holds no record
	}
	if p.get("name") == "" {
		p.res.Problems.Skip(pos, "no name")
		return
	}
	ref := p.ids.take(p.ref(), pos, &p.res.Problems)
	pos.Record = fmt.Sprintf("%s (line %d)", ref, line)
	m := cslMapper{p: p, pos: pos}
	e := m.entity(ref)
	e.Record = rowText(row, ',')
	p.res.Entities = append(p.res.Entities, e)
}

type cslMapper struct {
	p   *cslParser
	pos source.Pos
}

func (m cslMapper) at(field string) source.Pos {
	p := m.pos
	p.Field = field
	return p
}

func (m cslMapper) entity(ref string) embargo.Entity {
	g := m.p.get
	e := embargo.Entity{ID: embargo.EntityID(CSLSource, ref), Source: CSLSource, Schema: m.schema()}
	e.Names = []embargo.Name{{Full: g("name"), Kind: embargo.PrimaryName, Script: normalize.DetectScript(g("name"))}}
	for _, a := range splitMulti(g("alt_names")) {
		e.Names = append(e.Names, embargo.Name{Full: a, Kind: embargo.AliasName, Script: normalize.DetectScript(a)})
	}
	if t := g("title"); t != "" {
		e.Titles = []string{t}
	}
	for _, d := range splitMulti(g("dates_of_birth")) {
		if b, ok := birth(d); ok {
			e.BirthDates = append(e.BirthDates, b)
		} else {
			e.Remarks = strings.TrimSpace(e.Remarks + "\ndates_of_birth: " + d)
			m.p.res.Problems.Add(m.at("dates_of_birth"), "cannot read %q as a date; kept in remarks", d)
		}
	}
	e.BirthPlaces = splitMulti(g("places_of_birth"))
	e.Nationality = m.countries("nationalities")
	e.Citizenship = m.countries("citizenships")
	m.addresses(&e)
	m.identifiers(&e)
	m.vessel(&e)
	if r := g("remarks"); r != "" {
		e.Remarks = strings.TrimSpace(r + "\n" + e.Remarks)
	}
	e.Designations = m.designations(ref)
	return e
}

// schema reads type; lists other than the Treasury's leave it empty, and
// then a birth date or nationality says Person, else the list does not say.
func (m cslMapper) schema() embargo.Schema {
	t := m.p.get("type")
	if s, ok := embargo.ParseSchema(t); ok && s != embargo.Thing {
		return s
	}
	if t != "" {
		m.p.res.Problems.Add(m.at("type"), "type %q unknown; read from the other fields", t)
	}
	for _, f := range []string{"dates_of_birth", "places_of_birth", "nationalities", "citizenships"} {
		if m.p.get(f) != "" {
			return embargo.Person
		}
	}
	return embargo.Thing
}

func (m cslMapper) countries(field string) []string {
	var out []string
	for _, c := range splitMulti(m.p.get(field)) {
		if code, ok := country.Code(c); ok {
			out = append(out, code)
		} else {
			m.p.res.Problems.Add(m.at(field), "country %q not recognised", c)
		}
	}
	return out
}

// addresses reads "street, city, region, postal, CC; ...": CSL ends each
// address with the ISO code of its country.
func (m cslMapper) addresses(e *embargo.Entity) {
	for _, a := range splitMulti(m.p.get("addresses")) {
		ad := embargo.Address{Full: a}
		parts := strings.Split(a, ",")
		last := strings.TrimSpace(parts[len(parts)-1])
		if c, ok := country.Code(last); ok && len(last) == 2 {
			ad.Country = c
		} else if c, ok := country.Find(a); ok {
			ad.Country = c
		}
		if ad.Country != "" && !contains(e.Countries, ad.Country) {
			e.Countries = append(e.Countries, ad.Country)
		}
		e.Addresses = append(e.Addresses, ad)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (m cslMapper) vessel(e *embargo.Entity) {
	g := m.p.get
	if cs := g("call_sign"); cs != "" {
		e.Identifiers = append(e.Identifiers, embargo.Identifier{Type: embargo.CallSign, Value: cs})
	}
	v := embargo.VesselInfo{Type: g("vessel_type"), Tonnage: g("gross_tonnage"), Owner: g("vessel_owner")}
	if v.Tonnage == "" {
		v.Tonnage = g("gross_registered_tonnage")
	}
	if f := g("vessel_flag"); f != "" {
		if c, ok := country.Code(f); ok {
			v.Flag = c
			if !contains(e.Countries, c) {
				e.Countries = append(e.Countries, c)
			}
		} else {
			m.p.res.Problems.Add(m.at("vessel_flag"), "flag %q not recognised", f)
		}
	}
	if v != (embargo.VesselInfo{}) {
		e.Vessel = &v
	}
}

// designations gives one designation per programme of the row, each naming
// the agency list the source column names.
func (m cslMapper) designations(ref string) []embargo.Designation {
	g := m.p.get
	src := g("source")
	base := embargo.Designation{Authority: authority(src), List: src, Ref: ref}
	if sd := g("start_date"); sd != "" {
		d, err := embargo.ParseDate(sd)
		if err != nil {
			m.p.res.Problems.Add(m.at("start_date"), "%v", err)
		}
		base.ListedOn = d
	}
	progs := splitMulti(g("programs"))
	if len(progs) == 0 {
		return []embargo.Designation{base}
	}
	var out []embargo.Designation
	for _, pr := range progs {
		d := base
		d.SourceProgram, d.Program = pr, source.Regime(pr)
		out = append(out, d)
	}
	return out
}

// authority reads the agency from "Entity List (EL) - Bureau of Industry
// and Security".
func authority(src string) string {
	if i := strings.LastIndex(src, " - "); i >= 0 {
		return "US " + strings.TrimSpace(src[i+3:])
	}
	return "US"
}

var circa = regexp.MustCompile(`(?i)^(?:circa|approximately|approx\.?|about)\s+`)

// birth reads a CSL date of birth: 1955, 1978-12-05, "circa 1960".
func birth(s string) (embargo.BirthDate, bool) {
	approx := circa.MatchString(s)
	s = circa.ReplaceAllString(s, "")
	if d, err := embargo.ParseDate(s); err == nil && !d.IsZero() {
		return embargo.BirthDate{Date: d, Approx: approx}, true
	}
	if a, b, ok := strings.Cut(s, " to "); ok {
		da, e1 := embargo.ParseDate(a)
		db, e2 := embargo.ParseDate(b)
		if e1 == nil && e2 == nil && !da.IsZero() && da.Before(db) {
			return embargo.BirthDate{Date: da, To: db, Approx: approx}, true
		}
	}
	return embargo.BirthDate{}, false
}
