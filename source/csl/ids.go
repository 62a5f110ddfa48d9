package csl

import (
	"regexp"
	"strings"

	"embargo"
	"embargo/country"
)

// identifiers reads the ids column: "; "-separated entries of ", "-joined
// parts. The 2019 layout writes "[CC, ]number, label" ("US, 80-0890696,
// Tax ID No."); the current one "label, number[, CC]" ("Passport,
// 836238033, KP"). Entries that are not documents ("Secondary sanctions
// risk:, ...", "Website") go to Remarks; "Gender, Male" sets Gender.
func (m cslMapper) identifiers(e *embargo.Entity) {
	_, labelFirst := m.p.col["_id"]
	for _, entry := range splitMulti(m.p.get("ids")) {
		label, value, cc := splitID(entry, labelFirst)
		if strings.EqualFold(label, "gender") {
			e.Gender = strings.ToLower(value)
			continue
		}
		t, ok := idType(label)
		if !ok || value == "" {
			e.Remarks = strings.TrimSpace(e.Remarks + "\n" + entry)
			continue
		}
		if t == embargo.IMO {
			value = strings.TrimSpace(strings.TrimPrefix(value, "IMO"))
		}
		id := embargo.Identifier{Type: t, Value: value, Note: label}
		if c, ok := country.Code(cc); ok {
			id.Country = c
		}
		e.Identifiers = append(e.Identifiers, id)
	}
}

var ccRe = regexp.MustCompile(`^[A-Z]{2}$`)

func splitID(entry string, labelFirst bool) (label, value, cc string) {
	parts := strings.Split(entry, ", ")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case labelFirst && len(parts) >= 2:
		label, value = parts[0], parts[1]
		if len(parts) == 3 && ccRe.MatchString(parts[2]) {
			cc = parts[2]
		} else if len(parts) > 2 {
			value = "" // a remark that happens to hold commas
		}
	case !labelFirst && len(parts) == 3 && ccRe.MatchString(parts[0]):
		cc, value, label = parts[0], parts[1], parts[2]
	case !labelFirst && len(parts) == 2:
		value, label = parts[0], parts[1]
	}
	return label, value, cc
}

// idType classifies the list's own label of an identifier.
func idType(label string) (embargo.IDType, bool) {
	l := strings.ToLower(label)
	switch {
	case l == "":
		return "", false
	case strings.Contains(l, "passport"):
		return embargo.Passport, true
	case strings.Contains(l, "imo") || strings.Contains(l, "vessel registration identification"):
		return embargo.IMO, true
	case strings.Contains(l, "mmsi"):
		return embargo.MMSI, true
	case strings.Contains(l, "swift"):
		return embargo.SWIFT, true
	case strings.Contains(l, "tax id") || strings.Contains(l, "v.a.t.") || l == "inn" || strings.Contains(l, "tax"):
		return embargo.TaxID, true
	case strings.Contains(l, "national id") || strings.Contains(l, "cedula") || strings.Contains(l, "personal id") || strings.Contains(l, "identification number"):
		return embargo.NationalID, true
	case strings.Contains(l, "registration") || strings.Contains(l, "matricula") || strings.Contains(l, "gazette") || strings.Contains(l, "company number"):
		return embargo.Registration, true
	case strings.Contains(l, "website") || strings.Contains(l, "email") || strings.Contains(l, "sanctions") || strings.Contains(l, "directive") || strings.Contains(l, "risk"):
		return "", false
	case strings.HasSuffix(l, "no.") || strings.HasSuffix(l, "no") || strings.Contains(l, "number") || strings.HasSuffix(l, " id"):
		return embargo.OtherID, true
	}
	return "", false
}
