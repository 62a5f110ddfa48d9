package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/internal/storeutil"
)

// listedOner is implemented by stores that answer "was this entity listed
// on that date" in one call (sqlite.Store.ListedOn).
type listedOner interface {
	ListedOn(ctx context.Context, id string, d embargo.Date) (embargo.EntityVersion, bool, error)
}

func newListsShowCmd(m *Main) *cobra.Command {
	var on string
	c := &cobra.Command{
		Use:   "show ENTITY-ID [--on DATE]",
		Short: "Show an entity, its designations, its history across versions and the original record",
		Long: "Show an entity (un:KPi.033, ofac:20157, ...). With --on DATE, say whether it was listed on that\n" +
			"date: whether the version of its list in force then (published on or before it) held it.",
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if on == "" {
				return m.listsShow(c.Context(), args[0])
			}
			d, err := embargo.ParseDate(on)
			if err != nil {
				return embargo.FieldError("--on", "%v", err)
			}
			return m.listsShowOn(c.Context(), args[0], d)
		},
	}
	c.Flags().StringVar(&on, "on", "", "date YYYY-MM-DD: was the entity listed on that date?")
	return c
}

// historyStep is one version of the entity's list in a show answer.
type historyStep struct {
	Version   int64    `json:"version"`
	Published string   `json:"published,omitempty"`
	Listed    bool     `json:"listed"`
	Changed   []string `json:"changed,omitempty"` // fields changed from the previous version that held it
}

// showReport is the JSON answer of lists show.
type showReport struct {
	Entity  embargo.Entity      `json:"entity"`
	Version embargo.ListVersion `json:"version"` // the last version that held it
	Current bool                `json:"current"` // whether the version in force holds it
	History []historyStep       `json:"history"`
}

func (m *Main) listsShow(ctx context.Context, id string) error {
	s, err := m.existingStore(ctx)
	if err != nil {
		return err
	}
	if s == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no list has been imported (store %s is empty)", m.DataDir)
	}
	h, err := s.History(ctx, id)
	if err != nil {
		if _, _, ok := embargo.SplitID(id); !ok && embargo.ErrorKind(err) == embargo.ENOTFOUND {
			return embargo.Errorf(embargo.ENOTFOUND, "no entity %q: ids are SOURCE:REF, e.g. un:KPi.033, ofac:20157", id)
		}
		return err
	}
	last := h[len(h)-1]
	vs, err := s.Versions(ctx, last.Version.Source)
	if err != nil {
		return err
	}
	steps, err := historySteps(h, vs)
	if err != nil {
		return err
	}
	cur := storeutil.Current(vs)
	r := showReport{Entity: last.Entity, Version: last.Version, Current: last.Version.Version == cur.Version, History: steps}
	if m.JSON {
		return m.writeJSON(r)
	}
	out := m.Stdout
	writeEntity(out, &r.Entity)
	if !r.Current {
		fmt.Fprintf(out, "NOT in the version in force (%s version %d%s): last listed in version %d.\n",
			cur.Source, cur.Version, publishedNote(cur), last.Version.Version)
	}
	fmt.Fprintln(out, "\nHistory:")
	for _, st := range steps {
		state := "listed"
		if !st.Listed {
			state = "not listed"
		} else if len(st.Changed) > 0 {
			state += "; changed: " + strings.Join(st.Changed, ", ")
		}
		fmt.Fprintf(out, "  version %d (%s): %s\n", st.Version, orDash(st.Published), state)
	}
	if r.Entity.Record != "" {
		fmt.Fprintf(out, "\nOriginal record (%s version %d):\n%s\n", last.Version.Source, last.Version.Version, r.Entity.Record)
	}
	return nil
}

// historySteps walks every version of the list in order of effect and says
// whether each held the entity and what changed since the last one that did.
func historySteps(h []embargo.EntityVersion, vs []embargo.ListVersion) ([]historyStep, error) {
	held := map[int64]*embargo.Entity{}
	for i := range h {
		held[h[i].Version.Version] = &h[i].Entity
	}
	vs = append([]embargo.ListVersion(nil), vs...)
	storeutil.Chrono(vs)
	var steps []historyStep
	var prev []byte
	for _, v := range vs {
		st := historyStep{Version: v.Version, Published: v.Published.String()}
		if e := held[v.Version]; e != nil {
			st.Listed = true
			data, _, err := storeutil.Encode(e)
			if err != nil {
				return nil, err
			}
			if prev != nil {
				if st.Changed, err = storeutil.ChangedFields(prev, data); err != nil {
					return nil, err
				}
			}
			prev = data
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// onReport is the JSON answer of lists show --on.
type onReport struct {
	ID      string               `json:"id"`
	On      string               `json:"on"`
	Listed  bool                 `json:"listed"`
	Version *embargo.ListVersion `json:"version"` // the version in force on that date, if any
	Entity  *embargo.Entity      `json:"entity,omitempty"`
}

func (m *Main) listsShowOn(ctx context.Context, id string, d embargo.Date) error {
	s, err := m.existingStore(ctx)
	if err != nil {
		return err
	}
	if s == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no list has been imported (store %s is empty)", m.DataDir)
	}
	if u, ok := s.(interface{ Unwrap() embargo.Store }); ok {
		s = u.Unwrap() // --nats wraps the store
	}
	lo, ok := s.(listedOner)
	if !ok {
		return embargo.Errorf(embargo.EINTERNAL, "this store cannot answer --on")
	}
	ev, listed, err := lo.ListedOn(ctx, id, d)
	if err != nil {
		return err
	}
	r := onReport{ID: id, On: d.String(), Listed: listed}
	if ev.Version.Version != 0 {
		r.Version = &ev.Version
	}
	if listed {
		r.Entity = &ev.Entity
	}
	if m.JSON {
		return m.writeJSON(r)
	}
	src, _, _ := embargo.SplitID(id)
	switch {
	case r.Version == nil:
		fmt.Fprintf(m.Stdout, "%s: NOT listed on %s: no version of %s in the store was in force yet.\n", id, r.On, src)
	case !listed:
		fmt.Fprintf(m.Stdout, "%s: NOT listed on %s: %s version %d%s, in force then, does not hold it.\n",
			id, r.On, src, r.Version.Version, publishedNote(*r.Version))
	default:
		fmt.Fprintf(m.Stdout, "%s: LISTED on %s, by %s version %d%s, in force then.\n\n",
			id, r.On, src, r.Version.Version, publishedNote(*r.Version))
		writeEntity(m.Stdout, r.Entity)
	}
	return nil
}

// writeEntity renders an entity for people, one field a line.
func writeEntity(out io.Writer, e *embargo.Entity) {
	fmt.Fprintf(out, "%s  %s  (%s)\n", e.ID, e.Caption(), e.Schema)
	line := func(label string, vals []string) {
		if len(vals) > 0 {
			fmt.Fprintf(out, "  %-13s %s\n", label+":", strings.Join(vals, "; "))
		}
	}
	var names []string
	for _, n := range e.Names {
		s := n.Full + " [" + string(n.Kind)
		if n.Quality != "" {
			s += ", " + string(n.Quality)
		}
		names = append(names, s+"]")
	}
	line("Names", names)
	var dobs, ids, addrs []string
	for _, b := range e.BirthDates {
		dobs = append(dobs, b.String())
	}
	line("Born", dobs)
	line("Birth places", e.BirthPlaces)
	line("Nationality", e.Nationality)
	line("Citizenship", e.Citizenship)
	line("Countries", e.Countries)
	if e.Gender != "" {
		line("Gender", []string{e.Gender})
	}
	line("Titles", e.Titles)
	line("Positions", e.Positions)
	for _, id := range e.Identifiers {
		s := string(id.Type) + " " + id.Value
		if id.Country != "" {
			s += " (" + id.Country + ")"
		}
		ids = append(ids, s)
	}
	line("Identifiers", ids)
	for _, a := range e.Addresses {
		addrs = append(addrs, a.String())
	}
	line("Addresses", addrs)
	if e.Remarks != "" {
		line("Remarks", []string{e.Remarks})
	}
	fmt.Fprintln(out, "  Designations:")
	for _, d := range e.Designations {
		s := d.Authority + ", " + d.List
		if d.Program != "" || d.SourceProgram != "" {
			s += ", program " + d.Program
			if d.SourceProgram != "" && d.SourceProgram != d.Program {
				s += " (" + d.SourceProgram + ")"
			}
		}
		s += ", ref " + d.Ref
		if !d.ListedOn.IsZero() {
			s += ", listed " + d.ListedOn.String()
		}
		fmt.Fprintf(out, "    %s\n", s)
	}
}
