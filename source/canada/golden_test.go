package canada_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/canada"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json and want.err")

// golden is what a parse of testdata/<case>/input.xml must give.
type golden struct {
	Published embargo.Date     `json:"published,omitempty"`
	Entities  []embargo.Entity `json:"entities"`
	Problems  source.ErrorList `json:"problems"`
}

// TestGolden parses each testdata/<case>/input.xml and compares the result
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
			in, err := os.ReadFile(filepath.Join(dir, "input.xml"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := canada.Format{}.Parse([]source.File{{Name: "input.xml", Data: in}})
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
