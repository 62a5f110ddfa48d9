package analysis_test

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"embargo"
	"embargo/analysis"
)

func date(y, m, d int) embargo.Date { return embargo.Date{Year: y, Month: m, Day: d} }

func ent(id string, schema embargo.Schema, name string, des ...embargo.Designation) embargo.Entity {
	src, _, _ := strings.Cut(id, ":")
	return embargo.Entity{ID: id, Source: src, Schema: schema, Names: []embargo.Name{{Full: name, Kind: embargo.PrimaryName}}, Designations: des}
}

func des(program, ref string, on embargo.Date, xrefs ...string) embargo.Designation {
	return embargo.Designation{Program: program, Ref: ref, ListedOn: on, CrossRefs: xrefs}
}

// catalog is a hand-written regime: five UN DPRK entities and one UN
// terrorism entity, and what the UK, OFAC, Australia and the EU list of them.
func catalog() []embargo.Entity {
	riWonHo := ent("un:KPi.033", embargo.Person, "RI WON HO", des("DPRK", "KPi.033", date(2016, 11, 30)))
	riWonHo.BirthDates = []embargo.BirthDate{{Date: date(1964, 7, 17)}}
	riWonHo.Nationality = []string{"KP"}
	ofacRi := ent("ofac:20001", embargo.Person, "RI, Won Ho", des("DPRK", "20001", embargo.Date{}))
	ofacRi.BirthDates = []embargo.BirthDate{{Date: date(1964, 7, 17)}}
	return []embargo.Entity{
		riWonHo,
		ent("un:KPe.001", embargo.Organization, "KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID)", des("DPRK", "KPe.001", date(2009, 4, 24))),
		ent("un:KPe.002", embargo.Organization, "KOREA RYONBONG GENERAL CORPORATION", des("DPRK", "KPe.002", date(2009, 4, 24), "eu:77")),
		ent("un:KPi.900", embargo.Person, "PAK CHOL SU", des("DPRK", "KPi.900", date(2020, 1, 1))),
		ent("un:KPi.901", embargo.Person, "KIM CHOL HO", des("DPRK", "KPi.901", date(2018, 3, 30))),
		ent("un:KPi.902", embargo.Person, "KIM CHOL HO", des("DPRK", "KPi.902", date(2018, 3, 30))),
		ent("un:QDi.001", embargo.Person, "ABU EXAMPLE", des("TERRORISM", "QDi.001", date(2001, 10, 6))),

		// The UK quotes the UN reference: found by cross-reference.
		ent("uk:13478", embargo.Person, "Won Ho RI", des("DPRK", "DPR0033", date(2017, 6, 2), "uk-fcdo:DPR0033", "un:KPi.033")),
		ent("uk:12000", embargo.Organization, "KOREA RYONBONG GENERAL CORPORATION", des("DPRK", "DPR0010", date(2009, 4, 14), "un:KPe.002")),
		ent("uk:9000", embargo.Person, "ABU EXAMPLE", des("TERRORISM", "AQD0001", date(2001, 10, 8), "un:QDi.001")),
		// OFAC quotes nothing: found by matching (a name without its acronym).
		ofacRi,
		ent("ofac:9345", embargo.Organization, "KOREA MINING DEVELOPMENT TRADING CORPORATION", des("DPRK", "9345", embargo.Date{})),
		// A vessel of the same name as a UN entity is not that entity.
		ent("ofac:9999", embargo.Vessel, "PAK CHOL SU", des("DPRK", "9999", embargo.Date{})),
		// OFAC's KIM CHOL HO cites un:KPi.902: it is not un:KPi.901, whatever the name says.
		ent("ofac:30000", embargo.Person, "KIM, Chol Ho", des("DPRK", "30000", embargo.Date{}, "un:KPi.902")),
		// Australia quotes the UN reference as its own.
		ent("au:1113", embargo.Organization, "Korea Ryonbong General Corporation", des("DPRK", "KPe.002", date(2009, 5, 1))),
		// The UN record cites the EU's.
		ent("eu:77", embargo.Organization, "Korea Ryonbong General Corp", des("DPRK", "EU.77.1", date(2009, 4, 20))),
	}
}

func entry(t *testing.T, rep *analysis.Report, id string) analysis.Entry {
	t.Helper()
	for _, e := range rep.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entry %s in %+v", id, rep.Entries)
	return analysis.Entry{}
}

func counterparts(e analysis.Entry) map[string]string {
	out := map[string]string{}
	for _, c := range e.Counterparts {
		out[c.ID] = c.Found
	}
	return out
}

func TestCoverage(t *testing.T) {
	rep := analysis.Coverage(catalog(), nil, analysis.Options{Regime: "dprk"})
	if rep.Reference != "un" || rep.Regime != "DPRK" || rep.Entities != 6 {
		t.Fatalf("reference %q regime %q entities %d, want un DPRK 6 (the terrorism entity left out)", rep.Reference, rep.Regime, rep.Entities)
	}

	// Cross-reference: the UK record cites the UN id; lag 2016-11-30 -> 2017-06-02.
	ri := entry(t, rep, "un:KPi.033")
	got := counterparts(ri)
	if got["uk:13478"] != analysis.FoundCrossRef {
		t.Errorf("un:KPi.033 counterparts %v, want uk:13478 by cross-reference", got)
	}
	if f := got["ofac:20001"]; f != "match 1.00" {
		t.Errorf("un:KPi.033 on ofac found %q, want match 1.00", f)
	}
	for _, c := range ri.Counterparts {
		if c.ID == "uk:13478" && (c.LagDays == nil || *c.LagDays != 184) {
			t.Errorf("uk:13478 lag %v, want 184 days", c.LagDays)
		}
	}

	// Match: OFAC's KOMID without "(KOMID)".
	if f := counterparts(entry(t, rep, "un:KPe.001"))["ofac:9345"]; f != "match 1.00" {
		t.Errorf("un:KPe.001 on ofac found %q, want match 1.00", f)
	}

	// Same reference quoted by Australia; the UN record citing the EU's.
	ryon := counterparts(entry(t, rep, "un:KPe.002"))
	want := map[string]string{"uk:12000": analysis.FoundCrossRef, "au:1113": analysis.FoundCrossRef, "eu:77": analysis.FoundCrossRef}
	if !reflect.DeepEqual(ryon, want) {
		t.Errorf("un:KPe.002 counterparts %v, want %v", ryon, want)
	}

	// Gaps: PAK CHOL SU (OFAC's namesake is a vessel) and KIM CHOL HO
	// KPi.901 (OFAC's namesake cites KPi.902).
	var gaps []string
	for _, g := range rep.Gaps {
		gaps = append(gaps, g.ID)
	}
	if !slices.Equal(gaps, []string{"un:KPi.900", "un:KPi.901"}) {
		t.Errorf("gaps %v, want un:KPi.900 un:KPi.901", gaps)
	}
	if f := counterparts(entry(t, rep, "un:KPi.902"))["ofac:30000"]; f != analysis.FoundCrossRef {
		t.Errorf("un:KPi.902 on ofac found %q, want cross-reference", f)
	}

	// Per source.
	var srcs []string
	for _, s := range rep.Sources {
		srcs = append(srcs, s.Source)
	}
	if !slices.Equal(srcs, []string{"au", "eu", "ofac", "uk"}) {
		t.Fatalf("sources %v, want au eu ofac uk", srcs)
	}
	uk := rep.Sources[3]
	if uk.Listed != 3 || uk.Covered != 2 || uk.Percent != 33.3 || uk.ByCrossRef != 2 || uk.ByMatch != 0 {
		t.Errorf("uk: %+v, want 3 listed, 2 covered (33.3%%), both by cross-reference", uk)
	}
	// Lags: +184 (Ri Won Ho) and -10 (Ryonbong, listed by the UK before the UN).
	if want := (analysis.Lag{Dated: 2, MedianDays: 87, MaxDays: 184, ListedBefore: 1}); uk.Lag != want {
		t.Errorf("uk lag %+v, want %+v", uk.Lag, want)
	}
	if len(uk.Missing) != 4 || uk.Missing[0].ID != "un:KPe.001" {
		t.Errorf("uk misses %+v, want 4 starting with un:KPe.001", uk.Missing)
	}
	ofac := rep.Sources[2]
	if ofac.Covered != 3 || ofac.ByMatch != 2 || ofac.ByCrossRef != 1 || ofac.Lag.Dated != 0 {
		t.Errorf("ofac: %+v, want 3 covered: 2 by match, 1 by cross-reference, no dates", ofac)
	}
}

func TestCoverageAllRegimesAndSources(t *testing.T) {
	rep := analysis.Coverage(catalog(), nil, analysis.Options{Sources: []string{"uk", "ca"}})
	if rep.Entities != 7 {
		t.Errorf("entities %d, want 7 (every regime)", rep.Entities)
	}
	if len(rep.Sources) != 2 || rep.Sources[0].Source != "ca" || rep.Sources[0].Listed != 0 || rep.Sources[1].Covered != 3 {
		t.Errorf("sources %+v, want ca (nothing stored) and uk covering 3", rep.Sources)
	}
	if f := counterparts(entry(t, rep, "un:QDi.001"))["uk:9000"]; f != analysis.FoundCrossRef {
		t.Errorf("un:QDi.001 on uk found %q, want cross-reference", f)
	}
}

func TestCoverageOtherReference(t *testing.T) {
	rep := analysis.Coverage(catalog(), nil, analysis.Options{Reference: "uk", Regime: "DPRK"})
	if rep.Entities != 2 {
		t.Fatalf("entities %d, want the UK's 2 DPRK entities", rep.Entities)
	}
	// un:KPi.033 is cited by uk:13478: found from the UK side too.
	if f := counterparts(entry(t, rep, "uk:13478"))["un:KPi.033"]; f != analysis.FoundCrossRef {
		t.Errorf("uk:13478 on un found %q, want cross-reference", f)
	}
}

func TestCoverageEmptyReference(t *testing.T) {
	rep := analysis.Coverage(catalog(), nil, analysis.Options{Reference: "nosuch"})
	if rep.Entities != 0 || len(rep.Gaps) != 0 || rep.Entries == nil || rep.Gaps == nil {
		t.Errorf("%+v, want nothing followed and empty (not null) lists", rep)
	}
}

// TestCoverageDeterministic: the same report whatever the catalog's order.
func TestCoverageDeterministic(t *testing.T) {
	first, err := json.Marshal(analysis.Coverage(catalog(), nil, analysis.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		ents := catalog()
		r.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
		again, _ := json.Marshal(analysis.Coverage(ents, nil, analysis.Options{}))
		if string(again) != string(first) {
			t.Fatalf("report differs with the catalog shuffled:\n%s\n%s", first, again)
		}
	}
}

// TestCoverageStaleCitation: a record citing a reference id the reference
// no longer lists does not stop a match; a tie is named in the detail.
func TestCoverageStaleCitation(t *testing.T) {
	ents := []embargo.Entity{
		ent("un:KPi.100", embargo.Person, "SO CHANG HO", des("DPRK", "KPi.100", date(2017, 8, 5))),
		ent("ofac:1", embargo.Person, "SO, Chang Ho", des("DPRK", "1", embargo.Date{}, "un:KPi.099")),
		ent("ofac:2", embargo.Person, "SO Chang Ho", des("SDGT", "2", embargo.Date{})),
	}
	rep := analysis.Coverage(ents, nil, analysis.Options{})
	e := entry(t, rep, "un:KPi.100")
	if f := counterparts(e)["ofac:1"]; f != "match 1.00" {
		t.Errorf("found %q, want match 1.00", f)
	}
	// The namesake or duplicate that scores as well is named, not counted.
	if len(e.Counterparts) != 1 || !strings.HasSuffix(e.Counterparts[0].Detail, "; as good: ofac:2") {
		t.Errorf("counterparts %+v, want ofac:1 naming ofac:2 as as good", e.Counterparts)
	}
}
