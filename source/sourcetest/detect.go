package sourcetest

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
)

// Head is what source.Detect gives a format's Detect: the first
// source.HeadSize bytes.
func Head(b []byte) []byte { return b[:min(len(b), source.HeadSize)] }

// Detect checks f.Detect on the head of each file named by its path under
// testdata/: it must accept the files mapped to true and refuse the others.
func Detect(t *testing.T, f source.Format, want map[string]bool) {
	t.Helper()
	for rel, w := range want {
		b, err := os.ReadFile(filepath.Join("testdata", rel))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Detect(rel, Head(b)); got != w {
			t.Errorf("Detect(%s) = %v, want %v", rel, got, w)
		}
	}
}

// DetectReal runs f.Detect on the head of every real file in shared/data
// (every list format, CSV, XLSX, JSON): it must accept exactly the files
// accept names (rel is the slash path under shared/data). It skips when
// the data is absent.
func DetectReal(t *testing.T, f source.Format, accept func(rel string, head []byte) bool) {
	t.Helper()
	root := testdata.Path(t, ".")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		head, err := readHead(p)
		if err != nil {
			return err
		}
		if got, want := f.Detect(rel, head), accept(rel, head); got != want {
			t.Errorf("Detect(%s) = %v, want %v", rel, got, want)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files checked", n)
}

// readHead reads the first source.HeadSize bytes of a file.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, source.HeadSize)
	k, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return head[:k], nil
}
