package eu_test

import (
	"testing"

	"embargo/source/eu"
	"embargo/source/sourcetest"
)

// FuzzParse: no input may panic; a refusal wraps ErrFormat; a result's
// entities have ids, a name and a designation (sourcetest.Parse).
func FuzzParse(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.xml")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, eu.Format{}, "f.xml", data) })
}
