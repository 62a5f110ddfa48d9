package normalize

import "strings"

// Korean names written in Cyrillic (Kontsevich system, with the older
// Soviet forms Russian lists still use: Ким Чен Ын, Ким Ир Сен, Ли Соль Чжу)
// are read back into the Latin spellings the other lists use: DPRK/MR
// (kim jong un) and MR with ch (kim chong un). Kontsevich writes both final
// ㄴ and ㅇ as н; after о, ё and е (ㅓ) it is read ng (Чен -> jong, Ён ->
// yong), after и, ы, у, ю it is n (Ын -> un, Син -> sin); after а it
// follows the initial (Кан -> kang, Хан -> han).

// cyrKoreanSurnames are the surnames of Korean names in Russian lists.
var cyrKoreanSurnames = map[string]bool{
	"ким": true, "ли": true, "ри": true, "пак": true, "пэк": true, "чхве": true,
	"чон": true, "чен": true, "хан": true, "кан": true, "сон": true, "ю": true,
	"о": true, "юн": true, "чан": true, "чжан": true, "лим": true, "рим": true,
	"им": true, "хо": true, "хон": true, "пэ": true, "нам": true, "мун": true,
	"квон": true, "кон": true, "ко": true, "со": true, "син": true, "ан": true,
	"чо": true, "ян": true, "рян": true, "ро": true, "рю": true,
	"тхэ": true, "хён": true, "ток": true, "сим": true, "пён": true, "хван": true,
	"чу": true, "ку": true, "мин": true, "чин": true, "то": true, "ма": true,
}

// cyrKorInitials: longest first. Each gives the DPRK and the MR reading.
var cyrKorInitials = []struct{ cyr, dprk, mr string }{
	{"чх", "ch", "ch"}, {"кх", "k", "k"}, {"тх", "t", "t"}, {"пх", "p", "p"},
	{"чж", "j", "ch"}, {"дж", "j", "ch"}, {"кк", "kk", "kk"}, {"тт", "tt", "tt"},
	{"пп", "pp", "pp"}, {"сс", "ss", "ss"}, {"чч", "jj", "tch"},
	{"кв", "kw", "kw"}, {"хв", "hw", "hw"},
	{"ч", "j", "ch"}, {"к", "k", "k"}, {"г", "k", "k"}, {"т", "t", "t"},
	{"д", "t", "t"}, {"п", "p", "p"}, {"б", "p", "p"}, {"с", "s", "s"},
	{"ш", "s", "s"}, {"х", "h", "h"}, {"м", "m", "m"}, {"н", "n", "n"},
	{"р", "r", "r"}, {"л", "r", "r"}, {"в", "w", "w"},
}

// cyrKorVowels: longest first; ㅓ after a consonant is е in the older
// spellings (Чен, Сен) and о in Kontsevich.
var cyrKorVowels = []struct{ cyr, lat string }{
	{"ый", "ui"}, {"йе", "ye"}, {"вэ", "wae"}, {"ва", "wa"}, {"во", "wo"},
	{"ве", "oe"}, {"ви", "wi"}, {"а", "a"}, {"я", "ya"}, {"э", "ae"},
	{"ё", "yo"}, {"о", "o"}, {"у", "u"}, {"ю", "yu"}, {"ы", "u"},
	{"и", "i"}, {"е", "o"},
}

// cyrKorFinals: longest first.
var cyrKorFinals = []struct{ cyr, lat string }{
	{"нъ", "ng"}, {"нг", "ng"}, {"ль", "l"}, {"н", "n"}, {"р", "l"},
	{"к", "k"}, {"м", "m"}, {"п", "p"}, {"т", "t"},
}

// korSyl is one Korean syllable read from Cyrillic.
type korSyl struct{ dprk, mr string }

func cutPrefix(s, p string) (string, bool) {
	if strings.HasPrefix(s, p) {
		return s[len(p):], true
	}
	return s, false
}

// parseCyrKorean reads one Cyrillic word as Korean syllables; ok is false
// when some letter does not fit (a Russian given name).
func parseCyrKorean(w string, out []korSyl) ([]korSyl, bool) {
	for w != "" {
		var syl korSyl
		initial := ""
		for _, in := range cyrKorInitials {
			if rest, ok := cutPrefix(w, in.cyr); ok {
				syl.dprk, syl.mr, initial, w = in.dprk, in.mr, in.cyr, rest
				break
			}
		}
		vowel := ""
		for _, v := range cyrKorVowels {
			if rest, ok := cutPrefix(w, v.cyr); ok {
				lat := v.lat
				if v.cyr == "е" && initial == "" {
					lat = "yo" // Ким Е Чжон: 여
				}
				syl.dprk += lat
				syl.mr += lat
				vowel, w = v.cyr, rest
				break
			}
		}
		if vowel == "" {
			return nil, false
		}
		for _, f := range cyrKorFinals {
			rest, ok := cutPrefix(w, f.cyr)
			if !ok || startsWithCyrVowel(rest) {
				continue
			}
			lat := f.lat
			if f.cyr == "н" && nasalIsNg(initial, vowel) {
				lat = "ng"
			}
			syl.dprk += lat
			syl.mr += lat
			w = rest
			break
		}
		out = append(out, syl)
	}
	return out, true
}

func startsWithCyrVowel(s string) bool {
	for _, r := range s {
		return isCyrVowel(r) || r == 'э'
	}
	return false
}

func nasalIsNg(initial, vowel string) bool {
	switch vowel {
	case "о", "ё", "е":
		return true
	case "а", "я":
		switch initial {
		case "к", "г", "кв", "с", "ч", "чх", "чж", "дж", "т", "п", "б", "хв":
			return true
		}
	}
	return false
}

// cyrillicKorean gives the Korean readings of a folded Cyrillic name whose
// first word is a Korean surname and whose every word reads as Korean
// syllables; nil otherwise.
func cyrillicKorean(f string) []Variant {
	words := strings.Fields(f)
	if len(words) < 2 || len(words) > 4 || !cyrKoreanSurnames[words[0]] {
		return nil
	}
	var dprk, mr []byte
	var syls []korSyl
	for i, w := range words {
		var ok bool
		syls, ok = parseCyrKorean(w, syls[:0])
		if !ok || len(syls) > 2 {
			return nil // Пак Ирина: a Russian given name reads as i-ri-na
		}
		for j, s := range syls {
			if i > 0 || j > 0 {
				dprk = append(dprk, ' ')
				mr = append(mr, ' ')
			}
			if i == 0 && j == 0 {
				s.dprk = surnameDPRK(w, s.dprk)
				s.mr = s.dprk
			}
			dprk = append(dprk, s.dprk...)
			mr = append(mr, s.mr...)
		}
	}
	return []Variant{
		{Text: string(dprk), Method: "cyrillic-korean"},
		{Text: string(mr), Method: "cyrillic-korean"},
	}
}

// surnameDPRK fixes the surnames whose Cyrillic form does not read back
// regularly: Ли is Ri/Lee, not "ri"+"i" readings of л; Чхве is Choe.
func surnameDPRK(cyr, lat string) string {
	switch cyr {
	case "ли", "ри":
		return "ri"
	case "чхве":
		return "choe"
	case "пак":
		return "pak"
	case "ким":
		return "kim"
	}
	return lat
}
