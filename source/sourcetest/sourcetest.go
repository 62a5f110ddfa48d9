// Package sourcetest holds the test harness every list format shares:
// golden folders testdata/<case>/ (telegraf testcases style) with an
// -update flag to rewrite them, Detect tables, Detect on the real files of
// shared/data, and the contract a fuzzed Parse must keep. Only _test files
// import it.
package sourcetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/source"
)

var update = flag.Bool("update", false, "rewrite testdata/<case>/want.json and want.err")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update }

// golden is what a case's want.json holds.
type golden struct {
	Published embargo.Date     `json:"published,omitempty"`
	Entities  []embargo.Entity `json:"entities"`
	Problems  source.ErrorList `json:"problems"`
}

// Options adapts Golden to a package's folders.
type Options struct {
	// Cases is the glob of case folders; "" means testdata/*. The folder
	// testdata/fuzz (the fuzzer's corpus) is never a case.
	Cases string
	// Files reads a case's inputs; nil means Inputs.
	Files func(t *testing.T, dir string) []source.File
	// Record, when set, checks each entity's Record (the original text),
	// which is then left out of want.json for readability; when nil the
	// Record stays in want.json.
	Record func(rec string) bool
}

// NonEmpty is an Options.Record check: the entity has a Record.
func NonEmpty(rec string) bool { return rec != "" }

// Contains is an Options.Record check: the Record holds s.
func Contains(s string) func(string) bool {
	return func(rec string) bool { return strings.Contains(rec, s) }
}

// Golden parses each case folder with f and compares the result with
// want.json, or the refusal with want.err; under -update it rewrites the
// one that applies and removes the other.
func Golden(t *testing.T, f source.Format, o Options) {
	t.Helper()
	if o.Cases == "" {
		o.Cases = "testdata/*"
	}
	if o.Files == nil {
		o.Files = Inputs
	}
	dirs, _ := filepath.Glob(o.Cases)
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() || dir == filepath.Join("testdata", "fuzz") {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := o.Files(t, dir)
			res, err := f.Parse(files)
			if err != nil {
				checkRefusal(t, files, res, err)
				compare(t, dir, "want.err", []byte(err.Error()+"\n"))
				return
			}
			compare(t, dir, "want.json", resultJSON(t, res, o.Record))
		})
	}
	if n == 0 {
		t.Fatalf("no golden cases in %s", o.Cases)
	}
}

// Inputs reads every input.* file of a case folder, in name order, each
// named by its base name.
func Inputs(t *testing.T, dir string) []source.File {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "input.*"))
	if len(paths) == 0 {
		t.Fatalf("no input.* in %s", dir)
	}
	var files []source.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, source.File{Name: filepath.Base(p), Data: b})
	}
	return files
}

// checkRefusal: a refusal wraps ErrFormat, names one of the files and
// comes with no result (source.Format's contract).
func checkRefusal(t *testing.T, files []source.File, res *source.Result, err error) {
	t.Helper()
	if !errors.Is(err, source.ErrFormat) || !namesAFile(err.Error(), files) {
		t.Errorf("refusal %q does not wrap ErrFormat or name the file", err)
	}
	if res != nil {
		t.Error("a refused file returned a result")
	}
}

func namesAFile(msg string, files []source.File) bool {
	for _, f := range files {
		if strings.Contains(msg, f.Name) {
			return true
		}
	}
	return false
}

// resultJSON renders a result as want.json holds it, checking and
// dropping the Records when record is set.
func resultJSON(t *testing.T, res *source.Result, record func(string) bool) []byte {
	t.Helper()
	if record != nil {
		for i := range res.Entities {
			e := &res.Entities[i]
			if !record(e.Record) {
				t.Errorf("%s: Record does not hold the original record: %.60q", e.ID, e.Record)
			}
			e.Record = ""
		}
	}
	got, err := json.MarshalIndent(golden{res.Published, res.Entities, res.Problems}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(got, '\n')
}

// compare checks got against dir/name and that the other want file is
// absent; under -update it writes name and removes the other.
func compare(t *testing.T, dir, name string, got []byte) {
	t.Helper()
	path, other := filepath.Join(dir, name), filepath.Join(dir, "want.json")
	if name == "want.json" {
		other = filepath.Join(dir, "want.err")
	}
	if *update {
		os.Remove(other)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("%s exists but the parse gave %s (run go test -update)", other, name)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, cut(got), cut(want))
	}
}

// cut keeps a failure message readable for large golden files.
func cut(b []byte) string {
	if len(b) > 4000 {
		return string(b[:4000]) + "\n..."
	}
	return string(b)
}
