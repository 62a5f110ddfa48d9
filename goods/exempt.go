package goods

import (
	"fmt"
	"strings"

	"embargo"
)

// exemptions evaluates every exemption of a measure for a shipment. Each is
// a condition the checker can test (origin, ports, dates, codes) and, where
// the resolution makes it depend on a fact no shipment record proves (an
// advance notification to the Committee, a contract date, a Committee
// approval), an attestation the user must make:
//   - applies: the conditions hold and the attestation was made;
//   - possible: the testable conditions hold, the attestation is missing;
//   - not_applicable: a testable condition fails;
//   - not_claimed: nothing testable, and no attestation.
func exemptions(m *Measure, p *shipment, code string) []ExemptionResult {
	if len(m.Exemptions) == 0 {
		return nil
	}
	out := make([]ExemptionResult, 0, len(m.Exemptions))
	for _, e := range m.Exemptions {
		r := ExemptionResult{Measure: m.ID, ID: e.ID, Kind: e.Kind, Text: e.Text, Status: e.Status, Attestation: e.Attest}
		r.Outcome, r.Reason = evaluate(m, e, p, code)
		out = append(out, r)
	}
	return out
}

func evaluate(m *Measure, e Exemption, p *shipment, code string) (string, string) {
	attested := p.attest[e.Attest]
	if len(e.HS) > 0 && !withinAny(code, e.HS) {
		return "not_applicable", fmt.Sprintf("goods %s are not within %s", code, strings.Join(e.HS, ", "))
	}
	switch e.Kind {
	case "rajin_transit":
		rajin := false
		for _, pt := range p.via {
			rajin = rajin || pt.Rajin
		}
		switch {
		case p.origin == "":
			return "not_applicable", "origin not given: the exemption needs goods of non-" + m.Target + " origin"
		case p.origin == m.Target:
			return "not_applicable", "goods of " + m.Target + " origin"
		case !rajin:
			return "not_applicable", "not transshipped via Rajin (Rason)"
		case !attested:
			return "possible", fmt.Sprintf("%s-origin goods via Rajin; confirm %q", p.origin, e.Attest)
		}
		return "applies", fmt.Sprintf("%s-origin goods transshipped via Rajin, %s attested", p.origin, e.Attest)
	case "prior_contract":
		last := mustDay(m.Adopted).AddDate(0, 0, e.Days)
		switch {
		case p.date.After(last):
			return "not_applicable", fmt.Sprintf("the %d-day wind-down ended %s", e.Days, last.Format(day))
		case !attested:
			return "not_claimed", fmt.Sprintf("available until %s for contracts finalised before %s: attest %q", last.Format(day), m.Adopted, e.Attest)
		}
		return "applies", fmt.Sprintf("within the %d-day wind-down (until %s), contract before %s attested", e.Days, last.Format(day), m.Adopted)
	case "aircraft_parts":
		if !attested {
			return "possible", fmt.Sprintf("aircraft parts: confirm %q", e.Attest)
		}
		return "applies", e.Attest + " attested"
	case "attested":
		if !attested {
			return "not_claimed", fmt.Sprintf("claim with attestation %q", e.Attest)
		}
		return "applies", e.Attest + " attested"
	}
	return "not_applicable", "kind " + e.Kind + " is not evaluated for shipments"
}

func withinAny(code string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// vessel checks the flag (measures of effect vessel_flag: DPRK-flagged
// vessels may not be chartered) and screens the vessel by name and IMO.
func (c *Checker) vessel(p *shipment, v *Verdict) {
	if p.Vessel == "" && p.imo == "" && p.flag == "" {
		return
	}
	vc := &VesselCheck{Name: p.Vessel, IMO: p.imo, Flag: p.flag, Outcome: Clear}
	for _, m := range c.Measures.All {
		if m.Effect != VesselFlag || p.flag != m.Target {
			continue
		}
		if in, _ := m.InForce(p.date); in {
			vc.Findings = append(vc.Findings, fmt.Sprintf("%s-flagged vessel: %s (%s, measure %s)", m.Target, m.Title, m.Citation(), m.Status))
			vc.Outcome = Review
		}
	}
	if c.Parties != nil && (p.Vessel != "" || p.imo != "") {
		q := embargo.Query{Name: p.Vessel, Schema: embargo.Vessel}
		if q.Name == "" {
			q.Name = "IMO " + p.imo
		}
		if p.imo != "" {
			q.Identifiers = []embargo.Identifier{{Type: embargo.IMO, Value: p.imo}}
		}
		ph := screenParty(c.Parties, "vessel", q)
		for _, mt := range ph.Matches {
			if p.imo != "" && byIdentifier(mt) {
				vc.Findings = append(vc.Findings, fmt.Sprintf("designated vessel %s (%s) matched by IMO %s", mt.Caption, mt.EntityID, p.imo))
				ph.Outcome = Prohibited
			}
		}
		if len(ph.Matches) > 0 {
			v.Parties = append(v.Parties, ph)
			vc.Outcome = worst(vc.Outcome, ph.Outcome)
		}
	}
	v.Vessel = vc
	v.Verdict = worst(v.Verdict, vc.Outcome)
}

// byIdentifier reports whether a match rests on an identical identifier.
func byIdentifier(m embargo.Match) bool {
	for _, e := range m.Explanations {
		if e.Field == "identifier" && e.Score >= 1 {
			return true
		}
	}
	return false
}

// parties screens shipper, consignee, notify party and further parties. A
// name match gives review: names alone never prove identity.
func (c *Checker) parties(p *shipment, v *Verdict) {
	if c.Parties == nil {
		return
	}
	roles := []struct{ role, name string }{{"shipper", p.Shipper}, {"consignee", p.Consignee}, {"notify_party", p.NotifyParty}}
	for _, n := range p.Shipment.Parties {
		roles = append(roles, struct{ role, name string }{"party", n})
	}
	for _, r := range roles {
		if strings.TrimSpace(r.name) == "" {
			continue
		}
		ph := screenParty(c.Parties, r.role, embargo.Query{Name: r.name})
		if len(ph.Matches) > 0 {
			v.Parties = append(v.Parties, ph)
			v.Verdict = worst(v.Verdict, ph.Outcome)
		}
	}
}

func screenParty(s PartyScreener, role string, q embargo.Query) PartyHit {
	ph := PartyHit{Role: role, Name: q.Name, Outcome: Clear}
	for _, m := range s.Screen(q) {
		if m.Matched {
			ph.Matches = append(ph.Matches, m)
			ph.Outcome = Review
		}
	}
	return ph
}
