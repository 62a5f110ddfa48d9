package uk_test

import (
	"os"
	"path/filepath"
	"testing"

	"embargo/source/sourcetest"
	"embargo/source/uk"
)

// The fuzz targets check Parse's contract on any input (sourcetest.Parse):
// no panic; a refusal wraps ErrFormat with no result; every entity has an
// id, a name and a designation.
func FuzzParseConList(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.csv")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, uk.ConList{}, "ConList.csv", data) })
}

func FuzzParseXLSX(f *testing.F) {
	for _, c := range []string{"conlist-2025", "conlist-2020"} {
		b, err := os.ReadFile(filepath.Join("testdata", c, "input.csv"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(csvToXLSX(f, b))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, uk.ConList{}, "ConList.xlsx", data) })
}

func FuzzParseFCDO(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.xml")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, uk.FCDO{}, "UK-Sanctions-List.xml", data) })
}
