// Package unsc reads the UN Security Council Consolidated List XML
// (scsanctions.un.org/resources/xml/en/consolidated.xml, schema
// sc-sanctions.xsd): root CONSOLIDATED_LIST holding INDIVIDUALS and ENTITIES.
// The file is decoded as a stream, one record at a time.
package unsc

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

// Format name and the designation every record carries.
const (
	Name      = "unsc"
	Source    = "un"
	Authority = "UN Security Council"
	List      = "UN SC Consolidated List"
)

// MaxRecord bounds Entity.Record: the original XML is kept for display, and
// the longest record of 2026 is about 9 KB.
const MaxRecord = 16 << 10

func init() { source.Register(Format{}) }

// Format is the UN SC consolidated list XML.
type Format struct{}

// Info describes the format.
func (Format) Info() source.Info {
	return source.Info{
		Name:        Name,
		Source:      Source,
		Authority:   Authority,
		List:        List,
		Description: "UN Security Council Consolidated List (XML, CONSOLIDATED_LIST)",
		URLs:        []string{"https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
	}
}

// Detect accepts XML whose root is CONSOLIDATED_LIST.
func (Format) Detect(name string, head []byte) bool {
	return xmlutil.RootIs(head, "CONSOLIDATED_LIST")
}

// Parse reads one consolidated.xml file.
func (Format) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "unsc: want one consolidated.xml file, got %d", len(files))
	}
	return parse(files[0])
}

func formatError(file, why string) error { return source.FormatError(Name, file, why) }

// parse streams the file: a Token loop finds each INDIVIDUAL or ENTITY and
// DecodeElement reads it, so memory stays bounded by one record plus the
// entities produced.
func parse(f source.File) (*source.Result, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, formatError(f.Name, "the file is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	// Sized by the record tags the file holds, a hint (a tag in a comment
	// counts too), to spare the growth of the entities.
	res := &source.Result{Entities: make([]embargo.Entity, 0,
		bytes.Count(data, []byte("<INDIVIDUAL>"))+bytes.Count(data, []byte("<ENTITY>")))}
	p := parser{file: f.Name, res: res}
	seenRoot := false
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, formatError(f.Name, xmlutil.Why(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !seenRoot {
			if se.Name.Local != "CONSOLIDATED_LIST" {
				return nil, formatError(f.Name, fmt.Sprintf("root element is <%s>, want <CONSOLIDATED_LIST>%s", se.Name.Local, source.LooksLike(data)))
			}
			seenRoot = true
			p.published(se)
			continue
		}
		switch se.Name.Local {
		case "INDIVIDUAL", "ENTITY":
			var r record
			if err := d.DecodeElement(&r, &se); err != nil {
				return nil, formatError(f.Name, fmt.Sprintf("record %d (%s): %s", p.n+1, se.Name.Local, xmlutil.Why(err)))
			}
			p.add(se.Name.Local, &r, data[start:d.InputOffset()])
		}
	}
	if !seenRoot {
		return nil, formatError(f.Name, "no XML element found"+source.LooksLike(data))
	}
	if p.n == 0 {
		return nil, formatError(f.Name, "CONSOLIDATED_LIST holds no INDIVIDUAL or ENTITY")
	}
	return res, nil
}

// parser holds the state of one file's parse.
type parser struct {
	file string
	res  *source.Result
	n    int // records read
}

// published reads dateGenerated="2026-02-27T00:00:09.554Z" from the root.
func (p *parser) published(se xml.StartElement) {
	for _, a := range se.Attr {
		if a.Name.Local != "dateGenerated" {
			continue
		}
		v := strings.TrimSpace(a.Value)
		d, err := embargo.ParseDate(v[:min(len(v), 10)])
		if err != nil {
			p.res.Problems.Add(source.Pos{File: p.file, Field: "dateGenerated"}, "%v", err)
			return
		}
		p.res.Published = d
	}
}

// add maps one record and appends it, or records why it was skipped.
func (p *parser) add(kind string, r *record, raw []byte) {
	p.n++
	ref := clean(r.Ref)
	if ref == "" {
		rec := fmt.Sprintf("%s %d (DATAID %s)", kind, p.n, clean(r.DataID))
		p.res.Problems.Skip(source.Pos{File: p.file, Record: rec, Field: "REFERENCE_NUMBER"}, "no REFERENCE_NUMBER: the record has no id")
		return
	}
	m := mapper{pos: source.Pos{File: p.file, Record: ref}, probs: &p.res.Problems}
	e := m.entity(kind, r)
	e.Record = bounded(raw)
	p.res.Entities = append(p.res.Entities, e)
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
