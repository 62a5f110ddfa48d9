// Package goods screens shipments, deliveries under caps and overseas-labour
// records against sectoral measures kept as data: the UN Security Council's
// measures on the DPRK (resolutions 1718 to 2397) and the Russia Common High
// Priority List. The measures live in measures/*.json, one readable file per
// regime, embedded in the binary and validated when loaded.
//
// Verdict policy. A measure's own status (verified, partial, unverified) and
// the basis of the HS code that matched (instrument, indicative, guess) decide
// how far a hit can go:
//   - prohibited needs a ban whose content was seen in a source (status
//     verified or partial) matched through a code the instrument names or that
//     holds exactly the goods it names (basis instrument or indicative);
//   - a ban that is unverified, or matched through a guess mapping, gives
//     review: the goods may be banned, a person must read the resolution;
//   - caps, priority lists (CHPL) and the mandatory inspection of DPRK cargo
//     give review;
//   - an exemption whose objective conditions hold but whose attestation is
//     missing (Rajin transit without advance notification) gives review.
//
// Why not prohibited for an unverified measure: a prohibited answer stops a
// shipment, and a paragraph recalled from memory should neither stop trade on
// its own nor let it through; review sends the case to a person with the
// resolution in hand. Every answer carries the status and basis it relied on,
// so an indicative mapping is never presented as the resolution's words.
//
// HS nomenclature: without a file the checker knows the 96 chapters of HS
// 2022 (embedded table) and checks codes to the chapter; with the HS CSV
// (hs.Load) it checks headings and subheadings and searches descriptions.
package goods

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"embargo/source"
)

// Direction says which trade a measure restricts.
type Direction string

const (
	ExportFrom Direction = "export_from" // goods leaving the target (import ban for everyone else)
	SupplyTo   Direction = "supply_to"   // goods going to the target
	Both       Direction = "both"
	NonGoods   Direction = "non_goods" // workers, joint ventures, vessels, services
)

// Effect says what a measure does when it applies.
type Effect string

const (
	Ban         Effect = "ban"
	Capped      Effect = "cap"          // allowed up to a quantity per period
	Priority    Effect = "priority"     // due-diligence list (CHPL): review
	Inspect     Effect = "inspect"      // cargo inspection: review
	CatchAll    Effect = "catch_all"    // items a State determines: not screened by code
	ListedItems Effect = "listed_items" // technical lists, not HS codes: not screened by code
	Labour      Effect = "labour"
	VesselFlag  Effect = "vessel_flag"
	Services    Effect = "services"
)

// Status is how much of a measure was seen in a source.
type Status string

const (
	Verified   Status = "verified"   // content and paragraph seen in a source
	Partial    Status = "partial"    // content seen; paragraph or a detail from memory
	Unverified Status = "unverified" // from memory
)

// Basis is where an HS mapping comes from.
type Basis string

const (
	Instrument Basis = "instrument" // the resolution or list names the code
	Indicative Basis = "indicative" // our mapping to the heading that holds exactly the goods named
	Guess      Basis = "guess"      // the code is wider or narrower than the goods named
	NoBasis    Basis = "none"
)

// Goods is one HS code a measure names, with the basis of the mapping.
// HS "*" means all goods.
type Goods struct {
	HS    string `json:"hs"`
	Basis Basis  `json:"basis"`
	Note  string `json:"note,omitempty"`
}

// Limit is one quantity of a cap.
type Limit struct {
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"` // bbl, t, USD
}

// Threshold is a share of a cap at which States or the Committee must act.
type Threshold struct {
	Percent float64 `json:"percent"`
	Action  string  `json:"action"`
	Status  Status  `json:"status"`
}

// Cap is the quantity a capped measure allows per period.
type Cap struct {
	Ledger     string      `json:"ledger"` // refined_petroleum, crude_oil, coal
	Period     string      `json:"period"` // calendar_year, 12_months, fixed
	From       string      `json:"from"`
	To         string      `json:"to,omitempty"`   // fixed periods
	Rule       string      `json:"rule,omitempty"` // whichever_lower when several limits
	Limits     []Limit     `json:"limits,omitempty"`
	Baseline   string      `json:"baseline,omitempty"` // a cap stated as a past amount, not a figure
	Thresholds []Threshold `json:"thresholds,omitempty"`
}

// Exemption is a condition under which a measure does not apply.
type Exemption struct {
	ID     string   `json:"id"`
	Kind   string   `json:"kind"` // rajin_transit, prior_contract, aircraft_parts, attested, own_national
	Attest string   `json:"attest,omitempty"`
	Days   int      `json:"days,omitempty"` // prior_contract wind-down
	HS     []string `json:"hs,omitempty"`   // aircraft_parts: the codes the parts fall in
	Status Status   `json:"status"`
	Text   string   `json:"text"`
}

// LabourRule says how a labour measure reads an employment record.
type LabourRule struct {
	Rule     string `json:"rule"` // no_increase, no_new, repatriate
	Deadline string `json:"deadline,omitempty"`
}

// Measure is one sectoral measure of one instrument's paragraph.
type Measure struct {
	ID              string      `json:"id"`
	Regime          string      `json:"regime"`
	Target          string      `json:"target"`
	Authority       string      `json:"authority"`
	Instrument      string      `json:"instrument"`
	Paragraph       string      `json:"paragraph"`
	ParagraphStatus Status      `json:"paragraph_status"`
	Adopted         string      `json:"adopted"`
	Effective       string      `json:"effective"`
	Until           string      `json:"until,omitempty"`
	SupersededBy    string      `json:"superseded_by,omitempty"`
	Direction       Direction   `json:"direction"`
	Effect          Effect      `json:"effect"`
	Title           string      `json:"title"`
	Goods           []Goods     `json:"goods,omitempty"`
	Cap             *Cap        `json:"cap,omitempty"`
	Exemptions      []Exemption `json:"exemptions,omitempty"`
	Labour          *LabourRule `json:"labour,omitempty"`
	Status          Status      `json:"status"`
	HSBasis         Basis       `json:"hs_basis"`
	Sources         []string    `json:"sources"`
	Note            string      `json:"note,omitempty"`

	// Set by Load: the instants the measure starts and stops applying (end
	// is the zero time when it still applies).
	start, end time.Time
	file       string // the measures file it came from, for errors
}

// InForce reports whether the measure applies on day d, and if not why.
func (m *Measure) InForce(d time.Time) (bool, string) {
	if d.Before(m.start) {
		if m.Adopted != m.Effective && !d.Before(mustDay(m.Adopted)) {
			return false, fmt.Sprintf("adopted %s but applies from %s", m.Adopted, m.Effective)
		}
		return false, fmt.Sprintf("not yet adopted (adopted %s)", m.Adopted)
	}
	if !m.end.IsZero() && !d.Before(m.end) {
		if m.SupersededBy != "" {
			return false, fmt.Sprintf("superseded by %s from %s", m.SupersededBy, m.end.Format(day))
		}
		return false, fmt.Sprintf("ended %s", m.Until)
	}
	return true, ""
}

// Ends returns the first day the measure no longer applies, or "" if it still does.
func (m *Measure) Ends() string {
	if m.end.IsZero() {
		return ""
	}
	return m.end.Format(day)
}

// Citation renders "UNSCR 2371 (2017) para 8", marking a paragraph number
// that was not seen in a source.
func (m *Measure) Citation() string {
	p := "para "
	if strings.HasPrefix(m.Paragraph, "Tier") {
		p = ""
	}
	s := m.Instrument + " " + p + m.Paragraph
	if m.ParagraphStatus != Verified {
		s += " (paragraph number unverified)"
	}
	return s
}

// Measures is the set of loaded measures, indexed for screening.
type Measures struct {
	All    []*Measure
	byID   map[string]*Measure
	byCode map[string][]goodsRef // HS code as written in a measure -> measures naming it
	any    []goodsRef            // measures on all goods ("*")
	under  map[string][]goodsRef // chapter or heading -> measures naming a code below it
}

type goodsRef struct {
	m *Measure
	g Goods
}

// Get returns a measure by id.
func (ms *Measures) Get(id string) (*Measure, bool) {
	m, ok := ms.byID[id]
	return m, ok
}

// Regime returns the measures of one regime (DPRK, RUSSIA), all when regime is "".
func (ms *Measures) Regime(regime string) []*Measure {
	var out []*Measure
	for _, m := range ms.All {
		if regime == "" || strings.EqualFold(m.Regime, regime) {
			out = append(out, m)
		}
	}
	return out
}

//go:embed measures/*.json
var embedded embed.FS

// Default returns the measures built into the binary. They are validated by
// the tests; an error here is a programming error in the data.
func Default() (*Measures, error) {
	return Load(embedded)
}

const day = "2006-01-02"

func mustDay(s string) time.Time {
	t, _ := time.Parse(day, s)
	return t
}

// regimeFile is one measures file.
type regimeFile struct {
	Regime    string     `json:"regime"`
	Target    string     `json:"target"`
	Authority string     `json:"authority"`
	Note      string     `json:"note"`
	Measures  []*Measure `json:"measures"`
}

// Load reads every measures/*.json file of fsys and validates the whole set:
// unknown directions, effects, statuses or bases, malformed HS codes, dates
// that do not parse or are out of order, caps without limits, superseded_by
// pointing nowhere and duplicate ids are errors naming the file and measure.
func Load(fsys fs.FS) (*Measures, error) {
	files, err := fs.Glob(fsys, "measures/*.json")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("goods: no measures/*.json files")
	}
	sort.Strings(files)
	ms := &Measures{byID: map[string]*Measure{}, byCode: map[string][]goodsRef{}, under: map[string][]goodsRef{}}
	var errs source.ErrorList
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		var rf regimeFile
		if err := dec.Decode(&rf); err != nil {
			errs.Skip(source.Pos{File: path.Base(f)}, "%v", err)
			continue
		}
		for _, m := range rf.Measures {
			m.Regime, m.Target, m.Authority, m.file = rf.Regime, rf.Target, rf.Authority, path.Base(f)
			pos := source.Pos{File: path.Base(f), Record: m.ID}
			if _, dup := ms.byID[m.ID]; dup || m.ID == "" {
				errs.Skip(pos, "duplicate or empty id")
				continue
			}
			if !validate(m, pos, &errs) {
				continue
			}
			ms.byID[m.ID] = m
			ms.All = append(ms.All, m)
		}
	}
	link(ms, &errs)
	index(ms)
	return ms, errs.Err()
}
