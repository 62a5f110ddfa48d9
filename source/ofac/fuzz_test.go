package ofac_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo/source"
	"embargo/source/ofac"
)

// seed adds every golden input whose name matches one of the patterns.
func seed(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		paths, _ := filepath.Glob(filepath.Join("testdata", "*", p))
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(filepath.Base(path), b)
		}
	}
}

// fuzzParse checks what must hold for any input: no panic, a refusal wraps
// ErrFormat and names the file, a parse gives entities with an id, a name
// and a designation, and every problem names the file.
func fuzzParse(t *testing.T, format, prefix, name string, data []byte) {
	f, _ := source.Lookup(format)
	head := data[:min(len(data), source.HeadSize)]
	f.Detect(name, head)
	res, err := f.Parse([]source.File{{Name: name, Data: data}})
	if err != nil {
		if !errors.Is(err, source.ErrFormat) || res != nil {
			t.Fatalf("error %v (result %v) does not wrap ErrFormat", err, res)
		}
		if !strings.Contains(err.Error(), name) {
			t.Fatalf("error %q does not name the file %q", err, name)
		}
		return
	}
	for _, e := range res.Entities {
		if !strings.HasPrefix(e.ID, prefix) || len(e.Names) == 0 || e.Names[0].Full == "" || e.Designations == nil {
			t.Fatalf("bad entity %+v", e)
		}
	}
	for _, p := range res.Problems {
		if p.Pos.File != name {
			t.Fatalf("problem %v does not name the file", p)
		}
	}
}

// FuzzParseCSV parses one fuzzed file alone, then with a fuzzed companion
// (the golden set's alt.csv, add.csv and sdn_comments.csv are seeds), so
// that joining rows by ent_num is fuzzed too.
func FuzzParseCSV(f *testing.F) {
	seed(f, "*.csv")
	prim, err := os.ReadFile("testdata/csv_set/sdn.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fuzzParse(t, ofac.NameCSV, "ofac:", "sdn.csv", data)
		fuzzParseSet(t, ofac.NameCSV, []source.File{{Name: "sdn.csv", Data: prim}, {Name: "companion.csv", Data: data}})
	})
}

// fuzzParseSet checks a multi-file parse: no panic, refusals wrap ErrFormat,
// every problem names one of the files.
func fuzzParseSet(t *testing.T, format string, files []source.File) {
	f, _ := source.Lookup(format)
	res, err := f.Parse(files)
	if err != nil {
		if !errors.Is(err, source.ErrFormat) {
			t.Fatalf("error %v does not wrap ErrFormat", err)
		}
		return
	}
	for _, p := range res.Problems {
		if p.Pos.File != "sdn.csv" && p.Pos.File != "companion.csv" {
			t.Fatalf("problem %v names no file", p)
		}
	}
}

func FuzzParseConsCSV(f *testing.F) {
	seed(f, "cons_*.csv")
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fuzzParse(t, ofac.NameConsCSV, "ofac-cons:", "cons_prim.csv", data)
	})
}

func FuzzParseXML(f *testing.F) {
	seed(f, "*.xml")
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fuzzParse(t, ofac.NameXML, "ofac:", "sdn.xml", data)
	})
}

func FuzzParseConsXML(f *testing.F) {
	seed(f, "*.xml")
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fuzzParse(t, ofac.NameConsXML, "ofac-cons:", "CONSOLIDATED.xml", data)
	})
}
