package australia_test

import (
	"testing"

	"embargo/source"
	"embargo/source/australia"
	"embargo/source/sourcetest"
)

const (
	realXLSX = "australia_dfat/regulation8_consolidated_2024-11.xlsx"
	realCSV  = "australia_dfat/regulation8_consolidated_2024-11_DERIVED_from_xlsx.csv"
)

func parseReal(tb testing.TB, rel string) *source.Result {
	tb.Helper()
	return sourcetest.ParseReal(tb, australia.Format{}, rel)
}

// TestCount reproduces SOURCE.md: 9,560 rows make 3,062 listings; 1718
// (DPRK) rows map to the DPRK regime. The xlsx and its CSV dump agree.
func TestCount(t *testing.T) {
	for _, rel := range []string{realXLSX, realCSV} {
		t.Run(rel, func(t *testing.T) {
			res := parseReal(t, rel)
			if n := len(res.Entities); n != 3062 {
				t.Errorf("got %d listings, want 3062", n)
			}
			if n := res.Problems.Skipped(); n != 0 {
				t.Errorf("%d rows skipped: %v", n, res.Problems)
			}
			ids := map[string]bool{}
			dprk := 0
			for _, e := range res.Entities {
				if ids[e.ID] {
					t.Errorf("id %s repeated", e.ID)
				}
				ids[e.ID] = true
				for _, d := range e.Designations {
					if d.SourceProgram == "1718 (DPRK)" {
						dprk++
						if d.Program != "DPRK" {
							t.Errorf("%s: program %q", e.ID, d.Program)
						}
					}
				}
			}
			if dprk == 0 {
				t.Error("no 1718 (DPRK) designation")
			}
			if res.Published.String() != "2024-11-08" {
				t.Logf("published %s", res.Published)
			}
			t.Logf("%d problems", len(res.Problems))
			for _, p := range res.Problems[:min(len(res.Problems), 40)] {
				t.Log(p)
			}
		})
	}
}

func BenchmarkParseXLSX(b *testing.B) { sourcetest.BenchParse(b, australia.Format{}, realXLSX) }
func BenchmarkParseCSV(b *testing.B)  { sourcetest.BenchParse(b, australia.Format{}, realCSV) }
