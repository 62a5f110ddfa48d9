package match_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
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
	var files []source.File
	for _, rel := range realLists[name][1:] {
		p := testdata.Path(tb, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, source.File{Name: filepath.Base(p), Data: data})
	}
	f, err := source.Detect(files[0].Name, files[0].Data)
	if format := realLists[name][0]; format != "" {
		var ok bool
		if f, ok = source.Lookup(format); !ok {
			tb.Fatalf("format %s not registered", format)
		}
	} else if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	start := time.Now()
	res, err := f.Parse(files)
	tb.Logf("%s: %d entities parsed in %s", name, len(res.Entities), time.Since(start).Round(time.Millisecond))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	listCache[name] = res.Entities
	return res.Entities
}

// allLists is the full index of the measurements: UN, OFAC SDN 2024, OFAC
// non-SDN, UK, Canada, Australia.
var allLists = []string{"un", "ofac", "nonsdn", "uk", "ca", "au"}
