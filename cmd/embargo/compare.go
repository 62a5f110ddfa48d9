package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/match"
)

func init() { commands = append(commands, newCompareCmd) }

func newCompareCmd(m *Main) *cobra.Command {
	var schema string
	var rarity bool
	c := &cobra.Command{
		Use:   "compare NAME1 NAME2",
		Short: "Score two names against each other and explain the score",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 2 {
				return fmt.Errorf("%w: compare takes two names, got %d (see 'embargo compare --help')", errUsage, len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			s := embargo.Thing
			if schema != "" {
				var ok bool
				if s, ok = embargo.ParseSchema(schema); !ok {
					return fmt.Errorf("%w: --type %q: want person, organization, vessel or aircraft", errUsage, schema)
				}
			}
			compare, weights, err := m.comparer(c.Context(), rarity)
			if err != nil {
				return err
			}
			r := compare(args[0], args[1], s)
			if m.JSON {
				return m.writeJSON(struct {
					Name1     string  `json:"name1"`
					Name2     string  `json:"name2"`
					Threshold float64 `json:"threshold"`
					Weights   string  `json:"weights"`
					embargo.Match
				}{args[0], args[1], match.DefaultThreshold, weights, r})
			}
			verdict := "not a match"
			if r.Matched {
				verdict = "match"
			}
			fmt.Fprintf(m.Stdout, "%q vs %q: score %.3f, %s (threshold %.2f; %s)\n", args[0], args[1], r.Score, verdict, match.DefaultThreshold, weights)
			for _, x := range r.Explanations {
				fmt.Fprintln(m.Stdout, "   "+explainLine(x))
			}
			return nil
		},
	}
	c.Flags().StringVar(&schema, "type", "", "what the names are: person, organization, vessel or aircraft")
	c.Flags().BoolVar(&rarity, "rarity", true, "weigh words by how common they are in the stored lists, as screening does (loads and indexes them)")
	return c
}

// comparer returns the pair scorer: words weighed by their rarity in the
// stored lists (as screening weighs them) when asked and when the store
// holds lists, else every word alike. weights says which, for the output.
func (m *Main) comparer(ctx context.Context, rarity bool) (f func(a, b string, s embargo.Schema) embargo.Match, weights string, err error) {
	if rarity {
		cat, err := m.Catalog(ctx)
		if err != nil {
			return nil, "", err
		}
		if !cat.Demo {
			ix := match.NewIndex(cat.Entities)
			return ix.CompareNames, fmt.Sprintf("words weighed by rarity in %d listed entities", ix.Len()), nil
		}
	}
	return match.CompareNames, "every word weighs the same", nil
}
