package normalize_test

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"testing"

	"embargo/internal/testdata"
	"embargo/normalize"
)

// Measured recall on the public transliteration sets in
// shared/data/name_matching (see its SOURCE.md). The floors are a little
// under the figures measured when the tables were written, so that a
// regression in a table fails the test.

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			up := row[j]
			row[j] = min(row[j]+1, row[j-1]+1, diag+cost)
			diag = up
		}
	}
	return row[len(b)]
}

// canonText applies Canon to every token of a folded text.
func canonText(s string) string {
	f := strings.Fields(s)
	for i, t := range f {
		f[i] = normalize.Canon(t)
	}
	return strings.Join(f, " ")
}

// recall counts how many rows have a variant equal to want after Canon, or
// within edit distance 1 (spaces ignored).
type recall struct {
	rows, exact, canon, ed1, ed2 int
}

func (r *recall) add(want string, vs []normalize.Variant) {
	r.rows++
	want = normalize.Fold(want)
	wantNS := strings.ReplaceAll(want, " ", "")
	wantC := strings.ReplaceAll(canonText(want), " ", "")
	best := 99
	exact, canon := false, false
	for _, v := range vs {
		t := strings.ReplaceAll(v.Text, " ", "")
		exact = exact || t == wantNS
		c := strings.ReplaceAll(canonText(v.Text), " ", "")
		canon = canon || c == wantC
		best = min(best, editDistance(t, wantNS), editDistance(c, wantC))
	}
	if exact {
		r.exact++
	}
	if exact || canon {
		r.canon++
	}
	if exact || canon || best <= 1 {
		r.ed1++
	}
	if exact || canon || best <= 2 {
		r.ed2++
	}
}

func (r recall) pct(n int) float64 { return 100 * float64(n) / float64(r.rows) }

func (r recall) log(t *testing.T, name string) {
	t.Logf("%s: %d rows; exact %.1f%%, after Canon %.1f%%, within edit distance 1 %.1f%%, within 2 %.1f%%",
		name, r.rows, r.pct(r.exact), r.pct(r.canon), r.pct(r.ed1), r.pct(r.ed2))
}

func lines(t *testing.T, rel string, fn func(fields []string)) {
	b := testdata.Read(t, rel)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		fn(strings.Split(sc.Text(), "\t"))
	}
}

func TestRecallRussian(t *testing.T) {
	var r recall
	lines(t, "name_matching/wd_russian_20", func(f []string) {
		if len(f) < 2 {
			t.Fatalf("wd_russian_20: bad row %q", f)
		}
		r.add(f[0], normalize.Romanize(strings.ReplaceAll(f[1], " ", "")))
	})
	r.log(t, "wd_russian_20 (Cyrillic)")
	if r.pct(r.ed1) < floorRussian {
		t.Errorf("Cyrillic recall within edit distance 1 is %.1f%%, below %.1f%%", r.pct(r.ed1), floorRussian)
	}
}

func TestRecallKorean(t *testing.T) {
	var all, names recall
	lines(t, "name_matching/wd_korean", func(f []string) {
		if len(f) < 2 {
			t.Fatalf("wd_korean: bad row %q", f)
		}
		vs := normalize.Romanize(f[1])
		korean := false
		for i := range vs {
			vs[i].Text = sortTokens(vs[i].Text)
			korean = korean || vs[i].Method == "korean-dprk"
		}
		want := sortTokens(normalize.Fold(f[0]))
		all.add(want, vs)
		if korean {
			names.add(want, vs)
		}
	})
	all.log(t, "wd_korean (Hangul, mostly foreign names; tokens compared in sorted order, as Hangul puts the family name first)")
	names.log(t, "wd_korean rows read as Korean names (surname + 1-3 syllables; includes Chinese names in Hangul)")
	if all.pct(all.ed2) < floorKorean {
		t.Errorf("Hangul recall within edit distance 2 is %.1f%%, below %.1f%%", all.pct(all.ed2), floorKorean)
	}
	if names.pct(names.canon) < floorKoreanNames {
		t.Errorf("Korean-name recall after Canon is %.1f%%, below %.1f%%", names.pct(names.canon), floorKoreanNames)
	}
}

func sortTokens(s string) string {
	f := strings.Fields(s)
	slices.Sort(f)
	return strings.Join(f, " ")
}

func TestRecallArabic(t *testing.T) {
	var r recall
	lines(t, "name_matching/google_ar2en.txt", func(f []string) {
		if len(f) < 2 {
			t.Fatalf("google_ar2en.txt: bad row %q", f)
		}
		r.add(f[1], normalize.Romanize(f[0]))
	})
	r.log(t, "google_ar2en (Arabic)")
	if r.pct(r.ed2) < floorArabic {
		t.Errorf("Arabic recall within edit distance 2 is %.1f%%, below %.1f%%", r.pct(r.ed2), floorArabic)
	}
}

const (
	floorRussian     = 75.0
	floorKorean      = 44.0
	floorKoreanNames = 57.0
	floorArabic      = 65.0
)
