// Package embargo holds the domain of sanctions screening: entities named by
// official lists, the designations that name them, list versions, and the
// matches a screening produces. It imports only the standard library; every
// adapter (list formats, stores, HTTP) imports it, never the other way round.
package embargo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Schema is the kind of thing an entity is, after FollowTheMoney's schemata.
type Schema string

const (
	Person       Schema = "Person"
	Organization Schema = "Organization"
	Vessel       Schema = "Vessel"
	Aircraft     Schema = "Aircraft"
	Thing        Schema = "Thing" // fallback when a list does not say
)

// Schemas lists every schema in display order.
var Schemas = []Schema{Person, Organization, Vessel, Aircraft, Thing}

// ParseSchema accepts embargo's names, FtM's (Company, LegalEntity) and the
// words lists use ("individual", "entity", "ship").
func ParseSchema(s string) (Schema, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "individual", "people":
		return Person, true
	case "organization", "organisation", "entity", "company", "legalentity", "legal entity", "publicbody":
		return Organization, true
	case "vessel", "ship":
		return Vessel, true
	case "aircraft", "airplane":
		return Aircraft, true
	case "thing", "":
		return Thing, true
	}
	return "", false
}

// Compatible reports whether an entity of schema b may be the thing a query
// of schema a describes. Thing matches everything; a Person never matches a
// Vessel.
func Compatible(a, b Schema) bool {
	return a == "" || b == "" || a == Thing || b == Thing || a == b
}

// NameKind says what role a name plays in a record.
type NameKind string

const (
	PrimaryName  NameKind = "primary"
	AliasName    NameKind = "alias"
	FormerName   NameKind = "former"
	OriginalName NameKind = "original-script" // the name in its own script, as the list gives it
)

// Quality is the source's own judgement of an alias (UN Good/Low, OFAC
// strong/weak a.k.a., UK Alias Quality).
type Quality string

const (
	Strong Quality = "strong"
	Weak   Quality = "weak"
	Low    Quality = "low"
)

// Name is one name of an entity. Full is always set; parts are set where the
// source gives them.
type Name struct {
	Full       string   `json:"full"`
	Kind       NameKind `json:"kind"`
	Quality    Quality  `json:"quality,omitempty"`
	Script     string   `json:"script,omitempty"` // "Latin", "Cyrillic", "Hangul", "Han", "Arabic", ... (set by the parser via normalize-free DetectScript)
	Lang       string   `json:"lang,omitempty"`
	Given      string   `json:"given,omitempty"`
	Middle     string   `json:"middle,omitempty"`
	Family     string   `json:"family,omitempty"`
	Patronymic string   `json:"patronymic,omitempty"`
}

// Date is a calendar date of which only some parts may be known: a year, a
// year and month, or a full date. The zero Date is unknown.
type Date struct {
	Year  int `json:"year,omitempty"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// IsZero reports whether nothing is known of the date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String renders 2006, 2006-01 or 2006-01-02.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD and checks the calendar.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// Validate checks that the known parts form a real calendar date.
func (d Date) Validate() error {
	if d.Year < 1 || d.Year > 9999 {
		return fmt.Errorf("date %s: year out of range", d)
	}
	if d.Month == 0 {
		if d.Day != 0 {
			return fmt.Errorf("date %d-??-%02d: day without month", d.Year, d.Day)
		}
		return nil
	}
	if d.Month > 12 {
		return fmt.Errorf("date %s: month %d does not exist", d, d.Month)
	}
	if d.Day != 0 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return fmt.Errorf("date %s: day %d does not exist in that month", d, d.Day)
		}
	}
	return nil
}

// Time returns the first instant the date can mean (month and day default to 1).
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// DateOf returns the full Date of t.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Before reports whether every day d can mean is before every day e can mean.
func (d Date) Before(e Date) bool {
	return d.last().Before(e.Time())
}

func (d Date) last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.Time()
}

// BirthDate is a date of birth as lists give it: one (partial) date, or a
// range (UN BETWEEN), possibly approximate (UN APPROXIMATELY, OFAC "circa").
type BirthDate struct {
	Date   Date `json:"date"`
	To     Date `json:"to,omitzero"` // set for a range; Date is then the start
	Approx bool `json:"approx,omitempty"`
}

// String renders "1984", "1950..1955", "~1960".
func (b BirthDate) String() string {
	s := b.Date.String()
	if !b.To.IsZero() {
		s += ".." + b.To.String()
	}
	if b.Approx {
		s = "~" + s
	}
	return s
}

// Contains reports whether d can fall inside b (partial dates compare on the
// parts both know; approximate dates allow one year either side).
func (b BirthDate) Contains(d Date) bool {
	if d.IsZero() || b.Date.IsZero() {
		return false
	}
	lo, hi := b.Date, b.Date
	if !b.To.IsZero() {
		hi = b.To
	}
	if b.Approx {
		lo, hi = Date{Year: lo.Year - 1}, Date{Year: hi.Year + 1}
	}
	return !d.Before(lo) && !hi.Before(d)
}

// IDType is the kind of an identifier.
type IDType string

const (
	Passport     IDType = "passport"
	NationalID   IDType = "national-id"
	IMO          IDType = "imo"
	MMSI         IDType = "mmsi"
	CallSign     IDType = "call-sign"
	Registration IDType = "registration" // company or aircraft registration number
	TaxID        IDType = "tax"
	SWIFT        IDType = "swift"
	OtherID      IDType = "other"
)

// Identifier is a typed document or registry number.
type Identifier struct {
	Type    IDType `json:"type"`
	Value   string `json:"value"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 of the issuer
	Note    string `json:"note,omitempty"`    // the source's own label or remark
}

// Address is a postal address; Full is set when the source gives one string.
type Address struct {
	Full       string `json:"full,omitempty"`
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty"` // ISO alpha-2
}

// String joins the address into one line.
func (a Address) String() string {
	if a.Full != "" {
		return a.Full
	}
	var parts []string
	for _, p := range []string{a.Street, a.City, a.Region, a.PostalCode, a.Country} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// Designation is one listing of an entity by one authority: a record apart
// from the entity, so that history and diffs stay clean (FtM Sanction).
type Designation struct {
	Authority     string   `json:"authority"`                // "UN Security Council", "US OFAC", "UK HM Treasury OFSI", ...
	List          string   `json:"list"`                     // "UN SC Consolidated", "SDN", "ConList", ...
	Program       string   `json:"program,omitempty"`        // normalised regime: DPRK, RUSSIA, IRAN, ...
	SourceProgram string   `json:"source_program,omitempty"` // the source's own code: "DPRK3", "RUSSIA-EO14024", "1718"
	Ref           string   `json:"ref"`                      // the source's reference: KPi.033, 20157, RUS0649
	ListedOn      Date     `json:"listed_on,omitzero"`
	CrossRefs     []string `json:"cross_refs,omitempty"` // other lists' references found in the record, as entity ids ("un:KPi.033")
}

// Entity is a person, organisation, vessel or aircraft named by a list, as
// one source record describes it.
type Entity struct {
	ID     string `json:"id"`     // SOURCE:REF, e.g. un:KPi.033, ofac:20157, uk:12345
	Source string `json:"source"` // un, ofac, uk, eu, ca, au, csl, ftm, demo
	Schema Schema `json:"schema"`

	Names        []Name        `json:"names"`
	BirthDates   []BirthDate   `json:"birth_dates,omitempty"` // for vessels and aircraft: build date
	BirthPlaces  []string      `json:"birth_places,omitempty"`
	Nationality  []string      `json:"nationality,omitempty"` // ISO alpha-2
	Citizenship  []string      `json:"citizenship,omitempty"`
	Countries    []string      `json:"countries,omitempty"` // other country links (addresses, registration, flag)
	Gender       string        `json:"gender,omitempty"`    // "male", "female"
	Titles       []string      `json:"titles,omitempty"`
	Positions    []string      `json:"positions,omitempty"`
	Identifiers  []Identifier  `json:"identifiers,omitempty"`
	Addresses    []Address     `json:"addresses,omitempty"`
	Designations []Designation `json:"designations"`
	Vessel       *VesselInfo   `json:"vessel,omitempty"`
	Remarks      string        `json:"remarks,omitempty"`

	// Record is the original record as published (XML element, CSV rows),
	// kept for display and audit.
	Record string `json:"record,omitempty"`
}

// VesselInfo holds what lists say of a ship or aircraft beyond its identifiers.
type VesselInfo struct {
	Flag    string `json:"flag,omitempty"` // ISO alpha-2
	Type    string `json:"type,omitempty"`
	Tonnage string `json:"tonnage,omitempty"`
	Owner   string `json:"owner,omitempty"`
}

// Caption is the entity's display name: its first primary name.
func (e *Entity) Caption() string {
	for _, n := range e.Names {
		if n.Kind == PrimaryName {
			return n.Full
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Full
	}
	return e.ID
}

// EntityID builds the stable id SOURCE:REF.
func EntityID(source, ref string) string { return source + ":" + ref }

// SplitID splits "un:KPi.033" into "un" and "KPi.033".
func SplitID(id string) (source, ref string, ok bool) {
	return strings.Cut(id, ":")
}
