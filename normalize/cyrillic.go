package normalize

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Cyrillic romanization. Each system is a table for а..я (Russian order,
// U+0430..U+044F) plus the letters of Ukrainian, Belarusian and the Central
// Asian alphabets, with a few context rules written as code. Sources:
//   - ICAO Doc 9303 part 3, section 6 (Russian passports since 2013,
//     Ukrainian national system of 2010 for Ukrainian names);
//   - BGN/PCGN 1947 for Russian, 1965/2019 for Ukrainian and Belarusian;
//   - GOST 7.79-2000 system B (ASCII only);
//   - everyday English, German (Duden) and French press spellings.

// cyrTable splits a space-separated list of 32 renderings for а..я;
// "-" renders as nothing.
func cyrTable(s string) [32]string {
	var t [32]string
	f := strings.Fields(s)
	if len(f) != 32 {
		panic(fmt.Sprintf("normalize: Cyrillic table needs 32 entries, has %d", len(f)))
	}
	for i, x := range f {
		if x != "-" {
			t[i] = x
		}
	}
	return t
}

// а б в г д е ж  з и й к л м н о п р с т у ф х  ц  ч  ш  щ    ъ  ы ь э ю  я
var (
	tabICAO   = cyrTable("a b v g d e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia")
	tabBGN    = cyrTable("a b v g d e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya")
	tabGOST   = cyrTable("a b v g d e zh z i j k l m n o p r s t u f x c ch sh shh - y - e yu ya")
	tabCommon = cyrTable("a b v g d e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya")
	tabGerman = cyrTable("a b w g d e sch s i j k l m n o p r s t u f ch z tsch sch schtsch - y - e ju ja")
	// Serbian Latin (Vuk Karadžić's alphabet) with its marks folded, which
	// is how Serbian, Bosnian and Montenegrin names appear on the lists.
	tabSerbian = cyrTable("a b v g d e z z i j k l m n o p r s t u f h c c s sc - y - e ju ja")
	tabFrench  = cyrTable("a b v g d e j z i i k l m n o p r s t ou f kh ts tch ch chtch - y - e iou ia")
)

// cyrSystem is one romanization of Cyrillic.
type cyrSystem struct {
	method string
	tab    *[32]string
	// letter overrides the table for context-dependent letters; it returns
	// ok=false to fall back to the table.
	letter func(c cyrCtx) (string, bool)
}

// cyrLang is the language a Cyrillic name is written in, guessed from its
// letters; it decides г (g in Russian, h in Ukrainian and Belarusian) and и.
type cyrLang uint8

const (
	langRu cyrLang = iota
	langUk
	langBe
)

// cyrCtx is the letter being romanized and its neighbours in the word.
type cyrCtx struct {
	prev, r, next rune
	lang          cyrLang
	next2         rune // the letter after next
	initial       bool // first letter of a word, or after a vowel, й, ъ or ь
	wordStart     bool
	final         bool // last letter of the word
}

func guessCyrLang(s string) cyrLang {
	var i, uk, be, ru bool
	for _, r := range s {
		switch r {
		case 'ї', 'є', 'ґ':
			uk = true
		case 'ў':
			be = true
		case 'ы', 'э', 'ё', 'ъ':
			ru = true
		case 'і':
			i = true
		}
	}
	switch {
	case be || i && ru && !uk:
		return langBe
	case uk || i:
		return langUk
	}
	return langRu
}

// mayBeUkrainian reports a name with no letter Ukrainian lacks (ы э ё ъ)
// and a spelling only Ukrainian uses (-ський, -цький; ьо for ё):
// Зеленський is Ukrainian though it has no і, ї, є or ґ.
func mayBeUkrainian(s string) bool {
	if strings.ContainsAny(s, "ыэёъ") {
		return false
	}
	for _, m := range [...]string{"ськ", "цьк", "зьк", "ьо"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func isCyrVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є', 'ў':
		return true
	}
	return false
}

func isCyrLetter(r rune) bool { return r >= 0x400 && r <= 0x52F }

// cyrExtra renders the letters outside Russian а..я, the same in every
// system unless the system's letter function says otherwise.
func cyrExtra(r rune) (string, bool) {
	switch r {
	case 'ё':
		return "e", true
	case 'є':
		return "ie", true
	case 'і', 'ӏ':
		return "i", true
	case 'ї':
		return "i", true
	case 'ў':
		return "u", true
	case 'ґ':
		return "g", true
	// Kazakh, Kyrgyz, Uzbek, Tajik, Bashkir, Tatar letters: their national
	// Latin conventions, which BGN/PCGN follows.
	case 'ә':
		return "a", true
	case 'ғ':
		return "gh", true
	case 'қ':
		return "q", true
	case 'ң':
		return "ng", true
	case 'ө':
		return "o", true
	case 'ұ', 'ү', 'ӯ':
		return "u", true
	case 'һ':
		return "h", true
	case 'ҳ':
		return "kh", true
	case 'ҷ':
		return "j", true
	case 'ӣ':
		return "i", true
	case 'ҙ':
		return "z", true
	case 'ҫ':
		return "s", true
	case 'ј':
		return "j", true
	case 'ђ':
		return "dj", true
	case 'љ':
		return "lj", true
	case 'њ':
		return "nj", true
	case 'ћ':
		return "c", true
	case 'џ':
		return "dz", true
	case 'ѓ':
		return "gj", true
	case 'ќ':
		return "kj", true
	case 'ѕ':
		return "dz", true
	}
	return "", false
}

// icaoLetter: Russian ICAO is context free; Ukrainian names follow the 2010
// national table (initial ye, yi, y, yu, ya; else ie, i, i, iu, ia; г -> h,
// и -> y), Belarusian ones the same with ў -> u.
func icaoLetter(c cyrCtx) (string, bool) {
	if c.lang == langRu {
		return "", false
	}
	switch c.r {
	case 'г':
		return "h", true
	case 'и':
		if c.lang == langUk {
			return "y", true
		}
	case 'є':
		return pick(c.wordStart, "ye", "ie"), true
	case 'ї':
		return pick(c.wordStart, "yi", "i"), true
	case 'й':
		return pick(c.wordStart, "y", "i"), true
	case 'ю':
		return pick(c.wordStart, "yu", "iu"), true
	case 'я':
		return pick(c.wordStart, "ya", "ia"), true
	case 'ё':
		return pick(c.wordStart, "yo", "io"), true
	case 'е':
		if c.lang == langBe {
			return pick(c.wordStart, "ye", "ie"), true
		}
	}
	return "", false
}

// bgnLetter: BGN/PCGN writes ye, yë for е, ё at the start of a word and
// after a vowel, й, ъ or ь; ë is folded to e.
func bgnLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'е':
		if c.lang == langUk {
			return "e", true
		}
		return pick(c.initial, "ye", "e"), true
	case 'ё':
		return pick(c.initial, "ye", "e"), true
	case 'г':
		if c.lang != langRu {
			return "h", true
		}
	case 'и':
		if c.lang == langUk {
			return "y", true
		}
	case 'є':
		return "ye", true
	case 'ї':
		return "yi", true
	case 'ў':
		return "w", true
	}
	return "", false
}

// bgnSimpleLetter is BGN/PCGN as US and UK lists often apply it, with ye
// only at the start of a word and after ъ, ь (Тайсаев -> Taysaev, where
// strict BGN gives Taysayev; both appear on OFAC's list).
func bgnSimpleLetter(c cyrCtx) (string, bool) {
	if c.r == 'е' && c.lang != langUk {
		return pick(c.wordStart || c.prev == 'ь' || c.prev == 'ъ', "ye", "e"), true
	}
	return bgnLetter(c)
}

// gostLetter: GOST 7.79 system B writes ц as cz before е, и, ы, й (and the
// Ukrainian і, є), c elsewhere; ё as yo; Ukrainian и as y, є as ye, ї as yi.
func gostLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'ц':
		switch c.next {
		case 'е', 'и', 'ы', 'й', 'і', 'є':
			return "cz", true
		}
		return "c", true
	case 'ё':
		return "yo", true
	case 'и':
		if c.lang == langUk {
			return "y", true
		}
	case 'є':
		return "ye", true
	case 'ї':
		return "yi", true
	}
	return "", false
}

// commonLetter: the everyday English spelling of the press and of older
// passports: Yevgeny, Fyodor, Dmitry, Alexei, Yury.
func commonLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'е':
		return pick(c.wordStart || c.prev == 'ь' || c.prev == 'ъ', "ye", "e"), true
	case 'ё':
		return pick(c.prev == 'ж' || c.prev == 'ш' || c.prev == 'ч' || c.prev == 'щ', "o", "yo"), true
	case 'и':
		if c.lang == langUk || c.next == 'й' && !isCyrLetter(c.next2) {
			return "y", true // Dmitry, Gorky
		}
		if c.prev == 'ь' {
			return "yi", true
		}
	case 'й':
		if c.final && (c.prev == 'и' || c.prev == 'ы') {
			return "", true // Дмитрий -> Dmitry, Горький -> Gorky
		}
	case 'ы':
		if c.next == 'й' && c.final {
			return "y", true
		}
	case 'г':
		if c.lang != langRu {
			return "h", true
		}
	case 'к':
		if c.next == 'с' {
			return "", true // кс -> x, written by 'с'
		}
	case 'д':
		if c.next == 'ж' {
			return "", true // дж -> j (Jokhar, Jamal), written by 'ж'
		}
	case 'ж':
		if c.prev == 'д' {
			return "j", true
		}
	case 'с':
		if c.prev == 'к' {
			return "x", true
		}
	case 'є':
		return "ye", true
	case 'ї':
		return "yi", true
	}
	return "", false
}

// germanLetter: Duden spelling: ж/ш -> sch, intervocalic с -> ss, -ов ->
// -ow at the end of a word (Gorbatschow), е -> je initially.
func germanLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'е':
		return pick(c.initial, "je", "e"), true
	case 'ё':
		return pick(c.prev == 'ж' || c.prev == 'ш' || c.prev == 'ч' || c.prev == 'щ', "o", "jo"), true
	case 'с':
		return pick(isCyrVowel(c.prev) && isCyrVowel(c.next), "ss", "s"), true
	case 'в':
		if c.final && c.prev == 'о' || c.prev == 'е' && c.final {
			return "w", true
		}
	case 'й':
		if c.final && (c.prev == 'и' || c.prev == 'ы') {
			return "", true
		}
	case 'г':
		if c.lang != langRu {
			return "h", true
		}
	}
	return "", false
}

// frenchLetter: French press spelling: ch, tch, ou, -ov, intervocalic ss.
func frenchLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'е':
		return pick(c.initial && !c.wordStart, "ie", "e"), true
	case 'ё':
		return "io", true
	case 'с':
		return pick(isCyrVowel(c.prev) && isCyrVowel(c.next), "ss", "s"), true
	case 'й':
		if c.final && (c.prev == 'и' || c.prev == 'ы') {
			return "", true
		}
	case 'г':
		if c.lang != langRu {
			return "h", true
		}
	}
	return "", false
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

var serbianSystem = cyrSystem{"cyrillic-serbian", &tabSerbian, serbianLetter}

// serbianLetter: the Serbian letters outside Russian а..я, marks folded
// (ђ đ -> d, ћ ć -> c, џ dž -> dz).
func serbianLetter(c cyrCtx) (string, bool) {
	switch c.r {
	case 'ђ':
		return "d", true
	case 'ћ':
		return "c", true
	case 'џ':
		return "dz", true
	}
	return "", false
}

var cyrSystems = []cyrSystem{
	{"cyrillic-icao", &tabICAO, icaoLetter},
	{"cyrillic-bgn", &tabBGN, bgnLetter},
	{"cyrillic-bgn", &tabBGN, bgnSimpleLetter},
	{"cyrillic-gost", &tabGOST, gostLetter},
	{"cyrillic-common", &tabCommon, commonLetter},
	{"cyrillic-german", &tabGerman, germanLetter},
	{"cyrillic-french", &tabFrench, frenchLetter},
}

// romanizeCyrillic renders a folded Cyrillic name in every system; a name
// that looks Korean also gets its Korean readings (Kontsevich, reversed),
// one with a Japanese or Chinese word its Hepburn or pinyin reading.
func romanizeCyrillic(f string) []Variant {
	lang := guessCyrLang(f)
	rs := []rune(f)
	vs := make([]Variant, 0, len(cyrSystems)+2)
	buf := make([]byte, 0, 2*len(f))
	k := cyrillicKorean(f)
	if len(k) > 0 {
		vs = append(vs, k...)
	}
	for i := range cyrSystems {
		buf = transCyr(buf[:0], rs, lang, &cyrSystems[i])
		vs = append(vs, Variant{Text: clean(buf), Method: cyrSystems[i].method})
	}
	if strings.ContainsAny(f, "јљњћђџ") {
		// Радоичић -> Radojicic: Serbian letters mark a Serbian name
		buf = transCyr(buf[:0], rs, lang, &serbianSystem)
		vs = append([]Variant{{Text: clean(buf), Method: serbianSystem.method}}, vs...)
	}
	if lang == langRu && mayBeUkrainian(f) {
		buf = transCyr(buf[:0], rs, langUk, &cyrSystems[0])
		vs = append(vs, Variant{Text: clean(buf), Method: cyrSystems[0].method})
	}
	if len(k) == 0 {
		vs = append(vs, cyrillicEast(f, lang)...)
		if p := cyrillicPolishName(f, lang); p != "" {
			vs = append(vs, Variant{Text: p, Method: "cyrillic-polish"})
		}
		if b := cyrillicBelarusian(f, lang); b != "" {
			other := langBe
			if lang != langRu {
				other = langRu
			}
			buf = transCyr(buf[:0], []rune(b), other, &cyrSystems[0])
			vs = append(vs, Variant{Text: clean(buf), Method: "cyrillic-icao"})
		}
	}
	if lang == langRu && len(k) == 0 && (strings.ContainsAny(f, "хюж") || hasAny(f, foreignMarks)) {
		if h := cyrillicForeignH(f, lang); h != "" {
			vs = append(vs, Variant{Text: h, Method: foreignHSystem.method})
		}
	}
	return vs
}

// foreignMarks are spellings of foreign words that the foreign-word reading
// reads otherwise than the everyday one: кв (qu) and Italian чи, че, чч.
var foreignMarks = []string{"кв", "чи", "че", "чч"}

// slavicEnds are the endings of Russian, Ukrainian and Belarusian surnames
// and patronymics: their х stays kh (Пахомов Pakhomov, Хоменко Khomenko).
var slavicEnds = []string{"ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ая", "ова", "ева", "ина", "ына", "ко", "ук", "юк", "ич", "вна", "чна", "ка"}

// cyrillicForeignH reads х as h in the words of a name that are no Slavic
// surname or patronymic (Хью Hugh, Хагиги Haghighi, Хути Houthi, Мухаммад
// Muhammad), the everyday spelling elsewhere; "" when no word is read so
// or the name has a patronymic.
func cyrillicForeignH(f string, lang cyrLang) string {
	words := strings.Fields(f)
	out := make([]string, len(words))
	any := false
	for i, w := range words {
		slavic := false
		for _, e := range slavicEnds {
			slavic = slavic || strings.HasSuffix(w, e)
		}
		if slavic && (strings.HasSuffix(w, "вич") || strings.HasSuffix(w, "вна") || strings.HasSuffix(w, "чна")) {
			return "" // a patronymic: a Slavic name
		}
		sys := &cyrSystems[4] // everyday English
		if !slavic && (strings.ContainsAny(w, "хюж") || hasAny(w, foreignMarks)) {
			sys, any = &foreignHSystem, true
		}
		out[i] = clean(transCyr(nil, []rune(w), lang, sys))
	}
	if !any {
		return ""
	}
	return strings.Join(out, " ")
}

// foreignHSystem is the everyday English spelling with х read h, as names
// from languages with an h are spelt in Latin.
var foreignHSystem = cyrSystem{"cyrillic-common", &tabCommon, func(c cyrCtx) (string, bool) {
	switch {
	case c.r == 'х':
		return "h", true
	case c.r == 'ю' && !c.initial:
		return "u", true // ю for a foreign u or ü after a consonant (Жюль Jules, Дюр Dür)
	case c.r == 'ж' && c.prev != 'д':
		return "j", true // French and Portuguese j (Жан Jean, Жозе José)
	case c.r == 'в' && c.prev == 'к':
		return "w", true // кв for qu (Квайссер Queisser)
	case c.r == 'ч' && (c.next == 'и' || c.next == 'е' || c.next == 'ч'):
		return "c", true // Italian ci, ce, cci (Кастелуччи Castellucci, Чинкванта Cinquanta)
	}
	return commonLetter(c)
}}

// TransliterateCyrillic renders a folded Cyrillic string with one system
// ("cyrillic-icao", "cyrillic-bgn", "cyrillic-gost", "cyrillic-common",
// "cyrillic-german", "cyrillic-french"); ok is false for another method.
func TransliterateCyrillic(folded, method string) (string, bool) {
	for i := range cyrSystems {
		if cyrSystems[i].method == method {
			b := transCyr(nil, []rune(folded), guessCyrLang(folded), &cyrSystems[i])
			return clean(b), true
		}
	}
	return "", false
}

func transCyr(buf []byte, rs []rune, lang cyrLang, sys *cyrSystem) []byte {
	for i, r := range rs {
		if !isCyrLetter(r) {
			buf = appendRune(buf, r)
			continue
		}
		c := cyrCtx{r: r, lang: lang, prev: runeAt(rs, i-1), next: runeAt(rs, i+1), next2: runeAt(rs, i+2)}
		c.wordStart = !isCyrLetter(c.prev)
		c.initial = c.wordStart || isCyrVowel(c.prev) || c.prev == 'й' || c.prev == 'ъ' || c.prev == 'ь'
		c.final = !isCyrLetter(c.next)
		if s, ok := sys.letter(c); ok {
			buf = append(buf, s...)
			continue
		}
		if r >= 'а' && r <= 'я' {
			buf = append(buf, sys.tab[r-'а']...)
			continue
		}
		if s, ok := cyrExtra(r); ok {
			buf = append(buf, s...)
			continue
		}
		buf = appendRune(buf, r)
	}
	return buf
}

func appendRune(b []byte, r rune) []byte {
	return utf8.AppendRune(b, r)
}
