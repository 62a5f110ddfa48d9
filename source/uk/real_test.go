package uk_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/uk"
)

const (
	conListXLSX = "uk/ofsi_ConList_2025-04-10.xlsx"
	conListCSV  = "uk/ofsi_ConList_2025-04-10_DERIVED_from_xlsx.csv"
	conList2020 = "uk/ofsi_conlist_csv_excerpt_2020-04-27.csv"
	fcdoExcerpt = "uk/UK_Sanctions_List_xml_EXCERPT_2026-03-26.xml"
)

// parsed caches the real files' results: several tests read the same file
// and the machine is shared. Tests must not modify a cached result.
var (
	parsedMu sync.Mutex
	parsed   = map[string]*source.Result{}
)

// parseReal parses one real file with format f, skipping when absent.
func parseReal(t testing.TB, f source.Format, rel string) *source.Result {
	t.Helper()
	key := f.Info().Name + "\x00" + rel
	parsedMu.Lock()
	defer parsedMu.Unlock()
	if res, ok := parsed[key]; ok {
		return res
	}
	res := parseFile(t, f, rel)
	parsed[key] = res
	return res
}

func parseFile(t testing.TB, f source.Format, rel string) *source.Result {
	t.Helper()
	p := testdata.Path(t, rel)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.Parse([]source.File{{Name: filepath.Base(p), Data: data}})
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return res
}

// Figures from shared/data/uk/SOURCE.md (ConList 2025-04-10): 4,686 Group
// IDs, 18,796 name rows; Russia 2,181 groups, DPRK 239.
func TestConList2025Counts(t *testing.T) {
	for _, rel := range []string{conListCSV, conListXLSX} {
		t.Run(filepath.Ext(rel), func(t *testing.T) {
			res := parseReal(t, uk.ConList{}, rel)
			checkConList2025(t, res)
		})
	}
}

func checkConList2025(t *testing.T, res *source.Result) {
	t.Helper()
	if got := len(res.Entities); got != 4686 {
		t.Errorf("entities = %d, want 4686 groups", got)
	}
	if want := (embargo.Date{Year: 2025, Month: 4, Day: 10}); res.Published != want {
		t.Errorf("published = %v, want %v", res.Published, want)
	}
	rows, regimes, schemas := 0, map[string]int{}, map[embargo.Schema]int{}
	for _, e := range res.Entities {
		rows += recordRows(t, e)
		schemas[e.Schema]++
		seen := map[string]bool{}
		for _, d := range e.Designations {
			if !seen[d.SourceProgram] {
				seen[d.SourceProgram] = true
				regimes[d.SourceProgram]++
			}
		}
	}
	if rows != 18796 {
		t.Errorf("rows kept in records = %d, want 18796", rows)
	}
	for regime, want := range map[string]int{"Russia": 2181, "Democratic People's Republic of Korea": 239, "Syria": 360} {
		if regimes[regime] != want {
			t.Errorf("groups with regime %q = %d, want %d", regime, regimes[regime], want)
		}
	}
	if res.Problems.Skipped() != 0 {
		t.Errorf("%d records skipped: %v", res.Problems.Skipped(), res.Problems)
	}
	t.Logf("schemas %v, %d problems", schemas, len(res.Problems))
	for i, p := range res.Problems {
		if i == 30 {
			break
		}
		t.Logf("problem: %v", p)
	}
}

// A group under two regimes carries one UK reference per regime.
func TestConList2025TwoRegimes(t *testing.T) {
	res := parseReal(t, uk.ConList{}, conListCSV)
	for _, e := range res.Entities {
		if e.ID != "uk:13919" {
			continue
		}
		got := map[string]string{}
		for _, d := range e.Designations {
			got[d.SourceProgram] = d.Ref
		}
		want := map[string]string{"Belarus": "BEL0047", "Global Human Rights": "GHR0051"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("uk:13919 refs by regime = %v, want %v", got, want)
		}
		return
	}
	t.Error("uk:13919 (Viktor LUKASHENKO) not found")
}

// The xlsx and the CSV dumped from it must give the same entities.
func TestConList2025XLSXEqualsCSV(t *testing.T) {
	a := parseReal(t, uk.ConList{}, conListCSV)
	b := parseReal(t, uk.ConList{}, conListXLSX)
	if len(a.Entities) != len(b.Entities) {
		t.Fatalf("csv %d entities, xlsx %d", len(a.Entities), len(b.Entities))
	}
	diff := 0
	for i := range a.Entities {
		if !reflect.DeepEqual(a.Entities[i], b.Entities[i]) {
			if diff < 3 {
				t.Errorf("entity %s differs between CSV and xlsx", a.Entities[i].ID)
			}
			diff++
		}
	}
	if diff > 0 {
		t.Errorf("%d entities differ", diff)
	}
}

// In the ConList of 2025-04-10, 866 groups carry "(UN Ref):" in Other
// Information; 862 write the reference well, four with a slip ("CDi. 037",
// "QDE.145") that the parser reads and reports.
func TestConList2025UNRefs(t *testing.T) {
	res := parseReal(t, uk.ConList{}, conListCSV)
	withLabel, withRef := 0, 0
	for _, e := range res.Entities {
		if strings.Contains(e.Remarks, "(UN Ref):") {
			withLabel++
		}
		if len(unCrossRefs(e)) > 0 {
			withRef++
		}
	}
	slips := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Msg, "(UN Ref): read") {
			slips++
		}
	}
	if withLabel != 866 || withRef != 866 {
		t.Errorf(`groups with "(UN Ref):" = %d, with un: cross refs = %d; want 866 and 866`, withLabel, withRef)
	}
	if withRef-slips != 862 {
		t.Errorf("groups with a well-written UN Ref = %d (slips %d), want 862", withRef-slips, slips)
	}
}

// recordRows counts the ConList rows an entity was made of, from its
// Record: CSV rows, and a last "# N more rows" line when the record was cut.
func recordRows(t testing.TB, e embargo.Entity) int {
	t.Helper()
	r := csv.NewReader(strings.NewReader(e.Record))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: record is not CSV: %v", e.ID, err)
	}
	n := len(recs)
	if last := recs[n-1]; len(last) == 1 && strings.HasPrefix(last[0], "# ") {
		var more int
		if _, err := fmt.Sscanf(last[0], "# %d more rows", &more); err != nil {
			t.Fatalf("%s: %q", e.ID, last[0])
		}
		n += more - 1
	}
	return n
}

func unCrossRefs(e embargo.Entity) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range e.Designations {
		for _, r := range d.CrossRefs {
			if strings.HasPrefix(r, "un:") && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

func TestConList2020Excerpt(t *testing.T) {
	res := parseReal(t, uk.ConList{}, conList2020)
	if want := (embargo.Date{Year: 2020, Month: 4, Day: 27}); res.Published != want {
		t.Errorf("published = %v, want %v", res.Published, want)
	}
	rows := 0
	for _, e := range res.Entities {
		rows += recordRows(t, e)
	}
	if rows != 23 {
		t.Errorf("rows = %d, want 23", rows)
	}
	byID := map[string]embargo.Entity{}
	for _, e := range res.Entities {
		byID[e.ID] = e
	}
	so := byID["uk:11039"]
	if got := len(so.BirthDates); got != 7 {
		t.Errorf("uk:11039 (SO Sang Kuk) birth dates = %d (%v), want 7 years 1932-1938", got, so.BirthDates)
	}
	if so.Caption() != "Sang-kuk SO" {
		t.Errorf("uk:11039 caption = %q, want the Prime Alias %q", so.Caption(), "Sang-kuk SO")
	}
	saeed := byID["uk:9215"]
	if got := unCrossRefs(saeed); !reflect.DeepEqual(got, []string{"un:QDi.263"}) {
		t.Errorf("uk:9215 UN refs = %v", got)
	}
	if saeed.Designations[0].Ref != "AQD0183" {
		t.Errorf("uk:9215 ref = %q, want AQD0183", saeed.Designations[0].Ref)
	}
	if got := unCrossRefs(byID["uk:9053"]); !reflect.DeepEqual(got, []string{"un:IRi.018"}) {
		t.Errorf("uk:9053 legacy \"UN Ref IRi.018\" = %v", got)
	}
	t.Logf("%d entities, problems: %v", len(res.Entities), res.Problems)
}

func TestFCDOExcerpt(t *testing.T) {
	res := parseReal(t, uk.FCDO{}, fcdoExcerpt)
	if got := len(res.Entities); got != 14 {
		t.Errorf("designations = %d, want 14", got)
	}
	if want := (embargo.Date{Year: 2026, Month: 3, Day: 26}); res.Published != want {
		t.Errorf("published = %v, want %v", res.Published, want)
	}
	for _, e := range res.Entities {
		if len(e.Designations) != 1 || !strings.HasPrefix(e.Designations[0].CrossRefs[0], "uk:") {
			t.Errorf("%s: designations %+v", e.ID, e.Designations)
		}
	}
	t.Logf("problems: %v", res.Problems)
}
