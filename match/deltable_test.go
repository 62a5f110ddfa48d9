package match

import (
	"slices"
	"testing"
)

// Every deletion variant of a word finds the word, whatever the number of
// bits its id takes (the rest of the entry holds hash bits).
func TestDelTableFindsEveryVariant(t *testing.T) {
	words := []string{"kim", "jong", "mohammad", "abdulrahman", "hussein"}
	for _, vocab := range []int{len(words), 1 << 18, 1<<31 + 5} {
		ids := make([]uint32, len(words))
		var entries []delEntry
		for i, w := range words {
			ids[i] = uint32(vocab - len(words) + i) // the highest ids of the vocabulary
			for _, h := range uniqueDeletions(nil, w, delBudget(len(w))) {
				entries = append(entries, delEntry{hash: h, word: ids[i]})
			}
		}
		tab := buildDelTable(entries, vocab)
		for i, w := range words {
			deletions(w, delBudget(len(w)), func(h uint64) {
				got := tab.gather(nil, []uint64{h})
				if !slices.Contains(got, ids[i]) {
					t.Errorf("vocabulary %d: a variant of %q finds %v, not %d", vocab, w, got, ids[i])
				}
			})
		}
		none := tab.gather(nil, []uint64{hashSkip("zzzzzz", -1, -1)})
		if vocab == len(words) && len(none) > 0 {
			t.Errorf("a word never indexed finds %v", none)
		}
	}
}

// deletions gives the hashes hashSkip gives each variant, in its order,
// whether it reads a word's letters once (up to maxFuzzyLen) or not.
func TestDeletionsAsHashSkip(t *testing.T) {
	long := "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq" // past maxFuzzyLen
	for _, w := range []string{"", "a", "ab", "kim", "mohammad", "abdulrahman", "\xc3\xa9t\xc3\xa9", long[:maxFuzzyLen], long} {
		for k := 0; k <= 2; k++ {
			want := []uint64{hashSkip(w, -1, -1)}
			for i := 0; k > 0 && i < len(w); i++ {
				want = append(want, hashSkip(w, i, -1))
				for j := i + 1; k > 1 && j < len(w); j++ {
					want = append(want, hashSkip(w, i, j))
				}
			}
			var got []uint64
			deletions(w, k, func(h uint64) { got = append(got, h) })
			if !slices.Equal(got, want) {
				t.Errorf("deletions(%q, %d): %d hashes, not hashSkip's %d (or not the same)", w, k, len(got), len(want))
			}
		}
	}
}
