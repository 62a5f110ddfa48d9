package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/analysis"
	"embargo/source"
)

func init() { commands = append(commands, newAnalyzeCmd) }

func newAnalyzeCmd(m *Main) *cobra.Command {
	c := &cobra.Command{
		Use:   "analyze",
		Short: "Analyses of the stored lists: how one list's designations are carried by the others",
	}
	c.AddCommand(newCoverageCmd(m))
	return c
}

// coverageResult is the JSON answer of 'analyze coverage'.
type coverageResult struct {
	Demo     bool                  `json:"demo"`
	Notice   string                `json:"notice,omitempty"`
	Versions []embargo.ListVersion `json:"versions"`
	TookMS   int64                 `json:"took_ms"`
	*analysis.Report
}

func newCoverageCmd(m *Main) *cobra.Command {
	var opt analysis.Options
	var missing bool
	c := &cobra.Command{
		Use:   "coverage",
		Short: "Which of the reference list's designations each other list carries, since when, and the gaps",
		Long: `For every entity of the reference list (--reference, default un), optionally of one regime
(--regime DPRK, RUSSIA, IRAN, ...), finds its record on every other stored list: by
cross-reference first (the UK and EU records quote UN references), then by screening the entity
(names, birth date, nationality, identifiers) against that list alone, keeping a hit of the same
schema scoring at least --min-score. Per list: how many it covers, how it found them, the lag
between the reference's listing date and the list's own (where both are known to the day), and
what it misses; then the entities no other list carries.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opt.MinScore < 0 || opt.MinScore > 1 {
				return fmt.Errorf("%w: --min-score %g: want a score in (0, 1]", errUsage, opt.MinScore)
			}
			if r := source.Regime(opt.Regime); r != "" {
				opt.Regime = r
			}
			cat, err := m.Catalog(c.Context())
			if err != nil {
				return err
			}
			start := time.Now()
			rep := analysis.Coverage(cat.Entities, nil, opt)
			res := coverageResult{Demo: cat.Demo, Versions: cat.Versions, TookMS: time.Since(start).Milliseconds(), Report: rep}
			if res.Versions == nil {
				res.Versions = []embargo.ListVersion{}
			}
			if cat.Demo {
				res.Notice = "analysed the embedded demo subset (every entity of source \"demo\"), not the official lists: import them with 'embargo update' or 'embargo lists import'"
			}
			if m.JSON {
				return m.writeJSON(res)
			}
			writeCoverageText(m.Stdout, &res, missing)
			return nil
		},
	}
	c.Flags().StringVar(&opt.Reference, "reference", "un", "the list whose designations are followed (un, ofac, uk, eu, ...)")
	c.Flags().StringVar(&opt.Regime, "regime", "", "only the reference's designations of this regime (DPRK, RUSSIA, IRAN, ...)")
	c.Flags().StringSliceVar(&opt.Sources, "sources", nil, "the other lists to look in (default: every stored list)")
	c.Flags().Float64Var(&opt.MinScore, "min-score", analysis.DefaultMinScore, "the score a screening hit needs to count as the same entity")
	c.Flags().BoolVar(&missing, "missing", false, "also list, per list, the reference entities it misses")
	return c
}

func writeCoverageText(w io.Writer, r *coverageResult, missing bool) {
	if r.Demo {
		fmt.Fprintln(w, "NOTE: "+r.Notice)
	}
	fmt.Fprintf(w, "Lists: %s\n", versionsLine(r.Versions, r.Demo))
	scope := "every regime"
	if r.Regime != "" {
		scope = "regime " + r.Regime
	}
	fmt.Fprintf(w, "Coverage of %s %s entities (%s) by the other lists; matches need a score of %.2f and the same schema (%d ms)\n",
		thousands(r.Entities), r.Reference, scope, r.MinScore, r.TookMS)
	if r.Entities == 0 {
		fmt.Fprintf(w, "No %s entity of %s is stored: nothing to follow.\n", r.Reference, scope)
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LIST\tLISTED\tCOVERS\t%\tBY X-REF\tBY MATCH\tDATED\tMEDIAN LAG\tMAX LAG\tLISTED BEFORE\tMISSES")
	for _, s := range r.Sources {
		median, maxLag, before := "-", "-", "-"
		if s.Lag.Dated > 0 {
			median = strings.TrimSuffix(fmt.Sprintf("%.1f", s.Lag.MedianDays), ".0") + " d"
			maxLag = fmt.Sprintf("%d d", s.Lag.MaxDays)
			before = fmt.Sprint(s.Lag.ListedBefore)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t%s\t%s\t%s\t%d\n", s.Source, thousands(s.Listed), s.Covered, s.Percent,
			s.ByCrossRef, s.ByMatch, s.Lag.Dated, median, maxLag, before, len(s.Missing))
	}
	tw.Flush()
	fmt.Fprintln(w, "Lag: the list's own listing date minus the reference's, in days, where both are known to the day.")
	if missing {
		for _, s := range r.Sources {
			if len(s.Missing) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s misses %d:\n", s.Source, len(s.Missing))
			writeGaps(w, s.Missing)
		}
	}
	if len(r.Gaps) == 0 {
		fmt.Fprintf(w, "\nEvery %s entity is carried by at least one other list.\n", r.Reference)
		return
	}
	fmt.Fprintf(w, "\nGaps: %d %s entities no other list carries:\n", len(r.Gaps), r.Reference)
	writeGaps(w, r.Gaps)
}

func writeGaps(w io.Writer, gs []analysis.Gap) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, g := range gs {
		fmt.Fprintf(tw, "  %s\t%s\t%s\tlisted %s\n", g.ID, g.Name, g.Schema, orDash(g.ListedOn.String()))
	}
	tw.Flush()
}
