package match

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"embargo"
)

// TestPtokSize: a packed token stays 20 bytes (344,000 of them on the six
// lists); a field added past the padding byte costs 1.4 MB.
func TestPtokSize(t *testing.T) {
	if n := unsafe.Sizeof(ptok{}); n != 20 {
		t.Errorf("ptok is %d bytes, want 20", n)
	}
}

// osaFull is the textbook optimal-string-alignment distance, the reference
// for osa's banded, clamped version.
func osaFull(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestOSABand: osa (bit-parallel up to 64 letters a-z, a banded table beyond),
// and letterPositions.osa whichever word is the longer,
// agrees with the full table on every pair of short words
// over a small alphabet (where swaps and repeats are common), for every
// budget: the exact distance within the budget, k+1 beyond it.
func TestOSABand(t *testing.T) {
	var words []string
	var gen func(prefix string)
	gen = func(prefix string) {
		words = append(words, prefix)
		if len(prefix) < 5 {
			for _, c := range "abc" {
				gen(prefix + string(c))
			}
		}
	}
	gen("")
	long := strings.Repeat("abc", 22) // 66 letters: past osaBits' 64, the banded table
	words = append(words, "abcabcabcabc", "cbacbacbacba", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
		long, long[:65]+"b", "b"+long[1:], long[:10]+"ba"+long[12:], long+"c",
		// Bytes outside a-z: osaBits declines such an a, and finds them in
		// no position of one without.
		"a1", "1a", "ab1c", "a1bc", "zb", "bz", "za1", "ca\xc3\xa9", "\xc3\xa9")
	for _, a := range words {
		var pa letterPositions // a's letters, read once, compared with longer and shorter words alike
		read := pa.set(a)
		for _, b := range words {
			want := osaFull(a, b)
			for k := 0; k <= 6; k++ {
				w := want
				if w > k {
					w = k + 1
				}
				if got := osa(a, b, k); got != w {
					t.Fatalf("osa(%q, %q, %d) = %d, want %d (distance %d)", a, b, k, got, w, want)
				}
				if !read {
					continue
				}
				if got := pa.osa(b, k); got != w {
					t.Fatalf("letterPositions(%q).osa(%q, %d) = %d, want %d (distance %d)", a, b, k, got, w, want)
				}
			}
			if got := osa(a, b, max(len(a), len(b))); got != want {
				t.Fatalf("osa(%q, %q, longer) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestStampsStartAgain: a scratch whose stamps near the end of their range
// starts them again (formAcc compares them for order) and answers as a new
// one does; without that, a query whose stamps wrapped lost the weight of
// its first words.
func TestStampsStartAgain(t *testing.T) {
	ix := NewIndex(persons("Kim Jong Un", "Kim Jong Il", "Jong Un Pak", "Vladimir Putin", "Kim Yo Jong"))
	queries := []embargo.Query{{Name: "Kim Jong Un"}, {Name: "Kim Jong-il"}, {Name: "Wladimir Putin"}}
	opt := Options{Limit: 5} // threshold 0: every candidate, with its score
	var want [][]embargo.Match
	for _, q := range queries {
		want = append(want, ix.Screen(q, opt))
	}
	for _, q := range queries {
		s := ix.getScratch()
		s.stamp = 1<<32 - 3 // the next query's stamps would wrap
		ix.putScratch(s)
		for i, q2 := range queries {
			if got := ix.Screen(q2, opt); !sameHits(got, want[i]) {
				t.Errorf("after %q with old stamps, %q finds %v, want %v", q.Name, q2.Name, hitIDs(got), hitIDs(want[i]))
			}
		}
	}
}

func sameHits(a, b []embargo.Match) bool {
	return slices.EqualFunc(a, b, func(x, y embargo.Match) bool { return x.EntityID == y.EntityID && x.Score == y.Score })
}

func hitIDs(ms []embargo.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %.3f", m.EntityID, m.Score))
	}
	return out
}

// TestClusterForms: the forms are numbered by their most common words
// (the two "mohammed" forms together, apart from entity order), and each
// entity still finds its own forms, in the order of its names, which
// decides which name a tie between equal scores explains.
func TestClusterForms(t *testing.T) {
	ents := persons("Mohammed Ali", "Vladimir Putin", "Mohammed Hassan", "Kim Jong Un")
	ents[1].Names = append(ents[1].Names, embargo.Name{Full: "Wladimir Putin", Kind: embargo.AliasName})
	ix := NewIndex(ents)
	for e := range ents {
		var got []string
		for _, f := range ix.entForms[ix.entStart[e]:ix.entStart[e+1]] {
			if int(ix.formEnt[f]) != e {
				t.Errorf("entity %d lists form %d of entity %d", e, f, ix.formEnt[f])
			}
			ef, _ := ix.unpack(f, make([]token, 0, 8))
			got = append(got, fmt.Sprintf("%d:%s", ef.name, joinText(ef.toks)))
		}
		var want []string
		for _, f := range formsOf(&ents[e], nil, false) {
			want = append(want, fmt.Sprintf("%d:%s", f.name, joinText(f.toks)))
		}
		if !slices.Equal(got, want) {
			t.Errorf("entity %d: forms %v, want %v", e, got, want)
		}
	}
	mo, _ := ix.wordTab.get("mohammed")
	if p := ix.postings.at(mo); len(p) != 2 || p[1] != p[0]+1 {
		t.Errorf("the forms of mohammed are %v, want two in a row", p)
	}
	for w := range ix.words {
		if p := ix.postings.at(uint32(w)); !slices.IsSorted(p) {
			t.Errorf("postings of %q not ascending: %v", ix.words[w], p)
		}
	}
}

// TestWordTable finds every word of tables of many sizes (ids of 1 to 17
// bits, the tags above them from 31 bits to 15) and none of the words left
// out, whatever their slot's tag.
func TestWordTable(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 70000} {
		words := make([]string, n)
		for i := range words {
			words[i] = fmt.Sprintf("w%d", i)
		}
		tab := newWordTable(words)
		for i, w := range words {
			if id, ok := tab.get(w); !ok || id != uint32(i) {
				t.Fatalf("%d words: get(%q) = %d, %v; want %d", n, w, id, ok, i)
			}
		}
		for i := n; i < n+5000; i++ {
			if id, ok := tab.getBytes([]byte(fmt.Sprintf("w%d", i))); ok {
				t.Fatalf("%d words: found w%d, absent, as %d", n, i, id)
			}
		}
	}
}

// TestNeighbourMemo: a query word of the vocabulary keeps its neighbours
// by vid, another by text, both counted against memoMax, and forgetNear
// empties both.
func TestNeighbourMemo(t *testing.T) {
	ix := NewIndex([]embargo.Entity{{ID: "x:1", Schema: embargo.Person,
		Names: []embargo.Name{{Full: "Gennadiy Timchenko", Kind: embargo.PrimaryName}}}})
	ix.Screen(embargo.Query{Name: "Timchenko Gennadyi"}, DefaultOptions()) // one word listed, one not
	vid, ok := ix.wordTab.get("timchenko")
	if !ok {
		t.Fatal("timchenko is not in the vocabulary")
	}
	ns := ix.nearOf[vid].Load()
	if ns == nil || len(ns.hits) == 0 {
		t.Fatalf("timchenko's neighbours not kept by vid: %v", ns)
	}
	if _, ok := ix.memo.Load("gennadyi"); !ok {
		t.Fatal("gennadyi's neighbours not kept by text")
	}
	if n := ix.memoN.Load(); n != 2 {
		t.Fatalf("memoN = %d, want 2", n)
	}
	ix.forgetNear()
	if ix.nearOf[vid].Load() != nil || ix.memoN.Load() != 0 {
		t.Fatal("forgetNear left a neighbour set")
	}
	if _, ok := ix.memo.Load("gennadyi"); ok {
		t.Fatal("forgetNear left gennadyi")
	}
}

// TestInitialsOf: the letters of each form's initials, found by rank, are
// those of its tokens, and a form without initials has none.
func TestInitialsOf(t *testing.T) {
	var ents []embargo.Entity
	for i := range 300 { // forms in several blocks of 64, some with initials
		n := fmt.Sprintf("Name%c Surname%c", 'a'+rune(i%26), 'a'+rune(i/26))
		if i%7 == 0 {
			n = fmt.Sprintf("%c. %c. Surname%c", 'a'+rune(i%26), 'a'+rune((i+3)%26), 'a'+rune(i/26))
		}
		ents = append(ents, embargo.Entity{ID: fmt.Sprint(i), Schema: embargo.Person, Names: []embargo.Name{{Full: n, Kind: embargo.PrimaryName}}})
	}
	ix := NewIndex(ents)
	with := 0
	for f := range uint32(ix.nforms) {
		var want uint32
		for _, p := range ix.ptoks[ix.pforms[f].start:ix.pforms[f+1].start] {
			if w := ix.words[p.vid]; p.kind() == kInitial && w[0] >= 'a' && w[0] <= 'z' {
				want |= 1 << (w[0] - 'a')
			}
		}
		if got := ix.initialsOf(f); got != want {
			t.Fatalf("form %d: initials %b, want %b", f, got, want)
		}
		if want != 0 {
			with++
		}
	}
	if with < 40 {
		t.Fatalf("only %d forms with initials: the test does not reach several blocks", with)
	}
}
