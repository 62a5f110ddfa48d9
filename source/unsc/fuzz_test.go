package unsc_test

import (
	"testing"

	"embargo/source/sourcetest"
	"embargo/source/unsc"
)

// FuzzParse: no input may panic; a refusal wraps ErrFormat; a result's
// entities have ids, a name and one designation each.
func FuzzParse(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		res := sourcetest.Parse(t, unsc.Format{}, "f.xml", data)
		if res == nil {
			return
		}
		for _, e := range res.Entities {
			if len(e.Designations) != 1 {
				t.Fatalf("%s has %d designations, want 1", e.ID, len(e.Designations))
			}
		}
	})
}
