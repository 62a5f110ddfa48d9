package match

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"embargo"
)

// FuzzScreen feeds the matcher arbitrary names in every script it reads:
// a screening must never panic, every score must lie in [0, 1], the hits
// must come best first, and the same query must give the same answer.
func FuzzScreen(f *testing.F) {
	ents := persons("Kim Jong Un", "김정은", "Тайсаев Казбек Куцукович", "محمد عبد الله", "Muhammad Abdullah",
		"ASHTARI, Mahmud", "金正恩", "Vladimir Putin", "Jean-Luc Picard", "O'Brien McMillan", "Ali", "Abe",
		"Anne", "Castillón", "IMO 9123456", "יוסף כהן", "Ⅻ XIII 13", "Ли Мён Бак")
	ix := NewIndex(ents)
	for _, s := range []string{"Kim Chong Un", "김정은", "Ким Чен Ын", "محمد اشتری", "آبي", "ياك", "Taysaev K.K.",
		"필립 루드비히 폰 자이델", "조슬랭 1세", "", " ", "a", "ـــ", "\u200f\u200e", "ﷺ", "ｋｉｍ", "ǅ", "🙂🙂",
		"1234567", "M/V", "x\x00y", "\xff\xfe", "ΑБ", "Путинπ 김Ким", "ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا ا",
		"بببببببببببببببببببببببببببببببببببببببببببببببب"} {
		f.Add(s, "")
		f.Add(s, "1976-11-11")
	}
	f.Fuzz(func(t *testing.T, name, dob string) {
		q := embargo.Query{Name: name}
		if d, err := embargo.ParseDate(dob); err == nil {
			q.BirthDate = d
		}
		opt := Options{Limit: 5}
		a := ix.Screen(q, opt)
		for i, m := range a {
			if m.Score < 0 || m.Score > 1 {
				t.Fatalf("%q: score %v of %s outside [0, 1]", name, m.Score, m.EntityID)
			}
			if i > 0 && m.Score > a[i-1].Score {
				t.Fatalf("%q: hits not best first: %v", name, hitIDs(a))
			}
		}
		if b := ix.Screen(q, opt); !slices.EqualFunc(a, b, func(x, y embargo.Match) bool {
			return x.EntityID == y.EntityID && x.Score == y.Score
		}) {
			t.Fatalf("%q: %v, then %v", name, hitIDs(a), hitIDs(b))
		}
		// At a threshold, the candidates the bound leaves out change
		// nothing (bound.go): the same hits as with every one aligned.
		at := Options{Limit: 5, Threshold: 0.5}
		if w, wo := ix.Screen(q, at), ix.screen(q, at, false); !reflect.DeepEqual(w, wo) {
			t.Fatalf("%q at 0.5: %v with the bound, %v without", name, hitIDs(w), hitIDs(wo))
		}
		if m := CompareNames(name, "Kim Jong Un", ""); m.Score < 0 || m.Score > 1 {
			t.Fatalf("CompareNames(%q): %v", name, m.Score)
		}
		// The same name as a list's: indexing must take any name, and a
		// name that finds its own entry, of its schema, matches it exactly
		// (unless the query was cut: maxNameBytes). Without a schema it
		// need not: "MV 0" may be a vessel's name, its prefix dropped.
		own := NewIndex(persons(name, "Kim Jong Un"))
		for _, m := range own.Screen(embargo.Query{Name: "Kim Jong Un"}, opt) {
			if m.Score < 0 || m.Score > 1 {
				t.Fatalf("Kim Jong Un against a list with %q: score %v", name, m.Score)
			}
		}
		if w, wo := own.Screen(embargo.Query{Name: "Kim Jong-un " + name}, at), own.screen(embargo.Query{Name: "Kim Jong-un " + name}, at, false); !reflect.DeepEqual(w, wo) {
			t.Fatalf("Kim Jong-un %q at 0.5 against a list with it: %v with the bound, %v without", name, hitIDs(w), hitIDs(wo))
		}
		for _, m := range own.Screen(embargo.Query{Name: name, Schema: embargo.Person}, opt) {
			if m.EntityID == "0" && m.Score != 1 && len(name) <= maxNameBytes {
				t.Fatalf("%q against itself: %v", name, hitIDs([]embargo.Match{m}))
			}
		}
	})
}

// TestLongQueries: a query's names are cut to maxNameBytes and MaxNames,
// at a character boundary, and a word longer than maxFuzzyLen is looked up
// as written only. Uncut, a name of 20,000 words took 1.8 s, and a word of
// 10,000 letters (50 million deletion variants) more than 30 s.
func TestLongQueries(t *testing.T) {
	huge := strings.Repeat("김정은 محمد ", 20000)
	var many []string
	for range 1000 {
		many = append(many, huge)
	}
	p := prepare(embargo.Query{Name: huge, Names: many}, nil)
	for _, f := range p.forms {
		// A word and the space after it: two bytes at least.
		if len(f.toks) > maxNameBytes/2+1 {
			t.Errorf("a form of %d words, want at most %d", len(f.toks), maxNameBytes/2+1)
		}
	}
	if len(p.forms) > MaxNames*8 {
		t.Errorf("%d forms from %d names, want the first %d names' only", len(p.forms), 1+len(many), MaxNames)
	}
	if got := cutAt("김정은", 4); got != "김" {
		t.Errorf("cutAt(김정은, 4) = %q, want 김", got)
	}
	ix := NewIndex(persons("Kim Jong Un"))
	s := ix.getScratch()
	defer ix.putScratch(s)
	long := token{text: strings.Repeat("a", 10000), kind: kWord}
	ix.lookup(&long, s, func(uint32, float32) {})
	if long.near != nil {
		t.Errorf("a 10,000-letter word was looked up within an edit budget")
	}
	if hits := ix.Screen(embargo.Query{Name: "Kim Jong Un " + strings.Repeat("x", 100000)}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != "0" {
		t.Errorf("a name with a 100,000-letter tail: %v, want Kim Jong Un found", hitIDs(hits))
	}
}
