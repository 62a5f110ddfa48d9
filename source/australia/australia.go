// Package australia reads the Australian DFAT Consolidated List
// (regulation8_consolidated.xlsx): one sheet, one row per name, twelve
// columns from Reference to Control Date. A listing spans several rows: the
// primary name under the base reference ("2") and each alias or
// original-script name under a suffixed one ("2a", "2b", "34c1"). The rows
// of one base reference become one entity, au:<base reference>.
//
// The same layout saved as CSV (a cell dump of the workbook, UTF-8, header
// row) is read too.
package australia

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"embargo"
	"embargo/source"
)

// Format name and the designation every record carries.
const (
	Name      = "au-dfat"
	Source    = "au"
	Authority = "Australia DFAT"
	List      = "DFAT Consolidated List"
)

func init() { source.Register(Format{}) }

// Format is the DFAT consolidated list, xlsx or CSV.
type Format struct{}

// Info describes the format.
func (Format) Info() source.Info {
	return source.Info{
		Name:        Name,
		Source:      Source,
		Authority:   Authority,
		List:        List,
		Description: "Australia DFAT Consolidated List (regulation8_consolidated.xlsx, or the same columns as CSV)",
		URLs:        []string{"https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx"},
	}
}

// columns are the header cells, in the official order.
var columns = []string{"Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth",
	"Place of Birth", "Citizenship", "Address", "Additional Information", "Listing Information", "Committees", "Control Date"}

const (
	colRef = iota
	colName
	colType
	colNameType
	colDOB
	colPOB
	colCitizenship
	colAddress
	colInfo
	colListing
	colCommittees
	colControl
)

var zipMagic = []byte("PK\x03\x04")

// Detect accepts a CSV whose header is DFAT's, or an xlsx workbook named
// as DFAT names it (regulation8...). source.Detect also renders a
// workbook's first rows as CSV and asks again, so a DFAT workbook of any
// name is recognised by its header; the name is the fallback.
func (Format) Detect(name string, head []byte) bool {
	if bytes.HasPrefix(head, zipMagic) {
		n := strings.ToLower(name)
		return strings.HasSuffix(n, ".xlsx") && (strings.Contains(n, "regulation8") || strings.Contains(n, "dfat"))
	}
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(h, []byte("Reference,Name of Individual or Entity,Type,Name Type"))
}

// Parse reads one file, xlsx or CSV.
func (Format) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one xlsx or CSV file, got %d", Name, len(files))
	}
	f := files[0]
	rows, err := readRows(f)
	if err != nil {
		return nil, err
	}
	return build(f.Name, rows)
}

func formatError(file, why string) error { return source.FormatError(Name, file, why) }

// readRows returns the rows below the header, each padded to 12 cells,
// after checking the header.
func readRows(f source.File) ([][]string, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, formatError(f.Name, "the file is empty")
	}
	var rows [][]string
	var err error
	if bytes.HasPrefix(data, zipMagic) {
		rows, err = xlsxRows(f.Name, data)
	} else {
		rows, err = csvRows(f.Name, data)
	}
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, formatError(f.Name, "no header row"+source.LooksLike(data))
	}
	if err := checkHeader(f.Name, rows[0], data); err != nil {
		return nil, err
	}
	rows = rows[1:]
	for i, r := range rows {
		if len(r) < len(columns) {
			rows[i] = append(r, make([]string, len(columns)-len(r))...)
		}
	}
	return rows, nil
}

func checkHeader(file string, h []string, data []byte) error {
	if len(h) < len(columns) {
		return formatError(file, fmt.Sprintf("header has %d columns, want the %d of DFAT's layout%s", len(h), len(columns), source.LooksLike(data)))
	}
	for i, want := range columns {
		if !strings.EqualFold(strings.TrimSpace(h[i]), want) {
			return formatError(file, fmt.Sprintf("header column %d is %q, want %q%s", i+1, h[i], want, source.LooksLike(data)))
		}
	}
	return nil
}

// xlsxRows reads the first sheet. Cells come as stored, so that Control
// Date and dates of birth are the Excel serial numbers the workbook holds
// (45303), not a display format.
func xlsxRows(file string, data []byte) ([][]string, error) {
	rows, err := readXLSX(data)
	if err != nil {
		return nil, formatError(file, "not a readable xlsx workbook: "+err.Error())
	}
	return rows, nil
}

// csvRows reads the CSV dump; rows may have more cells than the header
// (a stray trailing cell in the 2024 file) or none (blank lines).
func csvRows(file string, data []byte) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, formatError(file, "malformed CSV: "+err.Error()+source.LooksLike(data))
		}
		rows = append(rows, rec)
	}
	return rows, nil
}
