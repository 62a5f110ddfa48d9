package match

import (
	mbits "math/bits"
	"slices"
)

// delTable maps the hash of every deletion variant of every vocabulary word
// (up to its edit budget in letters removed, SymSpell-style) to the words that
// give it. Two words within k edits share a variant with at most k deletions
// on each side, so looking up the query word's variants finds every word
// within its budget in a few probes, whatever the vocabulary size.
//
// Entries are bucketed by the top bits of the hash with a counting sort
// (linear time to build). Each is one uint32: the word id in its low wbits
// bits (as many as the vocabulary needs, 18 for the six lists) and low bits
// of the hash above it to skip strangers (14 for the six lists: one in
// 16,384 passes by chance). Collisions are harmless: callers verify the edit
// distance. Four bytes an entry instead of eight saved 5 MB of 1.26 million.
type delTable struct {
	shift   uint
	wbits   uint
	starts  []uint32 // bucket b holds entries starts[b]:starts[b+1]
	entries []uint32
}

type delEntry struct {
	hash uint64
	word uint32
}

// deletions calls f with the hash of w and of every variant of w with up to
// k bytes removed (duplicates included; callers dedupe), in this order:
// w, then for each i, w without i followed by w without i and each j > i.
func deletions(w string, k int, f func(uint64)) {
	f(hashSkip(w, -1, -1))
	if k < 1 {
		return
	}
	// FNV-1a reads the letters in order: a variant starts from the state
	// after the letters before its first deletion (pre), carried from one
	// i to the next, rather than from the first letter (a word of n letters
	// has n²/2 variants of two deletions).
	pre := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		f(finishHash(fnvFrom(pre, w, i+1, -1), len(w)-1))
		if k >= 2 {
			for j := i + 1; j < len(w); j++ {
				f(finishHash(fnvFrom(pre, w, i+1, j), len(w)-2))
			}
		}
		pre = (pre ^ uint64(w[i])) * fnvPrime
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvFrom goes on from FNV-1a state h with the bytes of w from start, but
// the one at skip.
func fnvFrom(h uint64, w string, start, skip int) uint64 {
	for p := start; p < len(w); p++ {
		if p != skip {
			h ^= uint64(w[p])
			h *= fnvPrime
		}
	}
	return h
}

// uniqueDeletions appends to hs the distinct hashes of the variants of w
// with up to k bytes removed.
func uniqueDeletions(hs []uint64, w string, k int) []uint64 {
	deletions(w, k, func(h uint64) { hs = append(hs, h) })
	slices.Sort(hs)
	return slices.Compact(hs)
}

// hashSkip is FNV-1a of w without the bytes at i and j.
func hashSkip(w string, i, j int) uint64 {
	h := uint64(fnvOffset)
	for p := 0; p < len(w); p++ {
		if p == i || p == j {
			continue
		}
		h ^= uint64(w[p])
		h *= fnvPrime
	}
	return finishHash(h, len(w)-btoi(i >= 0)-btoi(j >= 0))
}

// finishHash mixes the length n of the variant into its FNV-1a state h.
func finishHash(h uint64, n int) uint64 {
	h ^= uint64(n)
	// FNV's low bits mix poorly and the table is indexed by them: finish
	// with murmur3's fmix64.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// delBudget is how many deletions a vocabulary word is indexed with: the
// edit budget of a word one letter longer (budgets count on the longer word
// of a pair), but one only past 12 letters and none past 20.
func delBudget(n int) int {
	switch {
	case n > 20:
		return 0
	case n > 12:
		return 1
	}
	return maxEdits(n + 1)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func buildDelTable(entries []delEntry, words int) delTable {
	// About four entries a bucket: a probe still reads one or two cache
	// lines, and the bucket starts weigh a byte per entry, not two or more.
	bits := uint(1)
	for 1<<bits < len(entries)/4+1 {
		bits++
	}
	t := delTable{shift: 64 - bits, wbits: uint(mbits.Len32(uint32(max(1, words-1)))), starts: make([]uint32, 1<<bits+1), entries: make([]uint32, len(entries))}
	for _, e := range entries {
		t.starts[e.hash>>t.shift+1]++
	}
	for b := 1; b < len(t.starts); b++ {
		t.starts[b] += t.starts[b-1]
	}
	next := slices.Clone(t.starts[:len(t.starts)-1])
	for _, e := range entries {
		b := e.hash >> t.shift
		t.entries[next[b]] = uint32(e.hash)<<t.wbits | e.word
		next[b]++
	}
	return t
}

// gather appends the vocabulary ids whose variants may hash to one of hs
// (an id once for each variant that finds it). Every probe is a load from a
// table far larger than the cache; done in loops that only load, without
// the verification between them, the processor overlaps them: verifying
// each word as its probe found it took a fifth of a query on new words.
func (t *delTable) gather(out []uint32, hs []uint64) []uint32 {
	if len(t.starts) == 0 {
		return out
	}
	var spans [64][2]uint32
	for len(hs) > 0 {
		n := min(len(hs), len(spans))
		for i, h := range hs[:n] {
			b := h >> t.shift
			spans[i] = [2]uint32{t.starts[b], t.starts[b+1]}
		}
		mask := uint32(1)<<t.wbits - 1
		for i, h := range hs[:n] {
			fp := uint32(h) << t.wbits
			for _, e := range t.entries[spans[i][0]:spans[i][1]] {
				if e&^mask == fp {
					out = append(out, e&mask)
				}
			}
		}
		hs = hs[n:]
	}
	return out
}
