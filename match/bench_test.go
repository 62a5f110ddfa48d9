package match_test

import (
	"flag"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"embargo"
	"embargo/internal/loadgen"
	"embargo/match"
	"embargo/normalize"

	"golang.org/x/sys/unix"
)

// BenchmarkNewIndex builds the full index: UN, OFAC SDN 2024, OFAC
// non-SDN, UK, Canada, Australia (about 29k entities).
func BenchmarkNewIndex(b *testing.B) {
	ents := loadLists(b, allLists...)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	var ix *match.Index
	for b.Loop() {
		ix = nil
		ix = match.NewIndex(ents)
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ix.Len()), "entities")
	// The index's own memory: the heap after it is built, less the heap
	// holding the parsed entities (which the store and server hold anyway).
	b.ReportMetric(float64(ms.HeapInuse-before.HeapInuse)/(1<<20), "index-MB")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(rssMB(), "rss-MB")
	runtime.KeepAlive(ix)
}

// rssMB reads the resident set size of the process (Linux), or 0.
func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// benchQueries are listed names as written, the same names with a typo in
// every token (sharing no exact token with the list), and synthetic
// non-matches.
func benchQueries(b testing.TB, ents []embargo.Entity) map[string][]embargo.Query {
	r := rand.New(rand.NewPCG(1, 2))
	out := map[string][]embargo.Query{}
	for i := 0; i < len(ents) && len(out["exact"]) < 2000; i += 7 {
		n := ents[i].Caption()
		out["exact"] = append(out["exact"], embargo.Query{Name: n})
		if t, ok := typo(n, r); ok {
			out["typo"] = append(out["typo"], embargo.Query{Name: t})
		}
	}
	// The HTTP benchmark's mix: half listed names with a variant spelling,
	// half unlisted names made of listed tokens.
	var primary []string
	for i := range ents {
		primary = append(primary, ents[i].Caption())
	}
	for _, n := range loadgen.Mix(primary, 2000, 1) {
		out["mix"] = append(out["mix"], embargo.Query{Name: n})
	}
	for _, row := range readYente(&testing.T{}, "negatives_global.csv", 2000) {
		out["negative"] = append(out["negative"], embargo.Query{Name: row.Name})
	}
	return out
}

// typo changes one letter inside every word of name; names with a word of
// under four letters are left out, so that no word survives exactly.
func typo(name string, r *rand.Rand) (string, bool) {
	words := normalize.Tokens(normalize.Fold(name))
	if len(words) < 2 {
		return "", false
	}
	for i, w := range words {
		if len(w) < 4 || !isASCIIWord(w) {
			return "", false
		}
		p := 1 + r.IntN(len(w)-2)
		c := byte('a' + r.IntN(26))
		if c == w[p] {
			c = 'z' - (w[p] - 'a')
		}
		words[i] = w[:p] + string(c) + w[p+1:]
	}
	return strings.Join(words, " "), true
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// BenchmarkScreen measures one query at a time on the full index and
// reports the latency percentiles of each kind of query.
func BenchmarkScreen(b *testing.B) {
	ents := loadLists(b, allLists...)
	ix := match.NewIndex(ents)
	qs := benchQueries(b, ents)
	for _, kind := range []string{"exact", "typo", "negative", "mix"} {
		b.Run(kind, func(b *testing.B) { benchLatency(b, ix, qs[kind], false) })
	}
	// The same queries, the index's memo of each word's neighbours emptied
	// before every pass over them: the sets above repeat every 2,000
	// queries, so that after the first pass every word's neighbours are
	// remembered, and a stream of mostly new names gets fewer such hits.
	for _, kind := range []string{"negative", "mix"} {
		b.Run(kind+"-cold", func(b *testing.B) { benchLatency(b, ix, qs[kind], true) })
	}
}

// BenchmarkScreenByScript is BenchmarkScreen's negative queries (yente's
// negatives_global, 46 % non-Latin) split by the script of each name: their
// p50 is a mix of Latin names, faster than it, and Han, Hangul, Cyrillic and
// Arabic ones, each slower in its own way (more readings, skeleton lookups),
// and this shows which.
func BenchmarkScreenByScript(b *testing.B) {
	ents := loadLists(b, allLists...)
	ix := match.NewIndex(ents)
	by := map[string][]embargo.Query{}
	for _, q := range benchQueries(b, ents)["negative"] {
		by[scriptOf(q.Name)] = append(by[scriptOf(q.Name)], q)
	}
	for _, s := range []string{"latin", "han", "hangul", "cyrillic", "arabic", "other"} {
		b.Run(s, func(b *testing.B) {
			benchLatency(b, ix, by[s], false)
			b.ReportMetric(float64(len(by[s])), "queries")
		})
	}
}

// scriptOf is the first script other than Latin that a name's letters are
// in, or latin.
func scriptOf(name string) string {
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) || unicode.Is(unicode.Latin, r):
		case unicode.Is(unicode.Han, r):
			return "han"
		case unicode.Is(unicode.Hangul, r):
			return "hangul"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Arabic, r):
			return "arabic"
		default:
			return "other"
		}
	}
	return "latin"
}

func benchLatency(b *testing.B, ix *match.Index, qs []embargo.Query, cold bool) {
	if len(qs) == 0 {
		b.Skip("no queries")
	}
	// Wall time suffers from other processes on a shared machine; the
	// thread's CPU time (CLOCK_THREAD_CPUTIME_ID) does not, so both are given.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	opt := match.DefaultOptions()
	var walls, cpus []time.Duration
	i := 0
	for b.Loop() {
		if cold && i%len(qs) == 0 {
			match.ForgetNeighbours(ix)
		}
		start, c0 := time.Now(), threadCPU()
		ix.Screen(qs[i%len(qs)], opt)
		walls = append(walls, time.Since(start))
		cpus = append(cpus, threadCPU()-c0)
		i++
	}
	b.ReportMetric(pct(walls, 0.5), "p50-µs")
	b.ReportMetric(pct(walls, 0.99), "p99-µs")
	b.ReportMetric(pct(cpus, 0.5), "cpu-p50-µs")
	b.ReportMetric(pct(cpus, 0.99), "cpu-p99-µs")
}

func pct(ds []time.Duration, p float64) float64 {
	slices.Sort(ds)
	return float64(ds[int(p*float64(len(ds)-1))]) / 1e3
}

func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BenchmarkMillion builds a synthetic index of 1,000,000 persons from real
// name parts (the words of the listed persons' names, recombined) and
// measures query latency on it. It needs minutes and gigabytes, so it runs
// only when -bench names it explicitly (-bench Million).
func BenchmarkMillion(b *testing.B) {
	if f := flag.Lookup("test.bench"); f == nil || !strings.Contains(f.Value.String(), "Million") {
		b.Skip("run with -bench Million: builds a 1,000,000-entity index")
	}
	real := loadLists(b, allLists...)
	var parts []string
	for _, e := range real {
		if e.Schema == embargo.Person {
			parts = append(parts, normalize.Tokens(normalize.Fold(e.Caption()))...)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	ents := make([]embargo.Entity, 1_000_000)
	for i := range ents {
		n := 2 + r.IntN(2)
		w := make([]string, n)
		for j := range w {
			w[j] = parts[r.IntN(len(parts))]
		}
		ents[i] = embargo.Entity{ID: "syn:" + strconv.Itoa(i), Source: "syn", Schema: embargo.Person,
			Names: []embargo.Name{{Full: strings.Join(w, " "), Kind: embargo.PrimaryName}}}
	}
	start := time.Now()
	ix := match.NewIndex(ents)
	built := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// A benchmark with sub-benchmarks prints no metrics of its own: log them.
	b.Logf("1,000,000 entities indexed in %s; heap %.0f MB, RSS %.0f MB", built.Round(time.Millisecond), float64(ms.HeapInuse)/(1<<20), rssMB())
	qs := benchQueries(b, ents)
	b.ResetTimer()
	for _, kind := range []string{"exact", "typo", "negative"} {
		b.Run(kind, func(b *testing.B) { benchLatency(b, ix, qs[kind], false) })
	}
}
