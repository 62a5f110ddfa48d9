package analysis_test

import (
	"sync"
	"testing"
	"time"

	"embargo"
	"embargo/analysis"
	"embargo/internal/testdata"
	"embargo/match"
	_ "embargo/source/all"
)

// realLists are the official files of the measurement, parsed in place from
// ../shared/data: the format and the files of one list version.
var realLists = map[string][]string{
	"un":   {"unsc", "un_sc_consolidated/consolidated_2026-02-27.xml"},
	"uk":   {"uk-conlist", "uk/ofsi_ConList_2025-04-10.xlsx"},
	"ofac": {"ofac-csv", "ofac_sdn/sdn_2024-05-03.csv", "ofac_sdn/companion_2024-01/add.csv", "ofac_sdn/companion_2024-01/alt.csv", "ofac_sdn/companion_2024-01/sdn_comments.csv"},
}

var (
	realOnce sync.Once
	realEnts []embargo.Entity
)

func loadReal(tb testing.TB) []embargo.Entity {
	tb.Helper()
	for _, l := range realLists {
		for _, rel := range l[1:] {
			testdata.Path(tb, rel) // skips when absent
		}
	}
	realOnce.Do(func() {
		for _, name := range []string{"un", "uk", "ofac"} {
			l := realLists[name]
			realEnts = append(realEnts, testdata.Parse(tb, l[0], l[1:]...)...)
		}
	})
	if len(realEnts) == 0 {
		tb.Fatal("real lists failed to load")
	}
	return realEnts
}

func TestRealDPRKCoverage(t *testing.T) {
	ents := loadReal(t)
	start := time.Now()
	ix := match.NewIndex(ents)
	built := time.Since(start)
	start = time.Now()
	rep := analysis.Coverage(ents, ix, analysis.Options{Reference: "un", Regime: "DPRK"})
	took := time.Since(start)
	t.Logf("index of %d entities built in %s; DPRK coverage of %d UN entities in %s", len(ents), built.Round(time.Millisecond), rep.Entities, took.Round(time.Millisecond))
	for _, s := range rep.Sources {
		t.Logf("%-5s covers %3d/%d (%.1f%%): %d by cross-reference, %d by match; lag over %d dated: median %.1f days, max %d, %d listed before the UN; misses %d",
			s.Source, s.Covered, rep.Entities, s.Percent, s.ByCrossRef, s.ByMatch, s.Lag.Dated, s.Lag.MedianDays, s.Lag.MaxDays, s.Lag.ListedBefore, len(s.Missing))
		for _, g := range s.Missing {
			t.Logf("    %s misses %s %s (%s)", s.Source, g.ID, g.Name, g.ListedOn)
		}
	}
	for _, g := range rep.Gaps {
		t.Logf("gap: %s %s listed %s", g.ID, g.Name, g.ListedOn)
	}
	for _, e := range rep.Entries { // the matches below 1.00, to check by eye
		for _, c := range e.Counterparts {
			if c.Found != analysis.FoundCrossRef && c.Score < 1 {
				t.Logf("matched: %s %q -> %s %q (%s; %s)", e.ID, e.Name, c.ID, c.Name, c.Found, c.Detail)
			}
		}
	}
	if rep.Entities < 100 {
		t.Errorf("UN DPRK entities: %d, want over 100", rep.Entities)
	}
	uk := find(rep, "uk")
	if uk == nil || uk.Percent < 90 {
		t.Errorf("UK coverage of UN DPRK: %+v, want >= 90%% (the ConList carries UN refs)", uk)
	}
	if took > 5*time.Second {
		t.Errorf("coverage took %s, want well under 5 s", took)
	}
}

// TestRealUKCrossRefs checks the UK's "(UN Ref)" column by hand: every UN
// id a UK group cites resolves to a UN entity of the same version, nearly.
func TestRealUKCrossRefs(t *testing.T) {
	ents := loadReal(t)
	un := map[string]bool{}
	for _, e := range ents {
		if e.Source == "un" {
			un[e.ID] = true
		}
	}
	cited, resolved := map[string]bool{}, 0
	for _, e := range ents {
		if e.Source != "uk" {
			continue
		}
		for _, d := range e.Designations {
			for _, x := range d.CrossRefs {
				if len(x) > 3 && x[:3] == "un:" && !cited[x] {
					cited[x] = true
					if un[x] {
						resolved++
					}
				}
			}
		}
	}
	t.Logf("UK ConList cites %d distinct UN refs; %d of them are in the UN list of 2026-02-27 (%d UN entities)", len(cited), resolved, len(un))
	if len(cited) < 800 {
		t.Errorf("UK cites %d UN refs, want ~860", len(cited))
	}
	rep := analysis.Coverage(ents, nil, analysis.Options{Reference: "un", Sources: []string{"uk"}})
	t.Logf("all regimes: uk covers %d/%d UN entities (%.1f%%, %d by cross-reference, %d by match)", rep.Sources[0].Covered, rep.Entities, rep.Sources[0].Percent, rep.Sources[0].ByCrossRef, rep.Sources[0].ByMatch)
	if rep.Sources[0].ByCrossRef < resolved {
		t.Errorf("%d covered by cross-reference, want at least the %d resolved refs", rep.Sources[0].ByCrossRef, resolved)
	}
}

func BenchmarkCoverageDPRK(b *testing.B) {
	ents := loadReal(b)
	ix := match.NewIndex(ents)
	b.ResetTimer()
	for b.Loop() {
		analysis.Coverage(ents, ix, analysis.Options{Reference: "un", Regime: "DPRK"})
	}
}

func BenchmarkCoverageAll(b *testing.B) {
	ents := loadReal(b)
	ix := match.NewIndex(ents)
	b.ResetTimer()
	for b.Loop() {
		analysis.Coverage(ents, ix, analysis.Options{Reference: "un"})
	}
}

func find(rep *analysis.Report, src string) *analysis.SourceCoverage {
	for i := range rep.Sources {
		if rep.Sources[i].Source == src {
			return &rep.Sources[i]
		}
	}
	return nil
}
