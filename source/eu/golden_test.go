package eu_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/eu"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json and want.err")

// golden is what a parse of testdata/<case>/input.xml must give.
type golden struct {
	Published embargo.Date     `json:"published,omitempty"`
	Entities  []embargo.Entity `json:"entities"`
	Problems  source.ErrorList `json:"problems"`
}

func parseCase(t *testing.T, dir string) (*source.Result, error) {
	t.Helper()
	in, err := os.ReadFile(filepath.Join(dir, "input.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return eu.Format{}.Parse([]source.File{{Name: "input.xml", Data: in}})
}

// TestGolden parses each testdata/<case>/input.xml and compares the result
// with want.json, or the refusal with want.err (telegraf testcases style).
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no testdata cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, err := parseCase(t, dir)
			var got []byte
			wantFile := filepath.Join(dir, "want.json")
			if err != nil {
				if !errors.Is(err, source.ErrFormat) || !strings.Contains(err.Error(), "input.xml") {
					t.Errorf("refusal %q does not wrap ErrFormat or name the file", err)
				}
				if res != nil {
					t.Error("a refused file returned a result")
				}
				got = []byte(err.Error() + "\n")
				wantFile = filepath.Join(dir, "want.err")
			} else {
				for i := range res.Entities {
					e := &res.Entities[i]
					if !strings.Contains(e.Record, "<sanctionEntity") {
						t.Errorf("%s: Record does not hold the original XML: %.60q", e.ID, e.Record)
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

// TestNamespaceAgnostic: the same file without its namespace reads the same.
func TestNamespaceAgnostic(t *testing.T) {
	a, err := parseCase(t, "testdata/basic")
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseCase(t, "testdata/nonamespace")
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Entities {
		a.Entities[i].Record, b.Entities[i].Record = "", ""
	}
	if !reflect.DeepEqual(a.Entities, b.Entities) {
		t.Error("a default namespace changes the result")
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		dir  string
		want bool
	}{
		{"basic", true}, {"nonamespace", true}, {"truncated", true}, {"noentity", true},
		{"html", false}, {"empty", false}, {"jsonerror", false}, {"wrongroot", false},
	} {
		in, err := os.ReadFile(filepath.Join("testdata", c.dir, "input.xml"))
		if err != nil {
			t.Fatal(err)
		}
		if got := (eu.Format{}).Detect("input.xml", in[:min(len(in), source.HeadSize)]); got != c.want {
			t.Errorf("Detect(%s) = %v, want %v", c.dir, got, c.want)
		}
	}
}

func TestInfo(t *testing.T) {
	f, ok := source.Lookup("eu")
	if !ok || f.Info().Name != "eu-fsf" {
		t.Fatalf("Lookup(eu) = %v, %v", f, ok)
	}
	if _, err := (eu.Format{}).Parse(nil); err == nil {
		t.Error("Parse of no file: no error")
	}
}
