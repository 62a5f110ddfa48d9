package goods

import (
	"time"

	"embargo/country"
	"embargo/goods/hs"
	"embargo/source"
)

var (
	directions = map[Direction]bool{ExportFrom: true, SupplyTo: true, Both: true, NonGoods: true}
	effects    = map[Effect]bool{Ban: true, Capped: true, Priority: true, Inspect: true, CatchAll: true,
		ListedItems: true, Labour: true, VesselFlag: true, Services: true}
	statuses       = map[Status]bool{Verified: true, Partial: true, Unverified: true}
	bases          = map[Basis]bool{Instrument: true, Indicative: true, Guess: true, NoBasis: true}
	exemptionKinds = map[string]bool{"rajin_transit": true, "prior_contract": true, "aircraft_parts": true,
		"attested": true, "own_national": true}
	periods     = map[string]bool{"calendar_year": true, "12_months": true, "fixed": true}
	units       = map[string]bool{"bbl": true, "t": true, "USD": true}
	ledgers     = map[string]bool{"refined_petroleum": true, "crude_oil": true, "coal": true}
	labourRules = map[string]bool{"no_increase": true, "no_new": true, "repatriate": true}
)

// validate checks one measure on its own and sets its start; it reports
// whether the measure is usable.
func validate(m *Measure, pos source.Pos, errs *source.ErrorList) bool {
	n := len(*errs)
	bad := func(f string, args ...any) { errs.Skip(pos, f, args...) }
	if c, ok := country.Code(m.Target); !ok || c != m.Target {
		bad("target %q is not an ISO alpha-2 country code", m.Target)
	}
	if m.Instrument == "" || m.Paragraph == "" || m.Title == "" {
		bad("instrument, paragraph and title are required")
	}
	if !directions[m.Direction] {
		bad("unknown direction %q", m.Direction)
	}
	if !effects[m.Effect] {
		bad("unknown effect %q", m.Effect)
	}
	if !statuses[m.Status] || !statuses[m.ParagraphStatus] {
		bad("unknown status %q or paragraph_status %q", m.Status, m.ParagraphStatus)
	}
	if !bases[m.HSBasis] {
		bad("unknown hs_basis %q", m.HSBasis)
	}
	adopted, err1 := time.Parse(day, m.Adopted)
	eff, err2 := time.Parse(day, m.Effective)
	if err1 != nil || err2 != nil {
		bad("adopted %q and effective %q must be YYYY-MM-DD dates", m.Adopted, m.Effective)
	} else if eff.Before(adopted) {
		bad("effective %s is before adopted %s", m.Effective, m.Adopted)
	}
	m.start = eff
	if m.Until != "" {
		u, err := time.Parse(day, m.Until)
		if err != nil || u.Before(eff) {
			bad("until %q must be a date on or after effective %s", m.Until, m.Effective)
		}
		m.end = u.AddDate(0, 0, 1) // until is the last day in force
	}
	validateGoods(m, bad)
	validateCap(m, bad)
	for _, e := range m.Exemptions {
		if !exemptionKinds[e.Kind] || !statuses[e.Status] || e.ID == "" || e.Text == "" {
			bad("exemption %q: unknown kind %q or status %q, or no id or text", e.ID, e.Kind, e.Status)
		}
		if (e.Kind == "attested" || e.Kind == "rajin_transit" || e.Kind == "aircraft_parts") && e.Attest == "" {
			bad("exemption %q: kind %s needs the attestation it relies on", e.ID, e.Kind)
		}
		for _, c := range e.HS {
			if _, err := hs.Normalize(c); err != nil {
				bad("exemption %q: %v", e.ID, err)
			}
		}
	}
	if m.Effect == Labour && (m.Labour == nil || !labourRules[m.Labour.Rule]) {
		bad("labour measure needs a labour rule (no_increase, no_new, repatriate)")
	}
	if m.Labour != nil && m.Labour.Deadline != "" {
		if _, err := time.Parse(day, m.Labour.Deadline); err != nil {
			bad("labour deadline %q is not a date", m.Labour.Deadline)
		}
	}
	return len(*errs) == n
}

func validateGoods(m *Measure, bad func(string, ...any)) {
	screened := m.Effect == Ban || m.Effect == Capped || m.Effect == Priority || m.Effect == Inspect
	if screened && len(m.Goods) == 0 {
		bad("effect %s needs goods", m.Effect)
	}
	if !screened && len(m.Goods) > 0 {
		bad("effect %s is not screened by HS code: goods would be ignored", m.Effect)
	}
	if screened && m.Direction == NonGoods {
		bad("direction non_goods with effect %s", m.Effect)
	}
	for _, g := range m.Goods {
		if !bases[g.Basis] || g.Basis == NoBasis {
			bad("goods %q: unknown basis %q", g.HS, g.Basis)
		}
		if g.HS == "*" {
			continue
		}
		c, err := hs.Normalize(g.HS)
		if err != nil || c != g.HS || len(c) > 6 {
			bad("goods %q: want a 2-, 4- or 6-digit HS code without dots", g.HS)
		}
	}
}

func validateCap(m *Measure, bad func(string, ...any)) {
	if (m.Effect == Capped) != (m.Cap != nil) {
		bad("a cap is given if and only if effect is cap")
		return
	}
	c := m.Cap
	if c == nil {
		return
	}
	if !ledgers[c.Ledger] || !periods[c.Period] {
		bad("cap: unknown ledger %q or period %q", c.Ledger, c.Period)
	}
	from, err := time.Parse(day, c.From)
	if err != nil {
		bad("cap: from %q is not a date", c.From)
	}
	if c.Period == "fixed" {
		to, err := time.Parse(day, c.To)
		if err != nil || to.Before(from) {
			bad("cap: a fixed period needs to %q on or after from %s", c.To, c.From)
		}
	}
	if len(c.Limits) == 0 && c.Baseline == "" {
		bad("cap: no limits and no baseline")
	}
	if len(c.Limits) > 1 && c.Rule != "whichever_lower" {
		bad("cap: several limits need rule whichever_lower")
	}
	for _, l := range c.Limits {
		if !units[l.Unit] || l.Quantity <= 0 {
			bad("cap: limit %v %q: want a positive quantity in bbl, t or USD", l.Quantity, l.Unit)
		}
	}
	last := 0.0
	for _, t := range c.Thresholds {
		if t.Percent <= last || t.Percent > 100 || !statuses[t.Status] {
			bad("cap: thresholds must rise within (0,100] and carry a status")
		}
		last = t.Percent
	}
}

// link resolves superseded_by: the measure stops applying on the day its
// successor starts, which must not be before its own start.
func link(ms *Measures, errs *source.ErrorList) {
	for _, m := range ms.All {
		if m.SupersededBy == "" {
			continue
		}
		pos := source.Pos{File: m.file, Record: m.ID}
		s, ok := ms.byID[m.SupersededBy]
		switch {
		case !ok:
			errs.Add(pos, "superseded_by %q points to no measure", m.SupersededBy)
		case s == m:
			errs.Add(pos, "superseded by itself")
		case s.start.Before(m.start):
			errs.Add(pos, "superseded by %s from %s, before it took effect on %s", s.ID, s.Effective, m.Effective)
		case m.end.IsZero() || s.start.Before(m.end):
			m.end = s.start
		}
	}
}

// index builds the code -> measures table used by Check.
func index(ms *Measures) {
	for _, m := range ms.All {
		for _, g := range m.Goods {
			if g.HS == "*" {
				ms.any = append(ms.any, goodsRef{m, g})
				continue
			}
			ms.byCode[g.HS] = append(ms.byCode[g.HS], goodsRef{m, g})
			for l := 2; l < len(g.HS); l += 2 {
				ms.under[g.HS[:l]] = append(ms.under[g.HS[:l]], goodsRef{m, g})
			}
		}
	}
}
