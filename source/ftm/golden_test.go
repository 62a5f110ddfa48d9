package ftm_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"embargo/source"
	"embargo/source/ftm"
	"embargo/source/sourcetest"
)

// caseFiles lists a case's inputs in the order a user would give them:
// input.jsonl, then */entities.delta.json, then delta.json; names are
// relative to the case folder.
func caseFiles(t *testing.T, dir string) []source.File {
	t.Helper()
	var names []string
	if _, err := os.Stat(filepath.Join(dir, "input.jsonl")); err == nil {
		names = append(names, "input.jsonl")
	}
	deltas, _ := filepath.Glob(filepath.Join(dir, "*", "entities.delta.json"))
	sort.Strings(deltas)
	for _, d := range deltas {
		rel, _ := filepath.Rel(dir, d)
		names = append(names, filepath.ToSlash(rel))
	}
	if _, err := os.Stat(filepath.Join(dir, "delta.json")); err == nil {
		names = append(names, "delta.json")
	}
	var files []source.File
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, source.File{Name: n, Data: b})
	}
	return files
}

// TestGolden parses each testdata/<case> and compares the result with
// want.json, or the refusal with want.err (go test -update rewrites them).
func TestGolden(t *testing.T) {
	sourcetest.Golden(t, ftm.Format{}, sourcetest.Options{Files: caseFiles, Record: func(rec string) bool {
		return strings.HasPrefix(rec, "{") && strings.Contains(rec, `"id"`)
	}})
}

func TestDetect(t *testing.T) {
	sourcetest.Detect(t, ftm.Format{}, map[string]bool{
		"basic/input.jsonl": true, "deltas/20240101000000-aaa/entities.delta.json": true,
		"deltas/delta.json": true, "truncated/input.jsonl": true,
		"html/input.jsonl": false, "empty/input.jsonl": false, "jsonerror/input.jsonl": false, "xml/input.jsonl": false,
	})
}

// TestDeltaOrder: deltas given out of order are applied in version order
// when the index is given, and the index alone is refused.
func TestDeltaOrder(t *testing.T) {
	files := caseFiles(t, "testdata/deltas")
	rev := append([]source.File{files[0]}, files[1:]...)
	for i, j := 1, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	a, err := ftm.Format{}.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ftm.Format{}.Parse(rev)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a.Entities)
	jb, _ := json.Marshal(b.Entities)
	if !bytes.Equal(ja, jb) {
		t.Errorf("order of files changes the result:\n%s\n%s", ja, jb)
	}
	if _, err := (ftm.Format{}).Parse(files[len(files)-1:]); err == nil {
		t.Error("the index alone: no error")
	}
}
