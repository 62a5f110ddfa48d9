package australia_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"embargo/internal/testdata"
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

// excelizeRows reads the first sheet with excelize, raw values: the oracle
// the package's own scanner is checked against.
func excelizeRows(t testing.TB, data []byte) [][]string {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(wb.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestScannerMatchesExcelize compares the scanner with excelize cell by cell,
// on the fixture workbook and on the real DFAT file when present.
func TestScannerMatchesExcelize(t *testing.T) {
	cases := map[string][]byte{"fixture": workbook(t, "testdata/basic/input.csv")}
	if p := testdata.Root(); p != "" {
		if b, err := os.ReadFile(filepath.Join(p, realXLSX)); err == nil {
			cases["real"] = b
		}
	}
	for name, data := range cases {
		got, err := australia.ReadXLSX(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := excelizeRows(t, data)
		if len(got) != len(want) {
			t.Errorf("%s: %d rows, excelize %d", name, len(got), len(want))
		}
		bad := 0
		for i := range min(len(got), len(want)) {
			g, w := trimRow(got[i]), trimRow(want[i])
			if !slices.Equal(g, w) && bad < 5 {
				bad++
				t.Errorf("%s row %d:\n got  %q\n want %q", name, i+1, g, w)
			}
		}
		t.Logf("%s: %d rows agree", name, len(want))
	}
}

// trimRow drops trailing empty cells, which readers keep or not.
func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}
