package main

import (
	"strings"
	"testing"

	"embargo/analysis"
)

// importCoverageFixtures imports the repository's small fixtures into a
// new data directory: the UN list, the UK ConList and the EU file quote
// the UN references; Australia's KOMID is found by matching.
func importCoverageFixtures(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{
		"../../source/unsc/testdata/basic/input.xml",
		"../../source/uk/testdata/conlist-2025/input.csv",
		"../../source/eu/testdata/basic/input.xml",
		"../../source/australia/testdata/basic/input.csv",
	} {
		must(t, "--data-dir", dir, "lists", "import", f)
	}
	return dir
}

// TestAnalyzeCoverage runs the real wiring on the fixtures.
func TestAnalyzeCoverage(t *testing.T) {
	dir := importCoverageFixtures(t)

	res := decode[coverageResult](t, must(t, "--data-dir", dir, "--json", "analyze", "coverage", "--regime", "North Korea"))
	if res.Demo || res.Reference != "un" || res.Regime != "DPRK" || res.Entities != 2 {
		t.Fatalf("demo %v reference %q regime %q entities %d, want the stored lists, un, DPRK, 2", res.Demo, res.Reference, res.Regime, res.Entities)
	}
	by := map[string]analysis.SourceCoverage{}
	for _, s := range res.Sources {
		by[s.Source] = s
	}
	if uk := by["uk"]; uk.Covered != 1 || uk.ByCrossRef != 1 || uk.Lag.Dated != 1 || uk.Lag.MaxDays != 184 || len(uk.Missing) != 1 || uk.Missing[0].ID != "un:KPe.001" {
		t.Errorf("uk %+v, want Ri Won Ho by cross-reference, listed 184 days after the UN, KOMID missing", uk)
	}
	if eu := by["eu"]; eu.Covered != 1 || eu.Lag.ListedBefore != 1 || eu.Lag.MaxDays != -181 {
		t.Errorf("eu %+v, want Ri Won Ho listed 181 days before the UN", eu)
	}
	if au := by["au"]; au.Covered != 1 || au.ByMatch != 1 {
		t.Errorf("au %+v, want KOMID by match", au)
	}
	for _, e := range res.Entries {
		if e.ID == "un:KPe.001" && (len(e.Counterparts) != 1 || e.Counterparts[0].Found != "match 1.00") {
			t.Errorf("KOMID counterparts %+v, want au by match 1.00", e.Counterparts)
		}
	}
	if len(res.Gaps) != 0 {
		t.Errorf("gaps %+v, want none for DPRK", res.Gaps)
	}

	out := must(t, "--data-dir", dir, "analyze", "coverage", "--sources", "uk,eu", "--missing")
	for _, want := range []string{
		"Coverage of 5 un entities (every regime)",
		"LIST  LISTED  COVERS",
		"uk misses 4:",
		"Gaps: 4 un entities no other list carries:",
		"un:TAi.153  FAIZULLAH KHAN NOORZAI",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\nau ") {
		t.Errorf("--sources uk,eu shows au:\n%s", out)
	}

	if _, _, err := runMain(t, "--data-dir", dir, "analyze", "coverage", "--min-score", "2"); err == nil || !strings.Contains(err.Error(), "--min-score") {
		t.Errorf("--min-score 2: %v, want a usage error", err)
	}
}

// TestAnalyzeCoverageDemo: without stored lists the command runs on the
// demo subset and says so.
func TestAnalyzeCoverageDemo(t *testing.T) {
	out := must(t, "analyze", "coverage")
	if !strings.Contains(out, "NOTE: analysed the embedded demo subset") || !strings.Contains(out, "No un entity") {
		t.Errorf("output:\n%s", out)
	}
	res := decode[coverageResult](t, must(t, "--json", "analyze", "coverage", "--reference", "demo"))
	if !res.Demo || res.Notice == "" {
		t.Errorf("demo %v notice %q, want the demo notice", res.Demo, res.Notice)
	}
}
