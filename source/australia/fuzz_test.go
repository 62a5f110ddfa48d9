package australia_test

import (
	"errors"
	"testing"

	"embargo/source"
	"embargo/source/australia"
	"embargo/source/sourcetest"
)

// FuzzParse feeds mutated fixtures to Parse: it must never panic, must
// refuse with ErrFormat or succeed, and every entity must carry an id, a
// name and a designation.
func FuzzParse(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.csv")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, australia.Format{}, "fuzz.csv", data) })
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
