package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/eval"
	"embargo/match"
)

func init() { commands = append(commands, newEvalCmd) }

func newEvalCmd(m *Main) *cobra.Command {
	var by, pairs string
	var rarity bool
	var sources []string
	var threshold float64
	c := &cobra.Command{
		Use:   "eval [QUERIES.csv] [--pairs PAIRS.csv]",
		Short: "Measure the matcher: recall, false positives, latency; or precision/recall on name pairs",
		Long: `eval QUERIES.csv screens every query against the lists in the store (or the
demo subset) and prints recall@1, recall@5, recall@1 with score >= threshold,
the false-positive rate (share of queries with an empty expected id that get
any hit >= threshold) and latency p50/p99, overall and per value of --by.
The CSV header must include query_id,schema,name,birth_date,nationality,expected.

eval --pairs PAIRS.csv scores each pair (header name1,name2,is_match and an
optional schema) and prints precision, recall and F1 at the threshold, and the
threshold with the best F1.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			switch {
			case pairs != "" && len(args) == 0:
				return m.evalPairs(c.Context(), pairs, threshold, rarity)
			case pairs == "" && len(args) == 1:
				return m.evalQueries(c.Context(), args[0], by, threshold, sources)
			}
			return fmt.Errorf("%w: give QUERIES.csv or --pairs PAIRS.csv (see 'embargo eval --help')", errUsage)
		},
	}
	c.Flags().StringVar(&by, "by", "", "break the figures down by the values of this column")
	c.Flags().StringVar(&pairs, "pairs", "", "a pairs CSV (name1,name2,is_match[,schema]) to measure instead")
	c.Flags().BoolVar(&rarity, "rarity", true, "with --pairs: weigh words by how common they are in the stored lists, as screening does")
	c.Flags().Float64Var(&threshold, "threshold", match.DefaultThreshold, "score from which a hit is a match")
	c.Flags().StringSliceVar(&sources, "source", nil, "screen only these lists (un, ofac, uk, ...): expected ids of one list compete with the same person on others")
	return c
}

func (m *Main) evalQueries(ctx context.Context, path, by string, threshold float64, sources []string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	qs, err := eval.ReadQueries(f, path)
	f.Close()
	if err != nil {
		return err
	}
	if by != "" && len(qs) > 0 {
		if _, ok := qs[0].Fields[by]; !ok {
			return fmt.Errorf("%w: --by %q: %s has no such column", errUsage, by, path)
		}
	}
	cat, err := m.Catalog(ctx)
	if err != nil {
		return err
	}
	ix := match.NewIndex(cat.Entities)
	opt := match.Options{Threshold: 0, Limit: 5, Sources: sources}
	r := eval.Run(qs, func(q embargo.Query) []embargo.Match { return ix.Screen(q, opt) }, threshold, by)
	if m.JSON {
		return m.writeJSON(r)
	}
	if cat.Demo {
		fmt.Fprintln(m.Stdout, "NOTE: "+demoNotice)
	}
	fmt.Fprintf(m.Stdout, "Lists: %s\n", versionsLine(cat.Versions, cat.Demo))
	fmt.Fprintf(m.Stdout, "%-20s %8s %8s %8s %8s %8s %9s %9s\n", "subset", "queries", "R@1", "R@5", "R@1>=th", "FPR", "p50 ms", "p99 ms")
	writeReportLine(m.Stdout, "all", r)
	keys := make([]string, 0, len(r.Subsets))
	for k := range r.Subsets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		writeReportLine(m.Stdout, by+"="+k, r.Subsets[k])
	}
	fmt.Fprintf(m.Stdout, "threshold %.2f\n", threshold)
	return nil
}

func writeReportLine(w io.Writer, name string, r *eval.Report) {
	fmt.Fprintf(w, "%-20s %8d %8.4f %8.4f %8.4f %8.4f %9.3f %9.3f\n", name, r.Queries, r.RecallAt1, r.RecallAt5,
		r.RecallAt1Thresholded, r.FalsePositiveRate, r.Latency.P50, r.Latency.P99)
}

func (m *Main) evalPairs(ctx context.Context, path string, threshold float64, rarity bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	ps, err := eval.ReadPairs(f, path)
	f.Close()
	if err != nil {
		return err
	}
	compare, weights, err := m.comparer(ctx, rarity)
	if err != nil {
		return err
	}
	r, _ := eval.RunPairs(ps, func(p eval.Pair) float64 { return compare(p.Name1, p.Name2, p.Schema).Score }, threshold)
	if m.JSON {
		return m.writeJSON(struct {
			*eval.PairReport
			Weights string `json:"weights"`
		}{r, weights})
	}
	fmt.Fprintf(m.Stdout, "pairs %d  precision %.4f  recall %.4f  F1 %.4f  at threshold %.2f  (%s)\n", r.Pairs, r.Precision, r.Recall, r.F1, r.Threshold, weights)
	fmt.Fprintf(m.Stdout, "best threshold %.3f  F1 %.4f\n", r.BestThreshold, r.BestF1)
	return nil
}
