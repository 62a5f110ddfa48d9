package ingest_test

import (
	"context"
	"path/filepath"
	"testing"

	"embargo"
	"embargo/ingest"
	"embargo/internal/testdata"
	"embargo/source"
	_ "embargo/source/ofac"
	_ "embargo/source/unsc"
	"embargo/sqlite"
)

// realLists are the UN list of 2026-02-27 and the OFAC SDN CSV of 2024-05-03.
func realLists(b *testing.B) [][]source.File {
	rels := []string{"un_sc_consolidated/consolidated_2026-02-27.xml", "ofac_sdn/sdn_2024-05-03.csv"}
	var out [][]source.File
	for _, rel := range rels {
		out = append(out, []source.File{{Name: filepath.Base(rel), Data: testdata.Read(b, rel)}})
	}
	return out
}

func openB(b *testing.B) *sqlite.Store {
	b.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "embargo.db"))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImportUNOFAC parses and imports UN + OFAC 2024 into a fresh store.
func BenchmarkImportUNOFAC(b *testing.B) {
	lists := realLists(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := openB(b)
		b.StartTimer()
		n := 0
		for _, files := range lists {
			v, _, _, err := ingest.Import(ctx, s, files, "")
			if err != nil {
				b.Fatal(err)
			}
			n += v.Entities
		}
		b.StopTimer()
		s.Close()
		b.ReportMetric(float64(n), "entities")
		b.StartTimer()
	}
}

// BenchmarkStoreImportUNOFAC is the store's share: the entities are parsed once.
func BenchmarkStoreImportUNOFAC(b *testing.B) {
	lists := realLists(b)
	ctx := context.Background()
	type parsed struct {
		v    embargo.ListVersion
		ents []embargo.Entity
	}
	var ps []parsed
	for _, files := range lists {
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
	for b.Loop() {
		b.StopTimer()
		s := openB(b)
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

// BenchmarkLatestEntities loads what a screening starts from: the latest
// version of every list and all their entities.
func BenchmarkLatestEntities(b *testing.B) {
	lists := realLists(b)
	ctx := context.Background()
	s := openB(b)
	defer s.Close()
	for _, files := range lists {
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

// BenchmarkDiffOFAC compares the SDN lists of 2022-02-17 and 2024-05-03
// (9,056 and 14,965 entities; 6,400 added, 491 removed, 716 changed).
func BenchmarkDiffOFAC(b *testing.B) {
	ctx := context.Background()
	s := openB(b)
	defer s.Close()
	for _, rel := range []string{"ofac_sdn/sdn_2022-02-17.csv", "ofac_sdn/sdn_2024-05-03.csv"} {
		files := []source.File{{Name: filepath.Base(rel), Data: testdata.Read(b, rel)}}
		if _, _, _, err := ingest.Import(ctx, s, files, ""); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		d, err := s.Diff(ctx, "ofac", 0, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(d.Changed)), "changed")
	}
}
