package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"embargo"
)

func newListsDiffCmd(m *Main) *cobra.Command {
	var from, to int64
	c := &cobra.Command{
		Use:   "diff SOURCE [--from V --to V]",
		Short: "What changed in a list between two versions (default: the latest two)",
		Args:  cobra.ExactArgs(1),
		RunE:  func(c *cobra.Command, args []string) error { return m.listsDiff(c.Context(), args[0], from, to) },
	}
	c.Flags().Int64Var(&from, "from", 0, "older version (default: the one before --to)")
	c.Flags().Int64Var(&to, "to", 0, "newer version (default: the latest)")
	return c
}

// diffReport is the JSON answer of lists diff: ids added, removed and
// changed, the changed fields per id, and additions/removals by program.
type diffReport struct {
	Source           string              `json:"source"`
	From             embargo.ListVersion `json:"from"`
	To               embargo.ListVersion `json:"to"`
	Added            []string            `json:"added"`
	Removed          []string            `json:"removed"`
	Changed          []string            `json:"changed"`
	ChangedFields    map[string][]string `json:"changed_fields"`
	AddedByProgram   map[string]int      `json:"added_by_program"`
	RemovedByProgram map[string]int      `json:"removed_by_program"`
}

func (m *Main) listsDiff(ctx context.Context, src string, from, to int64) error {
	s, err := m.existingStore(ctx)
	if err != nil {
		return err
	}
	if s == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no list has been imported (store %s is empty)", m.DataDir)
	}
	d, err := s.Diff(ctx, src, from, to)
	if err != nil {
		return err
	}
	r, names, err := buildDiffReport(ctx, s, d)
	if err != nil {
		return err
	}
	if m.JSON {
		return m.writeJSON(r)
	}
	out := m.Stdout
	fmt.Fprintf(out, "%s: version %d%s -> version %d%s: %s added, %s removed, %s changed\n", src,
		r.From.Version, dateNote(r.From), r.To.Version, dateNote(r.To),
		thousands(len(r.Added)), thousands(len(r.Removed)), thousands(len(r.Changed)))
	if len(r.AddedByProgram) > 0 {
		fmt.Fprintln(out, "\nAdded by program:")
		countTable(out, r.AddedByProgram)
	}
	if len(r.RemovedByProgram) > 0 {
		fmt.Fprintln(out, "\nRemoved by program:")
		countTable(out, r.RemovedByProgram)
	}
	section := func(title string, ids []string, extra func(id string) string) {
		if len(ids) == 0 {
			return
		}
		fmt.Fprintf(out, "\n%s:\n", title)
		for _, id := range ids {
			fmt.Fprintf(out, "  %s  %s%s\n", id, names[id], extra(id))
		}
	}
	none := func(string) string { return "" }
	section("Added", r.Added, none)
	section("Removed", r.Removed, none)
	section("Changed", r.Changed, func(id string) string { return "  [" + strings.Join(r.ChangedFields[id], ", ") + "]" })
	return nil
}

// buildDiffReport adds to d the versions, the programs and the names of
// the entities (read from the versions compared).
func buildDiffReport(ctx context.Context, s embargo.Store, d *embargo.Diff) (*diffReport, map[string]string, error) {
	r := &diffReport{Source: d.Source, Added: d.Added, Removed: d.Removed, Changed: []string{},
		ChangedFields: map[string][]string{}, AddedByProgram: map[string]int{}, RemovedByProgram: map[string]int{}}
	for _, c := range d.Changed {
		r.Changed = append(r.Changed, c.ID)
		r.ChangedFields[c.ID] = c.Fields
	}
	vs, err := s.Versions(ctx, d.Source)
	if err != nil {
		return nil, nil, err
	}
	for _, v := range vs {
		switch v.Version {
		case d.From:
			r.From = v
		case d.To:
			r.To = v
		}
	}
	names := map[string]string{}
	byID := func(version int64) (map[string]*embargo.Entity, error) {
		ents, err := s.Entities(ctx, d.Source, version)
		if err != nil {
			return nil, err
		}
		m := make(map[string]*embargo.Entity, len(ents))
		for i := range ents {
			m[ents[i].ID] = &ents[i]
			names[ents[i].ID] = ents[i].Caption()
		}
		return m, nil
	}
	old, err := byID(d.From)
	if err != nil {
		return nil, nil, err
	}
	cur, err := byID(d.To)
	if err != nil {
		return nil, nil, err
	}
	countPrograms(r.AddedByProgram, cur, d.Added)
	countPrograms(r.RemovedByProgram, old, d.Removed)
	return r, names, nil
}

// countPrograms counts ids by the source's own program codes; an entity
// under several programs counts under each.
func countPrograms(counts map[string]int, ents map[string]*embargo.Entity, ids []string) {
	for _, id := range ids {
		e := ents[id]
		if e == nil {
			continue
		}
		seen := map[string]bool{}
		for _, d := range e.Designations {
			p := d.SourceProgram
			if p == "" {
				p = d.Program
			}
			if p == "" {
				p = "(none)"
			}
			if !seen[p] {
				seen[p] = true
				counts[p]++
			}
		}
		if len(e.Designations) == 0 {
			counts["(none)"]++
		}
	}
}

// dateNote says when a version took effect: its published date, else its import day.
func dateNote(v embargo.ListVersion) string {
	if v.Published.IsZero() {
		return " (imported " + v.ImportedAt.UTC().Format("2006-01-02") + ")"
	}
	return publishedNote(v)
}
