package ftm_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/ftm"
)

// FuzzParse: no input may panic, read as a base file or as a delta file; a
// refusal is EINVALID (wrapping ErrFormat when it names a file); entities
// have ids and designations.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/input.jsonl")
	more, _ := filepath.Glob("testdata/*/*/entities.delta.json")
	idx, _ := filepath.Glob("testdata/*/delta.json")
	for i, s := range append(append(seeds, more...), idx...) {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, delta bool) {
		name := "input.jsonl"
		if delta {
			name = "v1/entities.delta.json"
		}
		ftm.Format{}.Detect(name, data[:min(len(data), source.HeadSize)])
		res, err := ftm.Format{}.Parse([]source.File{{Name: name, Data: data}})
		if err != nil {
			if embargo.ErrorKind(err) != embargo.EINVALID && !errors.Is(err, source.ErrFormat) {
				t.Fatalf("refusal of kind %s: %v", embargo.ErrorKind(err), err)
			}
			return
		}
		for _, e := range res.Entities {
			if !strings.HasPrefix(e.ID, "ftm:") || len(e.ID) == 4 || len(e.Designations) == 0 {
				t.Fatalf("bad entity %+v", e)
			}
		}
	})
}
