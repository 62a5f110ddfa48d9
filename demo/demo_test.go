package demo_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"embargo"
	"embargo/demo"
)

func load(t *testing.T) []embargo.Entity {
	t.Helper()
	ents, err := demo.Entities()
	if err != nil {
		t.Fatal(err)
	}
	return ents
}

// authorities maps the id prefix to the designating authority.
var authorities = map[string]string{
	"ofac": "US OFAC",
	"un":   "UN Security Council",
	"uk":   "UK HM Treasury OFSI",
	"ca":   "Global Affairs Canada",
	"au":   "Australia DFAT",
}

var idRe = regexp.MustCompile(`^demo:(ofac|un|uk|ca|au)-(.+)$`)

// TestWellFormed checks every entity: a unique id demo:<authority>-<ref>
// that one of its designations carries, a known schema, a primary name,
// valid dates and ISO country codes.
func TestWellFormed(t *testing.T) {
	ents := load(t)
	if n := len(ents); n < 60 || n > 100 {
		t.Errorf("%d entities, want 60 to 100", n)
	}
	seen := map[string]bool{}
	for _, e := range ents {
		if seen[e.ID] {
			t.Errorf("id %s repeated", e.ID)
		}
		seen[e.ID] = true
		if e.Source != demo.Source {
			t.Errorf("%s: source %q", e.ID, e.Source)
		}
		if !slices.Contains(embargo.Schemas, e.Schema) || e.Schema == embargo.Thing {
			t.Errorf("%s: schema %q", e.ID, e.Schema)
		}
		checkID(t, e)
		checkNames(t, e)
		checkDates(t, e)
		for _, c := range slices.Concat(e.Nationality, e.Countries, e.Citizenship) {
			if !regexp.MustCompile(`^[A-Z]{2}$`).MatchString(c) {
				t.Errorf("%s: country %q is not ISO alpha-2", e.ID, c)
			}
		}
	}
}

func checkID(t *testing.T, e embargo.Entity) {
	m := idRe.FindStringSubmatch(e.ID)
	if m == nil {
		t.Errorf("id %s is not demo:<authority>-<ref>", e.ID)
		return
	}
	found := false
	for _, d := range e.Designations {
		if d.Authority == "" || d.Ref == "" || d.List == "" {
			t.Errorf("%s: designation without authority, list or ref: %+v", e.ID, d)
		}
		if d.Authority == authorities[m[1]] && d.Ref == m[2] {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: no designation by %s with ref %s", e.ID, authorities[m[1]], m[2])
	}
}

func checkNames(t *testing.T, e embargo.Entity) {
	primary := 0
	for _, n := range e.Names {
		if n.Full == "" || n.Script == "" || n.Kind == "" {
			t.Errorf("%s: incomplete name %+v", e.ID, n)
		}
		if n.Kind == embargo.PrimaryName {
			primary++
		}
	}
	if primary != 1 {
		t.Errorf("%s: %d primary names, want 1", e.ID, primary)
	}
}

func checkDates(t *testing.T, e embargo.Entity) {
	for _, b := range e.BirthDates {
		if err := b.Date.Validate(); err != nil {
			t.Errorf("%s: %v", e.ID, err)
		}
		if !b.To.IsZero() && !b.Date.Before(b.To) {
			t.Errorf("%s: range %s not ordered", e.ID, b)
		}
	}
	for _, d := range e.Designations {
		if !d.ListedOn.IsZero() {
			if err := d.ListedOn.Validate(); err != nil {
				t.Errorf("%s: listed on: %v", e.ID, err)
			}
		}
	}
}

// validIMO checks the IMO number's check digit: the sum of the first six
// digits weighted 7..2 ends in the seventh (IMO Resolution A.1117(30)).
func validIMO(s string) bool {
	if len(s) != 7 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(s[i]-'0') * (7 - i)
	}
	return sum%10 == int(s[6]-'0')
}

// TestVessels: every vessel carries a well-formed IMO number.
func TestVessels(t *testing.T) {
	dprk := 0
	for _, e := range load(t) {
		if e.Schema != embargo.Vessel {
			continue
		}
		imo := ""
		for _, id := range e.Identifiers {
			if id.Type == embargo.IMO {
				imo = id.Value
			}
		}
		if !validIMO(imo) {
			t.Errorf("%s %s: IMO %q fails its check digit", e.ID, e.Caption(), imo)
		}
		if e.Designations[0].Program == "DPRK" {
			dprk++
		}
	}
	if dprk < 5 {
		t.Errorf("%d DPRK vessels, want at least 5", dprk)
	}
}

func find(t *testing.T, ents []embargo.Entity, id string) embargo.Entity {
	t.Helper()
	for _, e := range ents {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("%s not in the demo data", id)
	return embargo.Entity{}
}

func hasName(e embargo.Entity, kind embargo.NameKind, full string) bool {
	for _, n := range e.Names {
		if n.Kind == kind && n.Full == full {
			return true
		}
	}
	return false
}

func hasDesignation(e embargo.Entity, authority, ref string) bool {
	for _, d := range e.Designations {
		if d.Authority == authority && d.Ref == ref {
			return true
		}
	}
	return false
}

// TestNamedParties checks the parties the demo is built around, with the
// facts the lists give.
func TestNamedParties(t *testing.T) {
	ents := load(t)
	kim := find(t, ents, "demo:ofac-20157")
	if kim.Caption() != "KIM, Jong Un" || !hasName(kim, embargo.OriginalName, "김정은") ||
		len(kim.BirthDates) != 1 || kim.BirthDates[0].Date.String() != "1984-01-08" {
		t.Errorf("KIM Jong Un: %+v", kim)
	}
	komid := find(t, ents, "demo:un-KPe.001")
	if !hasName(komid, embargo.AliasName, "KOMID") || !hasDesignation(komid, "US OFAC", "9345") {
		t.Errorf("KOMID: %+v", komid)
	}
	if ftb := find(t, ents, "demo:un-KPe.047"); !strings.Contains(ftb.Caption(), "FOREIGN TRADE BANK") {
		t.Errorf("Foreign Trade Bank: %s", ftb.Caption())
	}
	if kkbc := find(t, ents, "demo:un-KPe.025"); !strings.Contains(kkbc.Caption(), "KWANGSON BANKING") {
		t.Errorf("Korea Kwangson Banking Corp: %s", kkbc.Caption())
	}
	tay := find(t, ents, "demo:ofac-35237")
	if !hasName(tay, embargo.OriginalName, "Тайсаев Казбек Куцукович") || !hasDesignation(tay, "UK HM Treasury OFSI", "RUS0649") ||
		tay.BirthDates[0].Date.String() != "1967-02-12" {
		t.Errorf("TAYSAEV: %+v", tay)
	}
	putin := find(t, ents, "demo:ofac-35096")
	if !hasName(putin, embargo.OriginalName, "Путин Владимир Владимирович") || !hasName(putin, embargo.OriginalName, "Владимир Владимирович Путин") ||
		!hasDesignation(putin, "UK HM Treasury OFSI", "RUS0251") {
		t.Errorf("PUTIN: %+v", putin)
	}
}

// TestRegimes: the subset covers both regimes, persons and organisations.
func TestRegimes(t *testing.T) {
	by := map[string]map[embargo.Schema]int{"DPRK": {}, "RUSSIA": {}}
	for _, e := range load(t) {
		for _, d := range e.Designations {
			if m, ok := by[d.Program]; ok {
				m[e.Schema]++
				break
			}
		}
	}
	for regime, m := range by {
		if m[embargo.Person] < 8 || m[embargo.Organization] < 8 {
			t.Errorf("%s: %v, want at least 8 persons and 8 organisations", regime, m)
		}
	}
}
