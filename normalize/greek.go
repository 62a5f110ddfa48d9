package normalize

// Greek to Latin by ELOT 743 (ISO 843 type 2), the Greek passport system,
// after Fold has removed the tonos. Digraphs first: ου -> ou, αυ/ευ -> av/ev
// (af/ef before voiceless consonants), μπ -> b at the start of a word and mb
// inside, ντ -> d / nt, γγ -> ng, γκ -> g / ng.

var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

func isGreekVoiceless(r rune) bool {
	switch r {
	case 'θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ', 0:
		return true
	}
	return false
}

func isGreekLetter(r rune) bool { return r >= 0x370 && r <= 0x3FF }

// greekPair renders the digraph r+next, ok false when it is none.
func greekPair(prev, r, next, after rune) (string, bool) {
	start := !isGreekLetter(prev)
	switch {
	case r == 'ο' && next == 'υ':
		return "ou", true
	case (r == 'α' || r == 'ε') && next == 'υ':
		v := "v"
		if isGreekVoiceless(after) || !isGreekLetter(after) {
			v = "f"
		}
		return greekLetters[r] + v, true
	case r == 'μ' && next == 'π':
		return pick(start, "b", "mb"), true
	case r == 'ν' && next == 'τ':
		return pick(start, "d", "nt"), true
	case r == 'γ' && next == 'γ':
		return "ng", true
	case r == 'γ' && next == 'κ':
		return pick(start, "g", "ng"), true
	}
	return "", false
}

func romanizeGreek(f string) []Variant {
	rs := []rune(f)
	b := make([]byte, 0, 2*len(f))
	for i := 0; i < len(rs); i++ {
		prev, next, after := runeAt(rs, i-1), runeAt(rs, i+1), runeAt(rs, i+2)
		if s, ok := greekPair(prev, rs[i], next, after); ok {
			b = append(b, s...)
			i++
			continue
		}
		if s, ok := greekLetters[rs[i]]; ok {
			b = append(b, s...)
			continue
		}
		b = appendRune(b, rs[i])
	}
	return []Variant{{Text: clean(b), Method: "greek-elot"}}
}
