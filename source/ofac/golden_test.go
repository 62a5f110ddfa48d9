package ofac_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	_ "embargo/source/ofac"
	"embargo/source/sourcetest"
)

// goldenCase reads testdata/<case>: "format" names the parser, want.json and
// want.err hold the expected entities and problems (or refusal); every other
// file is an input, in name order.
type goldenCase struct {
	dir    string
	format string
	files  []source.File
}

func readCase(t *testing.T, dir string) goldenCase {
	t.Helper()
	c := goldenCase{dir: dir}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		switch e.Name() {
		case "format":
			c.format = strings.TrimSpace(string(b))
		case "want.json", "want.err":
		default:
			c.files = append(c.files, source.File{Name: e.Name(), Data: b})
		}
	}
	return c
}

func goldenCases(t *testing.T) []goldenCase {
	dirs, err := filepath.Glob("testdata/*/format")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var out []goldenCase
	for _, d := range dirs {
		out = append(out, readCase(t, filepath.Dir(d)))
	}
	return out
}

// golden is what a case compares: the published date and the entities.
type golden struct {
	Published embargo.Date     `json:"published"`
	Entities  []embargo.Entity `json:"entities"`
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(filepath.Base(c.dir), func(t *testing.T) {
			f, ok := source.Lookup(c.format)
			if !ok {
				t.Fatalf("unknown format %q", c.format)
			}
			res, err := f.Parse(c.files)
			var gotJSON []byte
			var gotErr strings.Builder
			if err != nil {
				if !errors.Is(err, source.ErrFormat) {
					t.Errorf("refusal does not wrap ErrFormat: %v", err)
				}
				if res != nil {
					t.Errorf("refused parse returned a result")
				}
				gotErr.WriteString(err.Error() + "\n")
			} else {
				gotJSON, _ = json.MarshalIndent(golden{res.Published, res.Entities}, "", "  ")
				gotJSON = append(gotJSON, '\n')
				for _, p := range res.Problems {
					gotErr.WriteString(p.Error() + "\n")
				}
			}
			compare(t, filepath.Join(c.dir, "want.json"), gotJSON)
			compare(t, filepath.Join(c.dir, "want.err"), []byte(gotErr.String()))
		})
	}
}

// compare checks got against the file (absent = empty), or rewrites it.
func compare(t *testing.T, path string, got []byte) {
	t.Helper()
	if sourcetest.Updating() {
		if len(got) == 0 {
			os.Remove(path)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to rewrite):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestDetect checks that each golden input is detected as its own format,
// and that the refused ones are detected as no OFAC format.
func TestDetect(t *testing.T) {
	for _, c := range goldenCases(t) {
		for _, file := range c.files {
			head := sourcetest.Head(file.Data)
			var got []string
			for _, f := range source.All() {
				if strings.HasPrefix(f.Info().Name, "ofac") && f.Detect(file.Name, head) {
					got = append(got, f.Info().Name)
				}
			}
			want := []string{c.format}
			if strings.HasPrefix(filepath.Base(c.dir), "refused_") && !strings.Contains(c.dir, "truncated") {
				want = nil
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s/%s: detected as %v, want %v", c.dir, file.Name, got, want)
			}
		}
	}
}

// TestDetectName: the same sdnList XML is the SDN or the non-SDN list by its name.
func TestDetectName(t *testing.T) {
	xml := []byte(`<?xml version="1.0" standalone="yes"?><sdnList xmlns="http://tempuri.org/sdnList.xsd"><publshInformation>`)
	for name, want := range map[string]string{
		"sdn.xml": "ofac-xml", "SDN.XML": "ofac-xml", "CONSOLIDATED.XML": "ofac-cons-xml",
		"/tmp/x/consolidated_2026-01-08.xml": "ofac-cons-xml",
	} {
		f, err := source.Detect(name, xml)
		if err != nil || f.Info().Name != want {
			t.Errorf("Detect(%s) = %v, %v; want %s", name, f, err, want)
		}
	}
}
