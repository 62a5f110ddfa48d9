package source

import (
	"bytes"
	"strings"

	"embargo/internal/xlsx"
)

// xlsxHead renders the first rows of an xlsx workbook's first sheet as CSV
// text, so that formats can tell their workbooks apart by the header as they
// do for CSV (a workbook's header is compressed deep inside the zip, past
// the head Detect is given). It returns nil when data is not a readable
// workbook.
func xlsxHead(data []byte, rows int) []byte {
	sh, err := xlsx.ReadSheet("", data, 0)
	if err != nil {
		return nil
	}
	defer sh.Close()
	var out bytes.Buffer
	for n := 0; n < rows && sh.Next(); n++ {
		out.WriteString(strings.Join(sh.Row(), ","))
		out.WriteByte('\n')
	}
	if sh.Err() != nil && out.Len() == 0 {
		return nil
	}
	return out.Bytes()
}
