package normalize

import "strings"

// Hangul romanization by syllable decomposition: a precomposed syllable
// U+AC00 + (L*21 + V)*28 + T names its initial L, medial V and final T
// (Unicode 15, section 3.12). Tables below follow that jamo order.

// Initials ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
var (
	// Revised Romanization (2000).
	rrInitial = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	// McCune–Reischauer, word-initial (unvoiced) forms, apostrophes of
	// aspiration dropped by folding (ch' -> ch).
	mrInitial = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"}
	// MR between voiced sounds (after a vowel, n, m, ng or l).
	mrVoiced = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch", "k", "t", "p", "h"}
	// DPRK practice (KCNA, UN and OFAC lists): MR without breves, but ㅈ is
	// j everywhere (Kim Jong Un, Ri Sol Ju, Pak Pong Ju).
	dprkInitial = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
)

// Medials ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
var (
	rrMedial = [21]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	// MR ŏ and ŭ fold to o and u.
	mrMedial = [21]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
)

// Finals, none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ
// ㅋ ㅌ ㅍ ㅎ, as pronounced at the end of a syllable (both systems).
var finalSound = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}

// finalMoves is the initial (jamo index) a final becomes when the next
// syllable starts with silent ㅇ (liaison: 박은 -> ba-geun), -1 for none.
var finalMoves = [28]int{-1, 0, 1, 0, 2, 12, 2, 3, 5, 0, 6, 7, 9, 16, 17, 5, 6, 7, 9, 9, 10, -1, 12, 14, 15, 16, 17, -1}

type syllable struct{ l, v, t int }

func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

func decompose(r rune) syllable {
	s := int(r - 0xAC00)
	return syllable{s / 588, (s % 588) / 28, s % 28}
}

// koreanName is a folded Hangul name split into surname and given-name
// syllables.
type koreanName struct {
	surname string // Hangul
	given   []rune
}

// parseKoreanName recognises the shapes Korean names take in the lists:
// "김정은", "김 정은", "김 정 은", and two-syllable surnames ("남궁민").
// Anything else (foreign names in Hangul, 조지 워싱턴) is not a Korean name.
func parseKoreanName(f string) (koreanName, bool) {
	var syl []rune
	tokens := 0
	firstLen := 0
	inTok := false
	for _, r := range f {
		switch {
		case isHangulSyllable(r):
			if !inTok {
				tokens++
				inTok = true
			}
			if tokens == 1 {
				firstLen++
			}
			syl = append(syl, r)
		case r == ' ':
			inTok = false
		default:
			return koreanName{}, false
		}
	}
	if len(syl) < 2 || len(syl) > 4 || tokens > 3 {
		return koreanName{}, false
	}
	if tokens == 2 && len(syl)-firstLen >= 3 {
		// A given name of three syllables written apart from the surname
		// is a foreign name (리 캐터몰 Lee Cattermole): Korean given names
		// have one or two.
		return koreanName{}, false
	}
	if _, ok := koreanSurnames[string(syl[:2])]; ok && len(syl) >= 3 && (tokens == 1 || firstLen == 2) {
		return koreanName{surname: string(syl[:2]), given: syl[2:]}, true
	}
	if tokens > 1 && firstLen != 1 {
		return koreanName{}, false
	}
	if _, ok := koreanSurnames[string(syl[:1])]; !ok {
		return koreanName{}, false
	}
	return koreanName{surname: string(syl[:1]), given: syl[1:]}, true
}

// IsKoreanName reports whether a Hangul name has the shape of a Korean
// person's name: a Korean surname and one to three syllables (김정은, 김
// 정은), or given names of one or two syllables with the surname last, in
// Western order (병철 김, 예준 준영 박). Other Hangul names are foreign
// names or organisations.
func IsKoreanName(name string) bool {
	f := Fold(name)
	if _, ok := parseKoreanName(f); ok {
		return !hasLoanSyllable(f)
	}
	return reversedKoreanName(f)
}

// hasLoanSyllable reports a syllable of ㅡ alone after a consonant (스 즈
// 트 크 르 프 드 그 흐): the vowel Korean adds to a foreign consonant, which
// Korean given names do not use (이스코 Isco, 진 빈센트 Gene Vincent).
func hasLoanSyllable(f string) bool {
	for _, r := range f {
		if !isHangulSyllable(r) {
			continue
		}
		if s := decompose(r); s.v == 18 && s.t == 0 && s.l != 11 && s.l != 2 && s.l != 6 {
			return true
		}
	}
	return false
}

// reversedKoreanName reports a folded Hangul name of one or two given
// names of one or two syllables and a Korean surname last.
func reversedKoreanName(f string) bool {
	ws := strings.Fields(f)
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		n := 0
		for _, r := range w {
			if !isHangulSyllable(r) {
				return false
			}
			n++
		}
		if n > 2 {
			return false
		}
	}
	_, ok := koreanSurnames[ws[len(ws)-1]]
	return ok
}

// romanizeHangul renders a folded Hangul name: a Korean name gets strict
// RR, RR with the customary surname spelling, MR and DPRK forms with the
// given-name syllables apart ("kim jong un"); anything else is romanized
// word by word with the sound changes between syllables.
func romanizeHangul(f string) []Variant {
	if n, ok := parseKoreanName(f); ok && !hasLoanSyllable(f) {
		vs := n.variants()
		if len(n.given) == 1 && !strings.Contains(f, " ") {
			// 조지 (George) has the shape of a Korean name too.
			vs = append(vs, Variant{Text: romanizeHangulLoan(f), Method: "hangul-loan"})
		}
		return append(vs, romanizeHangulChinese(f)...) // 마오쩌둥 too
	}
	if reversedKoreanName(f) {
		// 병철 김: a Korean name, given names first; no loanword readings
		// beyond the one it always had.
		return []Variant{
			{Text: romanizeHangulWords(f, false), Method: "hangul-rr"},
			{Text: romanizeHangulWords(f, true), Method: "hangul-mr"},
			{Text: romanizeHangulLoan(f), Method: "hangul-loan"},
		}
	}
	// Loanword readings first: where one agrees with RR or MR, the text
	// keeps the loanword label, which match reads as "compare by
	// consonants".
	vs := []Variant{
		{Text: romanizeHangulLoan(f), Method: "hangul-loan"},
		{Text: romanizeHangulLoanAlt(f), Method: "hangul-loan"},
		{Text: romanizeHangulWords(f, false), Method: "hangul-rr"},
		{Text: romanizeHangulWords(f, true), Method: "hangul-mr"},
	}
	if r := rhoticReading(vs[1].Text); r != "" {
		vs = append(vs, Variant{Text: r, Method: "hangul-loan"})
	}
	if c := classicalStems(f, vs[1].Text); c != "" {
		vs = append(vs, Variant{Text: c, Method: "hangul-loan"})
	}
	particlesInHangul(f, vs)
	return append(vs, romanizeHangulChinese(f)...)
}

// hangulParticles are the name particles of European names as Hangul
// writes them (루트비히 판 베토벤, 시몬 드 보부아르, 레오나르도 다 빈치).
var hangulParticles = map[string]string{
	"드": "de", "데": "de", "판": "van", "반": "van", "폰": "von", "데르": "der", "덴": "den",
	"델": "del", "디": "di", "다": "da", "도스": "dos", "뒤": "du", "르": "le", "라": "la",
	"텐": "ten", "파": "van",
}

// particlesInHangul writes the particles of a foreign name as their Latin
// words in every reading: RR read 드 as deu, a word as heavy as a surname,
// where the lists write the particle de, which weighs little.
//
// A ruler's ordinal (루이 9세) is its Roman numeral in every reading too:
// RR's "9se" was a number, which weighs more than any word, and a number
// no list name has raised the candidate floor above the name itself.
func particlesInHangul(f string, vs []Variant) {
	words := strings.Fields(f)
	if len(words) < 2 {
		return
	}
	at := map[int]string{}
	for i, w := range words {
		if p, ok := hangulParticles[w]; ok && i > 0 && i < len(words)-1 && len(words) >= 3 {
			at[i] = p
		}
		if n, ok := hangulOrdinal(w); ok && i > 0 {
			at[i] = roman(n)
		}
		if t, ok := hangulTitles[w]; ok {
			at[i] = t
		}
	}
	if len(at) == 0 {
		return
	}
	for k := range vs {
		ws := strings.Fields(vs[k].Text)
		if len(ws) != len(words) {
			continue
		}
		for i, p := range at {
			ws[i] = p
		}
		vs[k].Text = strings.Join(ws, " ")
	}
}

// rhoticReading writes the r that English spells and Korean does not after
// a vowel before a consonant (마틴 Martin, 파커 Parker, 카터 Carter): an r
// after a or o inside a word before a consonant; "" when there is none.
func rhoticReading(alt string) string {
	b := make([]byte, 0, len(alt)+4)
	changed := false
	for i := 0; i < len(alt); i++ {
		b = append(b, alt[i])
		c := alt[i]
		if (c == 'a' || c == 'o') && i > 0 && alt[i-1] != ' ' && i+1 < len(alt) {
			n := alt[i+1]
			if n != ' ' && !strings.ContainsRune("aeiouywrlnm", rune(n)) {
				b = append(b, 'r')
				changed = true
			}
		}
	}
	if !changed {
		return ""
	}
	return string(b)
}

// classicalStems writes the Greek and Latin names Hangul gives in their
// nominative (트라야누스 Trajanus, 헤시오도스 Hesiodos, 플루타르코스
// Plutarchos) without the -us or -os that English drops (Trajan, Hesiod,
// Plutarch): the words of the reading alt (the alternative loanword
// reading, which writes 율리아누스 julianus) that end so lose it; "" when
// none does.
func classicalStems(f, alt string) string {
	words, ws := strings.Fields(f), strings.Fields(alt)
	if len(words) != len(ws) {
		return ""
	}
	changed := false
	for i, w := range words {
		rs := []rune(w)
		n := len(rs)
		if n < 3 || rs[n-1] != '스' || !isHangulSyllable(rs[n-2]) {
			continue
		}
		if v := decompose(rs[n-2]).v; (v == 13 || v == 8) && decompose(rs[n-2]).t == 0 &&
			(strings.HasSuffix(ws[i], "us") || strings.HasSuffix(ws[i], "os")) && len(ws[i]) > 4 {
			ws[i] = ws[i][:len(ws[i])-2]
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(ws, " ")
}

// hangulTitles are the titles Hangul writes before or after a foreign
// name, as the English names write them (뮌히하우젠 남작 Baron Münchhausen).
var hangulTitles = map[string]string{
	"교황": "pope", "황제": "emperor", "여왕": "queen", "왕자": "prince", "공주": "princess",
	"공작": "duke", "대공": "archduke", "백작": "count", "남작": "baron", "황태자": "prince",
	"대통령": "president", "장군": "general", "총리": "prime",
	"공녀": "princess", "왕녀": "princess", "황녀": "princess", "왕비": "queen", "왕후": "queen", "황후": "empress",
	"대공비": "archduchess", "여공작": "duchess", "백작부인": "countess", "후작": "marquess", "자작": "viscount",
	"추기경": "cardinal", "대주교": "archbishop", "주교": "bishop",
}

// hangulOrdinal reads a ruler's ordinal, N세 with 0 < N < 40.
func hangulOrdinal(w string) (int, bool) {
	num, ok := strings.CutSuffix(w, "세")
	if !ok || num == "" || len(num) > 2 {
		return 0, false
	}
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = 10*n + int(c-'0')
	}
	return n, n > 0 && n < 40
}

// loanMedial reads the vowels of foreign names in Hangul (National
// Institute of Korean Language rules for loanwords, read backwards): ㅐ is
// English a (애덤 Adam), ㅓ is o or schwa, ㅚ and ㅙ are we.
var loanMedial = [21]string{"a", "a", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}

// romanizeHangulLoan romanizes a foreign name written in Hangul syllable by
// syllable, undoing the loanword spelling: the ㅡ Korean adds to a final
// consonant cluster is dropped (스미스 -> smis), 시 is shi, 쓰 and 츠 are
// tsu (Japanese names), 즈 is z (제임스 James, 칭기즈 Genghis), and the ㄹ
// Korean doubles for an English l between vowels is one l (줄리언 Julian,
// 필립 Philip, 블랑슈 Blanche); a ruler's ordinal N세 is a Roman numeral.
func romanizeHangulLoan(f string) string { return hangulLoan(f, false) }

// romanizeHangulLoanAlt reads the letters Hangul shares between two English
// sounds the other way: ㄹ at the start of a word l, ㅂ v, ㅍ f, ㅓ at the
// end of a syllable er (레너드 Lenerd, 허버트 Herbert, 빅토르 Viktor), and a
// y-glide starting a word j (요한 Johan); the common given names whose
// spelling no letter rule recovers are written as their languages spell
// them (존 John, 찰스 Charles, 아서 Arthur).
func romanizeHangulLoanAlt(f string) string { return hangulLoan(f, true) }

func hangulLoan(f string, alt bool) string {
	b := make([]byte, 0, 2*len(f))
	rs := []rune(f)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= '0' && r <= '9' && (i == 0 || rs[i-1] == ' ') {
			// 루이 9세: Louis IX, the ordinal of a ruler or pope
			j := i
			n := 0
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' && n < 100 {
				n = 10*n + int(rs[j]-'0')
				j++
			}
			if j < len(rs) && rs[j] == '세' && (j+1 == len(rs) || rs[j+1] == ' ') && n > 0 && n < 40 {
				b = append(b, roman(n)...)
				i = j
				continue
			}
		}
		if !isHangulSyllable(r) {
			b = appendRune(b, r)
			continue
		}
		if alt && (i == 0 || rs[i-1] == ' ') {
			end := i
			for end < len(rs) && rs[end] != ' ' {
				end++
			}
			if lat, ok := hangulGivenNames[string(rs[i:end])]; ok {
				b = append(b, lat...)
				i = end - 1
				continue
			}
		}
		s := decompose(r)
		lAfterL := s.l == 5 && i > 0 && isHangulSyllable(rs[i-1]) && decompose(rs[i-1]).t == 8
		switch {
		case (s.l == 10 || s.l == 14) && s.v == 18 && s.t == 0: // 쓰 츠
			b = append(b, "tsu"...)
			continue
		case s.l == 12 && s.v == 18 && s.t == 0: // 즈
			b = append(b, 'z')
			continue
		case r == '드' && (i == 0 || rs[i-1] == ' ') && (i+1 == len(rs) || rs[i+1] == ' '):
			b = append(b, "de"...) // the particle de (시몬 드 보부아르)
			continue
		case s.l == 9 && s.v == 20: // 시
			b = append(b, "sh"...)
		case s.l == 9 && (s.v == 2 || s.v == 6 || s.v == 12 || s.v == 17 || s.v == 7):
			// 샤 셔 쇼 슈 셰: sha, sho, shu, she (슈타인 Stein)
			b = append(b, "sh"...)
			b = append(b, loanMedial[s.v][1:]...)
			b = append(b, finalSound[s.t]...)
			continue
		case lAfterL:
			// the final ㄹ before already wrote the l
		case alt && s.l == 5 && (i == 0 || rs[i-1] == ' '):
			// ㄹ inside a word is r unless doubled (마리 Marie, 줄리언
			// Julian); at its start it may be either (루이 Louis, 로버트
			// Robert).
			b = append(b, 'l')
		case alt && s.l == 11 && (i == 0 || rs[i-1] == ' ') && strings.HasPrefix(loanMedial[s.v], "y"):
			// 요한 Johann, 야코프 Jakob, 율리우스 Julius: German, Latin and
			// Slavic j is a y-glide in Hangul.
			b = append(b, 'j')
			b = append(b, loanMedial[s.v][1:]...)
			b = append(b, finalSound[s.t]...)
			continue
		case alt && s.l == 7:
			b = append(b, 'v')
		case alt && s.l == 17:
			b = append(b, 'f')
		default:
			b = append(b, rrInitial[s.l]...)
		}
		// ㅡ is the vowel Korean adds to a bare consonant: 스 s, 를 rl.
		switch {
		case alt && s.v == 4 && s.t == 0:
			b = append(b, "er"...)
		case alt && s.v == 14 && s.t == 0 && i > 0 && rs[i-1] != ' ':
			b = append(b, "war"...) // 하워드 Howard, 에드워드 Edward: English -ward
		case !(s.v == 18 && (s.t == 0 || s.t == 8) && s.l != 11):
			b = append(b, loanMedial[s.v]...)
		}
		b = append(b, finalSound[s.t]...)
	}
	return clean(b)
}

// hangulGivenNames are common European and Middle Eastern given names in
// their Hangul loanword spelling, with the Latin spelling the lists use:
// silent letters (John, Thomas, Joseph), an r or l Hangul does not write
// (Charles, Arthur, Walter), and names that differ by language.
var hangulGivenNames = map[string]string{
	"존": "john", "조지": "george", "찰스": "charles", "아서": "arthur", "토머스": "thomas", "토마스": "thomas",
	"리처드": "richard", "로버트": "robert", "에드워드": "edward", "헨리": "henry", "해리": "harry",
	"피터": "peter", "폴": "paul", "마크": "mark", "앤드루": "andrew", "스티븐": "stephen", "월터": "walter",
	"조지프": "joseph", "마이클": "michael", "데이비드": "david", "윌리엄": "william", "제임스": "james",
	"앤": "anne", "메리": "mary", "엘리자베스": "elizabeth", "캐서린": "catherine", "마거릿": "margaret",
	"세라": "sarah", "샤를": "charles", "앙리": "henri", "장": "jean", "자크": "jacques", "피에르": "pierre",
	"루이": "louis", "프랑수아": "francois", "미셸": "michel", "조르주": "georges", "요제프": "josef",
	"요한": "johann", "프리드리히": "friedrich", "빌헬름": "wilhelm", "루트비히": "ludwig", "카를": "karl",
	"하인리히": "heinrich", "알렉산드르": "alexander", "표트르": "pyotr", "이반": "ivan", "니콜라이": "nikolai",
	"미하일": "mikhail", "블라디미르": "vladimir", "세르게이": "sergei", "드미트리": "dmitry",
	"무함마드": "muhammad", "모하메드": "mohammed", "아흐마드": "ahmad", "아흐메드": "ahmed", "오사마": "osama",
	"후세인": "hussein", "압둘라": "abdullah", "하산": "hassan", "유수프": "yusuf", "이브라힘": "ibrahim",
}

// roman writes 1 <= n < 40 in Roman numerals.
func roman(n int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat("x", n/10))
	b.WriteString([...]string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}[n%10])
	return b.String()
}

func (n koreanName) variants() []Variant {
	sn := koreanSurnames[n.surname]
	var given, mr, dprk []byte
	for i, r := range n.given {
		s := decompose(r)
		given = append(given, ' ')
		given = appendSyllable(given, s, rrInitial[s.l], &rrMedial)
		ini := mrInitial[s.l]
		if i > 0 && voicedEnd(decompose(n.given[i-1])) {
			ini = mrVoiced[s.l]
		}
		mr = append(mr, ' ')
		mr = appendSyllable(mr, s, ini, &mrMedial)
		dprk = append(dprk, ' ')
		dprk = appendSyllable(dprk, s, dprkInitial[s.l], &mrMedial)
	}
	var strict []byte
	for _, r := range n.surname {
		s := decompose(r)
		strict = appendSyllable(strict, s, rrInitial[s.l], &rrMedial)
	}
	return []Variant{
		{Text: sn.south + string(given), Method: "hangul-rr"},
		{Text: string(strict) + string(given), Method: "hangul-rr"},
		{Text: sn.mr + string(mr), Method: "hangul-mr"},
		{Text: sn.north + string(dprk), Method: "korean-dprk"},
	}
}

func voicedEnd(s syllable) bool {
	switch finalSound[s.t] {
	case "", "n", "m", "ng", "l":
		return true
	}
	return false
}

func appendSyllable(b []byte, s syllable, initial string, medial *[21]string) []byte {
	b = append(b, initial...)
	b = append(b, medial[s.v]...)
	return append(b, finalSound[s.t]...)
}

// romanizeHangulWords romanizes each word as one, applying between
// syllables liaison (final + silent ㅇ), nasalisation (k, t, p before n, m
// -> ng, n, m), the ㄹ rules (n+r and l+n -> ll; r after other consonants
// -> n) and, for MR, voicing of k, t, p, ch after voiced sounds.
func romanizeHangulWords(f string, mr bool) string {
	ini, med := &rrInitial, &rrMedial
	if mr {
		ini, med = &mrInitial, &mrMedial
	}
	rs := []rune(f)
	b := make([]byte, 0, 3*len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !isHangulSyllable(r) {
			b = appendRune(b, r)
			continue
		}
		s := decompose(r)
		prevHangul := i > 0 && isHangulSyllable(rs[i-1])
		l := ini[s.l]
		if prevHangul {
			l = initialAfter(decompose(rs[i-1]), s, mr)
		}
		b = append(b, l...)
		b = append(b, med[s.v]...)
		if i+1 < len(rs) && isHangulSyllable(rs[i+1]) {
			b = append(b, finalBefore(s, decompose(rs[i+1]))...)
		} else {
			b = append(b, finalSound[s.t]...)
		}
	}
	return clean(b)
}

// finalBefore is how the final of s sounds before the syllable n.
func finalBefore(s, n syllable) string {
	f := finalSound[s.t]
	switch {
	case s.t == 0:
		return ""
	case n.l == 11 && finalMoves[s.t] >= 0: // liaison: the final moves on
		if s.t == 8 || s.t == 4 || s.t == 16 { // simple ㄹ, ㄴ, ㅁ move whole
			return ""
		}
		if f == "l" { // ㄺ etc.: the ㄹ stays, the other part moves
			return "l"
		}
		return ""
	case (n.l == 2 || n.l == 6) && f == "k": // ㄴ ㅁ
		return "ng"
	case (n.l == 2 || n.l == 6) && f == "t":
		return "n"
	case (n.l == 2 || n.l == 6) && f == "p":
		return "m"
	case n.l == 5 && f == "n": // ㄴ + ㄹ -> ll
		return "l"
	case n.l == 5 && (f == "k" || f == "p"): // ㄹ after k, p -> n, nasalising them
		if f == "k" {
			return "ng"
		}
		return "m"
	}
	return f
}

// initialAfter is how the initial of n sounds after the syllable p.
func initialAfter(p, n syllable, mr bool) string {
	ini := &rrInitial
	if mr {
		ini = &mrInitial
	}
	pf := finalSound[p.t]
	switch {
	case n.l == 11 && finalMoves[p.t] >= 0 && p.t != 0:
		m := finalMoves[p.t]
		if m == 5 { // ㄹ before a vowel is r
			return "r"
		}
		if mr {
			return mrVoiced[m]
		}
		return rrInitial[m]
	case n.l == 2 && pf == "l": // ㄹ + ㄴ -> ll
		return "l"
	case n.l == 5 && pf == "l":
		return "l"
	case n.l == 5 && pf != "": // ㄹ after another consonant -> n
		return "n"
	case mr && (pf == "" || pf == "n" || pf == "m" || pf == "ng" || pf == "l"):
		return mrVoiced[n.l]
	}
	return ini[n.l]
}

// RomanizeHangulSyllable renders one Hangul syllable alone in RR, for
// callers that build their own readings.
func RomanizeHangulSyllable(r rune) string {
	if !isHangulSyllable(r) {
		return ""
	}
	s := decompose(r)
	return string(appendSyllable(nil, s, rrInitial[s.l], &rrMedial))
}
