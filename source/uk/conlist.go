package uk

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"embargo"
	"embargo/internal/xlsx"
	"embargo/source"
)

// ConList format name and the designation every record carries.
const (
	ConListName      = "uk-conlist"
	ConListSource    = "uk"
	ConListAuthority = "UK HM Treasury (OFSI)"
	ConListList      = "ConList"
)

func init() {
	source.Register(ConList{})
	source.Register(FCDO{})
}

// ConList is OFSI's Consolidated List, as CSV or xlsx.
type ConList struct{}

// Info describes the format.
func (ConList) Info() source.Info {
	return source.Info{
		Name:        ConListName,
		Source:      ConListSource,
		Authority:   ConListAuthority,
		List:        ConListList,
		Description: "UK OFSI Consolidated List of Financial Sanctions Targets (ConList.csv or ConList.xlsx; closed Jan 2026)",
		URLs:        []string{"https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"},
	}
}

// Detect accepts a CSV whose first line is "Last Updated,<date>" and whose
// second is the ConList header, or an xlsx workbook named as OFSI names it
// (ConList.xlsx; "ofsi" or "hmt" in the name). source.Detect also renders
// a workbook's first rows as CSV and asks again, so a ConList workbook of
// any name is recognised by its header; the name is the fallback when the
// sheet cannot be read cheaply. Parse refuses an xlsx that is not a ConList.
func (ConList) Detect(name string, head []byte) bool {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		n := strings.ToLower(path.Base(name))
		return path.Ext(n) == ".xlsx" && (strings.Contains(n, "conlist") || strings.Contains(n, "ofsi") || strings.Contains(n, "hmt"))
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	first, rest, ok := bytes.Cut(head, []byte("\n"))
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(first), []byte("Last Updated,")) {
		return false
	}
	header, _, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.Contains(header, []byte("Group ID")) && bytes.Contains(header, []byte("Name 6"))
}

// Parse reads one ConList file, CSV or xlsx.
func (ConList) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one ConList file (CSV or xlsx), got %d", ConListName, len(files))
	}
	f := files[0]
	var (
		t   *table
		err error
	)
	if bytes.HasPrefix(f.Data, []byte("PK\x03\x04")) {
		t, err = readXLSX(f)
	} else {
		t, err = readCSV(f)
	}
	if err != nil {
		return nil, err
	}
	return t.parse()
}

func conListError(file, why string) error { return source.FormatError(ConListName, file, why) }

// table is a ConList file read into rows: the "Last Updated" line, the
// header and the data rows.
type table struct {
	file    string
	unit    string // "line" (CSV) or "row" (xlsx), for row.num
	updated string // the date of row 1
	firstAt string // "line 1" or "row 1"
	header  []string
	cols    cols
	rows    []row
	strs    []string          // the distinct cell values; rows refer to them by index
	ids     map[string]int32  // index of each value in strs, while reading
	refSlab []int32           // row.refs are cut from these chunks
	cellBuf []string          // scratch for table.cells
	names   [4][]embargo.Name // scratch for group.names
}

// readCSV reads the CSV. The official file is UTF-8 (with or without BOM)
// but has at times been Windows-1252; invalid UTF-8 is read as the latter.
func readCSV(f source.File) (*table, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, conListError(f.Name, "the file is empty")
	}
	if !validUTF8(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, conListError(f.Name, "neither UTF-8 nor Windows-1252 text")
		}
		data = dec
	}
	if !bytes.HasPrefix(data, []byte("Last Updated,")) {
		return nil, conListError(f.Name, `line 1: the file does not start with "Last Updated,<dd/mm/yyyy>": not a ConList CSV`+source.LooksLike(data)+xmlHint(data))
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // the "Last Updated" line and padded rows differ in width
	// A stray quote inside an unquoted name (ACME "TRADING" LLC) is read
	// as a quote rather than refusing the whole list; a file cut short is
	// caught by its last row lacking the Group ID.
	r.LazyQuotes = true
	t := &table{file: f.Name, unit: "line"}
	for i := 0; ; i++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, conListError(f.Name, csvWhy(err))
		}
		line, _ := r.FieldPos(0)
		if err := t.add(i, line, rec); err != nil {
			return nil, err
		}
	}
	return t, t.complete()
}

// csvWhy words a CSV reader error; a quote left open is a file cut short.
func csvWhy(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) {
			return fmt.Sprintf("line %d: a quoted field is not closed (truncated download?)", pe.StartLine)
		}
		return fmt.Sprintf("line %d: malformed CSV: %v", pe.Line, pe.Err)
	}
	return "malformed CSV: " + err.Error()
}

// readXLSX reads the workbook's first sheet (the ConList xlsx has one,
// "Data" in 2025) with internal/xlsx, which streams the sheet (excelize
// took 1.3 s of CPU on the 2025 file). Cells are the raw values: the
// ConList has only string cells, so they are the text excelize gave.
func readXLSX(f source.File) (*table, error) {
	sh, err := xlsx.ReadSheet("", f.Data, 0)
	if err != nil {
		return nil, conListError(f.Name, "not a readable xlsx workbook: "+err.Error())
	}
	defer sh.Close()
	t := &table{file: f.Name, unit: "row"}
	for i := 0; sh.Next(); i++ {
		if err := t.add(i, i+1, sh.Row()); err != nil {
			return nil, err
		}
	}
	if err := sh.Err(); err != nil {
		return nil, conListError(f.Name, fmt.Sprintf("sheet %q: %v", sh.Name(), err))
	}
	return t, t.complete()
}

// add takes the i-th record of the file, numbered num: the "Last Updated"
// line, the header, then data. cells may be reused after add returns.
func (t *table) add(i, num int, cells []string) error {
	at := func() string { return t.at(row{num: int32(num)}) }
	switch i {
	case 0:
		if len(cells) < 2 || clean(cells[0]) != "Last Updated" {
			return conListError(t.file, at()+`: the first line is not "Last Updated,<dd/mm/yyyy>": not a ConList file`)
		}
		t.updated, t.firstAt = cells[1], at()
	case 1:
		t.header = slices.Clone(cells)
		return t.checkHeader(at())
	default:
		if allEmpty(cells) {
			return nil // the xlsx may end with blank formatted rows
		}
		t.rows = append(t.rows, t.newRow(num, cells))
	}
	return nil
}

// complete checks that the file had a header and at least one row.
func (t *table) complete() error {
	switch {
	case t.header == nil && t.updated == "":
		return conListError(t.file, "no rows: not a ConList file")
	case t.header == nil:
		return conListError(t.file, "the ConList header is missing after the \"Last Updated\" line (truncated?)")
	case len(t.rows) == 0:
		return conListError(t.file, "the ConList has a header but no rows (truncated?)")
	}
	t.ids = nil // only newRow needs it
	return nil
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// xmlHint says when a file given as CSV is XML (the FCDO list, the UN list).
func xmlHint(data []byte) string {
	t := bytes.TrimSpace(data[:min(len(data), 512)])
	if bytes.HasPrefix(t, []byte("<?xml")) {
		return " (it is XML)"
	}
	return ""
}
