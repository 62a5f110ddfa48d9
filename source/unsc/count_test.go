package unsc_test

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/unsc"
)

func parseReal(tb testing.TB, rel string) *source.Result {
	tb.Helper()
	p := testdata.Path(tb, rel)
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := unsc.Format{}.Parse([]source.File{{Name: rel, Data: b}})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestCount reproduces the record counts of SOURCE.md on the real files.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		file                    string
		published               string
		persons, orgs, kpi, kpe int
	}{
		{"un_sc_consolidated/consolidated_2026-02-27.xml", "2026-02-27", 730, 273, 80, 75},
		{"un_sc_consolidated/consolidated_2025-11-29.xml", "2025-11-29", 727, 273, 80, 75},
	} {
		t.Run(c.published, func(t *testing.T) {
			res := parseReal(t, c.file)
			by := map[embargo.Schema]int{}
			dprk := map[embargo.Schema]int{}
			ids := map[string]bool{}
			for _, e := range res.Entities {
				by[e.Schema]++
				if ids[e.ID] {
					t.Errorf("duplicate id %s", e.ID)
				}
				ids[e.ID] = true
				if e.Designations[0].SourceProgram == "DPRK" {
					dprk[e.Schema]++
					if e.Designations[0].Program != "DPRK" {
						t.Errorf("%s: Program %q, want DPRK", e.ID, e.Designations[0].Program)
					}
				}
			}
			if by[embargo.Person] != c.persons || by[embargo.Organization] != c.orgs {
				t.Errorf("got %d individuals + %d entities, want %d + %d", by[embargo.Person], by[embargo.Organization], c.persons, c.orgs)
			}
			if dprk[embargo.Person] != c.kpi || dprk[embargo.Organization] != c.kpe {
				t.Errorf("DPRK: got %d / %d, want %d / %d", dprk[embargo.Person], dprk[embargo.Organization], c.kpi, c.kpe)
			}
			for _, e := range res.Entities {
				if e.Designations[0].Program == "" {
					t.Errorf("%s: UN_LIST_TYPE %q has no regime", e.ID, e.Designations[0].SourceProgram)
					break
				}
			}
			if got := res.Published.String(); got != c.published {
				t.Errorf("Published = %s, want %s", got, c.published)
			}
			if n := res.Problems.Skipped(); n != 0 {
				t.Errorf("%d records skipped: %v", n, res.Problems)
			}
			for _, p := range res.Problems {
				t.Logf("problem: %v", p)
			}
		})
	}
}

// TestCountNames cross-checks the names read against an independent count
// of the raw file: every non-empty alias by QUALITY, and every
// NAME_ORIGINAL_SCRIPT.
func TestCountNames(t *testing.T) {
	const rel = "un_sc_consolidated/consolidated_2026-02-27.xml"
	raw := string(testdata.Read(t, rel))
	res := parseReal(t, rel)
	want := map[string]int{}
	for _, m := range regexp.MustCompile(`<QUALITY>([^<]*)</QUALITY>\s*<ALIAS_NAME>\s*([^<\s][^<]*)</ALIAS_NAME>`).FindAllStringSubmatch(raw, -1) {
		want[m[1]]++
	}
	// NAME_ORIGINAL_SCRIPT, and the aliases written "X (original script: Y)".
	want["original"] = len(regexp.MustCompile(`<NAME_ORIGINAL_SCRIPT>\s*[^<\s]`).FindAllString(raw, -1)) +
		len(regexp.MustCompile(`<ALIAS_NAME>[^<]*\(original script:[^<]*\)\s*</ALIAS_NAME>`).FindAllString(raw, -1))
	got := map[string]int{}
	for _, e := range res.Entities {
		for _, n := range e.Names {
			switch {
			case n.Kind == embargo.OriginalName:
				got["original"]++
			case n.Kind == embargo.FormerName:
				got["f.k.a."]++
			case n.Quality == embargo.Strong:
				got["Good"]++
			case n.Quality == embargo.Low:
				got["Low"]++
			case n.Kind == embargo.AliasName:
				got["a.k.a."]++
			}
		}
	}
	t.Logf("aliases and original-script names: %v", want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names read %v, raw file has %v", got, want)
	}
}

// TestKnownRecord checks one record of the real file field by field: KPi.033.
func TestKnownRecord(t *testing.T) {
	res := parseReal(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	var e *embargo.Entity
	for i := range res.Entities {
		if res.Entities[i].ID == "un:KPi.033" {
			e = &res.Entities[i]
		}
	}
	if e == nil {
		t.Fatal("un:KPi.033 not found")
	}
	if e.Caption() != "RI WON HO" || e.Names[0].Family != "RI" || e.Names[0].Given != "WON HO" {
		t.Errorf("primary name = %+v", e.Names[0])
	}
	if !strings.Contains(e.Record, "<REFERENCE_NUMBER>KPi.033</REFERENCE_NUMBER>") || !strings.HasPrefix(e.Record, "<INDIVIDUAL>") {
		t.Errorf("Record does not hold the original element: %.80q", e.Record)
	}
	t.Logf("%+v", *e)
}
