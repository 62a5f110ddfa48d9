// Package testdata finds the real official lists in ../shared/data for tests
// and benchmarks, which read them in place and skip when they are absent.
package testdata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
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
