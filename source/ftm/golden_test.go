package ftm_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/ftm"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json and want.err")

type golden struct {
	Published embargo.Date     `json:"published,omitempty"`
	Entities  []embargo.Entity `json:"entities"`
	Problems  source.ErrorList `json:"problems"`
}

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
// want.json, or the refusal with want.err (telegraf testcases style).
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no testdata cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, err := ftm.Format{}.Parse(caseFiles(t, dir))
			var got []byte
			wantFile := filepath.Join(dir, "want.json")
			if err != nil {
				if !errors.Is(err, source.ErrFormat) || !strings.Contains(err.Error(), "input.jsonl") {
					t.Errorf("refusal %q does not wrap ErrFormat or name the file", err)
				}
				got = []byte(err.Error() + "\n")
				wantFile = filepath.Join(dir, "want.err")
			} else {
				for i := range res.Entities {
					e := &res.Entities[i]
					if !strings.HasPrefix(e.Record, "{") || !strings.Contains(e.Record, `"id"`) {
						t.Errorf("%s: Record does not hold the original JSON: %.60q", e.ID, e.Record)
					}
					e.Record = "" // kept out of want.json for readability
				}
				got, _ = json.MarshalIndent(golden{res.Published, res.Entities, res.Problems}, "", "  ")
				got = append(got, '\n')
			}
			if *update {
				os.Remove(filepath.Join(dir, "want.json"))
				os.Remove(filepath.Join(dir, "want.err"))
				if err := os.WriteFile(wantFile, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", wantFile, got, want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		file string
		want bool
	}{
		{"basic/input.jsonl", true}, {"deltas/20240101000000-aaa/entities.delta.json", true},
		{"deltas/delta.json", true}, {"truncated/input.jsonl", true},
		{"html/input.jsonl", false}, {"empty/input.jsonl", false}, {"jsonerror/input.jsonl", false}, {"xml/input.jsonl", false},
	} {
		in, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := (ftm.Format{}).Detect(c.file, in[:min(len(in), source.HeadSize)]); got != c.want {
			t.Errorf("Detect(%s) = %v, want %v", c.file, got, c.want)
		}
	}
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
