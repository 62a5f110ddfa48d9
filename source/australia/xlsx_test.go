package australia_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"embargo/source"
	"embargo/source/australia"
)

// workbook writes the CSV fixture as the official workbook does: one sheet,
// numbers (Control Date, serial dates of birth) stored as numbers.
func workbook(t testing.TB, csvFile string) []byte {
	t.Helper()
	b, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wb := excelize.NewFile()
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			if n, err := strconv.Atoi(c); err == nil {
				cells[j] = n
			} else {
				cells[j] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := wb.SetSheetRow("Sheet1", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := wb.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestXLSXMatchesCSV reads the fixture as a workbook and as CSV: the
// entities must be the same.
func TestXLSXMatchesCSV(t *testing.T) {
	x := workbook(t, "testdata/basic/input.csv")
	c, _ := os.ReadFile("testdata/basic/input.csv")
	rx, err := australia.Format{}.Parse([]source.File{{Name: "regulation8_consolidated.xlsx", Data: x}})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := australia.Format{}.Parse([]source.File{{Name: "input.csv", Data: c}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rx.Entities) == 0 || !reflect.DeepEqual(rx.Entities, rc.Entities) {
		t.Errorf("xlsx and CSV differ:\nxlsx %+v\ncsv  %+v", rx.Entities, rc.Entities)
	}
	if !(australia.Format{}).Detect("regulation8_consolidated.xlsx", x[:source.HeadSize]) {
		t.Error("Detect refuses the workbook")
	}
}

// TestXLSXTruncated refuses a workbook cut short, naming the file.
func TestXLSXTruncated(t *testing.T) {
	x := workbook(t, "testdata/basic/input.csv")
	_, err := australia.Format{}.Parse([]source.File{{Name: "cut.xlsx", Data: x[:len(x)/2]}})
	if !errors.Is(err, source.ErrFormat) || !bytes.Contains([]byte(err.Error()), []byte("cut.xlsx")) {
		t.Errorf("got %v, want a format error naming cut.xlsx", err)
	}
}

// TestDetect accepts DFAT's CSV header and refuses the other fixtures.
func TestDetect(t *testing.T) {
	for file, want := range map[string]bool{
		"testdata/basic/input.csv":       true,
		"testdata/html/input.csv":        false,
		"testdata/wrongheader/input.csv": false,
		"testdata/empty/input.csv":       false,
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := (australia.Format{}).Detect(file, b); got != want {
			t.Errorf("Detect(%s) = %v, want %v", file, got, want)
		}
	}
}
