package ofac_test

import (
	"testing"

	"embargo/source"
	"embargo/source/ofac"
)

func benchParse(b *testing.B, format string, files []source.File) {
	f, _ := source.Lookup(format)
	var size int64
	for _, fl := range files {
		size += int64(len(fl.Data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Parse(files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSDN2024 parses the 3.9 MB sdn.csv of 2024-05-03 (14,965 rows).
func BenchmarkParseSDN2024(b *testing.B) {
	benchParse(b, ofac.NameCSV, readFiles(b, "ofac_sdn/sdn_2024-05-03.csv"))
}

// BenchmarkParseSet2021 parses the consistent 4-file set of 2021-07.
func BenchmarkParseSet2021(b *testing.B) {
	benchParse(b, ofac.NameCSV, setFiles(b, "ofac_sdn/set_2021-07_consistent", set2021))
}

// BenchmarkParseConsXML parses the non-SDN XML of 2026-01-08 (442 entries).
func BenchmarkParseConsXML(b *testing.B) {
	benchParse(b, ofac.NameConsXML, readFiles(b, "ofac_consolidated_nonsdn/CONSOLIDATED_2026-01-08.xml"))
}
