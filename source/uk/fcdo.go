package uk

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"embargo"
	"embargo/source"
	"embargo/source/xmlutil"
)

// FCDO format name and the designation every record carries.
const (
	FCDOName      = "uk-fcdo"
	FCDOSource    = "uk-fcdo"
	FCDOAuthority = "UK Foreign, Commonwealth and Development Office (FCDO)"
	FCDOList      = "UK Sanctions List"
)

// FCDO is the UK Sanctions List XML.
type FCDO struct{}

// Info describes the format.
func (FCDO) Info() source.Info {
	return source.Info{
		Name:        FCDOName,
		Source:      FCDOSource,
		Authority:   FCDOAuthority,
		List:        FCDOList,
		Description: "UK Sanctions List (FCDO XML, Designations)",
		URLs:        []string{"https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"},
	}
}

// Detect accepts XML whose root element is <Designations>.
func (FCDO) Detect(name string, head []byte) bool {
	return xmlutil.RootIs(head, "Designations")
}

func fcdoError(file, why string) error { return source.FormatError(FCDOName, file, why) }

// Parse reads one UK-Sanctions-List.xml, one <Designation> at a time.
func (FCDO) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one UK-Sanctions-List.xml file, got %d", FCDOName, len(files))
	}
	f := files[0]
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fcdoError(f.Name, "the file is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	res := &source.Result{}
	n, root := 0, false
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fcdoError(f.Name, xmlWhy(err, d))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if se.Name.Local != "Designations" {
				return nil, fcdoError(f.Name, fmt.Sprintf("root element is <%s>, want <Designations>%s", se.Name.Local, source.LooksLike(data)))
			}
			root = true
			continue
		}
		switch se.Name.Local {
		case "DateGenerated":
			var s string
			if err := d.DecodeElement(&s, &se); err != nil {
				return nil, fcdoError(f.Name, xmlWhy(err, d))
			}
			if date, err := ukDate(s); err != nil {
				res.Problems.Add(source.Pos{File: f.Name, Field: "DateGenerated"}, "%v", err)
			} else {
				res.Published = date
			}
		case "Designation":
			n++
			var r designation
			if err := d.DecodeElement(&r, &se); err != nil {
				return nil, fcdoError(f.Name, fmt.Sprintf("Designation %d: %s", n, xmlWhy(err, d)))
			}
			raw := data[start:d.InputOffset()]
			if e, ok := r.entity(f.Name, n, &res.Problems); ok {
				e.Record = bounded(raw)
				res.Entities = append(res.Entities, e)
			}
		}
	}
	if !root {
		return nil, fcdoError(f.Name, "no XML element found"+source.LooksLike(data))
	}
	if n == 0 {
		return nil, fcdoError(f.Name, "<Designations> holds no <Designation> (truncated?)")
	}
	return res, nil
}

// xmlWhy words a decoder error with its line; a file cut short is the usual cause.
func xmlWhy(err error, d *xml.Decoder) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Msg, "unexpected EOF") {
			return fmt.Sprintf("line %d: the XML ends early (truncated download?)", se.Line)
		}
		return fmt.Sprintf("line %d: malformed XML: %s", se.Line, se.Msg)
	}
	line, _ := d.InputPos()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("line %d: the XML ends early (truncated download?)", line)
	}
	return fmt.Sprintf("line %d: malformed XML: %v", line, err)
}

// bounded returns the record text, cut at MaxRecord bytes on a rune boundary.
func bounded(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) <= MaxRecord {
		return string(raw)
	}
	cut := MaxRecord
	for cut > 0 && raw[cut]&0xC0 == 0x80 {
		cut--
	}
	return string(raw[:cut]) + "\n<!-- record cut at 16 KiB -->"
}
