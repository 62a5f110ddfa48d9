package hs

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Candidate is a code proposed for a free-text description. It is a guess to
// be reviewed, never a classification.
type Candidate struct {
	Code        string   `json:"code"`
	Level       Level    `json:"level"`
	Description string   `json:"description"`
	Score       float64  `json:"score"`   // share of the query's weight matched, in (0,1]
	Matched     []string `json:"matched"` // the query words found in the description
}

// Index is an inverted index from description words to codes.
type Index struct {
	post map[string][]string // word -> codes whose description holds it
	idf  map[string]float64
	nom  *Nomenclature
}

// stop are words too common in HS descriptions to tell codes apart.
var stop = map[string]bool{
	"and": true, "or": true, "the": true, "of": true, "for": true, "with": true, "not": true, "other": true,
	"than": true, "whether": true, "but": true, "in": true, "its": true, "their": true, "thereof": true,
	"parts": true, "nec": true, "n.e.c": true, "etc": true, "such": true, "as": true, "a": true, "an": true,
	"by": true, "to": true, "on": true, "from": true, "be": true, "this": true, "these": true, "any": true,
}

// words splits text into lower-case index terms, folding simple plurals so
// that "coals" finds "coal" and "batteries" finds "battery".
func words(text string) []string {
	f := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := f[:0]
	for _, w := range f {
		if len(w) < 3 || stop[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

func buildIndex(n *Nomenclature) *Index {
	ix := &Index{post: map[string][]string{}, idf: map[string]float64{}, nom: n}
	for code, e := range n.entries {
		seen := map[string]bool{}
		for _, w := range words(e.Description) {
			if !seen[w] {
				seen[w] = true
				ix.post[w] = append(ix.post[w], code)
			}
		}
	}
	total := float64(len(n.entries))
	for w, codes := range ix.post {
		sort.Strings(codes)
		ix.idf[w] = math.Log(1 + total/float64(len(codes)))
	}
	return ix
}

// Search scores every code holding at least one query word by the idf weight
// of the words it holds over the query's total weight; ties go to the deeper
// level (a subheading is a more useful proposal than its chapter), then to
// the lower code.
func (ix *Index) Search(text string, limit int) []Candidate {
	q := words(text)
	var total float64
	seen := map[string]bool{}
	var terms []string
	for _, w := range q {
		if !seen[w] {
			seen[w] = true
			terms = append(terms, w)
			total += ix.idf[w] + 0.5 // unknown words still weigh: a query of unknown words scores low
		}
	}
	score := map[string]float64{}
	matched := map[string][]string{}
	for _, w := range terms {
		for _, c := range ix.post[w] {
			score[c] += ix.idf[w] + 0.5
			matched[c] = append(matched[c], w)
		}
	}
	out := make([]Candidate, 0, len(score))
	for c, s := range score {
		e := ix.nom.entries[c]
		out = append(out, Candidate{Code: c, Level: e.Level, Description: e.Description, Score: s / total, Matched: matched[c]})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if len(a.Code) != len(b.Code) {
			return len(a.Code) > len(b.Code)
		}
		return a.Code < b.Code
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
