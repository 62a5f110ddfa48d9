package goods

import (
	"fmt"
	"strings"
	"time"

	"embargo"
)

// Record is one employment, visa or payroll record of a worker abroad.
type Record struct {
	Ref           string   `json:"ref,omitempty"`
	Name          string   `json:"name,omitempty"`
	Nationality   []string `json:"nationality"`          // every nationality the person holds
	CountryOfWork string   `json:"country_of_work"`      // where the income is earned
	Start         string   `json:"start"`                // employment start, YYYY-MM-DD
	Authorised    string   `json:"authorised,omitempty"` // work authorisation granted (defaults to start)
	Contract      string   `json:"contract,omitempty"`   // written contract finalised
	End           string   `json:"end,omitempty"`        // employment ended / repatriated
	Attestations  []string `json:"attestations,omitempty"`
}

// Finding is one labour measure read against a record.
type Finding struct {
	Measure    string            `json:"measure"`
	Citation   string            `json:"citation"`
	Status     Status            `json:"status"`
	Reason     string            `json:"reason"`
	Outcome    Outcome           `json:"outcome"`
	Exemptions []ExemptionResult `json:"exemptions,omitempty"`
}

// LabourVerdict is the answer for one record as of a date.
type LabourVerdict struct {
	Ref      string    `json:"ref,omitempty"`
	AsOf     string    `json:"as_of"`
	Verdict  Outcome   `json:"verdict"`
	Findings []Finding `json:"findings"`
	Notes    []string  `json:"notes,omitempty"`
}

type record struct {
	*Record
	nat                                  map[string]bool
	work                                 string
	start, authorised, contract, end, as time.Time
	attest                               map[string]bool
}

// CheckLabour reads a record against the labour measures (2371 para 11: no
// increase of work authorisations; 2375 para 17: no new ones after
// 2017-09-11 save contracts finalised before; 2397 para 8: repatriation by
// 2019-12-22) as of asOf. Bad input is an EINVALID error naming the field.
func (ms *Measures) CheckLabour(r Record, asOf time.Time) (LabourVerdict, error) {
	p, err := parseRecord(&r, asOf)
	if err != nil {
		return LabourVerdict{}, err
	}
	v := LabourVerdict{Ref: r.Ref, AsOf: asOf.Format(day), Verdict: Clear, Findings: []Finding{}}
	if !p.nat["KP"] {
		v.Notes = append(v.Notes, "not a DPRK national: the labour measures do not apply")
		return v, nil
	}
	if p.work == "KP" {
		v.Notes = append(v.Notes, "works in the DPRK: the measures concern DPRK nationals earning income abroad")
		return v, nil
	}
	for _, m := range ms.All {
		if m.Effect != Labour {
			continue
		}
		if f, ok := labourFinding(m, p); ok {
			v.Findings = append(v.Findings, f)
			v.Verdict = worst(v.Verdict, f.Outcome)
		}
	}
	if r.Authorised == "" {
		v.Notes = append(v.Notes, "no authorisation date: the start date stands in for it")
	}
	return v, nil
}

func parseRecord(r *Record, asOf time.Time) (*record, error) {
	p := &record{Record: r, nat: map[string]bool{}, as: asOf}
	if len(r.Nationality) == 0 {
		return nil, embargo.FieldError("nationality", "a nationality is required")
	}
	for _, n := range r.Nationality {
		c, err := countryField("nationality", n, true)
		if err != nil {
			return nil, err
		}
		p.nat[c] = true
	}
	var err error
	if p.work, err = countryField("country_of_work", r.CountryOfWork, true); err != nil {
		return nil, err
	}
	if p.start, err = ParseDay("start", r.Start); err != nil {
		return nil, err
	}
	p.authorised = p.start
	for _, f := range []struct {
		name, s string
		t       *time.Time
	}{{"authorised", r.Authorised, &p.authorised}, {"contract", r.Contract, &p.contract}, {"end", r.End, &p.end}} {
		if strings.TrimSpace(f.s) == "" {
			continue
		}
		if *f.t, err = ParseDay(f.name, f.s); err != nil {
			return nil, err
		}
	}
	if !p.end.IsZero() && p.end.Before(p.start) {
		return nil, embargo.FieldError("end", "end %s is before start %s", r.End, r.Start)
	}
	p.attest = map[string]bool{}
	for _, a := range r.Attestations {
		p.attest[strings.ToLower(strings.TrimSpace(a))] = true
	}
	return p, nil
}

// labourFinding applies one labour measure's rule to a record.
func labourFinding(m *Measure, p *record) (Finding, bool) {
	f := Finding{Measure: m.ID, Citation: m.Citation(), Status: m.Status}
	adopted := mustDay(m.Adopted)
	switch m.Labour.Rule {
	case "no_increase":
		if p.authorised.Before(m.start) || (!m.end.IsZero() && !p.authorised.Before(m.end)) {
			return f, false // before 2371, or once superseded by 2375's stricter rule
		}
		f.Outcome, f.Reason = Review, fmt.Sprintf("authorised %s, after %s: lawful only if the State's total of work authorisations did not rise", p.authorised.Format(day), m.Adopted)
	case "no_new":
		switch {
		case p.authorised.Before(adopted):
			return f, false
		case p.authorised.Equal(adopted):
			f.Outcome, f.Reason = Review, fmt.Sprintf("work authorisation granted on %s, the day of adoption: check whether before or after", m.Adopted)
		default:
			f.Outcome, f.Reason = Prohibited, fmt.Sprintf("work authorisation of %s, after %s: no new authorisations", p.authorised.Format(day), m.Adopted)
		}
	case "repatriate":
		deadline := mustDay(m.Labour.Deadline)
		working := p.end.IsZero() || p.end.After(deadline)
		switch {
		case !working:
			return f, false
		case !p.as.Before(deadline):
			f.Outcome, f.Reason = Prohibited, fmt.Sprintf("still earning income in %s after the repatriation deadline %s", p.work, m.Labour.Deadline)
		default:
			f.Outcome, f.Reason = Review, fmt.Sprintf("must be repatriated by %s", m.Labour.Deadline)
		}
	}
	f.Exemptions = labourExemptions(m, p)
	for _, e := range f.Exemptions {
		switch {
		case e.Outcome == "applies":
			f.Outcome, f.Reason = Exempt, f.Reason+"; exempt under "+e.ID
			return f, true
		case e.Outcome == "possible":
			f.Outcome = minOutcome(f.Outcome, Review)
			f.Reason += "; exemption " + e.ID + " may apply: " + e.Reason
		}
	}
	return f, true
}

func labourExemptions(m *Measure, p *record) []ExemptionResult {
	var out []ExemptionResult
	for _, e := range m.Exemptions {
		r := ExemptionResult{Measure: m.ID, ID: e.ID, Kind: e.Kind, Text: e.Text, Status: e.Status, Attestation: e.Attest}
		switch e.Kind {
		case "own_national":
			if p.nat[p.work] {
				r.Outcome, r.Reason = "applies", "also a national of "+p.work
			} else {
				r.Outcome, r.Reason = "not_applicable", "not a national of "+p.work
			}
		case "prior_contract":
			switch {
			case p.contract.IsZero():
				r.Outcome, r.Reason = "not_claimed", "no contract date given"
			case !p.contract.Before(mustDay(m.Adopted)):
				r.Outcome, r.Reason = "not_applicable", "contract finalised "+p.contract.Format(day)+", not before "+m.Adopted
			case !p.attest[e.Attest]:
				r.Outcome, r.Reason = "possible", fmt.Sprintf("contract of %s; confirm %q", p.contract.Format(day), e.Attest)
			default:
				r.Outcome, r.Reason = "applies", "contract before adoption, "+e.Attest+" attested"
			}
		default:
			if p.attest[e.Attest] {
				r.Outcome, r.Reason = "applies", e.Attest+" attested"
			} else {
				r.Outcome, r.Reason = "not_claimed", fmt.Sprintf("claim with attestation %q", e.Attest)
			}
		}
		out = append(out, r)
	}
	return out
}
