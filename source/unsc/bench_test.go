package unsc_test

import (
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/unsc"
)

// BenchmarkParseUN parses the full 2026-02-27 consolidated list (2 MB,
// 1003 records).
func BenchmarkParseUN(b *testing.B) {
	const rel = "un_sc_consolidated/consolidated_2026-02-27.xml"
	data := testdata.Read(b, rel)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := unsc.Format{}.Parse([]source.File{{Name: rel, Data: data}})
		if err != nil || len(res.Entities) != 1003 {
			b.Fatalf("%v, %d entities", err, len(res.Entities))
		}
	}
}
