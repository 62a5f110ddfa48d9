package normalize

import (
	"strings"
	"unicode/utf8"
)

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
		case 'ة', 'ۀ', 'ھ', 'ہ', 'ۃ':
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
	case 'ه', 'ھ', 'ہ':
		return "h"
	case 'ة', 'ۀ', 'ۃ':
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
	return spellArabicStyle(b, w, vowels, false)
}

// frenchArabic gives the French (Maghreb, Lebanon) spelling of a letter:
// ش ch, ج dj, و ou (Chouman, Djamel, Mourad).
func frenchArabic(r rune, s string) string {
	switch {
	case r == 'ش':
		return "ch"
	case r == 'ج':
		return "dj"
	case s == "u":
		return "ou"
	}
	return s
}

func spellArabicStyle(b []byte, w []rune, vowels, french bool) []byte {
	prevCons := false
	for i := 0; i < len(w); i++ {
		r := w[i]
		prev, next := runeAt(w, i-1), runeAt(w, i+1)
		s := arabicLetter(prev, r, next)
		if r == 'ع' && prev == 0 && !vowels && next != 0 && !isArabicLong(next) {
			// A first ع carries a vowel, mostly a (عبدي Abdi, عمروس
			// Amrus), which the bare spelling writes as it does an alif's.
			s = "a"
		}
		if french {
			s = frenchArabic(r, s)
		}
		if vowels && (r == 'و' || r == 'ؤ') && prevCons && (next == 'ي' || next == 'ی') && nisbaEnd(w[i+2:]) && consonantsBefore(w, i) >= 2 {
			// A last وي after a stem of two consonants or more is the
			// nisba -awi (علوي Alawi, Alaoui; عدوية Adawiya), not u
			// and y.
			b = append(b, 'a')
			b = append(b, pick(french, "ou", "w")...)
			b = append(b, 'i')
			i++ // the ي
			if i+1 < len(w) {
				b = append(b, 'y')
			}
			prevCons = false
			continue
		}
		if r == 'ت' && next == 'ش' {
			// تش writes the ch of foreign names (Urobuchi, -vich), which
			// Arabic does not have: not t-sh.
			s = pick(french, "tch", "ch")
			i++
		}
		vowel := s == "a" || s == "i" || s == "u" || s == "ou"
		if !vowel && prevCons && vowels {
			b = append(b, 'a')
		}
		b = append(b, s...)
		prevCons = !vowel && isArabicLetter(r)
	}
	return b
}

// nisbaEnd reports what may follow the ي of a nisba at the end of a word:
// nothing, or the ة of its feminine.
func nisbaEnd(rest []rune) bool {
	return len(rest) == 0 || len(rest) == 1 && (rest[0] == 'ة' || rest[0] == 'ه')
}

// consonantsBefore counts the letters of w before w[i] that are no vowel
// letter.
func consonantsBefore(w []rune, i int) int {
	n := 0
	for _, r := range w[:i] {
		if !isArabicLong(r) && isArabicLetter(r) {
			n++
		}
	}
	return n
}

// romanizeArabic gives the customary spellings (first and second forms of
// the name table, letters for the rest) and the letter-by-letter spelling,
// with and without the inferred short vowels. Compounds follow list
// practice: عبد الرحمن is "abd al rahman" and "abdul rahman", عبد الله is
// "abdullah", نجيب الله is "najibullah", سراج الدين is "sirajuddin".
func romanizeArabic(f string) []Variant {
	words := splitArabicCompounds(strings.Fields(f))
	var first, second, spelt, bare []byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		first, second = append(first, ' '), append(second, ' ')
		spelt, bare = append(spelt, ' '), append(bare, ' ')
		spelt = spellArabicWord(spelt, []rune(w), true)
		bare = spellArabicWord(bare, []rune(w), false)
		next := ""
		if i+1 < len(words) {
			next = arabicKey(words[i+1])
		}
		k := arabicKey(w)
		switch {
		case k == "عبد" && next == "الله":
			first = append(first, "abdullah"...)
			second = append(second, "abdallah"...)
		case k == "عبد" && strings.HasPrefix(next, "ال"):
			first = append(first, "abd "...)
			second = append(second, "abdul "...)
			first = arabicWord(first, words[i+1], 0, true)
			second = arabicWord(second, words[i+1], 1, false)
		case next == "الله" && k != "عبد":
			first = arabicWord(first, w, 0, false)
			second = arabicWord(second, w, 1, false)
			first = appendConstruct(first, w, "ullah")
			second = appendConstruct(second, w, "allah")
		case persianSuffix[next] != "":
			// Akhundzada, Achekzai, Zarepour: the lists join these.
			first = arabicWord(first, w, 0, true)
			second = arabicWord(second, w, 1, true)
			first = append(first, persianSuffix[next]...)
			second = append(second, persianSuffix[next]...)
		case next == "الدين":
			first = arabicWord(first, w, 0, false)
			second = arabicWord(second, w, 1, false)
			first = append(first, "uddin"...)
			second = append(second, "eddine"...)
		default:
			first = arabicWord(first, w, 0, true)
			second = arabicWord(second, w, 1, true)
			continue
		}
		i++ // the compound took the next word too
		spelt = spellArabicWord(append(spelt, ' '), []rune(words[i]), true)
		bare = spellArabicWord(append(bare, ' '), []rune(words[i]), false)
	}
	vs := []Variant{
		{Text: clean(first), Method: "arabic"},
		{Text: clean(second), Method: "arabic"},
		{Text: clean(spelt), Method: "arabic"},
		{Text: clean(bare), Method: "arabic"},
	}
	if j := joinArticle(vs[0].Text); j != "" {
		vs = append(vs, Variant{Text: j, Method: "arabic"})
	}
	if v := silentFinalHeh(words); v != "" {
		vs = append(vs, Variant{Text: v, Method: "arabic"})
	}
	if v := persianV(vs[0].Text); v != "" {
		vs = append(vs, Variant{Text: v, Method: "arabic"})
	}
	if strings.ContainsAny(f, "یکگپچژ") {
		vs = append(vs, Variant{Text: persianSpelling(words), Method: "arabic"})
	}
	if v := vowelLettersOnly(words); v != "" {
		vs = append(vs, Variant{Text: v, Method: "arabic"})
	}
	if strings.Contains(f, "تش") {
		vs = append(vs, Variant{Text: europeanCh(vs[3].Text), Method: "arabic"}) // the bare spelling (clean compacts its buffer in place: not twice)
	}
	return vs
}

// silentFinalHeh reads a final ه of a word that is no name of the table as
// the vowel it writes in European names (كابيه Kappei, ثوميه Thomé, ماهوفيه
// Mahouvé, أبانياله Abbagnale) rather than h; "" when no word ends so.
func silentFinalHeh(words []string) string {
	var b []byte
	changed := false
	for _, w := range words {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		start := len(b)
		b = arabicWord(b, w, 0, true)
		forms, _ := arabicNameForms(w)
		if forms == nil && strings.HasSuffix(w, "ه") && utf8.RuneCountInString(w) >= 3 && len(b) > start+2 && b[len(b)-1] == 'h' {
			b = b[:len(b)-1]
			if rs := []rune(w); b[len(b)-1] == 'a' && !isVowelByte(b[len(b)-2]) && !isArabicLong(rs[len(rs)-2]) {
				// The a the spelling put between it and a consonant:
				// the e of European names (أنكه Anke).
				b[len(b)-1] = 'e'
			}
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return clean(b)
}

// persianSpelling writes a name with a Persian letter (ی ک گ پ چ ژ) as
// Iranian Latin spellings do: ق gh (باقری Bagheri, قمی Ghomi), ض ظ ذ z
// (رضایی Rezaei, ذوالقدر Zolghadr), ث s (کیومرث Kiyumars), consonant و v,
// letter by letter where a word has one of these letters (the name table's
// spellings are Arab ones: مرتضی murtada, Morteza); the other words of the
// table keep their first spelling (علی ali).
func persianSpelling(words []string) string {
	var b []byte
	for _, w := range words {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		if forms, al := arabicNameForms(w); forms != nil && !al && !strings.ContainsAny(w, "قضظذث") {
			b = append(b, forms[0]...)
			continue
		}
		rs := []rune(w)
		for i, r := range rs {
			prev, next := runeAt(rs, i-1), runeAt(rs, i+1)
			switch r {
			case 'ق':
				b = append(b, "gh"...)
			case 'ض', 'ظ', 'ذ':
				b = append(b, 'z')
			case 'ث':
				b = append(b, 's')
			default:
				s := arabicLetter(prev, r, next)
				if s == "w" && next != 0 {
					s = "v"
				}
				b = append(b, s...)
			}
		}
	}
	return clean(b)
}

// persianV writes the consonant و as Persian says it, v (جواد Javad, وحيد
// Vahid, نهاونديان Nahavandian), where Arabic says w: w before a vowel
// becomes v; "" when there is none.
func persianV(s string) string {
	b := []byte(s)
	changed := false
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'w' && strings.IndexByte("aeiou", b[i+1]) >= 0 {
			b[i] = 'v'
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return string(b)
}

// europeanCh reads a name with تش (ch), which Arabic script writes for
// European names, the way Slavic and Italian spell them: y between
// letters j (بايراموفيتش Bajramović, بيانيتش Pjanić), ch before i or e c
// (تشيبولا Cipolla), and a last ich ic (ابراموفيتش Abramović, folded
// abramovic).
func europeanCh(s string) string {
	b := []byte(s)
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 'y' && i > 0 && b[i-1] != ' ':
			out = append(out, 'j')
		case b[i] == 'c' && i+1 < len(b) && b[i+1] == 'h' && (i+2 == len(b) || b[i+2] == ' ') && i > 0 && b[i-1] == 'i':
			out = append(out, 'c') // Slavic -ić, -ič at the end (Abramović)
			i++
		case b[i] == 'c' && i+2 < len(b) && b[i+1] == 'h' && (b[i+2] == 'i' || b[i+2] == 'e'):
			out = append(out, 'c')
			i++ // the h
		default:
			out = append(out, b[i])
		}
	}
	return string(out)
}

// joinArticle writes the article al joined to its word (الكاتب Alkateb,
// السنعوسي Alsanousi), as many Latin spellings do; "" when the name has
// none.
func joinArticle(s string) string {
	ws := strings.Fields(s)
	out := ws[:0:0]
	joined := false
	for i := 0; i < len(ws); i++ {
		if ws[i] == "al" && i+1 < len(ws) {
			out = append(out, "al"+ws[i+1])
			i++
			joined = true
			continue
		}
		out = append(out, ws[i])
	}
	if !joined {
		return ""
	}
	return strings.Join(out, " ")
}

// appendConstruct joins a suffix to a word, writing the ta marbuta of the
// first word as t (رحمة الله -> rahmatullah).
func appendConstruct(b []byte, w, suffix string) []byte {
	if strings.HasSuffix(w, "ة") && len(b) > 0 && b[len(b)-1] == 'a' {
		b = append(b, 't')
	}
	return append(b, suffix...)
}

// arabicWord appends form which (0 or 1) of a name word, or its spelling;
// withAl writes its article as "al ", else the article is dropped (in
// Abdul Rahman the article is inside abdul).
func arabicWord(b []byte, w string, which int, withAl bool) []byte {
	forms, al := arabicNameForms(w)
	if al && withAl {
		b = append(b, "al "...)
	} else if al {
		b = append(b, ' ')
	}
	if forms == nil {
		rs := []rune(w)
		if al {
			rs = rs[2:]
		}
		return spellArabicStyle(b, rs, true, which == 1)
	}
	return append(b, forms[min(which, len(forms)-1)]...)
}

// persianSuffix: the Persian and Pashto name endings written apart in the
// script but joined in Latin.
var persianSuffix = map[string]string{"زاده": "zada", "زاد": "zad", "زي": "zai", "پور": "pour", "خيل": "khel"}

// splitArabicCompounds writes apart the compounds some lists write as one
// word: عبدالرحمن, نجيب‌الله, نورالدين.
func splitArabicCompounds(words []string) []string {
	return SplitArabicCompounds(words)
}

// SplitArabicCompounds splits the words of an Arabic-script name as its
// romanization does (Romanize): a compound with عبد, الله or الدين, and
// two names of the name table written together (محمدامين: محمد امين), so
// that a caller can pair each word read with the word it was read from.
func SplitArabicCompounds(words []string) []string {
	var out []string
	for _, w := range words {
		k := arabicKey(w)
		switch {
		case strings.HasPrefix(k, "عبدال") && k != "عبدالله" && len(k) > len("عبدال")+2:
			out = append(out, "عبد", w[len("عبد"):])
		case strings.HasSuffix(k, "الله") && len(k) > len("الله")+2 && k != "عبدالله":
			out = append(out, w[:len(w)-len("الله")], "الله")
		case strings.HasSuffix(k, "الدين") && len(k) > len("الدين")+2:
			out = append(out, w[:len(w)-len("الدين")], "الدين")
		default:
			out = append(out, splitTwoNames(w)...)
		}
	}
	return out
}

// JoinsArabicCompound reports whether a reading (Romanize) may write the
// Arabic-script words a and b, as SplitArabicCompounds gives them, as one
// Latin word: a word and الله (abdullah, najibullah) or الدين (sirajuddin),
// a word and a Persian ending (akhundzada). عبد and another word stay two
// (abdul rahman).
func JoinsArabicCompound(a, b string) bool {
	kb := arabicKey(b)
	return kb == "الله" || kb == "الدين" || persianSuffix[kb] != ""
}

// splitTwoNames splits a word that is two table names written together,
// as Persian does (محمدعلی Mohammad Ali, علیرضا Alireza).
func splitTwoNames(w string) []string {
	// arabicKey maps two-byte letters to two-byte letters, so byte offsets
	// in k are offsets in w.
	k := arabicKey(w)
	if _, ok := arabicNames[k]; ok || strings.HasPrefix(k, "ال") || len(k) != len(w) {
		return []string{w}
	}
	n := 0
	for i := range k {
		n++ // i is the byte offset of the n-th letter
		if n <= 3 || utf8.RuneCountInString(k[i:]) < 3 {
			continue
		}
		if _, ok := arabicNames[k[:i]]; !ok {
			continue
		}
		if _, ok := arabicNames[k[i:]]; ok {
			return []string{w[:i], w[i:]}
		}
	}
	return []string{w}
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
	// The article is written with a bare alif: أل with hamza starts a
	// word (ألبرتو Alberto, ألطاف Altaf).
	if strings.HasPrefix(w, "ال") && len(k) > len("ال")+2 {
		if f, ok := arabicNames[k[len("ال"):]]; ok {
			return f, true
		}
		return nil, true
	}
	return nil, false
}

// vowelLettersOnly reads a name with a word of vowel letters alone (أي Ai,
// آو Ao, أوي Aoi: foreign names, which have no consonant there) as
// European spellings write those vowels: و o, ي i (but y before a vowel);
// "" when no word is so.
func vowelLettersOnly(words []string) string {
	var b []byte
	changed := false
	for _, w := range words {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		rs := []rune(w)
		vowels := len(rs) > 1
		for _, r := range rs {
			if !isArabicLong(r) || r == 'ة' {
				vowels = false
				break
			}
		}
		if !vowels {
			b = arabicWord(b, w, 0, true)
			continue
		}
		changed = true
		for i, r := range rs {
			switch s := arabicLetter(runeAt(rs, i-1), r, runeAt(rs, i+1)); s {
			case "w", "u":
				b = append(b, 'o')
			case "y":
				if i+1 < len(rs) {
					b = append(b, 'y')
				} else {
					b = append(b, 'i')
				}
			default:
				b = append(b, s...)
			}
		}
	}
	if !changed {
		return ""
	}
	return clean(b)
}
