package canada_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"embargo/source"
	"embargo/source/canada"
)

// FuzzParse feeds mutated fixtures to Parse: it must never panic, must
// refuse with ErrFormat or succeed, and every entity must carry an id, a
// name and a designation.
func FuzzParse(f *testing.F) {
	ins, _ := filepath.Glob("testdata/*/input.xml")
	for _, in := range ins {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := canada.Format{}.Parse([]source.File{{Name: "fuzz.xml", Data: data}})
		if err != nil {
			if !errors.Is(err, source.ErrFormat) {
				t.Fatalf("error does not wrap ErrFormat: %v", err)
			}
			return
		}
		for _, e := range res.Entities {
			if e.ID == "" || len(e.Names) == 0 || len(e.Designations) == 0 || e.Names[0].Full == "" {
				t.Fatalf("incomplete entity %+v", e)
			}
		}
	})
}

// TestDetect accepts the SEMA fixture and refuses the others.
func TestDetect(t *testing.T) {
	for file, want := range map[string]bool{
		"testdata/basic/input.xml":     true,
		"testdata/html/input.xml":      false,
		"testdata/wrongroot/input.xml": false,
		"testdata/empty/input.xml":     false,
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := (canada.Format{}).Detect(file, b); got != want {
			t.Errorf("Detect(%s) = %v, want %v", file, got, want)
		}
	}
}
