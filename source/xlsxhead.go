package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// xlsxHead renders the first rows of an xlsx workbook's first sheet as CSV
// text, so that formats can tell their workbooks apart by the header as they
// do for CSV (a workbook's header is compressed deep inside the zip, past
// the head Detect is given). It returns nil when data is not a readable
// workbook.
func xlsxHead(data []byte, rows int) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var shared []string
	var sheet *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "xl/sharedStrings.xml":
			shared = readShared(f)
		case "xl/worksheets/sheet1.xml":
			sheet = f
		}
	}
	if sheet == nil {
		return nil
	}
	rc, err := sheet.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, 16<<20))
	var out bytes.Buffer
	var cells []string
	var col int
	var typ, val string
	inV, inT, n := false, false, 0
	for n < rows {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				cells = cells[:0]
			case "c":
				typ, val, col = "", "", len(cells)
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "t":
						typ = a.Value
					case "r":
						col = colIndex(a.Value)
					}
				}
				for len(cells) < col {
					cells = append(cells, "")
				}
			case "v":
				inV = true
			case "t":
				inT = true
			}
		case xml.CharData:
			if inV || inT {
				val += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "c":
				if typ == "s" {
					if i, err := strconv.Atoi(strings.TrimSpace(val)); err == nil && i >= 0 && i < len(shared) {
						val = shared[i]
					}
				}
				cells = append(cells, val)
			case "row":
				out.WriteString(strings.Join(cells, ","))
				out.WriteString("\n")
				n++
			}
		}
	}
	return out.Bytes()
}

func readShared(f *zip.File) []string {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, 64<<20))
	var out []string
	var cur strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "si" {
				cur.Reset()
			}
			inT = t.Name.Local == "t"
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inT = false
			}
			if t.Name.Local == "si" {
				out = append(out, cur.String())
			}
		}
	}
}

// colIndex turns a cell reference such as "C7" into its column, 0-based.
func colIndex(ref string) int {
	n := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1
}
