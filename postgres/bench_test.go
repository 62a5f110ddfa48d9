package postgres_test

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
)

// BenchmarkImportUNOFAC imports UN 2026-02-27 + OFAC SDN 2024-05-03 into a
// fresh schema (parsed once, outside the timer), then loads them back.
func BenchmarkImportUNOFAC(b *testing.B) {
	type parsed struct {
		v    embargo.ListVersion
		ents []embargo.Entity
	}
	var ps []parsed
	for _, rel := range []string{"un_sc_consolidated/consolidated_2026-02-27.xml", "ofac_sdn/sdn_2024-05-03.csv"} {
		files := []source.File{{Name: filepath.Base(rel), Data: testdata.Read(b, rel)}}
		f, err := ingest.Format(files, "")
		if err != nil {
			b.Fatal(err)
		}
		res, err := f.Parse(files)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, parsed{embargo.ListVersion{Source: f.Info().Source, Hash: ingest.Hash(files)}, res.Entities})
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

// BenchmarkLatestEntities loads the latest version of every list.
func BenchmarkLatestEntities(b *testing.B) {
	ctx := context.Background()
	s := open(b)
	defer s.Close()
	for _, rel := range []string{"un_sc_consolidated/consolidated_2026-02-27.xml", "ofac_sdn/sdn_2024-05-03.csv"} {
		files := []source.File{{Name: filepath.Base(rel), Data: testdata.Read(b, rel)}}
		if _, _, _, err := ingest.Import(ctx, s, files, ""); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		latest, err := s.Latest(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, v := range latest {
			if _, err := s.Entities(ctx, v.Source, v.Version); err != nil {
				b.Fatal(err)
			}
		}
	}
}
