package normalize

import "strings"

// Japanese kana to modified Hepburn (the passport form: long vowels not
// marked, ん as n). Katakana is read through the hiragana table.

const kanaTable = `あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso
たta ちchi つtsu てte とto なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho
まma みmi むmu めme もmo やya ゆyu よyo らra りri るru れre ろro わwa ゐi ゑe をo
んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo だda ぢji づzu でde どdo
ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ぁa ぃi ぅu ぇe ぉo ゃya ゅyu ょyo ゔvu
きゃkya きゅkyu きょkyo しゃsha しゅshu しょsho ちゃcha ちゅchu ちょcho にゃnya にゅnyu にょnyo
ひゃhya ひゅhyu ひょhyo みゃmya みゅmyu みょmyo りゃrya りゅryu りょryo ぎゃgya ぎゅgyu ぎょgyo
じゃja じゅju じょjo びゃbya びゅbyu びょbyo ぴゃpya ぴゅpyu ぴょpyo ふぁfa ふぃfi ふぇfe ふぉfo
てぃti でぃdi とぅtu どぅdu うぃwi うぇwe うぉwo しぇshe じぇje ちぇche つぁtsa ゔぁva ゔぃvi ゔぇve ゔぉvo`

var kana = buildKana()

func buildKana() map[string]string {
	m := make(map[string]string, 160)
	for _, f := range strings.Fields(kanaTable) {
		i := strings.IndexFunc(f, func(r rune) bool { return r < 0x80 })
		m[f[:i]] = f[i:]
	}
	return m
}

// toHiragana maps katakana letters onto hiragana.
func toHiragana(r rune) rune {
	if r >= 0x30A1 && r <= 0x30F6 {
		return r - 0x60
	}
	return r
}

// romanizeKana renders kana in Hepburn; Han characters in the name are read
// by the pinyin table (wrong for Japanese, so the variant is labelled
// unidecode-grade "kana-hepburn" only when the name is all kana).
func romanizeKana(f string) []Variant {
	rs := []rune(f)
	b := make([]byte, 0, 3*len(rs))
	method := "kana-hepburn"
	double := false
	for i := 0; i < len(rs); i++ {
		r := toHiragana(rs[i])
		var s string
		if i+1 < len(rs) {
			if t, ok := kana[string([]rune{r, toHiragana(rs[i+1])})]; ok {
				s = t
				i++
			}
		}
		if s == "" {
			switch t, ok := kana[string(r)]; {
			case ok:
				s = t
			case r == 'っ':
				double = true
				continue
			case r == 'ー':
				continue // long vowel mark: passports drop it
			case r == '・':
				s = " "
			default:
				s = hanFallback(r)
				if r >= 0x80 {
					method = "unidecode"
				}
			}
		}
		if double && s != "" && s[0] != 'a' && s[0] != 'i' && s[0] != 'u' && s[0] != 'e' && s[0] != 'o' {
			if strings.HasPrefix(s, "ch") {
				b = append(b, 't')
			} else {
				b = append(b, s[0])
			}
		}
		double = false
		b = append(b, s...)
	}
	return []Variant{{Text: clean(b), Method: method}}
}
