package uk_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"embargo/source"
	"embargo/source/uk"
)

// seed adds every golden input with the given extension to the corpus.
func seed(f *testing.F, ext string) {
	inputs, _ := filepath.Glob("testdata/*/input" + ext)
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// fuzzParse checks Parse's contract on any input: no panic; an error wraps
// ErrFormat and comes with no result; a result has an id and a name for
// every entity.
func fuzzParse(t *testing.T, format source.Format, name string, data []byte) {
	res, err := format.Parse([]source.File{{Name: name, Data: data}})
	if err != nil {
		if !errors.Is(err, source.ErrFormat) {
			t.Fatalf("error does not wrap ErrFormat: %v", err)
		}
		if res != nil {
			t.Fatal("error with a result")
		}
		return
	}
	for _, e := range res.Entities {
		if e.ID == "" || len(e.Names) == 0 || e.Names[0].Full == "" || len(e.Designations) == 0 {
			t.Fatalf("incomplete entity %+v", e)
		}
	}
}

func FuzzParseConList(f *testing.F) {
	seed(f, ".csv")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, uk.ConList{}, "ConList.csv", data) })
}

func FuzzParseXLSX(f *testing.F) {
	for _, c := range []string{"conlist-2025", "conlist-2020"} {
		b, err := os.ReadFile(filepath.Join("testdata", c, "input.csv"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(csvToXLSX(f, b))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, uk.ConList{}, "ConList.xlsx", data) })
}

func FuzzParseFCDO(f *testing.F) {
	seed(f, ".xml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, uk.FCDO{}, "UK-Sanctions-List.xml", data) })
}
