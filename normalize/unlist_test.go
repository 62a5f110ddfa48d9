package normalize_test

import (
	"encoding/csv"
	"encoding/xml"
	"maps"
	"os"
	"slices"
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
	byScript := scriptScores{}
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
		latin := strings.Join([]string{ind.First, ind.Second, ind.Third, ind.Fourth}, " ")
		byScript.add(t, ind.Original, latin)
	}
	byScript.log(t, "UN list")
	if s := byScript[normalize.Arabic]; s == nil || s.pct(s.ed1) < floorUNArabic {
		t.Errorf("Arabic names on the UN list: recall below %.0f%%", floorUNArabic)
	}
}

// scriptScores counts, per script of the original name, how many tokens of
// the Latin name some token of some variant matches.
type scriptScores map[string]*tokenScore

type tokenScore struct{ tokens, exact, ed1 int }

func (s *tokenScore) pct(n int) float64 { return 100 * float64(n) / float64(max(1, s.tokens)) }

func (m scriptScores) add(t *testing.T, original, latin string) {
	sc := normalize.DetectScript(original)
	s := m[sc]
	if s == nil {
		s = &tokenScore{}
		m[sc] = s
	}
	var got []string
	for _, v := range normalize.Romanize(original) {
		// as the matcher does, adjacent tokens also count joined
		// ("abdul rahim" for Abdulrahim, "jong un" for Jongun)
		ws := normalize.Tokens(v.Text)
		for i, w := range ws {
			got = append(got, normalize.Canon(w))
			if i+1 < len(ws) {
				got = append(got, normalize.Canon(w+ws[i+1]))
			}
		}
	}
	for _, w := range normalize.Tokens(normalize.Fold(latin)) {
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
		} else if os.Getenv("NORMALIZE_MISSES") != "" {
			t.Logf("miss %s: %q in %q", sc, w, original)
		}
	}
}

func (m scriptScores) log(t *testing.T, list string) {
	for _, sc := range slices.Sorted(maps.Keys(m)) {
		s := m[sc]
		t.Logf("%s, %s original script: %d Latin name tokens; %.1f%% matched after Canon, %.1f%% within edit distance 1",
			list, sc, s.tokens, s.pct(s.exact), s.pct(s.ed1))
	}
}

// TestRecallUKNonLatin measures Romanize on the OFSI consolidated list,
// whose rows give a name in Name 1..Name 6 and the same name in "Name
// Non-Latin Script" (Russian, Belarusian, Ukrainian, Arabic, Persian,
// Korean, Chinese): the share of Latin tokens matched as above.
func TestRecallUKNonLatin(t *testing.T) {
	f, err := os.Open(testdata.Path(t, "uk/ofsi_ConList_2025-04-10_DERIVED_from_xlsx.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil { // "Last Updated,dd/mm/yyyy"
		t.Fatal(err)
	}
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		i := slices.Index(head, name)
		if i < 0 {
			t.Fatalf("ConList: no column %q", name)
		}
		return i
	}
	nonLatin := col("Name Non-Latin Script")
	names := []int{col("Name 1"), col("Name 2"), col("Name 3"), col("Name 4"), col("Name 5"), col("Name 6")}
	groupType := col("Group Type")
	byScript := scriptScores{}
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if len(rec) <= nonLatin || rec[nonLatin] == "" || len(rec) <= groupType || rec[groupType] != "Individual" {
			continue
		}
		var latin []string
		for _, i := range names {
			latin = append(latin, rec[i])
		}
		byScript.add(t, rec[nonLatin], strings.Join(latin, " "))
	}
	byScript.log(t, "UK ConList individuals")
	for sc, floor := range floorUK {
		if s := byScript[sc]; s == nil || s.pct(s.ed1) < floor {
			t.Errorf("UK ConList, %s names: recall below %.0f%%", sc, floor)
		}
	}
}

const floorUNArabic = 88.0

var floorUK = map[string]float64{normalize.Cyrillic: 94, normalize.Arabic: 87}
