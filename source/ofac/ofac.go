// Package ofac reads the US Treasury OFAC lists: the Specially Designated
// Nationals (SDN) list and the Consolidated (non-SDN) list, each in two
// official formats.
//
//   - "ofac-csv" / "ofac-cons-csv": the legacy delimited set. sdn.csv
//     (cons_prim.csv) holds one row per entry, add.csv (cons_add.csv) the
//     addresses, alt.csv (cons_alt.csv) the aliases and sdn_comments.csv
//     (cons_comments.csv) the remarks OFAC cut at the field's width. The
//     files are ASCII, CRLF, without header, with "-0- " for null and a
//     trailing 0x1A (Ctrl-Z) byte (OFAC "SDN CSV" file description).
//   - "ofac-xml" / "ofac-cons-xml": the sdnList XML (sdn.xml,
//     consolidated.xml), old namespace http://tempuri.org/sdnList.xsd or the
//     sanctionslistservice one; elements are matched by local name only.
//
// Neither format says whether it carries the SDN or the non-SDN list: the
// file name does (cons_*.csv, CONSOLIDATED.xml). Detect goes by the name;
// naming the format explicitly (--source ofac-cons-xml) overrides it, since
// Parse never looks at the name to decide the list.
//
// Names: Full keeps the name as OFAC prints it ("KIM, Jong Un"), so that CSV
// and XML versions of one list give the same names and diffs stay clean; for
// individuals Family ("KIM") and Given ("Jong Un") are filled from the comma.
// Matching is order-insensitive, so the comma costs nothing there.
//
// Aliases: alt.csv and the XML's strong a.k.a. get Quality strong; the
// a.k.a. quoted in the remarks are OFAC's weak (low-quality) aliases (the XML
// lists the same names with category weak), so they get Quality weak.
package ofac

import (
	"path"
	"strings"

	"embargo"
	"embargo/source"
)

// Format names, sources and the designation every record carries.
const (
	NameCSV     = "ofac-csv"
	NameConsCSV = "ofac-cons-csv"
	NameXML     = "ofac-xml"
	NameConsXML = "ofac-cons-xml"

	SourceSDN  = "ofac"
	SourceCons = "ofac-cons"

	Authority = "US OFAC"
	ListSDN   = "SDN"
	ListCons  = "Consolidated (non-SDN)"
)

// MaxRecord bounds Entity.Record (the rows or XML element as published); the
// longest entry of the 2021-07 CSV set and the 2026-01-08 XML is 10.7 KB.
const MaxRecord = 64 << 10

func init() {
	source.Register(csvFormat{list: sdnList})
	source.Register(csvFormat{list: consList})
	source.Register(xmlFormat{list: sdnList})
	source.Register(xmlFormat{list: consList})
}

// list says which of OFAC's two lists a format carries.
type list struct {
	csvName, xmlName string
	source           string
	name             string
	cons             bool
}

var (
	sdnList  = list{csvName: NameCSV, xmlName: NameXML, source: SourceSDN, name: ListSDN}
	consList = list{csvName: NameConsCSV, xmlName: NameConsXML, source: SourceCons, name: ListCons, cons: true}
)

// isConsName reports whether a file name says it holds the non-SDN list:
// OFAC names those files cons_prim.csv, cons_add.csv, ..., CONSOLIDATED.XML.
func isConsName(name string) bool {
	b := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	return strings.HasPrefix(b, "cons_") || strings.HasPrefix(b, "cons.") ||
		strings.Contains(b, "consolidated") || strings.Contains(b, "non-sdn") || strings.Contains(b, "nonsdn")
}

// schemaOf maps SDN_Type (CSV) and sdnType (XML). OFAC leaves the type null
// ("-0- ") for entities in the CSV and writes "Entity" in the XML.
func schemaOf(t string) (embargo.Schema, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "individual":
		return embargo.Person, true
	case "vessel":
		return embargo.Vessel, true
	case "aircraft":
		return embargo.Aircraft, true
	case "", "entity":
		return embargo.Organization, true
	}
	return embargo.Thing, false
}

// programs splits the Program field: the CSV writes several programmes as
// "SDGT] [IRGC] [IFSR" (the outer brackets of "[SDGT] [IRGC] [IFSR]" dropped).
func programs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '[' || r == ']' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// designations builds one Designation per programme.
func (l list) designations(ref string, progs []string) []embargo.Designation {
	out := make([]embargo.Designation, 0, len(progs))
	for _, p := range progs {
		out = append(out, embargo.Designation{Authority: Authority, List: l.name,
			Program: source.Regime(p), SourceProgram: p, Ref: ref})
	}
	return out
}

// primaryName builds the primary name; individuals' "LAST, First" is split.
func primaryName(full string, schema embargo.Schema) embargo.Name {
	n := embargo.Name{Full: full, Kind: embargo.PrimaryName, Script: "Latin"}
	if schema == embargo.Person {
		n.Family, n.Given = splitPersonName(full)
	}
	return n
}

// splitPersonName splits OFAC's "KIM, Jong Un" at the first comma.
func splitPersonName(full string) (family, given string) {
	fam, giv, ok := strings.Cut(full, ",")
	if !ok {
		return "", ""
	}
	return strings.TrimSpace(fam), strings.TrimSpace(giv)
}

// bounded returns raw cut at MaxRecord bytes.
func bounded(raw string) string {
	if len(raw) <= MaxRecord {
		return raw
	}
	cut := MaxRecord
	for cut > 0 && raw[cut]&0xC0 == 0x80 {
		cut--
	}
	return raw[:cut] + "\n[record cut at 64 KiB]"
}

// looksLike names what a refused file seems to be, for the error message.
func looksLike(data []byte) string {
	t := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	switch {
	case t == "":
		return " (the file is empty)"
	case strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html"):
		return " (it is an HTML page, perhaps a server error page)"
	case strings.HasPrefix(t, "{"):
		return " (it is JSON, perhaps a server error message)"
	case strings.HasPrefix(t, "<"):
		return " (it is XML)"
	}
	return ""
}

// appendUniq appends v to s unless it is empty or already there.
func appendUniq(s []string, v string) []string {
	if v == "" {
		return s
	}
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
