package uk_test

import (
	"path/filepath"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/uk"
)

func benchParse(b *testing.B, f source.Format, rel string) {
	data := testdata.Read(b, rel)
	file := source.File{Name: filepath.Base(rel), Data: data}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Parse([]source.File{file}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseConListCSV parses the 15 MB CSV (4,686 groups).
func BenchmarkParseConListCSV(b *testing.B) { benchParse(b, uk.ConList{}, conListCSV) }

// BenchmarkParseConListXLSX parses the 2.2 MB xlsx holding the same rows;
// excelize inflates a 12.8 MB sheet and 4.2 MB of shared strings.
func BenchmarkParseConListXLSX(b *testing.B) { benchParse(b, uk.ConList{}, conListXLSX) }

// BenchmarkParseFCDO parses the 14-designation excerpt.
func BenchmarkParseFCDO(b *testing.B) { benchParse(b, uk.FCDO{}, fcdoExcerpt) }
