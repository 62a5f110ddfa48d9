package match_test

import (
	"reflect"
	"testing"

	"embargo"
	"embargo/match"
)

// TestMemoChangesNothing screens the benchmark's queries (listed names,
// the same with a typo in every word, unlisted names in many scripts) on
// the six official lists with and without the memo of tokenSim, and wants
// the same answers, explanations included.
func TestMemoChangesNothing(t *testing.T) {
	ents := loadLists(t, allLists...)
	ix := match.NewIndex(ents)
	qs := benchQueries(t, ents)
	opt := match.DefaultOptions()
	opt.Threshold = 0 // every candidate's score, not only the hits
	n := 0
	for _, kind := range []string{"exact", "typo", "negative"} {
		for _, q := range qs[kind] {
			sameWithoutMemo(t, ix, q, opt, kind+" query, with the memo")
			n++
		}
	}
	if n < 4000 {
		t.Fatalf("only %d queries compared", n)
	}
}

// sameWithoutMemo screens q with and without the memo (and so without the
// bound, which reads its rows) and wants the same answers, explanations
// included; it returns them. what names the comparison in a failure.
func sameWithoutMemo(t *testing.T, ix *match.Index, q embargo.Query, opt match.Options, what string) []embargo.Match {
	t.Helper()
	with, without := ix.Screen(q, opt), match.ScreenWithoutMemo(ix, q, opt)
	if !reflect.DeepEqual(with, without) {
		t.Fatalf("%s %q at %.2f:\n%+v\nwithout\n%+v", what, q.Name, opt.Threshold, with, without)
	}
	return with
}
