package match

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"embargo"
)

// Similarity of two tokens by method. A romanization variant (same Canon key,
// different letters) is nearly as good as the same letters; an initial says
// less and weighs less (see align).
const (
	simExact   = 1.0
	simVariant = 0.95
	simJoined  = 0.97
	simInitial = 0.9
	// Same consonants, one side read from Arabic script, which writes no
	// short vowels: good evidence, but less than a romanization variant.
	simConsonants = 0.85
	// Same consonants up to the sounds Hangul spells alike (l and r, b, p, v
	// and f, d and t), one side a foreign name read from Hangul.
	simLoose = 0.8
)

// looseKey appends to b the consonants of w as Hangul spells foreign names:
// skeleton's classes, and l = r, b = p = v = f, d = t, soft g = j, ng = n,
// sch = sh = s, and no r after a vowel before a consonant or at the end
// (허버트 Herbert, 카터 Carter, 조지 George).
func looseKey(b []byte, w string) []byte {
	start := len(b)
	prevVowel, prevCons := false, false
	for i := 0; i < len(w); i++ {
		c, next := w[i], byteAt(w, i+1)
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			prevVowel, prevCons = true, false
			continue
		case 'h':
			if prevCons {
				continue
			}
		case 'r':
			if prevVowel && !isVowel(next) {
				continue
			}
			c = 'l'
		case 'b', 'v', 'f':
			c = 'p'
		case 'd':
			c = 't'
		case 'q':
			c = 'k'
		case 'c':
			switch {
			case i > 0 && w[i-1] == 's' && next == 'h':
				continue // sch
			case next == 'e' || next == 'i' || next == 'y':
				c = 's'
			default:
				c = 'k'
			}
		case 'z':
			c = 's'
		case 'x':
			b = append(b, 'k')
			c = 's'
		case 'g':
			switch {
			case next == 'e' || next == 'i' || next == 'y':
				c = 'j'
			case len(b) > start && b[len(b)-1] == 'n' && !isVowel(next):
				continue // ng
			}
		}
		if c < 'a' || c > 'z' {
			return nil
		}
		prevVowel, prevCons = false, true
		if n := len(b); n > start && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return b
}

// byteAt is w[i], or 0 past the end of w (the letter after the last).
func byteAt(w string, i int) byte {
	if i < len(w) {
		return w[i]
	}
	return 0
}

// sameText reports q.text == c.text, by vocabulary id where both have one:
// the strings of two words of one length were compared byte by byte, the
// list word's bytes read for nothing in most pairs (a cache miss).
func sameText(q, c *token) bool {
	if q.vid >= 0 && c.vid >= 0 {
		return q.vid == c.vid
	}
	return q.text == c.text
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}

// sameLoose reports whether two words of three letters or more have the
// same looseKey of two consonants or more.
func sameLoose(a, b string) bool {
	if len(a) < 3 || len(b) < 3 {
		return false
	}
	var ba, bb [32]byte
	ka, kb := looseKey(ba[:0], a), looseKey(bb[:0], b)
	return len(ka) >= 2 && string(ka) == string(kb)
}

// maxEdits is how many edits a token of n letters may carry and still match:
// none up to 3 letters ("un" is not "in"), one up to 6, two from 7. Edits
// are counted on the longer token.
func maxEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	}
	return 2
}

// tokenSim compares two tokens; method names how they matched ("" for no
// match). qm and cm are the methods of the forms the tokens come from, so
// that a match through a transliteration is named after it.
func tokenSim(q, c *token, qm, cm string) (sim float64, method string, dist int) {
	if q.kind == kWord && c.kind == kWord && isArabicOrig(q) && isArabicOrig(c) && q.orig != c.orig && !arabicLettersNear(q.orig, c.orig) {
		// Two words in Arabic script whose letters differ beyond the edit
		// budget are two words, however alike their readings.
		return 0, "", 0
	}
	same := sameText(q, c)
	if q.kind == kNumber || c.kind == kNumber {
		if same {
			return simExact, "exact", 0
		}
		return 0, "", 0
	}
	if same {
		switch {
		case q.kind == kWeak && q.orig != c.orig:
			return simExact, "legal-form", 0
		case (q.abbr || c.abbr) && q.abbr != c.abbr:
			return simExact, "abbreviation", 0
		case cm != "exact" && cm != "":
			return simExact, cm, 0
		case qm != "exact" && qm != "":
			return simExact, qm, 0
		}
		return simExact, "exact", 0
	}
	// Two ordinals are equal or another ruler (Romanos I, Romanos II), and
	// an ordinal is no initial's word (ordinal): tested where a match is
	// found by initial or by edits, on the few pairs that get there.
	if q.kind == kInitial || c.kind == kInitial {
		if q.text[0] == c.text[0] && q.kind != c.kind && !hangulOrdinal(q) && !hangulOrdinal(c) && !ordinal(q, c) {
			return simInitial, "initial", 0
		}
		return 0, "", 0
	}
	if (q.kind == kWeak) != (c.kind == kWeak) {
		return 0, "", 0
	}
	if q.canon != "" && q.canon == c.canon && !arabicCanonClash(q, c) {
		return simVariant, "romanization-variant", 0
	}
	// A Hangul token against a Latin one must begin alike (onsetClash).
	if (q.arabic || c.arabic) && !(q.loose != c.loose && onsetClash(q, c)) && sameSkeleton(q, c) {
		cost := vowelCost(q, c)
		cs := consonantSim
		if isCyrillicOrig(q) || isCyrillicOrig(c) {
			cs = letterSim
		}
		if s, _, d := editSim(q.text, c.text); s > 0 && !ordinal(q, c) {
			return max(s, cs(q.text, c.text)) - cost, "edit-distance", d
		}
		return cs(q.text, c.text) - cost, "arabic-consonants", 0
	}
	// Each test first in what it needs of the pair, inline: a Latin
	// query's pairs mostly need none of them.
	if !q.arabic && !c.arabic && isArabicOrig(q) != isArabicOrig(c) {
		if s := tableSkeletonSim(q, c); s > 0 {
			return s, "arabic-consonants", 0
		}
	}
	if q.arabic != c.arabic {
		if q.oneCons != 0 && q.oneCons == c.oneCons {
			if s := oneConsonantSim(q, c); s > 0 {
				return s, "arabic-consonants", 0
			}
		}
		if q.reads != 0 && c.arabic || c.reads != 0 && q.arabic {
			if s := readingSim(q, c); s > 0 {
				return s, "arabic-consonants", 0
			}
		}
		if s := classicalSim(q, c); s > 0 {
			return s, "classical-ending", 0
		}
		if q.arabic && c.oneCons == 0 && c.kind == kWord {
			if q.letterSet().mayStart(c.text[0]) { // most pairs end here
				if s := arabicLetterSim(q, c); s > 0 {
					return s, "arabic-consonants", 0
				}
			}
		}
	}
	if (q.loose || c.loose) && q.kind == kWord && c.kind == kWord {
		if !(q.loose != c.loose && onsetClash(q, c)) && (sameLoose(q.text, c.text) || hangulLatin(q, c)) {
			return simLoose - simConsonants + consonantSim(q.text, c.text), "loanword-consonants", 0
		}
	}
	if q.near != nil && c.vid >= 0 {
		// The near set holds only words editSim accepts: lengths it
		// rules out need no scan of the set.
		lq, lc := len(q.text), len(c.text)
		if min(lq, lc) < 3 || abs(lq-lc) > maxEdits(max(lq, lc)) {
			return 0, "", 0
		}
		if h, ok := q.near.find(uint32(c.vid)); ok && !ordinal(q, c) && !arabicUnaligned(q, c) && !arabicOnset(q, c) {
			return h.sim, "edit-distance", h.dist
		}
		return 0, "", 0
	}
	if s, m, d := editSim(q.text, c.text); s > 0 && !ordinal(q, c) && !arabicUnaligned(q, c) && !arabicOnset(q, c) {
		return s, m, d
	}
	return 0, "", 0
}

// arabicOnset reports a word read from a script that writes its
// consonants (Arabic, as a reading or a spelling of the name table; Hebrew,
// Cyrillic, Hangul) that starts with a vowel, and a Latin word that starts
// with a consonant other than h: the script would have written that
// consonant, so the Latin word, within the edit budget of the reading, is
// another name (امين amin, not Ramin; أبياه abayah, not Rabayah).
func arabicOnset(q, c *token) bool {
	a, l := q, c
	if !a.arabic && !isArabicOrig(a) {
		a, l = c, q
	}
	if !a.arabic && !isArabicOrig(a) || l.arabic || isArabicOrig(l) {
		return false
	}
	return isVowel(a.text[0]) && !isVowel(l.text[0]) && l.text[0] != 'h'
}

// arabicUnaligned reports a word read from Arabic script and a Latin word
// whose consonants line up one to one with its letters but one is another
// letter's (vowelFaults gives otherCons), as written and as each of its
// readings: within the edit budget of a reading of the Arabic-script word,
// the Latin word is another name (جلالی jalali, Balali; سفير safir,
// Samir; هايل hayil, Hayan). A consonant more or less may be a slip of
// the pen, and stays within the edit budget.
func arabicUnaligned(q, c *token) bool {
	a, l, ok := arabicAndLatin(q, c)
	if !ok || !isArabicOrig(a) {
		return false
	}
	var ab [24]uint32
	var ag [25]uint8
	acons, agaps := arabicGaps(ab[:0], ag[:0], a.orig)
	if acons == nil {
		return false
	}
	if lineUp(acons, agaps, l.text) != otherCons {
		return false
	}
	rs := l.reads
	for bit := uint8(1); rs != 0; bit <<= 1 {
		if rs&bit != 0 {
			rs &^= bit
			if f := lineUp(acons, agaps, readingOf(l.text, bit)); f != otherCons {
				return false
			}
		}
	}
	return true
}

// arabicCanonClash reports a word read from Arabic script and a Latin word
// of the same Canon key that differ by a j or an h the one writes and the
// other does not, where their consonants do not line up one to one
// (lineUp): the key reads j as y and drops an h (the Slavic and Korean
// spellings it was made for), but ج is a consonant the script writes, and
// ه or ح would be written too (أنجيل anjil is Angel, not Anil; أدجي is
// Adjei, not Aday; آن is Anne, not Ahn). Such a pair is compared by
// skeleton, as any other, instead of as a romanization variant. The
// spellings of one word stay variants: one consonant for another (خورشيد
// Hurshid, as Uzbek and Russian write kh), a v for و (صلواتی Salavati),
// and a compound whose article the Latin word assimilates (نورالدین
// Nooruddin). Nor is a Latin word of the same key whose vowels the
// script's letters rule out (vowelFaults: الأعرج araj, not Araiji, whose
// last i the script would write): the key drops the difference.
func arabicCanonClash(q, c *token) bool {
	a, l, ok := arabicAndLatin(q, c)
	if !ok || !isArabicOrig(a) {
		return false
	}
	if a.canon == "al" && !isArticle(a.orig) {
		// The key of the article and its assimilated forms (ad, as,
		// ash): a word read add or as (عاضد, آس) is no article, nor
		// A'al.
		return true
	}
	f := vowelFaults(a.orig, l.text)
	if f > 0 {
		return true
	}
	if strings.Count(a.text, "j") == strings.Count(l.text, "j") && strings.Count(a.text, "h") == strings.Count(l.text, "h") {
		return false
	}
	return f == unaligned
}

// arabicLetterSim compares a query word read from Arabic script with a
// Latin word whose skeleton is not its reading's but whose consonants line
// up one to one with its letters (lineUpAs, strict), each a spelling of its
// letter the reading did not choose: ق as g (the Gulf and Sudan: عقيلي
// Aghily, عنقاوي Angawi), ث as s or z (Osman; Spanish ceceo: أندويثا
// Andueza), ض, ظ and ذ as z (Persian and Turkic: ميرضيايف Mirziyoyev), an
// h written next to a consonant where the reading put a vowel between
// (الملحم Almolhem, whose skeleton drops the h of lh), the h of a last ة
// (الطراروة Altararwah). It is judged as a skeleton match, its vowels by
// vowelFaults, a little below one (altLetterCost); 0 when the letters do
// not line up. Screen finds such words by arabicAltKeys.
func arabicLetterSim(q, c *token) float64 {
	if !q.arabic || c.arabic || c.kind != kWord || c.oneCons != 0 {
		return 0 // a word of one consonant has its own test (oneConsonantSim)
	}
	L := q.letterSet()
	if !L.read {
		// Read once per query word, the first time a list word gets
		// here.
		L.readLetters(q.text, q.orig)
	}
	if !L.own {
		return 0
	}
	// Most pairs differ at the first consonant or the last.
	fl := skelTable[c.text[0]]
	if fl == '?' {
		fl = skelClassOf(c.text, 0, false)
	}
	switch {
	case fl == 0 || fl == '-':
		fl = firstClass(c.text) // a vowel first, or kn
	case fl == 'd' && L.first&classD == 0 && len(c.text) > 1 && (c.text[1] == 'j' || c.text[1] == 'g'):
		fl = 'j' // French dj, English dg (lineUp)
	case fl == 't' && L.first&tsh != 0 && len(c.text) > 1 && (c.text[1] == 's' || c.text[1] == 'c'):
		fl = 'k' // tsh, tch: تش (lineUp)
	}
	if fl < 'a' || fl > 'z' || fl == 'x' || L.first&(1<<(fl-'a')) == 0 || !L.lastMay(c.text) {
		return 0
	}
	f := lineUpAs(L.cons[:L.n], L.gaps[:L.n+1], c.text, true)
	if f < 0 {
		return 0
	}
	return consonantSim(q.text, c.text) - vowelCostOf(f) - altLetterCost
}

// arabicLetterSet is the letters of a query word read from Arabic script
// (token.letters), read once for all the list words arabicLetterSim
// compares it with: first the Latin letters a word that lines up with it
// may start with, then, once one does, the rest.
type arabicLetterSet struct {
	starts uint32     // the Latin letters a-z, a bit each (mayStart)
	read   bool       // the fields below are set
	cons   [24]uint32 // arabicGaps
	gaps   [25]uint8
	n      int
	// The classes of the first consonant, and of the last (or the one
	// before a last ه, which may write a vowel).
	first, last uint32
	// The reading spells the letters (lineUp finds them aligned), and they
	// are two consonants or more. A reading that does not was given
	// another word's (رضا زاده read ridazada, اميرعلي amir ali: the words
	// as written line up with the reading's by their places only).
	own bool
}

// letterSet is q.letters, made the first time it is asked for (empty for
// a word of one consonant, which has its own test: oneConsonantSim).
func (q *token) letterSet() *arabicLetterSet {
	if q.letters == nil {
		q.letters = newArabicLetterSet(q)
	}
	return q.letters
}

// newArabicLetterSet reads the first consonant of orig: a Latin word lines
// up with it only if it starts with a vowel letter or a letter of one of
// that consonant's classes (any of those a letter of context takes: c is
// k or s; p b or f; t t, or with sch k; k k, or n in kn; d d, or in dj
// and dg j).
func newArabicLetterSet(q *token) *arabicLetterSet {
	l := &arabicLetterSet{}
	if q.kind != kWord || q.oneCons != 0 || !isArabicOrig(q) {
		return l // none: a word of one consonant has its own test (oneConsonantSim)
	}
	orig := q.orig
	l.starts = startVowels
	var first uint32
	for i, r := range orig {
		switch r {
		case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'و', 'ؤ', 'ي', 'ی', 'ئ', 'ى', 'ة', 'ۀ', 'ۃ', 'ع', 'ء':
			continue // a vowel letter (arabicGaps)
		}
		first = arabicClasses(r)
		if r == 'ت' && strings.HasPrefix(orig[i+len("ت"):], "ش") {
			first |= classK | classS // تش, one consonant (arabicGaps)
		}
		break
	}
	for c, cls := range startClasses {
		if first&cls != 0 {
			l.starts |= 1 << c
		}
	}
	return l
}

// startVowels is the letters a Latin word that starts with a vowel starts
// with (skelTable's vowels), a bit each.
const startVowels = 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('u'-'a') | 1<<('y'-'a') | 1<<('w'-'a')

// startClasses is the skeleton classes each Latin letter a-z may have as
// the first letter of a word, for newArabicLetterSet.
var startClasses = func() (t [26]uint32) {
	for c := byte('a'); c <= 'z'; c++ {
		var cls uint32
		switch c {
		case 'c':
			cls = classK | classS
		case 'p':
			cls = 1<<('b'-'a') | classF
		case 't':
			cls = 1<<('t'-'a') | classK
		case 'k':
			cls = classK | 1<<('n'-'a')
		case 'x':
			cls = classK
		case 'd':
			cls = classD | classJ // and the dj, dg of ج
		case 'g':
			cls = classJ
		default:
			if k := skelTable[c]; k >= 'a' && k <= 'z' {
				cls = 1 << (k - 'a')
			} else if k == '?' {
				cls = 1 << (c - 'a') // h, s, b: their own class at the start
			}
		}
		t[c-'a'] = cls
	}
	return t
}()

// mayStart reports whether a Latin word that starts with c may line up
// with l's letters (a quick test before arabicLetterSim's).
func (l *arabicLetterSet) mayStart(c byte) bool {
	return c >= 'a' && c <= 'z' && l.starts&(1<<(c-'a')) != 0
}

// readLetters sets the rest of l from the word orig and its reading text.
func (l *arabicLetterSet) readLetters(text, orig string) {
	l.read = true
	acons, agaps := arabicGaps(l.cons[:0], l.gaps[:0], orig)
	n := len(acons)
	l.own = n >= 2 && lineUp(acons, agaps, text) >= 0
	if !l.own {
		return
	}
	l.n, l.first, l.last = n, acons[0], acons[n-1]
	if acons[n-1]&heh != 0 && agaps[n] == 0 {
		l.last |= acons[n-2]
	}
}

// lastMay reports whether the last consonant of the Latin word w may be
// the last of l as lineUp lines them up: a quick test that turns down most
// words whose letters lineUp would not line up, and none it would (a last
// letter it may read otherwise, h, j, v or w, is let through).
func (l *arabicLetterSet) lastMay(w string) bool {
	j := len(w) - 1
	for j >= 0 && isVowel(w[j]) {
		j--
	}
	if j < 0 {
		return false
	}
	c := w[j]
	switch c {
	case 'h', 'j', 'v', 'b':
		return true // sh, kh; the h of ة; Slavic j; Persian v; the b of mb
	}
	cl := skelClass(w, j, true)
	if cl < 'a' || cl > 'z' {
		return true
	}
	return l.last&(1<<(cl-'a')) != 0
}

// altLetterCost is what a match by letters (arabicLetterSim) loses against
// one by the skeleton of a reading: the reading's spelling is the likelier.
const altLetterCost = 0.01

// arabicAltKeys appends to dst (and returns) the skeleton keys the
// consonants acons of an Arabic-script word (arabicGaps) have when each
// letter is spelt any way its classes allow (but ك as k and ش as s, their
// other spellings a reading's: foreign g, French ch; each ش of a word of
// two is either, which no reading spells; تش also as tsh and tch, whose t
// the skeleton keeps: Tshisekedi, Mitchell), and a ه or ح right
// after another consonant is kept or dropped (Latin writes lh, mh, rh, whose
// h the skeleton drops): those other than k, the skeleton of the word's
// reading, and of two letters or more. At most maxAltKeys; none for a word
// of more alternatives. The bits of dropped (one per key) flag the keys
// that left a ه or ح out, which only a Latin word that writes an h after a
// consonant has (hAfterConsonant).
func arabicAltKeys(dst [][]byte, buf []byte, acons []uint32, agaps []uint8, k []byte) ([][]byte, uint8) {
	shins := 0
	for _, c := range acons {
		if c&shin != 0 {
			shins++
		}
	}
	n := 1
	for i, c := range acons {
		n *= bits.OnesCount32(altClasses(c, i, agaps, shins))
		if n > maxAltKeys {
			return dst, 0
		}
	}
	if n == 1 {
		return dst, 0
	}
	start := len(dst)
	var dropped uint8
	for v := 0; v < n; v++ {
		lo := len(buf)
		rest := v
		drop := false
		for i, c := range acons {
			m := altClasses(c, i, agaps, shins)
			cnt := bits.OnesCount32(m)
			pick := rest % cnt
			rest /= cnt
			for ; pick > 0; pick-- {
				m &= m - 1
			}
			if m&dropH != 0 {
				drop = true
				continue
			}
			if low := m & -m; low == tsPair || low == tkPair {
				// tsh, tch: the skeleton keeps their t (Tshisekedi,
				// Mitchell).
				if len(buf) == lo || buf[len(buf)-1] != 't' {
					buf = append(buf, 't')
				}
				buf = append(buf, pick2(low == tsPair, 's', 'k'))
				continue
			}
			l := byte('a' + bits.TrailingZeros32(m))
			if len(buf) > lo && buf[len(buf)-1] == l {
				continue
			}
			buf = append(buf, l)
		}
		key := buf[lo:]
		if len(key) < 2 || string(key) == string(k) || slices.ContainsFunc(dst[start:], func(o []byte) bool { return string(o) == string(key) }) {
			buf = buf[:lo]
			continue
		}
		if drop {
			dropped |= 1 << (len(dst) - start)
		}
		dst = append(dst, key)
	}
	return dst, dropped
}

// hAfterConsonant reports an h after a consonant letter in w (lh, mh,
// but also sh, kh): the words a key of arabicAltKeys that left a ه or ح
// out may find.
func hAfterConsonant(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == 'h' && !isVowel(w[i-1]) {
			return true
		}
	}
	return false
}

// maxAltKeys bounds arabicAltKeys: a word of many letters of two spellings
// is left to its readings.
const maxAltKeys = 8

// dropH is the bit of altClasses for a ه or ح left out; tsPair and tkPair
// those for تش written tsh or tch, whose t the skeleton keeps (ts, tk).
const (
	dropH  = 1 << 26
	tsPair = 1 << 27
	tkPair = 1 << 28
)

// pick2 is a if c, else b.
func pick2(c bool, a, b byte) byte {
	if c {
		return a
	}
	return b
}

// altClasses is the skeleton classes (a bit each) the i-th consonant c of
// an Arabic-script word of shins ش may be spelt with, for arabicAltKeys.
func altClasses(c uint32, i int, agaps []uint8, shins int) uint32 {
	m := c & (1<<26 - 1)
	switch {
	case c&shin != 0 && shins > 1:
		// Each ش of a word of two is sh or ch (German Achternbusch
		// أشترنبوش: ch, then sch), which no one reading spells.
		m = classS | classK
	case c&shin != 0:
		m = classS
	case c&tsh != 0:
		m |= tsPair | tkPair
	case c&qaf == 0 && m == classK|classJ:
		m = classK // ك
	case m == classH && i > 0 && agaps[i] == 0:
		m |= dropH
	}
	return m
}

// hangulOrdinal reports a one-letter ruler's ordinal read from Hangul
// (조슬랭 1세: i): a Roman numeral, not the initial of a name (Ivan).
func hangulOrdinal(t *token) bool {
	return t.kind == kInitial && strings.HasSuffix(t.orig, "세")
}

// consonantSim is the similarity of two words with the same skeleton:
// simConsonants, give or take 0.02 by how close their vowels are (u and o,
// i and e counted alike), so that of "alberto" and "albert" the first wins
// for "albrtu" (ألبرتو).
func consonantSim(a, b string) float64 {
	var ba, bb [40]byte
	va, vb := vowelClasses(ba[:0], a), vowelClasses(bb[:0], b)
	if va == nil || vb == nil {
		return simConsonants
	}
	return spellingSim(string(va), string(vb))
}

// spellingSim is what a match by skeleton is worth by the spellings a and
// b: simConsonants give or take 0.02, by their edit distance against the
// longer one's length.
func spellingSim(a, b string) float64 {
	long := max(len(a), len(b))
	d := osa(a, b, long)
	return simConsonants - 0.02 + 0.04*(1-float64(d)/float64(long))
}

// letterSim is consonantSim of a word read from Cyrillic, which writes
// its vowels: o is not u, nor e i (Турау turau is nearer Thurau than
// Torao).
func letterSim(a, b string) float64 {
	if len(a) > 40 || len(b) > 40 {
		return simConsonants
	}
	return spellingSim(a, b)
}

// vowelFaultCost is what a skeleton match loses for each vowel the Latin
// word writes where the Arabic-script word it is compared with could not
// leave it unwritten, or lacks or writes otherwise where it writes one
// (vowelFaults); unalignedCost what it loses when their consonants do not
// line up one to one: ألكوك is Alcock rather than Alak, whose skeleton is
// the same only because a repeated letter counts once.
const (
	vowelFaultCost = 0.2
	unalignedCost  = 0.02
)

// What vowelFaults returns for words it does not judge.
const (
	unaligned = -1 // the consonants do not line up
	notArabic = -2 // ar has a letter it does not know (or is no Arabic-script word)
	otherCons = -3 // the consonants line up one to one, but one is not the letter's (unaligned otherwise)
)

// vowelCost is the cost of the vowel faults between two tokens of the same
// skeleton, one read from Arabic script (its orig in that script) and the
// other a Latin word; 0 for any other pair.
func vowelCost(q, c *token) float64 {
	f := 0
	switch {
	case q.arabic && !c.arabic:
		f = vowelFaults(q.orig, c.text)
		if f == notArabic && edgeClash(q, c.text) {
			f = 1
		}
	case c.arabic && !q.arabic:
		f = vowelFaults(c.orig, q.text)
		if f == notArabic && edgeClash(c, q.text) {
			f = 1
		}
	}
	return vowelCostOf(f)
}

// vowelCostOf is the cost of what vowelFaults returned.
func vowelCostOf(f int) float64 {
	switch f {
	case unaligned, otherCons:
		return unalignedCost
	case notArabic:
		return 0
	}
	return vowelFaultCost * float64(f)
}

// vowelFaults counts the vowels a Latin word writes where the Arabic-script
// word ar has no letter for one, or lacks or writes otherwise where it has.
// Arabic script leaves short vowels out but writes long ones (ا و ي), a
// vowel that starts a word (on an alif) and one that ends it, and the u or
// o of a last syllable closed by a consonant is long in Arabic names (the
// pattern of Mahmud محمود, Mansur منصور, Masud مسعود; 24 of the 1,285 such
// syllables in the matched pairs of the cross-script sets lack the و). So
// a Latin word of the same consonants is likely another name when it starts
// with a vowel where ar starts with a consonant, ends with one (a silent e
// aside) where ar ends with a consonant, writes two vowel letters (ee, ei:
// a long vowel or a diphthong) between two consonants that ar writes
// nothing between, or a u or o between its last two (محمد is Muhammad, not
// Mahmud nor Mahmoud); or when it has no vowel where ar writes one, or
// another than the letter's (منصور is Mansur, not Mansar). A word that
// starts with a vowel against one that starts with a consonant counts
// two (احسان is Ehsan, not Hossein). The consonants
// are compared as skeleton classes; where they do not line up one to one,
// it returns unaligned, and notArabic for a word of letters it does not
// know.
func vowelFaults(ar, lat string) int {
	var ab [24]uint32
	var ag [25]uint8
	acons, agaps := arabicGaps(ab[:0], ag[:0], ar)
	if acons == nil {
		return notArabic
	}
	return lineUp(acons, agaps, lat)
}

// lineUp is vowelFaults of the Arabic-script word read by arabicGaps into
// acons and agaps, so that one word read once is compared with many.
func lineUp(acons []uint32, agaps []uint8, lat string) int {
	return lineUpAs(acons, agaps, lat, false)
}

// lineUpAs is lineUp; strict, it also turns down the spellings a letter's
// classes allow that only a reading of the word with that letter's skeleton
// would have (a j for ق, whose class is g's; a g for ك, which is k but in
// foreign names; an s for ض, ظ or ذ, which Persian says z; an s alone for
// تش): arabicLetterSim
// matches words by their letters alone.
func lineUpAs(acons []uint32, agaps []uint8, lat string, strict bool) int {
	var lb [24]byte
	var runs [25][2]int // the vowels of lat before each consonant, and after the last
	lcons := lb[:0]
	run := 0 // where the vowels after the last consonant start
	prevCons := false
	kFaults := 0 // k where ar writes ش
	for i := 0; i < len(lat); i++ {
		cl := skelClass(lat, i, prevCons)
		k := len(lcons)
		switch {
		case cl == '-' && lat[i] == 'h' && prevCons && k < len(acons) && acons[k]&classH != 0 && acons[k-1]&digraph == 0:
			cl = 'h' // an h after a consonant Latin writes alone: Farhad فرهاد, Ishaq إسحاق
		case cl == 'f' && lat[i] == 'v' && (k == len(acons) || acons[k]&classF == 0) && agaps[k]&gapW != 0:
			cl = 0 // a v where ar writes و: Persian says it so (Alavi علوی)
		case cl == 'd' && i+1 < len(lat) && lat[i+1] == 'j' && k < len(acons) && acons[k]&classD == 0:
			continue // French dj is ج (Djamel)
		case cl == 'd' && i+2 < len(lat) && lat[i+1] == 'g' && strings.IndexByte("eiy", lat[i+2]) >= 0 && k < len(acons) && acons[k]&classD == 0:
			continue // English dg is ج (Aldridge ألدريج)
		case cl == 'j' && lat[i] == 'j' && (i == 0 || lat[i-1] != 'd') && (k == len(acons) || acons[k]&classJ == 0) && agaps[k]&gapY != 0:
			cl = 0 // Slavic j is y, which ar writes ي (Bajramović بايراموفيتش); not dj (Adjei)
		case cl == 't' && i+1 < len(lat) && (lat[i+1] == 'c' || lat[i+1] == 's') && k < len(acons) && acons[k]&tsh != 0:
			continue // the t of tch, tsch (Ritchie ريتشي)
		case cl == 'h' && i == len(lat)-1 && !prevCons && agaps[len(agaps)-1]&gapAny != 0:
			cl = 0 // the h of a last ah, eh: ة (Salameh سلامة)
		}
		switch {
		case cl == 0:
			prevCons = false
			continue
		case cl == '-':
			if prevCons && !(lat[i] == 'h' && (lat[i-1] == 'n' || lat[i-1] == 'l') && agaps[k]&gapY != 0) {
				run = i + 1 // the h of sh, kh: part of the consonant; not Portuguese nh, lh (latinVowels)
			}
			continue
		case prevCons && lcons[len(lcons)-1] == cl:
			run = i + 1
			continue // a doubled letter is one consonant
		case len(lcons) == len(acons):
			return unaligned // more consonants than ar
		case lat[i] == 'z' && acons[k]&shin != 0:
			// z is not sh: شادي is Chadi, not Zadi, and شعيب Shuaib
			// not Zebhi (whose bh the skeleton reads as b): a fault, as
			// for a vowel, not the small cost of consonants that do not
			// line up, by which short Persian names matched by skeleton.
			return earlyFault(strict)
		case acons[k]&shin != 0 && cl == 'k' && (lat[i] == 'k' || lat[i] == 'q' || lat[i] == 'c' && byteAt(lat, i+1) != 'h'):
			// ش is sh, or French ch, but no k: شريف is Sharif or
			// Cherif, not Karif, whose skeleton is Cherif's: a fault,
			// counted with the vowels'.
			kFaults++
		case lat[i] == 'k' && byteAt(lat, i+1) == 'h' && acons[k]&qaf != 0:
			// kh is خ, not ق: عقيلي is Aqili, not Khalili.
			return earlyFault(strict)
		case cl == 'f' && lat[i] != 'v' && acons[k]&classF == 0 && agaps[k]&gapW != 0:
			// An f where ar writes و and no ف: not Persian v (Alavi), but
			// a consonant the script would write (اورور Aurore, not Faria).
			return earlyFault(strict)
		}
		runs[len(lcons)] = [2]int{run, i}
		lcons = append(lcons, cl)
		run, prevCons = i+1, true
	}
	n := len(acons)
	if len(lcons) == n-1 && n >= 2 && acons[n-1]&heh != 0 && agaps[n] == 0 {
		// A last ه writes a vowel in foreign names and Persian ones
		// (أندريه André, أنكه Anke, بونييه Bonnier read bonnie, زاده
		// Zada): the Latin word may end with a vowel there, which it
		// must write, the vowel of any letter before it too.
		var g [25]uint8
		copy(g[:], agaps[:n])
		g[n-1] |= gapAny
		acons, agaps = acons[:n-1], g[:n]
		n--
	}
	if len(lcons) != n {
		return unaligned
	}
	for k, cl := range lcons {
		if acons[k]&(1<<(cl-'a')) == 0 || strict && strictClash(acons[k], cl, lat, runs[k][1]) {
			return otherCons
		}
	}
	runs[n] = [2]int{run, len(lat)}
	faults := kFaults
	for k := 0; k <= n; k++ {
		if k == 1 && strings.HasPrefix(lat, "mc") {
			continue // Mc is Mac (ماكميلان McMillan)
		}
		cluster := k == 0 && n > 1 && runs[1][0] == runs[1][1] // lat starts with two consonants
		v := latinVowels(lat, runs[k][0], runs[k][1], agaps[k]&gapW != 0)
		if vowelFault(v, agaps, k, cluster) {
			faults++
			if k == 0 && (v == "") != (agaps[0] == 0) {
				// One starts with a vowel, the other with a consonant
				// (احسان Ehsan, not Hossein): two faults.
				faults++
			}
		}
	}
	return faults
}

// vowelFault judges the Latin vowels v at place k of an Arabic-script word
// whose places hold the vowel letters gaps (arabicGaps); cluster says that
// the Latin word starts with two consonants.
func vowelFault(v string, gaps []uint8, k int, cluster bool) bool {
	n := len(gaps) - 1 // consonants
	g := gaps[k]
	if k == 0 && len(v) > 1 && (v[0] == 'y' && g&gapY == 0 || v[0] == 'w' && g&gapW == 0) && isVowel(v[1]) {
		// A y or w that starts a word before a vowel is a consonant,
		// which the script writes (ي، و): إلينا is not Juliana read
		// yuliana, nor وليد Olid.
		return true
	}
	if k > 0 && g&(gapY|gapAY|gapAny) == 0 && gaps[k-1]&gapY == 0 && consonantY(v) {
		// So is a y before a vowel further on (Kanyo, Kanjo read as
		// European j, is not كانو Kanu), which the script may write
		// before the consonant it follows (the ny of gn: بوليناك
		// Polignac).
		return true
	}
	switch {
	case g == 0 && v == "":
		return false
	case g == 0:
		switch {
		case k == 0:
			return true // a first vowel: Arabic writes it on an alif
		case k == n:
			return v != "e" // a last vowel, other than a silent e
		case v == "ou":
			// French u (Mouhadjir مهاجر), long only where u is: in a
			// last closed syllable.
			return k == n-1 && gaps[n] == 0
		case len(v) >= 2:
			return true // a long vowel or a diphthong
		}
		return k == n-1 && gaps[n] == 0 && (v == "u" || v == "o") // the u of a last closed syllable
	case v == "":
		// A long vowel the Latin word lacks; a first alif may carry
		// none, before two consonants (استانکزی Stanekzai).
		return k > 0 || !cluster
	}
	// Each vowel letter written: the Latin word writes its vowel (English
	// writes the a of ا as u in Buckner باكنر, the ay of ي as a in Jame
	// جيم), and where the script writes two, both (أوكي Aoki, not Aki;
	// أليسيو Alessio, not Alesi; عواد Awad, Aouad). The a of ا beside
	// another vowel letter is the first half of a diphthong, which Latin
	// writes with any two vowels (براون Brown, بورجوان Bourgoin) and
	// English /ai/ with i or y alone (نايت Knight, فراي Fry).
	if k == 0 {
		g &^= gapA // a first alif carries any vowel, or is the seat of the next
	}
	// English u is /ju/ too, as ي و write it (كيوب Cube, بيوكانان Buchanan).
	// A diphthong is the ا before the ي: ي before ا is ya, whose a the
	// Latin word writes (ايليا is Ilya, not Ali).
	aOK := strings.ContainsAny(v, "aeu") || g != gapA && len(v) >= 2 || g == gapA|gapY && (v == "i" || v == "y")
	return g&gapA != 0 && !aOK ||
		g&gapW != 0 && !strings.ContainsAny(v, "ouw") ||
		g&gapY != 0 && !strings.ContainsAny(v, "ieya") && !(g == gapY|gapW && v == "u") || // a last ی may also be alif maqsura (مصطفی)
		g&gapAY != 0 && !strings.ContainsAny(v, "aeiy")
}

// earlyFault is what lineUpAs returns for a consonant that is not the
// letter's, where lineUp counts a fault without reading further (the
// skeletons of the two words are the same): strict, it turns the word down.
func earlyFault(strict bool) int {
	if strict {
		return otherCons
	}
	return 1
}

// strictClash reports a Latin consonant lat[i] of skeleton class cl that the
// classes of an Arabic-script letter (arabicClasses) allow but lineUpAs
// turns down when strict.
func strictClash(a uint32, cl byte, lat string, i int) bool {
	c := lat[i]
	switch {
	case a&tsh != 0:
		return cl == 's' && (i == 0 || lat[i-1] != 't') // ch, tch, tsch or tsh, not s (كلوتش is no Kloss)
	case a&qaf != 0:
		return c == 'j'
	case a&(classK|classJ) == classK|classJ:
		return cl == 'j' // ك
	case a&(classD|classS) == classD|classS:
		return cl == 's' && c != 'z'
	}
	return false
}

// consonantY reports a y before another vowel in the vowels v of a Latin
// word: the consonant y, which Arabic script writes ي.
func consonantY(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		if v[i] == 'y' && v[i+1] != 'y' && isVowel(v[i+1]) {
			return true
		}
	}
	return false
}

// latinVowels is the vowels of lat[i:j], the letters between two
// consonants: without the u that belongs to a q or g before e or i
// (Marguerite, Albuquerque), unless the script writes a و there, which is
// how it reads that u (بارجويل Barguil), nor silent letters (the g of
// Knight).
func latinVowels(lat string, i, j int, w bool) string {
	if i < j && i > 0 && !w && lat[i] == 'u' && (lat[i-1] == 'q' || lat[i-1] == 'g') && i+1 < j && (lat[i+1] == 'e' || lat[i+1] == 'i') {
		i++
	}
	v := lat[i:j]
	if i < j && i > 0 && lat[i] == 'h' && (lat[i-1] == 'n' || lat[i-1] == 'l') {
		// Portuguese nh, lh are ny, ly, which the script writes ني، لي
		// (أوغوستينو Agostinho, كارفاليو Carvalho).
		return "y" + v[1:]
	}
	for k := 0; k < len(v); k++ {
		if !isVowel(v[k]) {
			b := make([]byte, 0, len(v)) // rare: a silent letter or a v among them
			for k := 0; k < len(v); k++ {
				switch {
				case isVowel(v[k]):
					b = append(b, v[k])
				case v[k] == 'v':
					b = append(b, 'w') // the Persian v of و (vowelFaults)
				case v[k] == 'j':
					b = append(b, 'y') // the Slavic j of ي (vowelFaults)
				}
			}
			return string(b)
		}
	}
	return v
}

// The letters of Arabic script that vowels stand for, as bits of a gap
// (arabicGaps): alif, waw and ya; any other (ta marbuta, ain, hamza
// alone) says a vowel may be there but not which.
const (
	gapA   = 1 << iota // ا أ إ آ: a (e in foreign names)
	gapW               // و ؤ: u, o
	gapY               // ي ی ئ: i, e
	gapAny             // ة ع ء
	gapAY              // ى: a or i
	gapYA              // with gapY and gapA: ي before ا (ليا), not the ا before ي of a diphthong (نايت)
)

// arabicGaps appends to cons the skeleton classes each consonant of the
// Arabic-script word ar may be written with (arabicClasses), and to gaps,
// for each place around them (before the first, between two, after the
// last), the letters ar writes there that a vowel may stand for. It
// returns nil for a word with another letter, or too long.
func arabicGaps(cons []uint32, gaps []uint8, ar string) ([]uint32, []uint8) {
	gaps = append(gaps, 0)
	prev := rune(0)
	for i, r := range ar {
		var g uint8
		last := prev
		prev = r
		switch r {
		case 'ا', 'أ', 'إ', 'آ', 'ٱ':
			g = gapA
		case 'و', 'ؤ':
			g = gapW
			if last == 'خ' && strings.HasPrefix(ar[i+len("و"):], "ا") {
				// Persian writes a silent و between خ and ا (خواجه
				// Khajeh, خواهر khahar): no vowel of its own.
				continue
			}
		case 'ي', 'ی', 'ئ':
			g = gapY
		case 'ى':
			g = gapAY
		case 'ة', 'ۀ', 'ۃ', 'ع', 'ء':
			g = gapAny
		}
		if g != 0 {
			if g == gapA && gaps[len(gaps)-1]&gapY != 0 {
				g |= gapYA
			}
			gaps[len(gaps)-1] |= g
			continue
		}
		c := arabicClasses(r)
		if c == 0 || len(cons) == cap(cons) {
			return nil, nil
		}
		if r == 'ش' && last == 'ت' && len(gaps) >= 2 && gaps[len(gaps)-1] == 0 {
			// تش writes the ch of foreign names (Cacho كاتشو, Archie
			// أرتشي, Andrić أندريتش): one consonant, which Latin writes
			// ch, c, tch or tsch.
			cons[len(cons)-1] = classK | classS | digraph | tsh
			continue
		}
		cons = append(cons, c)
		gaps = append(gaps, 0)
	}
	return cons, gaps
}

// arabicClasses is the skeleton classes (a bit each, a-z) of the Latin
// letters that write an Arabic-script consonant: Arab, Persian and French
// spellings differ (ق q, and gh or g in Iran, the Gulf and Sudan: Bagheri;
// ض ذ ظ d or dh, and z in Persian: Reza, Kazem, Kathim; ث th or s; ش sh
// or ch), 0 for other runes.
func arabicClasses(r rune) uint32 {
	if r < 0x600 || r >= 0x700 {
		return 0
	}
	return arabicClassTab[r-0x600]
}

// arabicClassTab holds arabicClasses of the Arabic block, read once per
// letter of every skeleton match.
var arabicClassTab = func() (t [0x100]uint32) {
	for i := range t {
		t[i] = arabicClassesOf(rune(0x600 + i))
	}
	return t
}()

func arabicClassesOf(r rune) uint32 {
	var cs string
	switch r {
	case 'ب', 'پ':
		cs = "b"
	case 'ت', 'ط':
		cs = "t"
	case 'ث':
		cs = "ts"
	case 'ج', 'غ', 'گ':
		cs = "j"
	case 'ح', 'ه', 'ھ', 'ہ':
		cs = "h"
	case 'خ', 'چ':
		cs = "k"
	case 'ك', 'ک':
		cs = "kj" // and the g of foreign names (أكدال Agdal)
	case 'ق':
		cs = "kj"
	case 'د':
		cs = "d"
	case 'ذ':
		cs = "dst" // th too (شاذل Shathel)
	case 'ض':
		cs = "ds"
	case 'ظ':
		cs = "dst"
	case 'ر':
		cs = "r"
	case 'ز', 'س', 'ص':
		cs = "s"
	case 'ش':
		cs = "sk"
	case 'ژ':
		cs = "sj"
	case 'ف', 'ڤ':
		cs = "f"
	case 'ل':
		cs = "l"
	case 'م':
		cs = "m"
	case 'ن':
		cs = "n"
	}
	var m uint32
	for i := 0; i < len(cs); i++ {
		m |= 1 << (cs[i] - 'a')
	}
	switch r {
	case 'ث', 'خ', 'ذ', 'ش', 'ظ', 'غ', 'چ', 'ژ':
		m |= digraph
	case 'ه', 'ھ', 'ہ':
		m |= heh
	}
	switch r {
	case 'ش':
		m |= shin
	case 'ق':
		m |= qaf
	}
	return m
}

// Bits of arabicClasses: the classes h and f, and digraph for a letter
// Latin writes with an h after it (th, kh, dh, sh, gh, ch, zh).
const (
	classH  = 1 << ('h' - 'a')
	classD  = 1 << ('d' - 'a')
	classF  = 1 << ('f' - 'a')
	digraph = 1 << 26
	heh     = 1 << 27 // ه, which may end a word as a vowel
	shin    = 1 << 28 // ش, which no Latin z writes
	tsh     = 1 << 29 // تش, one consonant (arabicGaps)
	qaf     = 1 << 30 // ق, which no Latin kh writes
	classK  = 1 << ('k' - 'a')
	classJ  = 1 << ('j' - 'a')
	classS  = 1 << ('s' - 'a')
)

// simOneConsonant is what a word of one consonant (آبي abe, ليل lell) loses
// against consonantSim: the same consonant and vowels in the same places
// say less than a skeleton of two consonants or more.
const simOneConsonant = 0.05

// tableSkeletonSim compares a word the Arabic name table spells (its orig
// in Arabic script, not flagged arabic) with a Latin word of its skeleton
// that writes every vowel where the Arabic-script word does (Moustfa for
// مصطفى, spelt mustafa): the table cannot list every spelling.
func tableSkeletonSim(q, c *token) float64 {
	if q.arabic || c.arabic || q.kind != kWord || c.kind != kWord {
		return 0
	}
	a, l := q, c
	if !isArabicOrig(a) {
		a, l = c, q
	}
	if !isArabicOrig(a) || isArabicOrig(l) {
		return 0
	}
	// sameSkeleton reads the query token's skeleton from its neighbour
	// set (no string built): most pairs are turned down at their first
	// consonant.
	if !sameSkeleton(q, c) || vowelFaults(a.orig, l.text) != 0 {
		return 0
	}
	s, _, _ := editSim(a.text, l.text) // not less than it had without
	return max(s, consonantSim(a.text, l.text))
}

// isArabicOrig reports a token whose word as written is in Arabic script.
// It is worked out once per token (arOrig), a flag of the packed tokens:
// tokenSim asks it of nearly every pair, and reading a list token's orig
// for it was the first read of the word's bytes, a cache miss per list
// token in most queries.
func isArabicOrig(t *token) bool { return t.arOrig }

// arabicScript reports a word that starts in Arabic script (U+0600-06FF).
func arabicScript(w string) bool { return len(w) > 1 && w[0] >= 0xd8 && w[0] <= 0xdb }

// arabicAndLatin orders two words as the one whose vowels are guessed
// (token.arabic) and the other; ok is false unless exactly one is.
func arabicAndLatin(q, c *token) (a, l *token, ok bool) {
	if q.arabic == c.arabic || q.kind != kWord || c.kind != kWord {
		return nil, nil, false
	}
	if c.arabic {
		return c, q, true
	}
	return q, c, true
}

// oneConsonantSim compares two words of one consonant (or one repeated),
// which have no skeleton, one read from Arabic script and one Latin: alike
// when the Latin word writes its vowels where the Arabic-script word does
// (vowelFaults finds none), 0 otherwise.
func oneConsonantSim(q, c *token) float64 {
	a, l, ok := arabicAndLatin(q, c)
	if !ok {
		return 0
	}
	k := a.oneCons
	if k == 0 || l.oneCons != k || vowelFaults(a.orig, l.text) != 0 {
		return 0
	}
	return consonantSim(q.text, c.text) - simOneConsonant
}

// europeanReading rewrites the letters by which European spellings write
// sounds that Arabic script writes otherwise: the sound y, which it writes
// ي: j before a vowel (Jäck ياك, Joacim يواسيم; not the dj of ج) or after
// l or n (Maljković ماليكوفيتش), ll between vowels (Castillón كاستيون),
// gli and gn after a vowel (Castiglia كاستيا, Agnesi أنيزي); German,
// Dutch and Polish w, which is v and so ف (Weirich فايرش, Olszewski
// أولشيفسكي), before a vowel or in wsk; and the h that only lengthens the
// vowel before it, at the end or before l or n (Adaileh العضايلة, Acquah
// أكوا, Ahlefeld أليفيلت, Aaronsohn آرونسون), which it does not write;
// and German and Italian z, which is ts and so تس or تز (Zierer تسيرر,
// Annovazzi أنوفاتزي; not in tz, dz, zz, nor Polish sz, cz); "" when w
// has none of them.
func europeanReading(w string) string {
	if !strings.ContainsAny(w, "jlgwhz") {
		return ""
	}
	var buf [48]byte
	b := buf[:0]
	changed := false
	for i := 0; i < len(w); i++ {
		c, next := w[i], byteAt(w, i+1)
		afterVowel := i > 0 && isVowel(w[i-1])
		switch {
		case c == 'j' && (isVowel(next) && (i == 0 || w[i-1] != 'd') || i > 0 && (w[i-1] == 'l' || w[i-1] == 'n')):
		case c == 'l' && next == 'l' && afterVowel && i+2 < len(w) && isVowel(w[i+2]):
			i++
		case c == 'g' && next == 'l' && afterVowel && i+2 < len(w) && w[i+2] == 'i':
			i++
		case c == 'g' && next == 'n' && afterVowel:
			b = append(b, 'n')
			i++
		case c == 'w' && (strings.IndexByte("aeiou", next) >= 0 || next == 's' && i+2 < len(w) && w[i+2] == 'k'):
			b = append(b, 'v')
			changed = true
			continue
		case c == 'h' && afterVowel && (next == 0 || next == 'l' || next == 'n'):
			changed = true
			continue
		case c == 'z' && (i == 0 || strings.IndexByte("tdzsc", w[i-1]) < 0):
			b = append(b, 't', 's')
			changed = true
			if next == 'z' {
				i++
			}
			continue
		default:
			b = append(b, c)
			continue
		}
		b = append(b, 'y')
		changed = true
	}
	if !changed {
		return ""
	}
	return string(b)
}

// turkishReading rewrites the Turkish c, which is j and so ج (Öcalan
// أوجلان, Recep رجب, Cemil جميل), as j: not in ch, ck, cc nor sch; "" when
// w has none.
func turkishReading(w string) string {
	var buf [48]byte
	if len(w) > len(buf) {
		return ""
	}
	b := buf[:0]
	changed := false
	for i := 0; i < len(w); i++ {
		if turkishC(w, i) {
			b = append(b, 'j')
			changed = true
			continue
		}
		b = append(b, w[i])
	}
	if !changed {
		return ""
	}
	return string(b)
}

// turkishC reports a c at w[i] that Turkish would read j: not in ch, ck,
// cc nor sch.
func turkishC(w string, i int) bool {
	if w[i] != 'c' {
		return false
	}
	switch byteAt(w, i+1) {
	case 'h', 'k', 'c':
		return false
	}
	return i == 0 || w[i-1] != 's' && w[i-1] != 'c'
}

// spanishReading rewrites the Spanish j, and g before e or i, as the kh
// that Arabic script writes them with (Alejandro أليخاندرو, Bermejo
// بيرميخو, Angelino أنخيلينو); "" when w has neither. It is the other
// reading of a j than europeanReading's.
func spanishReading(w string) string {
	if !strings.ContainsAny(w, "jg") {
		return ""
	}
	var buf [48]byte
	b := buf[:0]
	changed := false
	for i := 0; i < len(w); i++ {
		c, next := w[i], byteAt(w, i+1)
		if c == 'j' && (i == 0 || w[i-1] != 'd') || c == 'g' && (next == 'e' || next == 'i') {
			b = append(b, 'k', 'h')
			changed = true
			continue
		}
		b = append(b, c)
	}
	if !changed {
		return ""
	}
	return string(b)
}

// frenchReading drops the letters French spelling writes at the end of a
// word and does not say, which Arabic script does not write: a last d, t
// or x after au, ou or o, and s after au, ou or oi (Arnaud أرنو, Gouraud
// غورو, Benoit بينوا), the lt of ault (Thibault تيبو), a last t, s or z
// after e (Anicet أنيسيه, Gouges غوج), s, t or x after ai, d or t after a
// vowel and r (Jomard جومار, Hébert هيبير), and the r of a last ier
// (Bonnier بونييه); "" when w ends otherwise. It costs frenchCost: the
// same letters end many a name that says them (Ahmad, Said and Abbas are
// not read so, Robert is).
func frenchReading(w string) string {
	n := len(w)
	if n < 4 {
		return ""
	}
	c := w[n-1]
	if c == 'r' && w[n-2] == 'e' && w[n-3] == 'i' {
		return w[:n-1]
	}
	if c != 'd' && c != 't' && c != 's' && c != 'x' && c != 'z' {
		return ""
	}
	v := w[:n-1]
	switch {
	case strings.HasSuffix(v, "aul") && c == 't':
		return v[:len(v)-1]
	case strings.HasSuffix(v, "au") || strings.HasSuffix(v, "ou"):
		if c == 'z' {
			return ""
		}
	case strings.HasSuffix(v, "oi"):
		if c != 's' && c != 't' && c != 'x' {
			return ""
		}
	case v[len(v)-1] == 'o':
		if c != 'd' && c != 't' {
			return ""
		}
	case v[len(v)-1] == 'e':
		if c != 't' && c != 's' && c != 'z' {
			return ""
		}
	case strings.HasSuffix(v, "ai"):
		if c != 's' && c != 't' && c != 'x' {
			return ""
		}
	case v[len(v)-1] == 'r' && isVowel(v[len(v)-2]):
		if c != 'd' && c != 't' {
			return ""
		}
	default:
		return ""
	}
	return v
}

// The readings of a Latin word that differ from it, a bit each
// (token.reads).
const (
	readEu = 1 << iota // europeanReading
	readEs             // spanishReading
	readFr             // frenchReading
	readTr             // turkishReading
)

// readingOf is the reading of w a bit of readings stands for.
func readingOf(w string, bit uint8) string {
	switch bit {
	case readEu:
		return europeanReading(w)
	case readEs:
		return spanishReading(w)
	case readFr:
		return frenchReading(w)
	case readTr:
		return turkishReading(w)
	}
	return ""
}

// readingCostOf is what a match through a reading loses, by bit: a word
// read as Spanish or French is less likely the Arabic-script word's than
// one spelt as it says (خليل is Khalil before Jalil).
func readingCostOf(bit uint8) float64 {
	if bit == readEu {
		return 0
	}
	return 0.03
}

// readings is the bits of the readings of w that differ from it, worked
// out in one pass without building them (every query word is asked).
func readings(w string) uint8 {
	var r uint8
	if frenchReading(w) != "" {
		r |= readFr
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c != 'j' && c != 'g' && c != 'l' && c != 'w' && c != 'h' && c != 'z' && c != 'c' {
			continue
		}
		next := byteAt(w, i+1)
		afterVowel := i > 0 && isVowel(w[i-1])
		eu := false
		switch c {
		case 'j':
			if i == 0 || w[i-1] != 'd' {
				r |= readEs
				eu = isVowel(next)
			}
			eu = eu || i > 0 && (w[i-1] == 'l' || w[i-1] == 'n')
		case 'g':
			if next == 'e' || next == 'i' {
				r |= readEs
			}
			eu = afterVowel && (next == 'n' || next == 'l' && i+2 < len(w) && w[i+2] == 'i')
		case 'l':
			eu = next == 'l' && afterVowel && i+2 < len(w) && isVowel(w[i+2])
		case 'w':
			eu = strings.IndexByte("aeiou", next) >= 0 || next == 's' && i+2 < len(w) && w[i+2] == 'k'
		case 'h':
			eu = afterVowel && (next == 0 || next == 'l' || next == 'n')
		case 'z':
			eu = i == 0 || strings.IndexByte("tdzsc", w[i-1]) < 0
		case 'c':
			if turkishC(w, i) {
				r |= readTr
			}
		}
		if eu {
			r |= readEu
		}
	}
	return r
}

// readingCost is what a Latin word w of the same skeleton as an
// Arabic-script word (read by arabicGaps into acons and agaps), as written
// or as one of its readings, loses against it, as tokenSim would take it
// from consonantSim: its vowel faults (lineUp) as written or, better, as
// one of its readings, and unalignedCost when none lines up (aligned
// false).
func readingCost(acons []uint32, agaps []uint8, w string) (cost float64, aligned bool) {
	cost = unalignedCost
	if f := lineUp(acons, agaps, w); f >= 0 {
		cost, aligned = vowelCostOf(f), true
	}
	if cost == 0 {
		return cost, aligned
	}
	rs := readings(w)
	for bit := uint8(1); rs != 0; bit <<= 1 {
		if rs&bit == 0 {
			continue
		}
		rs &^= bit
		if f := lineUp(acons, agaps, readingOf(w, bit)); f >= 0 {
			if c := vowelCostOf(f) + readingCostOf(bit); !aligned || c < cost {
				cost, aligned = c, true
			}
		}
	}
	return cost, aligned
}

// readingSim compares an Arabic-script word with a Latin one read by
// europeanReading, spanishReading, frenchReading or turkishReading, by
// skeleton or as a word of one consonant, the vowels judged as for any
// (vowelFaults); 0 when the Latin word has nothing to read so or they
// differ.
func readingSim(q, c *token) float64 {
	a, l, ok := arabicAndLatin(q, c)
	if !ok {
		return 0
	}
	if a.orig == "" || a.orig[0] < 0x80 {
		return 0 // not read from Arabic script (Cyrillic, Hangul)
	}
	if l.readSet == nil {
		var rs readingSet
		for i := range rs.text {
			rs.text[i] = readingOf(l.text, l.reads&(1<<i))
			rs.first[i] = firstClass(rs.text[i])
		}
		l.readSet = &rs
	}
	// A reading matches by skeleton or one consonant, and so starts
	// with the word's first consonant: most pairs end here.
	f := l.readSet.first
	if fa := firstClass(a.text); fa == 0 || f[0] != fa && f[1] != fa && f[2] != fa && f[3] != fa {
		return 0
	}
	var k []byte
	if a.near != nil {
		k = []byte(a.near.skel)
	} else {
		var kb [32]byte
		k = skelBytes(kb[:0], a.text)
	}
	best := 0.0
	for i, y := range l.readSet.text {
		if y != "" {
			if s := readingSimOf(a, k, y); s > 0 {
				best = max(best, s-readingCostOf(1<<i))
			}
		}
	}
	return best
}

// readingSet is the readings of a Latin word (token.reads), "" where it
// has none, and the skeleton class of the first consonant of each
// (firstClass).
type readingSet struct {
	text  [4]string
	first [4]byte
}

// firstClass is the skeleton class of the first consonant of w (k for
// x), 0 if it has none.
func firstClass(w string) byte {
	prevCons := false
	for i := 0; i < len(w); i++ {
		switch c := skelClass(w, i, prevCons); c {
		case 0:
			prevCons = false
		case '-':
		case 'x':
			return 'k'
		default:
			return c
		}
	}
	return 0
}

// readingSimOf is readingSim of a reading y, a.text's skeleton k (nil if
// none).
func readingSimOf(a *token, k []byte, y string) float64 {
	if y == "" {
		return 0
	}
	if k != nil && hasSkeleton(y, string(k)) {
		if f := vowelFaults(a.orig, y); f >= 0 {
			return consonantSim(a.text, y) - vowelCostOf(f)
		}
		return 0
	}
	if k := a.oneCons; k != 0 && oneConsonant(y) == k && vowelFaults(a.orig, y) == 0 {
		return consonantSim(a.text, y) - simOneConsonant
	}
	return 0
}

// oneConsonant is the skeleton class of the consonant of a word of two
// letters or more that has one (or the same one repeated: lell, gigi),
// 0 for any other word.
func oneConsonant(w string) byte {
	if len(w) < 2 {
		return 0
	}
	var k byte
	prevCons := false
	for i := 0; i < len(w); i++ {
		c := skelClass(w, i, prevCons)
		switch {
		case c == 0:
			prevCons = false
			continue
		case c == '-':
			continue
		case c < 'a' || c > 'z' || c == 'x' || k != 0 && c != k:
			return 0
		}
		k, prevCons = c, true
	}
	return k
}

// vowelClasses appends w with o written u and e written i (nil if too long
// for the buffer).
func vowelClasses(b []byte, w string) []byte {
	if len(w) > cap(b) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'o':
			c = 'u'
		case 'e', 'y':
			c = 'i' // y too: Anthony أنتوني antuni
		}
		b = append(b, c)
	}
	return b
}

// editSim accepts two words within maxEdits of the longer one's length
// ("son" ~ "sson"), the shorter having at least 3 letters.
func editSim(a, b string) (float64, string, int) {
	return editSimWith(a, b, nil)
}

// editSimWith is editSim, the letters of a read from pa (letterPositions
// of a, which a caller comparing one word with many sets once) rather than
// again for each b; nil: from a.
func editSimWith(a, b string, pa *letterPositions) (float64, string, int) {
	la, lb := len(a), len(b)
	short, long := la, lb
	if short > long {
		short, long = long, short
	}
	k := maxEdits(long)
	if short == 3 && long == 3 && swapped(a, b) {
		return 1 - 1.0/3, "edit-distance", 1 // "sko" ~ "sok": two letters swapped
	}
	if short < 3 || k == 0 || long-short > k {
		return 0, "", 0
	}
	var d int
	if pa != nil {
		d = pa.osa(b, k) // the distance is the same either way round
	} else {
		d = osa(a, b, k)
	}
	if d > k {
		return 0, "", 0
	}
	return 1 - float64(d)/float64(long), "edit-distance", d
}

// swapped reports whether b is a with two adjacent letters swapped.
func swapped(a, b string) bool {
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}

// osa returns the optimal-string-alignment distance of a and b (Levenshtein
// plus adjacent transpositions, "khadem" ~ "kahdem" in one edit), or k+1 as
// soon as it exceeds k. Names are folded Latin, so bytes stand for letters.
// Verifying the deletion table's candidates with it was a fifth of the
// instructions of a query whose words the neighbour memo had not seen:
// words of up to 64 letters a-z go to osaBits; for others only the band of
// cells within k of the diagonal is computed (cells outside it are at least
// k+1), in 16-bit cells clamped at k+1.
func osa(a, b string, k int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	la, lb := len(a), len(b)
	if lb-la > k {
		return k + 1
	}
	if la > 0 && la <= 64 {
		if d, ok := osaBits(a, b, k); ok {
			return d
		}
	}
	k = min(k, lb) // a distance is at most the longer length
	inf := uint16(k + 1)
	n := la + 1
	var buf [3 * 40]uint16
	var rows []uint16
	if 3*n <= len(buf) && k < 1<<15 {
		rows = buf[:3*n]
	} else {
		rows = make([]uint16, 3*n)
	}
	pp, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for i := range prev {
		prev[i] = uint16(min(i, k+1))
	}
	for j := 1; j <= lb; j++ {
		lo, hi := max(1, j-k), min(la, j+k)
		cur[0] = uint16(min(j, k+1))
		if lo > 1 {
			cur[lo-1] = inf
		}
		low := cur[0]
		bj := b[j-1]
		for i := lo; i <= hi; i++ {
			v := prev[i-1]
			if a[i-1] != bj {
				v++
			}
			v = min(v, prev[i]+1, cur[i-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == bj {
				v = min(v, pp[i-2]+1)
			}
			v = min(v, inf)
			cur[i] = v
			low = min(low, v)
		}
		if hi < la {
			cur[hi+1] = inf // the next row reads one cell past this band
		}
		if int(low) > k {
			return k + 1
		}
		pp, prev, cur = prev, cur, pp
	}
	return int(prev[la])
}

// osaBits is osa for a of 1 to 64 letters: Hyyrö's bit-vector algorithm
// (Myers' for Levenshtein, with his term for adjacent transpositions),
// one column of the table per letter of b in a few word operations, where
// the banded table costs some twenty per cell. It declines (ok false) an a
// with a byte outside a-z: its table of positions has a row per letter, and
// a table per byte value, cleared on every call, cost a fifth of its
// instructions.
func osaBits(a, b string, k int) (d int, ok bool) {
	var pa letterPositions
	if !pa.set(a) {
		return 0, false
	}
	return pa.osa(b, k), true
}

// letterPositions is a word of 1 to 64 letters a-z as osaBits reads it.
type letterPositions struct {
	peq [26]uint64 // letter -> the positions of the word that hold it
	n   int        // its length
}

// set reads word a into p, and reports whether it is one osaBits reads.
func (p *letterPositions) set(a string) bool {
	if len(a) == 0 || len(a) > 64 {
		return false
	}
	p.peq, p.n = [26]uint64{}, len(a)
	for i := 0; i < len(a); i++ {
		c := a[i] - 'a'
		if c >= 26 {
			return false
		}
		p.peq[c] |= 1 << i
	}
	return true
}

// osa is the optimal-string-alignment distance of the word to b, or k+1
// as soon as it exceeds k: b is of any length, and of any bytes.
func (p *letterPositions) osa(b string, k int) (d int) {
	top := uint64(1) << (p.n - 1)
	vp, vn := ^uint64(0)>>(64-p.n), uint64(0)
	var d0, pmPrev uint64
	d = p.n
	for j := 0; j < len(b); j++ {
		var pm uint64 // a byte outside a-z is in no position of a
		if c := b[j] - 'a'; c < 26 {
			pm = p.peq[c]
		}
		tr := ((^d0 & pm) << 1) & pmPrev
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := vp & d0
		if hp&top != 0 {
			d++
		} else if hn&top != 0 {
			d--
		}
		if d-(len(b)-1-j) > k {
			return k + 1 // each letter left lowers it by one at most
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmPrev = pm
	}
	return min(d, k+1)
}

// pair is one query token (or run of tokens) matched to one list token (or run).
type pair struct {
	qi, qn, ci, cn int // start and length of the runs; a length above 1 is a joined run
	sim            float64
	method         string
	dist           int
}

// alignment is how one query form maps onto one list form.
type alignment struct {
	q, c         *form
	pairs        []pair
	qUsed, cUsed []bool
	score        float64
	name         int         // index in Entity.Names of the name c renders (set by scoreForms)
	cands        []tokenPair // alignInto's working list, reused
	rows         []rowRef    // and the rows of a list form that has none (form.rows)
	memo         *simMemo    // the query's memo of tokenSim, when Screen aligns (nil: none)
}

// tokenPair is a query token and a list token that tokenSim found alike.
type tokenPair struct {
	i, j   int
	sim    float64
	method string
	dist   int
}

// clone copies a's slices, which alignInto reuses.
func (a alignment) clone() alignment {
	a.pairs, a.qUsed, a.cUsed = slices.Clone(a.pairs), slices.Clone(a.qUsed), slices.Clone(a.cUsed)
	a.cands, a.rows, a.memo = nil, nil, nil
	return a
}

// align pairs tokens greedily by similarity (any order: "Jong Un Kim" =
// "KIM, Jong Un"), then joins runs of leftover tokens ("Jongun" = "Jong Un"),
// and scores the result.
func align(q, c *form) alignment {
	var a alignment
	alignInto(&a, q, c)
	return a
}

// alignInto aligns into a, reusing its slices.
func alignInto(a *alignment, q, c *form) {
	a.q, a.c = q, c
	a.qUsed = resetBools(a.qUsed, len(q.toks))
	a.cUsed = resetBools(a.cUsed, len(c.toks))
	a.pairs = a.pairs[:0]
	// Kept in a rather than on the stack: a local array was cleared on
	// every call, 2% of a query.
	cands := a.cands[:0]
	memo := a.memo
	if memo != nil && len(c.rows) != len(c.toks) {
		a.rows = memo.rowsOf(c, a.rows[:0]) // a form Screen did not give its rows
	}
	for i := range q.toks {
		qt := &q.toks[i]
		if memo == nil || qt.qid == 0 {
			for j := range c.toks {
				if s, m, d := tokenSim(qt, &c.toks[j], q.method, c.method); s > 0 {
					cands = append(cands, tokenPair{i, j, s, m, d})
				}
			}
			continue
		}
		q1, bit := int(qt.qid)-1, qidBit(qt.qid) // its entry in a row, its bit
		if c.alike&bit == 0 {
			continue // alike with none of c's tokens
		}
		for j, r := range c.rows {
			if r.alike&bit == 0 {
				continue // tokenSim found them unlike
			}
			ct := &c.toks[j]
			var s float64
			var m string
			var d int
			if r.at < 0 || qt.vid == ct.vid {
				s, m, d = tokenSim(qt, ct, q.method, c.method)
			} else {
				e := &memo.entries[r.at+q1]
				s, m, d = e.sim, e.method, e.dist
			}
			if s > 0 {
				cands = append(cands, tokenPair{i, j, s, m, d})
			}
		}
	}
	a.cands = cands
	for len(cands) > 0 {
		best := 0
		for k := range cands {
			if cands[k].sim > cands[best].sim {
				best = k
			}
		}
		b := cands[best]
		a.pairs = append(a.pairs, pair{qi: b.i, qn: 1, ci: b.j, cn: 1, sim: b.sim, method: b.method, dist: b.dist})
		a.qUsed[b.i], a.cUsed[b.j] = true, true
		n := 0
		for _, x := range cands {
			if x.i != b.i && x.j != b.j {
				cands[n] = x
				n++
			}
		}
		cands = cands[:n]
	}
	a.join()
	a.score = a.scoreOf()
}

func resetBools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// join matches a leftover token to a run of 2 or 3 adjacent leftover tokens
// on the other side whose concatenation it spells.
func (a *alignment) join() {
	// Every pair so far uses a token of each side, and a join one leftover
	// token of a side and two or three of the other: most alignments have
	// too few left for either loop below to join anything. (The two loops
	// are one with the sides swapped; as one function taking the pair to
	// add, they cost alignments 0.6 % more instructions.)
	leftQ, leftC := len(a.q.toks)-len(a.pairs), len(a.c.toks)-len(a.pairs)
	if leftQ >= 1 && leftC >= 2 {
		starts := runStarts(a.c.toks, a.cUsed)
		for i := range a.q.toks {
			if a.qUsed[i] || !mayJoin(&a.q.toks[i], starts) {
				continue
			}
			if j, n, s, d, ok := joinRun(a.q.toks[i].text, a.q.toks[i].loose, a.c.toks, a.cUsed); ok {
				a.pairs = append(a.pairs, pair{qi: i, qn: 1, ci: j, cn: n, sim: s, method: "joined", dist: d})
				a.qUsed[i] = true
				markRun(a.cUsed, j, n)
				leftQ, leftC = leftQ-1, leftC-n
			}
		}
	}
	if leftC >= 1 && leftQ >= 2 {
		starts := runStarts(a.q.toks, a.qUsed)
		for j := range a.c.toks {
			if a.cUsed[j] || !mayJoin(&a.c.toks[j], starts) {
				continue
			}
			if i, n, s, d, ok := joinRun(a.c.toks[j].text, a.c.toks[j].loose, a.q.toks, a.qUsed); ok {
				a.pairs = append(a.pairs, pair{qi: i, qn: n, ci: j, cn: 1, sim: s, method: "joined", dist: d})
				a.cUsed[j] = true
				markRun(a.qUsed, i, n)
			}
		}
	}
}

// runStarts is the first letters (a bit each, by the letter's low six bits)
// of the runs joinRun could join: an unused token that is no number
// followed by another. Most alignments have no leftover token that starts
// as one of them, and need no joinRun at all.
func runStarts(toks []token, used []bool) uint64 {
	var m uint64
	for s := 0; s+1 < len(toks); s++ {
		if !used[s] && !used[s+1] && toks[s].first != 0 && toks[s].kind != kNumber && toks[s+1].kind != kNumber {
			m |= 1 << (toks[s].first & 63)
		}
	}
	return m
}

// mayJoin reports whether joinRun could join a run for t, given the
// runStarts of the other side: a word read from Hangul is tried
// whatever its first letter.
func mayJoin(t *token, starts uint64) bool {
	return t.loose || len(t.text) >= 4 && starts&(1<<(t.first&63)) != 0
}

func markRun(used []bool, start, n int) {
	for k := start; k < start+n; k++ {
		used[k] = true
	}
}

func joinRun(word string, loose bool, toks []token, used []bool) (start, n int, sim float64, dist int, ok bool) {
	if len(word) < 4 {
		return 0, 0, 0, 0, false
	}
	if loose {
		// A foreign compound that Hangul writes as one word (볼프디트리히
		// Wolf-Dietrich, 장뤽 Jean-Luc): the run's letters must sound as the
		// word's consonants, whatever letter it starts with. Hangul adds
		// vowels, so the run is at most half as long again as the reading: 자자리
		// jajari (al-Jazari) sounds as the consonants of George Soros too
		// (r after a vowel and a final s can be silent, g and s can be ㅈ).
		for s := range toks {
			n := len(toks[s].text)
			for k := s + 1; k < len(toks) && k < s+3 && !used[s] && !used[k] && toks[k].kind == kWord && toks[s].kind == kWord; k++ {
				if n += len(toks[k].text); 2*n > 3*len(word) {
					break
				}
				if joined := joinText(toks[s : k+1]); hangulMatchesLatin(word, joined) {
					return s, k - s + 1, simJoined * simLoose, 0, true
				}
			}
		}
	}
	for s := range toks {
		if used[s] || toks[s].text == "" || toks[s].text[0] != word[0] {
			continue // a run spelling the word starts with its first letter
		}
		total := 0
		for k := s; k < len(toks) && k < s+3 && !used[k] && toks[k].kind != kNumber; k++ {
			total += len(toks[k].text)
			if k == s || abs(total-len(word)) > maxEdits(max(total, len(word))) {
				continue // lengths alone rule the run out: no string built
			}
			// Built on the stack: a run is built for one alignment in
			// two, and mostly turned down.
			var jb [64]byte
			joined := appendRun(jb[:0], toks[s:k+1])
			if string(joined) == word {
				return s, k - s + 1, simJoined, 0, true
			}
			if es, _, d := editSim(word, string(joined)); es > 0 {
				return s, k - s + 1, simJoined * es, d, true
			}
		}
	}
	return 0, 0, 0, 0, false
}

// appendRun appends the texts of toks to b.
func appendRun(b []byte, toks []token) []byte {
	for i := range toks {
		b = append(b, toks[i].text...)
	}
	return b
}

func joinText(toks []token) string {
	var b [64]byte
	return string(appendRun(b[:0], toks))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// scoreOf weighs matched against unmatched tokens: every token counts by its
// weight, matched ones times their similarity, unmatched ones at the share
// their role gives (a missing middle name or patronymic costs little).
// A matched pair weighs twice the list side's weight (the list's tokens are
// in the corpus; a misspelt query token is not), an initial pair twice the
// lighter side's.
func (a *alignment) scoreOf() float64 {
	var num, den float64
	for _, p := range a.pairs {
		w := a.pairWeight(p)
		num += p.sim * w
		den += w
	}
	den += unmatchedWeight(a.q.toks, a.qUsed) + unmatchedWeight(a.c.toks, a.cUsed)
	if den == 0 {
		return 0
	}
	if a.initialsOnly() {
		return num / den * initialsOnlyFactor
	}
	return num / den
}

// initialsOnlyFactor is what is left of a name score whose only evidence
// is initials: a word of one name matched by an initial of the other, and
// nothing else (اعتماد خاطر الشايع and an alias K.A.S. of ETA: three
// words, three initials, 0.881 before).
const initialsOnlyFactor = 0.5

// initialsOnly reports an alignment whose every pair is a word matched by
// an initial.
func (a *alignment) initialsOnly() bool {
	for _, p := range a.pairs {
		if p.method != "initial" {
			return false
		}
	}
	return len(a.pairs) > 0
}

// pairWeight is what a matched pair counts for in scoreOf.
func (a *alignment) pairWeight(p pair) float64 {
	w := runWeight(a.c.toks[p.ci : p.ci+p.cn])
	if p.method == "initial" {
		w = min(w, runWeight(a.q.toks[p.qi:p.qi+p.qn]))
	}
	return 2 * w
}

func runWeight(toks []token) float64 {
	var w float64
	for i := range toks {
		w += float64(toks[i].weight)
	}
	return w
}

func unmatchedWeight(toks []token, used []bool) float64 {
	var w float64
	for i := range toks {
		if !used[i] {
			w += float64(toks[i].weight * roleFactor(&toks[i]))
		}
	}
	return w
}

// explain names every matched pair and every unmatched token, each with
// its share of the name score (Weight): the name score is the sum of share
// times score over the parts, so a case file shows why a rare surname
// counts for more than a common first name.
func (a *alignment) explain() []embargo.Explanation {
	var den float64
	for _, p := range a.pairs {
		den += a.pairWeight(p)
	}
	den += unmatchedWeight(a.q.toks, a.qUsed) + unmatchedWeight(a.c.toks, a.cUsed)
	share := func(w float64) float64 {
		if den == 0 {
			return 0
		}
		return round(w / den)
	}
	out := make([]embargo.Explanation, 0, len(a.pairs)+2)
	for _, p := range a.pairs {
		out = append(out, embargo.Explanation{
			Field: "name", Query: runText(a.q.toks[p.qi : p.qi+p.qn]), Candidate: runText(a.c.toks[p.ci : p.ci+p.cn]),
			Method: p.method, Distance: p.dist, Score: round(p.sim), Weight: share(a.pairWeight(p)),
		})
	}
	for i, used := range a.qUsed {
		if !used {
			t := &a.q.toks[i]
			out = append(out, embargo.Explanation{Field: "name", Query: t.orig, Method: "unmatched",
				Weight: share(float64(t.weight * roleFactor(t))), Note: "query token not in the list name"})
		}
	}
	for j, used := range a.cUsed {
		if !used {
			t := &a.c.toks[j]
			out = append(out, embargo.Explanation{Field: "name", Candidate: t.orig, Method: "unmatched",
				Weight: share(float64(t.weight * roleFactor(t))), Note: "list token not in the query (" + roleName(t) + ")"})
		}
	}
	if a.initialsOnly() {
		out = append(out, embargo.Explanation{Field: "name", Method: "initials-only", Score: initialsOnlyFactor,
			Note: "only initials matched, no word: the name score is multiplied by this"})
	}
	return out
}

func runText(toks []token) string {
	parts := make([]string, len(toks))
	for i := range toks {
		parts[i] = toks[i].orig
	}
	return strings.Join(parts, " ")
}

func roleName(t *token) string {
	switch {
	case t.kind == kWeak:
		return "weak token"
	case t.kind == kNumber:
		return "number"
	case t.role == rPatronymic:
		return "patronymic"
	case t.role == rMiddle:
		return "middle name"
	}
	return "name"
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

// classicalStem is a Latin word without the Greek or Latin ending that
// Russian leaves off classical names (Victorinus Викторин, Asclepiades
// Асклепиад, Angelos Ангел, Aspietes Аспиет): -us, -os, -es or -as after a
// stem of five letters or more; "" for any other word.
func classicalStem(w string) string {
	n := len(w)
	if n < 7 || w[n-1] != 's' {
		return ""
	}
	switch w[n-2] {
	case 'u', 'o', 'e', 'a':
		return w[:n-2]
	}
	return ""
}

// silentH is a Latin word without the h that Russian does not write: one
// that starts the word before a vowel, follows a vowel (Kondoh Кондо,
// Suhr Зур, Sahmen Замен), or a t (Thurau Турау); not that of ch, sh, zh,
// kh, ph, gh, which write other sounds. "" when w has no such h.
func silentH(w string) string {
	if strings.IndexByte(w, 'h') < 0 {
		return ""
	}
	var buf [48]byte
	b := buf[:0]
	for i := 0; i < len(w); i++ {
		if w[i] == 'h' && (i == 0 && isVowel(byteAt(w, 1)) || i > 0 && (isVowel(w[i-1]) || w[i-1] == 't')) {
			continue
		}
		b = append(b, w[i])
	}
	if len(b) == len(w) || len(b) < 3 || len(b) > 40 {
		return ""
	}
	return string(b)
}

// cyrillicReadings are the spellings a Latin word may be matched by with a
// name read from Cyrillic besides its own: its classical stem, without
// its silent h, both, and without the last letters French does not say
// (frenchReading: Joliot Жолио, Chagot Шаго); "" where it has none.
func cyrillicReadings(w string) [4]string {
	var r [4]string
	r[0] = classicalStem(w)
	r[1] = silentH(w)
	if r[0] != "" {
		r[2] = silentH(r[0])
	}
	r[3] = frenchReading(w)
	return r
}

// classicalCost is what a match of a name in Cyrillic with a reading of a
// Latin word (cyrillicReadings) loses against one with the word.
const classicalCost = 0.03

// classicalSim compares a word read from Cyrillic with a Latin word by its
// readings (cyrillicReadings), as the skeleton match of tokenSim compares
// two words (Нигелл nigell, Nigellus); 0 when the Latin word has none or
// their consonants differ.
func classicalSim(q, c *token) float64 {
	a, l, ok := arabicAndLatin(q, c)
	if !ok || !isCyrillicOrig(a) || len(l.text) < 4 {
		return 0
	}
	if e := l.text[len(l.text)-1]; strings.IndexByte("sdtxzr", e) < 0 && strings.IndexByte(l.text, 'h') < 0 {
		return 0 // most words: no reading
	}
	var sk string
	if a.near != nil {
		sk = a.near.skel
	} else {
		sk = skeleton(a.text)
	}
	if sk == "" {
		return 0
	}
	best := 0.0
	for _, y := range cyrillicReadings(l.text) {
		if y != "" && hasSkeleton(y, sk) {
			s, _, _ := editSim(a.text, y)
			best = max(best, max(s, consonantSim(a.text, y))-classicalCost)
		}
	}
	return best
}

// isCyrillicOrig reports a token read from Cyrillic (U+0400-04FF).
func isCyrillicOrig(t *token) bool {
	return len(t.orig) > 1 && t.orig[0] >= 0xd0 && t.orig[0] <= 0xd3
}

// edgeClash reports a word read from Cyrillic, which writes its vowels,
// and a Latin word lat of which one starts with a vowel and the other with
// a consonant (Энел, enel, is not Neely, nor Исакио Saki), or one ends
// with a vowel and the other with a consonant (Карли, karli, is not
// Karl). Either way a Latin h, y, j or w may stand
// for either, and so may, at the start, Cyrillic е, ё, ю, я, й (ye, yo,
// yu, ya, y: Jan Ян, York Йорк, Heracleon Ираклеон); at the end a Latin e
// (silent in French and English) and letters French does not say, a
// Latin u after a vowel (Belarusian Bykau Быков), and Cyrillic а, я
// (feminine surnames: Рахмукова Rakhmukov), о (Ukrainian Павло Pavel), е,
// й, ь. A letter of another script (АНАНЕНКA with a Latin A) is not
// judged.
func edgeClash(a *token, lat string) bool {
	if !isCyrillicOrig(a) || lat == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(a.orig)
	switch cv, cc := cyrillicClass(first, "аэиоуыі", "еёюяйїєьъ"); {
	case lat[0] == 'a' || lat[0] == 'e' || lat[0] == 'i' || lat[0] == 'o' || lat[0] == 'u':
		if cc {
			return true
		}
	case strings.IndexByte("hyjw", lat[0]) < 0:
		if cv {
			return true
		}
	}
	last, _ := utf8.DecodeLastRuneInString(a.orig)
	cv, cc := cyrillicClass(last, "эиуыюі", "аяоеёйьъєї")
	switch e := lat[len(lat)-1]; {
	case e == 'a' || e == 'i' || e == 'o':
		return cc
	case e == 'u':
		return cc && !(len(lat) > 1 && isVowel(lat[len(lat)-2]))
	case strings.IndexByte("bcfgklmnpqv", e) >= 0:
		return cv
	}
	return false
}

// cyrillicClass reports whether r is a Cyrillic vowel letter among vowels
// or a consonant letter (neither of vowels nor of either, the letters
// judged neither way).
func cyrillicClass(r rune, vowels, either string) (vowel, consonant bool) {
	r = unicode.ToLower(r)
	if r < 0x400 || r > 0x4ff || strings.ContainsRune(either, r) {
		return false, false
	}
	if strings.ContainsRune(vowels, r) {
		return true, false
	}
	return false, true
}

// arabicLettersNear reports whether two words written in Arabic script
// have the same letters within the edit budget (maxEdits), the spellings
// of one letter counted as one (hamza seats, ی and ي, ک and ك, ة and ه,
// the Persian letters and the Arabic ones that write them). Their
// readings in Latin letters match more: a consonantal reading (mhmd)
// drops the h after a consonant, so that معيض (maid) and محمد (mhmd) had
// one skeleton, and ض and د both read d, so that ضرغامی Zarghami was
// within one edit of Durgham's درغام. A first letter is not within it:
// the script writes a word's first consonant, and names that differ
// there are others (جلالی Jalali, بلالی Balali).
func arabicLettersNear(a, b string) bool {
	var ab, bb [32]uint16
	x, y := arabicLetters(ab[:0], a), arabicLetters(bb[:0], b)
	if x == nil || y == nil {
		return true // not judged
	}
	if slices.Equal(x, y) {
		return true
	}
	if len(x) > 0 && len(y) > 0 && x[0] != y[0] {
		return false // another first letter: جلالی is not بلالی
	}
	short, long := len(x), len(y)
	if short > long {
		short, long = long, short
	}
	k := maxEdits(long)
	return long-short <= k && runeEdits(x, y, k) <= k
}

// arabicLetters appends the letters of w (Arabic block only), each
// spelling of one letter as one (arabicLetterTab), without marks and
// tatweel; nil if w has another letter or is too long.
func arabicLetters(b []uint16, w string) []uint16 {
	for i := 0; i < len(w); i += 2 {
		c := w[i]
		if c < 0xd8 || c > 0xdb || i+1 == len(w) {
			return nil
		}
		r := arabicLetterTab[uint16(c&3)<<6|uint16(w[i+1]&0x3f)]
		switch {
		case r == 0:
			continue
		case len(b) == cap(b):
			return nil
		}
		b = append(b, r)
	}
	return b
}

// arabicLetterTab maps each letter of the Arabic block (U+0600-06FF, by
// its low eight bits) to the letter it is a spelling of, 0 for marks and
// tatweel: hamza seats to ا و ي, ی ى to ي, ک گ to ك, ة and the heh forms
// to ه, and the Persian letters to the Arabic ones that write them.
var arabicLetterTab = func() (t [0x100]uint16) {
	for i := range t {
		t[i] = uint16(0x600 + i)
	}
	for r, to := range map[rune]rune{
		'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ی': 'ي', 'ى': 'ي', 'ئ': 'ي', 'ې': 'ي', 'ۍ': 'ي',
		'ک': 'ك', 'گ': 'ك', 'ة': 'ه', 'ۀ': 'ه', 'ۃ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ؤ': 'و',
		'پ': 'ب', 'چ': 'ج', 'ژ': 'ز', 'ڤ': 'ف', 'ء': 0, 'ـ': 0,
	} {
		t[r-0x600] = uint16(to)
	}
	for r := 0x64b; r <= 0x65f; r++ {
		t[r-0x600] = 0 // harakat, shadda, sukun
	}
	t[0x670-0x600] = 0 // superscript alif
	return t
}()

// runeEdits is the optimal-string-alignment distance of a and b, or k+1
// when it is more than k.
func runeEdits(a, b []uint16, k int) int {
	var prev2, prev, cur [33]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > k {
			return k + 1
		}
		prev2, prev = prev, cur
	}
	return prev[len(b)]
}
