package match

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"embargo"
	"embargo/normalize"
)

// kind says how a token takes part in a name comparison.
type kind uint8

const (
	kWord    kind = iota
	kWeak         // legal form or particle: matched, but weighs little
	kNumber       // digits: compared strictly (one digit apart is another ship or firm)
	kInitial      // a single letter: matches a token with that first letter
)

// role is how much an unmatched token costs, by where it stands in its name.
type role uint8

const (
	rEdge       role = iota // first or last token: given or family name
	rMiddle                 // a middle name, often missing on one side
	rPatronymic             // Russian or Turkic patronymic, often missing
)

// token is one word of one Latin rendering of a name, prepared once.
// A field that tokenSim reads must be in memoKey (a list token's) and
// sameForSim (a query token's), or the memo of tokenSim would answer for
// a pair it never compared (TestMemoChangesNothing).
type token struct {
	text  string // folded Latin, legal forms replaced by their group
	canon string // canonKey(text)
	orig  string // the word as the name writes it (original script when it maps one to one)

	// near, once set by Index.lookup, holds the words within the edit
	// budget of a query token, so that scoring need not compute them again
	// (nil: not looked up, compute).
	near *nearSet

	weight float32 // rarity weight (1 without an index), times the kind factor
	vid    int32   // vocabulary id of text in an Index (-1 elsewhere)
	kind   kind
	role   role
	arabic bool // the token comes from a name whose vowels are guessed (Arabic, Hebrew script): see vowelless
	loose  bool // the token is a foreign name read from Hangul: compared by looseKey too
	abbr   bool // text is the word an abbreviation stands for (orig "shpg", text "shipping")
	arOrig bool // orig is in Arabic script (isArabicOrig)
	first  byte // text[0], 0 for no text: how a list token starts, without reading its bytes

	// Worked out once per token rather than for every pair tokenSim
	// compares (they were an eighth of a Latin query's instructions).
	oneCons byte  // oneConsonant(text) of a word, 0 if none
	reads   uint8 // the readings of a word that differ from it (readings)

	// What scoring's memo of tokenSim (simMemo) knows a token by: a query
	// token's number in its query (numberTokens), a list token's memoKey;
	// 0: none.
	qid  uint8
	mkey uint64

	// The readings themselves, built by readingSim the first time the
	// token needs them: a query word is compared with many list words.
	readSet *readingSet

	// The letters of a query word read from Arabic script, read by
	// arabicLetterSim the first time it compares the word. A function of
	// text and orig, which sameForSim compares.
	letters *arabicLetterSet
}

type nearHit struct {
	sim  float64
	dist int
}

// form is one Latin rendering of one name, with the method that made it.
type form struct {
	method string // "exact" or the transliteration method of normalize.Romanize
	toks   []token

	// The memo's row of each token (simMemo), and the query tokens alike
	// with any of them, a bit each (rowRef.alike): set by Screen on the
	// forms it scores, once for all the query's forms they are aligned with.
	rows  []rowRef
	alike uint64
}

// Titles and honorifics dropped at the start of a person's name.
var titles = set("mr", "mrs", "ms", "miss", "mister", "dr", "prof", "sir", "madam", "madame",
	"mme", "mlle", "herr", "frau", "hon", "honorable", "excellency")

// Particles that carry little identity ("AL-DARI", "bin Laden", "van der").
var particles = set("al", "el", "bin", "ibn", "bint", "ben", "de", "da", "di", "del", "dos", "das",
	"van", "von", "der", "den", "la", "le", "the", "of", "and", "for")

// legalForms maps organisation legal forms to a group: ZAO and PJSC are both
// joint-stock companies, OOO is the Russian LLC. They match each other within
// a group and weigh little either way.
var legalForms = map[string]string{
	"llc": "llc", "ooo": "llc", "tov": "llc", "too": "llc", "mchj": "llc",
	"jsc": "jsc", "ao": "jsc", "zao": "jsc", "oao": "jsc", "pao": "jsc", "pjsc": "jsc",
	"ojsc": "jsc", "cjsc": "jsc", "pat": "jsc", "at": "jsc",
	"ltd": "ltd", "limited": "ltd", "co": "co", "company": "co", "cie": "co",
	"corp": "corp", "corporation": "corp", "inc": "inc", "incorporated": "inc",
	"plc": "plc", "gmbh": "gmbh", "ag": "ag", "sa": "sa", "sarl": "sa", "srl": "srl",
	"spa": "spa", "bv": "bv", "nv": "nv", "llp": "llp", "lp": "lp", "fze": "fz", "fzco": "fz",
	"fzc": "fz", "fzllc": "fz", "fzo": "fz", "pte": "pte", "pvt": "pvt", "pty": "pty",
	"kg": "kg", "sro": "sro", "doo": "doo", "pt": "pt", "jv": "jv", "sdn": "sdn", "bhd": "bhd",
}

// abbreviations are the business words lists shorten ("SHANGHAI DONGFENG
// SHPG CO LTD" is OFAC's "SHANGHAI DONGFENG SHIPPING" of the UN): the
// abbreviation stands for the word, and a match says so. Only forms that
// are no other word or name are listed.
var abbreviations = map[string]string{
	"shpg": "shipping", "shpng": "shipping", "intl": "international", "mfg": "manufacturing",
	"trdg": "trading", "mgmt": "management", "mgt": "management", "svcs": "services", "svc": "service",
	"natl": "national", "assn": "association", "hldgs": "holdings", "hldg": "holding", "grp": "group",
	"inds": "industries", "indus": "industries", "invt": "investment", "invts": "investments",
	"devt": "development", "engg": "engineering", "engrg": "engineering", "dept": "department",
	"govt": "government", "transp": "transport", "petrochem": "petrochemical", "cntr": "center",
	"ctr": "center", "mach": "machinery", "equip": "equipment", "elec": "electric",
}

// Russian and Turkic patronymic endings: a patronymic missing on one side
// costs little ("Vladimir Putin" = "Vladimir Vladimirovich Putin").
var patronymicEnds = []string{"ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "inichna", "ogly", "oglu", "kyzy", "qizi", "uly"}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// forms renders a name in every Latin form normalize gives and splits each
// into tokens. schema decides whether titles and vessel prefixes are dropped.
func forms(name string, schema embargo.Schema) []form {
	vs := normalize.Romanize(name)
	var origToks []string
	if len(vs) > 1 || (len(vs) == 1 && vs[0].Method != "exact") {
		// Only a transliteration needs the words as written.
		origToks = normalize.Tokens(normalize.Fold(name))
	}
	// A foreign name in Hangul (조지 워싱턴) has all its renderings read
	// as loanwords (where the loanword reading and RR agree, Romanize
	// labels the text hangul-rr); a Korean name has none, but for a
	// one-word one of two syllables that may be foreign (조지 George).
	foreign, oneWord := false, false
	if len(vs) > 0 && strings.HasPrefix(vs[0].Method, "hangul") {
		foreign = !normalize.IsKoreanName(name)
		oneWord = !strings.Contains(strings.TrimSpace(name), " ")
	}
	var split []string // the words as written, compounds apart (SplitArabicCompounds)
	out := make([]form, 0, len(vs))
	for _, v := range vs {
		words := normalize.Tokens(v.Text)
		if len(words) == 0 {
			continue
		}
		origs := words
		if v.Method == "arabic" && split == nil {
			split = normalize.SplitArabicCompounds(origToks)
		}
		switch {
		case v.Method == "arabic" && (len(split) != len(origToks) || len(words) != len(origToks)):
			// The reading split a compound (محمدامين muhammad amin) or
			// wrote an article apart (العواضي al awadi), or joined two
			// words (عبد الله abdullah), or both, even to as many words
			// as the name (محمد صلاح الدين عبدالحليم: mohammed salaheddine
			// abdul halim): each word keeps the Arabic-script word it was
			// read from (alignArabic), so that it is judged by its
			// letters (امين is not Ramin) rather than taken for a Latin
			// word or judged by another word's.
			if o := alignArabic(split, words); o != nil {
				origs = o
			} else if len(origToks) == len(words) {
				origs = origToks
			}
		case len(origToks) == len(words):
			origs = origToks // the transliteration kept the word boundaries
		}
		words, origs = dropPrefixes(words, origs, schema)
		words, origs = joinLegalInitials(words, origs, schema)
		f := form{method: v.Method, toks: makeTokens(words, origs)}
		loose := foreign || v.Method == "hangul-loan" && oneWord
		// Only the loanword readings of a foreign name are looked up by
		// skeleton: its RR and MR readings would find the same words
		// again, each adding its weight to the same candidates.
		arabic := vowelless(v.Method) && (v.Method != "hangul-loan" || loose)
		if arabic || loose {
			for i := range f.toks {
				if isRoman(f.toks[i].text) {
					continue // an ordinal (1세 i, 13세 xiii) is not a name read by sound
				}
				// A customary spelling from the Arabic name table is a
				// Latin word like any other: its vowels are not guesses.
				f.toks[i].arabic = arabic && !(v.Method == "arabic" && tableSpelling(&f.toks[i]))
				f.toks[i].loose = loose
			}
		}
		out = append(out, f)
	}
	return out
}

// articleApart reports whether a reading that writes al before the word
// origs[i] as written may be paired with its article and the rest: not the
// article of a compound (عبد الرحمن, whose renderings are the table's, and
// whose namesakes then crowd Abdur Rehman out of the candidates) nor Allah
// (امان اللهی, aman al lahi: Amanollahi).
func articleApart(origs []string, i int) bool {
	o := origs[i]
	return strings.HasPrefix(o, "ال") && utf8.RuneCountInString(o) > 3 && !strings.HasPrefix(o, "الله") && (i == 0 || origs[i-1] != "عبد")
}

// isArticle reports the article written alone (ال), or آل, the family of
// (آل سعود al saud): the words a reading writes al for, but for the
// article it writes apart (articleApart).
func isArticle(w string) bool {
	return w == "ال" || w == "آل" || w == "أل" || w == "إل"
}

// alignArabic pairs the words of a reading from Arabic script with the
// words as written, compounds apart (split): each word read from one word
// (محمد muhammad; al only from an article written alone), two words read
// from one whose article the reading writes apart (العواضي al awadi: ال
// and the rest), or one word read from two a reading joins
// (JoinsArabicCompound: عبد الله abdullah), which keeps its Latin text as
// its word: it is no one word's letters, and judged by the letters of both
// it lost its namesakes among the candidates (مطيع الله Matiullah). Of
// several pairings the one with the fewest splits and joins; nil when
// there is none.
func alignArabic(split, words []string) []string {
	m, n := len(split), len(words)
	if m == 0 || n == 0 || m > 2*n || n > 2*m || m > 32 || n > 32 {
		return nil
	}
	// cost[i][j]: the fewest splits and joins pairing split[:i] with
	// words[:j]; step[i][j] the last step (1: one for one, 2: an article
	// apart, 3: two words joined).
	const none = 1 << 30
	var cost [33][33]int
	var step [33][33]uint8
	for i := range m + 1 {
		for j := range n + 1 {
			cost[i][j] = none
		}
	}
	cost[0][0] = 0
	for i := 0; i <= m; i++ {
		for j := 0; j <= n; j++ {
			c := cost[i][j]
			if c == none || i == m {
				continue
			}
			if j < n && (words[j] != "al" || isArticle(split[i])) && c < cost[i+1][j+1] {
				cost[i+1][j+1], step[i+1][j+1] = c, 1
			}
			if j+1 < n && words[j] == "al" && articleApart(split, i) && c+1 < cost[i+1][j+2] {
				cost[i+1][j+2], step[i+1][j+2] = c+1, 2
			}
			if i+1 < m && j < n && normalize.JoinsArabicCompound(split[i], split[i+1]) && c+1 < cost[i+2][j+1] {
				cost[i+2][j+1], step[i+2][j+1] = c+1, 3
			}
		}
	}
	if cost[m][n] == none {
		return nil
	}
	out := make([]string, n)
	for i, j := m, n; i > 0; {
		switch step[i][j] {
		case 1:
			out[j-1] = split[i-1]
			i, j = i-1, j-1
		case 2:
			out[j-2], out[j-1] = "ال", split[i-1][len("ال"):]
			i, j = i-1, j-2
		case 3:
			out[j-1] = words[j-1]
			i, j = i-2, j-1
		}
	}
	return out
}

// tableSpelling reports whether a token read from Arabic script is a
// spelling the Arabic name table gives its word; when the token does not
// know its word (orig), whether it is any word's.
func tableSpelling(t *token) bool {
	if t.orig != t.text && t.orig != "" && t.orig[0] >= 0x80 {
		return normalize.IsArabicNameSpellingOf(t.orig, t.text)
	}
	return normalize.IsArabicNameSpelling(t.text)
}

// vowelless reports the transliterations whose vowels are guesses, so that
// their tokens match Latin words by consonant skeleton (token.arabic):
// Arabic and Hebrew write no short vowels, and Hangul spells the vowels of
// foreign names by sound (워싱턴 Washington, 허버트 Herbert).
func vowelless(method string) bool {
	return method == "arabic" || method == "hebrew" || method == "hangul-loan"
}

// dropPrefixes removes titles before a person's name and M/V, MV, M/T
// before a vessel's, when something is left after them.
func dropPrefixes(words, origs []string, schema embargo.Schema) ([]string, []string) {
	person := schema == "" || schema == embargo.Thing || schema == embargo.Person
	vessel := schema == "" || schema == embargo.Thing || schema == embargo.Vessel
	for len(words) > 1 {
		switch {
		case person && titles[words[0]]:
			words, origs = words[1:], origs[1:]
		case vessel && (words[0] == "mv" || words[0] == "mt") && len(words) > 1:
			words, origs = words[1:], origs[1:]
		case vessel && len(words) > 2 && words[0] == "m" && (words[1] == "v" || words[1] == "t"):
			words, origs = words[2:], origs[2:]
		default:
			return words, origs
		}
	}
	return words, origs
}

// joinLegalInitials reads a run of single letters that spells a legal
// form as a whole (S.A., S.A.L., L.L.C., J.S.C.: folding leaves "s a l";
// not the tail of I.S.A.) as that legal form, in the name of anything but
// a person or an entity of no schema (a person's initials may spell one:
// A. G. Smith). Read as
// initials, the letters of YARA S.A.L. OFFSHORE COMPANY matched the first
// letters of a query's other words (يارا المهنا: the a of al-Muhanna).
func joinLegalInitials(words, origs []string, schema embargo.Schema) ([]string, []string) {
	if schema == "" || schema == embargo.Thing || schema == embargo.Person {
		return words, origs
	}
	var outW, outO []string
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && len(words[j]) == 1 && words[j][0] >= 'a' && words[j][0] <= 'z' {
			j++
		}
		if j-i >= 2 {
			joined := strings.Join(words[i:j], "")
			if joined == "sal" { // société anonyme libanaise (not the word sal)
				joined = "sa"
			}
			if legalForms[joined] != "" {
				if outW == nil {
					outW, outO = slices.Clone(words[:i]), slices.Clone(origs[:i])
				}
				outW, outO = append(outW, joined), append(outO, joined)
				i = j
				continue
			}
		}
		if j == i {
			j = i + 1
		}
		if outW != nil {
			outW, outO = append(outW, words[i:j]...), append(outO, origs[i:j]...)
		}
		i = j
	}
	if outW == nil {
		return words, origs
	}
	return outW, outO
}

func makeTokens(words, origs []string) []token {
	toks := make([]token, len(words))
	for i, w := range words {
		t := token{text: w, orig: origs[i], kind: kWord, weight: 1, vid: -1, arOrig: arabicScript(origs[i])}
		switch {
		case isNumber(w):
			t.kind = kNumber
		case legalForms[w] != "":
			t.kind, t.text = kWeak, legalForms[w]
		case abbreviations[w] != "":
			t.text, t.abbr = abbreviations[w], true
		case particles[w]:
			t.kind = kWeak
		case len([]rune(w)) == 1:
			t.kind = kInitial
		}

		if t.text != "" {
			t.first = t.text[0]
		}
		if t.kind == kWord {
			t.oneCons = oneConsonant(t.text)
			t.reads = readings(t.text)
		}
		switch {
		case isPatronymic(w):
			t.role = rPatronymic
		case i > 0 && i < len(words)-1:
			t.role = rMiddle
		}
		toks[i] = t
	}
	return toks
}

// isRoman reports a ruler's ordinal of two letters or more in Roman
// numerals (ii, xiii; 카를 2세 reads as one): another ordinal is another
// person, not a spelling or an initial. xi is left out: it is as often the
// Chinese surname.
func isRoman(w string) bool {
	if len(w) < 2 || len(w) > 6 || w == "xi" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != 'i' && c != 'v' && c != 'x' {
			return false
		}
	}
	return true
}

// ordinal reports two tokens of which one is a Roman-numeral ordinal
// (isRoman).
func ordinal(q, c *token) bool {
	return romanLead(q.text) && isRoman(q.text) || romanLead(c.text) && isRoman(c.text)
}

func romanLead(w string) bool {
	c := w[0]
	return c == 'i' || c == 'v' || c == 'x'
}

func isNumber(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isPatronymic(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, end := range patronymicEnds {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// ordinalFactor scales the weight of a one-letter ordinal read from
// Hangul (hangulOrdinal), between an initial's and a word's.
const ordinalFactor = 0.6

// kindFactor scales a token's weight by what it says about identity.
func kindFactor(k kind) float32 {
	switch k {
	case kWeak:
		return 0.15
	case kInitial:
		return 0.3
	case kNumber:
		return 1.5
	}
	return 1
}

// roleFactor is the share of its weight an unmatched token costs.
func roleFactor(t *token) float32 {
	if t.kind == kNumber {
		return 1
	}
	if t.kind == kWeak && t.orig == "ال" {
		// The article of an Arabic-script name, which Latin spellings
		// often leave out (العلوي Alaoui, الأكدي Akkad): a quarter.
		return 0.25
	}
	switch t.role {
	case rMiddle:
		return 0.5
	case rPatronymic:
		return 0.25
	}
	return 1
}

// skeleton is a word's consonants: Arabic script writes no short vowels, so
// "jawhar", "juhar" and "jwhr" are one name, as are "intissar" and
// "anatasar" (w and y often stand for long vowels; doubled letters count
// once). Letters that romanizations of one sound differ on share a class:
// q, k and hard c are k, soft c (before e, i, y) and z are s, x is ks, g
// and j are j, p and b are b, v, f and ph are f, sch is sh, tsch is ch, the
// gh of ght, the h of a first wh, the k of a first kn and the b of a last mb
// are silent, and an h after a consonant is dropped (sh, kh, th, ch, ph, gh: Arabic ش is sh or ch,
// Hebrew ש is sh or s, "Chasdai" is חסדאי, غ and ج write a foreign g). Only words of three letters
// or more get one, and it needs two consonants.
func skeleton(w string) string {
	var buf [32]byte
	return string(skelBytes(buf[:0], w))
}

// skelBytes appends the skeleton of w to b, or returns nil if w has none.
// Tokens do not keep their skeletons (16 bytes on each of 344,078 list
// tokens): comparing two computed into stack buffers costs no allocation,
// and only tokens from scripts that write no short vowels are compared so.
func skelBytes(b []byte, w string) []byte {
	if len(w) < 3 {
		return nil
	}
	start := len(b)
	prevCons := false
	for i := 0; i < len(w); i++ {
		c := skelClass(w, i, prevCons)
		switch c {
		case 0:
			prevCons = false
			continue
		case '-':
			continue
		case 'x':
			if n := len(b); n == start || b[n-1] != 'k' {
				b = append(b, 'k')
			}
			c = 's'
		}
		if c < 'a' || c > 'z' {
			return nil
		}
		prevCons = true
		if n := len(b); n > start && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	if len(b)-start < 2 {
		return nil
	}
	return b
}

// skelClass is the skeleton letter of w[i]: 0 for a vowel, '-' for a letter
// that adds nothing (the h of sh, kh, th; the c of sch), 'x' for x (ks),
// else the letter of its class. prevCons says whether the letter before
// was a consonant.
func skelClass(w string, i int, prevCons bool) byte {
	// Most letters are read from the table, inline; the few that depend
	// on their neighbours are worked out by a call.
	if k := skelTable[w[i]]; k != '?' {
		return k
	}
	return skelClassOf(w, i, prevCons)
}

// skelClassOf is skelClass of a letter that depends on its neighbours.
func skelClassOf(w string, i int, prevCons bool) byte {
	c := w[i]
	switch c {
	case 'h':
		if prevCons || i == 1 && w[0] == 'w' || i > 0 && w[i-1] == 'g' && i+1 < len(w) && w[i+1] == 't' {
			return '-' // and wh is w (Wheeler ويلر), ght is t (Knight نايت)
		}
		return 'h'
	case 'k':
		if i == 0 && len(w) > 1 && w[1] == 'n' {
			return '-' // kn is n (Knight نايت)
		}
		return 'k'
	case 'b':
		if i == len(w)-1 && i > 0 && w[i-1] == 'm' {
			return '-' // mb at the end is m (Coulomb كولوم)
		}
		return 'b'
	case 'p':
		if i+1 < len(w) && w[i+1] == 'h' {
			return 'f' // ph is f (Aphrodisias أفروديسياس)
		}
		return 'b'
	case 'g':
		if i+2 < len(w) && w[i+1] == 'h' && w[i+2] == 't' {
			return '-' // ght is t (Knight نايت)
		}
		return 'j'
	case 't':
		if i+3 < len(w) && w[i+1] == 's' && w[i+2] == 'c' && w[i+3] == 'h' {
			return '-' // tsch is ch (Teltscher تيلتشير)
		}
		return 't'
	case 's':
		if i > 0 && w[i-1] == 't' && i+2 < len(w) && w[i+1] == 'c' && w[i+2] == 'h' {
			return 'k'
		}
		return 's'
	case 'c':
		switch {
		case i == 1 && w[0] == 'm':
			return 'k' // Mc is Mac, before e and i too (McElroy ماكيلروي)
		case i > 0 && w[i-1] == 's' && i+1 < len(w) && w[i+1] == 'h':
			return '-' // sch is sh
		case i+1 < len(w) && (w[i+1] == 'e' || w[i+1] == 'i' || w[i+1] == 'y'):
			return 's'
		}
		return 'k'
	}
	return c
}

// skelTable is the class of each letter that needs no context: 0 for the
// vowels, '?' for those that do (h, c, p, g, t, s, k, b).
var skelTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for _, v := range "aeiouyw" {
		t[v] = 0
	}
	for _, c := range "hcpgtskb" { // g is j (Arabic ج is j and g, غ gh and g), p is b
		t[c] = '?'
	}
	t['q'], t['z'] = 'k', 's'
	t['v'] = 'f' // Arabic has no v nor p
	return t
}()

// fillCanon sets the Canon key of every token (the index sets those of list
// names from its vocabulary instead, once per distinct word).
func fillCanon(toks []token) {
	for i := range toks {
		toks[i].canon = canonKey(toks[i].text)
	}
}

// sameSkeleton reports whether two words (kWord tokens) have the same
// consonant skeleton, which both must have. The query token's comes with
// its neighbour set when the index looked it up; the list token's is read
// letter by letter and mostly rejected at its first consonant.
func sameSkeleton(q, c *token) bool {
	if q.kind != kWord || c.kind != kWord {
		return false
	}
	var qs string
	if q.near != nil {
		qs = q.near.skel
	} else {
		qs = skeleton(q.text)
	}
	return qs != "" && hasSkeleton(c.text, qs)
}

// hasSkeleton reports whether skeleton(w) == sk, without building it: the
// letters of w are read as skelBytes reads them and compared as they come,
// so that most words are rejected at their first consonant.
func hasSkeleton(w, sk string) bool {
	if len(w) < 3 || len(sk) < 2 {
		return false
	}
	j := 0
	prevCons := false
	for i := 0; i < len(w); i++ {
		c := skelClass(w, i, prevCons)
		switch c {
		case 0:
			prevCons = false
			continue
		case '-':
			continue
		case 'x':
			if j == 0 || sk[j-1] != 'k' {
				if j >= len(sk) || sk[j] != 'k' {
					return false
				}
				j++
			}
			c = 's'
		}
		if c < 'a' || c > 'z' {
			return false
		}
		prevCons = true
		if j > 0 && sk[j-1] == c {
			continue // a doubled letter counts once
		}
		if j >= len(sk) || sk[j] != c {
			return false
		}
		j++
	}
	return j == len(sk)
}
