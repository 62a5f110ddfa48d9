package uk_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"embargo/source"
	"embargo/source/sourcetest"
	"embargo/source/uk"
)

// TestGolden parses testdata/<case>/input.* (conlist-* cases with ConList,
// fcdo-* with FCDO) and compares the result with want.json, or the refusal
// with want.err. Run with -update to rewrite. Records stay in want.json.
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, uk.ConList{}, sourcetest.Options{Cases: "testdata/conlist-*"})
	sourcetest.Golden(t, uk.FCDO{}, sourcetest.Options{Cases: "testdata/fcdo-*"})
}

// truncated keeps a failure message readable.
func truncated(b []byte) string {
	if len(b) > 4000 {
		return string(b[:4000]) + "\n..."
	}
	return string(b)
}

// TestGoldenXLSX writes each ConList CSV case into an xlsx workbook (one
// sheet, string cells, as OFSI publishes it) and checks that the xlsx
// gives the same entities and problem count as the CSV.
func TestGoldenXLSX(t *testing.T) {
	for _, c := range []string{"conlist-2025", "conlist-2020", "conlist-problems"} {
		t.Run(c, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c, "input.csv"))
			if err != nil {
				t.Fatal(err)
			}
			fromCSV, err := uk.ConList{}.Parse([]source.File{{Name: "ConList.csv", Data: data}})
			if err != nil {
				t.Fatal(err)
			}
			x := csvToXLSX(t, data)
			fromX, err := uk.ConList{}.Parse([]source.File{{Name: "ConList.xlsx", Data: x}})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fromCSV.Entities, fromX.Entities) {
				a, _ := json.MarshalIndent(fromCSV.Entities, "", " ")
				b, _ := json.MarshalIndent(fromX.Entities, "", " ")
				t.Errorf("xlsx entities differ from CSV:\n%s\n---\n%s", truncated(a), truncated(b))
			}
			if len(fromCSV.Problems) != len(fromX.Problems) || fromCSV.Published != fromX.Published {
				t.Errorf("csv: %v %v; xlsx: %v %v", fromCSV.Published, fromCSV.Problems, fromX.Published, fromX.Problems)
			}
		})
	}
}

// csvToXLSX builds an xlsx workbook whose only sheet holds the CSV's cells.
func csvToXLSX(t testing.TB, data []byte) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Refusals name the file and the line.
func TestRefusalsNameFileAndLine(t *testing.T) {
	for _, c := range []string{"conlist-truncated-quote", "conlist-truncated-row", "conlist-not-conlist-header", "conlist-html", "fcdo-truncated"} {
		b, err := os.ReadFile(filepath.Join("testdata", c, "want.err"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "input.") || !(strings.Contains(string(b), "line ") || strings.Contains(string(b), "row ")) {
			t.Errorf("%s: %q does not name the file and line", c, b)
		}
	}
}

// Parse wants exactly one file.
func TestParseFileCount(t *testing.T) {
	for _, f := range []source.Format{uk.ConList{}, uk.FCDO{}} {
		if _, err := f.Parse(nil); err == nil {
			t.Errorf("%s: Parse(nil) succeeded", f.Info().Name)
		}
	}
}

// A zip that is named .xlsx but is no workbook is refused by Parse.
func TestXLSXNotAWorkbook(t *testing.T) {
	_, err := uk.ConList{}.Parse([]source.File{{Name: "ConList.xlsx", Data: []byte("PK\x03\x04garbage")}})
	if !errors.Is(err, source.ErrFormat) || !strings.Contains(err.Error(), "ConList.xlsx") {
		t.Errorf("err = %v", err)
	}
	other := csvToXLSX(t, []byte("Country,Vote\nFrance,Yes\n"))
	_, err = uk.ConList{}.Parse([]source.File{{Name: "votes.xlsx", Data: other}})
	if !errors.Is(err, source.ErrFormat) || !strings.Contains(err.Error(), "row 1") {
		t.Errorf("err = %v", err)
	}
}
