package uk

import (
	"fmt"
	"slices"
	"strings"

	"embargo"
	"embargo/source"
)

// parse groups the rows by Group ID, in order of first appearance, and makes
// one entity of each group.
func (t *table) parse() (*source.Result, error) {
	res := &source.Result{}
	if d, err := ukDate(t.updated); err != nil {
		res.Problems.Add(source.Pos{File: t.file, Record: t.firstAt, Field: "Last Updated"}, "%v", err)
	} else {
		res.Published = d
	}
	// Groups hold the indices of their rows, not copies of them.
	var order []string
	groups := map[string][]int32{}
	for i, r := range t.rows {
		gid := clean(t.cell(r, t.cols.groupID))
		if gid == "" {
			if i == len(t.rows)-1 && int(r.width) <= t.cols.groupID {
				return nil, conListError(t.file, t.at(r)+": the last row stops before the Group ID column (truncated download?)")
			}
			res.Problems.Skip(source.Pos{File: t.file, Record: t.at(r), Field: "Group ID"}, "row has no Group ID")
			continue
		}
		if _, ok := groups[gid]; !ok {
			order = append(order, gid)
		}
		groups[gid] = append(groups[gid], int32(i))
	}
	res.Entities = make([]embargo.Entity, 0, len(order))
	var rows []row
	seen := map[onceKey]bool{}
	for _, gid := range order {
		rows = rows[:0]
		for _, i := range groups[gid] {
			rows = append(rows, t.rows[i])
		}
		clear(seen)
		g := group{t: t, id: gid, rows: rows, probs: &res.Problems, seen: seen,
			pos: source.Pos{File: t.file, Record: "group " + gid}}
		res.Entities = append(res.Entities, g.entity())
	}
	return res, nil
}

// group is the rows of one Group ID, being made into an entity.
type group struct {
	t      *table
	id     string
	rows   []row
	pos    source.Pos
	probs  *source.ErrorList
	e      embargo.Entity
	seen   map[onceKey]bool // values already added, by field; reused by the next group
	ukRefs []string         // UK Sanctions List Refs from Other Information
	unRefs []string         // "un:<ref>" from "(UN Ref):"
}

func (g *group) cell(r row, i int) string { return g.t.cell(r, i) }

// onceKey is a value of a field, for once.
type onceKey struct{ field, v string }

// once reports whether v is new for field, remembering it.
func (g *group) once(field, v string) bool {
	k := onceKey{field, v}
	if g.seen[k] {
		return false
	}
	g.seen[k] = true
	return true
}

func (g *group) problem(field, format string, args ...any) {
	p := g.pos
	p.Field = field
	g.probs.Add(p, format, args...)
}

// entity builds the entity. Rows of a group repeat what they share and
// differ in a name, a date of birth, an address or a regime: every distinct
// value of every row is kept.
func (g *group) entity() embargo.Entity {
	g.e = embargo.Entity{ID: embargo.EntityID(ConListSource, g.id), Source: ConListSource}
	g.schema()
	g.names()
	for _, r := range g.rows {
		g.facts(r)
	}
	g.otherInfo()
	g.designations()
	g.e.Record = g.record()
	return g.e
}

// schema reads Group Type: Individual, Entity or Ship.
func (g *group) schema() {
	gt := clean(g.cell(g.rows[0], g.t.cols.groupType))
	s, ok := embargo.ParseSchema(gt)
	if !ok {
		g.problem("Group Type", "unknown group type %q; read as Thing", gt)
		s = embargo.Thing
	}
	for _, r := range g.rows[1:] {
		if o := clean(g.cell(r, g.t.cols.groupType)); o != gt {
			g.problem("Group Type", "rows disagree: %q and %q; the first is kept", gt, o)
			break
		}
	}
	g.e.Schema = s
}

// names reads every row's name; "Primary name" rows come first. The
// lists are gathered in the table's scratch slices and the entity gets an
// exact copy: growing four slices of Name per group was 12 MB of garbage a
// parse of the 2025-04-10 ConList.
func (g *group) names() {
	sc := &g.t.names
	prim, orig, rest := sc[0][:0], sc[1][:0], sc[2][:0] // names in this order: the original script before aliases that copy it
	for _, r := range g.rows {
		n, primary := g.name(r)
		switch {
		case n.Full == "":
		case primary:
			prim = append(prim, n)
		default:
			rest = append(rest, n)
		}
		if nl := clean(g.cell(r, g.t.cols.nonLatin)); nl != "" {
			o := personName([6]string{5: nl}, false)
			o.Kind, o.Lang = embargo.OriginalName, clean(g.cell(r, g.t.cols.nonLatinLang))
			orig = append(orig, o)
		}
	}
	sc[0], sc[1], sc[2] = prim, orig, rest
	if len(prim) == 0 {
		prim, rest, orig = promote(rest, orig)
		if len(prim) > 0 {
			g.problem("Alias Type", "no row is the Primary name; the first name is taken as primary")
		}
	}
	out := sc[3][:0]
	for _, list := range [][]embargo.Name{prim, orig, rest} {
		for _, n := range list {
			if g.once("name", n.Full) {
				out = append(out, n)
			}
		}
	}
	sc[3] = out
	g.e.Names = slices.Clone(out)
	if len(g.e.Names) == 0 {
		g.problem("Name 6", "no row gives a name; the entity is kept under its Group ID")
		g.e.Names = []embargo.Name{{Full: "Group ID " + g.id, Kind: embargo.PrimaryName}}
	}
}

// name reads the row's Latin name and whether it is the primary one.
func (g *group) name(r row) (embargo.Name, bool) {
	var parts [6]string
	for i := range 6 {
		parts[i] = g.cell(r, g.t.cols.name[i])
	}
	n := personName(parts, g.e.Schema == embargo.Person)
	at := clean(g.cell(r, g.t.cols.aliasType))
	switch strings.ToLower(at) {
	case "primary name", "prime alias": // "Prime Alias" is the 2020 wording
		n.Kind = embargo.PrimaryName
		return n, true
	case "fka":
		n.Kind = embargo.FormerName
	case "aka", "primary name variation", "alias":
		n.Kind = embargo.AliasName
	default:
		g.problem("Alias Type", "%s: unknown alias type %q; read as an alias", g.t.at(r), at)
		n.Kind = embargo.AliasName
	}
	n.Quality = quality(g.cell(r, g.t.cols.aliasQuality))
	return n, false
}

// facts reads a row's dates and places of birth, nationalities, documents,
// titles, positions and address.
func (g *group) facts(r row) {
	c := g.t.cols
	for _, v := range splitNumbered(g.cell(r, c.dob)) {
		d, err := ukDate(v)
		if err != nil {
			g.problem("DOB", "%s: %v", g.t.at(r), err)
			continue
		}
		if g.once("dob", d.String()) {
			g.e.BirthDates = append(g.e.BirthDates, embargo.BirthDate{Date: d})
		}
	}
	g.birthPlaces(r)
	for _, v := range splitNumbered(g.cell(r, c.nationality)) {
		g.addCountry(&g.e.Nationality, "Nationality", v)
	}
	g.documents(embargo.Passport, g.cell(r, c.passport), g.cell(r, c.passportDetails))
	g.documents(embargo.NationalID, g.cell(r, c.natID), g.cell(r, c.natIDDet))
	for _, v := range splitNumbered(g.cell(r, c.title)) {
		if g.once("title", v) {
			g.e.Titles = append(g.e.Titles, v)
		}
	}
	for _, v := range splitNumbered(g.cell(r, c.position)) {
		if g.once("position", v) {
			g.e.Positions = append(g.e.Positions, v)
		}
	}
	g.address(r)
}

// birthPlaces pairs Town of Birth with Country of Birth when both number the
// same count of values, else keeps each list as it is.
func (g *group) birthPlaces(r row) {
	towns := splitNumbered(g.cell(r, g.t.cols.town))
	countries := splitNumbered(g.cell(r, g.t.cols.birthCountry))
	var places []string
	if len(towns) == len(countries) {
		for i := range towns {
			places = append(places, towns[i]+", "+countries[i])
		}
	} else {
		places = append(towns, countries...)
	}
	for _, p := range places {
		if g.once("birthplace", p) {
			g.e.BirthPlaces = append(g.e.BirthPlaces, p)
		}
	}
}

// addCountry appends the ISO code of v to list, reporting a country it
// cannot read.
func (g *group) addCountry(list *[]string, field, v string) {
	codes, ok := countryCodes(v)
	if !ok {
		if g.once("badcountry", v) {
			g.problem(field, "country %q not recognised", v)
		}
		return
	}
	for _, code := range codes {
		if g.once(field, code) {
			*list = append(*list, code)
		}
	}
}

// documents reads a number cell and its details cell: "(1) 223611 (2)
// C00146605" with "(1) Libya number (2) British passport number". Details
// go with their number when both cells count alike, else whole into Note.
func (g *group) documents(typ embargo.IDType, numbers, details string) {
	nums, dets := splitNumbered(numbers), splitNumbered(details)
	for i, n := range nums {
		note := clean(details)
		if len(dets) == len(nums) {
			note = dets[i]
		}
		if g.once(string(typ), n) {
			g.e.Identifiers = append(g.e.Identifiers, embargo.Identifier{Type: typ, Value: n, Note: note})
		}
	}
	// Some groups give the numbers in the details cell alone ("TIN
	// 2225028954", "Registration numbers OGRN ..."): kept whole as an
	// other identifier, labelled with the column they came from.
	if d := clean(details); len(nums) == 0 && d != "" && g.once(string(typ)+"-details", d) {
		g.e.Identifiers = append(g.e.Identifiers, embargo.Identifier{Type: embargo.OtherID, Value: d, Note: string(typ) + " details without a number"})
	}
}

// address reads Address 1..6, Post/Zip Code and Country as one address.
func (g *group) address(r row) {
	c := g.t.cols
	var lines []string
	for i := range 6 {
		if v := clean(g.cell(r, c.addr[i])); v != "" {
			lines = append(lines, v)
		}
	}
	a := embargo.Address{PostalCode: clean(g.cell(r, c.postCode))}
	written := clean(g.cell(r, c.country))
	if written != "" {
		code, ok := countryCode(written)
		if ok {
			a.Country = code
			if g.once("countries", code) {
				g.e.Countries = append(g.e.Countries, code)
			}
		} else if g.once("badcountry", written) {
			g.problem("Country", "country %q not recognised", written)
		}
	}
	if len(lines) == 0 && a.PostalCode == "" && written == "" {
		return
	}
	full := append(lines, a.PostalCode, written)
	a.Full = joinNonEmpty(full, ", ")
	if g.once("address", a.Full) {
		g.e.Addresses = append(g.e.Addresses, a)
	}
}

func joinNonEmpty(parts []string, sep string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// record returns the group's rows as CSV, trailing empty cells dropped (so
// that the CSV and the xlsx give the same text), cut at MaxRecord on a row.
func (g *group) record() string {
	b := source.NewRecordWriter()
	defer b.Release()
	for i, r := range g.rows {
		g.t.cellBuf = g.t.cells(r, g.t.cellBuf)
		cells := g.t.cellBuf
		mark := b.Len()
		b.Row(cells)
		if b.Len() > MaxRecord && i > 0 {
			b.Truncate(mark)
			b.WriteString(fmt.Sprintf("# %d more rows of group %s not kept here\n", len(g.rows)-i, g.id))
			break
		}
	}
	return b.String()
}
