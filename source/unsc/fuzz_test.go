package unsc_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo/source"
	"embargo/source/unsc"
)

// FuzzParse: no input may panic; a refusal wraps ErrFormat; a result's
// entities have ids and a designation.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/input.xml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		unsc.Format{}.Detect("f.xml", data[:min(len(data), source.HeadSize)])
		res, err := unsc.Format{}.Parse([]source.File{{Name: "f.xml", Data: data}})
		if err != nil {
			if !errors.Is(err, source.ErrFormat) {
				t.Fatalf("refusal does not wrap ErrFormat: %v", err)
			}
			return
		}
		for _, e := range res.Entities {
			if !strings.HasPrefix(e.ID, "un:") || len(e.ID) == 3 || len(e.Designations) != 1 {
				t.Fatalf("bad entity %+v", e)
			}
		}
	})
}
