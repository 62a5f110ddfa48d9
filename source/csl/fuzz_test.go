package csl_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"embargo/source"
	"embargo/source/csl"
)

func fuzz(f *testing.F, format source.Format, glob string) {
	ins, _ := filepath.Glob(glob)
	for _, in := range ins {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := format.Parse([]source.File{{Name: "fuzz", Data: data}})
		if err != nil {
			if !errors.Is(err, source.ErrFormat) {
				t.Fatalf("error does not wrap ErrFormat: %v", err)
			}
			return
		}
		for _, e := range res.Entities {
			if e.ID == "" || len(e.Names) == 0 || e.Names[0].Full == "" || len(e.Designations) == 0 {
				t.Fatalf("incomplete entity %+v", e)
			}
		}
	})
}

// FuzzParse: mutated CSL fixtures never panic; they parse or are refused
// with ErrFormat, and every entity is complete.
func FuzzParse(f *testing.F) { fuzz(f, csl.CSL{}, "testdata/csl-*/input.*") }

// FuzzParseDPL is FuzzParse for the Denied Persons List.
func FuzzParseDPL(f *testing.F) { fuzz(f, csl.DPL{}, "testdata/dpl-*/input.*") }
