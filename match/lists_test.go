package match_test

import (
	"sync"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	_ "embargo/source/all"
)

// realLists are the official files of the measurements, by short name: the
// format ("" to detect) and the files of one list version, parsed in place
// from ../shared/data.
var realLists = map[string][]string{
	"un":     {"unsc", "un_sc_consolidated/consolidated_2026-02-27.xml"},
	"ofac":   {"ofac-csv", "ofac_sdn/sdn_2024-05-03.csv", "ofac_sdn/companion_2024-01/add.csv", "ofac_sdn/companion_2024-01/alt.csv", "ofac_sdn/companion_2024-01/sdn_comments.csv"},
	"nonsdn": {"", "ofac_consolidated_nonsdn/CONSOLIDATED_2026-01-08.xml"},
	"uk":     {"uk-conlist", "uk/ofsi_ConList_2025-04-10.xlsx"},
	"ca":     {"ca-sema", "canada_sema/sema_consolidated_2025-03.xml"},
	"au":     {"au-dfat", "australia_dfat/regulation8_consolidated_2024-11.xlsx"},
}

var (
	listMu    sync.Mutex
	listCache = map[string][]embargo.Entity{}
)

// loadLists parses the named lists (skipping when the data is absent) and
// returns their entities together. Parses are cached across tests.
func loadLists(tb testing.TB, names ...string) []embargo.Entity {
	tb.Helper()
	var out []embargo.Entity
	for _, n := range names {
		out = append(out, loadList(tb, n)...)
	}
	return out
}

func loadList(tb testing.TB, name string) []embargo.Entity {
	tb.Helper()
	listMu.Lock()
	defer listMu.Unlock()
	if ents, ok := listCache[name]; ok {
		return ents
	}
	ents := testdata.Parse(tb, realLists[name][0], realLists[name][1:]...)
	listCache[name] = ents
	return ents
}

// allLists is the full index of the measurements: UN, OFAC SDN 2024, OFAC
// non-SDN, UK, Canada, Australia.
var allLists = []string{"un", "ofac", "nonsdn", "uk", "ca", "au"}
