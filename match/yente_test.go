package match_test

import (
	"bytes"
	"os"
	"testing"

	"embargo"
	"embargo/eval"
	"embargo/internal/testdata"
	"embargo/match"
)

const yenteDir = "opensanctions/yente/candidate_generation_benchmark/"

func readYente(t *testing.T, file string, limit int) []eval.YenteRow {
	t.Helper()
	f, err := os.Open(testdata.Path(t, yenteDir+file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := eval.ReadYente(f, file, limit)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// yenteQueries builds a queries CSV of yente's rows on the fly and reads
// it back through the eval format: names, birth dates and nationalities.
func yenteQueries(t *testing.T, rows []eval.YenteRow, ids []string, set string, skip func(int) bool) []eval.Query {
	t.Helper()
	data, err := eval.QueriesCSV(rows, ids, set, skip)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := eval.ReadQueries(bytes.NewReader(data), set)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// runQueries screens yente's rows as queries (yenteQueries).
func runQueries(t *testing.T, ix *match.Index, rows []eval.YenteRow, ids []string, set string, skip func(int) bool) *eval.Report {
	t.Helper()
	qs := yenteQueries(t, rows, ids, set, skip)
	opt := match.Options{Threshold: 0, Limit: 5}
	return eval.Run(qs, func(q embargo.Query) []embargo.Match { return ix.Screen(q, opt) }, match.DefaultThreshold, "")
}

func logReport(t *testing.T, name string, r *eval.Report) {
	t.Helper()
	t.Logf("%s: queries %d  R@1 %.4f  R@5 %.4f  R@1>=%.2f %.4f  FPR %.4f  p50 %.3f ms  p99 %.3f ms",
		name, r.Queries, r.RecallAt1, r.RecallAt5, r.Threshold, r.RecallAt1Thresholded, r.FalsePositiveRate, r.Latency.P50, r.Latency.P99)
	for i, o := range append(r.Misses, r.FalsePositive...) {
		if i == 15 {
			break
		}
		t.Logf("  %s %q dob %s want %q got %s", o.Query.ID, o.Query.Query.Name, o.Query.Query.BirthDate, o.Query.Expected, topLine(o.Hits))
	}
}

// TestYenteUNPositives: the UN listed persons of yente's benchmark, untreated
// and treated (typos, reordering), against the UN 2026-02-27 list. The
// expected entity of row i is resolved on the untreated row i (exact name in
// any word order + birth date, see eval.ResolveExpected); the treated file is
// the same people in the same order.
func TestYenteUNPositives(t *testing.T) {
	un := loadList(t, "un")
	untreated := readYente(t, "positives_un_untreated.csv", 0)
	treated := readYente(t, "positives_un_treated.csv", 0)
	if len(untreated) != len(treated) {
		t.Fatalf("untreated %d rows, treated %d", len(untreated), len(treated))
	}
	ids, resolved := eval.ResolveExpected(untreated, un)
	t.Logf("resolved %d of %d untreated rows to one UN entity by exact name and birth date", resolved, len(untreated))
	unresolved := func(i int) bool { return ids[i] == "" }
	ix := match.NewIndex(un)
	u := runQueries(t, ix, untreated, ids, "untreated", unresolved)
	tr := runQueries(t, ix, treated, ids, "treated", unresolved)
	logReport(t, "untreated", u)
	logReport(t, "treated", tr)
	if u.RecallAt1Thresholded < 0.995 {
		t.Errorf("untreated: recall@1 above threshold %.4f, goal 0.995", u.RecallAt1Thresholded)
	}
	if tr.RecallAt1Thresholded < 0.97 {
		t.Errorf("treated: recall@1 above threshold %.4f, goal 0.97", tr.RecallAt1Thresholded)
	}
}

// TestYenteNegatives: the first 5,000 synthetic names of negatives_global
// (with birth dates and nationalities) against all six lists.
func TestYenteNegatives(t *testing.T) {
	ix := fullIndex(t)
	rows := readYente(t, "negatives_global.csv", 5000)
	r := runQueries(t, ix, rows, make([]string, len(rows)), "negatives", nil)
	logReport(t, "negatives", r)
	if r.FalsePositiveRate > 0.005 {
		t.Errorf("false-positive rate %.4f, goal <= 0.005", r.FalsePositiveRate)
	}
}
