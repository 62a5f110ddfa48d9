package csl

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/normalize"
	"embargo/source"
)

// DPL format name, source and designation.
const (
	DPLName      = "bis-dpl"
	DPLSource    = "dpl"
	DPLAuthority = "US Bureau of Industry and Security"
	DPLList      = "Denied Persons List"
)

// DPL is the BIS Denied Persons List, tab-separated.
type DPL struct{}

// Info describes the format.
func (DPL) Info() source.Info {
	return source.Info{
		Name:        DPLName,
		Source:      DPLSource,
		Authority:   DPLAuthority,
		List:        DPLList,
		Description: "US BIS Denied Persons List (dpl.txt, tab-separated, quoted fields)",
		URLs:        []string{"https://www.bis.doc.gov/dpl/dpl.txt"},
	}
}

var dplColumns = []string{"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
	"Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"}

const (
	dName = iota
	dStreet
	dCity
	dState
	dCountry
	dPostal
	dEffective
	dExpiration
	dStandardOrder
	dLastUpdate
	dAction
	dFRCitation
)

// Detect accepts the DPL header line.
func (DPL) Detect(name string, head []byte) bool {
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(h, []byte("\"Name\"\t\"Street_Address\"")) || bytes.HasPrefix(h, []byte("Name\tStreet_Address\t"))
}

// Parse reads one dpl.txt.
func (DPL) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one dpl.txt file, got %d", DPLName, len(files))
	}
	f := files[0]
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, source.FormatError(DPLName, f.Name, "the file is empty")
	}
	rows, err := readTable(DPLName, f.Name, data, '\t')
	if err != nil {
		return nil, err
	}
	if err := checkDPLHeader(f.Name, rows[0], data); err != nil {
		return nil, err
	}
	rows = rows[1:]
	if len(rows) == 0 {
		return nil, source.FormatError(DPLName, f.Name, "no row below the header")
	}
	if last := rows[len(rows)-1]; len(last) < len(dplColumns) {
		return nil, source.FormatError(DPLName, f.Name, fmt.Sprintf("the last row (line %d) has %d of %d fields: the file ends early (truncated download?)", len(rows)+1, len(last), len(dplColumns)))
	}
	res := &source.Result{}
	seen := ids{}
	for i, row := range rows {
		dplRow(f.Name, i+2, row, res, seen)
	}
	return res, nil
}

func checkDPLHeader(file string, h []string, data []byte) error {
	for i, want := range dplColumns {
		if i >= len(h) || !strings.EqualFold(strings.TrimSpace(h[i]), want) {
			got := ""
			if i < len(h) {
				got = h[i]
			}
			return source.FormatError(DPLName, file, fmt.Sprintf("header column %d is %q, want %q: not a Denied Persons List%s", i+1, got, want, looksLike(data)))
		}
	}
	return nil
}

// dplRow maps one row to an entity, or reports why it was skipped.
func dplRow(file string, line int, row []string, res *source.Result, seen ids) {
	pos := source.Pos{File: file, Record: fmt.Sprintf("line %d", line)}
	if len(row) != len(dplColumns) {
		res.Problems.Skip(pos, "%d fields, want %d", len(row), len(dplColumns))
		return
	}
	for i := range row {
		row[i] = strings.Join(strings.Fields(row[i]), " ")
	}
	if row[dName] == "" {
		res.Problems.Skip(pos, "no Name")
		return
	}
	effective, err := usDate(row[dEffective])
	if err != nil {
		res.Problems.Add(withField(pos, "Effective_Date"), "%v", err)
	}
	ref := hashRef(strings.ToUpper(row[dName]), row[dStreet], row[dCity], row[dState], row[dCountry], row[dPostal], effective.String())
	ref = seen.take(ref, pos, &res.Problems)
	pos.Record = fmt.Sprintf("%s (line %d)", ref, line)
	e := embargo.Entity{ID: embargo.EntityID(DPLSource, ref), Source: DPLSource, Schema: dplSchema(row[dName])}
	e.Names = []embargo.Name{{Full: row[dName], Kind: embargo.PrimaryName, Script: normalize.DetectScript(row[dName])}}
	ad := embargo.Address{Street: row[dStreet], City: row[dCity], Region: row[dState], PostalCode: row[dPostal]}
	if row[dCountry] != "" {
		if c, ok := dplCountry(row[dCountry]); ok {
			ad.Country = c
			e.Countries = []string{c}
		} else {
			res.Problems.Add(withField(pos, "Country"), "country %q not recognised", row[dCountry])
		}
	}
	if ad != (embargo.Address{}) {
		e.Addresses = []embargo.Address{ad}
	}
	e.Designations = []embargo.Designation{{Authority: DPLAuthority, List: DPLList, Ref: ref, ListedOn: effective}}
	e.Remarks = dplRemarks(row, pos, &res.Problems)
	if d, err := usDate(row[dLastUpdate]); err == nil && res.Published.Before(d) {
		res.Published = d // the list's date is its latest Last_Update
	}
	e.Record = rowText(row, '\t')
	res.Entities = append(res.Entities, e)
}

func withField(p source.Pos, f string) source.Pos {
	p.Field = f
	return p
}

// dplRemarks keeps the order's terms: expiry, standard order, last action
// and its Federal Register citation.
func dplRemarks(row []string, pos source.Pos, probs *source.ErrorList) string {
	var parts []string
	if row[dExpiration] != "" {
		exp, err := usDate(row[dExpiration])
		if err != nil {
			probs.Add(withField(pos, "Expiration_Date"), "%v", err)
			parts = append(parts, "Expires: "+row[dExpiration])
		} else {
			parts = append(parts, "Expires: "+exp.String())
		}
	}
	for _, kv := range [][2]string{{"Standard order", row[dStandardOrder]}, {"Last update", row[dLastUpdate]},
		{"Action", row[dAction]}, {"FR citation", row[dFRCitation]}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+": "+kv[1])
		}
	}
	return strings.Join(parts, "\n")
}

// orgWords mark a company name; the DPL gives no type, so a name without
// them is left as Thing rather than guessed a person.
var orgWords = regexp.MustCompile(`(?i)\b(INC|LTD|LLC|L\.L\.C|CORP|CORPORATION|COMPANY|CO|GMBH|S\.A|SA|AG|BV|LIMITED|TRADING|INDUSTRIES|INTERNATIONAL|ENTERPRISES?|GROUP|TECHNOLOG(Y|IES)|SOLUTIONS|AVIATION|AIRLINES?|SERVICES|ELECTRONICS|SYSTEMS|FZE|FZCO|PTE|SDN BHD|EXPORTS?|IMPORTS?)\b\.?`)

func dplSchema(name string) embargo.Schema {
	if orgWords.MatchString(name) {
		return embargo.Organization
	}
	return embargo.Thing
}

var mdyRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// usDate reads the DPL's two date forms: MM/DD/YYYY (Effective_Date,
// Expiration_Date) and YYYY-MM-DD (Last_Update).
func usDate(s string) (embargo.Date, error) {
	if s == "" {
		return embargo.Date{}, nil
	}
	if m := mdyRe.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		dt := embargo.Date{Year: y, Month: mo, Day: d}
		if err := dt.Validate(); err != nil {
			return embargo.Date{}, err
		}
		return dt, nil
	}
	return embargo.ParseDate(s)
}

// dplCountry reads the Country column: ISO codes, and "PRC" for China.
func dplCountry(s string) (string, bool) {
	if strings.EqualFold(s, "PRC") {
		return "CN", true
	}
	return country.Code(s)
}
