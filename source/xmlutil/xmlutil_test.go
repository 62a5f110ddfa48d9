package xmlutil_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"embargo/source/xmlutil"
)

func TestRootIs(t *testing.T) {
	for _, c := range []struct {
		head  string
		local string
		want  bool
	}{
		{`<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x">`, "CONSOLIDATED_LIST", true},
		{"\xef\xbb\xbf  <!-- c --><data-set><record>", "data-set", true},
		{`<ns:sdnList xmlns:ns="u">`, "sdnList", true},
		{`<CONSOLIDATED_LIST dateGenerated="x"`, "CONSOLIDATED_LIST", false}, // cut inside the root tag
		{`<html><body>`, "CONSOLIDATED_LIST", false},
		{`{"status": 500}`, "export", false},
		{``, "export", false},
	} {
		if got := xmlutil.RootIs([]byte(c.head), c.local); got != c.want {
			t.Errorf("RootIs(%q, %s) = %v", c.head, c.local, got)
		}
	}
}

func TestFirstElement(t *testing.T) {
	se, ok := xmlutil.FirstElement([]byte(`<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity>`))
	if !ok || se.Name.Local != "export" || se.Name.Space != "http://eu.europa.ec/fpi/fsd/export" {
		t.Errorf("FirstElement = %v, %v", se.Name, ok)
	}
	if _, ok := xmlutil.FirstElement([]byte("not xml")); ok {
		t.Error("FirstElement of text: ok")
	}
}

func TestWhy(t *testing.T) {
	decodeErr := func(s string) error {
		d := xml.NewDecoder(bytes.NewReader([]byte(s)))
		for {
			if _, err := d.Token(); err != nil {
				return err
			}
		}
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{decodeErr("<a>\n<b>"), "XML ends early at line 2 (truncated download?)"},
		{decodeErr("<a>\n</b>"), "malformed XML at line 2: element <a> closed by </b>"},
		{io.ErrUnexpectedEOF, "XML ends early (truncated download?)"},
		{errors.New("boom"), "malformed XML: boom"},
	} {
		if got := xmlutil.Why(c.err); got != c.want {
			t.Errorf("Why(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
