package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/xuri/excelize/v2"

	"embargo"
	"embargo/audit"
	"embargo/match"
)

// inRow is one row of a file to screen: its id (the "id" column, else its
// row number) and its fields by column name.
type inRow struct {
	id     string
	fields map[string]string
}

// outRow is the result of one row, as written to the output.
type outRow struct {
	RowID string          `json:"row_id"`
	Name  string          `json:"name"`
	Error string          `json:"error,omitempty"`
	Hits  []embargo.Match `json:"hits"`

	query embargo.Query // what was screened, for the audit log
}

// Columns read besides the name, by their usual headers.
var (
	idColumns      = []string{"id", "row_id", "query_id", "customer_id"}
	typeColumns    = []string{"type", "schema"}
	dobColumns     = []string{"dob", "birth_date", "date_of_birth"}
	countryColumns = []string{"country", "nationality"}
	identColumns   = []string{"id_number", "identifier", "imo", "passport"}
)

func (m *Main) screenFile(ctx context.Context, f screenFlags, opt match.Options) error {
	f.nameColumn = columnKey(f.nameColumn)
	rows, err := readRows(f.file, f.nameColumn)
	if err != nil {
		return err
	}
	cat, err := m.Catalog(ctx)
	if err != nil {
		return err
	}
	if cat.Demo {
		fmt.Fprintln(m.Stderr, "NOTE: "+demoNotice)
	}
	out, done, closeOut, err := m.openOutput(f.output)
	if err != nil {
		return err
	}
	todo := rows[:0:0]
	for _, r := range rows {
		if !done[r.id] {
			todo = append(todo, r)
		}
	}
	// Each row is a screening decision: recorded in the audit log (not
	// for the demo subset), in row order, by a batching writer.
	record := func(outRow) {}
	if !cat.Demo {
		l, err := m.auditLog(ctx)
		if err != nil {
			return err
		}
		aw := audit.NewWriter(l, 4096, nil)
		defer aw.Close()
		record = func(o outRow) {
			aw.Submit(cliRecord("screen", o.query, cat.Versions, opt.Threshold, o.Hits, "row "+o.RowID))
		}
	}
	start := time.Now()
	ix := match.NewIndex(cat.Entities)
	matched, err := m.screenRows(ctx, ix, todo, f, opt, out, record)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	el := time.Since(start)
	fmt.Fprintf(m.Stderr, "screened %d rows (%d already in the output), %d with a match, in %s (%.0f rows/s)\n",
		len(todo), len(rows)-len(todo), matched, el.Round(time.Millisecond), float64(len(todo))/max(el.Seconds(), 1e-9))
	return err
}

// screenRows screens rows on parallel workers and writes results in input order.
func (m *Main) screenRows(ctx context.Context, ix *match.Index, rows []inRow, f screenFlags, opt match.Options, out rowWriter, record func(outRow)) (int, error) {
	workers := f.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		row inRow
	}
	type res struct {
		seq int
		out outRow
	}
	jobs, results := make(chan job), make(chan res, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- res{j.seq, screenRow(ix, j.row, f.nameColumn, opt)}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, r := range rows {
			select {
			case jobs <- job{i, r}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	bar := progressbar.NewOptions(len(rows), progressbar.OptionSetWriter(m.Stderr), progressbar.OptionShowCount(),
		progressbar.OptionShowIts(), progressbar.OptionSetDescription("screening"), progressbar.OptionThrottle(200*time.Millisecond))
	pending := map[int]outRow{}
	next, matched := 0, 0
	var werr error
	for r := range results {
		pending[r.seq] = r.out
		for o, ok := pending[next]; ok; o, ok = pending[next] {
			delete(pending, next)
			next++
			if len(o.Hits) > 0 && o.Hits[0].Matched {
				matched++
			}
			if werr == nil {
				werr = out.write(o)
			}
			record(o)
			_ = bar.Add(1)
		}
	}
	_ = bar.Finish()
	fmt.Fprintln(m.Stderr)
	if werr != nil {
		return matched, werr
	}
	return matched, ctx.Err()
}

func screenRow(ix *match.Index, r inRow, nameCol string, opt match.Options) outRow {
	o := outRow{RowID: r.id, Name: r.fields[nameCol]}
	get := func(cols []string) string {
		for _, c := range cols {
			if v := strings.TrimSpace(r.fields[c]); v != "" {
				return v
			}
		}
		return ""
	}
	q, err := buildQuery(o.Name, get(typeColumns), get(dobColumns), get(countryColumns), get(identColumns))
	if err != nil {
		// Screen on the name alone rather than skip the row; say why.
		o.Error = err.Error()
		q = embargo.Query{Name: o.Name}
	}
	if strings.TrimSpace(o.Name) == "" && len(q.Identifiers) == 0 {
		o.Error = "empty name"
		o.Hits = []embargo.Match{}
		return o
	}
	o.query = q
	o.Hits = ix.Screen(q, opt)
	if o.Hits == nil {
		o.Hits = []embargo.Match{}
	}
	return o
}

// columnKey is how columns are named inside: "Customer ID" is customer_id.
func columnKey(h string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(h)), " ", "_")
}

// readRows reads a CSV, JSONL or XLSX file by its extension.
func readRows(path, nameCol string) ([]inRow, error) {
	var (
		rows []inRow
		err  error
	)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		rows, err = readCSVRows(path)
	case ".jsonl", ".ndjson":
		rows, err = readJSONLRows(path)
	case ".xlsx":
		rows, err = readXLSXRows(path)
	default:
		return nil, fmt.Errorf("%w: --file %s: want a .csv, .jsonl or .xlsx file", errUsage, path)
	}
	if err != nil {
		return nil, err
	}
	if len(rows) > 0 {
		if _, ok := rows[0].fields[nameCol]; !ok {
			return nil, fmt.Errorf("%s: no column %q (set --name-column)", path, nameCol)
		}
	}
	seen := map[string]int{}
	for i, r := range rows {
		if j, dup := seen[r.id]; dup {
			return nil, fmt.Errorf("%s: rows %d and %d have the same id %q: ids must be unique to resume", path, j+1, i+1, r.id)
		}
		seen[r.id] = i
	}
	return rows, nil
}

func tableRows(header []string, records [][]string, path string) ([]inRow, error) {
	for i := range header {
		header[i] = columnKey(strings.TrimPrefix(header[i], "\ufeff"))
	}
	rows := make([]inRow, 0, len(records))
	for i, rec := range records {
		r := inRow{id: strconv.Itoa(i + 1), fields: make(map[string]string, len(header))}
		for j, h := range header {
			if j < len(rec) {
				r.fields[h] = rec[j]
			} else {
				r.fields[h] = ""
			}
		}
		if len(rec) > len(header) {
			return nil, fmt.Errorf("%s: row %d has %d fields, the header %d", path, i+2, len(rec), len(header))
		}
		for _, c := range idColumns {
			if v := strings.TrimSpace(r.fields[c]); v != "" {
				r.id = v
				break
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

func readCSVRows(path string) ([]inRow, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	cr := csv.NewReader(fh)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty file, want a header row", path)
	}
	return tableRows(recs[0], recs[1:], path)
}

func readXLSXRows(path string) ([]inRow, error) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: no sheet", path)
	}
	recs, err := x.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %s: %w", path, sheets[0], err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: sheet %s is empty, want a header row", path, sheets[0])
	}
	return tableRows(recs[0], recs[1:], path)
}

func readJSONLRows(path string) ([]inRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []inRow
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, n+1, err)
		}
		r := inRow{id: strconv.Itoa(n + 1), fields: map[string]string{}}
		for k, v := range obj {
			if v != nil {
				r.fields[columnKey(k)] = fmt.Sprint(v)
			}
		}
		for _, c := range idColumns {
			if v := r.fields[c]; v != "" {
				r.id = v
				break
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// rowWriter writes results as CSV or JSONL.
type rowWriter interface{ write(outRow) error }

type jsonlWriter struct{ w *bufio.Writer }

func (j jsonlWriter) write(o outRow) error {
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

type csvWriter struct{ w *csv.Writer }

var csvHeader = []string{"row_id", "name", "hits", "matched", "top_entity_id", "top_caption", "top_score", "entity_ids", "scores", "explanation", "error"}

func (c csvWriter) write(o outRow) error {
	var ids, scores, expl []string
	for _, h := range o.Hits {
		ids = append(ids, h.EntityID)
		scores = append(scores, strconv.FormatFloat(h.Score, 'f', 3, 64))
	}
	rec := []string{o.RowID, o.Name, strconv.Itoa(len(o.Hits)), "false", "", "", "", strings.Join(ids, ";"), strings.Join(scores, ";"), "", o.Error}
	if len(o.Hits) > 0 {
		h := o.Hits[0]
		for _, x := range h.Explanations {
			expl = append(expl, strings.Join(strings.Fields(explainLine(x)), " "))
		}
		rec[3], rec[4], rec[5], rec[6], rec[9] = strconv.FormatBool(h.Matched), h.EntityID, h.Caption, scores[0], strings.Join(expl, " | ")
	}
	if err := c.w.Write(rec); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// openOutput opens the output for appending and returns the ids of the rows
// it already holds, so that a stopped run resumes where it stopped. A last
// line cut short by the stop is dropped and screened again.
func (m *Main) openOutput(path string) (rowWriter, map[string]bool, func() error, error) {
	done := map[string]bool{}
	if path == "" {
		bw := bufio.NewWriter(m.Stdout)
		return jsonlWriter{bw}, done, bw.Flush, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".csv" && ext != ".jsonl" && ext != ".ndjson" {
		return nil, nil, nil, fmt.Errorf("%w: --output %s: want a .csv or .jsonl file", errUsage, path)
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil, err
	}
	if i := bytes.LastIndexByte(data, '\n'); i+1 != len(data) {
		data = data[:i+1]
		if err := os.Truncate(path, int64(len(data))); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := doneIDs(data, ext, done); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: cannot resume: %w", path, err)
	}
	fh, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, nil, nil, err
	}
	if ext != ".csv" {
		bw := bufio.NewWriter(fh)
		return jsonlWriter{bw}, done, func() error { return errors.Join(bw.Flush(), fh.Close()) }, nil
	}
	cw := csvWriter{csv.NewWriter(fh)}
	if len(data) == 0 {
		if err := cw.w.Write(csvHeader); err != nil {
			fh.Close()
			return nil, nil, nil, err
		}
	}
	return cw, done, func() error { cw.w.Flush(); return errors.Join(cw.w.Error(), fh.Close()) }, nil
}

func doneIDs(data []byte, ext string, done map[string]bool) error {
	if len(data) == 0 {
		return nil
	}
	if ext != ".csv" {
		for n, line := range bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n")) {
			var o struct {
				RowID string `json:"row_id"`
			}
			if err := json.Unmarshal(line, &o); err != nil {
				return fmt.Errorf("line %d: %v", n+1, err)
			}
			done[o.RowID] = true
		}
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(data))
	recs, err := cr.ReadAll()
	if err != nil {
		return err
	}
	if len(recs) == 0 || len(recs[0]) == 0 || recs[0][0] != csvHeader[0] {
		return fmt.Errorf("not an embargo screening output (header %v)", csvHeader)
	}
	for _, r := range recs[1:] {
		done[r[0]] = true
	}
	return nil
}
