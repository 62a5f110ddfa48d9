package csl_test

import (
	"os"
	"testing"

	"embargo/source"
	"embargo/source/csl"
	"embargo/source/sourcetest"
)

// TestGolden parses each testdata/<case>/input.* (csl-* cases with the CSL
// format, dpl-* with the DPL) and compares the result with want.json, or
// the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, csl.CSL{}, sourcetest.Options{Cases: "testdata/csl-*", Record: sourcetest.NonEmpty})
	sourcetest.Golden(t, csl.DPL{}, sourcetest.Options{Cases: "testdata/dpl-*", Record: sourcetest.NonEmpty})
}

// TestDetect: each format accepts its own fixtures and no other.
func TestDetect(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/csl-2019/input.csv":        csl.CSLName,
		"testdata/csl-2025/input.csv":        csl.CSLName,
		"testdata/dpl-basic/input.txt":       csl.DPLName,
		"testdata/csl-html/input.csv":        "",
		"testdata/dpl-wrongheader/input.txt": "",
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []source.Format{csl.CSL{}, csl.DPL{}} {
			if got := f.Detect(file, sourcetest.Head(b)); got != (f.Info().Name == want) {
				t.Errorf("%s.Detect(%s) = %v", f.Info().Name, file, got)
			}
		}
	}
}
