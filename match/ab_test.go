package match_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"embargo/match"
)

// TestAB measures a change under trial against the code it replaces in
// one process (match.Experiment off: A, on: B): BenchmarkScreen's
// negative, mix and exact queries in blocks of 250, each block run A then
// B or B then A in turn, the thread's CPU time of every query kept. It
// prints each variant's p50 and the median of the blocks' B/A ratios of
// p50, which pairs each B block with the A block next to it in time. With
// nothing reading the switch (A against A), 20 rounds (160 blocks) gave
// ratios of 0.99-1.01: a change is worth keeping when it moves the ratio
// further, the same way in two runs. It needs the real lists and runs only
// when asked:
//
//	AB_ROUNDS=20 go test -count=1 -run 'TestAB$' -v ./match
func TestAB(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("AB_ROUNDS"))
	if rounds == 0 {
		t.Skip("set AB_ROUNDS (20 is a good start) to compare match.Experiment off and on")
	}
	ents := loadLists(t, allLists...)
	ix := match.NewIndex(ents)
	qs := benchQueries(t, ents)
	runtime.LockOSThread()
	opt := match.DefaultOptions()
	for _, kind := range []string{"negative", "mix", "exact"} {
		q := qs[kind]
		var all [2][]time.Duration
		var ratios []float64
		const block = 250
		for r := 0; r < rounds*len(q)/block; r++ {
			var p [2]float64
			lo := r * block % len(q)
			for k := 0; k < 2; k++ {
				v := (k + r) % 2
				match.Experiment = v == 1
				var ds []time.Duration
				for _, x := range q[lo : lo+block] {
					c0 := threadCPU()
					ix.Screen(x, opt)
					ds = append(ds, threadCPU()-c0)
				}
				all[v] = append(all[v], ds...)
				p[v] = pct(ds, 0.5)
			}
			ratios = append(ratios, p[1]/p[0])
		}
		slices.Sort(ratios)
		fmt.Printf("AB %-8s A p50 %.1f  B p50 %.1f  (cpu µs)  B/A median of %d block ratios %.3f [%.3f..%.3f]  p99 A %.0f B %.0f\n", kind,
			pct(all[0], 0.5), pct(all[1], 0.5), len(ratios), ratios[len(ratios)/2], ratios[0], ratios[len(ratios)-1], pct(all[0], 0.99), pct(all[1], 0.99))
	}
}
