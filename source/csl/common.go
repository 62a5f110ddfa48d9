// Package csl reads two US export-screening lists:
//
//   - "us-csl": the Consolidated Screening List of trade.gov
//     (consolidated.csv), which merges eleven lists of the Departments of
//     Commerce, State and the Treasury. Two layouts are read: the 2019 one
//     (source,entity_number,type,...) and the current one, which adds a
//     leading _id column and quotes every field. Multi-valued fields are
//     separated by "; ".
//   - "bis-dpl": the Denied Persons List of the Bureau of Industry and
//     Security (dpl.txt): tab-separated, every field double-quoted, one row
//     per name and address.
//
// Ids. A CSL row is csl:<_id> when the layout has _id; otherwise
// csl:<entity_number> (the Treasury lists, whose _id is that same number in
// the current layout); otherwise, for rows of lists that give no number
// (DPL, Entity List, ISN ...), csl:<list>-<h>, where <list> is the
// abbreviation the source column gives in brackets, lower-cased ("el") and
// <h> the first 12 hex digits of SHA-256 over the list abbreviation, the
// upper-cased name, the addresses and start_date (these lists give one row
// per address of a party). A DPL row is dpl:<h>, <h> being the first
// 12 hex digits of SHA-256 over the upper-cased name, street, city, state,
// country, postal code and effective date (ISO). These inputs are what a
// listing keeps from one version to the next; an amended name or address
// gives a new id, which a diff shows as removal plus addition. Rows that
// repeat another exactly (the 2022 DPL has two) get "~2", "~3" in file order
// and a problem each.
package csl

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"embargo/source"
)

// readTable reads a delimited file into rows (header first). A quoting
// error is a format error naming the line.
func readTable(format, file string, data []byte, comma rune) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, source.FormatError(format, file, "malformed file (truncated download?): "+err.Error()+looksLike(data))
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// looksLike names what a refused file seems to be.
func looksLike(data []byte) string {
	t := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	switch {
	case len(t) == 0:
		return " (the file is empty)"
	case bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")):
		return " (it is an HTML page, perhaps a server error page)"
	case bytes.HasPrefix(t, []byte("{")):
		return " (it is JSON, perhaps a server error message)"
	}
	return ""
}

// hashRef is the first 12 hex digits of SHA-256 over the parts joined by "|".
func hashRef(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "|")))
	return hex.EncodeToString(h[:6])
}

// ids hands out ids, suffixing repeats with ~2, ~3 and reporting them.
type ids map[string]int

func (s ids) take(ref string, pos source.Pos, probs *source.ErrorList) string {
	k := s[ref]
	s[ref] = k + 1
	if k == 0 {
		return ref
	}
	probs.Add(pos, "repeats an earlier row (same id %s); kept as %s~%d", ref, ref, k+1)
	return fmt.Sprintf("%s~%d", ref, k+1)
}

// splitMulti splits a CSL multi-valued field on ";".
func splitMulti(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// rowText renders a row as the CSV line it came from, for Entity.Record.
func rowText(row []string, comma rune) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	_ = w.Write(row)
	w.Flush()
	return strings.TrimSpace(b.String())
}
