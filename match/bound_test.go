package match_test

import (
	"testing"

	"embargo/match"
)

// TestBoundChangesNothing: Screen leaves out the candidates whose name
// cannot score the threshold (bound.go) and returns what it returns
// without doing so (ScreenWithoutMemo aligns every candidate), at three
// thresholds, on the benchmark's queries and on yente's rows with their
// birth dates and nationalities (the qualifiers' lift).
func TestBoundChangesNothing(t *testing.T) {
	ents := loadLists(t, allLists...)
	ix := match.NewIndex(ents)
	qs := benchQueries(t, ents)
	for _, f := range []string{"negatives_global.csv", "positives_un_treated.csv"} {
		rows := readYente(t, f, 2000)
		for _, q := range yenteQueries(t, rows, make([]string, len(rows)), "bound", nil) {
			qs[f] = append(qs[f], q.Query)
		}
	}
	hits, n := 0, 0
	for _, th := range []float64{0.6, match.DefaultThreshold, 0.9} {
		opt := match.DefaultOptions()
		opt.Threshold = th
		for kind, list := range qs {
			for _, q := range list {
				hits += len(sameWithoutMemo(t, ix, q, opt, kind+" query, with the bound"))
				n++
			}
		}
	}
	if hits < 5000 {
		t.Fatalf("only %d hits compared", hits)
	}
	t.Logf("%d queries and %d hits compared", n, hits)
}
