package canada_test

import (
	"testing"

	"embargo/source/canada"
	"embargo/source/sourcetest"
)

// FuzzParse feeds mutated fixtures to Parse: it must never panic, must
// refuse with ErrFormat or succeed, and every entity must carry an id, a
// name and a designation.
func FuzzParse(f *testing.F) {
	sourcetest.Seed(f, "testdata/*/input.xml")
	f.Fuzz(func(t *testing.T, data []byte) { sourcetest.Parse(t, canada.Format{}, "fuzz.xml", data) })
}

// TestDetect accepts the SEMA fixture and refuses the others.
func TestDetect(t *testing.T) {
	sourcetest.Detect(t, canada.Format{}, map[string]bool{
		"basic/input.xml":     true,
		"html/input.xml":      false,
		"wrongroot/input.xml": false,
		"empty/input.xml":     false,
	})
}
