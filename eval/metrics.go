package eval

import (
	"math"
	"slices"
	"sort"
	"time"

	"embargo"
)

// Screener answers one query with its hits, best first, whatever their
// score (the metrics apply the threshold themselves).
type Screener func(embargo.Query) []embargo.Match

// Latency is in milliseconds.
type Latency struct {
	P50 float64 `json:"p50"`
	P99 float64 `json:"p99"`
}

// Report holds the query metrics, overall and per subset.
type Report struct {
	Queries               int                `json:"queries"`
	RecallAt1             float64            `json:"recall_at_1"`
	RecallAt5             float64            `json:"recall_at_5"`
	RecallAt1Thresholded  float64            `json:"recall_at_1_thresholded"`
	FalsePositiveRate     float64            `json:"false_positive_rate"`
	Threshold             float64            `json:"threshold"`
	Latency               Latency            `json:"latency_ms"`
	Subsets               map[string]*Report `json:"subsets,omitempty"`
	Positives, Negatives  int                `json:"-"`
	Misses, FalsePositive []Outcome          `json:"-"` // for inspection
}

// Outcome is what one query gave.
type Outcome struct {
	Query    Query
	Hits     []embargo.Match
	Rank     int // 1-based rank of the expected entity, 0 when absent
	Duration time.Duration
}

// Run screens every query and measures. by names a column to break the
// figures down by ("" for none).
func Run(qs []Query, screen Screener, threshold float64, by string) *Report {
	outs := make([]Outcome, len(qs))
	for i, q := range qs {
		start := time.Now()
		hits := screen(q.Query)
		outs[i] = Outcome{Query: q, Hits: hits, Duration: time.Since(start), Rank: rank(hits, q.Expected)}
	}
	r := summarise(outs, threshold)
	if by != "" {
		groups := map[string][]Outcome{}
		for _, o := range outs {
			v := o.Query.Fields[by]
			groups[v] = append(groups[v], o)
		}
		r.Subsets = map[string]*Report{}
		for v, g := range groups {
			r.Subsets[v] = summarise(g, threshold)
		}
	}
	return r
}

func rank(hits []embargo.Match, want string) int {
	if want == "" {
		return 0
	}
	for i, h := range hits {
		if h.EntityID == want {
			return i + 1
		}
	}
	return 0
}

func summarise(outs []Outcome, threshold float64) *Report {
	r := &Report{Queries: len(outs), Threshold: threshold}
	var at1, at5, at1t, fp int
	durs := make([]time.Duration, 0, len(outs))
	for _, o := range outs {
		durs = append(durs, o.Duration)
		if o.Query.Expected == "" {
			r.Negatives++
			if len(o.Hits) > 0 && o.Hits[0].Score >= threshold {
				fp++
				r.FalsePositive = append(r.FalsePositive, o)
			}
			continue
		}
		r.Positives++
		switch {
		case o.Rank == 1:
			at1++
			if o.Hits[0].Score >= threshold {
				at1t++
			} else {
				r.Misses = append(r.Misses, o)
			}
		default:
			r.Misses = append(r.Misses, o)
		}
		if o.Rank >= 1 && o.Rank <= 5 {
			at5++
		}
	}
	r.RecallAt1 = ratio(at1, r.Positives)
	r.RecallAt5 = ratio(at5, r.Positives)
	r.RecallAt1Thresholded = ratio(at1t, r.Positives)
	r.FalsePositiveRate = ratio(fp, r.Negatives)
	r.Latency = Latency{P50: percentile(durs, 0.50), P99: percentile(durs, 0.99)}
	return r
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return math.Round(float64(n)/float64(d)*1e4) / 1e4
}

// percentile is the nearest-rank percentile, in milliseconds.
func percentile(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	i = max(0, min(i, len(s)-1))
	return math.Round(float64(s[i])/float64(time.Millisecond)*1e3) / 1e3
}

// PairReport holds the pair metrics.
type PairReport struct {
	Pairs         int     `json:"pairs"`
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	F1            float64 `json:"f1"`
	Threshold     float64 `json:"threshold"`
	BestThreshold float64 `json:"best_threshold"`
	BestF1        float64 `json:"best_f1"`
}

// Scored is a pair with the score the matcher gave it.
type Scored struct {
	Pair  Pair
	Score float64
}

// RunPairs scores every pair and measures at threshold, and finds the
// threshold with the best F1 among the scores seen.
func RunPairs(ps []Pair, compare func(Pair) float64, threshold float64) (*PairReport, []Scored) {
	sc := make([]Scored, len(ps))
	for i, p := range ps {
		sc[i] = Scored{Pair: p, Score: compare(p)}
	}
	r := &PairReport{Pairs: len(ps), Threshold: threshold}
	r.Precision, r.Recall, r.F1 = prf(sc, threshold)
	// Sweep the scores from the top: every distinct score is a candidate cut.
	sorted := slices.Clone(sc)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Score > sorted[j].Score })
	pos := 0
	for _, s := range sc {
		if s.Pair.Match {
			pos++
		}
	}
	tp, fp := 0, 0
	for i, s := range sorted {
		if s.Pair.Match {
			tp++
		} else {
			fp++
		}
		if i+1 < len(sorted) && sorted[i+1].Score == s.Score {
			continue
		}
		p, rc := ratio(tp, tp+fp), ratio(tp, pos)
		if p+rc > 0 {
			if f := math.Round(2*p*rc/(p+rc)*1e4) / 1e4; f > r.BestF1 {
				r.BestF1, r.BestThreshold = f, s.Score
			}
		}
	}
	return r, sc
}

func prf(sc []Scored, threshold float64) (p, r, f float64) {
	var tp, fp, fn int
	for _, s := range sc {
		hit := s.Score >= threshold
		switch {
		case hit && s.Pair.Match:
			tp++
		case hit:
			fp++
		case s.Pair.Match:
			fn++
		}
	}
	p, r = ratio(tp, tp+fp), ratio(tp, tp+fn)
	if p+r > 0 {
		f = math.Round(2*p*r/(p+r)*1e4) / 1e4
	}
	return p, r, f
}
