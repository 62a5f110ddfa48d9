package hs_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"embargo/goods/hs"
	"embargo/internal/testdata"
)

func TestNormalize(t *testing.T) {
	ok := map[string]string{"2701": "2701", "2701.11": "270111", "8542 31 00": "85423100", "03": "03",
		"6109.10.0012": "6109100012", " 2710.19-43 ": "27101943"}
	for in, want := range ok {
		if got, err := hs.Normalize(in); err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2", "303", "27011", "27O1", "12345678901", "2701/11"} {
		if _, err := hs.Normalize(in); !errors.Is(err, hs.ErrCode) {
			t.Errorf("Normalize(%q): want ErrCode, got %v", in, err)
		}
	}
}

func TestEmbedded(t *testing.T) {
	n := hs.Embedded()
	if n.Len() != 96 || n.Full {
		t.Fatalf("embedded table: %d chapters (want 96: 01-97 without 77), Full=%v", n.Len(), n.Full)
	}
	m, err := n.Lookup("2701.11")
	if err != nil || m.Validated != hs.Chapter || m.Level != hs.Subheading {
		t.Errorf("Lookup 2701.11 = %+v, %v", m, err)
	}
	for _, bad := range []string{"7701", "9801", "00"} {
		if _, err := n.Lookup(bad); err == nil {
			t.Errorf("Lookup(%s): want unknown chapter", bad)
		}
	}
	if _, err := n.Search("coal", 3); err == nil {
		t.Error("Search on the chapter table should say it needs the full nomenclature")
	}
}

func load(t *testing.T) *hs.Nomenclature {
	t.Helper()
	f, err := os.Open(testdata.Path(t, "hs_codes/harmonized-system_HS2022.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := hs.Load("harmonized-system_HS2022.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// SOURCE.md: 97 chapters, 1,229 headings, 5,613 subheadings and a TOTAL row.
func TestLoadHS2022(t *testing.T) {
	n := load(t)
	for _, c := range []string{"01", "0101", "010121"} {
		if _, ok := n.Get(c); !ok {
			t.Errorf("%s missing", c)
		}
	}
	if n.Len() != 97+1229+5613 {
		t.Errorf("loaded %d codes, want %d", n.Len(), 97+1229+5613)
	}
	if m, err := n.Lookup("2701.11.00"); err != nil || m.Validated != hs.Subheading || !strings.Contains(m.Description, "anthracite") {
		t.Errorf("Lookup 2701.11.00 = %+v, %v", m, err)
	}
	for _, bad := range []string{"270110", "2799", "8803"} { // 8803 was deleted in HS 2022 (moved to 8807)
		if _, err := n.Lookup(bad); err == nil {
			t.Errorf("Lookup(%s): want unknown code", bad)
		}
	}
}

func TestLoadReportsBadRows(t *testing.T) {
	in := "section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nI,01x1,bad,01,4\nI,0101,Horses,01,4\n"
	n, err := hs.Load("mini.csv", strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "mini.csv: line 3") {
		t.Errorf("want an error naming mini.csv line 3, got %v", err)
	}
	if n == nil || n.Len() != 2 {
		t.Errorf("the good rows should be kept")
	}
	if _, err := hs.Load("x.csv", strings.NewReader("a,b\n1,2\n")); err == nil {
		t.Error("a file without hscode/description columns should be refused")
	}
}

func TestSearch(t *testing.T) {
	n := load(t)
	cases := map[string]string{
		"anthracite":                         "270111",
		"frozen fish":                        "0303",
		"T-shirts, singlets, knitted cotton": "610910",
		"processors and controllers electronic integrated circuits": "854231",
	}
	for q, want := range cases {
		got, err := n.Search(q, 5)
		if err != nil || len(got) == 0 {
			t.Fatalf("Search(%q): %v", q, err)
		}
		found := false
		for _, c := range got {
			found = found || strings.HasPrefix(c.Code, want)
		}
		if !found {
			t.Errorf("Search(%q): want %s among %+v", q, want, got)
		}
	}
	if got, _ := n.Search("anthracite", 1); got[0].Code != "270111" {
		t.Errorf("anthracite: best candidate %s, want 270111", got[0].Code)
	}
	if got, _ := n.Search("zzqx", 3); len(got) != 0 {
		t.Errorf("nonsense query found %v", got)
	}
}
