package goods

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"embargo"
	"embargo/source"
)

// Columns of the CSV files the CLI reads; lists inside a cell are
// separated by ";".
var (
	ShipmentColumns = []string{"ref", "date", "from", "to", "origin", "via", "hs", "description", "quantity", "unit",
		"value", "shipper", "consignee", "notify_party", "parties", "vessel", "imo", "flag", "attestations"}
	DeliveryColumns = []string{"ref", "date", "product", "quantity", "unit", "value_usd", "supplier"}
	RecordColumns   = []string{"ref", "name", "nationality", "country_of_work", "start", "authorised", "contract", "end", "attestations"}
)

// Table reads a CSV file with a header row, row by row. Unknown columns are
// refused (a misspelt "orgin" would silently screen nothing).
type Table struct {
	name string
	r    *csv.Reader
	col  map[string]int
	line int
}

// NewTable reads the header of a CSV file and checks its columns against
// known; required columns must be present.
func NewTable(name string, r io.Reader, known, required []string) (*Table, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, source.FormatError("csv", name, "no header row: "+err.Error())
	}
	t := &Table{name: name, r: cr, col: map[string]int{}, line: 1}
	ok := map[string]bool{}
	for _, k := range known {
		ok[k] = true
	}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !ok[h] {
			return nil, source.FormatError("csv", name, fmt.Sprintf("unknown column %q (known: %s)", h, strings.Join(known, ", ")))
		}
		t.col[h] = i
	}
	for _, k := range required {
		if _, ok := t.col[k]; !ok {
			return nil, source.FormatError("csv", name, "missing column "+k)
		}
	}
	return t, nil
}

// Row is one CSV row; Get returns a trimmed cell, "" when absent.
type Row struct {
	rec []string
	col map[string]int
}

func (r Row) Get(k string) string {
	i, ok := r.col[k]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// List splits a cell on ";".
func (r Row) List(k string) []string {
	s := r.Get(k)
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Float parses a number cell ("" is 0); a bad number is an error naming the column.
func (r Row) Float(k string) (float64, error) {
	s := strings.ReplaceAll(r.Get(k), ",", "")
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, embargo.FieldError(k, "%q is not a number", r.Get(k))
	}
	return f, nil
}

// Next returns the next row and its position; io.EOF at the end. A row the
// CSV reader cannot read is returned as an error with its position.
func (t *Table) Next() (Row, source.Pos, error) {
	rec, err := t.r.Read()
	t.line++
	pos := source.Pos{File: t.name, Record: fmt.Sprintf("line %d", t.line)}
	if err == io.EOF {
		return Row{}, pos, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			t.line = pe.Line
			pos.Record = fmt.Sprintf("line %d", pe.Line)
		}
		return Row{}, pos, err
	}
	return Row{rec: rec, col: t.col}, pos, nil
}

// ShipmentReader reads shipments from a CSV or JSON Lines file.
type ShipmentReader struct {
	table *Table
	lines *bufio.Scanner
	name  string
	line  int
}

// NewShipmentReader picks the format from the file name: .jsonl or .ndjson
// for JSON Lines (one Shipment object a line), anything else CSV.
func NewShipmentReader(name string, r io.Reader) (*ShipmentReader, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		return &ShipmentReader{lines: sc, name: name}, nil
	}
	t, err := NewTable(name, r, ShipmentColumns, []string{"date", "from", "to"})
	if err != nil {
		return nil, err
	}
	return &ShipmentReader{table: t, name: name}, nil
}

// Next returns the next shipment; io.EOF at the end. A row that does not
// parse is an error with its position; the caller goes on to the next row.
func (sr *ShipmentReader) Next() (Shipment, source.Pos, error) {
	if sr.lines != nil {
		return sr.nextJSON()
	}
	row, pos, err := sr.table.Next()
	if err != nil {
		return Shipment{}, pos, err
	}
	s := Shipment{Ref: row.Get("ref"), Date: row.Get("date"), From: row.Get("from"), To: row.Get("to"),
		Origin: row.Get("origin"), Via: row.List("via"), HS: row.Get("hs"), Description: row.Get("description"),
		Unit: row.Get("unit"), Shipper: row.Get("shipper"), Consignee: row.Get("consignee"),
		NotifyParty: row.Get("notify_party"), Parties: row.List("parties"), Vessel: row.Get("vessel"),
		IMO: row.Get("imo"), Flag: row.Get("flag"), Attestations: row.List("attestations")}
	if s.Ref != "" {
		pos.Record += " (" + s.Ref + ")"
	}
	if s.Quantity, err = row.Float("quantity"); err != nil {
		return s, pos, err
	}
	if s.Value, err = row.Float("value"); err != nil {
		return s, pos, err
	}
	return s, pos, nil
}

func (sr *ShipmentReader) nextJSON() (Shipment, source.Pos, error) {
	for {
		sr.line++
		pos := source.Pos{File: sr.name, Record: fmt.Sprintf("line %d", sr.line)}
		if !sr.lines.Scan() {
			if err := sr.lines.Err(); err != nil {
				return Shipment{}, pos, err
			}
			return Shipment{}, pos, io.EOF
		}
		b := sr.lines.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var s Shipment
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return Shipment{}, pos, embargo.Errorf(embargo.EINVALID, "not a shipment object: %v", err)
		}
		if s.Ref != "" {
			pos.Record += " (" + s.Ref + ")"
		}
		return s, pos, nil
	}
}

// ReadDeliveries reads a deliveries CSV; rows that do not parse are
// reported with their line, the rest returned.
func ReadDeliveries(name string, r io.Reader) ([]Delivery, []source.Pos, error) {
	t, err := NewTable(name, r, DeliveryColumns, []string{"date", "product", "quantity", "unit"})
	if err != nil {
		return nil, nil, err
	}
	return readAll(t, func(row Row) (Delivery, error) {
		d := Delivery{Ref: row.Get("ref"), Date: row.Get("date"), Product: row.Get("product"), Unit: row.Get("unit"), Supplier: row.Get("supplier")}
		var e1, e2 error
		d.Quantity, e1 = row.Float("quantity")
		d.Value, e2 = row.Float("value_usd")
		return d, errors.Join(e1, e2)
	})
}

// ReadRecords reads a labour records CSV.
func ReadRecords(name string, r io.Reader) ([]Record, []source.Pos, error) {
	t, err := NewTable(name, r, RecordColumns, []string{"nationality", "country_of_work", "start"})
	if err != nil {
		return nil, nil, err
	}
	return readAll(t, func(row Row) (Record, error) {
		return Record{Ref: row.Get("ref"), Name: row.Get("name"), Nationality: row.List("nationality"),
			CountryOfWork: row.Get("country_of_work"), Start: row.Get("start"), Authorised: row.Get("authorised"),
			Contract: row.Get("contract"), End: row.Get("end"), Attestations: row.List("attestations")}, nil
	})
}

// readAll turns every row of t into a T with build; a row that does not
// read or build is reported with its line (and ref) and skipped.
func readAll[T any](t *Table, build func(Row) (T, error)) ([]T, []source.Pos, error) {
	var out []T
	var pos []source.Pos
	var errs source.ErrorList
	for {
		row, p, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs.Skip(p, "%v", err)
			continue
		}
		if ref := row.Get("ref"); ref != "" {
			p.Record += " (" + ref + ")"
		}
		v, err := build(row)
		if err != nil {
			errs.Skip(p, "%v", err)
			continue
		}
		out = append(out, v)
		pos = append(pos, p)
	}
	return out, pos, errs.Err()
}
