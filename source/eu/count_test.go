package eu_test

import (
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/eu"
)

// TestCount reads the real excerpt (SOURCE.md: 7 sanctionEntity, programmes
// PRK x3, TAQA x2, COD x1, TERR x1; logicalId 5468 appears twice).
func TestCount(t *testing.T) {
	const rel = "eu_fsf/eu_fsf_xml_excerpt_2020-04-15.xml"
	res, err := eu.Format{}.Parse([]source.File{{Name: rel, Data: testdata.Read(t, rel)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		t.Logf("problem: %v", p)
	}
	if len(res.Entities) != 6 || res.Problems.Skipped() != 1 {
		t.Errorf("got %d entities and %d skipped, want 6 and 1 (the repeated 5468)", len(res.Entities), res.Problems.Skipped())
	}
	progs := map[string]int{}
	for _, e := range res.Entities {
		if e.Schema != embargo.Person {
			t.Errorf("%s: schema %s, want Person", e.ID, e.Schema)
		}
		for _, d := range e.Designations {
			progs[d.SourceProgram]++
		}
	}
	// 5468 (PRK) is counted once: its repeat is skipped.
	want := map[string]int{"PRK": 2, "TAQA": 2, "COD": 1, "TERR": 1}
	for k, v := range want {
		if progs[k] != v {
			t.Errorf("programme %s: %d designations, want %d (all: %v)", k, progs[k], v, progs)
		}
	}
	if res.Published.String() != "2020-04-15" {
		t.Errorf("Published = %s", res.Published)
	}
}
