package goods

import (
	"fmt"
	"sort"
	"strings"

	"embargo"
	"embargo/goods/hs"
)

// Outcome is the answer for a shipment or for one measure.
type Outcome string

const (
	Clear      Outcome = "clear"
	Review     Outcome = "review"
	Prohibited Outcome = "prohibited"
	Exempt     Outcome = "exempt" // a measure that applies but an exemption lifts
)

func rank(o Outcome) int {
	switch o {
	case Prohibited:
		return 2
	case Review:
		return 1
	}
	return 0
}

func worst(a, b Outcome) Outcome {
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// PartyScreener screens a party or vessel against the designated entities.
// match.Index satisfies it through a small adapter in cmd.
type PartyScreener interface {
	Screen(q embargo.Query) []embargo.Match
}

// Checker checks shipments against measures. Nomenclature nil means the
// embedded chapter table; Parties nil means party screening is off (every
// verdict says so).
type Checker struct {
	Measures     *Measures
	Nomenclature *hs.Nomenclature
	Parties      PartyScreener
	Candidates   int // HS candidates proposed for a description (default 3)
}

// Hit is one measure a shipment triggered, or would have triggered on
// another date (Verdict.NotInForce).
type Hit struct {
	ID              string            `json:"id"`
	Regime          string            `json:"regime"`
	Instrument      string            `json:"instrument"`
	Paragraph       string            `json:"paragraph"`
	Citation        string            `json:"citation"`
	Title           string            `json:"title"`
	Effect          Effect            `json:"effect"`
	Direction       Direction         `json:"direction"`
	Status          Status            `json:"status"`           // of the measure
	ParagraphStatus Status            `json:"paragraph_status"` // of its paragraph number
	Basis           Basis             `json:"basis"`            // of the HS mapping that matched
	MeasureCode     string            `json:"measure_code"`     // the code the measure names ("*" for all goods)
	Code            string            `json:"code"`             // the shipment's code (or candidate)
	Level           string            `json:"level"`            // chapter, heading, subheading, all goods, or partial
	Reason          string            `json:"reason"`
	Outcome         Outcome           `json:"outcome"`
	Exemptions      []ExemptionResult `json:"exemptions,omitempty"`
}

// ExemptionResult is one exemption considered and what came of it.
type ExemptionResult struct {
	Measure     string `json:"measure"`
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	Status      Status `json:"status"`
	Outcome     string `json:"outcome"` // applies, possible, not_applicable, not_claimed
	Reason      string `json:"reason"`
	Attestation string `json:"attestation,omitempty"`
}

// PartyHit is what the screener returned for one party.
type PartyHit struct {
	Role    string          `json:"role"` // shipper, consignee, notify_party, party, vessel
	Name    string          `json:"name"`
	Matches []embargo.Match `json:"matches"`
	Outcome Outcome         `json:"outcome"`
}

// VesselCheck is what was found about the carrying vessel.
type VesselCheck struct {
	Name     string   `json:"name,omitempty"`
	IMO      string   `json:"imo,omitempty"`
	Flag     string   `json:"flag,omitempty"`
	Findings []string `json:"findings,omitempty"`
	Outcome  Outcome  `json:"outcome"`
}

// Verdict is the answer for one shipment.
type Verdict struct {
	Ref        string            `json:"ref,omitempty"`
	Verdict    Outcome           `json:"verdict"`
	HS         *hs.Match         `json:"hs,omitempty"`
	Candidates []hs.Candidate    `json:"candidates,omitempty"` // for a shipment without code: proposals, all review
	Measures   []Hit             `json:"measures"`
	NotInForce []Hit             `json:"not_in_force,omitempty"`
	Exemptions []ExemptionResult `json:"exemptions"`
	Parties    []PartyHit        `json:"parties"`
	Vessel     *VesselCheck      `json:"vessel,omitempty"`
	Notes      []string          `json:"notes,omitempty"`
}

// Check screens one shipment. Bad input (an impossible date, an unknown
// country, an HS code the nomenclature does not hold, no code and no
// description) is an EINVALID error naming the field: never a silent clear.
func (c *Checker) Check(s Shipment) (Verdict, error) {
	if c.Measures == nil {
		return Verdict{}, embargo.Errorf(embargo.EINTERNAL, "goods: Checker has no measures (use goods.Default)")
	}
	p, err := parse(&s)
	if err != nil {
		return Verdict{}, err
	}
	nom := c.Nomenclature
	if nom == nil {
		nom = defaultNomenclature
	}
	v := Verdict{Ref: s.Ref, Verdict: Clear, Measures: []Hit{}, Exemptions: []ExemptionResult{}, Parties: []PartyHit{}}
	codes, err := c.codes(p, nom, &v)
	if err != nil {
		return Verdict{}, err
	}
	for _, code := range codes {
		c.screen(p, code, len(v.Candidates) > 0, &v)
	}
	c.vessel(p, &v)
	c.parties(p, &v)
	for _, h := range v.Measures {
		v.Verdict = worst(v.Verdict, h.Outcome)
		v.Exemptions = append(v.Exemptions, h.Exemptions...)
	}
	sort.SliceStable(v.Measures, func(i, j int) bool {
		a, b := v.Measures[i], v.Measures[j]
		if rank(a.Outcome) != rank(b.Outcome) {
			return rank(a.Outcome) > rank(b.Outcome)
		}
		return a.ID < b.ID
	})
	if !nom.Full {
		v.Notes = append(v.Notes, "HS code checked to the chapter only ("+nom.Name+"); give the HS nomenclature file for full validation")
	}
	if c.Parties == nil {
		v.Notes = append(v.Notes, "party and vessel screening off: no designated-entity screener configured")
	}
	return v, nil
}

var defaultNomenclature = hs.Embedded()

// codes returns the code to screen, or for a shipment without one the
// candidates its description suggests (each marked for review).
func (c *Checker) codes(p *shipment, nom *hs.Nomenclature, v *Verdict) ([]string, error) {
	if strings.TrimSpace(p.HS) != "" {
		m, err := nom.Lookup(p.HS)
		if err != nil {
			return nil, embargo.FieldError("hs", "%v", err)
		}
		v.HS = &m
		return []string{m.Code}, nil
	}
	if strings.TrimSpace(p.Description) == "" {
		return nil, embargo.FieldError("hs", "no HS code and no goods description")
	}
	n := c.Candidates
	if n <= 0 {
		n = 3
	}
	cands, err := nom.Search(p.Description, n)
	if err != nil {
		return nil, embargo.FieldError("hs", "no HS code, and %v", err)
	}
	v.Verdict = Review
	if len(cands) == 0 {
		v.Notes = append(v.Notes, fmt.Sprintf("no HS code, and the description %q matched no HS description: review", p.Description))
		return nil, nil
	}
	v.Candidates = cands
	v.Notes = append(v.Notes, "no HS code: measures screened against candidate codes from the description, all marked review")
	out := make([]string, len(cands))
	for i, cd := range cands {
		out[i] = cd.Code
	}
	return out, nil
}

// screen adds the hits of one code.
func (c *Checker) screen(p *shipment, code string, candidate bool, v *Verdict) {
	consider := func(r goodsRef, level string) {
		m := r.m
		dir, ok := direction(m, p)
		if !ok {
			return
		}
		h := Hit{ID: m.ID, Regime: m.Regime, Instrument: m.Instrument, Paragraph: m.Paragraph, Citation: m.Citation(),
			Title: m.Title, Effect: m.Effect, Direction: m.Direction, Status: m.Status, ParagraphStatus: m.ParagraphStatus,
			Basis: r.g.Basis, MeasureCode: r.g.HS, Code: code, Level: level}
		why := fmt.Sprintf("%s; code %s %s", dir, code, levelText(level, r.g.HS))
		if in, because := m.InForce(p.date); !in {
			h.Outcome, h.Reason = Clear, fmt.Sprintf("%s; not in force on %s: %s", why, p.Date, because)
			v.NotInForce = append(v.NotInForce, h)
			return
		}
		h.Exemptions = exemptions(m, p, code)
		h.Outcome, h.Reason = judge(m, r.g, level, h.Exemptions)
		h.Reason = why + "; in force since " + m.Effective + "; " + h.Reason
		if candidate {
			h.Outcome = worst(Clear, minOutcome(h.Outcome, Review))
			h.Reason += " (candidate code from the description: review)"
		}
		v.Measures = append(v.Measures, h)
	}
	ms := c.Measures
	for _, l := range []int{2, 4, 6} {
		if len(code) < l {
			break
		}
		for _, r := range ms.byCode[code[:l]] {
			consider(r, string(hs.LevelOf(code[:l])))
		}
	}
	if len(code) < 6 { // a code above the level a measure names may or may not hold its goods
		for _, r := range ms.under[code] {
			consider(r, "partial")
		}
	}
	for _, r := range ms.any {
		consider(r, "all goods")
	}
}

func minOutcome(a, b Outcome) Outcome {
	if rank(a) < rank(b) {
		return a
	}
	return b
}

func levelText(level, mc string) string {
	switch level {
	case "all goods":
		return "(the measure covers all goods)"
	case "partial":
		return fmt.Sprintf("is broader than %s %s that the measure names: it may or may not fall in it", hs.LevelOf(mc), mc)
	}
	return fmt.Sprintf("falls in %s %s", level, mc)
}

// direction reports whether the shipment moves goods the way the measure
// restricts, and says how.
func direction(m *Measure, p *shipment) (string, bool) {
	t := m.Target
	var why []string
	if m.Direction == ExportFrom || m.Direction == Both {
		if p.from == t {
			why = append(why, "shipped from "+t)
		}
		if p.origin == t {
			why = append(why, "goods of "+t+" origin")
		}
		for _, pt := range p.via {
			if pt.Country == t {
				why = append(why, fmt.Sprintf("transshipped via %s (%s)", pt.Name, t))
			}
		}
		if p.flag == t && t == "KP" { // "using its flag vessels" (1718 para 8(b) onwards)
			why = append(why, "carried by a DPRK-flagged vessel")
		}
		if len(why) > 0 && m.Direction == ExportFrom {
			return "export from " + t + ": " + strings.Join(why, ", "), true
		}
	}
	if (m.Direction == SupplyTo || m.Direction == Both) && p.to == t {
		why = append(why, "destined to "+t)
		if m.Direction == SupplyTo {
			return "supply to " + t + ": destined to " + t, true
		}
	}
	if len(why) > 0 {
		return "to or from " + t + ": " + strings.Join(why, ", "), true
	}
	return "", false
}

// judge applies the verdict policy of the package documentation.
func judge(m *Measure, g Goods, level string, ex []ExemptionResult) (Outcome, string) {
	for _, e := range ex {
		if e.Outcome == "applies" {
			if e.Status == Unverified {
				return Review, fmt.Sprintf("exemption %q applies but its terms are unverified", e.ID)
			}
			return Exempt, fmt.Sprintf("exempt under %q", e.ID)
		}
	}
	for _, e := range ex {
		if e.Outcome == "possible" {
			return Review, fmt.Sprintf("exemption %q may apply: %s", e.ID, e.Reason)
		}
	}
	switch m.Effect {
	case Ban:
		switch {
		case m.Status == Unverified:
			return Review, "banned, but the measure is unverified (from memory): review"
		case g.Basis == Guess:
			return Review, fmt.Sprintf("banned goods, but HS %s is only a guess for them (%s): review", g.HS, g.Note)
		case level == "partial":
			return Review, "the code is too coarse to tell: review"
		}
		return Prohibited, fmt.Sprintf("banned (measure %s, HS mapping %s)", m.Status, g.Basis)
	case Capped:
		return Review, "allowed only within the cap and its conditions: check the caps ledger"
	case Priority:
		return Review, fmt.Sprintf("%s item: licence requirements and enhanced due diligence apply", m.Paragraph)
	case Inspect:
		return Review, "cargo subject to mandatory inspection"
	}
	return Review, "applies"
}
