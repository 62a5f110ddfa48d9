package canada_test

import (
	"testing"

	"embargo/source/canada"
	"embargo/source/sourcetest"
)

// TestGolden parses each testdata/<case>/input.xml and compares the result
// with want.json, or the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, canada.Format{}, sourcetest.Options{Record: sourcetest.NonEmpty})
}
