// Package eval measures a screener: recall at rank 1 and 5, recall above
// the threshold, false-positive rate and latency over a queries CSV, and
// precision, recall and F1 over a pairs CSV. It reads CSV from an io.Reader
// and touches no file system.
package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
)

// Query is one row of a queries CSV.
type Query struct {
	ID       string
	Query    embargo.Query
	Expected string            // entity id, or "" when the query must match nothing
	Fields   map[string]string // every column, for --by
}

// QueryColumns are the columns a queries CSV header must include.
var QueryColumns = []string{"query_id", "schema", "name", "birth_date", "nationality", "expected"}

// PairColumns are the columns a pairs CSV header must include (schema is optional).
var PairColumns = []string{"name1", "name2", "is_match"}

// ReadQueries reads a queries CSV. name names the input in errors.
func ReadQueries(r io.Reader, name string) ([]Query, error) {
	rows, col, err := readCSV(r, name, QueryColumns)
	if err != nil {
		return nil, err
	}
	out := make([]Query, 0, len(rows))
	for i, row := range rows {
		pos := fmt.Sprintf("%s: row %d", name, i+2)
		q := Query{ID: row[col["query_id"]], Expected: strings.TrimSpace(row[col["expected"]]), Fields: map[string]string{}}
		for c, k := range col {
			q.Fields[c] = row[k]
		}
		schema, ok := embargo.ParseSchema(row[col["schema"]])
		if !ok {
			return nil, fmt.Errorf("%s: schema %q: want person, organization, vessel, aircraft or empty", pos, row[col["schema"]])
		}
		q.Query = embargo.Query{Name: row[col["name"]], Schema: schema}
		if q.Query.BirthDate, err = LenientDate(row[col["birth_date"]]); err != nil {
			return nil, fmt.Errorf("%s: birth_date: %v", pos, err)
		}
		if nat := strings.TrimSpace(row[col["nationality"]]); nat != "" {
			cc, ok := country.Code(nat)
			if !ok {
				return nil, fmt.Errorf("%s: nationality %q: not a known country", pos, nat)
			}
			q.Query.Countries = []string{cc}
		}
		out = append(out, q)
	}
	return out, nil
}

// LenientDate reads YYYY, YYYY-M or YYYY-M-D (months and days with or
// without a leading zero, as the yente fixtures write them).
func LenientDate(s string) (embargo.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return embargo.Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return embargo.Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return embargo.Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := embargo.Date{Year: n[0], Month: n[1], Day: n[2]}
	if err := d.Validate(); err != nil {
		return embargo.Date{}, err
	}
	return d, nil
}

// Pair is one row of a pairs CSV.
type Pair struct {
	Name1, Name2 string
	Schema       embargo.Schema
	Match        bool
	Fields       map[string]string
}

// ReadPairs reads a pairs CSV.
func ReadPairs(r io.Reader, name string) ([]Pair, error) {
	rows, col, err := readCSV(r, name, PairColumns)
	if err != nil {
		return nil, err
	}
	out := make([]Pair, 0, len(rows))
	for i, row := range rows {
		pos := fmt.Sprintf("%s: row %d", name, i+2)
		p := Pair{Name1: row[col["name1"]], Name2: row[col["name2"]], Fields: map[string]string{}}
		for c, k := range col {
			p.Fields[c] = row[k]
		}
		switch strings.ToLower(strings.TrimSpace(row[col["is_match"]])) {
		case "true", "1", "yes", "y", "t":
			p.Match = true
		case "false", "0", "no", "n", "f":
		default:
			return nil, fmt.Errorf("%s: is_match %q: want true or false", pos, row[col["is_match"]])
		}
		if k, ok := col["schema"]; ok {
			s, ok := embargo.ParseSchema(row[k])
			if !ok {
				return nil, fmt.Errorf("%s: schema %q: not a known schema", pos, row[k])
			}
			p.Schema = s
		}
		out = append(out, p)
	}
	return out, nil
}

// readCSV reads a header that must include want, and the rows after it.
func readCSV(r io.Reader, name string, want []string) ([][]string, map[string]int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: empty file, want a CSV header with %s", name, strings.Join(want, ","))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, nil, fmt.Errorf("%s: header lacks column %q (want %s)", name, w, strings.Join(want, ","))
		}
	}
	var rows [][]string
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(row) != len(header) {
			return nil, nil, fmt.Errorf("%s: row %d has %d fields, the header %d", name, len(rows)+2, len(row), len(header))
		}
		rows = append(rows, row)
	}
	return rows, col, nil
}
