package canada_test

import (
	"strings"
	"testing"

	"embargo"
	"embargo/source"
	"embargo/source/canada"
	"embargo/source/sourcetest"
)

const realFile = "canada_sema/sema_consolidated_2025-03.xml"

func parseReal(tb testing.TB) *source.Result {
	tb.Helper()
	return sourcetest.ParseReal(tb, canada.Format{}, realFile)
}

// TestCount reproduces SOURCE.md: 4,759 records, each with a distinct id,
// 2,426 of them under the Russia regulations, 109 ships with IMO numbers.
func TestCount(t *testing.T) {
	res := parseReal(t)
	if n := len(res.Entities); n != 4759 {
		t.Errorf("got %d entities, want 4759 (problems: %v)", n, res.Problems)
	}
	if res.Problems.Skipped() != 0 {
		t.Errorf("%d records skipped: %v", res.Problems.Skipped(), res.Problems)
	}
	ids := map[string]bool{}
	by := map[embargo.Schema]int{}
	russia := 0
	for _, e := range res.Entities {
		if ids[e.ID] || strings.Contains(e.ID, "~") {
			t.Errorf("id %s repeated", e.ID)
		}
		ids[e.ID] = true
		by[e.Schema]++
		if e.Designations[0].Program == "RUSSIA" {
			russia++
		}
	}
	if russia != 2426 {
		t.Errorf("got %d Russia designations, want 2426", russia)
	}
	if by[embargo.Vessel] != 109 || by[embargo.Person] != 3334 || by[embargo.Organization] != 1316 {
		t.Errorf("by schema %v, want 109 vessels, 3334 persons, 1316 organisations", by)
	}
	for _, p := range res.Problems {
		t.Log(p)
	}
}

// TestKnownRecord checks one record read from the real file end to end.
func TestKnownRecord(t *testing.T) {
	res := parseReal(t)
	for _, e := range res.Entities {
		if e.ID != "ca:belarus-s1p1-8" {
			continue
		}
		if e.Caption() != "Aleksandr Grigoryevich Lukashenko" || e.BirthDates[0].Date.String() != "1954-08-30" {
			t.Errorf("got %s born %v", e.Caption(), e.BirthDates)
		}
		return
	}
	t.Error("ca:belarus-s1p1-8 (Lukashenko) not found")
}

func BenchmarkParse(b *testing.B) { sourcetest.BenchParse(b, canada.Format{}, realFile) }
