package xlsx_test

import (
	"archive/zip"
	"testing"

	"embargo/internal/xlsx"
)

// FuzzRows feeds arbitrary sheet and shared-string XML (stored uncompressed,
// so that mutations reach the XML) to the reader: it must never panic, and
// every row it yields must be numbered in sequence and within Excel's
// column limit.
//
//	go test -run '^$' -fuzz FuzzRows -fuzztime 60s -fuzzminimizetime 3s ./internal/xlsx/
//
// (the default minimisation, up to 60 s an input, shows as 0 execs/sec)
func FuzzRows(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>a&amp;b</t></r></is></c></row><row r="3"/></sheetData></worksheet>`,
		`<sst><si><r><t>x</t></r><rPh><t>y</t></rPh></si></sst>`)
	f.Add(`<x:worksheet><x:sheetData><x:row><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v><![CDATA[1&2]]></x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		`<sst><si><t>_x000D__xD83D__xDE00_&#x1F600;&#0;</t></si></sst>`)
	f.Add(`<worksheet><sheetData><row r="2" a='>'><!-- c --><c r="XFD2" t="str"><f>1</f><v>&#10;</v></c></row></sheetData></worksheet>`, ``)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		parts := bookParts("", "")
		parts[4].body = sheet
		parts = append(parts, part{"xl/sharedStrings.xml", sst})
		data := zipOf(t, zip.Store, parts...)
		readChecked(t, data)
	})
}

// FuzzOpen feeds arbitrary archive bytes: damaged zips, missing parts.
func FuzzOpen(f *testing.F) {
	f.Add(zipOf(f, zip.Store, bookParts(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, `<si><t>x</t></si>`)...))
	f.Add(zipOf(f, zip.Deflate, bookParts(`<row><c><v>1</v></c></row>`, ``)...))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readChecked(t, data)
	})
}

func readChecked(t *testing.T, data []byte) {
	wb, err := xlsx.Open("fuzz.xlsx", data)
	if err != nil {
		return
	}
	for i := range wb.SheetNames() {
		sh, err := wb.Sheet(i)
		if err != nil {
			continue
		}
		for n := 1; sh.Next(); n++ {
			if sh.RowNum() != n {
				t.Fatalf("row %d numbered %d", n, sh.RowNum())
			}
			if len(sh.Row()) > 16384 {
				t.Fatalf("row %d has %d cells", n, len(sh.Row()))
			}
		}
		sh.Close()
	}
}
