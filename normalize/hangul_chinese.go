package normalize

import (
	"slices"
	"strings"
)

// Chinese names in Hangul follow the Korean standard transcription of
// pinyin (외래어 표기법, 중국어 표기), a fixed table from pinyin syllables
// to Hangul: 마오쩌둥 is mao ze dong, 장쩌민 jiang ze min, 창완취안 chang
// wan quan. The table is built below from its initials and finals and read
// backwards; where Hangul merges two pinyin spellings (장 zhang and jiang,
// 펑 peng and feng) the commoner in names comes first.

// pinyinInitialJamo is the Hangul initial (jamo index) of each pinyin initial.
var pinyinInitialJamo = map[string]int{
	"b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5, "g": 0, "k": 15, "h": 18,
	"j": 12, "q": 14, "x": 9, "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13, "c": 14, "s": 10,
}

// pinyinFinalJamo spells each final after an initial: the medial and final
// jamo of each Hangul syllable it takes (later syllables start with ㅇ).
var pinyinFinalJamo = map[string][][2]int{
	"a": {{0, 0}}, "o": {{8, 0}}, "e": {{4, 0}}, "ai": {{0, 0}, {20, 0}}, "ei": {{5, 0}, {20, 0}},
	"ao": {{0, 0}, {8, 0}}, "ou": {{4, 0}, {13, 0}}, "an": {{0, 4}}, "en": {{4, 4}}, "ang": {{0, 21}},
	"eng": {{4, 21}}, "ong": {{13, 21}}, "er": {{4, 8}},
	"i": {{20, 0}}, "ia": {{2, 0}}, "ie": {{7, 0}}, "iao": {{2, 0}, {8, 0}}, "iu": {{17, 0}},
	"ian": {{7, 4}}, "in": {{20, 4}}, "iang": {{2, 21}}, "ing": {{20, 21}}, "iong": {{17, 21}},
	"u": {{13, 0}}, "ua": {{9, 0}}, "uo": {{14, 0}}, "uai": {{9, 0}, {20, 0}}, "ui": {{13, 0}, {20, 0}},
	"uan": {{9, 4}}, "un": {{13, 4}}, "uang": {{9, 21}},
	"ü": {{16, 0}}, "üe": {{15, 0}}, "üan": {{16, 0}, {0, 4}}, "ün": {{16, 4}},
}

// pinyinZeroInitial: the syllables without an initial, as the finals they
// spell (wei is 웨이, wen 원, weng 웡).
var pinyinZeroInitial = map[string]string{
	"yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian", "yin": "in",
	"yang": "iang", "ying": "ing", "yong": "iong", "wu": "u", "wa": "ua", "wo": "uo",
	"wai": "uai", "wan": "uan", "wang": "uang", "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
}

// pinyinToHangul spells one toneless pinyin syllable in Hangul by the
// Korean standard, or "" for a syllable it cannot read.
func pinyinToHangul(syl string) string {
	ini := ""
	for _, i := range [...]string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"} {
		if strings.HasPrefix(syl, i) {
			ini = i
			break
		}
	}
	fin := syl[len(ini):]
	var sy [][2]int
	switch {
	case ini == "" && syl == "wei":
		sy = [][2]int{{15, 0}, {20, 0}}
	case ini == "" && syl == "wen":
		sy = [][2]int{{14, 4}}
	case ini == "" && syl == "weng":
		sy = [][2]int{{14, 21}}
	case ini == "":
		if f, ok := pinyinZeroInitial[syl]; ok {
			fin = f
		}
		sy = pinyinFinalJamo[fin]
	default:
		if ini == "j" || ini == "q" || ini == "x" {
			switch fin {
			case "u", "ue", "uan", "un":
				fin = "ü" + fin[1:]
			}
		}
		if fin == "i" && strings.Contains("zh ch sh r z c s", ini) {
			sy = [][2]int{{18, 0}} // zhi 즈, si 쓰
		} else {
			sy = slices.Clone(pinyinFinalJamo[fin])
		}
		if len(sy) > 0 && (ini == "j" || ini == "q" || ini == "zh" || ini == "ch" || ini == "z" || ini == "c") {
			// ㅈ ㅉ ㅊ take no y-glide: jia 자, jie 제, jiu 주, jian 젠
			switch sy[0][0] {
			case 2:
				sy[0][0] = 0
			case 7:
				sy[0][0] = 5
			case 17:
				sy[0][0] = 13
			}
		}
	}
	if len(sy) == 0 {
		return ""
	}
	l := 11
	if ini != "" {
		l = pinyinInitialJamo[ini]
	}
	var b strings.Builder
	for k, s := range sy {
		if k > 0 {
			l = 11
		}
		b.WriteRune(rune(0xAC00 + (l*21+s[0])*28 + s[1]))
	}
	return b.String()
}

// hangulPinyin maps the Hangul spelling of every pinyin syllable of the
// name table (pinyinTable) to its syllables, the one with the most name
// characters first.
var hangulPinyin = buildHangulPinyin()

func buildHangulPinyin() map[string][]string {
	type opt struct {
		syl string
		n   int
	}
	m := map[string][]opt{}
	for _, line := range strings.Split(pinyinTable, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		h := pinyinToHangul(f[0])
		if h == "" {
			continue
		}
		m[h] = append(m[h], opt{f[0], len([]rune(strings.Join(f[1:], "")))})
	}
	out := make(map[string][]string, len(m))
	for h, os := range m {
		slices.SortStableFunc(os, func(a, b opt) int { return b.n - a.n })
		for _, o := range os {
			out[h] = append(out[h], o.syl)
		}
	}
	return out
}

// hangulChineseMarks are Hangul syllables the pinyin table writes and
// neither Korean names nor the loanword spellings of European names use:
// a name needs one to be read as Chinese.
const hangulChineseMarks = "쩌쯔쭝쑨쑤쒀쭤쥐쉬췬쥔쉰좡촹솽뤄둬퉈궈훠줘춰숴퉁둥룽훙슝셴톈롄녠뎬볜몐폔셰례녜톄뎨볘먀랴댜탸퍄뱌쩡쩐짜짠짱쓰취덩텅넝겅헝컹"

// hangulChineseUnits are two-syllable spellings of one pinyin syllable
// that mark a Chinese name as well (샤오 xiao, 저우 zhou, 위안 yuan).
var hangulChineseUnits = []string{"샤오", "자오", "차오", "랴오", "먀오", "댜오", "탸오", "저우", "처우", "서우",
	"러우", "더우", "터우", "거우", "허우", "커우", "써우", "쩌우", "위안"}

// hangulChinese parses one Hangul word into pinyin syllables (their
// Hangul spellings, longest first), or reports false; a position found not
// to parse is not tried again.
func hangulChinese(w []rune) ([]string, bool) {
	failed := make([]bool, len(w)+1)
	var rec func(i int) ([]string, bool)
	rec = func(i int) ([]string, bool) {
		if i == len(w) {
			return nil, true
		}
		if failed[i] {
			return nil, false
		}
		for n := min(2, len(w)-i); n >= 1; n-- {
			if _, ok := hangulPinyin[string(w[i:i+n])]; !ok {
				continue
			}
			if rest, ok := rec(i + n); ok {
				return append([]string{string(w[i : i+n])}, rest...), true
			}
		}
		failed[i] = true
		return nil, false
	}
	return rec(0)
}

// romanizeHangulChinese gives the pinyin readings of a Chinese name in
// Hangul: the commonest syllable for each unit, then each ambiguous unit
// read its second way (at most four readings). A name written as one word
// (마오쩌둥) is split after its surname syllable: mao zedong.
func romanizeHangulChinese(f string) []Variant {
	if !strings.ContainsAny(f, hangulChineseMarks) && !slices.ContainsFunc(hangulChineseUnits, func(u string) bool { return strings.Contains(f, u) }) {
		return nil
	}
	words := strings.Fields(f)
	var units [][]string
	for _, w := range words {
		u, ok := hangulChinese([]rune(w))
		if !ok {
			return nil
		}
		units = append(units, u)
	}
	split := len(words) == 1 && len(units[0]) >= 2
	render := func(flip int) (string, bool) {
		var b strings.Builder
		k, flipped := 0, false
		for wi, us := range units {
			if wi > 0 {
				b.WriteByte(' ')
			}
			for ui, u := range us {
				if split && ui == 1 {
					b.WriteByte(' ')
				}
				opts := hangulPinyin[u]
				s := opts[0]
				if k == flip && len(opts) > 1 {
					s, flipped = opts[1], true
				}
				b.WriteString(s)
				k++
			}
		}
		return b.String(), flipped || flip < 0
	}
	n := 0
	for _, us := range units {
		n += len(us)
	}
	var out []Variant
	for flip := -1; flip < n && len(out) < 4; flip++ {
		if s, ok := render(flip); ok {
			out = append(out, Variant{Text: s, Method: "hangul-pinyin"})
		}
	}
	return out
}
