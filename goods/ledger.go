package goods

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"embargo"
)

// Factor is a barrels-per-tonne conversion for one product, with its source.
type Factor struct {
	Product     string  `json:"product"`
	Ledger      string  `json:"ledger"` // refined_petroleum, crude_oil, coal
	BarrelsPerT float64 `json:"barrels_per_tonne,omitempty"`
	Source      string  `json:"source"`
	Status      Status  `json:"status"`
}

// unsd is the UN Statistics Division's Energy Statistics Yearbook table of
// barrels per metric ton (unstats.un.org/unsd/energy/yearbook/conversion.htm),
// as compiled in shared/data/sectoral_measures/MEASURES.md section C: seen
// there in a source, not re-read for this code.
const unsd = "UNSD Energy Statistics Yearbook conversion table (barrels per metric ton)"

// Factors are the conversions the ledger applies. The 1718 Committee
// converts a report in tonnes with a per-product chart; only its LPG row
// (11.6 barrels per tonne) was seen. Its fallback for reports without a
// product is unknown, so a refined delivery in tonnes without a product is an
// error, not a guess. The often-quoted 7.33 barrels per tonne is an average
// for crude oil (EIA), not a Committee figure for refined products.
var Factors = map[string]Factor{
	"crude":             {Product: "crude", Ledger: "crude_oil", BarrelsPerT: 7.33, Source: "US EIA basic petroleum statistics: 7.33 barrels of oil per metric ton (UNSD gives 7.32)", Status: Verified},
	"gasoline":          {Product: "gasoline", Ledger: "refined_petroleum", BarrelsPerT: 8.50, Source: unsd + ": motor gasoline", Status: Partial},
	"aviation-gasoline": {Product: "aviation-gasoline", Ledger: "refined_petroleum", BarrelsPerT: 8.62, Source: unsd + ": aviation gasoline", Status: Partial},
	"jet-fuel":          {Product: "jet-fuel", Ledger: "refined_petroleum", BarrelsPerT: 7.77, Source: unsd + ": jet fuel / kerosene", Status: Partial},
	"kerosene":          {Product: "kerosene", Ledger: "refined_petroleum", BarrelsPerT: 7.77, Source: unsd + ": jet fuel / kerosene", Status: Partial},
	"diesel":            {Product: "diesel", Ledger: "refined_petroleum", BarrelsPerT: 7.23, Source: unsd + ": gas-diesel oil", Status: Partial},
	"fuel-oil":          {Product: "fuel-oil", Ledger: "refined_petroleum", BarrelsPerT: 6.62, Source: unsd + ": residual fuel oil", Status: Partial},
	"naphtha":           {Product: "naphtha", Ledger: "refined_petroleum", BarrelsPerT: 8.74, Source: unsd + ": naphtha", Status: Partial},
	"lpg":               {Product: "lpg", Ledger: "refined_petroleum", BarrelsPerT: 11.6, Source: "1718 Committee conversion chart, LPG row (tonnes x 11.6 = barrels)", Status: Verified},
	"refined":           {Product: "refined", Ledger: "refined_petroleum", Source: "no factor: the Committee's fallback for an unnamed product is unknown", Status: Unverified},
	"coal":              {Product: "coal", Ledger: "coal", Source: "tonnes and USD only", Status: Verified},
}

var productAliases = map[string]string{
	"crude oil": "crude", "crude-oil": "crude", "petrol": "gasoline", "motor gasoline": "gasoline", "avgas": "aviation-gasoline",
	"jet fuel": "jet-fuel", "jet": "jet-fuel", "gasoil": "diesel", "gas oil": "diesel", "gas-diesel oil": "diesel",
	"fuel oil": "fuel-oil", "residual fuel oil": "fuel-oil", "heavy fuel oil": "fuel-oil", "refined petroleum": "refined",
	"refined-petroleum": "refined", "anthracite": "coal",
}

// Delivery is one delivery to or from the target counted against a cap.
type Delivery struct {
	Ref      string  `json:"ref,omitempty"`
	Date     string  `json:"date"`
	Product  string  `json:"product"` // crude, diesel, gasoline, kerosene, jet-fuel, fuel-oil, naphtha, lpg, refined, coal
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"` // bbl, t, kg
	Value    float64 `json:"value_usd,omitempty"`
	Supplier string  `json:"supplier,omitempty"` // reporting State or company
}

// Period is one accounting period of a cap.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Usage is the use of one limit of a cap.
type Usage struct {
	Unit  string  `json:"unit"`
	Used  float64 `json:"used"`
	Limit float64 `json:"limit"`
	Share float64 `json:"share"` // used / limit, 1 = the whole cap
}

// Crossing is a delivery that took the share used past a threshold.
type Crossing struct {
	Percent  float64 `json:"percent"`
	Action   string  `json:"action"`
	Status   Status  `json:"status"`
	Delivery string  `json:"delivery"`
	Date     string  `json:"date"`
	Share    float64 `json:"share_after"`
}

// Account is the use of one cap in one period.
type Account struct {
	Measure    string     `json:"measure"`
	Citation   string     `json:"citation"`
	Status     Status     `json:"status"`
	Period     Period     `json:"period"`
	Rule       string     `json:"rule,omitempty"`
	Usage      []Usage    `json:"usage"`
	Share      float64    `json:"share"` // the largest share over the limits
	Deliveries int        `json:"deliveries"`
	Crossings  []Crossing `json:"crossings"`
	Over       []string   `json:"over_cap"` // deliveries made after the cap was reached or that passed it
	Notes      []string   `json:"notes,omitempty"`
}

// Booking says where one delivery went.
type Booking struct {
	Delivery  Delivery `json:"delivery"`
	Barrels   float64  `json:"barrels,omitempty"`
	Tonnes    float64  `json:"tonnes,omitempty"`
	Factor    *Factor  `json:"factor,omitempty"`
	Measure   string   `json:"measure,omitempty"` // the cap it counts against
	Period    Period   `json:"period,omitempty"`
	Finding   string   `json:"finding,omitempty"` // banned, no cap in force, cap not computable
	Prohibits string   `json:"prohibited_by,omitempty"`
}

// Ledger books deliveries against the caps of the measures.
type Ledger struct {
	Measures *Measures
	books    []booked
}

type booked struct {
	Booking
	date time.Time
	seq  int
}

// Add validates, converts and books one delivery. Bad input (an impossible
// date, an unknown product or unit, tonnes of an unnamed refined product)
// is an EINVALID error naming the field; nothing is booked.
func (l *Ledger) Add(d Delivery) (Booking, error) {
	if l.Measures == nil {
		return Booking{}, embargo.Errorf(embargo.EINTERNAL, "goods: Ledger has no measures (use goods.Default)")
	}
	date, err := ParseDay("date", d.Date)
	if err != nil {
		return Booking{}, err
	}
	f, err := factorOf(d.Product)
	if err != nil {
		return Booking{}, err
	}
	b := Booking{Delivery: d, Factor: &f}
	if err := convert(&b, f, d); err != nil {
		return Booking{}, err
	}
	m, why := l.capFor(f.Ledger, date)
	switch {
	case m != nil:
		b.Measure, b.Period = m.ID, periodOf(m.Cap, date)
	default:
		b.Finding = why
		if ban := l.banFor(f.Ledger, date); ban != nil {
			b.Finding, b.Prohibits = "prohibited: "+ban.Title, ban.ID
		}
	}
	l.books = append(l.books, booked{Booking: b, date: date, seq: len(l.books)})
	return b, nil
}

func factorOf(product string) (Factor, error) {
	p := strings.ToLower(strings.TrimSpace(product))
	if a, ok := productAliases[p]; ok {
		p = a
	}
	f, ok := Factors[p]
	if !ok {
		var names []string
		for k := range Factors {
			names = append(names, k)
		}
		sort.Strings(names)
		return Factor{}, embargo.FieldError("product", "unknown product %q (want one of %s)", product, strings.Join(names, ", "))
	}
	return f, nil
}

// convert fills barrels and tonnes from the delivery's unit.
func convert(b *Booking, f Factor, d Delivery) error {
	if d.Quantity <= 0 {
		return embargo.FieldError("quantity", "quantity must be positive, got %v", d.Quantity)
	}
	switch strings.ToLower(strings.TrimSpace(d.Unit)) {
	case "bbl", "barrel", "barrels":
		if f.Ledger == "coal" {
			return embargo.FieldError("unit", "coal is counted in tonnes, not barrels")
		}
		b.Barrels = d.Quantity
		if f.BarrelsPerT > 0 {
			b.Tonnes = d.Quantity / f.BarrelsPerT
		}
	case "t", "tonne", "tonnes", "mt", "metric ton", "metric tons":
		b.Tonnes = d.Quantity
	case "kg":
		b.Tonnes = d.Quantity / 1000
	default:
		return embargo.FieldError("unit", "unknown unit %q (want bbl, t or kg)", d.Unit)
	}
	if b.Barrels == 0 && f.Ledger != "coal" {
		if f.BarrelsPerT == 0 {
			return embargo.FieldError("product", "%s in tonnes cannot be converted to barrels: name the product (diesel, gasoline, kerosene, fuel-oil, lpg, ...)", d.Product)
		}
		b.Barrels = b.Tonnes * f.BarrelsPerT
	}
	return nil
}

// capFor finds the cap with limits in force on date for a ledger.
func (l *Ledger) capFor(ledger string, date time.Time) (*Measure, string) {
	why := "no cap in force on " + date.Format(day)
	for _, m := range l.Measures.All {
		if m.Cap == nil || m.Cap.Ledger != ledger {
			continue
		}
		if in, _ := m.InForce(date); !in {
			continue
		}
		if len(m.Cap.Limits) == 0 {
			why = fmt.Sprintf("%s: cap stated as %s, not computable", m.ID, m.Cap.Baseline)
			continue
		}
		return m, ""
	}
	return nil, why
}

// banFor finds a ban in force covering the ledger's goods (coal after 2371).
func (l *Ledger) banFor(ledger string, date time.Time) *Measure {
	code := map[string]string{"coal": "2701", "crude_oil": "2709", "refined_petroleum": "2710"}[ledger]
	for _, r := range l.Measures.byCode[code] {
		if in, _ := r.m.InForce(date); in && r.m.Effect == Ban && r.g.Basis != Guess {
			return r.m
		}
	}
	return nil
}

// periodOf returns the accounting period of date under a cap.
func periodOf(c *Cap, date time.Time) Period {
	from := mustDay(c.From)
	switch c.Period {
	case "calendar_year":
		start := time.Date(date.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		if start.Before(from) {
			start = from
		}
		return Period{start.Format(day), time.Date(date.Year(), 12, 31, 0, 0, 0, 0, time.UTC).Format(day)}
	case "12_months":
		start := from
		for !start.AddDate(1, 0, 0).After(date) {
			start = start.AddDate(1, 0, 0)
		}
		return Period{start.Format(day), start.AddDate(1, 0, -1).Format(day)}
	}
	return Period{c.From, c.To}
}
