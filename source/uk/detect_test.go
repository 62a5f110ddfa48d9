package uk_test

import (
	"os"
	"path/filepath"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/sourcetest"
	"embargo/source/uk"
)

func TestDetect(t *testing.T) {
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	conlist := read("testdata/conlist-2025/input.csv")
	cases := []struct {
		name    string
		data    []byte
		conList bool
		fcdo    bool
	}{
		{"ConList.csv", conlist, true, false},
		{"ConList.csv", append([]byte("\xef\xbb\xbf"), conlist...), true, false},
		{"sample_hmt.csv", read("testdata/conlist-2020/input.csv"), true, false},
		{"ConList.xlsx", []byte("PK\x03\x04rest"), true, false},
		{"downloads/ofsi_2025-04-10.XLSX", []byte("PK\x03\x04rest"), true, false},
		{"regulation8_consolidated.xlsx", []byte("PK\x03\x04rest"), false, false},
		{"ConList.csv", []byte("PK\x03\x04rest"), false, false},
		{"archive.zip", []byte("PK\x03\x04rest"), false, false},
		{"UK-Sanctions-List.xml", read("testdata/fcdo-basic/input.xml"), false, true},
		{"consolidated.xml", read("testdata/fcdo-wrong-root/input.xml"), false, false},
		{"ConList.csv", read("testdata/conlist-html/input.csv"), false, false},
		{"ConList.csv", nil, false, false},
		{"other.csv", read("testdata/conlist-not-conlist-header/input.csv"), false, false},
		{"sdn.csv", []byte("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n"), false, false},
	}
	for _, c := range cases {
		if got := (uk.ConList{}).Detect(c.name, sourcetest.Head(c.data)); got != c.conList {
			t.Errorf("ConList.Detect(%s, %.30q) = %v", c.name, c.data, got)
		}
		if got := (uk.FCDO{}).Detect(c.name, sourcetest.Head(c.data)); got != c.fcdo {
			t.Errorf("FCDO.Detect(%s, %.30q) = %v", c.name, c.data, got)
		}
	}
}

// The real files are detected by content (and .xlsx name).
func TestDetectReal(t *testing.T) {
	for rel, want := range map[string]string{conListCSV: uk.ConListName, conListXLSX: uk.ConListName,
		conList2020: uk.ConListName, fcdoExcerpt: uk.FCDOName} {
		data := testdata.Read(t, rel)
		head := sourcetest.Head(data)
		for _, f := range []source.Format{uk.ConList{}, uk.FCDO{}} {
			if got := f.Detect(filepath.Base(rel), head); got != (f.Info().Name == want) {
				t.Errorf("%s.Detect(%s) = %v", f.Info().Name, rel, got)
			}
		}
	}
}
