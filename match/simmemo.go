package match

// simMemo remembers, for one query, what tokenSim gave a query token and a
// list token. A query's candidates share most of their words (an entity's
// aliases repeat its surname, namesakes share given names): of the pairs
// Screen compared on the benchmark's negative queries, 37.5 % were distinct
// within their query, and tokenSim was 38 % of those queries'
// instructions.
//
// It is a direct-mapped cache: a pair whose bucket another pair holds is
// compared again and takes the bucket. Its key (memoKey and the query
// token's qid) is all that tokenSim reads of a pair of different texts, so
// a hit is the answer tokenSim would give; a pair of the same text, whose
// method names its forms' methods, is compared without it.
//
// The buckets are 4 bytes, the index of the pair's entry, and the entries
// are kept in the order they were compared, so that a query's few hundred
// entries of 40 bytes lie together rather than at random over 80 KB (an
// entry in each bucket, as the memo was first written).
type simMemo struct {
	stamp   uint32              // of the current query (16 bits); a bucket of another is empty
	buckets [memoBuckets]uint32 // stamp<<16 | index in entries
	entries []memoEntry         // the current query's
}

const (
	memoBits    = 11
	memoBuckets = 1 << memoBits // the negative queries have 267 distinct pairs on average
	memoMaxEnt  = 1<<16 - 1     // entries a query keeps at most
)

type memoEntry struct {
	key    uint64
	sim    float64
	method string
	dist   int
}

// reset empties the memo for a new query.
func (m *simMemo) reset() {
	m.entries = m.entries[:0]
	if m.stamp++; m.stamp > 0xffff { // wrapped: buckets of old stamps would look current
		clear(m.buckets[:])
		m.stamp = 1
	}
}

// bucket is the bucket of a pair's key.
func bucket(key uint64) uint32 {
	return uint32((key * 0x9E3779B97F4A7C15) >> (64 - memoBits))
}

// find is the entry of key in bucket b, nil if there is none.
func (m *simMemo) find(b uint32, key uint64) *memoEntry {
	v := m.buckets[b]
	if v>>16 != m.stamp {
		return nil
	}
	if e := &m.entries[v&0xffff]; e.key == key {
		return e
	}
	return nil
}

// add remembers what tokenSim gave the pair of key, in bucket b.
func (m *simMemo) add(b uint32, key uint64, sim float64, method string, dist int) {
	if len(m.entries) >= memoMaxEnt {
		return
	}
	m.buckets[b] = m.stamp<<16 | uint32(len(m.entries))
	m.entries = append(m.entries, memoEntry{key: key, sim: sim, method: method, dist: dist})
}

// memoKey is what tokenSim reads of a packed list token, for a pair
// whose texts differ: its word (vid, which fixes text, canon and oneCons),
// its orig, kind and flags (readings included), in bits 0-55; the query
// token's qid goes in bits 56-63. (A pair of the same text is named after its forms'
// methods, and is compared without the memo.) It is 0, not memoized, for a
// token whose fields do not fit.
func memoKey(p ptok) uint64 {
	const (
		vidBits  = 24
		origBits = 21
		kindBits = 2
		flagBits = 8
	)
	orig := uint64(p.orig + 1) // -1: the text itself
	if p.vid >= 1<<vidBits || orig >= 1<<origBits || p.kind >= 1<<kindBits {
		return 0
	}
	return uint64(p.vid) | orig<<vidBits | uint64(p.kind)<<(vidBits+origBits) |
		uint64(p.flags)<<(vidBits+origBits+kindBits) |
		1<<(vidBits+origBits+kindBits+flagBits) // never 0
}

// numberTokens gives the query's tokens their qid: tokens alike in all
// tokenSim reads of them share one, so that the renderings of a query
// (ICAO and BGN of a Cyrillic name) share what they compared. Past 255
// distinct tokens the rest are not memoized.
func numberTokens(forms []form) {
	var reps []*token
	for fi := range forms {
		for ti := range forms[fi].toks {
			t := &forms[fi].toks[ti]
			t.qid = 0
			for _, r := range reps {
				if sameForSim(r, t) {
					t.qid = r.qid
					break
				}
			}
			if t.qid == 0 && len(reps) < 255 {
				reps = append(reps, t)
				t.qid = uint8(len(reps))
			}
		}
	}
}

// sameForSim reports whether tokenSim reads the same of two query tokens
// (their neighbour sets, set later, follow from their texts).
func sameForSim(a, b *token) bool {
	return a.text == b.text && a.orig == b.orig && a.canon == b.canon && a.kind == b.kind &&
		a.arabic == b.arabic && a.loose == b.loose && a.abbr == b.abbr && a.oneCons == b.oneCons && a.reads == b.reads
}

// vocabIDs gives the query's tokens the vocabulary id of their text (-1 for
// a text the lists lack), once: lookup starts from it, and alignInto tells
// a pair of the same text, which it compares without the memo, by one
// comparison.
func (ix *Index) vocabIDs(p *query) {
	for fi := range p.forms {
		for ti := range p.forms[fi].toks {
			t := &p.forms[fi].toks[ti]
			t.vid = -1
			if id, ok := ix.wordTab.get(t.text); ok {
				t.vid = int32(id)
			}
		}
	}
}
