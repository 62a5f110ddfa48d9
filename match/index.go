package match

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"embargo"
)

// Index holds every entity with its names normalised once, and the inverted
// indexes that find candidates without scanning every name: the vocabulary of
// tokens (and of adjacent tokens joined: "jongun"), their Canon keys, the
// deletion variants of each token for typos, and the identifiers.
type Index struct {
	ents     []embargo.Entity
	forms    []entityForm // while building; then packed (packed.go)
	formEnt  []uint32     // form id -> entity index
	entForms []uint32     // the form ids of entity i: entForms[entStart[i]:entStart[i+1]], in name order
	entStart []uint32

	nforms int
	pforms []pform // form id -> its packed form; one more marks the end
	ptoks  []ptok  // the tokens of every form, in form order
	// The forms with initials (3,886 of the 104,723 of the six lists):
	// a bit each over all forms, read for every form a query touches (13 KB
	// stay in the first-level cache, where an array of letter masks over
	// every form, 0.4 MB, was missed), then their letters a-z, a bit each
	// (initialCredit), by form id ascending, and the count of forms with
	// initials before each block of 64 (initialsOf).
	withInitials []uint64
	initialMask  []uint32
	initialRank  []uint32
	origs        []string // words as written, where they differ from their text
	methods      []string // the methods of the forms ("exact", "icao", ...)
	canons       []string // Canon keys of the tokens, where they differ from the word

	vocab     map[string]uint32 // token text -> vocabulary id, while the vocabulary grows
	wordTab   wordTable         // the same once it is complete (buildVocab)
	words     []string
	postings  lists      // vocabulary id -> form ids, ascending
	weight    []float32  // vocabulary id -> rarity weight
	isToken   []bool     // vocabulary id -> a token of some name, not only a joined key
	canon     keyedLists // Canon key -> vocabulary ids of words that differ from it
	wordCanon []string   // vocabulary id -> its Canon key (while building)
	canonID   []int32    // vocabulary id -> its Canon key's id in canons; -1: the word itself
	skel      keyedLists // consonant skeleton -> vocabulary ids
	askel     keyedLists // the same for the words some form read from Arabic script has: what a Latin query word finds by its skeleton
	rskel     keyedLists // skeleton of a word's European or Spanish reading, where it differs -> vocabulary ids
	cskel     keyedLists // skeletons of a word's readings for Cyrillic (cyrillicReadings), where they differ -> vocabulary ids
	hkey      keyedLists // consonants as a Hangul loanword spells them -> vocabulary ids
	dels      delTable
	ids       map[string][]uint32 // idKey -> entity indexes

	maxWeight float32
	free      chan *scratch // scratches not in use; at most cap of them exist
	made      atomic.Int32
	memo      sync.Map // text -> *nearSet
	memoN     atomic.Int64
	nearOf    []atomic.Pointer[nearSet] // vid -> its neighbours (neighbours), counted in memoN
	skelMemo  sync.Map                  // orig "\x00" skeleton -> []wordSim (arabicSkeleton)
	skelMemoN atomic.Int64
}

// Rarity weight bounds: ln(N/df), so a token every entity has still counts,
// and a unique one counts at most a dozen times more.
const (
	minRarity = 1
	maxRarity = 12
)

// NewIndex normalises every name of every entity once and builds the indexes.
func NewIndex(ents []embargo.Entity) *Index {
	ix := &Index{ents: ents, vocab: make(map[string]uint32, 4*len(ents)), ids: map[string][]uint32{}}
	ix.entStart = make([]uint32, 0, len(ents)+1)
	for i := range ents {
		e := &ix.ents[i]
		ix.entStart = append(ix.entStart, uint32(len(ix.forms)))
		for _, f := range formsOf(e, nil, false) {
			ix.forms = append(ix.forms, f)
			ix.formEnt = append(ix.formEnt, uint32(i))
		}
		for _, id := range e.Identifiers {
			if k := idKey(id.Value); len(k) >= 4 {
				ix.ids[k] = appendUnique(ix.ids[k], uint32(i))
				// Found also by the number without its letter prefix,
				// and the prefixed one by the bare number (sameID).
				if n := idNumber(k); n != k && len(n) >= 6 {
					ix.ids[n] = appendUnique(ix.ids[n], uint32(i))
				}
			}
		}
	}
	ix.entStart = append(ix.entStart, uint32(len(ix.forms)))
	ix.formEnt = slices.Clone(ix.formEnt)
	ix.buildVocab()
	ix.wordTab, ix.vocab = newWordTable(ix.words), nil
	ix.weighForms()
	ix.buildDeletions()
	ix.clusterForms()
	ix.pack()
	ix.wordCanon = nil
	// In place: the word table reads the same slice.
	ix.words = intern(ix.words)
	ix.origs, ix.canons = intern(ix.origs), intern(ix.canons)
	ix.free = make(chan *scratch, max(1, runtime.GOMAXPROCS(0)))
	return ix
}

// clusterForms numbers the forms again so that forms sharing the most
// common words sit together: ordered by their most common word, then
// their second, so that the forms of "mohammed" are one run and within it
// those of "mohammed ali". A query walking a long posting list then reads and
// writes its forms' records (formAcc, 8 to a cache line) in runs instead
// of one line each, and the hardware prefetches them. An entity's forms
// keep their order through entForms, so that scores and explanations are
// the same as in entity order.
func (ix *Index) clusterForms() {
	nf := len(ix.forms)
	// rank: 0 for the word posted under the most forms, ties by id (a
	// counting sort: comparison sorts here were a tenth of the build).
	most := 0
	for w := range ix.words {
		most = max(most, len(ix.postings.at(uint32(w))))
	}
	from := make([]uint32, most+2) // posting length -> first rank of that length
	for w := range ix.words {
		from[most-len(ix.postings.at(uint32(w)))+1]++
	}
	for i := 1; i < len(from); i++ {
		from[i] += from[i-1]
	}
	rank := make([]uint32, len(ix.words))
	for w := range ix.words {
		n := most - len(ix.postings.at(uint32(w)))
		rank[w] = from[n]
		from[n]++
	}
	// Each form's key: the ranks of its two most common words (the rest
	// cluster little more), then its old id.
	type keyed struct {
		k uint64
		f uint32
	}
	keys := make([]keyed, nf)
	for f := range ix.forms {
		r0, r1 := uint32(math.MaxUint32), uint32(math.MaxUint32)
		for _, t := range ix.forms[f].toks {
			if t.kind != kWord {
				continue
			}
			switch r := rank[t.vid]; {
			case r < r0:
				r0, r1 = r, r0
			case r < r1:
				r1 = r
			}
		}
		keys[f] = keyed{uint64(r0)<<32 | uint64(r1), uint32(f)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.k != b.k {
			return cmp.Compare(a.k, b.k)
		}
		return cmp.Compare(a.f, b.f)
	})
	newID := make([]uint32, nf) // old id -> new id
	forms, formEnt := make([]entityForm, nf), make([]uint32, nf)
	for n, kf := range keys {
		o := kf.f
		newID[o] = uint32(n)
		forms[n], formEnt[n] = ix.forms[o], ix.formEnt[o]
	}
	ix.forms, ix.formEnt = forms, formEnt
	// The old ids run in entity order: entity i's are entStart[i] onwards.
	ix.entForms = newID
	for w := range ix.words {
		l := ix.postings.at(uint32(w))
		for i, f := range l {
			l[i] = newID[f]
		}
		slices.Sort(l)
	}
}

// Len is the number of entities indexed.
func (ix *Index) Len() int { return len(ix.ents) }

func appendUnique(s []uint32, v uint32) []uint32 {
	if len(s) > 0 && s[len(s)-1] == v {
		return s
	}
	return append(s, v)
}

func (ix *Index) word(w string) uint32 {
	id, ok := ix.vocab[w]
	if !ok {
		id = uint32(len(ix.words))
		ix.vocab[w] = id
		ix.words = append(ix.words, w)
	}
	return id
}

// buildVocab posts every form under its tokens, its adjacent pairs joined,
// and, for names of up to four tokens, the whole name joined ("kimjongun").
func (ix *Index) buildVocab() {
	var postings [][]uint32
	df := []uint32{}
	lastEnt := []int32{}
	var arabic []bool // vocabulary id -> some form read from Arabic script has it
	for fid := range ix.forms {
		ent := int32(ix.formEnt[fid])
		for k, w := range vocabKeys(ix.forms[fid].toks) {
			id := ix.word(w)
			for int(id) >= len(ix.isToken) {
				ix.isToken = append(ix.isToken, false)
			}
			ix.isToken[id] = ix.isToken[id] || k < len(ix.forms[fid].toks)
			for int(id) >= len(arabic) {
				arabic = append(arabic, false)
			}
			arabic[id] = arabic[id] || (k < len(ix.forms[fid].toks) && ix.forms[fid].toks[k].arabic)
			for int(id) >= len(postings) {
				postings = append(postings, nil)
			}
			postings[id] = appendUnique(postings[id], uint32(fid))
			for int(id) >= len(df) {
				df, lastEnt = append(df, 0), append(lastEnt, -1)
			}
			if lastEnt[id] != ent {
				lastEnt[id] = ent
				df[id]++
			}
		}
	}
	ix.postings = packLists(postings)
	n := float64(max(1, len(ix.ents)))
	canon, skel, askel, rskel, hkey, cskel := map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}
	var keys []string
	ix.weight = make([]float32, len(ix.words))
	ix.wordCanon = make([]string, len(ix.words))
	for id, w := range ix.words {
		ix.weight[id] = float32(min(maxRarity, max(minRarity, math.Log(n/float64(df[id])))))
		c := canonOf(w)
		ix.wordCanon[id] = c
		if c != w {
			canon[c] = append(canon[c], uint32(id))
		}
		if ix.isToken[id] {
			k := skelKey(w)
			if k != "" {
				skel[k] = append(skel[k], uint32(id))
				if arabic[id] {
					askel[k] = append(askel[k], uint32(id))
				}
			}
			// A Latin word that writes a sound otherwise than Arabic
			// script (Jäck, Weirich, Alejandro, Arnaud) is found by the
			// Arabic-script spelling of it too (europeanReading,
			// spanishReading, frenchReading), by Arabic-script words only.
			var rk [4]string
			for bit, rs := uint8(1), readings(w); rs != 0; bit <<= 1 {
				if rs&bit != 0 {
					rs &^= bit
					if kr := skelKey(readingOf(w, bit)); kr != "" && kr != k && !slices.Contains(rk[:], kr) {
						rskel[kr] = append(rskel[kr], uint32(id))
						rk[bits.OnesCount8(bit-1)] = kr
					}
				}
			}
			// A classical name is found by its stem too, by names read
			// from Cyrillic only (Викторин Victorinus).
			var ck [4]string
			for i, y := range cyrillicReadings(w) {
				if y == "" {
					continue
				}
				if ks := skelKey(y); ks != "" && ks != k && !slices.Contains(ck[:i], ks) {
					cskel[ks] = append(cskel[ks], uint32(id))
					ck[i] = ks
				}
			}
			for _, hk := range latinKeys(keys[:0], w, hkeyLimit) {
				hkey[hk] = append(hkey[hk], uint32(id))
			}
		}
	}
	ix.canon, ix.skel, ix.askel, ix.rskel, ix.hkey, ix.cskel = packKeyed(canon), packKeyed(skel), packKeyed(askel), packKeyed(rskel), packKeyed(hkey), packKeyed(cskel)
	ix.maxWeight = float32(min(maxRarity, max(minRarity, math.Log(n))))
}

// skelKey is the key a word is kept under for skeleton lookups: its
// skeleton, or for a word of one consonant, which has none, that letter
// alone, a key no skeleton has (oneConsonantSim).
func skelKey(w string) string {
	if k := skeleton(w); k != "" {
		return k
	}
	if c := oneConsonant(w); c != 0 {
		return string(c)
	}
	return ""
}

// hkeyLimit is how many consonant keys (latinKeys) a word is filed under.
// A long word read every way its languages say it has dozens: at 16,
// Clausewitz lost its German one (z ts, s before a vowel ㅈ: klaujebitsu),
// the 17th of 20. At 32 the six lists' index grows by 0.4 MB.
const hkeyLimit = 32

// vocabKeys are the keys a form is posted under.
func vocabKeys(toks []token) []string {
	keys := make([]string, 0, 2*len(toks)+1)
	for i := range toks {
		keys = append(keys, toks[i].text) // tokens first: buildVocab counts on it
	}
	// Joined pairs for names of up to six words: people and ships write
	// "Jongun", "Chonmasan"; long organisation names do not.
	for i := 1; i < len(toks) && len(toks) <= 6; i++ {
		if joinable(&toks[i]) && joinable(&toks[i-1]) {
			keys = append(keys, toks[i-1].text+toks[i].text)
		}
	}
	if len(toks) >= 3 && len(toks) <= 4 {
		var b strings.Builder
		for i := range toks {
			b.WriteString(toks[i].text)
		}
		keys = append(keys, b.String())
	}
	return keys
}

func joinable(t *token) bool { return t.kind == kWord || t.kind == kInitial }

func (ix *Index) weighForms() {
	w := ix.rarity
	for i := range ix.forms {
		toks := ix.forms[i].toks
		weigh(toks, w)
		for j := range toks {
			// Tokens share the vocabulary's strings, so that the folded
			// names they were cut from can be freed.
			t := &toks[j]
			vid, _ := ix.wordTab.get(t.text)
			w := ix.words[vid]
			if t.orig == t.text {
				t.orig = w
			}
			t.text, t.vid, t.canon = w, int32(vid), ix.wordCanon[vid]
		}
	}
}

// rarity is the weight of a token text; a text the lists do not have at all
// (a typo, a name nobody is listed under) is as rare as can be.
func (ix *Index) rarity(t *token) float32 {
	if id, ok := ix.wordTab.get(t.text); ok {
		return ix.weight[id]
	}
	return ix.maxWeight
}

// queryRarity is rarity for a query token whose vocabulary id vocabIDs has
// set (-1: a text the lists lack), without looking its text up again.
func (ix *Index) queryRarity(t *token) float32 {
	if t.vid >= 0 {
		return ix.weight[t.vid]
	}
	return ix.maxWeight
}

func (ix *Index) buildDeletions() {
	entries := make([]delEntry, 0, 16*len(ix.words))
	var hs []uint64
	for id, w := range ix.words {
		if !ix.isToken[id] || isNumber(w) || len(w) < 3 {
			continue // joined keys are found exactly, not with typos
		}
		// A doubled letter gives the same variant twice ("mohammad"): one
		// entry is enough.
		hs = uniqueDeletions(hs[:0], w, delBudget(len(w)))
		for _, h := range hs {
			entries = append(entries, delEntry{hash: h, word: uint32(id)})
		}
	}
	ix.dels = buildDelTable(entries, len(ix.words))
	ix.nearOf = make([]atomic.Pointer[nearSet], len(ix.words))
}

// canonOf is the Canon key of a folded token, for the vocabulary.
func canonOf(w string) string { return canonKey(w) }

// entitiesByID returns the entities carrying an identifier of the query.
func (ix *Index) entitiesByID(ids []embargo.Identifier) []uint32 {
	var out []uint32
	for _, id := range ids {
		k := idKey(id.Value)
		out = append(out, ix.ids[k]...)
		if n := idNumber(k); n != k && len(n) >= 6 {
			out = append(out, ix.ids[n]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
