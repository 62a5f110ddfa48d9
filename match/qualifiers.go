package match

import (
	"slices"
	"strings"
	"unicode"

	"embargo"
)

// Effects of qualifiers on the name score, signed. A birth date or an
// identifier that contradicts is strong evidence against: lists give them to
// tell namesakes apart. Nationality is often incomplete on lists, so a
// mismatch costs less than a contradicting date.
const (
	effDOBExact      = 0.05
	effDOBYear       = 0.03
	effDOBSameYear   = -0.02 // same year, month or day differ: a typo or a different person
	effDOBNear       = -0.06 // one year apart
	effDOBContra     = -0.15
	effCountryMatch  = 0.03
	effCountryContra = -0.05
	effGenderContra  = -0.10
	effIDMatch       = 0.30
	effIDContra      = -0.30
	idOnlyScore      = 0.95 // an identifier match with no name to compare
)

// qualify adds the effects of date of birth, country, gender and
// identifiers to the name score, explaining each.
func qualify(q *query, e *embargo.Entity, score float64, ex []embargo.Explanation) (float64, []embargo.Explanation) {
	add := func(x embargo.Explanation) {
		score += x.Score
		ex = append(ex, x)
	}
	if x, ok := dobEffect(q.BirthDate, e); ok {
		add(x)
	}
	if x, ok := countryEffect(q.Countries, e); ok {
		add(x)
	}
	if q.Gender != "" && e.Gender != "" && !strings.EqualFold(q.Gender, e.Gender) {
		add(embargo.Explanation{Field: "gender", Query: q.Gender, Candidate: e.Gender, Method: "contradicts", Score: effGenderContra})
	}
	if x, ok := idEffect(q.ids, e, score); ok {
		add(x)
	}
	return min(1, max(0, score)), ex
}

func dobEffect(d embargo.Date, e *embargo.Entity) (embargo.Explanation, bool) {
	if d.IsZero() || len(e.BirthDates) == 0 {
		return embargo.Explanation{}, false
	}
	best := embargo.Explanation{Field: "birth_date", Query: d.String(), Method: "contradicts", Score: effDOBContra}
	for _, b := range e.BirthDates {
		x := embargo.Explanation{Field: "birth_date", Query: d.String(), Candidate: b.String()}
		lo, hi := b.Date.Year, b.Date.Year
		if !b.To.IsZero() {
			hi = b.To.Year
		}
		switch {
		case b.Contains(d) && d.Day != 0 && b.Date.Day != 0 && b.To.IsZero() && !b.Approx:
			x.Method, x.Score = "exact", effDOBExact
		case b.Contains(d):
			x.Method, x.Score = "same-year", effDOBYear
		case d.Year >= lo && d.Year <= hi:
			x.Method, x.Score = "same-year-other-day", effDOBSameYear
		case d.Year >= lo-1 && d.Year <= hi+1:
			x.Method, x.Score = "one-year-apart", effDOBNear
		default:
			x.Method, x.Score = "contradicts", effDOBContra
		}
		if best.Candidate == "" || x.Score > best.Score {
			best = x
		}
	}
	return best, true
}

func countryEffect(qs []string, e *embargo.Entity) (embargo.Explanation, bool) {
	if len(qs) == 0 {
		return embargo.Explanation{}, false
	}
	var known []string
	known = append(known, e.Nationality...)
	known = append(known, e.Citizenship...)
	known = append(known, e.Countries...)
	if e.Vessel != nil && e.Vessel.Flag != "" {
		known = append(known, e.Vessel.Flag)
	}
	if len(known) == 0 {
		return embargo.Explanation{}, false
	}
	for _, c := range qs {
		for _, k := range known {
			if strings.EqualFold(c, k) {
				return embargo.Explanation{Field: "country", Query: c, Candidate: k, Method: "exact", Score: effCountryMatch}, true
			}
		}
	}
	return embargo.Explanation{Field: "country", Query: strings.Join(qs, ","), Candidate: strings.Join(known, ","),
		Method: "contradicts", Score: effCountryContra}, true
}

// idKey normalises an identifier value for comparison: letters and digits
// only, upper case, without an "IMO" prefix.
func idKey(v string) string {
	var b strings.Builder
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	k := b.String()
	if rest, ok := strings.CutPrefix(k, "IMO"); ok && rest != "" && isNumber(rest) {
		k = rest
	}
	return k
}

// sameID compares two identifier keys: the same, or the same number of at
// least six digits of which one writes the document's letter prefix and the
// other does not (the UN's passport "PD472310104" is OFAC's "472310104").
// Two different prefixes are two documents.
func sameID(q, e string) (method string) {
	if q == e {
		return "exact"
	}
	if qn, en := idNumber(q), idNumber(e); qn == en && len(qn) >= 6 && (qn == q || en == e) {
		return "same-number"
	}
	return ""
}

// idNumber is an identifier key without its leading letters when the rest
// is all digits ("PD472310104" -> "472310104"), else the key.
func idNumber(k string) string {
	n := strings.TrimLeftFunc(k, unicode.IsLetter)
	if n == "" || !isNumber(n) {
		return k
	}
	return n
}

// idEffect: a matching identifier is strong evidence for; one of the same
// type that differs is strong evidence against (one IMO per ship).
func idEffect(ids []embargo.Identifier, e *embargo.Entity, score float64) (embargo.Explanation, bool) {
	var contra *embargo.Explanation
	for _, qi := range ids {
		qk := idKey(qi.Value)
		if qk == "" {
			continue
		}
		for _, ei := range e.Identifiers {
			if qi.Type != "" && ei.Type != "" && qi.Type != ei.Type {
				continue
			}
			if method := sameID(qk, idKey(ei.Value)); method != "" {
				eff := max(effIDMatch, idOnlyScore-score)
				return embargo.Explanation{Field: "identifier", Query: qi.Value, Candidate: ei.Value,
					Method: method, Score: round(eff), Note: string(ei.Type)}, true
			}
			if qi.Type != "" && contra == nil {
				contra = &embargo.Explanation{Field: "identifier", Query: qi.Value, Candidate: ei.Value,
					Method: "contradicts", Score: effIDContra, Note: string(ei.Type)}
			}
		}
	}
	if contra != nil {
		return *contra, true
	}
	return embargo.Explanation{}, false
}

// schemaOK reports whether entity e may be what the query describes.
func schemaOK(q embargo.Schema, e *embargo.Entity, only []embargo.Schema) bool {
	if !embargo.Compatible(q, e.Schema) {
		return false
	}
	return len(only) == 0 || slices.Contains(only, e.Schema)
}
