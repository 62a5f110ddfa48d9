package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"embargo/internal/xlsx"
)

const (
	ns      = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// part is one file of a workbook archive, in the order written.
type part struct{ name, body string }

// zipOf builds a workbook archive as Excel lays it out; method is
// zip.Deflate or zip.Store.
func zipOf(tb testing.TB, method uint16, parts ...part) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// book is a one-sheet workbook: rows is the content of <sheetData>, sst the
// items of the shared string table ("" for no sharedStrings.xml).
func book(tb testing.TB, rows, sst string) []byte {
	tb.Helper()
	return zipOf(tb, zip.Deflate, bookParts(rows, sst)...)
}

func bookParts(rows, sst string) []part {
	ps := []part{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relType + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + `><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relType + `worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="` + relType + `sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", "\ufeff" + `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + ns + `><dimension ref="A1:C3"/><sheetData>` + rows + `</sheetData><pageMargins left="0.7"/></worksheet>`},
	}
	if sst != "" {
		ps = append(ps, part{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ` + ns + ` count="9" uniqueCount="9">` + sst + `</sst>`})
	}
	return ps
}

// readAll reads every row of the first sheet.
func readAll(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	sh, err := xlsx.ReadSheet("test.xlsx", data, 0)
	if err != nil {
		tb.Fatal(err)
	}
	var rows [][]string
	for sh.Next() {
		if sh.RowNum() != len(rows)+1 {
			tb.Fatalf("RowNum %d at row %d", sh.RowNum(), len(rows)+1)
		}
		rows = append(rows, slices.Clone(sh.Row()))
	}
	if err := sh.Err(); err != nil {
		tb.Fatal(err)
	}
	return rows
}

func check(t *testing.T, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows %q, want %d %q", len(got), got, len(want), want)
	}
	for i := range want {
		if len(got[i]) == 0 && len(want[i]) == 0 {
			continue
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, got[i], want[i])
		}
	}
}

func TestSharedStrings(t *testing.T) {
	sst := `<si><t>Last Updated</t></si>` +
		`<si><r><rPr><b/><sz val="11"/></rPr><t>AL-</t></r><r><t xml:space="preserve"> QAIDA </t></r></si>` + // rich text
		`<si><t>Tom &amp; Jerry &lt;Ltd&gt; &quot;x&quot; &apos;y&apos;</t></si>` +
		`<si><t>line1&#10;line2&#xD;&#x41;&#x1F600;</t></si>` +
		`<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>` + // phonetic guide left out
		`<si><t>a_x000D_b _x005F_x0041_ c_xD83D__xDE00_</t></si>` + // ST_Xstring escapes
		`<si><t/></si>` +
		`<si/>` +
		`<si><t>AT&amp;T &unknown; & x</t></si>`
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> 2 </v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="s"><v>8</v></c></row>`
	check(t, readAll(t, book(t, rows, sst)), [][]string{
		{"Last Updated", "AL- QAIDA ", `Tom & Jerry <Ltd> "x" 'y'`},
		{"line1\nline2\rA😀", "東京", "a\rb _x0041_ c😀"},
		{"", "", "AT&T &unknown; & x"},
	})
}

func TestInlineStringsAndTypes(t *testing.T) {
	rows := `<row r="1">` +
		`<c r="A1" t="inlineStr"><is><t>inline &amp; plain</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c>` +
		`<c r="C1" s="3"><v>21916</v></c>` + // a date: the serial stays raw
		`<c r="D1" t="n"><v>1.5E-3</v></c>` +
		`<c r="E1" t="b"><v>1</v></c>` +
		`<c r="F1" t="b"><v>0</v></c>` +
		`<c r="G1" t="e"><v>#N/A</v></c>` +
		`<c r="H1" t="str"><f>A1&amp;"x"</f><v>inline &amp; plainx</v></c>` +
		`<c r="I1" t="d"><v>1960-01-01T00:00:00Z</v></c>` +
		`<c r="J1" t="inlineStr"><is><t xml:space="preserve">  padded  </t></is></c>` +
		`</row>`
	check(t, readAll(t, book(t, rows, "")), [][]string{
		{"inline & plain", "rich inline", "21916", "1.5E-3", "1", "0", "#N/A", "inline & plainx", "1960-01-01T00:00:00Z", "  padded  "},
	})
}

// Gaps: cells Excel did not write are "", rows it did not write are empty,
// and a row ends at its last value.
func TestGaps(t *testing.T) {
	rows := `<row r="2" spans="1:13"><c r="C2"><v>3</v></c><c r="F2"><v>6</v></c><c r="G2" s="14"/><c r="H2" t="s"><v></v></c></row>` +
		`<row r="5"/>` +
		`<row r="6"><c r="AA6"><v>27</v></c></row>` +
		`<row r="7" ht="150"><c r="A7" s="1"/></row>`
	check(t, readAll(t, book(t, rows, "")), [][]string{
		{},
		{"", "", "3", "", "", "6"},
		{}, {}, {},
		append(make([]string, 26), "27"),
		{},
	})
}

// Rows and cells without r follow the previous ones.
func TestNoReferences(t *testing.T) {
	rows := `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>` +
		`<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>` +
		`<row r="4"><c><v>x</v></c></row>` +
		`<row><c t="str"><v>y</v></c></row>`
	check(t, readAll(t, book(t, rows, "")), [][]string{
		{"a", "2"},
		{"", "", "3", "4"},
		{},
		{"x"},
		{"y"},
	})
}

// XML the way other generators write it: a namespace prefix (OpenXML SDK),
// comments, CDATA, CRLF line ends, a '>' inside an attribute value,
// whitespace between tags.
func TestXMLForms(t *testing.T) {
	sheet := `<?xml version="1.0"?>` + "\r\n" + `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		"\r\n  <x:sheetData>\r\n    <!-- a <row> in a comment -->\r\n" +
		`    <x:row r="1" x:note="a>b"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<b>&amp;</b>]]></x:t></x:is></x:c>` + "\r\n" +
		`      <x:c r='B1' t='inlineStr'><x:is><x:t>one` + "\r\n" + `two` + "\r" + `three</x:t></x:is></x:c>` +
		"\r\n    </x:row >\r\n  </x:sheetData>\r\n</x:worksheet>"
	data := zipOf(t, zip.Deflate, part{"xl/worksheets/sheet1.xml", sheet})
	check(t, readAll(t, data), [][]string{{"<b>&amp;</b>", "one\ntwo\nthree"}})
}

// The workbook's sheet order decides which part is sheet 0, whatever the
// part names; targets may be absolute.
func TestSheetOrder(t *testing.T) {
	data := zipOf(t, zip.Deflate,
		part{"xl/workbook.xml", `<workbook ` + ns + `><sheets><sheet name="Notes &amp; more" sheetId="2" r:id="rId7"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="` + relType + `worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="` + relType + `worksheet" Target="/xl/worksheets/notes.xml"/></Relationships>`},
		part{"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`},
		part{"xl/worksheets/notes.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>note</v></c></row></sheetData></worksheet>`},
	)
	wb, err := xlsx.Open("two.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.SheetNames(); !reflect.DeepEqual(got, []string{"Notes & more", "Data"}) {
		t.Fatalf("SheetNames = %q", got)
	}
	for i, want := range []string{"note", "1"} {
		sh, err := wb.Sheet(i)
		if err != nil {
			t.Fatal(err)
		}
		if !sh.Next() || !reflect.DeepEqual(sh.Row(), []string{want}) {
			t.Errorf("sheet %d: row 1 = %q (err %v), want [%q]", i, sh.Row(), sh.Err(), want)
		}
		if sh.Next() || sh.Err() != nil {
			t.Errorf("sheet %d: more than one row or an error: %v", i, sh.Err())
		}
	}
	if _, err := wb.Sheet(2); err == nil || !strings.Contains(err.Error(), "two.xlsx") {
		t.Errorf("Sheet(2) = %v, want an error naming the file", err)
	}
}

// Stored (uncompressed) parts read the same as deflated ones.
func TestStored(t *testing.T) {
	data := zipOf(t, zip.Store, bookParts(`<row r="1"><c r="B1" t="s"><v>0</v></c></row>`, `<si><t>x</t></si>`)...)
	check(t, readAll(t, data), [][]string{{"", "x"}})
}

// A text longer than the scanner's window is read whole.
func TestLongCell(t *testing.T) {
	long := strings.Repeat("Tom &amp; Jerry ", 20000)
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + long + `</t></is></c><c r="B1"><v>2</v></c></row>`
	check(t, readAll(t, book(t, rows, `<si><t>`+long+`</t></si>`)), [][]string{
		{strings.ReplaceAll(long, "&amp;", "&"), "2"},
	})
}

func TestRefused(t *testing.T) {
	good := book(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, `<si><t>x</t></si>`)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"html", []byte("<!DOCTYPE html><html><body>503</body></html>"), "no zip signature"},
		{"empty", nil, "no zip signature"},
		{"truncated zip", good[:len(good)/2], "not a readable zip archive"},
		{"no worksheet", zipOf(t, zip.Deflate, part{"word/document.xml", "<w/>"}), "no worksheet"},
		{"sheet part missing", zipOf(t, zip.Deflate, bookParts("", "")[1:4]...), "missing"},
	}
	for _, c := range cases {
		_, err := xlsx.ReadSheet("list.xlsx", c.data, 0)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "list.xlsx") {
			t.Errorf("%s: error %v, want one naming list.xlsx and saying %q", c.name, err, c.want)
		}
		if err != nil && !errors.Is(err, xlsx.ErrFormat) {
			t.Errorf("%s: %v is not ErrFormat", c.name, err)
		}
	}
}

// Damage inside the sheet ends the rows with an error naming the place.
func TestDamagedSheet(t *testing.T) {
	full := `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c></row>`
	cases := []struct {
		name, sheet, want string
		rows              int
	}{
		{"cut in a row", `<worksheet><sheetData>` + full[:78], "row 2: the sheet ends inside the row", 1},
		{"cut after a row", `<worksheet><sheetData>` + full[:39], "ends after row 1 without </sheetData>", 1},
		{"cut in a tag", `<worksheet><sheetData><row r="1"><c r="A1`, "ends inside a start tag", 0},
		{"no sheetData", `<worksheet><dimension ref="A1"/></worksheet>`, "no <sheetData>", 0},
		{"bad shared index", `<worksheet><sheetData>` + full + `</sheetData></worksheet>`, "cell B2: shared string 2 does not exist (the table has 1)", 1},
		{"bad row number", `<worksheet><sheetData><row r="x1"/></sheetData></worksheet>`, `row 1: row number r="x1"`, 0},
		{"column past XFD", `<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`, "past XFD", 0},
		{"no column letters", `<worksheet><sheetData><row r="1"><c r="11"><v>1</v></c></row></sheetData></worksheet>`, "no column letters", 0},
	}
	for _, c := range cases {
		parts := bookParts("", `<si><t>x</t></si>`)
		parts[4].body = c.sheet
		sh, err := xlsx.ReadSheet("list.xlsx", zipOf(t, zip.Deflate, parts...), 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		n := 0
		for sh.Next() {
			n++
		}
		err = sh.Err()
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "list.xlsx: xl/worksheets/sheet1.xml") {
			t.Errorf("%s: error %v, want one naming the file, the part and saying %q", c.name, err, c.want)
		}
		if n != c.rows {
			t.Errorf("%s: %d rows before the error, want %d", c.name, n, c.rows)
		}
	}
}

// Without workbook.xml, xl/worksheets/sheet1.xml and xl/sharedStrings.xml
// are taken by their usual names.
func TestFallback(t *testing.T) {
	data := zipOf(t, zip.Deflate,
		part{"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`},
		part{"xl/sharedStrings.xml", `<sst><si><t>only</t></si></sst>`},
	)
	check(t, readAll(t, data), [][]string{{"only"}})
}

// A sheet closed early (the caller stopped reading) says no more rows.
func TestClose(t *testing.T) {
	sh, err := xlsx.ReadSheet("t.xlsx", book(t, `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`, ""), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !sh.Next() {
		t.Fatal(sh.Err())
	}
	if err := sh.Close(); err != nil {
		t.Fatal(err)
	}
	if sh.Next() {
		t.Error("Next after Close returned a row")
	}
}

// A caller whose errors already name the file may leave the name out.
func TestErrorWithoutName(t *testing.T) {
	_, err := xlsx.ReadSheet("", []byte("<html>"), 0)
	if err == nil || err.Error() != "xlsx: no zip signature (PK) at the start: not an xlsx workbook" {
		t.Errorf("error %q", err)
	}
	parts := bookParts("", "")
	parts[4].body = `<worksheet><sheetData><row r="1"><c r="1A"/></row></sheetData></worksheet>`
	sh, err := xlsx.ReadSheet("", zipOf(t, zip.Deflate, parts...), 0)
	if err != nil {
		t.Fatal(err)
	}
	for sh.Next() {
	}
	if err := sh.Err(); err == nil || err.Error() != `xlsx: xl/worksheets/sheet1.xml row 1: cell reference "1A" has no column letters` {
		t.Errorf("error %q", err)
	}
}
