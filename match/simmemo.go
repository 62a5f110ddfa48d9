package match

// simMemo remembers, for one query, what tokenSim gave its query tokens
// and a list token. A query's candidates share most of their words (an
// entity's aliases repeat its surname, namesakes share given names): of the
// pairs Screen compared on the benchmark's negative queries, 37.5 % were
// distinct within their query, and tokenSim was 38 % of those queries'
// instructions.
//
// It keeps a row per list token (by memoKey): what tokenSim gave it with
// each distinct query token (numberTokens), worked out the first time an
// alignment meets the list token, for all of them at once since every
// query form is aligned with every form scored. An alignment then looks up
// each list token once rather than each pair, which was most of the cost
// of a pair the memo knew. Its key is all that tokenSim reads of a pair
// of different texts, so an entry is the answer tokenSim would give; a
// pair of the same text, whose method names its forms' methods, is
// compared without it.
type simMemo struct {
	stamp   uint32             // of the current query; a slot of another is empty
	slots   [memoSlots]memoRow // open addressing on the list token's memoKey
	entries []memoEntry        // the rows, len(reps) entries each, the current query's
	reps    []*token           // the query token of each qid (qid-1), the current query's
	rows    int                // the rows taken
}

type memoRow struct {
	key   uint64
	stamp uint32
	at    uint32 // the row's first entry
	alike uint64 // the query tokens it is alike with (rowRef.alike)
}

// rowRef is a list token's row as alignInto reads it: its first entry (-1
// for none: compare every pair) and the query tokens whose pair with it
// need be read at all, a bit by qid-1 (the 64th standing for itself and all
// above): those tokenSim found alike, and those of the same text, which are
// compared in each alignment. Most pairs are of neither.
type rowRef struct {
	at    int
	alike uint64
}

// qidBit is the bit of a query token of qid q in rowRef.alike.
func qidBit(q uint8) uint64 { return 1 << min(q-1, 63) }

const (
	memoBits   = 11
	memoSlots  = 1 << memoBits // the negative queries have a few hundred list tokens
	memoMaxRow = memoSlots / 2 // rows a query keeps at most: the slots stay half empty
	memoMaxEnt = 1 << 16       // entries a query keeps at most (2 MB)
)

type memoEntry struct {
	sim    float64
	method string
	dist   int
}

// reset empties the memo for a new query, whose distinct tokens are reps.
func (m *simMemo) reset(reps []*token) {
	m.entries, m.reps, m.rows = m.entries[:0], reps, 0
	if m.stamp++; m.stamp == 0 { // wrapped: slots of old stamps would look current
		clear(m.slots[:])
		m.stamp = 1
	}
}

// row is list token c's row: its entry for a query token of qid q is
// entries[at+q-1]. qm and cm are methods of the forms of the pair, which
// tokenSim does not read for a pair of different texts, the only pairs
// read from the memo.
func (m *simMemo) row(c *token, qm, cm string) rowRef {
	if c.mkey == 0 {
		return rowRef{-1, ^uint64(0)}
	}
	for i := uint32((c.mkey * 0x9E3779B97F4A7C15) >> (64 - memoBits)); ; i = (i + 1) & (memoSlots - 1) {
		r := &m.slots[i]
		if r.stamp != m.stamp {
			if m.rows >= memoMaxRow || len(m.entries)+len(m.reps) > memoMaxEnt {
				return rowRef{-1, ^uint64(0)}
			}
			*r = memoRow{key: c.mkey, stamp: m.stamp, at: uint32(len(m.entries))}
			for _, q := range m.reps {
				var e memoEntry
				if q.vid == c.vid {
					r.alike |= qidBit(q.qid)
				} else if e.sim, e.method, e.dist = tokenSim(q, c, qm, cm); e.sim > 0 {
					r.alike |= qidBit(q.qid)
				}
				m.entries = append(m.entries, e)
			}
			m.rows++
			return rowRef{int(r.at), r.alike}
		}
		if r.key == c.mkey {
			return rowRef{int(r.at), r.alike}
		}
	}
}

// rowsOf gives form f its rows, appended to buf (which must have room
// for them: earlier forms share it).
func (m *simMemo) rowsOf(f *form, buf []rowRef) []rowRef {
	start := len(buf)
	f.alike = 0
	for i := range f.toks {
		r := m.row(&f.toks[i], "", f.method)
		f.alike |= r.alike
		buf = append(buf, r)
	}
	f.rows = buf[start:len(buf):len(buf)]
	return buf
}

// memoKey is what tokenSim reads of a packed list token, for a pair
// whose texts differ: its word (vid, which fixes text, canon and oneCons),
// its orig, kind and flags (readings included). (A pair of the same text
// is named after its forms' methods, and is compared without the memo.)
// It is 0, not memoized, for a token whose fields do not fit.
func memoKey(p ptok) uint64 {
	const (
		vidBits  = 24
		origBits = 21
		kindBits = 2
		flagBits = 8
	)
	orig := uint64(p.orig + 1) // -1: the text itself
	if p.vid >= 1<<vidBits || orig >= 1<<origBits || p.kind() >= 1<<kindBits {
		return 0
	}
	return uint64(p.vid) | orig<<vidBits | uint64(p.kind())<<(vidBits+origBits) |
		uint64(p.flags)<<(vidBits+origBits+kindBits) |
		1<<(vidBits+origBits+kindBits+flagBits) // never 0
}

// numberTokens gives the query's tokens their qid: tokens alike in all
// tokenSim reads of them share one, so that the renderings of a query
// (ICAO and BGN of a Cyrillic name) share what they compared. Past 255
// distinct tokens the rest are not memoized. It returns the first token of
// each qid.
func numberTokens(forms []form) []*token {
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
	return reps
}

// sameForSim reports whether tokenSim reads the same of two query tokens
// (their neighbour sets, set later, follow from their texts, and their
// letters, token.letters, from their texts and origs).
func sameForSim(a, b *token) bool {
	return a.text == b.text && a.orig == b.orig && a.canon == b.canon && a.kind == b.kind &&
		a.arabic == b.arabic && a.loose == b.loose && a.abbr == b.abbr && a.oneCons == b.oneCons && a.reads == b.reads
}

// vocabIDs gives the query's tokens the vocabulary id of their text (-1 for
// a text the lists lack), once: lookup starts from it, and alignInto tells
// a pair of the same text, which it compares without the memo, by one
// comparison. It gives them their Canon key too, the vocabulary's for a
// word it has (canonID, worked out when the index was built, 4 bytes a
// word): a key took a hundred instructions or more to work out, a
// hundredth of a query's.
func (ix *Index) vocabIDs(toks []token) {
	for i := range toks {
		t := &toks[i]
		t.vid = -1
		if id, ok := ix.wordTab.get(t.text); ok {
			t.vid = int32(id)
			if k := ix.canonID[id]; k >= 0 {
				t.canon = ix.canons[k]
			} else {
				t.canon = t.text
			}
		} else {
			t.canon = canonKey(t.text)
		}
	}
}
