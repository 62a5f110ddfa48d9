package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"embargo/fetch"
)

func init() { commands = append(commands, newUpdateCmd) }

func newUpdateCmd(m *Main) *cobra.Command {
	var names, bases []string
	opt := fetch.Options{}
	c := &cobra.Command{
		Use:   "update [--source NAME...] [--base-url SOURCE=URL...]",
		Short: "Download the official lists and import the new versions",
		Long: "Download each official list from its official URL (or a mirror given with --base-url, which\n" +
			"serves the same file names), asking only for what changed since the last good download. A list\n" +
			"is parsed fully before it is stored, in one transaction; on any failure the last good version\n" +
			"stays in force. One line per list; the exit status is non-zero when any list failed.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			base, err := fetch.ParseBaseURLs(bases)
			if err != nil {
				return err
			}
			opt.BaseURLs = base
			return m.update(c.Context(), names, opt)
		},
	}
	c.Flags().StringSliceVar(&names, "source", nil, "lists to update (source or format names; default: all with an official URL)")
	c.Flags().StringSliceVar(&bases, "base-url", nil, "SOURCE=URL: download SOURCE's files from this mirror")
	c.Flags().DurationVar(&opt.Timeout, "timeout", fetch.DefaultTimeout, "time limit of each download")
	c.Flags().Int64Var(&opt.MaxBytes, "max-size", fetch.DefaultMaxBytes, "size limit of each file, in bytes")
	return c
}

func (m *Main) update(ctx context.Context, names []string, opt fetch.Options) error {
	formats, err := fetch.Formats(names)
	if err != nil {
		return err
	}
	s, err := m.Store(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	var results []fetch.Result
	failed := fetch.UpdateAll(ctx, s, formats, opt, func(r fetch.Result) {
		results = append(results, r)
		if !m.JSON {
			fmt.Fprintln(m.Stdout, r.String())
		}
	})
	if m.JSON {
		if err := m.writeJSON(results); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d lists failed after %s; the last good versions stay in force",
			fetch.ErrFailed, failed, len(formats), time.Since(start).Round(time.Millisecond))
	}
	return nil
}
