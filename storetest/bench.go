package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"embargo"
	"embargo/ingest"
	"embargo/internal/testdata"
	"embargo/source"
	_ "embargo/source/ofac" // the real lists the benchmarks load
	_ "embargo/source/unsc"
)

// realLists are the UN list of 2026-02-27 and the OFAC SDN CSV of
// 2024-05-03: 32,000 entities between them.
var realLists = []string{"un_sc_consolidated/consolidated_2026-02-27.xml", "ofac_sdn/sdn_2024-05-03.csv"}

// RealLists reads the benchmark lists from shared/data (skipping when it
// is absent), one file set per list.
func RealLists(b *testing.B) [][]source.File {
	var out [][]source.File
	for _, rel := range realLists {
		out = append(out, []source.File{{Name: filepath.Base(rel), Data: testdata.Read(b, rel)}})
	}
	return out
}

// BenchImport measures the store's share of an import: the lists are
// parsed once, outside the timer, then imported into a fresh store (open)
// on each iteration.
func BenchImport(b *testing.B, open func(b *testing.B) embargo.Store) {
	type parsed struct {
		v    embargo.ListVersion
		ents []embargo.Entity
	}
	var ps []parsed
	for _, files := range RealLists(b) {
		f, err := ingest.Format(files, "")
		if err != nil {
			b.Fatal(err)
		}
		res, err := f.Parse(files)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, parsed{embargo.ListVersion{Source: f.Info().Source, Hash: ingest.Hash(files), Format: f.Info().Name}, res.Entities})
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		for _, p := range ps {
			if _, _, err := s.Import(ctx, p.v, p.ents); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchLatestEntities measures what a screening starts from: loading the
// latest version of every list in s and all their entities.
func BenchLatestEntities(b *testing.B, s embargo.Store) {
	ctx := context.Background()
	for _, files := range RealLists(b) {
		if _, _, _, err := ingest.Import(ctx, s, files, ""); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		latest, err := s.Latest(ctx)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, v := range latest {
			ents, err := s.Entities(ctx, v.Source, v.Version)
			if err != nil {
				b.Fatal(err)
			}
			n += len(ents)
		}
		b.ReportMetric(float64(n), "entities")
	}
}
