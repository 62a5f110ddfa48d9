package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"embargo/audit"
)

func init() { commands = append(commands, newAuditCmd) }

func newAuditCmd(m *Main) *cobra.Command {
	c := &cobra.Command{Use: "audit", Short: "Verify and export the hash-chained audit log of screening decisions"}
	verify := &cobra.Command{
		Use:   "verify",
		Short: "Check that no audit record was edited, deleted or inserted",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			l, err := m.auditLog(c.Context())
			if err != nil {
				return err
			}
			n, err := l.Verify(c.Context())
			if err != nil {
				return fmt.Errorf("%v (after %d good records)", err, n)
			}
			if m.JSON {
				return json.NewEncoder(m.Stdout).Encode(map[string]any{"records": n, "ok": true, "hash_scheme": audit.Scheme})
			}
			fmt.Fprintf(m.Stdout, "audit log intact: %d records, hash chain verified (%s)\n", n, audit.Scheme)
			return nil
		},
	}
	var from, to string
	export := &cobra.Command{
		Use:   "export",
		Short: "Write audit records as JSON lines (--from/--to: YYYY-MM-DD or RFC 3339; --to is exclusive)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			var f audit.Filter
			var err error
			if f.From, err = parseWhen(from); err != nil {
				return fmt.Errorf("%w: --from: %v", errUsage, err)
			}
			if f.To, err = parseWhen(to); err != nil {
				return fmt.Errorf("%w: --to: %v", errUsage, err)
			}
			l, err := m.auditLog(c.Context())
			if err != nil {
				return err
			}
			w := bufio.NewWriter(m.Stdout)
			enc := json.NewEncoder(w)
			if err := l.Each(c.Context(), f, func(r audit.Record) error { return enc.Encode(r) }); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	export.Flags().StringVar(&from, "from", "", "first time included")
	export.Flags().StringVar(&to, "to", "", "first time excluded")
	c.AddCommand(verify, export)
	return c
}

func parseWhen(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}
