package uk

import (
	"fmt"
	"regexp"
	"strings"
)

// otherKeys are the "(Key):value" labels OFSI writes inside the ConList's
// Other Information column (counted in the 2025-04-10 list: UK Sanctions
// List Ref 18,795 rows, UN Ref 8,108, Gender 7,409, the ship fields 81).
// Only these split the text: "(2022):" or "(United States of America):"
// also occur inside statements of reasons and are not labels.
var otherKeys = []string{
	"UK Sanctions List Ref", "UK Statement of Reasons", "UN Ref", "Gender",
	"Phone number", "Email address", "Type of entity", "Website", "Parent company",
	"Business Reg No", "Subsidiaries", "IMO number", "Current owners",
	"Flag of ship", "Previous flags", "Type of ship", "Tonnage of ship",
	"Length of ship", "Year built", "Fax", "Tel", "Further Identifiying Information",
}

// otherLabel finds every known label.
var otherLabel = func() *regexp.Regexp {
	q := make([]string, len(otherKeys))
	for i, k := range otherKeys {
		q[i] = regexp.QuoteMeta(k)
	}
	return regexp.MustCompile(`(?i)\((` + strings.Join(q, "|") + `)\)\s*:`)
}()

// otherInfo splits Other Information into its labelled values, keyed by the
// label in lower case. Text before the first label is kept under "". A label
// that appears twice keeps both values, in order.
func otherInfo(s string) map[string][]string {
	out := map[string][]string{}
	locs := otherLabel.FindAllStringSubmatchIndex(s, -1)
	prev, key := 0, ""
	for _, l := range locs {
		if v := strings.TrimSpace(s[prev:l[0]]); v != "" || key != "" {
			out[key] = append(out[key], v)
		}
		key = strings.ToLower(s[l[2]:l[3]])
		prev = l[1]
	}
	if v := strings.TrimSpace(s[prev:]); v != "" || key != "" {
		out[key] = append(out[key], v)
	}
	return out
}

// first returns the first value of key, without the ". " that ends it.
func first(info map[string][]string, key string) string {
	v := info[key]
	if len(v) == 0 {
		return ""
	}
	return strings.TrimRight(clean(v[0]), ".;, ")
}

// ukRefRe is a UK Sanctions List reference: three letters and four digits
// (RUS0649, GHR0086, AQD0183).
var ukRefRe = regexp.MustCompile(`^[A-Z]{3}\d{4}\b`)

// ukRefs reads the references at the start of a "(UK Sanctions List Ref):"
// value; a group under two regimes has two: "BEL0047 and GHR0051".
func ukRefs(v string) []string {
	var refs []string
	rest := v
	for {
		rest = rest[len(unRefLead.FindString(rest)):]
		ref := ukRefRe.FindString(rest)
		if ref == "" {
			return refs
		}
		refs = append(refs, ref)
		rest = rest[len(ref):]
	}
}

// unRefRe is a UN Security Council reference as UK values write it. The UN
// form is two letters, i (individual) or e (entity), a dot and three digits
// (KPi.033). The ConList of 2025-04-10 has four groups with slips: a space
// after the dot ("CDi. 037") or a capital E ("QDE.145"); they are read and
// reported. A value may hold two references: "QDi.042 and SOi.002".
var unRefRe = regexp.MustCompile(`\b([A-Z]{2})([ieIE])\.\s?(\d{3})\b`)

// unRefLead is what may sit between references at the start of a value.
var unRefLead = regexp.MustCompile(`^[\s.,;&]*(?:and\b)?[\s,;&]*`)

// unRefs reads the UN references at the start of a "(UN Ref):" value. The
// value goes on into free text ("QDi.263. Also referred to as ..."), which
// may name other lists' records (an owner's reference), so reading stops at
// the first thing that is not a reference. slips lists references read
// despite a typing slip, each as "written -> read".
func unRefs(v string) (refs, slips []string) {
	rest := v
	for {
		rest = rest[len(unRefLead.FindString(rest)):]
		m := unRefRe.FindStringSubmatchIndex(rest)
		if m == nil || m[0] != 0 {
			return refs, slips
		}
		written := rest[m[0]:m[1]]
		ref := rest[m[2]:m[3]] + strings.ToLower(rest[m[4]:m[5]]) + "." + rest[m[6]:m[7]]
		if written != ref {
			slips = append(slips, fmt.Sprintf("%q -> %s", written, ref))
		}
		refs = append(refs, ref)
		rest = rest[m[1]:]
	}
}

// legacyUNRef matches the 2020 ConList's "UN Ref IRi.018." that opens Other
// Information before OFSI labelled its fields.
var legacyUNRef = regexp.MustCompile(`^UN Ref\s+`)
