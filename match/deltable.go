package match

import (
	"slices"
)

// delTable maps the hash of every deletion variant of every vocabulary word
// (up to maxEdits letters removed, SymSpell-style) to the words that give it.
// Two words within k edits share a variant with at most k deletions on each
// side, so looking up the query word's variants finds every word within
// its edit budget in a few hash probes, whatever the vocabulary size.
type delTable struct {
	mask  uint64
	slots []delSlot
	vals  []uint32 // vocabulary ids, grouped by slot
}

type delSlot struct {
	hash   uint64
	off, n uint32 // vals[off:off+n]; n == 0 marks an empty slot
}

type delEntry struct {
	hash uint64
	word uint32
}

// deletions calls f with the hash of w and of every variant of w with up to
// k bytes removed (duplicates included; callers dedupe).
func deletions(w string, k int, f func(uint64)) {
	f(hashSkip(w, -1, -1))
	if k < 1 {
		return
	}
	for i := 0; i < len(w); i++ {
		f(hashSkip(w, i, -1))
		if k < 2 {
			continue
		}
		for j := i + 1; j < len(w); j++ {
			f(hashSkip(w, i, j))
		}
	}
}

// hashSkip is FNV-1a of w without the bytes at i and j.
func hashSkip(w string, i, j int) uint64 {
	h := uint64(14695981039346656037)
	for p := 0; p < len(w); p++ {
		if p == i || p == j {
			continue
		}
		h ^= uint64(w[p])
		h *= 1099511628211
	}
	h ^= uint64(len(w) - btoi(i >= 0) - btoi(j >= 0)) // length in, so "ab"+"c" ≠ "abc" collisions stay rare
	return h
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func buildDelTable(entries []delEntry) delTable {
	slices.SortFunc(entries, func(a, b delEntry) int {
		if a.hash != b.hash {
			if a.hash < b.hash {
				return -1
			}
			return 1
		}
		return int(a.word) - int(b.word)
	})
	entries = slices.Compact(entries)
	runs := 0
	for i := range entries {
		if i == 0 || entries[i].hash != entries[i-1].hash {
			runs++
		}
	}
	size := 1
	for size < 2*runs+1 {
		size <<= 1
	}
	t := delTable{mask: uint64(size - 1), slots: make([]delSlot, size), vals: make([]uint32, len(entries))}
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].hash == entries[i].hash {
			t.vals[j] = entries[j].word
			j++
		}
		p := entries[i].hash & t.mask
		for t.slots[p].n != 0 {
			p = (p + 1) & t.mask
		}
		t.slots[p] = delSlot{hash: entries[i].hash, off: uint32(i), n: uint32(j - i)}
		i = j
	}
	return t
}

// get returns the vocabulary ids whose variants hash to h.
func (t *delTable) get(h uint64) []uint32 {
	if len(t.slots) == 0 {
		return nil
	}
	for p := h & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s.n == 0 {
			return nil
		}
		if s.hash == h {
			return t.vals[s.off : s.off+s.n]
		}
	}
}
