package csl_test

import (
	"testing"

	"embargo/source/csl"
	"embargo/source/sourcetest"
)

// FuzzParse: mutated CSL fixtures never panic; they parse or are refused
// with ErrFormat, and every entity is complete.
func FuzzParse(f *testing.F) {
	sourcetest.Seed(f, "testdata/csl-*/input.*")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, csl.CSL{}, "fuzz", data) })
}

// FuzzParseDPL is FuzzParse for the Denied Persons List.
func FuzzParseDPL(f *testing.F) {
	sourcetest.Seed(f, "testdata/dpl-*/input.*")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, csl.DPL{}, "fuzz", data) })
}
