package eu_test

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/eu"
)

// TestDetectReal runs Detect on the head of every real file in shared/data
// (every list format, CSV, XLSX, JSON): it accepts its own files only.
func TestDetectReal(t *testing.T) {
	root := testdata.Path(t, ".")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		head := make([]byte, source.HeadSize)
		k, err := io.ReadFull(f, head)
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return err
		}
		head = head[:k]
		want := strings.HasPrefix(rel, "eu_fsf/") && strings.HasSuffix(rel, ".xml")
		if got := (eu.Format{}).Detect(rel, head); got != want {
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
