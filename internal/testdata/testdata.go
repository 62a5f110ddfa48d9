// Package testdata finds the real official lists in ../shared/data for tests
// and benchmarks, which read them in place and skip when they are absent.
package testdata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"embargo"
	"embargo/source"
)

// Root returns the absolute path of shared/data beside the repository, or ""
// when it is absent. EMBARGO_SHARED_DATA overrides the location.
func Root() string {
	if d := os.Getenv("EMBARGO_SHARED_DATA"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/internal/testdata/testdata.go
	repo := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(repo), "shared", "data")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Path returns the path of rel inside shared/data, skipping the test (or
// benchmark) with a clear message when the file is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skipf("real data not available: ../shared/data is absent beside the repository (set EMBARGO_SHARED_DATA); skipping %s", rel)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("real data not available: %s: %v", p, err)
	}
	return p
}

// Read returns the content of rel inside shared/data, skipping when absent.
func Read(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Parse reads the files rel of one list version in place and parses them
// with the registered format named format ("" to detect it from the first
// file), skipping when a file is absent. The caller registers the formats
// (a blank import of embargo/source/all).
func Parse(tb testing.TB, format string, rels ...string) []embargo.Entity {
	tb.Helper()
	var files []source.File
	for _, rel := range rels {
		p := Path(tb, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, source.File{Name: filepath.Base(p), Data: data})
	}
	var f source.Format
	if format != "" {
		var ok bool
		if f, ok = source.Lookup(format); !ok {
			tb.Fatalf("format %s not registered", format)
		}
	} else {
		var err error
		if f, err = source.Detect(files[0].Name, files[0].Data); err != nil {
			tb.Fatalf("%s: %v", rels[0], err)
		}
	}
	start := time.Now()
	res, err := f.Parse(files)
	if err != nil {
		tb.Fatalf("%s: %v", rels[0], err)
	}
	tb.Logf("%s: %d entities parsed in %s", rels[0], len(res.Entities), time.Since(start).Round(time.Millisecond))
	return res.Entities
}
