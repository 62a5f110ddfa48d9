package australia_test

import (
	"testing"

	"embargo/source/australia"
	"embargo/source/sourcetest"
)

// TestGolden parses each testdata/<case>/input.csv and compares the result
// with want.json, or the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, australia.Format{}, sourcetest.Options{Record: sourcetest.NonEmpty})
}
