package canada

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// record is one <record>; every child is optional in the file.
type record struct {
	Country      string `xml:"Country"`
	LastName     string `xml:"LastName"`
	GivenName    string `xml:"GivenName"`
	EntityOrShip string `xml:"EntityOrShip"`
	TitleOrShip  string `xml:"TitleOrShip"`
	IMO          string `xml:"ShipIMONumber"`
	Born         string `xml:"DateOfBirthOrShipBuildDate"`
	Schedule     string `xml:"Schedule"`
	Item         string `xml:"Item"`
	Listed       string `xml:"DateOfListing"`
	Aliases      string `xml:"Aliases"`
}

// parser holds the state of one file's parse.
type parser struct {
	file string
	res  *source.Result
	n    int            // records read
	ids  map[string]int // ref -> times seen, to report a repeated id
}

// add maps one record and appends it, or records why it was skipped.
func (p *parser) add(r *record, raw []byte) {
	p.n++
	r.trim()
	ref := Ref(r.Country, r.Schedule, r.Item)
	pos := func() source.Pos { return source.Pos{File: p.file, Record: fmt.Sprintf("record %d (%s)", p.n, ref)} }
	if r.Item == "" {
		p.res.Problems.Skip(pos(), "no <Item>: the record has no id")
		return
	}
	if r.LastName == "" && r.GivenName == "" && r.EntityOrShip == "" {
		p.res.Problems.Skip(pos(), "no <LastName>, <GivenName> or <EntityOrShip>: the record names nobody")
		return
	}
	if k := p.ids[ref]; k > 0 {
		p.res.Problems.Add(pos(), "id %s repeats an earlier record; this one is %s~%d", ref, ref, k+1)
		p.ids[ref] = k + 1
		ref = fmt.Sprintf("%s~%d", ref, k+1)
	} else {
		p.ids[ref] = 1
	}
	m := mapper{pos: source.Pos{File: p.file, Record: ref}, probs: &p.res.Problems}
	e := m.entity(r, ref)
	e.Record = bounded(raw)
	p.res.Entities = append(p.res.Entities, e)
}

// trim removes the stray spaces the file leaves ("Venezuela ", " 1953-10-27").
func (r *record) trim() {
	for _, s := range []*string{&r.Country, &r.LastName, &r.GivenName, &r.EntityOrShip, &r.TitleOrShip,
		&r.IMO, &r.Born, &r.Schedule, &r.Item, &r.Listed, &r.Aliases} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
}

// Ref builds the record's reference from its regime, schedule and item
// (see the package comment).
func Ref(countryText, schedule, item string) string {
	parts := []string{regimeSlug(countryText)}
	if s := scheduleCode(schedule); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(append(parts, strings.TrimSpace(item)), "-")
}

var acronym = regexp.MustCompile(`\(([A-Z]{3,})\)`)

// regimeSlug folds "Russia / Russie" to "russia" and "... (JVCFOR) / ..." to "jvcfor".
func regimeSlug(s string) string {
	if m := acronym.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	if i := strings.Index(s, " / "); i > 0 {
		s = s[:i]
	}
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

var scheduleRe = regexp.MustCompile(`^(?:(\d+(?:\.\d+)?)\s*,?\s*)?(?:Part\s*(\d+(?:\.\d+)?))?$`)

// scheduleCode compacts "1, Part 1.1" to "s1p1.1"; text it does not know is
// folded like a regime name so that the id stays stable and readable.
func scheduleCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	m := scheduleRe.FindStringSubmatch(s)
	if m == nil {
		return regimeSlug(s)
	}
	out := ""
	if m[1] != "" {
		out = "s" + m[1]
	}
	if m[2] != "" {
		out += "p" + m[2]
	}
	return out
}

// mapper turns one record into an entity, reporting problems at pos.
type mapper struct {
	pos   source.Pos
	probs *source.ErrorList
}

func (m mapper) at(field string) source.Pos {
	p := m.pos
	p.Field = field
	return p
}

func (m mapper) entity(r *record, ref string) embargo.Entity {
	e := embargo.Entity{ID: embargo.EntityID(Source, ref), Source: Source}
	switch {
	case r.EntityOrShip != "" && (r.IMO != "" || isShipType(r.TitleOrShip)):
		m.vessel(&e, r)
	case r.EntityOrShip != "":
		e.Schema = embargo.Organization
		e.Names = []embargo.Name{name(r.EntityOrShip, embargo.PrimaryName)}
		if r.TitleOrShip != "" {
			e.Remarks = "TitleOrShip: " + r.TitleOrShip
		}
		if r.LastName != "" || r.GivenName != "" {
			m.probs.Add(m.at("LastName"), "record has both a person's name and <EntityOrShip>; read as an entity")
		}
	default:
		m.person(&e, r)
	}
	e.Names = append(e.Names, m.aliases(r.Aliases, e.Schema)...)
	if r.Born != "" {
		var ok bool
		if e.BirthDates, ok = m.births(r.Born); !ok {
			e.Remarks = strings.TrimSpace(e.Remarks + "\nDateOfBirthOrShipBuildDate: " + r.Born)
		}
	}
	if c, ok := country.Code(r.Country); ok {
		// The Country element names the regulations, not a nationality:
		// a Ukrainian may be listed under the Russia regulations.
		e.Countries = []string{c}
	}
	e.Designations = []embargo.Designation{m.designation(r, ref)}
	return e
}

func (m mapper) person(e *embargo.Entity, r *record) {
	e.Schema = embargo.Person
	n := name(strings.TrimSpace(r.GivenName+" "+r.LastName), embargo.PrimaryName)
	n.Given, n.Family = r.GivenName, r.LastName
	e.Names = []embargo.Name{n}
	if r.TitleOrShip != "" {
		e.Titles = []string{r.TitleOrShip}
	}
}

func (m mapper) vessel(e *embargo.Entity, r *record) {
	e.Schema = embargo.Vessel
	e.Names = []embargo.Name{name(r.EntityOrShip, embargo.PrimaryName)}
	e.Vessel = &embargo.VesselInfo{Type: r.TitleOrShip}
	if r.IMO == "" {
		return
	}
	imo := strings.TrimPrefix(strings.ToUpper(r.IMO), "IMO")
	imo = strings.TrimSpace(imo)
	if len(imo) != 7 || strings.Trim(imo, "0123456789") != "" {
		m.probs.Add(m.at("ShipIMONumber"), "IMO number %q is not 7 digits; kept as given", r.IMO)
	}
	e.Identifiers = []embargo.Identifier{{Type: embargo.IMO, Value: imo}}
}

// isShipType reports whether TitleOrShip holds a ship type (the element
// carries a person's title or a ship's type, SEMA schema).
func isShipType(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"tanker", "cargo", "carrier", "ro-ro", "fso", "vessel", "bulk", "container", "tug", "trawler"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (m mapper) designation(r *record, ref string) embargo.Designation {
	d := embargo.Designation{Authority: Authority, List: List, SourceProgram: r.Country, Ref: ref}
	d.Program = source.Regime(r.Country)
	if d.Program == "" && strings.Contains(r.Country, "JVCFOR") {
		// Canada's Magnitsky law (Justice for Victims of Corrupt Foreign Officials).
		d.Program = "HUMAN-RIGHTS"
	}
	if r.Listed != "" {
		dt, err := embargo.ParseDate(r.Listed)
		if err != nil {
			m.probs.Add(m.at("DateOfListing"), "%v", err)
		}
		d.ListedOn = dt
	}
	return d
}

func name(full string, kind embargo.NameKind) embargo.Name {
	return embargo.Name{Full: full, Kind: kind, Script: normalize.DetectScript(full)}
}
