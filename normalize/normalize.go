// Package normalize prepares names for comparison: Unicode normalisation,
// case folding, script detection and transliteration of every script the
// lists use into Latin renderings, each labelled with the system that made
// it. It does no I/O; tables are Go source.
package normalize

import (
	"strings"
	"unicode"

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
// Mixed when letters of several non-Latin scripts appear).
func DetectScript(s string) string {
	seen := ""
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		sc := runeScript(r)
		if seen == "" || seen == Latin {
			seen = sc
		} else if sc != seen && sc != Latin {
			return Mixed
		}
	}
	return seen
}

func runeScript(r rune) string {
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
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return Kana
	case unicode.Is(unicode.Thai, r):
		return Thai
	}
	return Other
}

// Fold returns s in NFKC, lower case, with marks removed from Latin letters
// and every run of punctuation or separators turned into one space.
// Apostrophes inside words are dropped ("Ch'oe" -> "choe").
// Non-Latin letters are kept as they are (lower-cased).
func Fold(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʻ' || r == '‘':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return norm.NFC.String(b.String())
}

// Tokens splits a folded string on spaces.
func Tokens(folded string) []string { return strings.Fields(folded) }

// Variant is one Latin rendering of a name, with the method that made it
// ("exact" for a name already in Latin script; "cyrillic-icao",
// "cyrillic-bgn", "cyrillic-gost", "hangul-rr", "hangul-mr", "han-pinyin",
// "han-korean", "arabic", "unidecode").
type Variant struct {
	Text   string // folded Latin text
	Method string
}

// Romanize returns the distinct Latin renderings of name, folded, each with
// its method; the first is the preferred one. A Latin name gives itself.
func Romanize(name string) []Variant {
	f := Fold(name)
	if sc := DetectScript(f); sc == Latin || sc == "" {
		return []Variant{{Text: f, Method: "exact"}}
	}
	return []Variant{{Text: Fold(unidecode.Unidecode(name)), Method: "unidecode"}}
}

// Canon maps one folded Latin token to a key shared by its romanization
// variants ("chong", "jong", "jeong" -> one key; "wladimir", "vladimir" ->
// one key), so that the index can find them together. Canon is lossy on
// purpose; scoring still compares the tokens themselves.
func Canon(token string) string { return token }
