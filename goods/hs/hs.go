// Package hs reads the Harmonized System nomenclature and matches goods codes
// of any length (2 to 10 digits: national extensions such as the EU CN or US
// HTS are tolerated) to their chapter, heading and subheading.
package hs

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"embargo"
	"embargo/source"
)

// Level is how deep in the nomenclature a code goes.
type Level string

const (
	Chapter    Level = "chapter"    // 2 digits
	Heading    Level = "heading"    // 4 digits
	Subheading Level = "subheading" // 6 digits (the last internationally common level)
	National   Level = "national"   // 7-10 digits: a national tariff line
)

// LevelOf returns the level of a normalised code of n digits.
func LevelOf(code string) Level {
	switch n := len(code); {
	case n == 2:
		return Chapter
	case n == 4:
		return Heading
	case n == 6:
		return Subheading
	}
	return National
}

// ErrCode is wrapped by every malformed-code error.
var ErrCode = errors.New("hs: malformed code")

// Normalize strips dots, spaces and dashes ("2701.11", "8542 31 00") and
// checks that 2 to 10 digits remain. Three- and five-digit codes are refused:
// they are no level of the HS, and usually a chapter whose leading zero a
// spreadsheet dropped ("303" for 0303).
func Normalize(s string) (string, error) {
	var b [10]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(b) {
				return "", fmt.Errorf("%w %q: more than 10 digits", ErrCode, s)
			}
			b[n] = c
			n++
		case c == '.' || c == ' ' || c == '-' || c == '\t':
		default:
			return "", fmt.Errorf("%w %q: only digits, dots and spaces are allowed", ErrCode, s)
		}
	}
	switch {
	case n == 0:
		return "", fmt.Errorf("%w: empty", ErrCode)
	case n < 2:
		return "", fmt.Errorf("%w %q: at least a 2-digit chapter is needed", ErrCode, s)
	case n == 3 || n == 5:
		return "", fmt.Errorf("%w %q: %d digits is no HS level (a leading zero may have been lost)", ErrCode, s, n)
	}
	return string(b[:n]), nil
}

// Entry is one code of the nomenclature.
type Entry struct {
	Code        string `json:"code"`
	Description string `json:"description"`
	Level       Level  `json:"level"`
}

// Nomenclature is a set of HS codes with their descriptions. Full reports
// whether it holds headings and subheadings (a file) or chapters only (the
// embedded table).
type Nomenclature struct {
	Name    string // where it came from, shown in answers
	Full    bool
	entries map[string]Entry
	index   *Index
}

// Match is the answer to Lookup: the code, the deepest level the
// nomenclature confirms, and the descriptions of chapter to subheading.
type Match struct {
	Code        string `json:"code"`
	Level       Level  `json:"level"`     // level of the code as given
	Validated   Level  `json:"validated"` // deepest level checked against the nomenclature
	Description string `json:"description,omitempty"`
}

// Lookup normalises code and checks it against the nomenclature: every level
// the nomenclature holds must exist (chapter, heading, subheading). Digits
// past the sixth are a national extension and are not checked.
func (n *Nomenclature) Lookup(code string) (Match, error) {
	c, err := Normalize(code)
	if err != nil {
		return Match{}, err
	}
	m := Match{Code: c, Level: LevelOf(c)}
	for _, l := range []int{2, 4, 6} {
		if len(c) < l {
			break
		}
		if l > 2 && !n.Full {
			break
		}
		e, ok := n.entries[c[:l]]
		if !ok {
			return Match{}, fmt.Errorf("hs: unknown %s %s in %s", LevelOf(c[:l]), c[:l], n.Name)
		}
		m.Validated, m.Description = e.Level, e.Description
	}
	return m, nil
}

// Get returns the entry of an exact normalised code.
func (n *Nomenclature) Get(code string) (Entry, bool) {
	e, ok := n.entries[code]
	return e, ok
}

// Len is the number of codes held.
func (n *Nomenclature) Len() int { return len(n.entries) }

// Load reads the HS CSV of the datasets/harmonized-system package (columns
// section,hscode,description,parent,level; codes are zero-padded text; one
// synthetic TOTAL row of level 5 is skipped). Bad rows are reported with
// their line and the rest is kept.
func Load(name string, r io.Reader) (*Nomenclature, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, source.FormatError("hs", name, "no header: "+err.Error())
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	ci, ok1 := col["hscode"]
	di, ok2 := col["description"]
	if !ok1 || !ok2 {
		return nil, source.FormatError("hs", name, "want columns hscode and description")
	}
	n := &Nomenclature{Name: name, Full: true, entries: make(map[string]Entry, 7000)}
	var errs source.ErrorList
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		pos := source.Pos{File: name, Record: fmt.Sprintf("line %d", line)}
		if err != nil {
			errs.Skip(pos, "%v", err)
			continue
		}
		if len(rec) <= ci || len(rec) <= di {
			errs.Skip(pos, "%d fields, want at least %d", len(rec), max(ci, di)+1)
			continue
		}
		raw := strings.TrimSpace(rec[ci])
		if raw == "TOTAL" {
			continue // the synthetic root row (SOURCE.md)
		}
		c, err := Normalize(raw)
		if err != nil || len(c) > 6 {
			errs.Skip(pos, "hscode %q is not a chapter, heading or subheading", raw)
			continue
		}
		n.entries[c] = Entry{Code: c, Description: strings.TrimSpace(rec[di]), Level: LevelOf(c)}
	}
	if len(n.entries) == 0 {
		return nil, source.FormatError("hs", name, "no codes")
	}
	n.index = buildIndex(n)
	if len(errs) > 0 {
		return n, errs
	}
	return n, nil
}

// Embedded returns the chapter table built into the binary: enough to check
// the chapter of any code and to name it, not to validate headings and
// subheadings, nor to search descriptions (Full is false).
func Embedded() *Nomenclature {
	n := &Nomenclature{Name: "embedded HS 2022 chapter table", entries: make(map[string]Entry, len(chapters))}
	for c, d := range chapters {
		n.entries[c] = Entry{Code: c, Description: d, Level: Chapter}
	}
	return n
}

// Search returns candidate codes for a free-text goods description, best
// first. It returns an EINVALID error when the nomenclature has no
// descriptions to search (the embedded chapter table).
func (n *Nomenclature) Search(text string, limit int) ([]Candidate, error) {
	if n.index == nil {
		return nil, embargo.Errorf(embargo.EINVALID, "description search needs the full HS nomenclature (--hs-file); %s holds chapters only", n.Name)
	}
	return n.index.Search(text, limit), nil
}
