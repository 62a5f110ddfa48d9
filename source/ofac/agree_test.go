package ofac_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"embargo"
	"embargo/source/ofac"
)

// setOf renders xs order-insensitively: the CSV and the XML list the same
// facts in different orders.
func setOf[T any](xs []T) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprint(x))
	}
	sort.Strings(s)
	return strings.Join(s, " | ")
}

func nameKeys(ns []embargo.Name) []string {
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("%s/%s/%s/%s/%s", n.Kind, n.Quality, n.Full, n.Family, n.Given))
	}
	return out
}

// TestConsCSVAgreesWithXML reads the non-SDN list in both formats (CSV of
// Dec 2025, XML of 2026-01-08, 442 entries each) and checks that the two
// parsers give each entry the same names, dates, places, nationalities,
// identifiers, designations and countries. The one known difference is the
// source's: the CSV writes an alias's inner double quotes as single quotes.
func TestConsCSVAgreesWithXML(t *testing.T) {
	names := []string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
	c := mustParse(t, ofac.NameConsCSV, setFiles(t, "ofac_consolidated_nonsdn/csv_2025-12", names))
	x := mustParse(t, ofac.NameConsXML, readFiles(t, "ofac_consolidated_nonsdn/CONSOLIDATED_2026-01-08.xml"))
	byID := map[string]*embargo.Entity{}
	for i := range x.Entities {
		byID[x.Entities[i].ID] = &x.Entities[i]
	}
	var diffs []string
	for _, e := range c.Entities {
		y := byID[e.ID]
		if y == nil {
			diffs = append(diffs, e.ID+" absent from the XML")
			continue
		}
		for _, f := range []struct{ name, csv, xml string }{
			{"schema", string(e.Schema), string(y.Schema)},
			{"names", setOf(nameKeys(e.Names)), setOf(nameKeys(y.Names))},
			{"birth_dates", setOf(e.BirthDates), setOf(y.BirthDates)},
			{"birth_places", setOf(e.BirthPlaces), setOf(y.BirthPlaces)},
			{"nationality", setOf(e.Nationality), setOf(y.Nationality)},
			{"identifiers", setOf(e.Identifiers), setOf(y.Identifiers)},
			{"designations", setOf(e.Designations), setOf(y.Designations)},
			{"countries", setOf(e.Countries), setOf(y.Countries)},
		} {
			if f.csv != f.xml {
				diffs = append(diffs, e.ID+" "+f.name)
				t.Logf("%s %s:\n csv %s\n xml %s", e.ID, f.name, f.csv, f.xml)
			}
		}
	}
	if got := strings.Join(diffs, ", "); got != "ofac-cons:22391 names" {
		t.Errorf("CSV and XML differ on: %s", got)
	}
}
