package match_test

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"embargo"
	"embargo/match"
)

var (
	fullOnce sync.Once
	fullIx   *match.Index
)

// fullIndex indexes every list of the measurements once per test binary.
func fullIndex(tb testing.TB) *match.Index {
	tb.Helper()
	ents := loadLists(tb, allLists...)
	fullOnce.Do(func() { fullIx = match.NewIndex(ents) })
	return fullIx
}

func findRef(ents []embargo.Entity, source, ref string) string {
	for _, e := range ents {
		if e.Source != source {
			continue
		}
		for _, d := range e.Designations {
			if d.Ref == ref {
				return e.ID
			}
		}
		if strings.HasSuffix(e.ID, ":"+ref) {
			return e.ID
		}
	}
	return ""
}

// TestNamedCasesReal runs the named cases against the real lists.
func TestNamedCasesReal(t *testing.T) {
	ix := fullIndex(t)
	uk := findRef(loadList(t, "uk"), "uk", "RUS0649")
	if uk == "" {
		t.Fatal("UK record RUS0649 not found in the ConList")
	}
	putin := putinIDs(loadLists(t, allLists...))
	if len(putin) == 0 {
		t.Fatal("no Putin listing found")
	}
	cases := []struct {
		names []string
		want  []string // every id must be among the hits >= threshold
		first bool     // and want[0] must be first (ties allowed)
		any   map[string]bool
	}{
		{names: []string{"Kim Jong Un", "Kim Jong-un", "KIM JONG UN", "Jong Un Kim", "Kim Chong Un", "김정은", "金正恩"}, want: []string{"ofac:20157"}, first: true},
		// Australia lists him as "Kazbek Taysayev" without patronymic, which
		// may rank first: the issue asks that OFAC's and the UK's be found.
		{names: []string{"Kazbek Taysaev", "Kazbek Taisaev", "Тайсаев Казбек Куцукович", "Taysaev K.K."}, want: []string{"ofac:35237", uk}},
		{names: []string{"Vladimir Putin", "Wladimir Putin", "Путин Владимир Владимирович"}, any: putin},
	}
	for _, c := range cases {
		for _, n := range c.names {
			hits := ix.Screen(embargo.Query{Name: n, Schema: embargo.Person}, match.Options{Threshold: match.DefaultThreshold, Limit: 20})
			got := map[string]int{}
			for i, h := range hits {
				got[h.EntityID] = i + 1
			}
			for i, w := range c.want {
				first := c.first && i == 0
				if r := got[w]; r == 0 || (first && hits[0].Score > hits[r-1].Score) {
					t.Errorf("%q: %s at rank %d, want it matched%s; top: %s", n, w, r, map[bool]string{true: " and first"}[first], topLine(hits))
				}
			}
			if c.any != nil && (len(hits) == 0 || !c.any[hits[0].EntityID]) {
				t.Errorf("%q: top %s, want one of %v", n, topLine(hits), c.any)
			}
		}
	}
	for _, h := range ix.Screen(embargo.Query{Name: "Kim Jong Man", Schema: embargo.Person}, match.DefaultOptions()) {
		if h.EntityID == "ofac:20157" {
			t.Errorf("Kim Jong Man matches Kim Jong Un at %.3f", h.Score)
		}
	}
}

// putinIDs finds the listings of Vladimir Vladimirovich Putin by his birth
// date (1952-10-07) and surname, independently of the matcher.
func putinIDs(ents []embargo.Entity) map[string]bool {
	out := map[string]bool{}
	for _, e := range ents {
		born := false
		for _, b := range e.BirthDates {
			born = born || b.Date == embargo.Date{Year: 1952, Month: 10, Day: 7}
		}
		if born && strings.Contains(strings.ToUpper(e.Caption()), "PUTIN") {
			out[e.ID] = true
		}
	}
	return out
}

func topLine(hits []embargo.Match) string {
	var parts []string
	for i, h := range hits {
		if i == 3 {
			break
		}
		parts = append(parts, h.EntityID+" "+h.Caption+" "+fmtScore(h.Score))
	}
	return strings.Join(parts, "; ")
}

func fmtScore(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func TestVesselByIMOReal(t *testing.T) {
	ents := loadLists(t, "ofac")
	ix := fullIndex(t)
	n := 0
	for _, e := range ents {
		if e.Schema != embargo.Vessel {
			continue
		}
		for _, id := range e.Identifiers {
			if id.Type != embargo.IMO || n >= 50 {
				continue
			}
			n++
			hits := ix.Screen(embargo.Query{Name: "IMO " + id.Value}, match.DefaultOptions())
			if !containsID(hits, e.ID) {
				t.Errorf("IMO %s: %s not found: %s", id.Value, e.ID, topLine(hits))
			}
		}
	}
	if n == 0 {
		t.Fatal("no OFAC vessel with an IMO number")
	}
}

func containsID(hits []embargo.Match, id string) bool {
	for _, h := range hits {
		if h.EntityID == id {
			return true
		}
	}
	return false
}
