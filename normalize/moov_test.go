package normalize_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"embargo/internal/testdata"
	"embargo/normalize"
)

// TestMoovCrossScriptPairs reads watchman's hand-labelled cross-script
// pairs (Query,Expected Match,...) and checks that for the scripts we
// romanize some variant matches every token of the expected Latin name
// after Canon, within edit distance 1. Hebrew, Thai and Japanese kanji go
// through unidecode and are only logged, and so is Greek, whose pair asks
// for a translation (Αλέξανδρος is Alexandros, not Alexander).
func TestMoovCrossScriptPairs(t *testing.T) {
	b := testdata.Read(t, "name_matching/moov_cross_script_pairs.csv")
	covered := map[string]bool{normalize.Cyrillic: true, normalize.Hangul: true, normalize.Han: true, normalize.Arabic: true}
	sc := bufio.NewScanner(bytes.NewReader(b))
	n, ok := 0, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ",")
		if len(f) < 2 {
			t.Fatalf("moov_cross_script_pairs.csv: bad line %q", line)
		}
		query, want := f[0], f[1]
		vs := normalize.Romanize(query)
		hit := false
		for _, v := range vs {
			hit = hit || tokensMatch(v.Text, normalize.Fold(want))
		}
		script := normalize.DetectScript(query)
		if script == normalize.Han && strings.HasPrefix(f[3], "Common Japanese") {
			script = "Japanese kanji"
		}
		n++
		if hit {
			ok++
		}
		switch {
		case hit:
		case covered[script]:
			t.Errorf("%s (%s): no variant matches %q; got %v", query, script, want, vs)
		default:
			t.Logf("%s (%s, not covered): %q vs %v", query, script, want, vs)
		}
	}
	t.Logf("moov cross-script pairs: %d of %d matched", ok, n)
}

// tokensMatch reports whether every token of want has a token of got equal
// after Canon or within edit distance 1; joined given names ("jinping",
// "abdullah") count when the concatenation of adjacent tokens matches.
func tokensMatch(got, want string) bool {
	g := normalize.Tokens(got)
	var keys []string
	for i := range g {
		keys = append(keys, normalize.Canon(g[i]))
		if i+1 < len(g) {
			keys = append(keys, normalize.Canon(g[i]+g[i+1]))
		}
	}
	for _, w := range normalize.Tokens(want) {
		c := normalize.Canon(w)
		found := false
		for _, k := range keys {
			if editDistance(c, k) <= 1 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
