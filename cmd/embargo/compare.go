package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/match"
)

func init() { commands = append(commands, newCompareCmd) }

func newCompareCmd(m *Main) *cobra.Command {
	var schema string
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
			r := match.CompareNames(args[0], args[1], s)
			if m.JSON {
				return m.writeJSON(struct {
					Name1     string  `json:"name1"`
					Name2     string  `json:"name2"`
					Threshold float64 `json:"threshold"`
					embargo.Match
				}{args[0], args[1], match.DefaultThreshold, r})
			}
			verdict := "not a match"
			if r.Matched {
				verdict = "match"
			}
			fmt.Fprintf(m.Stdout, "%q vs %q: score %.3f, %s (threshold %.2f)\n", args[0], args[1], r.Score, verdict, match.DefaultThreshold)
			for _, x := range r.Explanations {
				fmt.Fprintln(m.Stdout, "   "+explainLine(x))
			}
			return nil
		},
	}
	c.Flags().StringVar(&schema, "type", "", "what the names are: person, organization, vessel or aircraft")
	return c
}
