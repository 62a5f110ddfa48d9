package unsc

import (
	"strings"

	"embargo"
)

// idType maps TYPE_OF_DOCUMENT. The list writes it in English, and in a few
// records in Spanish or French ("Número de pasaporte", "Numéro de passeport").
func idType(t string) embargo.IDType {
	t = strings.ToLower(clean(t))
	switch {
	case t == "":
		return embargo.OtherID
	case strings.Contains(t, "passport") || strings.Contains(t, "pasaporte") || strings.Contains(t, "passeport"):
		return embargo.Passport
	case strings.Contains(t, "national identification") || strings.Contains(t, "identity card") || strings.Contains(t, "national id"):
		return embargo.NationalID
	}
	return embargo.OtherID
}

// documents maps INDIVIDUAL_DOCUMENT. The source's own wording
// (TYPE_OF_DOCUMENT2, NOTE, date and city of issue) goes to Note. A document
// with no NUMBER (the number is then only in the NOTE, in prose) is not an
// identifier one can match; it is reported and stays in Entity.Record.
func (m mapper) documents(ds []document) []embargo.Identifier {
	var out []embargo.Identifier
	for _, d := range ds {
		num := clean(d.Number)
		note := joinNonEmpty("; ", clean(d.Type2), clean(d.Note), prefixed("issued ", clean(d.DateOfIssue)), prefixed("in ", clean(d.CityOfIssue)))
		if num == "" {
			if note != "" || clean(d.Type) != "" {
				m.add("INDIVIDUAL_DOCUMENT", "%s without NUMBER (%q); not kept as an identifier", orDefault(clean(d.Type), "document"), note)
			}
			continue
		}
		id := embargo.Identifier{Type: idType(d.Type), Value: num, Note: note}
		if id.Type == embargo.OtherID && clean(d.Type2) != "" {
			id.Type = idType(d.Type2)
		}
		if c := orDefault(clean(d.IssuingCountry), clean(d.CountryOfIssue)); c != "" {
			id.Country, _ = m.country("INDIVIDUAL_DOCUMENT/ISSUING_COUNTRY", c)
		}
		out = append(out, id)
	}
	return out
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
