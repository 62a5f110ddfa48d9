package normalize

import "strings"

// Arabic script romanization. Arabic writes no short vowels, so a name word
// found in arabicNames takes its customary spellings (Muhammad, Mohammed,
// Mohamed); any other word is spelt letter by letter, long vowels from
// alif, waw and ya, and "a" put between two consonants, the commonest short
// vowel. Persian and Urdu letters (پ چ ژ گ ک ی) are covered.

// arabicKey folds the letters Arabic spelling varies on (hamza seats, alif
// maqsura, ta marbuta, Persian kaf and ya) for looking words up.
func arabicKey(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى', 'ی', 'ئ':
			r = 'ي'
		case 'ة', 'ۀ':
			r = 'ه'
		case 'ک':
			r = 'ك'
		case 'ؤ':
			r = 'و'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// arabicLetter renders one letter given its neighbours; ok is false for a
// letter the table does not know.
func arabicLetter(prev, r, next rune) string {
	switch r {
	case 'ا', 'أ', 'آ', 'ٱ':
		return "a"
	case 'إ':
		return "i"
	case 'ب':
		return "b"
	case 'ت':
		return "t"
	case 'ث':
		return "th"
	case 'ج':
		return "j"
	case 'ح':
		return "h"
	case 'خ':
		return "kh"
	case 'د':
		return "d"
	case 'ذ':
		return "dh"
	case 'ر':
		return "r"
	case 'ز':
		return "z"
	case 'س':
		return "s"
	case 'ش':
		return "sh"
	case 'ص':
		return "s"
	case 'ض':
		return "d"
	case 'ط':
		return "t"
	case 'ظ':
		return "z"
	case 'ع':
		return ""
	case 'غ':
		return "gh"
	case 'ف':
		return "f"
	case 'ق':
		return "q"
	case 'ك', 'ک':
		return "k"
	case 'ل':
		return "l"
	case 'م':
		return "m"
	case 'ن':
		return "n"
	case 'ه':
		return "h"
	case 'ة', 'ۀ':
		return "a"
	case 'ى':
		return "a"
	case 'و', 'ؤ':
		if prev == 0 || isArabicLong(prev) || isArabicLong(next) && next != 'ي' {
			return "w"
		}
		return "u"
	case 'ي', 'ی', 'ئ':
		if prev == 0 || isArabicLong(prev) || next == 'ا' || next == 'و' {
			return "y"
		}
		return "i"
	case 'ء':
		return ""
	case 'پ':
		return "p"
	case 'چ':
		return "ch"
	case 'ژ':
		return "zh"
	case 'گ':
		return "g"
	case 'ڤ':
		return "v"
	}
	return string(r)
}

func isArabicLong(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ی', 'ة', 'ؤ', 'ئ':
		return true
	}
	return false
}

func isArabicLetter(r rune) bool { return r >= 0x620 && r <= 0x6FF }

// spellArabic spells one word letter by letter; with vowels it puts "a"
// between two consonants that have no long vowel between them. ع and ء are
// silent consonants: علي -> ali, سعد -> saad.
func spellArabic(b []byte, w []rune, vowels bool) []byte {
	prevCons := false
	for i, r := range w {
		var prev, next rune
		if i > 0 {
			prev = w[i-1]
		}
		if i+1 < len(w) {
			next = w[i+1]
		}
		s := arabicLetter(prev, r, next)
		vowel := s == "a" || s == "i" || s == "u"
		if !vowel && prevCons && vowels {
			b = append(b, 'a')
		}
		b = append(b, s...)
		prevCons = !vowel && isArabicLetter(r)
	}
	return b
}

// romanizeArabic gives the customary spellings (first and second forms of
// the name table, letters for the rest) and the letter-by-letter spelling,
// with and without the inferred short vowels.
func romanizeArabic(f string) []Variant {
	words := strings.Fields(f)
	var first, second, spelt, bare []byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		first, second = append(first, ' '), append(second, ' ')
		spelt, bare = append(spelt, ' '), append(bare, ' ')
		rs := []rune(w)
		spelt = spellArabicWord(spelt, rs, true)
		bare = spellArabicWord(bare, rs, false)
		if i+1 < len(words) {
			// "عبد الله" is one name, Abdullah.
			if forms, ok := arabicNames[arabicKey(w+words[i+1])]; ok {
				first = append(first, forms[0]...)
				second = append(second, forms[min(1, len(forms)-1)]...)
				i++
				next := []rune(words[i])
				spelt = spellArabicWord(append(spelt, ' '), next, true)
				bare = spellArabicWord(append(bare, ' '), next, false)
				continue
			}
		}
		forms, al := arabicNameForms(w)
		if al {
			first = append(first, "al "...)
			if !(i > 0 && arabicKey(words[i-1]) == "عبد") { // Abdul Rahman
				second = append(second, "al "...)
			}
		}
		if forms == nil {
			if al {
				rs = rs[2:]
			}
			first = spellArabic(first, rs, true)
			second = spellArabic(second, rs, true)
			continue
		}
		first = append(first, forms[0]...)
		second = append(second, forms[min(1, len(forms)-1)]...)
	}
	return []Variant{
		{Text: clean(first), Method: "arabic"},
		{Text: clean(second), Method: "arabic"},
		{Text: clean(spelt), Method: "arabic"},
		{Text: clean(bare), Method: "arabic"},
	}
}

// spellArabicWord splits the article al- off before spelling.
func spellArabicWord(b []byte, rs []rune, vowels bool) []byte {
	if len(rs) > 3 && rs[0] == 'ا' && rs[1] == 'ل' {
		b = append(b, "al "...)
		rs = rs[2:]
	}
	return spellArabic(b, rs, vowels)
}

// arabicNameForms looks a word up in the name table, also without its
// article (al reports that the word had one).
func arabicNameForms(w string) (forms []string, al bool) {
	k := arabicKey(w)
	if f, ok := arabicNames[k]; ok {
		return f, false
	}
	if strings.HasPrefix(k, "ال") && len(k) > len("ال")+2 {
		if f, ok := arabicNames[k[len("ال"):]]; ok {
			return f, true
		}
		return nil, true
	}
	return nil, false
}
