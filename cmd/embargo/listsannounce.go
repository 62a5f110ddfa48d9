package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newListsAnnouncementsCmd(m *Main) *cobra.Command {
	return &cobra.Command{
		Use:   "announcements",
		Short: "Show the new-version announcements NATS JetStream holds (needs --nats)",
		Long: `With --nats, every process that stores a new list version announces it on
the JetStream stream EMBARGO_LISTS, and servers reload on the announcement.
This shows the announcements the stream still holds, oldest first.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if m.NATSURL == "" {
				return fmt.Errorf("%w: lists announcements needs --nats nats://… (or EMBARGO_NATS)", errUsage)
			}
			bus, err := m.Bus(c.Context())
			if err != nil {
				return err
			}
			as, err := bus.History(c.Context())
			if err != nil {
				return err
			}
			if m.JSON {
				return m.writeJSON(as)
			}
			for _, a := range as {
				fmt.Fprintf(m.Stdout, "%s  %-10s version %d  %s entities  published %s  sha256 %s\n",
					a.Stored.Format("2006-01-02 15:04:05Z"), a.Source, a.Version, thousands(a.Entities), orDash(a.Published.String()), shortHash(a.Hash))
			}
			if len(as) == 0 {
				fmt.Fprintln(m.Stdout, "no announcement held")
			}
			return nil
		},
	}
}
