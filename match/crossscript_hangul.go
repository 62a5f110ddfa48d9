package match

import (
	"slices"
	"unicode/utf8"
)

// Foreign names in Hangul follow the National Institute of Korean
// Language's loanword rules, which spell sounds, not letters: German w is
// ㅂ (발트하임 Waldheim), French h and final consonants are silent (위고
// Hugo, 뒤마 Dumas), German and Slavic j is a vowel (요한 Johann), Spanish j
// is ㅎ (호세 José), ㅊ writes English ch, German z and Italian ci (카를
// 슈바르츠 Schwarz, 보카치오 Boccaccio). A Latin word's letters are therefore
// read every way its languages say them and matched against the
// consonants of the Hangul reading (hangulMatchesLatin), where looseKey
// reads both words one way only.

// hangulConsonants appends the consonant classes of a loanword reading of
// Hangul (hangul-loan: "shimon", "kurt", "chinggiz", "tsu"): b p v f are
// p, d t are t, s z sh are s, ch and ts are c, r and l are l, ng is n,
// doubled letters once; vowels and w, y are dropped.
func hangulConsonants(b []byte, w string) []byte {
	start := len(b)
	for i := 0; i < len(w); i++ {
		c, next := w[i], byteAt(w, i+1)
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			continue
		case 'c':
			if next == 'h' {
				i++
			}
			c = 'c'
		case 't':
			if next == 's' {
				c = 'c'
				i++
			}
		case 's':
			if next == 'h' {
				i++
			}
		case 'z':
			c = 's'
		case 'n':
			if next == 'g' {
				i++
			}
		case 'b', 'v', 'f':
			c = 'p'
		case 'd':
			c = 't'
		case 'r':
			c = 'l'
		case 'q':
			c = 'k'
		case 'x':
			b = append(b, 'k')
			c = 's'
		}
		if c < 'a' || c > 'z' {
			return nil
		}
		if n := len(b); n > start && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return b
}

// latinOption is one way to read the letters of a Latin word at a
// position: the consonant classes they sound as ("" for silent or a
// vowel) and how many letters they take.
type latinOption struct {
	cls string
	n   int
}

func isLatinVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// latinOptions appends the readings of w at i, in the classes of
// hangulConsonants.
func latinOptions(o []latinOption, w string, i int) []latinOption {
	at := func(k int) byte {
		if k < len(w) && k >= 0 {
			return w[k]
		}
		return 0
	}
	c, next := w[i], at(i+1)
	final := i+1 == len(w)
	afterVowel := i > 0 && isLatinVowel(w[i-1])
	// Consonants a French name does not sound at its end (Dumas, Hébert,
	// Roux), when a vowel comes before them.
	silentEnd := func(n int) bool {
		if i+n != len(w) || i == 0 {
			return false
		}
		for k := i; k < len(w); k++ {
			if !(w[k] == 's' || w[k] == 't' || w[k] == 'd' || w[k] == 'x' || w[k] == 'z') {
				return false
			}
		}
		return isLatinVowel(w[i-1]) || w[i-1] == 'l' || w[i-1] == 'r' || w[i-1] == 'n' // -ant, -ent: Dunant
	}
	if silentEnd(len(w) - i) {
		o = append(o, latinOption{"", len(w) - i})
	}
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return append(o, latinOption{"", 1})
	case 'w':
		if next == 'h' {
			return append(o, latinOption{"", 2}, latinOption{"h", 2})
		}
		return append(o, latinOption{"", 1}, latinOption{"p", 1}) // German and Polish w is v
	case 'h':
		return append(o, latinOption{"h", 1}, latinOption{"", 1}) // silent in French, between vowels
	case 'c':
		switch {
		case next == 'h':
			// k (Michael), ch (Charles), sh (Michel), h (Bach)
			return append(o, latinOption{"k", 2}, latinOption{"c", 2}, latinOption{"s", 2}, latinOption{"h", 2})
		case next == 'k':
			return append(o, latinOption{"k", 2}, latinOption{"c", 1}) // Polish ck is ts-k (미츠키에비치 Mickiewicz)
		case next == 'q':
			return append(o, latinOption{"k", 2})
		case next == 'z' || next == 's' && !final && !isLatinVowel(at(i+2)) && at(i+2) != 0:
			return append(o, latinOption{"c", 2}) // Polish cz, Hungarian cs
		case next == 'c' && (at(i+2) == 'i' || at(i+2) == 'e'):
			return append(o, latinOption{"c", 2}, latinOption{"ks", 2}) // Italian cci, English accent
		case next == 'e' || next == 'i' || next == 'y':
			return append(o, latinOption{"s", 1}, latinOption{"c", 1})
		}
		return append(o, latinOption{"k", 1})
	case 's':
		switch {
		case next == 'c' && at(i+2) == 'h':
			return append(o, latinOption{"s", 3})
		case next == 'h' || next == 'z':
			return append(o, latinOption{"s", 2})
		case next == 'c' && (at(i+2) == 'e' || at(i+2) == 'i'):
			return append(o, latinOption{"s", 2})
		case isLatinVowel(next) && (i == 0 || afterVowel || at(i-1) == 'l' || at(i-1) == 'n' || at(i-1) == 'r'):
			return append(o, latinOption{"s", 1}, latinOption{"j", 1}) // German s before a vowel is ㅈ (자이델 Seidel, 발저 Walser)
		}
		return append(o, latinOption{"s", 1})
	case 't':
		switch {
		case next == 's' && at(i+2) == 'c' && at(i+3) == 'h':
			return append(o, latinOption{"c", 4})
		case next == 'c' && at(i+2) == 'h':
			return append(o, latinOption{"c", 3})
		case next == 'h':
			return append(o, latinOption{"t", 2}, latinOption{"s", 2}) // English th is ㅅ (엘리자베스 Elizabeth, 아서 Arthur)
		case next == 'z' || next == 's':
			return append(o, latinOption{"c", 2}, latinOption{"t", 1})
		}
		return append(o, latinOption{"t", 1})
	case 'z':
		if next == 'h' {
			return append(o, latinOption{"j", 2})
		}
		return append(o, latinOption{"s", 1}, latinOption{"c", 1}, latinOption{"j", 1})
	case 'j':
		return append(o, latinOption{"j", 1}, latinOption{"", 1}, latinOption{"h", 1})
	case 'g':
		switch {
		case next == 'h':
			return append(o, latinOption{"g", 2}, latinOption{"", 2})
		case next == 'n':
			return append(o, latinOption{"n", 2}, latinOption{"g", 1})
		case next == 'e' || next == 'i' || next == 'y':
			return append(o, latinOption{"j", 1}, latinOption{"g", 1})
		case final && i > 0 && w[i-1] == 'i':
			return append(o, latinOption{"g", 1}, latinOption{"k", 1}, latinOption{"h", 1}) // German -ig (루트비히 Ludwig)
		case final:
			return append(o, latinOption{"g", 1}, latinOption{"k", 1})
		}
		return append(o, latinOption{"g", 1})
	case 'q':
		if next == 'u' {
			return append(o, latinOption{"k", 2}, latinOption{"k", 1})
		}
		return append(o, latinOption{"k", 1})
	case 'x':
		if next == 'h' {
			return append(o, latinOption{"j", 2}, latinOption{"ks", 1}) // Albanian xh (호자 Hoxha)
		}
		return append(o, latinOption{"ks", 1})
	case 'p':
		if next == 'h' {
			return append(o, latinOption{"p", 2})
		}
		return append(o, latinOption{"p", 1})
	case 'b', 'v', 'f':
		return append(o, latinOption{"p", 1})
	case 'd':
		switch {
		case next == 'j' || next == 'z' || next == 'g' && (at(i+2) == 'e' || at(i+2) == 'i'):
			return append(o, latinOption{"j", 2}, latinOption{"t", 1})
		case next == 't':
			return append(o, latinOption{"t", 2})
		}
		return append(o, latinOption{"t", 1})
	case 'k':
		if next == 'h' {
			return append(o, latinOption{"k", 2}, latinOption{"h", 2})
		}
		return append(o, latinOption{"k", 1})
	case 'r':
		if afterVowel && !isLatinVowel(next) {
			return append(o, latinOption{"l", 1}, latinOption{"", 1}) // English r before a consonant is silent
		}
		return append(o, latinOption{"l", 1})
	case 'l':
		prev := at(i - 1)
		switch {
		case next == 'l' && afterVowel && isLatinVowel(at(i+2)):
			return append(o, latinOption{"l", 2}, latinOption{"", 2}) // Spanish ll is y (카시야스 Casillas)
		case prev == 'u' && at(i-2) == 'a' && (next == 't' && i+2 == len(w) || next == 0):
			return append(o, latinOption{"l", 1}, latinOption{"", 1}) // French -ault (푸코 Foucault)
		case (prev == 'a' || prev == 'o') && (next == 'k' || next == 'm') && i > 1:
			return append(o, latinOption{"l", 1}, latinOption{"", 1}) // English walk, palm (워커 Walker)
		}
		return append(o, latinOption{"l", 1})
	case 'm':
		if afterVowel && (next == 'p' || next == 'b') {
			return append(o, latinOption{"m", 1}, latinOption{"n", 1}) // French nasal om, am (퐁피두 Pompidou, 랑베르 Lambert)
		}
		return append(o, latinOption{"m", 1})
	case 'n':
		if next == 'g' {
			return append(o, latinOption{"n", 2}, latinOption{"n", 1})
		}
		return append(o, latinOption{"n", 1})
	}
	return o // a letter outside a-z: no reading
}

// hangulOnsetAgrees reports whether a foreign name read from Hangul (h)
// and a Latin word can begin alike. Hangul writes a Latin initial vowel
// with ㅇ, so its reading begins with a vowel or a glide (y, w): 샤카 shaka
// is not Isco, 율리아누스 yulianus not Linus. A reading that begins so
// stands for a Latin vowel (y before a consonant too: 이브 Yves), a silent
// h (앙리 Henri, 위고 Hugo), w (울프 Woolf), an m or n before a consonant,
// to which it adds a vowel (음바페 Mbappé), or j and y as a glide: before
// i the vowel alone (이르지 Jiří, 이위르키 Jyrki), else y or w (요한 Johann,
// 외르크 Jörg, 요사 Llosa), so that 앨 is not Julia, and Greek g before a
// front vowel as y (요르고스 Giorgos). A reading that begins with a
// consonant stands for a Latin h only as ㅎ (레이 is not Halliwell), and
// for w only as ㅂ (German), ㅎ (wh) or r (wr): 리노 is not Willian.
func hangulOnsetAgrees(h, lat string) bool {
	if h == "" || lat == "" {
		return true
	}
	glide := h[0] == 'y' || h[0] == 'w'
	vowel := glide || isLatinVowel(h[0])
	c, next := lat[0], byteAt(lat, 1)
	switch {
	case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u',
		c == 'y' && next != 0 && !isLatinVowel(next):
		return vowel
	case !vowel && c == 'h':
		return h[0] == 'h' || next == 's' // Wade-Giles hs is ㅅ (Hsu)
	case !vowel && c == 'w':
		// German w is ㅂ, English wh ㅎ (화이트 White), wr r (라이트 Wright)
		return h[0] == 'b' || h[0] == 'p' || h[0] == 'v' || next == 'h' && h[0] == 'h' ||
			next == 'r' && (h[0] == 'r' || h[0] == 'l')
	case !vowel:
		return true
	case c == 'h' || c == 'w':
		return true
	case c == 'j' || c == 'y':
		return glide || next == 'i' || next == 'y'
	case c == 'g' && (next == 'i' || next == 'e' || next == 'y'):
		return glide // Greek g before a front vowel: 요르기오스 Giorgos
	case c == 'l' && next == 'l':
		return glide
	case (c == 'm' || c == 'n') && next != 0 && !isLatinVowel(next):
		return true
	}
	return false
}

// onsetClash reports a token read from Hangul and a Latin one that cannot
// begin alike (hangulOnsetAgrees).
func onsetClash(q, c *token) bool {
	switch {
	case q.loose && !c.loose:
		return !hangulOnsetAgrees(hangulOnset(q), c.text)
	case c.loose && !q.loose:
		return !hangulOnsetAgrees(hangulOnset(c), q.text)
	}
	return false
}

// hangulOnset is how a token read from Hangul begins: the loanword
// reading that writes the y glide as j (율리아누스 julianus, for
// Julianus) does not make ㅇ a consonant, and it is not Selena (German s
// before a vowel is ㅈ). Its Hangul word, where the token keeps it, tells.
func hangulOnset(t *token) string {
	if t.text == "" || t.text[0] != 'j' {
		return t.text
	}
	if r, _ := utf8.DecodeRuneInString(t.orig); r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)/588 == 11 {
		return "y" // ㅇ: 율 yul, read jul too
	}
	return t.text
}

// hangulMatchesLatin reports whether the Latin word lat can sound as the
// consonants of the Hangul loanword reading h, both of three letters or
// more (위고 Hugo, 메이 May: one consonant is enough).
func hangulMatchesLatin(h, lat string) bool {
	if len(lat) < 3 || len(lat) > 24 || len(h) < 3 || !hangulOnsetAgrees(h, lat) {
		return false
	}
	var kb [32]byte
	key := hangulConsonants(kb[:0], h)
	if len(key) == 0 || len(key) > 15 {
		return false
	}
	var seen [25][16]bool // (position in lat, consonants of key matched) tried
	var rec func(i, j int) bool
	rec = func(i, j int) bool {
		if i == len(lat) {
			return j == len(key)
		}
		if seen[i][j] {
			return false
		}
		seen[i][j] = true
		var ob [8]latinOption // each level its own: the loop outlives the calls below
		for _, o := range latinOptions(ob[:0], lat, i) {
			k := j
			ok := true
			for x := 0; x < len(o.cls); x++ {
				switch {
				case k < len(key) && key[k] == o.cls[x]:
					k++
				case k > 0 && key[k-1] == o.cls[x]:
					// a doubled letter, or two letters of one class, once
				default:
					ok = false
				}
			}
			if ok && rec(i+o.n, k) {
				return true
			}
		}
		return false
	}
	return rec(0, 0)
}

// hangulLatin reports whether one of two word tokens is a foreign name read
// from Hangul (token.loose) and the other a Latin word it may render.
func hangulLatin(q, c *token) bool {
	switch {
	case q.loose && !c.loose:
		return hangulMatchesLatin(q.text, c.text)
	case c.loose && !q.loose:
		return hangulMatchesLatin(c.text, q.text)
	}
	return false
}

// latinKeys appends the consonant keys (hangulConsonants' classes) that the
// Latin word w can sound as, every reading latinOptions allows, at most
// limit of them: the keys under which the index files w for foreign names
// read from Hangul, so that 자이델 finds Seidel (German s is ㅈ). The keys
// are built by hangulMatchesLatin's own rule (a class equal to the last
// one is the same sound once): a Hangul reading whose consonants are one
// of them is accepted by it, so a word found under its key needs no check.
func latinKeys(out []string, w string, limit int) []string {
	if len(w) < 3 || len(w) > 24 {
		return out
	}
	start := len(out)
	var key [15]byte // hangulMatchesLatin's longest key
	var rec func(i, n int)
	rec = func(i, n int) {
		if len(out)-start >= limit {
			return
		}
		if i == len(w) {
			if n >= 2 && !slices.Contains(out[start:], string(key[:n])) {
				out = append(out, string(key[:n]))
			}
			return
		}
		var ob [8]latinOption
		for _, o := range latinOptions(ob[:0], w, i) {
			m := n
			ok := true
			for x := 0; x < len(o.cls); x++ {
				switch {
				case m > 0 && key[m-1] == o.cls[x]:
				case m < len(key):
					key[m] = o.cls[x]
					m++
				default:
					ok = false
				}
			}
			if ok {
				rec(i+o.n, m)
			}
		}
	}
	rec(0, 0)
	return out
}
