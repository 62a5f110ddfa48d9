package normalize_test

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"embargo/internal/testdata"
	"embargo/normalize"
)

// TestRecallUNOriginalScript measures Romanize on the UN consolidated list,
// whose individuals carry both the Latin name (FIRST_NAME..FOURTH_NAME) and
// NAME_ORIGINAL_SCRIPT: the share of Latin name tokens that some token of
// some variant matches after Canon, exactly or within edit distance 1.
func TestRecallUNOriginalScript(t *testing.T) {
	f, err := os.Open(testdata.Path(t, "un_sc_consolidated/consolidated_2025-11-29.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type individual struct {
		First    string `xml:"FIRST_NAME"`
		Second   string `xml:"SECOND_NAME"`
		Third    string `xml:"THIRD_NAME"`
		Fourth   string `xml:"FOURTH_NAME"`
		Original string `xml:"NAME_ORIGINAL_SCRIPT"`
	}
	type score struct{ tokens, exact, ed1 int }
	byScript := map[string]*score{}
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "INDIVIDUAL" {
			continue
		}
		var ind individual
		if err := dec.DecodeElement(&ind, &se); err != nil {
			t.Fatalf("consolidated_2025-11-29.xml: %v", err)
		}
		if ind.Original == "" {
			continue
		}
		sc := normalize.DetectScript(ind.Original)
		s := byScript[sc]
		if s == nil {
			s = &score{}
			byScript[sc] = s
		}
		var got []string
		for _, v := range normalize.Romanize(ind.Original) {
			for _, w := range normalize.Tokens(v.Text) {
				got = append(got, normalize.Canon(w))
			}
		}
		latin := normalize.Fold(strings.Join([]string{ind.First, ind.Second, ind.Third, ind.Fourth}, " "))
		for _, w := range normalize.Tokens(latin) {
			c := normalize.Canon(w)
			s.tokens++
			best := 99
			for _, g := range got {
				best = min(best, editDistance(c, g))
			}
			if best == 0 {
				s.exact++
			}
			if best <= 1 {
				s.ed1++
			} else if os.Getenv("UNMISS") != "" {
				t.Logf("miss %s: %q in %q", sc, w, ind.Original)
			}
		}
	}
	for sc, s := range byScript {
		t.Logf("UN list, %s original script: %d Latin name tokens; %.1f%% matched after Canon, %.1f%% within edit distance 1",
			sc, s.tokens, 100*float64(s.exact)/float64(s.tokens), 100*float64(s.ed1)/float64(s.tokens))
	}
	if s := byScript[normalize.Arabic]; s == nil || float64(s.ed1) < floorUNArabic*float64(s.tokens)/100 {
		t.Errorf("Arabic names on the UN list: recall below %.0f%%", floorUNArabic)
	}
}

const floorUNArabic = 88.0
