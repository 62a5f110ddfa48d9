package match

import (
	"math"
	"slices"
	"strings"

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
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
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
	if q.kind == kNumber || c.kind == kNumber {
		if q.text == c.text {
			return simExact, "exact", 0
		}
		return 0, "", 0
	}
	if q.text == c.text {
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
	if q.canon != "" && q.canon == c.canon {
		return simVariant, "romanization-variant", 0
	}
	// A Hangul token against a Latin one must begin alike (onsetClash).
	if (q.arabic || c.arabic) && !(q.loose != c.loose && onsetClash(q, c)) && sameSkeleton(q, c) {
		if s, _, d := editSim(q.text, c.text); s > 0 && !ordinal(q, c) {
			return max(s, consonantSim(q.text, c.text)), "edit-distance", d
		}
		return consonantSim(q.text, c.text), "arabic-consonants", 0
	}
	if (q.loose || c.loose) && q.kind == kWord && c.kind == kWord {
		if !(q.loose != c.loose && onsetClash(q, c)) && (sameLoose(q.text, c.text) || hangulLatin(q, c)) {
			return simLoose - simConsonants + consonantSim(q.text, c.text), "loanword-consonants", 0
		}
	}
	if q.near != nil && c.vid >= 0 {
		if h, ok := q.near.find(uint32(c.vid)); ok && !ordinal(q, c) {
			return h.sim, "edit-distance", h.dist
		}
		return 0, "", 0
	}
	if s, m, d := editSim(q.text, c.text); s > 0 && !ordinal(q, c) {
		return s, m, d
	}
	return 0, "", 0
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
	long := max(len(va), len(vb))
	d := osa(string(va), string(vb), long)
	return simConsonants - 0.02 + 0.04*(1-float64(d)/float64(long))
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
	d := osa(a, b, k)
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
	var peq [26]uint64 // letter -> the positions of a that hold it
	for i := 0; i < len(a); i++ {
		c := a[i] - 'a'
		if c >= 26 {
			return 0, false
		}
		peq[c] |= 1 << i
	}
	top := uint64(1) << (len(a) - 1)
	vp, vn := ^uint64(0)>>(64-len(a)), uint64(0)
	var d0, pmPrev uint64
	d = len(a)
	for j := 0; j < len(b); j++ {
		var pm uint64 // a byte outside a-z is in no position of a
		if c := b[j] - 'a'; c < 26 {
			pm = peq[c]
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
			return k + 1, true // each letter left lowers it by one at most
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmPrev = pm
	}
	return min(d, k+1), true
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
	a.cands = nil
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
	for i := range q.toks {
		for j := range c.toks {
			if s, m, d := tokenSim(&q.toks[i], &c.toks[j], q.method, c.method); s > 0 {
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
	for i := range a.q.toks {
		if a.qUsed[i] {
			continue
		}
		if j, n, s, d, ok := joinRun(a.q.toks[i].text, a.q.toks[i].loose, a.c.toks, a.cUsed); ok {
			a.pairs = append(a.pairs, pair{qi: i, qn: 1, ci: j, cn: n, sim: s, method: "joined", dist: d})
			a.qUsed[i] = true
			markRun(a.cUsed, j, n)
		}
	}
	for j := range a.c.toks {
		if a.cUsed[j] {
			continue
		}
		if i, n, s, d, ok := joinRun(a.c.toks[j].text, a.c.toks[j].loose, a.q.toks, a.qUsed); ok {
			a.pairs = append(a.pairs, pair{qi: i, qn: n, ci: j, cn: 1, sim: s, method: "joined", dist: d})
			a.cUsed[j] = true
			markRun(a.qUsed, i, n)
		}
	}
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
			joined := joinText(toks[s : k+1])
			if joined == word {
				return s, k - s + 1, simJoined, 0, true
			}
			if es, _, d := editSim(word, joined); es > 0 {
				return s, k - s + 1, simJoined * es, d, true
			}
		}
	}
	return 0, 0, 0, 0, false
}

func joinText(toks []token) string {
	var b strings.Builder
	for i := range toks {
		b.WriteString(toks[i].text)
	}
	return b.String()
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
	return num / den
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
