package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/country"
	"embargo/match"
)

func init() { commands = append(commands, newScreenCmd) }

type screenFlags struct {
	schema, dob, country, id string
	threshold                float64
	limit                    int
	file, nameColumn, output string
	workers                  int
}

func newScreenCmd(m *Main) *cobra.Command {
	var f screenFlags
	c := &cobra.Command{
		Use:   "screen [NAME]",
		Short: "Screen a name, or every row of a file, against the lists",
		Long: `Screen a name against the latest version of every list in the store (or the
embedded demo subset when none was imported) and print the best hits with their
score and a named explanation of each part of it.

With --file, screen every row of a CSV, JSONL or XLSX file in parallel and
write one result per row to --output (CSV or JSONL); a run that stops can be
started again and skips the rows already in the output.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opt := match.Options{Threshold: f.threshold, Limit: f.limit}
			if f.threshold < 0 || f.threshold > 1 {
				return fmt.Errorf("%w: --threshold %v: want a score between 0 and 1", errUsage, f.threshold)
			}
			if f.file != "" {
				if len(args) > 0 {
					return fmt.Errorf("%w: give a NAME or --file, not both", errUsage)
				}
				return m.screenFile(c.Context(), f, opt)
			}
			if len(args) == 0 && f.id == "" {
				return fmt.Errorf("%w: screen needs a NAME, --id or --file (see 'embargo screen --help')", errUsage)
			}
			name := ""
			if len(args) > 0 {
				name = args[0]
			}
			q, err := buildQuery(name, f.schema, f.dob, f.country, f.id)
			if err != nil {
				return fmt.Errorf("%w: %v", errUsage, err)
			}
			return m.screenOne(c.Context(), q, opt)
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.schema, "type", "", "what the name is: person, organization, vessel or aircraft")
	fl.StringVar(&f.dob, "dob", "", "date of birth (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.country, "country", "", "nationality or country (any spelling or ISO code)")
	fl.StringVar(&f.id, "id", "", "an identifier: IMO, passport or national ID number")
	fl.Float64Var(&f.threshold, "threshold", match.DefaultThreshold, "score from which a hit is a match")
	fl.IntVar(&f.limit, "limit", 10, "most hits to show per name")
	fl.StringVar(&f.file, "file", "", "screen every row of this CSV, JSONL or XLSX file")
	fl.StringVar(&f.nameColumn, "name-column", "name", "column (or JSON key) holding the name, with --file")
	fl.StringVar(&f.output, "output", "", "with --file: write results here (.csv or .jsonl); default stdout as JSONL")
	fl.IntVar(&f.workers, "workers", 0, "with --file: parallel workers (default GOMAXPROCS)")
	return c
}

// buildQuery checks the flags of one query.
func buildQuery(name, schema, dob, ctry, id string) (embargo.Query, error) {
	q := embargo.Query{Name: name}
	if schema != "" {
		s, ok := embargo.ParseSchema(schema)
		if !ok {
			return q, fmt.Errorf("--type %q: want person, organization, vessel or aircraft", schema)
		}
		q.Schema = s
	}
	if dob != "" {
		d, err := embargo.ParseDate(dob)
		if err != nil {
			return q, fmt.Errorf("--dob: %v", err)
		}
		q.BirthDate = d
	}
	if ctry != "" {
		cc, ok := country.Code(ctry)
		if !ok {
			return q, fmt.Errorf("--country %q: not a country embargo knows", ctry)
		}
		q.Countries = []string{cc}
	}
	if id != "" {
		q.Identifiers = []embargo.Identifier{{Value: id}}
	}
	return q, nil
}

// screenResult is the JSON answer of one screening.
type screenResult struct {
	Query     embargo.Query         `json:"query"`
	Threshold float64               `json:"threshold"`
	Demo      bool                  `json:"demo"`
	Notice    string                `json:"notice,omitempty"`
	Versions  []embargo.ListVersion `json:"versions"`
	Hits      []embargo.Match       `json:"hits"`
}

const demoNotice = "Screened against the embedded demo subset: it is a demo subset, not a compliance list. Import the official lists with 'embargo update' or 'embargo lists import'."

func (m *Main) screenOne(ctx context.Context, q embargo.Query, opt match.Options) error {
	cat, err := m.Catalog(ctx)
	if err != nil {
		return err
	}
	ix := match.NewIndex(cat.Entities)
	hits := ix.Screen(q, opt)
	res := screenResult{Query: q, Threshold: opt.Threshold, Demo: cat.Demo, Versions: cat.Versions, Hits: hits}
	if res.Hits == nil {
		res.Hits = []embargo.Match{}
	}
	if cat.Demo {
		res.Notice = demoNotice
	} else if err := m.auditCLI(ctx, "screen", q, cat.Versions, opt.Threshold, res.Hits); err != nil {
		return err
	}
	if m.JSON {
		return m.writeJSON(res)
	}
	writeScreenText(m.Stdout, &res)
	return nil
}

func writeScreenText(w io.Writer, r *screenResult) {
	if r.Demo {
		fmt.Fprintln(w, "NOTE: "+demoNotice)
	}
	fmt.Fprintf(w, "Lists: %s\n", versionsLine(r.Versions, r.Demo))
	fmt.Fprintf(w, "Query: %s  (threshold %.2f)\n", describeQuery(r.Query), r.Threshold)
	if len(r.Hits) == 0 {
		fmt.Fprintln(w, "No hit at or above the threshold.")
		return
	}
	for i, h := range r.Hits {
		fmt.Fprintf(w, "\n%d. %s  score %.3f  %s (%s)\n", i+1, h.EntityID, h.Score, h.Caption, h.Schema)
		if h.MatchedName != "" && h.MatchedName != h.Caption {
			fmt.Fprintf(w, "   matched name: %s\n", h.MatchedName)
		}
		for _, x := range h.Explanations {
			fmt.Fprintln(w, "   "+explainLine(x))
		}
	}
}

func versionsLine(vs []embargo.ListVersion, demo bool) string {
	if len(vs) == 0 {
		if demo {
			return "demo subset"
		}
		return "none"
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s v%d%s", v.Source, v.Version, publishedNote(v))
	}
	return strings.Join(parts, ", ")
}

func describeQuery(q embargo.Query) string {
	parts := []string{fmt.Sprintf("%q", q.Name)}
	if q.Schema != "" {
		parts = append(parts, "type "+string(q.Schema))
	}
	if !q.BirthDate.IsZero() {
		parts = append(parts, "born "+q.BirthDate.String())
	}
	if len(q.Countries) > 0 {
		parts = append(parts, "country "+strings.Join(q.Countries, ","))
	}
	for _, id := range q.Identifiers {
		parts = append(parts, "id "+id.Value)
	}
	return strings.Join(parts, ", ")
}

// explainLine renders one explanation: "name  taisaev ~ taysaev  edit-distance 1  0.857".
func explainLine(x embargo.Explanation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s ", x.Field)
	switch {
	case x.Query != "" && x.Candidate != "":
		fmt.Fprintf(&b, "%s ~ %s", x.Query, x.Candidate)
	case x.Query != "":
		fmt.Fprintf(&b, "%s ~ (none)", x.Query)
	default:
		fmt.Fprintf(&b, "(none) ~ %s", x.Candidate)
	}
	fmt.Fprintf(&b, "  %s", x.Method)
	if x.Method == "edit-distance" {
		fmt.Fprintf(&b, " %d", x.Distance)
	}
	if x.Field == "name" {
		if x.Method != "unmatched" {
			fmt.Fprintf(&b, "  %.3f", x.Score)
		}
		if x.Weight > 0 {
			fmt.Fprintf(&b, "  weighs %.0f%%", 100*x.Weight)
		}
	} else {
		fmt.Fprintf(&b, "  %+.3f", x.Score)
	}
	if x.Note != "" {
		fmt.Fprintf(&b, "  (%s)", x.Note)
	}
	return b.String()
}
