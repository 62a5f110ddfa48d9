package eu_test

import (
	"reflect"
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

func parseCase(t *testing.T, dir string) (*source.Result, error) {
	t.Helper()
	return eu.Format{}.Parse(sourcetest.Inputs(t, dir))
}

// TestNamespaceAgnostic: the same file without its namespace reads the same.
func TestNamespaceAgnostic(t *testing.T) {
	a, err := parseCase(t, "testdata/basic")
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseCase(t, "testdata/nonamespace")
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Entities {
		a.Entities[i].Record, b.Entities[i].Record = "", ""
	}
	if !reflect.DeepEqual(a.Entities, b.Entities) {
		t.Error("a default namespace changes the result")
	}
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
