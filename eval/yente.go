package eval

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
)

// YenteRow is one row of the yente candidate-generation benchmark CSVs
// (opensanctions/yente contrib/candidate_generation_benchmark): full_name,
// first_name, middle_name, last_name, gender, date_of_birth, place_of_birth,
// nationality. They carry no entity id.
type YenteRow struct {
	Name, Gender, BirthDate, Nationality string
}

// ReadYente reads at most limit rows (0: all) of a yente benchmark CSV.
func ReadYente(r io.Reader, name string, limit int) ([]YenteRow, error) {
	rows, col, err := readCSV(r, name, []string{"full_name", "gender", "date_of_birth", "nationality"})
	if err != nil {
		return nil, err
	}
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	out := make([]YenteRow, len(rows))
	for i, row := range rows {
		out[i] = YenteRow{Name: row[col["full_name"]], Gender: row[col["gender"]],
			BirthDate: row[col["date_of_birth"]], Nationality: row[col["nationality"]]}
	}
	return out, nil
}

// ResolveExpected finds, for each row, the one entity whose name is the
// row's name exactly (same words in any order, after normalize.Fold) and
// whose birth date covers the row's date: a route independent of the
// matcher. Rows that resolve to none or to several get "". It returns the
// ids and how many resolved.
func ResolveExpected(rows []YenteRow, ents []embargo.Entity) ([]string, int) {
	byName := map[string][]int{}
	for i := range ents {
		for _, n := range ents[i].Names {
			k := nameKey(n.Full)
			if l := byName[k]; len(l) == 0 || l[len(l)-1] != i {
				byName[k] = append(l, i)
			}
		}
	}
	ids := make([]string, len(rows))
	resolved := 0
	for r, row := range rows {
		d, err := LenientDate(row.BirthDate)
		if err != nil {
			continue
		}
		var found []string
		for _, i := range byName[nameKey(row.Name)] {
			if bornOn(&ents[i], d) && !slices.Contains(found, ents[i].ID) {
				found = append(found, ents[i].ID)
			}
		}
		if len(found) == 1 {
			ids[r] = found[0]
			resolved++
		}
	}
	return ids, resolved
}

func nameKey(s string) string {
	t := normalize.Tokens(normalize.Fold(s))
	slices.Sort(t)
	return strings.Join(t, " ")
}

func bornOn(e *embargo.Entity, d embargo.Date) bool {
	if d.IsZero() {
		return len(e.BirthDates) == 0
	}
	for _, b := range e.BirthDates {
		if b.Contains(d) {
			return true
		}
	}
	return false
}

// QueriesCSV writes rows as a queries CSV (query_id, schema, name,
// birth_date, nationality, expected, set), ids[i] being row i's expected
// entity ("" for a negative), skipping rows marked skip. Birth dates are
// rewritten YYYY-MM-DD (empty when not a calendar date); nationalities become
// ISO codes, or empty when the country is unknown.
func QueriesCSV(rows []YenteRow, ids []string, set string, skip func(i int) bool) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"query_id", "schema", "name", "birth_date", "nationality", "expected", "set"})
	for i, r := range rows {
		if skip != nil && skip(i) {
			continue
		}
		// The treated file puts typos in dates too ("1974-01-32"): such a
		// date is no date, and the query goes without one.
		d, _ := LenientDate(r.BirthDate)
		cc, _ := country.Code(r.Nationality)
		w.Write([]string{set + ":" + strconv.Itoa(i+1), "person", r.Name, d.String(), cc, ids[i], set})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
