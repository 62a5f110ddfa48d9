package csl_test

import (
	"strings"
	"testing"

	"embargo/source"
	"embargo/source/csl"
	"embargo/source/sourcetest"
)

// TestCount reproduces the row counts of SOURCE.md, with distinct ids
// (the DPL repeats two rows exactly: those get ~2 and a problem each).
func TestCount(t *testing.T) {
	for _, c := range []struct {
		f       source.Format
		rel     string
		n, reps int
	}{
		{csl.CSL{}, "us_csl_bis/csl_excerpt_2019.csv", 115, 0},
		// SOURCE.md says 12 rows: wc -l's count, the last of the 13 rows
		// having no final newline; all 13 have the 29 fields.
		{csl.CSL{}, "us_csl_bis/csl_consolidated_excerpt_2025.csv", 13, 0},
		{csl.DPL{}, "us_csl_bis/bis_dpl_2022-09.txt", 581, 2},
		{csl.DPL{}, "us_csl_bis/bis_dpl_2019-06.txt", 546, 3},
	} {
		t.Run(c.rel, func(t *testing.T) {
			res := sourcetest.ParseReal(t, c.f, c.rel)
			if len(res.Entities) != c.n {
				t.Errorf("got %d entities, want %d", len(res.Entities), c.n)
			}
			if res.Problems.Skipped() != 0 {
				t.Errorf("%d rows skipped: %v", res.Problems.Skipped(), res.Problems)
			}
			seen := map[string]bool{}
			reps := 0
			for _, e := range res.Entities {
				if seen[e.ID] {
					t.Errorf("id %s repeated", e.ID)
				}
				seen[e.ID] = true
				if strings.Contains(e.ID, "~") {
					reps++
				}
				if len(e.Designations) == 0 || e.Designations[0].List == "" {
					t.Errorf("%s: no designation list", e.ID)
				}
			}
			if reps != c.reps {
				t.Errorf("%d repeated rows, want %d", reps, c.reps)
			}
			for _, p := range res.Problems {
				t.Log(p)
			}
		})
	}
}

// TestIDsStable checks that the DPL ids of 2019 and 2022 agree on the
// listings both versions hold unchanged.
func TestIDsStable(t *testing.T) {
	a := sourcetest.ParseReal(t, csl.DPL{}, "us_csl_bis/bis_dpl_2019-06.txt")
	b := sourcetest.ParseReal(t, csl.DPL{}, "us_csl_bis/bis_dpl_2022-09.txt")
	in2019 := map[string]bool{}
	for _, e := range a.Entities {
		in2019[e.ID] = true
	}
	both := 0
	for _, e := range b.Entities {
		if in2019[e.ID] {
			both++
		}
	}
	// Most 2019 rows are still listed in 2022 with the same name, address
	// and effective date.
	if both < 300 {
		t.Errorf("only %d ids shared between the 2019 and 2022 DPL", both)
	}
	t.Logf("%d of %d 2022 ids also in 2019", both, len(b.Entities))
}

func BenchmarkParseCSL2019(b *testing.B) {
	sourcetest.BenchParse(b, csl.CSL{}, "us_csl_bis/csl_excerpt_2019.csv")
}
func BenchmarkParseDPL2022(b *testing.B) {
	sourcetest.BenchParse(b, csl.DPL{}, "us_csl_bis/bis_dpl_2022-09.txt")
}
