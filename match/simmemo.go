package match

// simMemo remembers, for one query, what tokenSim gave a query token and a
// list token. A query's candidates share most of their words (an entity's
// aliases repeat its surname, namesakes share given names): of the pairs
// Screen compared on the benchmark's negative queries, 37.5 % were distinct
// within their query, and tokenSim was 38 % of those queries'
// instructions.
//
// It is a direct-mapped cache: a pair whose slot another pair holds is
// compared again and takes the slot. Its key (memoKey) is all that
// tokenSim reads of the pair, so a hit is the answer tokenSim would give.
type simMemo struct {
	stamp uint32 // of the current query; a slot of another is empty
	slots [memoSlots]memoSlot
}

const (
	memoBits  = 11
	memoSlots = 1 << memoBits // the negative queries have 267 distinct pairs on average
)

type memoSlot struct {
	key    uint64
	stamp  uint32
	dist   int32
	sim    float64
	method string
}

// reset empties the memo for a new query.
func (m *simMemo) reset() {
	if m.stamp++; m.stamp == 0 { // wrapped: slots of old stamps would look current
		clear(m.slots[:])
		m.stamp = 1
	}
}

// slot is the slot of a pair's key.
func (m *simMemo) slot(key uint64) *memoSlot {
	return &m.slots[(key*0x9E3779B97F4A7C15)>>(64-memoBits)]
}

// memoKey is what tokenSim reads of a packed list token in a form of
// method id mid: its word (vid, which fixes text, canon, oneCons and
// yRead), its orig, kind and flags, and its form's method (which names an
// exact match), in bits 0-55; the query token's qid goes in bits 56-63. A
// query token's qid fixes all tokenSim reads of it (its neighbour set is
// complete before scoring starts). It is 0, not memoized, for a token
// whose fields do not fit.
func memoKey(p ptok, mid uint16) uint64 {
	const (
		vidBits  = 24
		origBits = 21
		kindBits = 2
		flagBits = 3
		midBits  = 6
	)
	orig := uint64(p.orig + 1) // -1: the text itself
	if p.vid >= 1<<vidBits || orig >= 1<<origBits || p.kind >= 1<<kindBits || mid+1 >= 1<<midBits {
		return 0
	}
	k := uint64(p.vid) | orig<<vidBits | uint64(p.kind)<<(vidBits+origBits) |
		uint64(p.flags&(fArabic|fLoose|fAbbr))<<(vidBits+origBits+kindBits) |
		uint64(mid+1)<<(vidBits+origBits+kindBits+flagBits) // never 0
	return k
}
