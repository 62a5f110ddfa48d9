package csl_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/csl"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json and want.err")

// golden is what a parse of testdata/<case>/input.* must give.
type golden struct {
	Published embargo.Date     `json:"published,omitempty"`
	Entities  []embargo.Entity `json:"entities"`
	Problems  source.ErrorList `json:"problems"`
}

// formatOf picks the format from the case name: csl-* or dpl-*.
func formatOf(dir string) source.Format {
	if strings.HasPrefix(filepath.Base(dir), "dpl-") {
		return csl.DPL{}
	}
	return csl.CSL{}
}

// TestGolden parses each testdata/<case>/input.* and compares the result
// with want.json, or the refusal with want.err.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no testdata cases")
	}
	for _, dir := range dirs {
		if filepath.Base(dir) == "fuzz" {
			continue // the fuzzer's corpus of regressions, not a golden case
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ins, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(ins) != 1 {
				t.Fatalf("want one input.* in %s", dir)
			}
			in, err := os.ReadFile(ins[0])
			if err != nil {
				t.Fatal(err)
			}
			res, err := formatOf(dir).Parse([]source.File{{Name: filepath.Base(ins[0]), Data: in}})
			var got []byte
			wantFile := filepath.Join(dir, "want.json")
			if err != nil {
				got = []byte(err.Error() + "\n")
				wantFile = filepath.Join(dir, "want.err")
			} else {
				for i := range res.Entities {
					if res.Entities[i].Record == "" {
						t.Errorf("%s: Record is empty", res.Entities[i].ID)
					}
					res.Entities[i].Record = "" // kept out of want.json for readability
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

// TestDetect: each format accepts its own fixtures and no other.
func TestDetect(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/csl-2019/input.csv":        csl.CSLName,
		"testdata/csl-2025/input.csv":        csl.CSLName,
		"testdata/dpl-basic/input.txt":       csl.DPLName,
		"testdata/csl-html/input.csv":        "",
		"testdata/dpl-wrongheader/input.txt": "",
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []source.Format{csl.CSL{}, csl.DPL{}} {
			if got := f.Detect(file, b); got != (f.Info().Name == want) {
				t.Errorf("%s.Detect(%s) = %v", f.Info().Name, file, got)
			}
		}
	}
}
