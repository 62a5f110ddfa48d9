package ofac

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"embargo"
	"embargo/source"
)

// role is what one file of the legacy CSV set holds, told by its columns.
type role int

const (
	roleNone     role = iota
	rolePrimary       // sdn.csv, cons_prim.csv: 12 columns
	roleAddress       // add.csv: ent_num, add_num, address, city/state/postal, country, remarks
	roleAlias         // alt.csv: ent_num, alt_num, alt_type, alt_name, remarks
	roleComments      // sdn_comments.csv: ent_num, remarks continued
)

var roleNames = [...]string{"", "sdn.csv (12 columns)", "add.csv (6 columns)", "alt.csv (5 columns)", "sdn_comments.csv (2 columns)"}

// columns is the number of fields of each role's rows.
var columns = [...]int{0, 12, 6, 5, 2}

// csvFormat is the legacy CSV set of one list.
type csvFormat struct{ list list }

func (f csvFormat) Info() source.Info {
	i := source.Info{Name: f.list.csvName, Source: f.list.source, Authority: Authority, List: f.list.name}
	if f.list.cons {
		i.Description = "US OFAC Consolidated (non-SDN) List, legacy CSV set (cons_prim, cons_add, cons_alt, cons_comments)"
		for _, n := range []string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"} {
			i.URLs = append(i.URLs, "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"+strings.ToUpper(n))
		}
		return i
	}
	i.Description = "US OFAC SDN List, legacy CSV set (sdn.csv, add.csv, alt.csv, sdn_comments.csv)"
	for _, n := range []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"} {
		i.URLs = append(i.URLs, "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"+strings.ToUpper(n))
	}
	return i
}

// Detect accepts any file of the set by the shape of its first row; the name
// decides between the SDN and the non-SDN list (see the package doc).
func (f csvFormat) Detect(name string, head []byte) bool {
	line, complete := firstLine(head)
	return roleOf(splitLoose(line), complete) != roleNone && isConsName(name) == f.list.cons
}

// firstLine returns the first non-empty line of head and whether it ended
// within head (a 4 KiB head can cut a long remarks row).
func firstLine(head []byte) (string, bool) {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for len(head) > 0 {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			return string(head), false
		}
		if l := strings.TrimRight(string(head[:i]), "\r"); strings.TrimSpace(l) != "" {
			return l, true
		}
		head = head[i+1:]
	}
	return "", false
}

// splitLoose splits one CSV line for detection; an unclosed quote (a cut
// line) ends the last field.
func splitLoose(line string) []string {
	var out []string
	var b strings.Builder
	inQ := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQ && c == '"' && i+1 < len(line) && line[i+1] == '"':
			b.WriteByte('"')
			i++
		case c == '"':
			inQ = !inQ
		case c == ',' && !inQ:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, b.String())
}

// roleOf tells the role of a row from its fields. A cut row (complete false)
// only needs its first columns to fit.
func roleOf(f []string, complete bool) role {
	if len(f) < 2 || !isDigits(f[0]) {
		return roleNone
	}
	fits := func(n int) bool { return len(f) == n || (!complete && len(f) < n) }
	switch {
	case len(f) >= 4 && fits(12) && knownType(f[2]):
		return rolePrimary
	case len(f) >= 5 && fits(6) && isDigits(f[1]) && !isAltType(f[2]):
		return roleAddress
	case len(f) >= 3 && fits(5) && isDigits(f[1]) && isAltType(f[2]):
		return roleAlias
	case len(f) == 2:
		return roleComments
	}
	return roleNone
}

func knownType(s string) bool {
	_, ok := schemaOf(null(s))
	return ok
}

func isAltType(s string) bool {
	switch null(s) {
	case "aka", "fka", "nka":
		return true
	}
	return false
}

func isDigits(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// null returns s trimmed, or "" for OFAC's null "-0- " (SDN CSV spec).
func null(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

// row is one CSV record with where it came from.
type row struct {
	line   int
	fields []string
	raw    string
}

// csvFile is one file of the set, read.
type csvFile struct {
	name string
	role role
	rows []row
}

// clean strips what OFAC puts around the rows: a BOM (not OFAC's, but
// editors add one) and the trailing 0x1A (Ctrl-Z) after the last CRLF. It
// reports whether the file ended with a newline or the 0x1A, and whether the
// 0x1A was there.
func clean(data []byte) (out []byte, ended, eof bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for len(data) > 0 {
		switch data[len(data)-1] {
		case 0x1A:
			eof = true
			fallthrough
		case '\r', '\n':
			ended = true
			data = data[:len(data)-1]
			continue
		}
		break
	}
	return data, ended, eof
}

// readFile reads every row of f, telling its role by its first row. A file
// of no known shape, empty or cut inside its last row is refused.
func (c csvFormat) readFile(f source.File, probs *source.ErrorList) (*csvFile, error) {
	data, ended, eof := clean(f.Data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, source.FormatError(c.list.csvName, f.Name, "the file is empty")
	}
	line, _ := firstLine(data) // a file of one row without newline is whole
	out := &csvFile{name: f.Name, role: roleOf(splitLoose(line), true)}
	if out.role == roleNone {
		return nil, source.FormatError(c.list.csvName, f.Name,
			"line 1 is not an OFAC legacy CSV row (want ent_num followed by 12, 6, 5 or 2 columns, no header)"+looksLike(data))
	}
	// One copy of the file as a string: each row's raw text and, where
	// they can be found in it, its fields point into it, where the raw
	// text of each row and the reader's fields were two more copies.
	text := string(data)
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	want := columns[out.role]
	out.rows = make([]row, 0, bytes.Count(data, []byte("\n"))+1) // a row a line, but for quoted line breaks
	lastBad, lastLine := false, ""
	for {
		start := r.InputOffset()
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		raw := strings.TrimRight(text[start:r.InputOffset()], "\r\n")
		lastLine = raw
		if err != nil {
			lastBad = true
			probs.Skip(source.Pos{File: f.Name, Record: csvErrRecord(err, raw)}, "unreadable CSV: %v", csvErrMsg(err))
			continue
		}
		ln, _ := r.FieldPos(0)
		if len(fields) != want {
			lastBad = true
			probs.Skip(source.Pos{File: f.Name, Record: recordName(ln, fields)},
				"want %d columns like the rest of the file, got %d: %q", want, len(fields), clip(raw))
			continue
		}
		lastBad = false
		out.rows = append(out.rows, row{line: ln, fields: inRaw(fields, raw), raw: raw})
	}
	if lastBad && !ended && roleOf(splitLoose(lastLine), false) != roleNone {
		return nil, source.FormatError(c.list.csvName, f.Name,
			fmt.Sprintf("the file ends inside a row (%q): truncated download?", clip(lastLine)))
	}
	if !eof {
		// OFAC ends every file with 0x1A; without it a download cut at a row
		// boundary cannot be told from a whole file, so say so.
		probs.Add(source.Pos{File: f.Name, Record: "end of file"},
			"no 0x1A end-of-file byte, which OFAC's files end with: the file may be cut short or edited; %d rows read", len(out.rows))
	}
	return out, nil
}

// inRaw makes fields substrings of raw, the row they were read from, where
// each is there as written (unquoted, or quoted without doubled quotes), so
// that the reader's copy of the row is not kept. A field that is not found
// as written (a doubled quote) stops the search; the fields replaced so far
// are equal to what they replace.
func inRaw(fields []string, raw string) []string {
	pos := 0
	for i, f := range fields {
		if i > 0 {
			if pos >= len(raw) || raw[pos] != ',' {
				return fields
			}
			pos++
		}
		quoted := pos < len(raw) && raw[pos] == '"'
		if quoted {
			pos++
		}
		if len(raw)-pos < len(f) || raw[pos:pos+len(f)] != f {
			return fields
		}
		fields[i] = raw[pos : pos+len(f)]
		pos += len(f)
		if quoted {
			if pos >= len(raw) || raw[pos] != '"' {
				return fields
			}
			pos++
		}
	}
	return fields
}

// recordName names a row by line and, when readable, its ent_num.
func recordName(line int, fields []string) string {
	if len(fields) > 0 && isDigits(fields[0]) {
		return fmt.Sprintf("line %d (ent_num %s)", line, strings.TrimSpace(fields[0]))
	}
	return fmt.Sprintf("line %d", line)
}

// csvErrRecord names a row the CSV reader could not read by its line and,
// when the row starts with one, its ent_num.
func csvErrRecord(err error, raw string) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return recordName(pe.StartLine, splitLoose(raw))
	}
	return recordName(0, splitLoose(raw))
}

func csvErrMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.Line != pe.StartLine {
			return fmt.Sprintf("%v (the quoted field runs from line %d to line %d)", pe.Err, pe.StartLine, pe.Line)
		}
		return pe.Err.Error()
	}
	return err.Error()
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// Parse reads the files of one version of the set: sdn.csv alone or with
// any of add.csv, alt.csv and sdn_comments.csv, in any order (each file's
// columns tell what it is).
func (c csvFormat) Parse(files []source.File) (*source.Result, error) {
	if len(files) == 0 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: no file given", c.list.csvName)
	}
	res := &source.Result{}
	var byRole [5]*csvFile
	for _, f := range files {
		cf, err := c.readFile(f, &res.Problems)
		if err != nil {
			return nil, err
		}
		if prev := byRole[cf.role]; prev != nil {
			return nil, source.FormatError(c.list.csvName, f.Name,
				fmt.Sprintf("holds the same columns as %s: two %s files given", prev.name, roleNames[cf.role]))
		}
		byRole[cf.role] = cf
	}
	if byRole[rolePrimary] == nil {
		return nil, source.FormatError(c.list.csvName, files[0].Name,
			"no sdn.csv (12-column primary file) among the files; add.csv, alt.csv and sdn_comments.csv need it")
	}
	s := newSet(c.list, byRole[rolePrimary], &res.Problems)
	s.attach(byRole[roleComments], s.comment)
	s.uncut(byRole[roleComments] != nil)
	s.attach(byRole[roleAlias], func(e *entry, r row) string { e.alts = append(e.alts, r); return "" })
	s.attach(byRole[roleAddress], func(e *entry, r row) string { e.adds = append(e.adds, r); return "" })
	for _, cf := range byRole {
		if cf != nil {
			cf.rows = nil // the entries hold them now; each is let go once mapped
		}
	}
	res.Entities = s.entities()
	return res, nil
}
