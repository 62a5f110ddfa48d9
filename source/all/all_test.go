package all_test

import (
	"os"
	"path/filepath"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
	_ "embargo/source/all"
)

// realSet is "everything in ../shared/data named in the lists issue": each
// list in its official format, the format detected from content as
// `embargo lists import` does.
var realSet = [][]string{
	{"un_sc_consolidated/consolidated_2026-02-27.xml"},
	{"ofac_sdn/set_2021-07_consistent/sdn.csv", "ofac_sdn/set_2021-07_consistent/add.csv", "ofac_sdn/set_2021-07_consistent/alt.csv", "ofac_sdn/set_2021-07_consistent/sdn_comments.csv"},
	{"ofac_sdn/sdn_2024-05-03.csv"},
	{"uk/ofsi_ConList_2025-04-10.xlsx"},
	{"canada_sema/sema_consolidated_2025-03.xml"},
	{"ofac_consolidated_nonsdn/CONSOLIDATED_2026-01-08.xml"},
	{"australia_dfat/regulation8_consolidated_2024-11.xlsx"},
}

// wantCounts are the record counts the SOURCE.md files give.
var wantCounts = []int{730 + 273, 8976, 14965, 4686, 4759, 442, 3062}

func load(tb testing.TB) [][]source.File {
	tb.Helper()
	var sets [][]source.File
	for _, set := range realSet {
		var files []source.File
		for _, rel := range set {
			p := testdata.Path(tb, rel)
			b, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			files = append(files, source.File{Name: filepath.Base(p), Data: b})
		}
		sets = append(sets, files)
	}
	return sets
}

func parse(tb testing.TB, files []source.File) *source.Result {
	tb.Helper()
	f, err := source.Detect(files[0].Name, files[0].Data)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := f.Parse(files)
	if err != nil {
		tb.Fatalf("%s: %v", files[0].Name, err)
	}
	return res
}

// TestRealCountsByDetection parses each real list through detection, as
// `embargo lists import` does, and checks the SOURCE.md counts.
func TestRealCountsByDetection(t *testing.T) {
	sets := load(t)
	for i, files := range sets {
		res := parse(t, files)
		if got := len(res.Entities); got != wantCounts[i] {
			t.Errorf("%s: %d entities, SOURCE.md says %d", files[0].Name, got, wantCounts[i])
		}
		seen := map[string]bool{}
		for _, e := range res.Entities {
			if seen[e.ID] {
				t.Errorf("%s: duplicate id %s", files[0].Name, e.ID)
				break
			}
			seen[e.ID] = true
		}
	}
}

// BenchmarkParseAll parses and models every list of realSet once per op:
// the target is <= 1.5 s and <= 100 MB peak RSS on one core
// (go test -run '^$' -bench ParseAll -cpu 1 -benchtime 1x under /usr/bin/time -v).
func BenchmarkParseAll(b *testing.B) {
	sets := load(b)
	var size int64
	for _, files := range sets {
		for _, f := range files {
			size += int64(len(f.Data))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, files := range sets {
			n += len(parse(b, files).Entities)
		}
		b.ReportMetric(float64(n), "entities")
	}
}
