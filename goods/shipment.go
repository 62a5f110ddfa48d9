package goods

import (
	"strings"
	"time"

	"embargo"
	"embargo/country"
)

// Shipment is one movement of goods as a user describes it. Countries may be
// written any way country.Code understands; Check normalises and validates.
type Shipment struct {
	Ref          string   `json:"ref,omitempty"`    // the user's own reference (row id)
	Date         string   `json:"date"`             // YYYY-MM-DD: shipment or import date
	From         string   `json:"from"`             // country of departure / export
	To           string   `json:"to"`               // country of destination
	Origin       string   `json:"origin,omitempty"` // country of origin of the goods
	Via          []string `json:"via,omitempty"`    // transshipment ports: names ("Rajin"), UN/LOCODEs ("KPNAM") or "port, country"
	HS           string   `json:"hs,omitempty"`
	Description  string   `json:"description,omitempty"`
	Quantity     float64  `json:"quantity,omitempty"`
	Unit         string   `json:"unit,omitempty"`
	Value        float64  `json:"value,omitempty"` // in USD
	Shipper      string   `json:"shipper,omitempty"`
	Consignee    string   `json:"consignee,omitempty"`
	NotifyParty  string   `json:"notify_party,omitempty"`
	Parties      []string `json:"parties,omitempty"` // further parties (brokers, owners)
	Vessel       string   `json:"vessel,omitempty"`
	IMO          string   `json:"imo,omitempty"`
	Flag         string   `json:"flag,omitempty"`
	Attestations []string `json:"attestations,omitempty"` // claims the user vouches for: advance-notification, prior-contract, livelihood, committee-approval, flight-fuel, civil-aircraft-parts
}

// shipment is a Shipment after validation.
type shipment struct {
	*Shipment
	date             time.Time
	from, to, origin string
	flag, imo        string
	via              []port
	attest           map[string]bool
}

// port is a transshipment port with the country it was resolved to.
type port struct {
	Name    string
	Country string // "" when unknown
	Rajin   bool
}

// parse validates a shipment: an impossible date, an unknown country, a
// malformed IMO number or unit is an EINVALID error naming the field.
func parse(s *Shipment) (*shipment, error) {
	p := &shipment{Shipment: s}
	var err error
	if p.date, err = ParseDay("date", s.Date); err != nil {
		return nil, err
	}
	if p.from, err = countryField("from", s.From, true); err != nil {
		return nil, err
	}
	if p.to, err = countryField("to", s.To, true); err != nil {
		return nil, err
	}
	if p.origin, err = countryField("origin", s.Origin, false); err != nil {
		return nil, err
	}
	if p.flag, err = countryField("flag", s.Flag, false); err != nil {
		return nil, err
	}
	if s.IMO != "" {
		if p.imo, err = ParseIMO(s.IMO); err != nil {
			return nil, err
		}
	}
	if s.Quantity < 0 || s.Value < 0 {
		return nil, embargo.FieldError("quantity", "negative quantity or value")
	}
	for _, v := range s.Via {
		if strings.TrimSpace(v) != "" {
			p.via = append(p.via, resolvePort(v))
		}
	}
	if len(s.Attestations) > 0 {
		p.attest = map[string]bool{}
		for _, a := range s.Attestations {
			p.attest[strings.ToLower(strings.TrimSpace(a))] = true
		}
	}
	return p, nil
}

// ParseDay reads a full YYYY-MM-DD date and refuses impossible ones
// (2017-02-30) with an error naming field.
func ParseDay(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, embargo.FieldError(field, "a date YYYY-MM-DD is required")
	}
	t, err := time.Parse(day, s)
	if err != nil {
		if _, perr := time.Parse("2006-1-2", s); perr == nil {
			return time.Time{}, embargo.FieldError(field, "date %q: write it YYYY-MM-DD", s)
		}
		return time.Time{}, embargo.FieldError(field, "date %q is not a real YYYY-MM-DD date", s)
	}
	return t, nil
}

// countryField normalises a country; required fields may not be empty.
func countryField(field, s string, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return "", embargo.FieldError(field, "a country is required")
		}
		return "", nil
	}
	if len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		if country.Name(s) != "" {
			return s, nil // fast path for the common case: an ISO code
		}
	}
	c, ok := country.Code(s)
	if !ok {
		return "", embargo.FieldError(field, "unknown country %q", s)
	}
	return c, nil
}

// ParseIMO checks an IMO ship number: seven digits whose last is the check
// digit (sum of the first six weighted 7 down to 2, modulo 10; IMO Res.
// A.1117(30)). "IMO 9166778" and "9166778" are both accepted.
func ParseIMO(s string) (string, error) {
	d := strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "IMO"))
	if len(d) != 7 {
		return "", embargo.FieldError("imo", "IMO number %q: want 7 digits", s)
	}
	sum := 0
	for i := 0; i < 7; i++ {
		if d[i] < '0' || d[i] > '9' {
			return "", embargo.FieldError("imo", "IMO number %q: want 7 digits", s)
		}
		if i < 6 {
			sum += int(d[i]-'0') * (7 - i)
		}
	}
	if sum%10 != int(d[6]-'0') {
		return "", embargo.FieldError("imo", "IMO number %q: check digit should be %d", s, sum%10)
	}
	return d, nil
}

// dprkPorts are the DPRK's main seaports by the spellings in shipping
// records (McCune-Reischauer, Revised Romanization and common variants).
var dprkPorts = map[string]bool{
	"rajin": true, "rason": true, "najin": true, "raseon": true, "nampo": true, "namp'o": true, "nampho": true,
	"chongjin": true, "cheongjin": true, "hungnam": true, "heungnam": true, "wonsan": true, "haeju": true,
	"songnim": true, "kimchaek": true, "sonbong": true, "unggi": true, "tanchon": true,
}

var rajinNames = map[string]bool{"rajin": true, "rason": true, "najin": true, "raseon": true}

// resolvePort finds the country of a transshipment port: a UN/LOCODE gives
// it in its first two letters, a known DPRK port by name, "port, country"
// by its last part.
func resolvePort(s string) port {
	s = strings.TrimSpace(s)
	p := port{Name: s}
	name := strings.ToLower(s)
	if i := strings.IndexByte(name, ','); i > 0 {
		name = strings.TrimSpace(name[:i])
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, " port"), " harbour")
	switch {
	case rajinNames[name] || strings.EqualFold(s, "KPNJN") || strings.EqualFold(s, "KPRJN"):
		p.Country, p.Rajin = "KP", true
	case dprkPorts[name]:
		p.Country = "KP"
	case len(s) == 5 && isUpperAlpha(s[:2]):
		if c, ok := country.Code(s[:2]); ok {
			p.Country = c
		}
	default:
		if c, ok := country.Find(s); ok && strings.Contains(s, ",") {
			p.Country = c
		}
	}
	return p
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
