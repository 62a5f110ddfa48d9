package sourcetest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo/source"
)

// Seed adds every file matching the globs to the fuzz corpus.
func Seed(f *testing.F, globs ...string) {
	f.Helper()
	for _, g := range globs {
		paths, _ := filepath.Glob(g)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// Parse runs Detect and Parse on any input, as a fuzz target does, and
// checks what must hold whatever the bytes: no panic; a refusal wraps
// ErrFormat, names the file and comes with no result; every entity has an
// id of the format's source, a name and a designation; every problem names
// the file. It returns the result, nil on a refusal.
func Parse(t *testing.T, f source.Format, name string, data []byte) *source.Result {
	t.Helper()
	f.Detect(name, Head(data))
	res, err := f.Parse([]source.File{{Name: name, Data: data}})
	if err != nil {
		if !errors.Is(err, source.ErrFormat) {
			t.Fatalf("refusal does not wrap ErrFormat: %v", err)
		}
		if res != nil {
			t.Fatal("a refusal with a result")
		}
		if !strings.Contains(err.Error(), name) {
			t.Fatalf("refusal %q does not name the file %q", err, name)
		}
		return nil
	}
	prefix := f.Info().Source + ":"
	for _, e := range res.Entities {
		if !strings.HasPrefix(e.ID, prefix) || len(e.ID) == len(prefix) ||
			len(e.Names) == 0 || e.Names[0].Full == "" || len(e.Designations) == 0 {
			t.Fatalf("incomplete entity %+v", e)
		}
	}
	for _, p := range res.Problems {
		if p.Pos.File != name {
			t.Fatalf("problem %v does not name the file %q", p, name)
		}
	}
	return res
}
