// Package xmlutil holds the XML helpers the XML list formats share (unsc,
// eu, canada, ofac, uk): finding the root element in the head Detect is
// given, and saying why a decode failed in words a user can act on.
package xmlutil

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// bom is the UTF-8 byte order mark some publishers put before the XML.
var bom = []byte("\xef\xbb\xbf")

// RootIs reports whether the first element of the XML in head is named
// local, in any namespace (RawToken: prefixes are not resolved). The head
// must hold the whole root start tag: one cut inside it is refused.
func RootIs(head []byte, local string) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(head, bom))
	if !bytes.HasPrefix(t, []byte("<")) {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(t))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == local
		}
	}
}

// FirstElement returns the first start tag of the XML in head, its
// namespace resolved (for formats that check it).
func FirstElement(head []byte) (xml.StartElement, bool) {
	t := bytes.TrimSpace(bytes.TrimPrefix(head, bom))
	if !bytes.HasPrefix(t, []byte("<")) {
		return xml.StartElement{}, false
	}
	d := xml.NewDecoder(bytes.NewReader(t))
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, true
		}
	}
}

// Why says why decoding stopped, with the line: an early end is most
// often a truncated download, so it says so.
func Why(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Msg, "unexpected EOF") {
			return fmt.Sprintf("XML ends early at line %d (truncated download?)", se.Line)
		}
		return fmt.Sprintf("malformed XML at line %d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "XML ends early (truncated download?)"
	}
	return "malformed XML: " + err.Error()
}
