package normalize

import "strings"

// Hebrew to Latin. Hebrew writes consonants; vowels appear only as the
// matres lectionis ו (o, u) and י (i, e) and as a silent carrier (א, ע),
// so a word is spelt letter by letter with those as vowels and "e", the
// commonest Israeli short vowel, put between two consonants with nothing
// between them. Letters with two sounds are read the Modern Israeli way:
// ב b at the start of a word and v after, כ k and ch, פ p and f, ו v at
// the start and doubled; ׳ (or an apostrophe) after ג ז צ gives j, zh, ch
// (טנג'יל Tanjil). Final forms read as the plain letters. A word found in
// hebrewNames takes its customary spelling (דוד David, לוי Levi), whose
// vowels and consonantal ו no rule can infer.
//
// Two variants are given: the first writes ח and soft כ "ch", ב after the
// start "v", צ "tz" (Chaim, Yitzchak, Tzvi); the second writes ח "h", soft
// כ "kh", צ "z", a word-initial ו "w" and פ "f" everywhere (Haim, Zvi,
// Weiss, Federman).

// geresh marks ג' ז' צ' ת'; Fold keeps it (written U+05F3) after those
// letters, where an apostrophe would otherwise be dropped.
const geresh = '\u05F3'

func isHebrewLetter(r rune) bool { return r >= 0x5D0 && r <= 0x5F2 }

// hebrewFinal maps final forms to the plain letters.
func hebrewPlain(r rune) rune {
	switch r {
	case 'ך':
		return 'כ'
	case 'ם':
		return 'מ'
	case 'ן':
		return 'נ'
	case 'ף':
		return 'פ'
	case 'ץ':
		return 'צ'
	}
	return r
}

// hebrewNames: customary Latin spellings of common Israeli given names and
// surnames whose vowels the letters do not show.
var hebrewNames = map[string]string{
	"דוד": "david", "משה": "moshe", "יוסף": "yosef", "אברהם": "avraham", "יצחק": "yitzhak",
	"יעקב": "yaakov", "שלמה": "shlomo", "אליהו": "eliyahu", "שמואל": "shmuel", "אהרון": "aharon",
	"אהרן": "aharon", "מרדכי": "mordechai", "בנימין": "binyamin", "מנחם": "menachem", "חיים": "chaim",
	"נתן": "natan", "יהודה": "yehuda", "ישראל": "israel", "צבי": "zvi", "מאיר": "meir",
	"לוי": "levi", "כהן": "cohen", "יונתן": "yonatan", "אריה": "arye", "שרה": "sara",
	"רבקה": "rivka", "רחל": "rachel", "לאה": "lea", "מרים": "miriam", "אסתר": "ester",
	"בן": "ben", "בר": "bar", "בת": "bat", "אבי": "avi", "אורי": "uri", "אליעזר": "eliezer",
	"יהושע": "yehoshua", "ציון": "zion", "שמעון": "shimon", "גדעון": "gideon", "דניאל": "daniel",
	"מיכאל": "michael", "נועם": "noam", "נעם": "noam", "רון": "ron", "עמית": "amit",
	"איתמר": "itamar", "שלום": "shalom", "עמוס": "amos", "אלישע": "elisha", "עדן": "eden",
	"אליהוא": "elihu", "שאול": "shaul", "יגאל": "yigal", "אביגדור": "avigdor", "בצלאל": "bezalel",
	"נתניהו": "netanyahu", "אהוד": "ehud", "יואב": "yoav", "גלנט": "gallant", "ברק": "barak",
	"אלון": "alon", "יאיר": "yair", "לפיד": "lapid", "גנץ": "gantz", "שרון": "sharon",
	"פרץ": "peretz", "הרצל": "herzl", "רפאל": "refael", "אשר": "asher", "עוזי": "uzi",
	"מזרחי": "mizrahi", "פרידמן": "friedman", "רוזנברג": "rosenberg", "גולדשטיין": "goldstein",
	"שפירא": "shapira", "קליין": "klein", "כץ": "katz", "אוחיון": "ohayon", "ביטון": "biton",
	"אזולאי": "azoulay", "דהן": "dahan", "אלבז": "elbaz", "חדד": "hadad", "עזרא": "ezra",
}

// romanizeHebrew gives the two letter-by-letter variants of a folded
// Hebrew name (Latin words in it pass through).
func romanizeHebrew(f string) []Variant {
	var a, b []byte
	for i, w := range strings.Fields(f) {
		if i > 0 {
			a, b = append(a, ' '), append(b, ' ')
		}
		if n, ok := hebrewNames[hebrewKey(w)]; ok {
			a, b = append(a, n...), append(b, n...)
			continue
		}
		rs := []rune(w)
		a = spellHebrew(a, rs, false)
		b = spellHebrew(b, rs, true)
	}
	return []Variant{{Text: clean(a), Method: "hebrew"}, {Text: clean(b), Method: "hebrew"}}
}

// hebrewKey is a word with final forms made plain and the geresh dropped,
// for the name table (whose last letters are written plain there too).
func hebrewKey(w string) string {
	var sb strings.Builder
	rs := []rune(w)
	for i, r := range rs {
		if r == geresh {
			continue
		}
		if i == len(rs)-1 {
			// the table writes the final forms
			sb.WriteRune(r)
			continue
		}
		sb.WriteRune(hebrewPlain(r))
	}
	return sb.String()
}

// spellHebrew spells one word; alt selects the second variant.
func spellHebrew(b []byte, w []rune, alt bool) []byte {
	prevCons := false // the last letter written was a consonant
	for i := 0; i < len(w); i++ {
		r := hebrewPlain(w[i])
		if !isHebrewLetter(r) {
			if r != geresh {
				b = appendRune(b, r)
			}
			prevCons = false
			continue
		}
		start := i == 0
		last := i == len(w)-1
		var next rune
		if i+1 < len(w) {
			next = hebrewPlain(w[i+1])
		}
		withGeresh := next == geresh
		s, vowel := "", false
		switch r {
		case 'א', 'ע':
			switch {
			case !start && next == 'י' && i+2 == len(w):
				s = "a" // -ai (Chasdai, Mordechai)
			case next == 'ו' || next == 'י':
				s = "" // the vowel letter after it says the vowel
			case start && r == 'ע':
				s = "e"
			default:
				s = "a"
			}
			vowel = true
		case 'ב':
			s = pick(start, "b", "v")
		case 'ג':
			s = pick(withGeresh, "j", "g")
		case 'ד':
			s = "d"
		case 'ה':
			if last && !start {
				s, vowel = "e", true // final ה is a vowel (Moshe, Aryeh)
			} else {
				s = "h"
			}
		case 'ו':
			switch {
			case next == 'ו':
				s = pick(alt, "w", "v")
				i++ // וו is one consonant
			case start:
				s = pick(alt, "w", "v")
			case !prevCons && !last:
				s = "v" // after a vowel, before another letter: a consonant
			default:
				s, vowel = "o", true
			}
		case 'ז':
			s = pick(withGeresh, "zh", "z")
		case 'ח':
			s = pick(alt, "h", "ch")
		case 'ט':
			s = "t"
		case 'י':
			switch {
			case next == 'י':
				s, vowel = "ei", true // יי: ei, ai (Weiss, Gopstein)
				i++
				if i+1 < len(w) && isHebrewVowelLetter(hebrewPlain(w[i+1])) {
					s, vowel = "y", false
				}
			case start:
				s = "y"
				if !isHebrewVowelLetter(next) {
					s, vowel = "i", true // ינון Yinon: a written vowel, not a consonant
					if next != 0 {
						s, vowel = "yi", true
					}
				}
			case !prevCons && next != 0 && !isHebrewVowelLetter(next):
				s, vowel = "i", true
			default:
				s, vowel = "i", true
			}
		case 'כ':
			switch {
			case start:
				s = "k"
			case alt:
				s = "kh"
			default:
				s = "ch"
			}
		case 'ל':
			s = "l"
		case 'מ':
			s = "m"
		case 'נ':
			s = "n"
		case 'ס':
			s = "s"
		case 'פ':
			s = pick(start && !alt, "p", "f") // Peretz, Federman
		case 'צ':
			switch {
			case withGeresh:
				s = "ch"
			case alt:
				s = "z"
			default:
				s = "tz"
			}
		case 'ק':
			s = "k"
		case 'ר':
			s = "r"
		case 'ש':
			s = "sh"
		case 'ת':
			s = pick(withGeresh, "th", "t")
		case 'װ':
			s = pick(alt, "w", "v")
		case 'ױ':
			s, vowel = "oy", true
		case 'ײ':
			s, vowel = "ei", true
		}
		if !vowel && prevCons && s != "" && !strings.HasSuffix(string(b), "sh") {
			b = append(b, 'e') // but not after ש: Shlomo, Shmuel, Gopshtein
		}
		b = append(b, s...)
		if s != "" {
			prevCons = !vowel
		}
	}
	return b
}

func isHebrewVowelLetter(r rune) bool { return r == 'ו' || r == 'י' || r == 'א' || r == 'ע' }
