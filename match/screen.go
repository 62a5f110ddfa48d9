package match

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"

	"embargo"
)

// Candidate generation keeps the entities whose forms gathered at least
// minShare of the query's token weight and at least minOfBest of the best
// form's, at most maxCands (or 2×Limit) of them, and scores only those.
const (
	minShare  = 0.3
	minOfBest = 0.4
	maxCands  = 20
)

// scratch is the per-query working memory of Screen, pooled: dense arrays
// over forms and words, reset by stamps instead of clearing.
type scratch struct {
	fa       []formAcc // form id -> what the query gave it
	vmark    []uint32  // word id -> stamp of the token that last looked it up
	nmark    []uint32  // word id -> stamp of the neighbour search that last verified it
	stamp    uint32
	nstamp   uint32
	touched  []uint32
	align    [2]alignment    // scoreForms' working alignments
	hashes   []uint64        // deletion variants of a query word
	found    []uint32        // and the words they find, to verify
	letters  letterPositions // and the word's letters, to verify them
	qt       []qtok          // accumulate's query tokens
	words    []wordSim       // and the words they may be
	forms    []entityForm    // the unpacked forms of the candidate scored
	ftoks    []token         // and their tokens
	frows    []rowRef        // and their rows in the memo (form.rows)
	fptrs    []*entityForm
	picked   []uint32    // the candidates' forms to score
	pickAt   []int       // candidate i's are picked[pickAt[i]:pickAt[i+1]]
	pickToks []int       // and have pickToks[i] tokens in all
	touch    uint32      // what reading the picked forms first added up (kept, so that it is read)
	heap     []cand      // candidates' bounded heap
	keys     []uint64    // candidates' sort keys (weight, entity)
	cands    []uint32    // and the entities picked
	vals     []wordVal   // accumulate's words of one query token
	order    []uint64    // and their order, best first
	byLetter [26]float32 // letter a-z -> credit of a list initial (initialCredit)
	memo     simMemo     // tokenSim of the pairs the query's candidates share
}

// formAcc is what a query gave one form. Every posting a query walks reads
// and writes its form's record at random in the array over all forms: at 8
// bytes the array is half what it was at 16 (a query stamp, a token stamp,
// the weight and the token's best so far), and a query misses the
// second-level cache a tenth less. A form is touched by the query when
// tmark is above the stamp Screen takes first (stamps only grow), and it
// keeps each token's best word without storing it because a token's words
// are posted best first: the first to reach the form counts alone.
type formAcc struct {
	tmark uint32  // stamp of the token that last gave it weight
	acc   float32 // the weight it gathered
}

func (ix *Index) newScratch() *scratch {
	s := &scratch{
		fa:    make([]formAcc, ix.nforms),
		vmark: make([]uint32, len(ix.words)), nmark: make([]uint32, len(ix.words)),
	}
	s.align[0].memo, s.align[1].memo = &s.memo, &s.memo
	return s
}

// getScratch takes a free scratch, makes one while fewer than GOMAXPROCS
// exist, or waits for one. A scratch is dense arrays over every form and
// word (7.6 MB on the six official lists): a sync.Pool made one per
// concurrent query, a server under 8 clients held 60 MB of them, and more
// queries running at once than there are processors gain nothing.
func (ix *Index) getScratch() *scratch {
	var s *scratch
	select {
	case s = <-ix.free:
	default:
		if ix.made.Add(1) <= int32(cap(ix.free)) {
			s = ix.newScratch()
		} else {
			ix.made.Add(-1)
			s = <-ix.free
		}
	}
	s.touched = s.touched[:0]
	if s.stamp > 1<<31 || s.nstamp > 1<<31 {
		// Stamps are compared for order (formAcc): start again before
		// they wrap, every two billion or so.
		clear(s.fa)
		clear(s.vmark)
		clear(s.nmark)
		s.stamp, s.nstamp = 0, 0
	}
	return s
}

func (ix *Index) putScratch(s *scratch) { ix.free <- s }

// Screen returns the entities that match q with Score >= opt.Threshold, at
// most opt.Limit of them, by score descending then entity id. A Threshold
// of 0 returns the best candidates whatever their score (for evaluation).
//
// It is kept out of line so that profilers and scripts/bench-instructions.sh
// find it by name.
//
//go:noinline
func (ix *Index) Screen(q embargo.Query, opt Options) []embargo.Match {
	return ix.screen(q, opt, true)
}

// screen is Screen, with or without the memo of tokenSim (which changes
// no answer: TestMemoChangesNothing).
func (ix *Index) screen(q embargo.Query, opt Options, memo bool) []embargo.Match {
	p := prepare(q, ix)
	s := ix.getScratch()
	defer ix.putScratch(s)
	s.memo.reset(p.reps)
	defer func() { s.memo.reps = nil }() // the pooled scratch must not hold this query's tokens
	if !memo {
		s.align[0].memo, s.align[1].memo = nil, nil
		defer func() { s.align[0].memo, s.align[1].memo = &s.memo, &s.memo }()
	}
	s.stamp++
	qbase := s.stamp // every stamp of this query is above it
	total := ix.accumulate(p, s, qbase)
	ents := ix.candidates(p, s, total, opt)
	type hit struct {
		m embargo.Match
		a alignment
	}
	var out []hit
	// Only the forms that gathered enough weight can be the best one: they
	// are picked for every candidate first, in one pass whose reads of the
	// forms' packed records (at random in megabytes) do not wait on each
	// other, the processor overlapping their cache misses (taken one at a
	// time in unpack, which was an eighth of a mixed query's CPU profile,
	// most of it on reading the packed tokens). The first and last token of
	// each are read for the same reason (touch), and each candidate's
	// entity record.
	floor := total * minShare
	picked, pickAt, pickToks := s.picked[:0], s.pickAt[:0], s.pickToks[:0]
	var touch uint32
	for _, ei := range ents {
		byID := ei&idHit != 0
		ei &^= idHit
		pickAt = append(pickAt, len(picked))
		touch += uint32(len(ix.ents[ei].Schema)) // scoreForms reads it first
		n := 0
		for _, f := range ix.entForms[ix.entStart[ei]:ix.entStart[ei+1]] {
			if a := &s.fa[f]; byID || (a.tmark > qbase && a.acc >= floor) {
				picked = append(picked, f)
				start, end := ix.pforms[f].start, ix.pforms[f+1].start
				n += int(end - start)
				if end > start {
					touch += ix.ptoks[start].vid + ix.ptoks[end-1].vid
				}
			}
		}
		pickToks = append(pickToks, n)
	}
	pickAt = append(pickAt, len(picked))
	s.picked, s.pickAt, s.pickToks, s.touch = picked, pickAt, pickToks, touch
	// Only hits at or above the threshold are returned: a candidate whose
	// bound is under it is not aligned (the rows say enough; not for a
	// query with identifiers, whose matches weigh by them).
	prune := memo && opt.Threshold > 0 && len(p.ids) == 0
	lift := qualifierLift(p)
	for ci, ei := range ents {
		ei &^= idHit
		n := pickToks[ci]
		if cap(s.ftoks) < n {
			s.ftoks = make([]token, 0, 2*n)
		}
		buf := s.ftoks[:0]
		s.forms, s.fptrs = s.forms[:0], s.fptrs[:0]
		for _, f := range picked[pickAt[ci]:pickAt[ci+1]] {
			var ef entityForm
			ef, buf = ix.unpack(f, buf)
			s.forms = append(s.forms, ef)
		}
		if memo {
			if cap(s.frows) < n {
				s.frows = make([]rowRef, 0, 2*n)
			}
			rows := s.frows[:0]
			for i := range s.forms {
				rows = s.memo.rowsOf(&s.forms[i].form, rows)
			}
		}
		if prune && nameBound(p, s.forms)+lift < opt.Threshold-boundSlack {
			continue // it cannot score the threshold (bound.go)
		}
		for i := range s.forms {
			s.fptrs = append(s.fptrs, &s.forms[i])
		}
		m, a := scoreForms(p, &ix.ents[ei], s.fptrs, opt, &s.align)
		if m.Score >= opt.Threshold && m.Score > 0 {
			a = a.clone()
			if a.c != nil { // the form lives in the scratch: the hit keeps a copy
				c := *a.c
				c.toks, c.rows = slices.Clone(c.toks), nil
				a.c = &c
			}
			out = append(out, hit{m, a})
		}
	}
	slices.SortFunc(out, func(a, b hit) int {
		if a.m.Score != b.m.Score {
			return cmp.Compare(b.m.Score, a.m.Score)
		}
		return cmp.Compare(a.m.EntityID, b.m.EntityID)
	})
	if opt.Limit > 0 && len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	res := make([]embargo.Match, len(out))
	for i, h := range out {
		res[i] = h.m
		res[i].Caption = h.m.Entity.Caption()
		if h.a.q != nil {
			res[i].MatchedName = h.m.Entity.Names[h.a.name].Full
			res[i].Explanations = append(h.a.explain(), h.m.Explanations...)
		}
	}
	return res
}

const idHit = 1 << 31 // flags an entity found by identifier: score all its forms

// accumulate adds, for every query token, its weight times the similarity of
// the best vocabulary word it finds to every form posted under that word. It
// returns the weight of the heaviest query form, against which candidates
// are judged.
//
// Tokens go shortest posting lists first. A long posting list is not walked
// (only the forms already touched are looked up in it, MaxScore-style) once
// the tokens left weigh too little to lift an untouched form above the
// floor, or once enough forms are touched: a common name ("mohammad") then
// costs little even in a million names, and a form lacking every rarer
// token of the query could not have ranked first anyway.
func (ix *Index) accumulate(p *query, s *scratch, qbase uint32) float32 {
	var total float32
	qt, words := s.qt[:0], s.words[:0]
	for fi := range p.forms {
		var w float32
		toks := p.forms[fi].toks
		for i := range toks {
			t := &toks[i]
			if t.kind == kInitial || t.kind == kWeak {
				continue
			}
			w += t.weight
			if k := slices.IndexFunc(qt, func(o qtok) bool { return o.t.text == t.text }); k >= 0 {
				// The same word in another rendering of the query: share
				// what the first one found, for scoring.
				t.near = qt[k].t.near
			} else {
				q := qtok{t: t, lo: len(words)}
				s.stamp++
				ix.lookup(t, s, func(word uint32, sim float32) {
					words = append(words, wordSim{word, sim})
					q.n += len(ix.postings.at(word))
				})
				q.hi = len(words)
				qt = append(qt, q)
			}
		}
		total = max(total, w)
	}
	s.qt, s.words = qt, words // kept for the next query
	slices.SortStableFunc(qt, func(a, b qtok) int { return cmp.Compare(a.n, b.n) })
	rest := float32(0)
	for _, q := range qt {
		rest += q.t.weight
	}
	floor := total * minShare
	// The renderings of one query word ("Александр": aleksandr, alexandr,
	// aleksander) share a stamp, so that a form keeps the best of them
	// rather than their sum: summed, a common first name written three
	// ways outweighed the rare surname and crowded the right person out
	// of the candidates.
	base := s.stamp
	for i := range qt {
		qt[i].stamp = base + uint32(i) + 1
		for j := range i {
			if qt[j].t.orig == qt[i].t.orig {
				qt[i].stamp = qt[j].stamp
				break
			}
		}
	}
	s.stamp = base + uint32(len(qt))
	top := s.stamp
	for i, q := range qt {
		s.stamp = q.stamp
		if slices.ContainsFunc(qt[:i], func(o qtok) bool { return o.stamp == q.stamp }) {
			rest -= q.t.weight // posted with the first rendering
			continue
		}
		// The words of this token and of its other renderings, posted
		// best first (formAcc keeps the first that reaches a form).
		vs := s.vals[:0]
		for _, m := range qt[i:] {
			if m.stamp == q.stamp {
				for _, ws := range words[m.lo:m.hi] {
					vs = append(vs, wordVal{ws.word, m.t.weight * ws.sim})
				}
			}
		}
		// Among equals, in the order found: sorted as one integer key each
		// (the value's order reversed, then the index), in fewer
		// instructions than a stable sort by comparison.
		order := s.order[:0]
		for k, wv := range vs {
			order = append(order, uint64(descending(wv.v))<<32|uint64(k))
		}
		slices.Sort(order)
		s.order = order
		prune := rest < floor || len(s.touched) >= enoughForms
		for _, o := range order {
			wv := vs[uint32(o)]
			if prune && len(ix.postings.at(wv.word)) > 8*len(s.touched)+64 {
				ix.probe(s, wv.word, wv.v)
			} else {
				ix.post(s, wv.word, wv.v, qbase)
			}
		}
		s.vals = vs
		rest -= q.t.weight
	}
	s.stamp = top
	for fi := range p.forms {
		ix.accumulateJoined(p.forms[fi].toks, s, qbase)
	}
	clear(qt) // the pooled scratch must not hold this query's tokens
	return total
}

// descending is a key whose unsigned order is v's, reversed: the bits of
// a float order as it does once the sign is turned (and, for a negative,
// the rest), -0 counting as 0 as it compares.
func descending(v float32) uint32 {
	if v == 0 {
		v = 0
	}
	b := math.Float32bits(v)
	if b>>31 != 0 {
		b = ^b
	} else {
		b |= 1 << 31
	}
	return ^b
}

// qtok is one distinct query token and the vocabulary words it may be
// (words[lo:hi] of the scratch), posted under n forms in all.
type qtok struct {
	t      *token
	lo, hi int
	n      int
	stamp  uint32 // shared by the renderings of one query word
}

// enoughForms is how many touched forms make long posting lists probed
// rather than walked.
const enoughForms = 256

type wordSim struct {
	word uint32
	sim  float32
}

// wordVal is a word and what it gives the forms posted under it.
type wordVal struct {
	word uint32
	v    float32
}

// probe adds v to the forms already touched that are posted under word.
func (ix *Index) probe(s *scratch, word uint32, v float32) {
	post := ix.postings.at(word)
	tstamp := s.stamp
	for _, f := range s.touched {
		if _, ok := slices.BinarySearch(post, f); ok {
			s.fa[f].add(tstamp, v)
		}
	}
}

// add adds v to the form's weight unless the token of stamp tstamp has
// already given it some (a better word of it, posted before).
func (a *formAcc) add(tstamp uint32, v float32) {
	if a.tmark != tstamp {
		a.tmark = tstamp
		a.acc += v
	}
}

// accumulateJoined looks up adjacent query tokens joined ("jong un" finds
// "Jongun") and the whole name joined.
func (ix *Index) accumulateJoined(toks []token, s *scratch, qbase uint32) {
	var buf [64]byte // joined in place, not in a new string per pair
	try := func(text []byte, w float32) {
		if id, ok := ix.wordTab.getBytes(text); ok {
			s.stamp++
			ix.post(s, id, w*simJoined, qbase)
		}
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].kind != kNumber && toks[i-1].kind != kNumber {
			try(append(append(buf[:0], toks[i-1].text...), toks[i].text...), toks[i-1].weight+toks[i].weight)
		}
	}
	if len(toks) >= 3 && len(toks) <= 4 {
		text := buf[:0]
		var w float32
		for i := range toks {
			text = append(text, toks[i].text...)
			w += toks[i].weight
		}
		try(text, w)
	}
}

// lookup calls visit once for every vocabulary word the token may be: the
// same text, a word with the same Canon key, or a word within its edit budget.
func (ix *Index) lookup(t *token, s *scratch, visit func(word uint32, sim float32)) {
	tstamp := s.stamp
	seen := func(id uint32) bool {
		if s.vmark[id] == tstamp {
			return true
		}
		s.vmark[id] = tstamp
		return false
	}
	if t.vid >= 0 && !seen(uint32(t.vid)) { // the word itself (vocabIDs found it)
		visit(uint32(t.vid), simExact)
	}
	if t.kind == kNumber {
		return
	}
	if t.canon != t.text { // (else the key is the word above, or no word)
		if id, ok := ix.wordTab.get(t.canon); ok && !seen(id) {
			visit(id, simVariant)
		}
	}
	for _, id := range ix.canon.get(t.canon) {
		if !seen(id) {
			visit(id, simVariant)
		}
	}
	var kb [32]byte
	var ab [24]uint32
	var ag [25]uint8
	var acons []uint32
	var agaps []uint8
	if t.kind == kWord && isArabicOrig(t) {
		// Read from Arabic script, its vowels guessed or a spelling of
		// the name table (ناجي naji, which finds Najee so).
		acons, agaps = arabicGaps(ab[:0], ag[:0], t.orig)
	}
	if k := skelBytes(kb[:0], t.text); k != nil && t.kind == kWord {
		// Arabic script writes no short vowels: an Arabic-script query finds
		// Latin words by their consonants, and a Latin query the words read
		// from Arabic-script names.
		if acons == nil {
			l := &ix.askel // a Latin word: the words read from Arabic script
			if t.arabic {
				l = &ix.skel
			}
			for _, id := range l.getBytes(k) {
				if !seen(id) {
					visit(id, simConsonants)
				}
			}
			if t.arabic && isCyrillicOrig(t) {
				// A name in Cyrillic finds classical names by their
				// stems (Викторин Victorinus: classicalSim).
				for _, id := range ix.cskel.getBytes(k) {
					if !seen(id) {
						visit(id, simConsonants-classicalCost)
					}
				}
			}
		} else {
			// An Arabic-script word weighs each by the vowels it writes
			// where the script does (lineUp), as tokenSim will: of the
			// many words of a short skeleton, those likely its own come
			// first, and are kept among the candidates. It finds words by
			// their European and Spanish readings too (rskel).
			for _, h := range ix.arabicSkeleton(t.orig, k, acons, agaps) {
				if !seen(h.word) {
					visit(h.word, h.sim)
				}
			}
			// And by the skeletons of the other spellings of its
			// letters (arabicLetterSim: عقيلي finds Aghily).
			for _, h := range ix.arabicAltSkeleton(t, k, acons, agaps) {
				if !seen(h.word) {
					visit(h.word, h.sim)
				}
			}
		}
	} else if c := t.oneCons; c != 0 && acons != nil {
		// A word of one consonant (آبي) finds the Latin words of that
		// consonant that write their vowels where it does.
		for _, h := range ix.arabicSkeleton(t.orig, []byte{c}, acons, agaps) {
			if !seen(h.word) {
				visit(h.word, h.sim)
			}
		}
	}
	if len(t.text) < 3 || len(t.text) > maxFuzzyLen {
		return
	}
	ns := ix.neighbours(t.text, t.vid, s)
	t.near = ns
	if t.loose && t.kind == kWord {
		// A foreign name read from Hangul finds the Latin words whose
		// consonants sound as its own (슈툼프 shutumpeu: Stumpf; latinKeys):
		// its spelling is often too far from theirs for the edit budget,
		// and the first name alone (Karl) then filled the candidates with
		// namesakes. A short key is shared by dozens of words: one also
		// within the edit budget (jajari: Jazari) gets its closer
		// similarity, or it ties with the rest.
		var hb [32]byte
		if k := hangulConsonants(hb[:0], t.text); len(k) >= 2 {
			for _, id := range ix.hkey.getBytes(k) {
				if !seen(id) {
					sim := float32(simLoose)
					if h, ok := ns.find(id); ok && float32(h.sim) > sim {
						sim = float32(h.sim)
					}
					visit(id, sim)
				}
			}
		}
	}
	for _, h := range ns.hits {
		if !seen(h.id) {
			visit(h.id, float32(h.sim))
		}
	}
}

// arabicSkeleton is what an Arabic-script word (orig as written, its
// letters acons and agaps read from it) finds by the skeleton k of its
// reading and its readings' (rskel), each word weighed by the vowels it
// writes where the script does (readingCost), in the order lookup visits
// them. For a word of one consonant, k is that consonant (the key skelKey
// gives such words), and only the words that write their vowels where it
// does are found (غوج Gouges), at simOneConsonant less.
//
// It is worked out once per word as written and skeleton, and remembered
// as the neighbour sets are: weighing the words of a short skeleton was a
// twelfth of the instructions of the benchmark's negatives (46 % non-Latin).
// What it finds depends on nothing else, so the renderings of one word
// (محمد: muhammad, mohamed) share one entry.
func (ix *Index) arabicSkeleton(orig string, k []byte, acons []uint32, agaps []uint8) []wordSim {
	key := orig + "\x00" + string(k)
	if v, ok := ix.skelMemo.Load(key); ok {
		return v.([]wordSim)
	}
	var hits []wordSim
	for _, l := range [2]*keyedLists{&ix.skel, &ix.rskel} {
		for _, id := range l.getBytes(k) {
			cost, aligned := readingCost(acons, agaps, ix.words[id])
			switch {
			case len(k) > 1:
				hits = append(hits, wordSim{id, float32(max(0.1, simConsonants-cost))})
			case aligned && cost < vowelFaultCost:
				hits = append(hits, wordSim{id, float32(simConsonants - simOneConsonant - cost)})
			}
		}
	}
	remember(&ix.skelMemo, &ix.skelMemoN, skelMemoMax, key, hits)
	return hits
}

// arabicAltSkeleton is what an Arabic-script query word t (the skeleton
// k of its reading, its letters acons and agaps) finds by the skeletons of
// the other spellings of its letters (arabicAltKeys): the words of those
// skeletons whose consonants line up with its letters (lineUpAs, strict),
// weighed as arabicLetterSim will but for the spellings' closeness; none
// for a reading that does not spell its own letters (arabicLetterSet). It
// is remembered in arabicSkeleton's memo.
func (ix *Index) arabicAltSkeleton(t *token, k []byte, acons []uint32, agaps []uint8) []wordSim {
	var akb [maxAltKeys][]byte
	var abuf [maxAltKeys * 24]byte
	keys, dropped := arabicAltKeys(akb[:0], abuf[:0], acons, agaps, k)
	if len(keys) == 0 {
		return nil
	}
	key := t.orig + "\x01" + t.text
	if v, ok := ix.skelMemo.Load(key); ok {
		return v.([]wordSim)
	}
	var hits []wordSim
	if len(acons) >= 2 && lineUp(acons, agaps, t.text) >= 0 {
		for i, ak := range keys {
			for _, id := range ix.skel.getBytes(ak) {
				w := ix.words[id]
				if dropped&(1<<i) != 0 && !hAfterConsonant(w) {
					continue // lineUp would not line it up: a quick test first
				}
				if f := lineUpAs(acons, agaps, w, true); f >= 0 {
					hits = append(hits, wordSim{id, float32(simConsonants - altLetterCost - vowelCostOf(f))})
				}
			}
		}
	}
	remember(&ix.skelMemo, &ix.skelMemoN, skelMemoMax, key, hits)
	return hits
}

// skelMemoMax bounds the memo of arabicSkeleton, as memoMax the
// neighbour sets' (a short skeleton's words are dozens).
const skelMemoMax = 1 << 13

// nearSet is the words within the edit budget of a text, computed once per
// text and shared (read-only) by the queries that use it. A word has a
// handful of neighbours at most: a slice scanned is faster and far smaller
// than a map (the memo holds up to memoMax of them).
type nearSet struct {
	hits []nearID
	skel string // skeleton of the text, for sameSkeleton
	// The hits' ids mod 64, a bit each: tokenSim asks of every list word
	// of the right length, most of which are no hit, and a scan of the
	// hits was a sixtieth of a negative query.
	mod64 uint64
}

func (ns *nearSet) find(id uint32) (nearHit, bool) {
	if ns.mod64&(1<<(id%64)) == 0 {
		return nearHit{}, false
	}
	for i := range ns.hits {
		if ns.hits[i].id == id {
			return ns.hits[i].nearHit, true
		}
	}
	return nearHit{}, false
}

type nearID struct {
	id uint32
	nearHit
}

// maxFuzzyLen is the longest word (in bytes) looked up within an edit
// budget: a word's deletion variants grow with the square of its length
// (a 10,000-letter query word made 50 million and ran for more than 30 s),
// and no name has a word that long.
const maxFuzzyLen = 40

// memoMax bounds the memo of neighbour sets: when it is full it starts
// again empty (typos in batch input would otherwise grow it without end;
// 2^18 sets held 40 MB).
const memoMax = 1 << 15

// neighbours returns the vocabulary words within the edit budget of text,
// found through the deletion table and verified. They are remembered for
// the next query: by vid for a word of the vocabulary (one read of
// nearOf, where the sync.Map by text walked its trie, a cache miss a
// level), by text for another.
func (ix *Index) neighbours(text string, vid int32, s *scratch) *nearSet {
	if vid >= 0 {
		if ns := ix.nearOf[vid].Load(); ns != nil {
			return ns
		}
	} else if v, ok := ix.memo.Load(text); ok {
		return v.(*nearSet)
	}
	s.nstamp++
	st := s.nstamp
	ns := &nearSet{skel: skeleton(text)}
	s.hashes = uniqueDeletions(s.hashes[:0], text, maxEdits(len(text)+1))
	s.found = ix.dels.gather(s.found[:0], s.hashes)
	// The text's letters are read once for all the words it is compared
	// with (nil: a text osaBits does not read).
	pt := &s.letters
	if !pt.set(text) {
		pt = nil
	}
	for _, id := range s.found {
		if s.nmark[id] == st {
			continue
		}
		s.nmark[id] = st // verified once, match or not
		if sim, _, d := editSimWith(text, ix.words[id], pt); sim > 0 {
			ns.hits = append(ns.hits, nearID{id, nearHit{sim, d}})
			ns.mod64 |= 1 << (id % 64)
		}
	}
	if ix.memoN.Add(1) > memoMax {
		ix.forgetNear() // both memos: memoN counts both
	}
	if vid >= 0 {
		ix.nearOf[vid].Store(ns)
	} else {
		ix.memo.Store(text, ns)
	}
	return ns
}

// remember stores v under key in the memo m, which n counts, emptying it
// first once it holds limit entries: a stream of new words (typos in
// batch input) would otherwise grow it without end.
func remember(m *sync.Map, n *atomic.Int64, limit int64, key string, v any) {
	if n.Add(1) > limit {
		m.Clear()
		n.Store(0)
	}
	m.Store(key, v)
}

// post adds v to every form posted under word that the current token has
// not reached yet (its words come best first).
func (ix *Index) post(s *scratch, word uint32, v float32, qbase uint32) {
	tstamp := s.stamp
	fa, touched := s.fa, s.touched // held in registers through the loop
	for _, f := range ix.postings.at(word) {
		a := &fa[f]
		if a.tmark <= qbase { // not touched by this query yet
			a.tmark, a.acc = tstamp, v
			touched = append(touched, f)
		} else {
			a.add(tstamp, v)
		}
	}
	s.touched = touched
}

// candidates picks the entities to score: the best by accumulated weight
// among those allowed by the options, plus those found by identifier.
func (ix *Index) candidates(p *query, s *scratch, total float32, opt Options) []uint32 {
	limit := max(maxCands, 2*opt.Limit)
	// Keep the best forms in a bounded min-heap: a common name touches tens
	// of thousands of forms in a large index, and sorting them all costs more
	// than the rest of the query.
	if cap(s.heap) < 4*limit {
		s.heap = make([]cand, 0, 4*limit)
	}
	h := candHeap(s.heap[: 0 : 4*limit])
	floor := total * minShare
	// A list initial counts for a query word of its letter (initialCredit),
	// for the forms under the floor that have initials (3,886 of the 104,723
	// forms of the six lists) and that two initials could lift above it:
	// most touched forms are far below, and are not looked at again.
	lift := initialCredits(p, &s.byLetter)
	// The best weight kept so far: a form under minOfBest of it would not
	// be kept at the end (below), so it need not enter the heap.
	var best float32
	// The heap holds forms: their entities are read (formEnt, at random)
	// for the few kept, or to filter.
	filter := ix.filtering(p, opt)
	fa, withInitials := s.fa, ix.withInitials // held in registers through the loop
	for _, f := range s.touched {
		a := &fa[f]
		if acc := a.acc; acc < floor {
			if acc+lift < floor || withInitials[f/64]&(1<<(f%64)) == 0 { // !ix.hasInitials(f), its slice in a register
				continue
			}
			if a.acc += initialCredit(&s.byLetter, ix.initialsOf(f)); a.acc < floor {
				continue
			}
		}
		if a.acc < minOfBest*best || len(h) == cap(h) && a.acc < h[0].acc {
			continue // its entity need not be read
		}
		c := cand{id: f, acc: a.acc}
		switch {
		case len(h) < cap(h):
			if !filter || ix.allowed(p, ix.formEnt[f], opt) {
				h.push(c)
				best = max(best, c.acc)
			}
		case h.less(h[0], c) && (!filter || ix.allowed(p, ix.formEnt[f], opt)):
			h[0] = c
			h.down(0)
			best = max(best, c.acc)
		}
	}
	// Only the forms within minOfBest of the best go on: sort those alone
	// (sorting all 80 was 3% of a query). The best is still in the heap,
	// which only ever drops its worst.
	kept := h[:0]
	for _, c := range h {
		if c.acc >= minOfBest*best {
			kept = append(kept, c)
		}
	}
	// By weight descending, then entity: as one integer key each (a
	// weight is never negative, so its bits order as it does), which sorts
	// in a quarter of the instructions of a comparison function.
	keys := s.keys[:0]
	for _, c := range kept {
		keys = append(keys, uint64(^math.Float32bits(c.acc))<<32|uint64(ix.formEnt[c.id]))
	}
	slices.Sort(keys)
	s.keys = keys
	out := s.cands[:0]
	for _, k := range keys {
		if e := uint32(k); len(out) < limit && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	for _, e := range ix.entitiesByID(p.ids) {
		if ix.allowed(p, e, opt) {
			out = slices.DeleteFunc(out, func(x uint32) bool { return x == e })
			out = append(out, e|idHit)
		}
	}
	s.cands = out
	return out
}

// initialCredits sets byLetter to what a list initial of each letter is
// worth for the query (the heaviest query word of that letter, at an
// initial's share) and returns the most two initials can add to a form.
func initialCredits(p *query, byLetter *[26]float32) (lift float32) {
	*byLetter = [26]float32{}
	for fi := range p.forms {
		for _, q := range p.forms[fi].toks {
			if q.kind != kWord {
				continue
			}
			v := q.weight * kindFactor(kInitial) * simInitial
			lift = max(lift, 2*v)
			if c := q.text[0]; c >= 'a' && c <= 'z' {
				byLetter[c-'a'] = max(byLetter[c-'a'], v)
			}
		}
	}
	return lift
}

// initialCredit is what a form's initials (letters, a bit each of a-z)
// add to its weight for the query: each counts, at an initial's share, as
// the heaviest query word of its letter (byLetter; Jerome David Salinger:
// J. D. Salinger). Accumulate posts words only, so without it the surname
// alone could not lift such a form above the floor.
func initialCredit(byLetter *[26]float32, letters uint32) float32 {
	var v float32
	for ; letters != 0; letters &= letters - 1 {
		v += byLetter[bits.TrailingZeros32(letters)]
	}
	return v
}

type cand struct {
	id  uint32 // the form's
	acc float32
}

// candHeap is a min-heap of candidates: the worst (lowest weight, then
// highest form id) on top. It is written out rather than used through
// container/heap, whose Push(any) allocated a box for every candidate (a
// fifth of the allocations of a query).
type candHeap []cand

func (h *candHeap) push(c cand) {
	*h = append(*h, c)
	hh := *h
	for i := len(hh) - 1; i > 0; {
		parent := (i - 1) / 2
		if !hh.less(hh[i], hh[parent]) {
			break
		}
		hh[i], hh[parent] = hh[parent], hh[i]
		i = parent
	}
}

func (h candHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h.less(h[r], h[l]) {
			m = r
		}
		if !h.less(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

func (h candHeap) less(a, b cand) bool {
	if a.acc != b.acc {
		return a.acc < b.acc
	}
	return a.id > b.id
}

// filtering reports whether the options or the query's schema may refuse
// an entity (allowed).
func (ix *Index) filtering(p *query, opt Options) bool {
	return opt.filters() || p.Schema != "" && p.Schema != embargo.Thing
}

func (ix *Index) allowed(p *query, e uint32, opt Options) bool {
	if !ix.filtering(p, opt) {
		return true // nothing to filter on: the common case, skip the entity
	}
	ent := &ix.ents[e]
	if len(opt.Sources) > 0 && !slices.Contains(opt.Sources, ent.Source) ||
		slices.Contains(opt.ExcludeSources, ent.Source) || slices.Contains(opt.ExcludeSchemas, ent.Schema) ||
		slices.Contains(opt.ExcludeIDs, ent.ID) {
		return false
	}
	return schemaOK(p.Schema, ent, opt.Schemas)
}

// forgetNear empties the memo of neighbour sets, both by vocabulary word
// and by text.
func (ix *Index) forgetNear() {
	ix.memo.Clear()
	for i := range ix.nearOf {
		ix.nearOf[i].Store(nil)
	}
	ix.memoN.Store(0)
}
