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
	"embargo/storetest"
)

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
	lists := storetest.RealLists(b)
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
	storetest.BenchImport(b, func(b *testing.B) embargo.Store { return openB(b) })
}

// BenchmarkLatestEntities loads what a screening starts from: the latest
// version of every list and all their entities.
func BenchmarkLatestEntities(b *testing.B) {
	s := openB(b)
	defer s.Close()
	storetest.BenchLatestEntities(b, s)
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
