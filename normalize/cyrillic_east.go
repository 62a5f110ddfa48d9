package normalize

import (
	"strings"
	"unicode/utf8"
)

// Japanese and Chinese names written in Cyrillic follow fixed systems that
// no Russian romanization reads back: Polivanov's for Japanese (Митикадзу
// Michikazu, Кигути Kiguchi, Акэхаси Akehashi: ти is chi, си shi, дз z, дзи
// ji, цу tsu) and Palladius's for Chinese (Мао Цзэдун Mao Zedong, Ицзин
// Yijing, Вэньсю Wenxiu: цз is j or z, чж zh, ж r, с x before i, юй yu, ун
// ong). A word that parses whole in one of them gets its Hepburn or pinyin
// reading; the other words of the name keep their ICAO reading.

// polivanovSyllable reads one Japanese syllable at the start of rs:
// its Hepburn letters and the number of letters read (0: none).
func polivanovSyllable(rs []rune) (string, int) {
	if len(rs) == 0 {
		return "", 0
	}
	if v, ok := polivanovVowel(rs[0]); ok {
		return v, 1
	}
	// Consonant (дз is one), then the vowel it carries.
	cons, n := "", 1
	switch rs[0] {
	case 'к':
		cons = "k"
	case 'г':
		cons = "g"
	case 'с':
		cons = "s"
	case 'з':
		cons = "z"
	case 'т':
		cons = "t"
	case 'д':
		cons = "d"
		if len(rs) > 1 && rs[1] == 'з' {
			cons, n = "z", 2
		}
	case 'ц':
		cons = "ts"
	case 'н':
		cons = "n"
	case 'х':
		cons = "h"
	case 'ф':
		cons = "f"
	case 'м':
		cons = "m"
	case 'р':
		cons = "r"
	case 'б':
		cons = "b"
	case 'п':
		cons = "p"
	case 'в':
		cons = "w"
	default:
		return "", 0
	}
	if len(rs) == n {
		if cons == "n" {
			return "n", 1 // ん at the end
		}
		return "", 0
	}
	next := rs[n]
	if _, ok := polivanovVowel(next); !ok {
		switch {
		case cons == "n":
			return "n", 1 // ん before a consonant
		case n == 1 && next == rs[0] && strings.Contains("кстп", string(next)):
			return cons[:1], 1 // っ: a doubled consonant (Хаттори)
		}
		return "", 0
	}
	v, _ := polivanovVowel(next)
	n++
	switch {
	case cons == "ts" && next != 'у', cons == "w" && next != 'а' && next != 'о':
		return "", 0
	case cons == "s" && next == 'и':
		return "shi", n
	case cons == "z" && next == 'и':
		return "ji", n
	case cons == "t" && next == 'и':
		return "chi", n
	case cons == "h" && next == 'у':
		return "fu", n
	case v[0] == 'y' && cons == "s":
		return "sh" + v[1:], n
	case v[0] == 'y' && cons == "z":
		return "j" + v[1:], n
	case v[0] == 'y' && cons == "t":
		return "ch" + v[1:], n
	case v[0] == 'y' && (cons == "ts" || cons == "w" || cons == "d"):
		return "", 0
	}
	return cons + v, n
}

func polivanovVowel(r rune) (string, bool) {
	switch r {
	case 'а':
		return "a", true
	case 'и':
		return "i", true
	case 'у':
		return "u", true
	case 'э', 'е':
		return "e", true
	case 'о':
		return "o", true
	case 'я':
		return "ya", true
	case 'ю':
		return "yu", true
	case 'ё':
		return "yo", true
	}
	return "", false
}

// cyrillicJapanese reads a folded Cyrillic word as Japanese (Polivanov), or
// reports false when it is not spelt by that system.
func cyrillicJapanese(w []rune) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(w); {
		if w[i] == 'й' && i > 0 {
			if _, ok := polivanovVowel(w[i-1]); ok {
				b.WriteByte('i') // Кэйсукэ Keisuke
				i++
				continue
			}
		}
		s, n := polivanovSyllable(w[i:])
		if n == 0 {
			return "", false
		}
		b.WriteString(s)
		i += n
	}
	return b.String(), true
}

// Palladius: finals after an initial, and the spelling of each final
// without one (и yi, у wu, ю you, вэй wei). Longest first within a letter.
var palladiusFinals = []struct{ cyr, pin, bare string }{
	{"уань", "uan", "wan"}, {"уан", "uang", "wang"}, {"уай", "uai", "wai"}, {"уй", "ui", "wei"},
	{"унь", "un", "wen"}, {"ун", "ong", "weng"}, {"уа", "ua", "wa"}, {"у", "u", "wu"},
	{"юань", "üan", "yuan"}, {"юнь", "ün", "yun"}, {"юэ", "üe", "yue"}, {"юй", "ü", "yu"},
	{"юн", "iong", "yong"}, {"ю", "iu", "you"},
	{"янь", "ian", "yan"}, {"ян", "iang", "yang"}, {"яо", "iao", "yao"}, {"я", "ia", "ya"},
	{"инь", "in", "yin"}, {"ин", "ing", "ying"}, {"и", "i", "yi"},
	{"ань", "an", "an"}, {"ан", "ang", "ang"}, {"ай", "ai", "ai"}, {"ао", "ao", "ao"}, {"а", "a", "a"},
	{"энь", "en", "en"}, {"эн", "eng", "eng"}, {"эй", "ei", "ei"}, {"эр", "er", "er"}, {"э", "e", "e"},
	{"оу", "ou", "ou"}, {"о", "o", "o"},
	{"е", "ie", "ye"}, {"ы", "i", ""},
}

// palladiusInitials, longest first; cz, c and s are j, q and x before the
// finals that start with i or ü.
var palladiusInitials = []struct{ cyr, pin, palatal string }{
	{"цз", "z", "j"}, {"чж", "zh", ""}, {"ч", "ch", ""}, {"ш", "sh", ""}, {"ж", "r", ""},
	{"ц", "c", "q"}, {"с", "s", "x"}, {"б", "b", ""}, {"п", "p", ""}, {"м", "m", ""},
	{"ф", "f", ""}, {"д", "d", ""}, {"т", "t", ""}, {"н", "n", ""}, {"л", "l", ""},
	{"г", "g", ""}, {"к", "k", ""}, {"х", "h", ""},
}

// palladiusSyllable reads one Chinese syllable at the start of rs.
func palladiusSyllable(rs []rune) (string, int) {
	s := string(rs)
	if strings.HasPrefix(s, "в") {
		// w-: ва wa, вай wai, вань wan, ван wang, вэй wei, вэнь wen, вэн
		// weng, во wo
		for _, f := range [...][2]string{{"вань", "wan"}, {"ван", "wang"}, {"вай", "wai"}, {"ва", "wa"},
			{"вэнь", "wen"}, {"вэн", "weng"}, {"вэй", "wei"}, {"во", "wo"}} {
			if strings.HasPrefix(s, f[0]) {
				return f[1], len([]rune(f[0]))
			}
		}
		return "", 0
	}
	for _, ini := range palladiusInitials {
		rest, ok := strings.CutPrefix(s, ini.cyr)
		if !ok {
			continue
		}
		for _, f := range palladiusFinals {
			if !strings.HasPrefix(rest, f.cyr) {
				continue
			}
			pin := strings.ReplaceAll(f.pin, "ü", "u") // jü, nü: ju, nu on passports
			palatal := f.pin[0] == 'i' || strings.HasPrefix(f.pin, "ü")
			switch {
			case f.cyr == "ы":
				if ini.palatal == "" {
					continue // ы only after цз ц с (zi ci si)
				}
				palatal = false
			case f.cyr == "о" && ini.pin != "b" && ini.pin != "p" && ini.pin != "m" && ini.pin != "f":
				pin = "uo" // до duo, го guo, со suo
			}
			p := ini.pin
			if palatal && ini.palatal != "" {
				p = ini.palatal
			}
			return p + pin, len([]rune(ini.cyr)) + len([]rune(f.cyr))
		}
		return "", 0
	}
	for _, f := range palladiusFinals {
		if f.bare != "" && strings.HasPrefix(s, f.cyr) {
			return f.bare, len([]rune(f.cyr))
		}
	}
	return "", 0
}

// cyrillicChinese reads a folded Cyrillic word as Chinese (Palladius), or
// reports false when it does not parse whole as Palladius syllables.
// Syllables are read longest first, backing off when the rest does not
// parse (Цзинань: цзи-нань); a position found not to parse is not tried
// again.
func cyrillicChinese(w []rune) (string, bool) {
	failed := make([]bool, len(w)+1)
	var rec func(i int) (string, bool)
	rec = func(i int) (string, bool) {
		if i == len(w) {
			return "", true
		}
		if failed[i] {
			return "", false
		}
		for n := len(w) - i; n > 0; n-- {
			s, k := palladiusSyllable(w[i : i+n])
			if k == 0 {
				break
			}
			if rest, ok := rec(i + k); ok {
				return s + rest, true
			}
			n = k // try a shorter syllable next
		}
		failed[i] = true
		return "", false
	}
	return rec(0)
}

// palladiusMarks are spellings Russian words rarely have and Palladius
// often does: a name needs a word with one to be read as Chinese.
var palladiusMarks = []string{"цз", "чж", "нь", "э", "цы", "сы", "юй", "оу", "ао", "уй", "ся", "сю", "яо"}

// polivanovMarks are the spellings of Polivanov's system that the Russian
// romanizations read otherwise; ти and си, which Russian words have too
// (Путин), mark a Japanese word only at its end or before a vowel-final
// ending (Кигути, Наомити).
var polivanovMarks = []string{"дз", "цу", "тю", "тя", "сю", "ся", "сё", "тё", "э", "ё"}

func hasAny(s string, marks []string) bool {
	for _, m := range marks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// japaneseMarked reports a Cyrillic word that Polivanov's system, and not
// a Russian one, would write.
func japaneseMarked(w string) bool {
	if hasAny(w, polivanovMarks) {
		return true
	}
	if !strings.Contains(w, "ти") && !strings.Contains(w, "си") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	_, vowel := polivanovVowel(r)
	return vowel
}

// cyrillicEast returns the Japanese and the Chinese readings of a folded
// Cyrillic name, each when one of its words is marked as such; the other
// words that parse in the same system are read so too (Хаттори Хандзо, Си
// Цзиньпин), the rest keep their ICAO reading.
func cyrillicEast(f string, lang cyrLang) []Variant {
	if lang != langRu || !hasAny(f, polivanovMarks) && !hasAny(f, palladiusMarks) && !strings.Contains(f, "ти") && !strings.Contains(f, "си") {
		return nil
	}
	words := strings.Fields(f)
	jp := make([]string, len(words))
	cn := make([]string, len(words))
	icao := make([]string, len(words))
	markJP, markCN := false, false
	for i, w := range words {
		rs := []rune(w)
		icao[i] = clean(transCyr(nil, rs, lang, &cyrSystems[0]))
		if s, ok := cyrillicJapanese(rs); ok && !strings.ContainsRune(w, 'е') {
			jp[i] = s
			markJP = markJP || len(rs) >= 3 && japaneseMarked(w)
		}
		if s, ok := cyrillicChinese(rs); ok {
			cn[i] = s
			markCN = markCN || hasAny(w, palladiusMarks)
		}
	}
	var out []Variant
	for _, r := range [...]struct {
		mark   bool
		read   []string
		method string
	}{{markJP, jp, "cyrillic-japanese"}, {markCN, cn, "cyrillic-chinese"}} {
		if !r.mark {
			continue
		}
		ws := make([]string, len(words))
		for i := range words {
			ws[i] = r.read[i]
			if ws[i] == "" {
				ws[i] = icao[i]
			}
		}
		out = append(out, Variant{Text: strings.Join(ws, " "), Method: r.method})
	}
	return out
}

// Polish names in Russian spelling (Пшиборовский Przyborowski, Тшебятовский
// Trzebiatowski, Кшиштоф Krzysztof, Люциан Lucjan): пш, тш and кш write
// prz, trz and krz, ш sz, ч cz, в w, ц c, and и after ц, ш, ж, ч y (or j
// before a vowel). A word is read so when it has one of these spellings
// Russian words rarely have.
var polishMarks = []string{"пш", "тш", "кш", "шч", "циа", "цио", "циу", "ция", "циан"}

// cyrillicPolish reads a folded Cyrillic word as Polish.
func cyrillicPolish(w []rune) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		r := w[i]
		prev, next := runeAt(w, i-1), runeAt(w, i+1)
		switch r {
		case 'ш':
			switch prev {
			case 'п', 'т', 'к':
				b.WriteString("rz")
			default:
				if next == 'ч' {
					b.WriteString("szcz")
					i++
				} else {
					b.WriteString("sz")
				}
			}
		case 'ч':
			b.WriteString("cz")
		case 'щ':
			b.WriteString("szcz")
		case 'ж':
			b.WriteString("z") // ż and rz, folded
		case 'в':
			b.WriteByte('w')
		case 'ц':
			b.WriteByte('c')
		case 'х':
			b.WriteString("ch")
		case 'й', 'ь', 'ъ':
			if r == 'й' && i > 0 && prev != 'и' && prev != 'ы' {
				b.WriteByte('j')
			}
		case 'и':
			_, vowelNext := polivanovVowel(next)
			switch {
			case (prev == 'ц' || prev == 'ш' || prev == 'ж' || prev == 'ч') && vowelNext:
				b.WriteByte('j') // Lucjan
			case prev == 'ц' || prev == 'ш' || prev == 'ж' || prev == 'ч':
				b.WriteByte('y') // Lucyna, Krzysztof
			default:
				b.WriteByte('i')
			}
		case 'ы':
			b.WriteByte('y')
		case 'ю', 'я', 'ё', 'е':
			v := map[rune]string{'ю': "u", 'я': "a", 'ё': "o", 'е': "e"}[r]
			switch {
			case i == 0 || isCyrVowel(prev):
				b.WriteByte('j')
			case r != 'е' && prev != 'ц' && prev != 'л':
				b.WriteByte('i') // bia, mio; after c and l the i is not written
			}
			b.WriteString(v)
		case 'э':
			b.WriteByte('e')
		default:
			if r >= 'а' && r <= 'я' {
				b.WriteString(tabICAO[r-'а'])
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// cyrillicPolishName reads the Polish-marked words of a name as Polish and
// the others in ICAO; "" when no word is marked.
func cyrillicPolishName(f string, lang cyrLang) string {
	if lang != langRu || !hasAny(f, polishMarks) {
		return ""
	}
	words := strings.Fields(f)
	out := make([]string, len(words))
	for i, w := range words {
		if hasAny(w, polishMarks) {
			out[i] = cyrillicPolish([]rune(w))
		} else {
			out[i] = clean(transCyr(nil, []rune(w), lang, &cyrSystems[0]))
		}
	}
	return strings.Join(out, " ")
}
