package unsc_test

import (
	"testing"

	"embargo/source"
	"embargo/source/sourcetest"
	"embargo/source/unsc"
)

// TestGolden parses each testdata/<case>/input.xml and compares the result
// with want.json, or the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, unsc.Format{}, sourcetest.Options{Record: sourcetest.Contains("<REFERENCE_NUMBER>")})
}

// TestNamespaceAgnostic: the same list in a default namespace reads the same.
func TestNamespaceAgnostic(t *testing.T) {
	sourcetest.SameEntities(t, unsc.Format{}, "testdata/basic", "testdata/namespace")
}

func TestDetect(t *testing.T) {
	sourcetest.Detect(t, unsc.Format{}, map[string]bool{
		"basic/input.xml": true, "namespace/input.xml": true, "truncated/input.xml": true,
		"html/input.xml": false, "empty/input.xml": false, "jsonerror/input.xml": false, "wrongroot/input.xml": false,
	})
}

func TestInfo(t *testing.T) {
	f, ok := source.Lookup("un")
	if !ok || f.Info().Name != "unsc" {
		t.Fatalf("Lookup(un) = %v, %v", f, ok)
	}
	if _, err := (unsc.Format{}).Parse(nil); err == nil {
		t.Error("Parse of no file: no error")
	}
}
