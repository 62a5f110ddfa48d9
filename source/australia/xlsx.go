package australia

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The workbook is read by a small scanner of the SpreadsheetML parts it
// needs (ECMA-376 Part 1, §18.3 sheet data, §18.4 shared strings) rather
// than by excelize: excelize spends about 0.45 s of CPU on this 1 MB
// workbook, the scanner about a tenth of that, and the whole set of lists
// must load in about a second and a half. The tests check, cell by cell,
// that both readers agree on the real file and on the fixture.

// maxPart bounds one part of the workbook once uncompressed: the DFAT
// sheet is 5 MB; 256 MiB leaves room and stops a zip bomb.
const maxPart = 256 << 20

// errXLSX wraps what the scanner finds wrong with a workbook.
var errXLSX = errors.New("xlsx")

// readXLSX returns the cells of the workbook's first sheet as rows of
// strings, raw values (numbers as stored, shared strings resolved).
func readXLSX(data []byte) ([][]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a zip archive: %v", errXLSX, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	sheet, err := firstSheet(files)
	if err != nil {
		return nil, err
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		b, err := readPart(f)
		if err != nil {
			return nil, err
		}
		if shared, err = sharedStrings(b); err != nil {
			return nil, err
		}
	}
	b, err := readPart(sheet)
	if err != nil {
		return nil, err
	}
	return sheetRows(b, shared)
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", errXLSX, f.Name, err)
	}
	defer rc.Close()
	// The size the archive declares is only a hint (a damaged or hostile
	// file may claim gigabytes); the read itself is bounded.
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, 64<<20)))
	n, err := io.Copy(buf, io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v (truncated download?)", errXLSX, f.Name, err)
	}
	if n > maxPart {
		return nil, fmt.Errorf("%w: %s: larger than %d MiB uncompressed", errXLSX, f.Name, maxPart>>20)
	}
	return buf.Bytes(), nil
}

// firstSheet follows xl/workbook.xml's first <sheet> through its
// relationship to the part that holds it.
func firstSheet(files map[string]*zip.File) (*zip.File, error) {
	wf, rf := files["xl/workbook.xml"], files["xl/_rels/workbook.xml.rels"]
	if wf == nil || rf == nil {
		return nil, fmt.Errorf("%w: no xl/workbook.xml or its relationships: not a spreadsheet", errXLSX)
	}
	var wb struct {
		Sheets []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		f *zip.File
		v any
	}{{wf, &wb}, {rf, &rels}} {
		b, err := readPart(p.f)
		if err != nil {
			return nil, err
		}
		if err := xml.Unmarshal(b, p.v); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", errXLSX, p.f.Name, err)
		}
	}
	if len(wb.Sheets) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no sheet", errXLSX)
	}
	for _, r := range rels.Rels {
		if r.ID != wb.Sheets[0].RID {
			continue
		}
		name := path.Join("xl", r.Target)
		if strings.HasPrefix(r.Target, "/") {
			name = strings.TrimPrefix(r.Target, "/")
		}
		if f := files[name]; f != nil {
			return f, nil
		}
		return nil, fmt.Errorf("%w: sheet part %s missing", errXLSX, name)
	}
	return nil, fmt.Errorf("%w: the first sheet has no relationship", errXLSX)
}

// sharedStrings reads <sst>: each <si> is the text of its <t> elements,
// plain or in rich-text runs, leaving out phonetic runs (<rPh>).
func sharedStrings(b []byte) ([]string, error) {
	var out []string
	for {
		i := bytes.Index(b, []byte("<si"))
		if i < 0 {
			return out, nil
		}
		b = b[i+3:]
		if len(b) > 0 && b[0] == '/' { // <si/>
			out = append(out, "")
			continue
		}
		end := bytes.Index(b, []byte("</si>"))
		if end < 0 {
			return nil, fmt.Errorf("%w: sharedStrings.xml: item %d not closed (truncated?)", errXLSX, len(out)+1)
		}
		s, err := texts(b[:end])
		if err != nil {
			return nil, fmt.Errorf("%w: sharedStrings.xml: item %d: %v", errXLSX, len(out)+1, err)
		}
		out = append(out, s)
		b = b[end+5:]
	}
}

// texts joins the <t> elements of an item outside <rPh>.
func texts(b []byte) (string, error) {
	var sb strings.Builder
	for {
		i := bytes.Index(b, []byte("<t"))
		if i < 0 {
			return sb.String(), nil
		}
		if ph := bytes.Index(b, []byte("<rPh")); ph >= 0 && ph < i {
			end := bytes.Index(b[ph:], []byte("</rPh>"))
			if end < 0 {
				return "", errors.New("<rPh> not closed")
			}
			b = b[ph+end+6:]
			continue
		}
		b = b[i+2:]
		if len(b) == 0 || (b[0] != '>' && b[0] != ' ' && b[0] != '/') {
			continue // another element starting with t
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return "", errors.New("<t> not closed")
		}
		if gt > 0 && b[gt-1] == '/' { // <t/>
			b = b[gt+1:]
			continue
		}
		b = b[gt+1:]
		end := bytes.Index(b, []byte("</t>"))
		if end < 0 {
			return "", errors.New("<t> not closed")
		}
		s, err := unescape(b[:end])
		if err != nil {
			return "", err
		}
		sb.WriteString(s)
		b = b[end+4:]
	}
}

// sheetRows scans <sheetData>: rows of <c r="B7" t="s"><v>12</v></c>.
// Cells are placed by their reference, so omitted empty cells stay empty.
func sheetRows(b []byte, shared []string) ([][]string, error) {
	if bytes.Contains(b, []byte("<sheetData/>")) {
		return nil, nil
	}
	start, end := bytes.Index(b, []byte("<sheetData>")), bytes.Index(b, []byte("</sheetData>"))
	if start < 0 || end < start {
		return nil, fmt.Errorf("%w: no complete <sheetData> in the sheet (truncated?)", errXLSX)
	}
	b = b[start:end]
	var rows [][]string
	for {
		i := bytes.Index(b, []byte("<row"))
		if i < 0 {
			// Trailing rows without content (formatting only) are not data.
			for len(rows) > 0 && len(trimEmpty(rows[len(rows)-1])) == 0 {
				rows = rows[:len(rows)-1]
			}
			return rows, nil
		}
		b = b[i+4:]
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return nil, fmt.Errorf("%w: row %d not closed (truncated?)", errXLSX, len(rows)+1)
		}
		n := attrInt(b[:gt], "r", len(rows)+1)
		if n < len(rows)+1 || n > 1<<20 {
			return nil, fmt.Errorf("%w: row number %d out of order", errXLSX, n)
		}
		for len(rows) < n-1 {
			rows = append(rows, nil) // rows the sheet leaves out are empty
		}
		var row []string
		if gt == 0 || b[gt-1] != '/' {
			end := bytes.Index(b, []byte("</row>"))
			if end < 0 {
				return nil, fmt.Errorf("%w: row %d not closed (truncated?)", errXLSX, n)
			}
			var err error
			if row, err = cells(b[gt+1:end], shared); err != nil {
				return nil, fmt.Errorf("%w: row %d: %v", errXLSX, n, err)
			}
			b = b[end:]
		}
		rows = append(rows, row)
	}
}

func cells(b []byte, shared []string) ([]string, error) {
	var row []string
	for {
		i := bytes.Index(b, []byte("<c"))
		if i < 0 {
			return row, nil
		}
		b = b[i+2:]
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return nil, errors.New("cell not closed")
		}
		head := b[:gt]
		col := colIndex(attr(head, "r"), len(row))
		if col < 0 || col > 16384 {
			return nil, fmt.Errorf("cell reference %q out of range", attr(head, "r"))
		}
		if gt > 0 && b[gt-1] == '/' { // <c r="A1" s="3"/>: empty
			b = b[gt+1:]
			continue
		}
		end := bytes.Index(b, []byte("</c>"))
		if end < 0 {
			return nil, errors.New("cell not closed")
		}
		v, err := cellValue(string(attr(head, "t")), b[gt+1:end], shared)
		if err != nil {
			return nil, fmt.Errorf("cell %s: %v", attr(head, "r"), err)
		}
		for len(row) < col {
			row = append(row, "")
		}
		row = append(row, v)
		b = b[end+4:]
	}
}

// cellValue reads a cell's content by its type: s (shared string index),
// inlineStr (<is>), str/n/b/e or none (<v> as written).
func cellValue(t string, body []byte, shared []string) (string, error) {
	if t == "inlineStr" {
		return texts(body)
	}
	v := between(body, "<v>", "</v>")
	if t != "s" {
		return unescape(v)
	}
	k, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	if err != nil || k < 0 || k >= len(shared) {
		return "", fmt.Errorf("shared string index %q out of range", v)
	}
	return shared[k], nil
}

func between(b []byte, open, close string) []byte {
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil
	}
	b = b[i+len(open):]
	if j := bytes.Index(b, []byte(close)); j >= 0 {
		return b[:j]
	}
	return nil
}

// attr returns the value of name="..." in a start tag.
func attr(tag []byte, name string) []byte {
	for k := 0; ; {
		i := bytes.Index(tag[k:], []byte(name+`="`))
		if i < 0 {
			return nil
		}
		i += k
		if i > 0 && tag[i-1] != ' ' && tag[i-1] != '\t' && tag[i-1] != '\n' && tag[i-1] != '\r' {
			k = i + 1 // part of a longer name (t= inside ht=)
			continue
		}
		v := tag[i+len(name)+2:]
		if j := bytes.IndexByte(v, '"'); j >= 0 {
			return v[:j]
		}
		return nil
	}
}

func attrInt(tag []byte, name string, def int) int {
	n, err := strconv.Atoi(string(attr(tag, name)))
	if err != nil {
		return def
	}
	return n
}

// colIndex turns the letters of "AB12" into 27 (0-based); a cell without a
// reference follows the previous one.
func colIndex(ref []byte, next int) int {
	if len(ref) == 0 {
		return next
	}
	n := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
		if n > 16384 {
			return -1
		}
	}
	return n - 1
}

// unescape decodes XML entities and OOXML's _xHHHH_ escapes of control
// characters (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '\r') >= 0 {
		// XML end-of-line handling (XML 1.0 §2.11): a literal CR LF or CR
		// reads as LF; &#13; and _x000D_ below stay CR.
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(b, '&') < 0 && bytes.Index(b, []byte("_x")) < 0 {
		return string(b), nil
	}
	var sb strings.Builder
	for len(b) > 0 {
		switch {
		case b[0] == '&':
			semi := bytes.IndexByte(b, ';')
			if semi < 0 {
				return "", errors.New("entity not closed")
			}
			r, ok := entity(string(b[1:semi]))
			if !ok {
				return "", fmt.Errorf("unknown entity &%s;", b[1:semi])
			}
			sb.WriteRune(r)
			b = b[semi+1:]
		case len(b) >= 7 && b[0] == '_' && b[1] == 'x' && b[6] == '_':
			if n, err := strconv.ParseUint(string(b[2:6]), 16, 16); err == nil {
				sb.WriteRune(rune(n))
				b = b[7:]
				continue
			}
			sb.WriteByte(b[0])
			b = b[1:]
		default:
			sb.WriteByte(b[0])
			b = b[1:]
		}
	}
	return sb.String(), nil
}

func entity(name string) (rune, bool) {
	switch name {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(name, "#x"):
		n, err = strconv.ParseUint(name[2:], 16, 32)
	case strings.HasPrefix(name, "#"):
		n, err = strconv.ParseUint(name[1:], 10, 32)
	default:
		return 0, false
	}
	return rune(n), err == nil
}

func trimEmpty(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}
