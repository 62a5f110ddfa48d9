package match_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"embargo"
	"embargo/eval"
	"embargo/internal/testdata"
	"embargo/match"
	"embargo/normalize"
)

// crossPair is a name in a non-Latin script and its Latin rendering; a
// pair from the lists also carries all the Latin names of its entity.
type crossPair struct {
	script, latin, other, id string
	latins                   []string
}

// readTSV reads name_matching's tab-separated files: Latin first or second,
// letters of the other script spaced out in the _20 slices ("ф р е з е").
func readTSV(t *testing.T, rel string, latinFirst, spaced bool, limit int) []crossPair {
	t.Helper()
	f, err := os.Open(testdata.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []crossPair
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(out) < limit {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		latin, other := cols[0], cols[1]
		if !latinFirst {
			latin, other = other, latin
		}
		if spaced {
			other = strings.ReplaceAll(other, " ", "")
		}
		if len(normalize.Tokens(normalize.Fold(latin))) == 0 || strings.HasSuffix(other, ".") {
			continue
		}
		out = append(out, crossPair{script: normalize.DetectScript(other), latin: latin, other: other})
	}
	return out
}

// listPairs pairs every name the lists give in its own script with the
// Latin primary name of the same person, by script and list (within one
// list a person is one entity; across lists the same person has several,
// spelt differently, which would blur rank 1). Organisations are left out: their
// names are translated ("Русская медная компания" = "Russian Copper
// Company"), which no transliteration can match.
func listPairs(ents []embargo.Entity) map[string][]crossPair {
	out := map[string][]crossPair{}
	for _, e := range ents {
		if e.Schema != embargo.Person {
			continue
		}
		latin := ""
		var latins []string
		for _, n := range e.Names {
			if sc := normalize.DetectScript(n.Full); sc == normalize.Latin {
				latins = append(latins, n.Full)
				if latin == "" && n.Kind == embargo.PrimaryName {
					latin = n.Full
				}
			}
		}
		if latin == "" {
			continue
		}
		for _, n := range e.Names {
			if sc := normalize.DetectScript(n.Full); sc != normalize.Latin && sc != "" {
				k := sc + " " + e.Source
				out[k] = append(out[k], crossPair{script: sc, latin: latin, other: n.Full, id: e.ID, latins: latins})
			}
		}
	}
	return out
}

// measureCross scores each pair and the same number of false pairs (each
// name against the Latin name three rows on), and screens each non-Latin
// name against an index of all the Latin names of the set.
func measureCross(t *testing.T, name string, ps []crossPair) (recall1 float64) {
	return measureCrossNames(t, name, ps, false)
}

// measureCrossNames is measureCross; with allNames, each entity of the
// lists is indexed under all its Latin names, as screening has it, and a
// pair scores the best of them: an alias in the original script (Абу
// Банат, a nom de guerre) is the Latin alias's, not the primary name's.
func measureCrossNames(t *testing.T, name string, ps []crossPair, allNames bool) (recall1 float64) {
	t.Helper()
	if len(ps) < 4 {
		t.Logf("%s: %d pairs, too few", name, len(ps))
		return 1
	}
	var pairs []eval.Pair
	var ents []embargo.Entity
	ids := map[string]bool{}
	others := map[string][]string{} // a positive pair's other Latin names, with allNames
	for i, p := range ps {
		pairs = append(pairs, eval.Pair{Name1: p.other, Name2: p.latin, Match: true},
			eval.Pair{Name1: p.other, Name2: ps[(i+3)%len(ps)].latin, Match: false})
		id := p.id
		if id == "" {
			id = fmt.Sprint(i)
		}
		names := []embargo.Name{{Full: p.latin, Kind: embargo.PrimaryName}}
		if allNames {
			for _, l := range p.latins {
				if l != p.latin {
					names = append(names, embargo.Name{Full: l, Kind: embargo.AliasName})
				}
			}
			others[p.other+"\x00"+p.latin] = p.latins
		}
		if !ids[id] {
			ids[id] = true
			ents = append(ents, embargo.Entity{ID: id, Names: names})
		}
	}
	r, _ := eval.RunPairs(pairs, func(p eval.Pair) float64 {
		best := match.CompareNames(p.Name1, p.Name2, "").Score
		if p.Match {
			for _, l := range others[p.Name1+"\x00"+p.Name2] {
				best = max(best, match.CompareNames(p.Name1, l, "").Score)
			}
		}
		return best
	}, match.DefaultThreshold)
	ix := match.NewIndex(ents)
	at1, at1t, tied := 0, 0, 0
	for i, p := range ps {
		hits := ix.Screen(embargo.Query{Name: p.other}, match.Options{Limit: 5})
		// The same person is often listed by several lists under one name
		// ("ABID HAMID MAHMUD AL-TIKRITI", "Abid Hamid Mahmud Al-Tikriti"):
		// any of them at rank 1 is right.
		want := p.id
		if want == "" {
			want = fmt.Sprint(i)
		}
		right := func(h embargo.Match) bool {
			return h.EntityID == want || normalize.Fold(h.Caption) == normalize.Fold(p.latin)
		}
		if len(hits) > 0 && right(hits[0]) {
			at1++
			if hits[0].Score >= match.DefaultThreshold {
				at1t++
			}
		} else if len(hits) > 0 && slices.ContainsFunc(hits[1:], func(h embargo.Match) bool { return h.Score == hits[0].Score && right(h) }) {
			// Scored the same as the name ranked first (آرون: aron and
			// aaron, both exact readings): not ranked below it, only
			// after it by the order of ties.
			tied++
		}
		if failLog != nil && (len(hits) == 0 || !right(hits[0])) {
			got := ""
			if len(hits) > 0 {
				got = fmt.Sprintf("%s %.3f", hits[0].Caption, hits[0].Score)
			}
			own := match.CompareNames(p.other, p.latin, "").Score
			fmt.Fprintf(failLog, "%s\t%s\t%s\t%.3f\t%s\t%v\n", name, p.other, p.latin, own, got, normalize.Romanize(p.other))
		}
	}
	recall1 = float64(at1) / float64(len(ps))
	t.Logf("%-22s pairs %4d  P %.3f R %.3f F1 %.3f at %.2f; best F1 %.3f at %.3f; rank-1 recall %.3f (%.3f above threshold; %.3f with a tie for first counted)",
		name, len(ps), r.Precision, r.Recall, r.F1, r.Threshold, r.BestF1, r.BestThreshold, recall1, float64(at1t)/float64(len(ps)), float64(at1+tied)/float64(len(ps)))
	return recall1
}

// failLog, when EMBARGO_CROSS_FAILS names a file, receives every pair
// missed at rank 1 (set, name, Latin, own score, rank-1 hit, renderings).
var failLog *os.File

// TestCrossScript measures names across scripts: Wikidata person names
// (Korean full names, Russian and Arabic tokens), Google's Arabic-English
// pairs, and the original-script names the official lists carry.
func TestCrossScript(t *testing.T) {
	if p := os.Getenv("EMBARGO_CROSS_FAILS"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		failLog = f
		defer func() { f.Close(); failLog = nil }()
	}
	// The first 1,000 pairs of each set are the ones whose misses were read
	// when writing rules; the next 1,000 are held out, to see whether a
	// rule generalises or only fits the rows it was written for.
	for _, set := range []struct {
		name, file         string
		latinFirst, spaced bool
	}{
		{"wd_korean", "name_matching/wd_korean", true, false},
		{"wd_russian_20", "name_matching/wd_russian_20", true, true},
		{"wd_arabic_20", "name_matching/wd_arabic_20", true, true},
		{"google_ar2en", "name_matching/google_ar2en.txt", false, false},
	} {
		ps := readTSV(t, set.file, set.latinFirst, set.spaced, 2000)
		measureCross(t, set.name, ps[:min(1000, len(ps))])
		if len(ps) > 1000 {
			measureCross(t, set.name+" held-out", ps[1000:])
		}
	}
	byScript, byScriptAll := map[string][2]float64{}, map[string][2]float64{}
	for k, ps := range listPairs(loadLists(t, allLists...)) {
		r := measureCross(t, "lists "+k, ps)
		ra := measureCrossNames(t, "lists "+k+" (all names)", ps, true)
		sc := strings.Fields(k)[0]
		byScript[sc] = [2]float64{byScript[sc][0] + r*float64(len(ps)), byScript[sc][1] + float64(len(ps))}
		byScriptAll[sc] = [2]float64{byScriptAll[sc][0] + ra*float64(len(ps)), byScriptAll[sc][1] + float64(len(ps))}
	}
	for sc, v := range byScript {
		r, ra := v[0]/v[1], byScriptAll[sc][0]/v[1]
		t.Logf("lists %-10s %5.0f pairs: rank-1 recall %.3f against the primary name, %.3f against all Latin names", sc, v[1], r, ra)
		if r < 0.9 && v[1] >= 50 {
			t.Errorf("lists %s: rank-1 recall %.3f, goal 0.90", sc, r)
		}
	}
}
