// Package analysis measures how the sanctions regime moves across lists:
// which of one list's designations the other lists carry, how they were
// recognised, how long after (or before) the reference each list acted, and
// which designations no other list carries. It does no I/O: callers give it
// the entities and, when they have one, the match index over them.
package analysis

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"embargo"
	"embargo/match"
)

// DefaultMinScore is the score a screening hit needs to count as the same
// entity: higher than screening's threshold, since nobody reviews these hits.
const DefaultMinScore = 0.90

// How a counterpart was found.
const (
	FoundCrossRef = "cross-reference" // one record cites the other's id, or both quote the same reference
	matchPrefix   = "match "          // "match 0.93"
)

// Options choose what Coverage compares.
type Options struct {
	Reference string   // the source whose designations are followed; "" means "un"
	Regime    string   // only the reference's designations of this regime (Designation.Program); "" means all
	Sources   []string // the other sources to look in; none means every source present but the reference
	MinScore  float64  // the score a match needs; 0 means DefaultMinScore
}

// Report is the coverage of the reference list by the others.
type Report struct {
	Reference string           `json:"reference"`
	Regime    string           `json:"regime,omitempty"`
	MinScore  float64          `json:"min_score"`
	Entities  int              `json:"entities"` // reference entities followed
	Sources   []SourceCoverage `json:"sources"`  // by source name
	Gaps      []Gap            `json:"gaps"`     // reference entities that no other source lists, by id
	Entries   []Entry          `json:"entries"`  // every reference entity and its counterparts, by id
}

// SourceCoverage is what one other source carries of the reference.
type SourceCoverage struct {
	Source     string  `json:"source"`
	Listed     int     `json:"listed"`  // entities of the source in the catalog (every regime)
	Covered    int     `json:"covered"` // reference entities it lists
	Percent    float64 `json:"percent"` // Covered / Report.Entities, in %, one decimal
	ByCrossRef int     `json:"by_cross_reference"`
	ByMatch    int     `json:"by_match"` // found only by matching
	Lag        Lag     `json:"lag"`
	Missing    []Gap   `json:"missing"` // reference entities it does not list, by id
}

// Lag compares the source's own listing date with the reference's, over the
// covered entities where both dates are known to the day. Positive days: the
// source listed after the reference.
type Lag struct {
	Dated        int     `json:"dated"` // covered entities with both dates known
	MedianDays   float64 `json:"median_days"`
	MaxDays      int     `json:"max_days"`
	ListedBefore int     `json:"listed_before"` // the source listed before the reference
}

// Gap is a reference entity a source does not list.
type Gap struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Schema   embargo.Schema `json:"schema"`
	ListedOn embargo.Date   `json:"listed_on,omitzero"`
}

// Entry is one reference entity and what the other sources list of it.
type Entry struct {
	Gap
	Counterparts []Counterpart `json:"counterparts"` // by source, cross-references first, then id
}

// Counterpart is one other source's record of a reference entity.
type Counterpart struct {
	Source   string         `json:"source"`
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Schema   embargo.Schema `json:"schema"`
	Found    string         `json:"found"`  // "cross-reference" or "match 0.93"
	Detail   string         `json:"detail"` // which reference, or which names matched
	Score    float64        `json:"score,omitempty"`
	ListedOn embargo.Date   `json:"listed_on,omitzero"`
	LagDays  *int           `json:"lag_days,omitempty"` // ListedOn minus the reference's, when both are known to the day
}

// Coverage follows every reference entity onto the other sources: first by
// cross-references (a record citing the other's id, in either direction, or
// both quoting the same distinctive reference such as a UN "KPi.033"), then,
// for the sources no cross-reference links, by screening the reference
// entity (names, schema, birth date, nationality, identifiers) against that
// source alone and keeping the best hit of the same schema scoring at least
// MinScore. ix must index ents (or at least the other sources' entities); nil
// builds an index of the other sources' entities.
func Coverage(ents []embargo.Entity, ix *match.Index, opt Options) *Report {
	if opt.Reference == "" {
		opt.Reference = "un"
	}
	if opt.MinScore == 0 {
		opt.MinScore = DefaultMinScore
	}
	opt.Regime = strings.ToUpper(strings.TrimSpace(opt.Regime))
	rep := &Report{Reference: opt.Reference, Regime: opt.Regime, MinScore: opt.MinScore, Sources: []SourceCoverage{}, Gaps: []Gap{}, Entries: []Entry{}}

	var refs []*embargo.Entity
	listed := map[string]int{}
	for i := range ents {
		e := &ents[i]
		switch {
		case e.Source == opt.Reference:
			if opt.Regime == "" || slices.ContainsFunc(e.Designations, func(d embargo.Designation) bool { return d.Program == opt.Regime }) {
				refs = append(refs, e)
			}
		case len(opt.Sources) == 0 || slices.Contains(opt.Sources, e.Source):
			listed[e.Source]++
		}
	}
	slices.SortFunc(refs, func(a, b *embargo.Entity) int { return cmp.Compare(a.ID, b.ID) })
	sources := make([]string, 0, len(listed))
	for s := range listed {
		sources = append(sources, s)
	}
	for _, s := range opt.Sources { // asked for but absent: shown with nothing listed
		if s != opt.Reference && listed[s] == 0 && !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	slices.Sort(sources)

	links := newLinks(ents, opt.Reference, sources)
	if ix == nil && len(refs) > 0 {
		var others []embargo.Entity
		for i := range ents {
			if slices.Contains(sources, ents[i].Source) {
				others = append(others, ents[i])
			}
		}
		ix = match.NewIndex(others)
	}

	rep.Entities = len(refs)
	rep.Entries = make([]Entry, len(refs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(refs), 1)) {
		wg.Go(func() {
			for i := range work {
				rep.Entries[i] = follow(refs[i], links, ix, sources, opt)
			}
		})
	}
	for i := range refs {
		work <- i
	}
	close(work)
	wg.Wait()

	for _, s := range sources {
		rep.Sources = append(rep.Sources, tally(s, listed[s], rep.Entries))
	}
	for _, e := range rep.Entries {
		if len(e.Counterparts) == 0 {
			rep.Gaps = append(rep.Gaps, e.Gap)
		}
	}
	return rep
}

// follow finds one reference entity's counterparts on every source.
func follow(ref *embargo.Entity, l *links, ix *match.Index, sources []string, opt Options) Entry {
	refDate := listedOn(ref, opt.Regime, "")
	en := Entry{Gap: gapOf(ref, refDate), Counterparts: []Counterpart{}}
	found := map[string]bool{}
	for _, c := range l.of(ref) {
		o := c.ent
		found[o.Source] = true
		en.Counterparts = append(en.Counterparts, counterpart(o, FoundCrossRef, c.detail, 0, ref, refDate, programOf(ref, opt.Regime)))
	}
	var qs []embargo.Query
	for _, src := range sources {
		if found[src] || ix == nil {
			continue
		}
		if qs == nil {
			qs = queriesOf(ref)
		}
		if h, tied := bestHit(ix, qs, src, ref, l, opt.MinScore); h != nil {
			detail := "matched name " + h.MatchedName
			if len(tied) > 0 {
				detail += "; as good: " + strings.Join(tied, ", ")
			}
			en.Counterparts = append(en.Counterparts, counterpart(h.Entity, matchPrefix+formatScore(h.Score), detail, h.Score, ref, refDate, programOf(ref, opt.Regime)))
		}
	}
	slices.SortFunc(en.Counterparts, func(a, b Counterpart) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(rank(a), rank(b)), cmp.Compare(a.ID, b.ID))
	})
	return en
}

// tally sums one source's column of the entries.
func tally(src string, listed int, entries []Entry) SourceCoverage {
	sc := SourceCoverage{Source: src, Listed: listed, Missing: []Gap{}}
	var lags []int
	for _, e := range entries {
		var cps []Counterpart
		for _, c := range e.Counterparts {
			if c.Source == src {
				cps = append(cps, c)
			}
		}
		if len(cps) == 0 {
			sc.Missing = append(sc.Missing, e.Gap)
			continue
		}
		sc.Covered++
		if slices.ContainsFunc(cps, func(c Counterpart) bool { return c.Found == FoundCrossRef }) {
			sc.ByCrossRef++
		} else {
			sc.ByMatch++
		}
		// The source's listing is its earliest record of the entity.
		lag, ok := 0, false
		for _, c := range cps {
			if c.LagDays != nil && (!ok || *c.LagDays < lag) {
				lag, ok = *c.LagDays, true
			}
		}
		if ok {
			lags = append(lags, lag)
		}
	}
	if len(entries) > 0 {
		sc.Percent = float64(int(float64(sc.Covered)*1000/float64(len(entries))+0.5)) / 10
	}
	sc.Lag = lagOf(lags)
	return sc
}

func lagOf(lags []int) Lag {
	l := Lag{Dated: len(lags)}
	if len(lags) == 0 {
		return l
	}
	slices.Sort(lags)
	n := len(lags)
	l.MedianDays = float64(lags[n/2])
	if n%2 == 0 {
		l.MedianDays = float64(lags[n/2-1]+lags[n/2]) / 2
	}
	l.MaxDays = lags[n-1]
	for _, d := range lags {
		if d < 0 {
			l.ListedBefore++
		}
	}
	return l
}

func gapOf(e *embargo.Entity, listed embargo.Date) Gap {
	return Gap{ID: e.ID, Name: e.Caption(), Schema: e.Schema, ListedOn: listed}
}

func counterpart(o *embargo.Entity, found, detail string, score float64, ref *embargo.Entity, refDate embargo.Date, program string) Counterpart {
	c := Counterpart{Source: o.Source, ID: o.ID, Name: o.Caption(), Schema: o.Schema, Found: found, Detail: detail, Score: score}
	c.ListedOn = listedOn(o, program, ref.ID)
	if d, ok := days(refDate, c.ListedOn); ok {
		c.LagDays = &d
	}
	return c
}

// programOf is the regime the reference entity is followed under: the one
// asked for, else its first designation's.
func programOf(ref *embargo.Entity, regime string) string {
	if regime != "" {
		return regime
	}
	for _, d := range ref.Designations {
		if d.Program != "" {
			return d.Program
		}
	}
	return ""
}

// listedOn is an entity's earliest listing date: among the designations
// citing refID when some do, else those of program when some are dated,
// else all.
func listedOn(e *embargo.Entity, program, refID string) embargo.Date {
	pick := func(keep func(d *embargo.Designation) bool) embargo.Date {
		var best embargo.Date
		for i := range e.Designations {
			d := &e.Designations[i]
			if d.ListedOn.IsZero() || !keep(d) {
				continue
			}
			if best.IsZero() || d.ListedOn.Time().Before(best.Time()) {
				best = d.ListedOn
			}
		}
		return best
	}
	if refID != "" {
		if d := pick(func(d *embargo.Designation) bool { return slices.Contains(d.CrossRefs, refID) }); !d.IsZero() {
			return d
		}
	}
	if program != "" {
		if d := pick(func(d *embargo.Designation) bool { return d.Program == program }); !d.IsZero() {
			return d
		}
	}
	return pick(func(*embargo.Designation) bool { return true })
}

// days is b minus a in days, when both are known to the day.
func days(a, b embargo.Date) (int, bool) {
	if a.Day == 0 || b.Day == 0 {
		return 0, false
	}
	return int(b.Time().Sub(a.Time()).Hours() / 24), true
}

// bestHit screens the queries against one source and returns the best hit
// of the reference's schema scoring at least minScore that no
// cross-reference ties to another reference entity, or nil; with the other
// entities that scored as well (a duplicate record, or a namesake: the
// analyst decides).
func bestHit(ix *match.Index, qs []embargo.Query, src string, ref *embargo.Entity, l *links, minScore float64) (best *embargo.Match, tied []string) {
	scores := map[string]float64{}
	for _, q := range qs {
		for _, h := range ix.Screen(q, match.Options{Threshold: minScore, Limit: 5, Sources: []string{src}, Schemas: []embargo.Schema{ref.Schema}}) {
			if h.Entity == nil || h.Entity.Schema != ref.Schema || l.claimedElsewhere(h.EntityID, ref.ID) {
				continue
			}
			scores[h.EntityID] = max(scores[h.EntityID], h.Score)
			if best == nil || h.Score > best.Score || h.Score == best.Score && h.EntityID < best.EntityID {
				best = &h
			}
		}
	}
	if best == nil {
		return nil, nil
	}
	for id, sc := range scores {
		if id != best.EntityID && formatScore(sc) == formatScore(best.Score) {
			tied = append(tied, id)
		}
	}
	slices.Sort(tied)
	return best, tied
}

// queriesOf describes a reference entity as screening queries: its names
// (but the aliases its list calls weak or low, and with each name also
// without its parenthesised parts: "GENERAL BUREAU OF ATOMIC ENERGY (GBAE)"),
// its schema and nationality; one query per exact birth date, since lists
// disagree on which of several dates they give and a contradicted date costs
// the score; and one query with the identifiers, apart, since lists write
// the same passport differently ("PD472310104", "472310104") and a
// mismatch is scored as a contradiction.
func queriesOf(e *embargo.Entity) []embargo.Query {
	base := embargo.Query{Schema: e.Schema, Countries: e.Nationality}
	add := func(n string) {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" || n == base.Name || slices.Contains(base.Names, n) {
			return
		}
		if base.Name == "" {
			base.Name = n
		} else {
			base.Names = append(base.Names, n)
		}
	}
	for _, n := range e.Names {
		if n.Quality == embargo.Weak || n.Quality == embargo.Low {
			continue
		}
		add(n.Full)
		add(withoutParens(n.Full))
	}
	if base.Name == "" && len(e.Names) > 0 {
		add(e.Names[0].Full)
	}
	var dates []embargo.Date
	for _, b := range e.BirthDates {
		if b.To.IsZero() && !b.Approx && !b.Date.IsZero() && !slices.Contains(dates, b.Date) {
			dates = append(dates, b.Date)
		}
	}
	if len(dates) == 0 {
		dates = []embargo.Date{{}}
	}
	var qs []embargo.Query
	for _, d := range dates[:min(len(dates), 4)] {
		q := base
		q.BirthDate = d
		qs = append(qs, q)
	}
	if len(e.Identifiers) > 0 {
		q := qs[0]
		q.Identifiers = e.Identifiers
		qs = append(qs, q)
	}
	return qs
}

// withoutParens drops the parenthesised parts of a name.
func withoutParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func formatScore(s float64) string { return strconv.FormatFloat(s, 'f', 2, 64) }

// rank puts cross-references before matches.
func rank(c Counterpart) int {
	if c.Found == FoundCrossRef {
		return 0
	}
	return 1
}
