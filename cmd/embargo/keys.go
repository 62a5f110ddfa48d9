package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"embargo/apikey"
)

func init() { commands = append(commands, newKeysCmd) }

func newKeysCmd(m *Main) *cobra.Command {
	c := &cobra.Command{Use: "keys", Short: "Manage API keys (stored hashed; a key is shown once)"}
	var role, name string
	create := &cobra.Command{
		Use:   "create",
		Short: "Create an API key with role screen or admin",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			keys, err := m.apiKeys(c.Context())
			if err != nil {
				return err
			}
			k, token, err := keys.Create(c.Context(), role, name)
			if err != nil {
				return err
			}
			if m.JSON {
				return json.NewEncoder(m.Stdout).Encode(map[string]any{"key": k, "token": token})
			}
			fmt.Fprintf(m.Stdout, "%s\n", token)
			fmt.Fprintf(m.Stderr, "key %s (role %s) created; the token above is shown only once\n", k.ID, k.Role)
			return nil
		},
	}
	create.Flags().StringVar(&role, "role", apikey.RoleScreen, "screen or admin")
	create.Flags().StringVar(&name, "name", "", "a label (who or what uses the key)")
	list := &cobra.Command{
		Use:   "list",
		Short: "List API keys (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			keys, err := m.apiKeys(c.Context())
			if err != nil {
				return err
			}
			ks, err := keys.List(c.Context())
			if err != nil {
				return err
			}
			if m.JSON {
				if ks == nil {
					ks = []apikey.Key{}
				}
				return json.NewEncoder(m.Stdout).Encode(ks)
			}
			tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tROLE\tNAME\tCREATED\tREVOKED")
			for _, k := range ks {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\n", k.ID, k.Role, k.Name, k.Created.Format("2006-01-02"), k.Revoked)
			}
			return tw.Flush()
		},
	}
	revoke := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke an API key",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			keys, err := m.apiKeys(c.Context())
			if err != nil {
				return err
			}
			if err := keys.Revoke(c.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "key %s revoked\n", args[0])
			return nil
		},
	}
	c.AddCommand(create, list, revoke)
	return c
}
