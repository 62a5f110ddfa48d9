package canada

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"embargo"
	"embargo/normalize"
)

var (
	// "1965-07-15 OR 1969-09-28", "1969 or 1970"
	orSep = regexp.MustCompile(`(?i)\s+or\s+`)
	// "1948-1950": a range of years
	yearRange = regexp.MustCompile(`^(\d{4})\s*-\s*(\d{4})$`)
	// "born in the early 1970s"
	decade = regexp.MustCompile(`(?i)^(?:born in )?(?:the )?(early|mid|late)?[ -]?(\d{3}0)s$`)
)

// births reads DateOfBirthOrShipBuildDate: ISO dates or years, sometimes
// two joined by "or", a year range, or words. What it cannot read is kept
// in Remarks and reported.
func (m mapper) births(s string) ([]embargo.BirthDate, bool) {
	var out []embargo.BirthDate
	for _, part := range orSep.Split(s, -1) {
		b, ok := birth(strings.TrimSpace(part))
		if !ok {
			m.probs.Add(m.at("DateOfBirthOrShipBuildDate"), "cannot read %q as a date; kept in remarks", part)
			return nil, false
		}
		out = append(out, b)
	}
	return out, true
}

func birth(s string) (embargo.BirthDate, bool) {
	if d, err := embargo.ParseDate(s); err == nil && !d.IsZero() {
		return embargo.BirthDate{Date: d}, true
	}
	if m := yearRange.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a < b && a > 0 {
			return embargo.BirthDate{Date: embargo.Date{Year: a}, To: embargo.Date{Year: b}}, true
		}
	}
	if m := decade.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		if y == 0 {
			return embargo.BirthDate{}, false
		}
		lo, hi := y, y+9
		switch strings.ToLower(m[1]) {
		case "early":
			hi = y + 3
		case "mid":
			lo, hi = y+3, y+6
		case "late":
			lo = y + 6
		}
		return embargo.BirthDate{Date: embargo.Date{Year: lo}, To: embargo.Date{Year: hi}, Approx: true}, true
	}
	return embargo.BirthDate{}, false
}

// langLabel finds "Belarusian: ", "Russian : ", "Arabic: " inside the alias
// text, which SEMA uses to introduce a name in another script.
var langLabel = regexp.MustCompile(`(?i)(^|[\s,;]+)(belarusian|belarussian|russian|ukrainian|arabic|farsi|persian|chinese|korean|burmese|spanish)\s*:\s*`)

var langCode = map[string]string{
	"belarusian": "be", "belarussian": "be", "russian": "ru", "ukrainian": "uk", "arabic": "ar",
	"farsi": "fa", "persian": "fa", "chinese": "zh", "korean": "ko", "burmese": "my", "spanish": "es",
}

// aliasSep splits the free-text Aliases: SEMA separates names with ";" or
// ",", and for persons also with " or ", " and " and "/" (variants of one
// name). Entities keep " and " and "/" ("Research and Production ...").
var (
	personSep = regexp.MustCompile(`\s*(?:[;,]|\s+or\s+|\s+and\s+|/)\s*`)
	entitySep = regexp.MustCompile(`\s*[;,]\s*`)
)

// legalForms are fragments left by splitting "..., АО" or "..., LLC" on the
// comma: not names of their own.
var legalForms = map[string]bool{
	"ao": true, "оао": true, "ао": true, "пао": true, "зао": true, "ооо": true, "ooo": true, "llc": true,
	"ltd": true, "ltd.": true, "inc": true, "inc.": true, "jsc": true, "pjsc": true, "co.": true, "co": true,
	"limited": true, "and": true, "or": true,
}

// aliases splits the Aliases text into names, each labelled with the
// language the text gives and the script detected.
func (m mapper) aliases(text string, schema embargo.Schema) []embargo.Name {
	if text == "" {
		return nil
	}
	sep := entitySep
	if schema == embargo.Person {
		sep = personSep
	}
	var out []embargo.Name
	seen := map[string]bool{}
	// Cut the text at each language label; the label applies up to the next.
	var locs [][]int
	if strings.IndexByte(text, ':') >= 0 { // every label ends in a colon; most texts have none
		locs = langLabel.FindAllStringSubmatchIndex(text, -1)
	}
	segStart, lang := 0, ""
	emit := func(seg, lang string) {
		for _, a := range sep.Split(seg, -1) {
			a = trimUnbalanced(a)
			for _, w := range []string{"or ", "and ", "Or ", "And "} {
				a = strings.TrimPrefix(a, w) // ", or Alexandr ..." leaves the conjunction
			}
			if !hasLetters(a, 2) || legalForms[strings.ToLower(a)] || seen[a] {
				continue
			}
			seen[a] = true
			n := name(a, embargo.AliasName)
			n.Lang = lang
			if n.Script != normalize.Latin && n.Script != "" {
				n.Kind = embargo.OriginalName
			}
			out = append(out, n)
		}
	}
	for _, l := range locs {
		emit(text[segStart:l[0]], lang)
		lang = langCode[strings.ToLower(text[l[4]:l[5]])]
		segStart = l[1]
	}
	emit(text[segStart:], lang)
	return out
}

func hasLetters(s string, n int) bool {
	k := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			k++
			if k >= n {
				return true
			}
		}
	}
	return false
}

// trimUnbalanced removes spaces and a bracket or quote left without its
// partner by splitting ("Минобороны Беларуси)"), keeping balanced ones.
func trimUnbalanced(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range [][2]string{{"(", ")"}, {"[", "]"}, {"«", "»"}, {"“", "”"}} {
		open, close := strings.Count(s, p[0]), strings.Count(s, p[1])
		switch {
		case close > open && strings.HasSuffix(s, p[1]):
			s = strings.TrimSuffix(s, p[1])
		case open > close && strings.HasPrefix(s, p[0]):
			s = strings.TrimPrefix(s, p[0])
		}
	}
	if strings.Count(s, `"`)%2 == 1 {
		s = strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
	}
	return strings.TrimSpace(s)
}
