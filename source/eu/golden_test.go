package eu_test

import (
	"testing"

	"embargo/source"
	"embargo/source/eu"
	"embargo/source/sourcetest"
)

// TestGolden parses each testdata/<case>/input.xml and compares the result
// with want.json, or the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, eu.Format{}, sourcetest.Options{Record: sourcetest.Contains("<sanctionEntity")})
}

// TestNamespaceAgnostic: the same file without its namespace reads the same.
func TestNamespaceAgnostic(t *testing.T) {
	sourcetest.SameEntities(t, eu.Format{}, "testdata/basic", "testdata/nonamespace")
}

func TestDetect(t *testing.T) {
	sourcetest.Detect(t, eu.Format{}, map[string]bool{
		"basic/input.xml": true, "nonamespace/input.xml": true, "truncated/input.xml": true, "noentity/input.xml": true,
		"html/input.xml": false, "empty/input.xml": false, "jsonerror/input.xml": false, "wrongroot/input.xml": false,
	})
}

func TestInfo(t *testing.T) {
	f, ok := source.Lookup("eu")
	if !ok || f.Info().Name != "eu-fsf" {
		t.Fatalf("Lookup(eu) = %v, %v", f, ok)
	}
	if _, err := (eu.Format{}).Parse(nil); err == nil {
		t.Error("Parse of no file: no error")
	}
}
