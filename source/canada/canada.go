// Package canada reads the Consolidated Canadian Autonomous Sanctions List
// (Special Economic Measures Act and Justice for Victims of Corrupt Foreign
// Officials Act), published by Global Affairs Canada as XML: root
// <data-set> holding flat <record> elements whose children are all optional.
//
// The file gives no record id. Each record is listed in a schedule of the
// regulations of one regime, under an item number that the amending
// regulations keep (a delisting repeals the item, it does not renumber the
// others), so the id is built from those three facts:
//
//	ca:<regime>-<schedule>-<item>   e.g. ca:russia-s1p1-123, ca:venezuela-45
//
// <regime> is the Country element folded to lower-case ASCII words joined by
// "-" (its English half, before " / "), or the acronym in brackets for a
// regulation name ("...Regulations (JVCFOR) / ..." gives "jvcfor");
// <schedule> is the Schedule element compacted ("1, Part 1" gives "s1p1",
// "Part 2" gives "p2", "1.1" gives "s1.1") and left out when the record has
// none. The 4,759 records of the March 2025 file give 4,759 distinct ids; a
// repeated id is reported and suffixed "~2", "~3" in file order.
package canada

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"embargo"
	"embargo/source"
	"embargo/source/xmlutil"
)

// Format name and the designation every record carries.
const (
	Name      = "ca-sema"
	Source    = "ca"
	Authority = "Global Affairs Canada"
	List      = "Consolidated Canadian Autonomous Sanctions List"
)

// MaxRecord bounds Entity.Record; the longest record of 2025 is under 2 KB.
const MaxRecord = 8 << 10

func init() { source.Register(Format{}) }

// Format is the SEMA consolidated list XML.
type Format struct{}

// Info describes the format.
func (Format) Info() source.Info {
	return source.Info{
		Name:        Name,
		Source:      Source,
		Authority:   Authority,
		List:        List,
		Description: "Canada Consolidated Autonomous Sanctions List, SEMA and JVCFOA (XML, data-set/record)",
		URLs:        []string{"https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml"},
	}
}

// Detect accepts XML whose root is data-set and whose first record carries
// one of SEMA's own element names: <data-set> alone is too generic a root.
func (Format) Detect(name string, head []byte) bool {
	if !xmlutil.RootIs(head, "data-set") {
		return false
	}
	for _, tag := range []string{"<DateOfListing>", "<Schedule>", "<EntityOrShip>", "<GivenName>", "<Item>"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// Parse reads one sema-lmes.xml file.
func (Format) Parse(files []source.File) (*source.Result, error) {
	if len(files) != 1 {
		return nil, embargo.Errorf(embargo.EINVALID, "%s: want one XML file, got %d", Name, len(files))
	}
	return parse(files[0])
}

func formatError(file, why string) error { return source.FormatError(Name, file, why) }

// parse streams the file, decoding one <record> at a time.
func parse(f source.File) (*source.Result, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, formatError(f.Name, "the file is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	p := parser{file: f.Name, res: &source.Result{}, ids: map[string]int{}}
	// Sized by the record tags the file holds, a hint (a tag in a comment
	// counts too): growing the entities was 2 MB of garbage a parse.
	p.res.Entities = make([]embargo.Entity, 0, bytes.Count(data, []byte("<record>")))
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
			if se.Name.Local != "data-set" {
				return nil, formatError(f.Name, fmt.Sprintf("root element is <%s>, want <data-set>%s", se.Name.Local, source.LooksLike(data)))
			}
			seenRoot = true
			continue
		}
		if se.Name.Local != "record" {
			return nil, formatError(f.Name, fmt.Sprintf("after record %d: unexpected element <%s> in <data-set>", p.n, se.Name.Local))
		}
		var r record
		if err := d.DecodeElement(&r, &se); err != nil {
			return nil, formatError(f.Name, fmt.Sprintf("record %d: %s", p.n+1, xmlutil.Why(err)))
		}
		p.add(&r, data[start:d.InputOffset()])
	}
	if !seenRoot {
		return nil, formatError(f.Name, "no XML element found"+source.LooksLike(data))
	}
	if p.n == 0 {
		return nil, formatError(f.Name, "<data-set> holds no <record>")
	}
	return p.res, nil
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
	return string(raw[:cut]) + "\n<!-- record cut at 8 KiB -->"
}
