// Package normalize prepares names for comparison: Unicode normalisation,
// case folding, script detection and transliteration of every script the
// lists use into Latin renderings, each labelled with the system that made
// it. It does no I/O; tables are Go source.
//
// Fold folds a name once (marks stay on non-Latin letters, so й is not и);
// Romanize gives its Latin renderings: Cyrillic (ICAO, BGN/PCGN, GOST and
// everyday spellings; Ukrainian, Belarusian, Serbian; Korean names in
// Cyrillic), Hangul (RR, MR, DPRK), Han (pinyin, Sino-Korean), Arabic
// script, Greek and kana. Canon maps a Latin token to a key its other
// romanizations share (jeong, chong, jong); SplitKorean and Join handle
// given names written as one word (Jongun) or apart (Jong Un).
package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	unidecode "github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// Scripts, as DetectScript names them.
const (
	Latin    = "Latin"
	Cyrillic = "Cyrillic"
	Hangul   = "Hangul"
	Han      = "Han"
	Arabic   = "Arabic"
	Greek    = "Greek"
	Hebrew   = "Hebrew"
	Kana     = "Kana"
	Thai     = "Thai"
	Other    = "Other"
	Mixed    = "Mixed"
)

// DetectScript names the script of the letters in s ("" when s has none,
// Mixed when letters of several non-Latin scripts appear). Kana mixed with
// Han (a Japanese name) is Kana.
func DetectScript(s string) string {
	seen := ""
	for _, r := range s {
		if r < 0x80 || !unicode.IsLetter(r) {
			if r < 0x80 && seen == "" && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
				seen = Latin
			}
			continue
		}
		sc := runeScript(r)
		switch {
		case seen == "" || seen == Latin:
			seen = sc
		case sc == seen || sc == Latin:
		case seen == Kana && sc == Han:
		case seen == Han && sc == Kana:
			seen = Kana
		default:
			return Mixed
		}
	}
	return seen
}

func runeScript(r rune) string {
	if r >= 0 && int(r) < len(lowScripts) {
		return scriptNames[lowScripts[r]]
	}
	return runeScriptOf(r)
}

// lowScripts holds runeScript of the runes below U+3000 (the alphabets:
// Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, Hangul jamo), an index in
// scriptNames, worked out once by runeScriptOf: every letter of every name
// is asked, and the Unicode tables' binary searches it runs through one
// after another were a sixtieth of a screening query.
var lowScripts = func() (t [0x3000]uint8) {
	for r := range t {
		t[r] = uint8(slices.Index(scriptNames, runeScriptOf(rune(r))))
	}
	return t
}()

var scriptNames = []string{Latin, Cyrillic, Hangul, Han, Arabic, Greek, Hebrew, Kana, Thai, Other}

// runeScriptOf is runeScript, read from the Unicode tables.
func runeScriptOf(r rune) string {
	switch {
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		return Latin
	case unicode.Is(unicode.Cyrillic, r):
		return Cyrillic
	case unicode.Is(unicode.Hangul, r):
		return Hangul
	case unicode.Is(unicode.Han, r):
		return Han
	case unicode.Is(unicode.Arabic, r):
		return Arabic
	case unicode.Is(unicode.Greek, r):
		return Greek
	case unicode.Is(unicode.Hebrew, r):
		return Hebrew
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー':
		return Kana
	case unicode.Is(unicode.Thai, r):
		return Thai
	}
	return Other
}

// latinBase maps a precomposed Latin or Greek letter to its letters without
// marks (é -> e, ά -> α), computed once from the Unicode decompositions;
// letters with a stroke, which do not decompose, are listed by hand.
var latinBase = buildLatinBase()

func buildLatinBase() map[rune]string {
	m := map[rune]string{
		'ø': "o", 'ł': "l", 'đ': "d", 'ß': "ss", 'æ': "ae", 'œ': "oe",
		'ı': "i", 'þ': "th", 'ð': "d", 'ħ': "h", 'ŧ': "t", 'ƒ': "f",
		'ɨ': "i", 'ʉ': "u", 'ŀ': "l", 'ĸ': "k", 'ŋ': "ng", 'ɛ': "e", 'ɔ': "o", 'ς': "σ",
		'ə': "a", // Azerbaijani ə: Heydər Əliyev is Heydar Aliyev
	}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if _, ok := m[r]; ok || !unicode.IsLetter(r) {
				continue
			}
			d := norm.NFD.String(string(r))
			var b strings.Builder
			for _, c := range d {
				if !unicode.Is(unicode.Mn, c) {
					b.WriteRune(c)
				}
			}
			if s := b.String(); s != string(r) && s != "" {
				m[r] = s
			}
		}
	}
	add(0xC0, 0x24F)    // Latin-1 Supplement, Latin Extended-A/B
	add(0x370, 0x3FF)   // Greek tonos and dialytika
	add(0x1E00, 0x1EFF) // Latin Extended Additional (Vietnamese)
	add(0x1F00, 0x1FFF) // Greek Extended
	return m
}

// isApostrophe reports the marks that join a word rather than split it.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', 'ʻ', '‘', 'ʹ', 'ʿ', 'ʾ', '´':
		return true
	}
	return false
}

// Fold returns s in NFKC, lower case, with marks removed from Latin and
// Greek letters and every run of punctuation or separators turned into one
// space. Apostrophes inside words are dropped ("Ch'oe" -> "choe").
// Letters of other scripts are kept whole (lower-cased): й stays й, so that
// Romanize can still tell it from и. Stand-alone combining marks (Arabic
// harakat, Hebrew points, Cyrillic stress accents) are dropped because they
// are optional in every list; those of Indic and other scripts are kept.
func Fold(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	if !nfkcStable(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space, keepMarks := false, false
	for _, r := range s {
		switch {
		case r < 0x80 && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < 0x80 && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x400 && r <= 0x45F: // Russian and Ukrainian letters
			switch {
			case r < 0x410:
				r += 0x50
			case r < 0x430:
				r += 0x20
			}
			keepMarks = false
		case r >= 0xAC00 && r <= 0xD7A3, r >= 0x4E00 && r <= 0x9FFF: // Hangul, Han
			keepMarks = false
		case (isApostrophe(r) || r == geresh) && afterGereshLetter(b.String()):
			// ג' ז' צ' ת' (Hebrew j, zh, ch, th): kept as a geresh
			r = geresh
		case r == geresh || r == '\u05F4': // a geresh elsewhere, gershayim
			continue
		case isApostrophe(r) || r == 0x640 || r == 0x200C || r == 0x200D:
			// Arabic tatweel; Persian zero-width non-joiner (خامنه‌ای is
			// one word, Khamenei) and joiner
			continue
		case r >= 0x300 && isMark(r):
			if keepMarks {
				b.WriteRune(r)
			}
			continue
		case isLetterOrDigit(r):
			r = unicode.ToLower(r)
			if hasLatinBase(r) {
				if base, ok := latinBase[r]; ok {
					writeSep(&b, &space)
					b.WriteString(base)
					keepMarks = false
					continue
				}
			}
			keepMarks = r >= 0x900 && !isCJKOrHangul(r) && runeScript(r) == Other || r >= 0xE00 && r <= 0xE7F
		default:
			space = true
			continue
		}
		writeSep(&b, &space)
		b.WriteRune(r)
	}
	return b.String()
}

// isMark reports whether r is a mark Fold drops or keeps (Mn, Me).
func isMark(r rune) bool {
	if r >= 0 && int(r) < len(lowClasses) {
		return lowClasses[r]&lowMark != 0
	}
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}

// isLetterOrDigit reports whether r is a letter, digit or spacing mark,
// which Fold keeps.
func isLetterOrDigit(r rune) bool {
	if r >= 0 && int(r) < len(lowClasses) {
		return lowClasses[r]&lowLetter != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r)
}

// lowClasses holds isMark and isLetterOrDigit of the runes below U+3000
// (the alphabets), worked out once from the Unicode tables: Fold asked
// them of every letter of a name read from Arabic script, a binary search
// in each of up to five tables.
var lowClasses = func() (t [0x3000]uint8) {
	for i := range t {
		r := rune(i)
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
			t[i] |= lowMark
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r) {
			t[i] |= lowLetter
		}
	}
	return t
}()

const (
	lowMark = 1 << iota
	lowLetter
)

// afterGereshLetter reports whether s ends with a Hebrew letter that a
// geresh modifies.
func afterGereshLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case 'ג', 'ז', 'צ', 'ץ', 'ת':
		return true
	}
	return false
}

// nfkcStable reports a string whose every rune is unchanged by NFKC and
// cannot compose with its neighbour: ASCII letters, digits and spaces,
// basic Cyrillic letters, Hangul syllables, unified Han ideographs. A
// combining mark or conjoining jamo falls outside, so a string that needs
// composing always goes through NFKC.
func nfkcStable(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if r < ' ' {
				return false
			}
		case r >= 0x400 && r <= 0x45F, r >= 0xAC00 && r <= 0xD7A3, r >= 0x4E00 && r <= 0x9FFF:
		default:
			return false
		}
	}
	return true
}

// hasLatinBase reports the ranges latinBase covers, to spare a map look-up
// for every Cyrillic, Arabic or Han letter.
func hasLatinBase(r rune) bool {
	return r >= 0xC0 && r <= 0x2AF || r >= 0x370 && r <= 0x3FF || r >= 0x1E00 && r <= 0x1FFF
}

func isCJKOrHangul(r rune) bool {
	return r >= 0x3040 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3
}

func writeSep(b *strings.Builder, space *bool) {
	if *space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	*space = false
}

// isFoldedASCII reports whether s is already lower-case ASCII letters and
// digits separated by single spaces, the common case at query time.
func isFoldedASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// Tokens splits a folded string on spaces.
func Tokens(folded string) []string { return strings.Fields(folded) }

// Variant is one Latin rendering of a name, with the method that made it:
//   - "exact": the name was already in Latin script;
//   - "cyrillic-icao", "cyrillic-bgn", "cyrillic-gost": ICAO Doc 9303,
//     BGN/PCGN, GOST 7.79-2000 B; "cyrillic-common", "cyrillic-german",
//     "cyrillic-french": everyday English, German and French spellings;
//     "cyrillic-serbian": Serbian Latin, for names with Serbian letters;
//   - "cyrillic-korean": a Korean name in Cyrillic (Kontsevich) read back;
//   - "hangul-rr", "hangul-mr", "korean-dprk": Revised Romanization,
//     McCune–Reischauer, DPRK practice; "hangul-loan": a foreign name in
//     Hangul read back through the loanword spelling rules;
//   - "han-pinyin", "han-korean": Mandarin pinyin, Sino-Korean readings;
//   - "kana-hepburn": Japanese kana; "arabic": Arabic, Persian, Urdu;
//   - "greek-elot": Greek by ELOT 743;
//   - "unidecode": anything else, or a Han character outside the tables.
type Variant struct {
	Text   string // folded Latin text
	Method string
}

// Romanize returns the distinct Latin renderings of name, folded, each with
// its method; the first is the preferred one. A Latin name gives itself.
// Every system reads the folded name, in which non-Latin letters are still
// whole, and passes Latin letters and digits through.
func Romanize(name string) []Variant {
	f := Fold(name)
	var vs []Variant
	switch DetectScript(f) {
	case Latin, "":
		return []Variant{{Text: f, Method: "exact"}}
	case Cyrillic:
		vs = romanizeCyrillic(f)
	case Hangul:
		vs = romanizeHangul(f)
	case Han:
		vs = romanizeHan(f)
	case Arabic:
		vs = romanizeArabic(f)
	case Kana:
		vs = romanizeKana(f)
	case Hebrew:
		vs = romanizeHebrew(f)
	case Greek:
		// ELOT 743 first; unidecode's reading (η e, υ u) follows as the
		// older Cypriot passport spelling (Demetris Ioannides).
		vs = append(romanizeGreek(f), Variant{Text: Fold(unidecode.Unidecode(f)), Method: "unidecode"})
	case Mixed:
		vs = romanizeMixed(f)
	}
	if len(vs) == 0 {
		return []Variant{{Text: Fold(unidecode.Unidecode(f)), Method: "unidecode"}}
	}
	for i := range vs {
		// letters a system does not cover (a Greek letter in a Cyrillic
		// name) fall back to unidecode rather than staying unreadable.
		if !isASCII(vs[i].Text) {
			vs[i].Text = Fold(unidecode.Unidecode(vs[i].Text))
		}
	}
	return dedupe(vs)
}

// romanizeMixed renders a name whose words are in several scripts word by
// word, each with the preferred system of its script; the variant takes
// the method of its first non-Latin word.
func romanizeMixed(f string) []Variant {
	var b strings.Builder
	method := ""
	for i, w := range strings.Fields(f) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, run := range scriptRuns(w) {
			v := romanizeRun(run)
			b.WriteString(v.Text)
			if method == "" && v.Method != "exact" {
				method = v.Method
			}
		}
	}
	return []Variant{{Text: b.String(), Method: method}}
}

// scriptRuns cuts a word where its letters change from one non-Latin
// script to another (Latin letters, digits and marks stay with the run
// they are in): a word that mixes scripts (a Greek letter in a Cyrillic
// word, 김Ким) is read run by run. Romanize, given such a word, called
// romanizeMixed, which called Romanize on the same word until the stack
// overflowed: one query could bring a server down.
func scriptRuns(w string) []string {
	var runs []string
	start, cur := 0, ""
	for i, r := range w {
		if r < 0x80 || !unicode.IsLetter(r) {
			continue
		}
		sc := runeScript(r)
		if sc == Latin {
			continue
		}
		if cur != "" && sc != cur {
			runs = append(runs, w[start:i])
			start = i
		}
		cur = sc
	}
	return append(runs, w[start:])
}

// romanizeRun is the preferred rendering of a run of one script; one that
// DetectScript still calls mixed goes to unidecode rather than round again.
func romanizeRun(run string) Variant {
	if DetectScript(run) == Mixed {
		return Variant{Text: Fold(unidecode.Unidecode(run)), Method: "unidecode"}
	}
	if vs := Romanize(run); len(vs) > 0 {
		return vs[0]
	}
	return Variant{}
}

// dedupe drops empty variants and repeated texts, keeping the first method
// that produced a text.
func dedupe(vs []Variant) []Variant {
	out := vs[:0]
	for _, v := range vs {
		if v.Text == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if o.Text == v.Text {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clean collapses the spaces a transliteration may leave (from letters that
// render as nothing, like ь) and trims them.
func clean(b []byte) string {
	out := b[:0]
	for _, c := range b {
		if c == ' ' && (len(out) == 0 || out[len(out)-1] == ' ') {
			continue
		}
		out = append(out, c)
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out)
}

// runeAt is rs[i], or 0 outside rs: the letters around the one being
// transliterated, which most rules look at.
func runeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}
