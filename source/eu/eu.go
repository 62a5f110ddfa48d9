// Package eu reads the EU Financial Sanctions Files XML 1.1 (root export in
// namespace http://eu.europa.ec/fpi/fsd/export, one sanctionEntity per
// listed subject, nearly all data in attributes). The full file is about
// 24 MB, so it is decoded as a stream, one sanctionEntity at a time.
package eu

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
	Name      = "eu-fsf"
	Source    = "eu"
	Authority = "Council of the European Union"
	List      = "EU Financial Sanctions Files"
	Namespace = "http://eu.europa.ec/fpi/fsd/export"
)

// MaxRecord bounds Entity.Record, the original XML kept for display.
const MaxRecord = 32 << 10

func init() { source.Register(Format{}) }

// Format is the EU FSF consolidated list XML.
type Format struct{}

// Info describes the format.
func (Format) Info() source.Info {
	return source.Info{
		Name:        Name,
		Source:      Source,
		Authority:   Authority,
		List:        List,
		Description: "EU Financial Sanctions Files consolidated list (XML 1.1, export/sanctionEntity)",
		URLs:        []string{"https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"},
	}
}

// Detect accepts XML whose root is export, in the FSF namespace or
// followed by a sanctionEntity.
func (Format) Detect(name string, head []byte) bool {
	se, ok := xmlutil.FirstElement(head)
	return ok && se.Name.Local == "export" &&
		(se.Name.Space == Namespace || bytes.Contains(head, []byte("<sanctionEntity")))
}

// Parse reads one FSF XML file.
func (Format) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "eu-fsf: want one XML file, got %d", len(files))
	}
	return parse(files[0])
}

func formatError(file, why string) error { return source.FormatError(Name, file, why) }

func parse(f source.File) (*source.Result, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, formatError(f.Name, "the file is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	p := parser{file: f.Name, res: &source.Result{}, seen: map[string]string{}}
	seenRoot := false
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, formatError(f.Name, xmlutil.Why(err)+looksLike(data))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !seenRoot {
			if se.Name.Local != "export" {
				return nil, formatError(f.Name, fmt.Sprintf("root element is <%s>, want <export>%s", se.Name.Local, looksLike(data)))
			}
			seenRoot = true
			p.published(se)
			continue
		}
		if se.Name.Local == "sanctionEntity" {
			var r entity
			if err := d.DecodeElement(&r, &se); err != nil {
				return nil, formatError(f.Name, fmt.Sprintf("sanctionEntity %d: %s", p.n+1, xmlutil.Why(err)))
			}
			p.add(&r, data[start:d.InputOffset()])
		}
	}
	if !seenRoot {
		return nil, formatError(f.Name, "no XML element found"+looksLike(data))
	}
	if p.n == 0 {
		return nil, formatError(f.Name, "export holds no sanctionEntity")
	}
	return p.res, nil
}

// looksLike names what a refused file seems to be. The EU endpoint answers
// some failures with HTTP 200 and a JSON body {"status":500,...}.
func looksLike(data []byte) string {
	t := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	switch {
	case bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")):
		return " (it is an HTML page, perhaps a server error page)"
	case bytes.HasPrefix(t, []byte("{")):
		return " (it is JSON, perhaps the EU server's error message)"
	}
	return ""
}

type parser struct {
	file string
	res  *source.Result
	n    int               // sanctionEntity elements read
	seen map[string]string // logicalId -> record text, to catch repeats
}

// published reads generationDate="2020-04-15T15:29:22.497+02:00".
func (p *parser) published(se xml.StartElement) {
	for _, a := range se.Attr {
		if a.Name.Local == "generationDate" {
			v := strings.TrimSpace(a.Value)
			d, err := embargo.ParseDate(v[:min(len(v), 10)])
			if err != nil {
				p.res.Problems.Add(source.Pos{File: p.file, Field: "generationDate"}, "%v", err)
			}
			p.res.Published = d
		}
	}
}

// add maps one sanctionEntity. The same logicalId twice (the 2020 excerpt
// repeats 5468) would give two entities one id: the repeat is skipped and
// reported, saying whether it differs.
func (p *parser) add(r *entity, raw []byte) {
	p.n++
	id := strings.TrimSpace(r.LogicalID)
	rec := bounded(raw)
	if id == "" {
		p.res.Problems.Skip(source.Pos{File: p.file, Record: fmt.Sprintf("sanctionEntity %d (%s)", p.n, r.EURef), Field: "logicalId"}, "no logicalId: the record has no id")
		return
	}
	pos := source.Pos{File: p.file, Record: id}
	if prev, dup := p.seen[id]; dup {
		same := "an identical copy"
		if prev != rec {
			same = "a different record"
		}
		p.res.Problems.Skip(pos, "logicalId %s appears again (%s); the first is kept", id, same)
		return
	}
	p.seen[id] = rec
	m := mapper{pos: pos, probs: &p.res.Problems}
	e := m.entity(r)
	e.Record = rec
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
	return string(raw[:cut]) + "\n<!-- record cut at 32 KiB -->"
}
