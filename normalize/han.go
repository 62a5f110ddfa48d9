package normalize

import (
	"strings"
	"unicode"

	unidecode "github.com/mozillazg/go-unidecode"
)

var (
	pinyin = buildReadings(pinyinTable)
	hanja  = buildHanja()
)

// buildReadings parses "reading chars" lines; the first reading listed for
// a character wins.
func buildReadings(table string) map[rune]string {
	m := make(map[rune]string, 1200)
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		for _, r := range f[1] {
			if _, ok := m[r]; !ok {
				m[r] = f[0]
			}
		}
	}
	return m
}

func buildHanja() map[rune]rune {
	m := make(map[rune]rune, 800)
	for r, h := range buildReadings(hanjaTable) {
		m[r] = []rune(h)[0]
	}
	return m
}

// PinyinOf returns the toneless pinyin of one Han character from the name
// table, and false for a character outside it.
func PinyinOf(r rune) (string, bool) {
	p, ok := pinyin[r]
	return p, ok
}

// romanizeHan renders a folded Han name in Mandarin pinyin (surname apart,
// given-name syllables joined: 习近平 -> xi jinping, and all apart) and,
// when it starts with a Korean surname character, in Sino-Korean readings
// through the Hangul systems (金正恩 -> kim jong un).
//
// Latin words in the name ("Jin Tiesan (金铁三)") are kept as they are,
// before the reading of the Han words, and do not count in its shape.
func romanizeHan(f string) []Variant {
	var tokens []string
	var latin []byte
	for _, t := range strings.Fields(f) {
		if DetectScript(t) == Han {
			tokens = append(tokens, t)
		} else {
			latin = append(append(latin, t...), ' ')
		}
	}
	if len(tokens) == 0 {
		return nil
	}
	n := 0
	for _, t := range tokens {
		n += len([]rune(t))
	}
	person := len(tokens) <= 2 && n >= 2 && n <= 4
	py := hanPinyin(tokens, person)
	ko := hanKorean(tokens, person)
	vs := append(py, ko...)
	if len(ko) > 0 && strings.ContainsRune(koreanHanSurnames, []rune(tokens[0])[0]) {
		vs = append(ko, py...)
	}
	if m, ok := romanizeHanMuslim(tokens); ok {
		// 阿不都·哈克: an Arabic name in Xinhua transcription
		vs = append([]Variant{{Text: m, Method: "han-pinyin"}}, vs...)
	}
	if len(latin) > 0 {
		for i := range vs {
			vs[i].Text = string(latin) + vs[i].Text
		}
	}
	return vs
}

// hanPinyin gives the name-shaped reading first, then every syllable apart.
// A variant with a character outside the table, read by unidecode, is
// labelled "unidecode".
func hanPinyin(tokens []string, person bool) []Variant {
	method := "han-pinyin"
	var joined, apart []byte
	for ti, t := range tokens {
		rs := []rune(t)
		split := 0 // the syllable after which joined gets a space
		if person && len(tokens) == 1 {
			split = 1
			if len(rs) >= 3 && isChineseDoubleSurname(string(rs[:2])) {
				split = 2
			}
		}
		if ti > 0 {
			joined = append(joined, ' ')
			apart = append(apart, ' ')
		}
		for i, r := range rs {
			s, ok := pinyin[r]
			if !ok {
				s = hanFallback(r)
				if unicode.Is(unicode.Han, r) {
					method = "unidecode"
				}
			}
			if i > 0 {
				apart = append(apart, ' ')
				if !person || i == split {
					joined = append(joined, ' ')
				}
			}
			joined = append(joined, s...)
			apart = append(apart, s...)
		}
	}
	return []Variant{{Text: clean(joined), Method: method}, {Text: clean(apart), Method: method}}
}

func hanFallback(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	return strings.ToLower(strings.TrimSpace(unidecode.Unidecode(string(r))))
}

func isChineseDoubleSurname(s string) bool {
	for _, d := range chineseDoubleSurnames {
		if d == s {
			return true
		}
	}
	return false
}

// hanKorean reads a Han person name whose surname is a Korean surname in
// Sino-Korean, every character having a reading in the table.
func hanKorean(tokens []string, person bool) []Variant {
	if !person {
		return nil
	}
	rs := []rune(strings.Join(tokens, ""))
	var h []rune
	rest := rs
	if d, ok := koreanDoubleHanSurnames[string(rs[:2])]; ok && len(rs) >= 3 {
		h = append(h, []rune(d)...)
		rest = rs[2:]
	} else if _, ok := koreanSurnames[string(hanja[rs[0]])]; !ok {
		return nil
	}
	for _, r := range rest {
		k, ok := hanja[r]
		if !ok {
			return nil
		}
		h = append(h, k)
	}
	name, ok := parseKoreanName(string(h))
	if !ok {
		return nil
	}
	vs := name.variants()
	for i := range vs {
		vs[i].Method = "han-korean"
	}
	return vs
}
