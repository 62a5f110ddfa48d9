package match

// A candidate whose name cannot score the threshold need not be aligned:
// nameBound is at least the name score scoreForms would give it, worked
// out from what the memo's rows already say (which list tokens are alike
// with which query tokens) and the tokens' weights, without aligning.
//
// An alignment's score is N/D (scoreOf): N sums each pair's similarity
// (at most 1) times its weight (twice its list tokens' weight, less for
// an initial), D the same weights plus the unmatched tokens' weights by
// role. With X the pairs' weight, N/D <= X/(X+U) for U the unmatched
// tokens' part of D, which grows with X and falls with U. So X is taken at
// its most, twice the weight of every list token alike with some query
// token of the form, and U at its least, the tokens alike with none on the
// other side. A join (a word spelling two or three of the other side's)
// pairs tokens tokenSim found unlike, so a form that may join is given 1.

// boundSlack covers the score's rounding to three decimals (at most
// 0.0005) and the order of float additions.
const boundSlack = 0.0005 + 1e-9

// nameBound is at least the best name score of any query form with any of
// forms, whose rows the memo gave (1 where it cannot tell).
func nameBound(p *query, forms []entityForm) float64 {
	var best float64
	for qi := range p.forms {
		for fi := range forms {
			if b := formBound(&p.forms[qi], &forms[fi].form); b > best {
				if best = b; best >= 1 {
					return 1
				}
			}
		}
	}
	return best
}

// formBound is at least the score of aligning q with c (alignInto).
func formBound(q, c *form) float64 {
	if len(c.rows) != len(c.toks) {
		return 1
	}
	var qmask uint64
	for i := range q.toks {
		if q.toks[i].qid == 0 {
			return 1 // compared without the memo: no row says how
		}
		qmask |= qidBit(q.toks[i].qid)
	}
	var x, u float64
	for j := range c.toks {
		t := &c.toks[j]
		if r := c.rows[j]; r.at < 0 || r.alike&qmask != 0 {
			x += 2 * float64(t.weight)
		} else {
			u += float64(t.weight * roleFactor(t))
		}
	}
	for i := range q.toks {
		if t := &q.toks[i]; c.alike&qidBit(t.qid) == 0 {
			u += float64(t.weight * roleFactor(t))
		}
	}
	if x == 0 && u == 0 {
		return 0
	}
	if mayJoinAny(q.toks, c.toks) || mayJoinAny(c.toks, q.toks) {
		return 1
	}
	return x / (x + u)
}

// mayJoinAny reports whether a word of one side could spell a run of two
// or three of the other's (joinRun), by what joinRun tests before it
// builds a string: a loose word, or a run of the word's first letter whose
// length is within the word's edit budget.
func mayJoinAny(words, runs []token) bool {
	for i := range words {
		w := &words[i]
		if w.loose && w.kind == kWord {
			return true
		}
		if len(w.text) < 4 {
			continue
		}
		for s := range runs {
			if runs[s].first != w.first {
				continue
			}
			total := 0
			for k := s; k < len(runs) && k < s+3 && runs[k].kind != kNumber; k++ {
				total += len(runs[k].text)
				if k > s && abs(total-len(w.text)) <= maxEdits(max(total, len(w.text))) {
					return true
				}
			}
		}
	}
	return false
}

// qualifierLift is the most the qualifiers can add to a name score for a
// query without identifiers: a birth date matched exactly and a country.
func qualifierLift(p *query) float64 {
	var l float64
	if !p.BirthDate.IsZero() {
		l += effDOBExact
	}
	if len(p.Countries) > 0 {
		l += effCountryMatch
	}
	return l
}
