package australia

import (
	"fmt"
	"regexp"
	"strings"

	"embargo"
	"embargo/normalize"
	"embargo/source"
)

// group is the rows of one base reference, in file order.
type group struct {
	base string
	rows []int // indices into rows
}

var refRe = regexp.MustCompile(`^(\d+)([a-z]+\d*)?$`)

// build groups the rows by base reference and maps each group.
func build(file string, rows [][]string) (*source.Result, error) {
	res := &source.Result{}
	var order []*group
	byBase := map[string]*group{}
	for i, r := range rows {
		for j := range r {
			r[j] = clean(r[j])
		}
		pos := func() source.Pos { return rowPos(file, i, r[colRef]) } // named only on a problem
		if blank(r) {
			continue // empty rows end the sheet's used range; they hold no record
		}
		m := refRe.FindStringSubmatch(strings.ToLower(r[colRef]))
		if m == nil {
			res.Problems.Skip(pos(), "Reference %q is not a number with an optional letter suffix", r[colRef])
			continue
		}
		g := byBase[m[1]]
		if g == nil {
			g = &group{base: m[1]}
			byBase[m[1]] = g
			order = append(order, g)
		} else if last := g.rows[len(g.rows)-1]; last != i-1 && !blank(rows[i-1]) {
			res.Problems.Add(pos(), "row of reference %s is apart from the others of its listing (row %d); merged", m[1], last+2)
		}
		g.rows = append(g.rows, i)
	}
	if len(order) == 0 {
		return nil, formatError(file, "the sheet holds no listing below its header")
	}
	found := map[string]string{}
	res.Entities = make([]embargo.Entity, 0, len(order)) // growing it was 4 MB of garbage a parse
	for _, g := range order {
		mp := mapper{file: file, rows: rows, probs: &res.Problems, found: found}
		e := mp.entity(g)
		if len(e.Names) == 0 {
			res.Problems.Skip(mp.at(g.rows[0], "Name of Individual or Entity"), "listing %s has no name in any of its rows", g.base)
			continue
		}
		res.Entities = append(res.Entities, e)
		for _, i := range g.rows {
			if d, ok := serialDate(rows[i][colControl]); ok && res.Published.Before(d) {
				// The list's date is its latest Control Date (the date each
				// row was last changed, DFAT).
				res.Published = d
			}
		}
	}
	return res, nil
}

// rowPos names a row by its reference and its row number in the sheet
// (the header is row 1).
func rowPos(file string, i int, ref string) source.Pos {
	rec := fmt.Sprintf("row %d", i+2)
	if ref != "" {
		rec = fmt.Sprintf("reference %s (row %d)", ref, i+2)
	}
	return source.Pos{File: file, Record: rec}
}

func blank(r []string) bool {
	for _, c := range r {
		if c != "" {
			return false
		}
	}
	return true
}

// clean collapses the no-break spaces, newlines and trailing spaces the
// workbook is full of ("Entity ", "Yemeni\u00a0") and reads "NA" as empty.
func clean(s string) string {
	if messy(s) {
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	}
	if len(s) <= 3 {
		switch strings.ToLower(s) {
		case "na", "n/a", "-":
			return ""
		}
	}
	return s
}

// messy reports whether s has a space to collapse or trim, a control
// character or a no-break space; most cells have none, and skip the work.
func messy(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return true
			}
		case c < ' ':
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			return true
		}
	}
	return false
}

// mapper maps one group of rows to an entity.
type mapper struct {
	file  string
	rows  [][]string
	probs *source.ErrorList
	found map[string]string // address -> country code ("" for none), see countryOf
}

func (m mapper) at(i int, field string) source.Pos {
	p := rowPos(m.file, i, m.rows[i][colRef])
	p.Field = field
	return p
}

func (m mapper) entity(g *group) embargo.Entity {
	e := embargo.Entity{ID: embargo.EntityID(Source, g.base), Source: Source}
	prim := m.primaryRow(g)
	e.Schema = m.schema(prim)
	names := map[string]bool{}
	for _, i := range g.rows {
		n, ok := m.name(i, i == prim)
		if ok && !names[string(n.Kind)+n.Full] {
			names[string(n.Kind)+n.Full] = true
			e.Names = append(e.Names, n)
		}
	}
	seen := map[string]bool{}
	for _, i := range g.rows {
		m.births(&e, i, seen)
		m.places(&e, i, seen)
		m.citizenship(&e, i, seen)
		m.addresses(&e, i, seen)
		m.info(&e, i, seen)
		m.designation(&e, i, g.base, seen)
	}
	e.Record = record(m.rows, g.rows)
	return e
}

// primaryRow finds the row whose Name Type is Primary Name.
func (m mapper) primaryRow(g *group) int {
	for _, i := range g.rows {
		if nameKind(m.rows[i][colNameType]) == embargo.PrimaryName {
			return i
		}
	}
	m.probs.Add(m.at(g.rows[0], "Name Type"), "listing %s has no Primary Name row; the first row's name is taken as primary", g.base)
	return g.rows[0]
}

// schema reads Type ("Individual", "Entity ", "individual"); when it is
// empty or unknown the row's content decides and a problem says so.
func (m mapper) schema(i int) embargo.Schema {
	r := m.rows[i]
	switch strings.ToLower(r[colType]) {
	case "individual":
		return embargo.Person
	case "entity":
		return embargo.Organization
	case "vessel":
		return embargo.Vessel
	}
	s, why := embargo.Organization, "no date or place of birth or citizenship"
	if r[colDOB] != "" || r[colPOB] != "" || r[colCitizenship] != "" {
		s, why = embargo.Person, "it gives a date or place of birth or a citizenship"
	}
	m.probs.Add(m.at(i, "Type"), "Type %q is neither Individual nor Entity; read as %s because %s", r[colType], s, why)
	return s
}

// nameKind reads Name Type in its many spellings ("aka ", "AKA",
// "Primary Name ", "primary Name", "Original script").
func nameKind(s string) embargo.NameKind {
	switch strings.ToLower(s) {
	case "primary name":
		return embargo.PrimaryName
	case "aka", "a.k.a.", "alias":
		return embargo.AliasName
	case "original script":
		return embargo.OriginalName
	case "formerly known as", "previously listed as", "fka", "f.k.a.":
		return embargo.FormerName
	}
	return ""
}

func (m mapper) name(i int, primary bool) (embargo.Name, bool) {
	r := m.rows[i]
	if r[colName] == "" {
		m.probs.Add(m.at(i, "Name of Individual or Entity"), "the row gives no name")
		return embargo.Name{}, false
	}
	kind := nameKind(r[colNameType])
	switch {
	case primary:
		kind = embargo.PrimaryName
	case kind == embargo.PrimaryName:
		m.probs.Add(m.at(i, "Name Type"), "a second Primary Name in the listing; read as an alias")
		kind = embargo.AliasName
	case kind == "":
		m.probs.Add(m.at(i, "Name Type"), "Name Type %q unknown; read as an alias", r[colNameType])
		kind = embargo.AliasName
	}
	return embargo.Name{Full: r[colName], Kind: kind, Script: normalize.DetectScript(r[colName])}, true
}

// record renders the group's rows as CSV, the record as published.
func record(rows [][]string, idx []int) string {
	b := source.NewRecordWriter()
	defer b.Release()
	for _, i := range idx {
		b.Row(rows[i][:len(columns)])
	}
	return strings.TrimSpace(b.String())
}
