package australia_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"embargo/source"
	"embargo/source/australia"
)

// FuzzParse feeds mutated fixtures to Parse: it must never panic, must
// refuse with ErrFormat or succeed, and every entity must carry an id, a
// name and a designation.
func FuzzParse(f *testing.F) {
	ins, _ := filepath.Glob("testdata/*/input.csv")
	for _, in := range ins {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := australia.Format{}.Parse([]source.File{{Name: "fuzz.csv", Data: data}})
		if err != nil {
			if !errors.Is(err, source.ErrFormat) {
				t.Fatalf("error does not wrap ErrFormat: %v", err)
			}
			return
		}
		for _, e := range res.Entities {
			if e.ID == "" || len(e.Names) == 0 || len(e.Designations) == 0 || e.Names[0].Full == "" {
				t.Fatalf("incomplete entity %+v", e)
			}
		}
	})
}

// FuzzXLSX feeds mutated workbooks to the parser (and so to the package's
// own SpreadsheetML scanner): no panic, only results or ErrFormat.
func FuzzXLSX(f *testing.F) {
	f.Add(workbook(f, "testdata/basic/input.csv"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := australia.Format{}.Parse([]source.File{{Name: "fuzz.xlsx", Data: data}})
		if err != nil && !errors.Is(err, source.ErrFormat) {
			t.Fatalf("error does not wrap ErrFormat: %v", err)
		}
	})
}
