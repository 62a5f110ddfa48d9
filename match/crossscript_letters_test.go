package match

import (
	"slices"
	"testing"

	"embargo"
)

// A Latin word whose consonants line up with the letters of an
// Arabic-script word, each a spelling of its letter the reading did not
// choose, is that word: ق as g (Gulf and Sudanese spellings), ث as s or
// z, ض as z (Persian, Turkic), an h the reading split from the consonant
// before it. A spelling the letter's class allows only for a reading of
// another letter is not: ق is never j, ك no g, ض no s, تش no s alone.
func TestArabicLetterSim(t *testing.T) {
	for _, tc := range []struct {
		spelt, ar, lat string
		match          bool
	}{
		{"aqili", "عقيلي", "aghily", true},
		{"anaqawi", "عنقاوي", "angawi", true},
		{"qasim", "قاسم", "gassim", true},
		{"mirdyayf", "ميرضيايف", "mirziyoyev", true},
		{"anduytha", "أندويثا", "andueza", true},
		{"uthman", "عثمان", "osman", true},
		{"almalaham", "الملحم", "almolhem", true},
		{"almahaduy", "المهدوي", "almhadoui", true},
		{"qamal", "قمال", "jamal", false},
		{"rida", "رضا", "risa", false},
		{"kaluch", "كلوتش", "kloss", false},
		{"lil", "ليل", "lol", false},
	} {
		q, c := word(tc.spelt, tc.ar, true), word(tc.lat, tc.lat, false)
		s := tokenSimOf(&q, &c)
		if (s >= 0.8) != tc.match {
			t.Errorf("%s (%s) ~ %s: %.3f, want a match %v", tc.ar, tc.spelt, tc.lat, s, tc.match)
		}
	}
	// كمال ~ Gamal is one edit apart (editSim), but no match by letters.
	var ab [24]uint32
	var ag [25]uint8
	acons, agaps := arabicGaps(ab[:0], ag[:0], "كمال")
	if f := lineUpAs(acons, agaps, "gamal", true); f != otherCons {
		t.Errorf("lineUpAs(كمال, gamal, strict) = %d, want otherCons", f)
	}
	if f := lineUpAs(acons, agaps, "kamal", true); f != 0 {
		t.Errorf("lineUpAs(كمال, kamal, strict) = %d, want 0", f)
	}
	// Found by the skeletons of those spellings, and first.
	ix := NewIndex(persons("Ali Aghily", "Ali Akyol", "Khalid Almolhem", "Khalid Almalki"))
	for q, want := range map[string]string{"علي عقيلي": "0", "خالد الملحم": "2"} {
		if hits := ix.Screen(embargo.Query{Name: q}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != want {
			t.Errorf("%s: %+v, want entity %s", q, hits, want)
		}
	}
	// تش written tsh, its t kept (Tshisekedi, Altsheler).
	ix = NewIndex(persons("Felix Tshisekedi", "Mark Altsheler", "Felix Sisko"))
	for q, want := range map[string]string{"فيليكس تشيسكيدي": "0", "مارك ألتشيلر": "1"} {
		if hits := ix.Screen(embargo.Query{Name: q}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != want || !hits[0].Matched {
			t.Errorf("%s: %+v, want entity %s matched", q, hits, want)
		}
	}
}

// arabicAltKeys spells each letter every way it may be, less the reading's
// own skeleton.
func TestArabicAltKeys(t *testing.T) {
	for _, tc := range []struct {
		ar, k string
		want  []string
	}{
		{"عقيلي", "kl", []string{"jl"}},
		{"الملحم", "lmlhm", []string{"lmlm"}},
		{"ميرضيايف", "mrdf", []string{"mrsf"}},
		{"محمد", "mhmd", []string{"md"}}, // Moroccan Mhamed, whose h the skeleton drops
		{"سالم", "slm", nil},
		{"أشترنبوش", "strnbs", []string{"ktrnbk", "strnbk", "ktrnbs"}}, // Achternbusch: ch, then sch
		{"تشيسكيدي", "kskd", []string{"skd", "tskd", "tkskd"}},         // Tshisekedi: tsh keeps its t
		{"ميتشل", "mkl", []string{"msl", "mtsl", "mtkl"}},              // Mitchell: so does tch
	} {
		var ab [24]uint32
		var ag [25]uint8
		acons, agaps := arabicGaps(ab[:0], ag[:0], tc.ar)
		var got []string
		keys, _ := arabicAltKeys(nil, nil, acons, agaps, []byte(tc.k))
		for _, k := range keys {
			got = append(got, string(k))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("arabicAltKeys(%s) = %q, want %q", tc.ar, got, tc.want)
		}
	}
}

// The quick test of arabicLetterSim lets through every first letter a
// Latin word lining up with the letters may have: a vowel, a spelling of
// the first consonant's classes, or a letter such a spelling starts with
// (Charles تشارلز, Djamel جمال).
func TestArabicLetterStarts(t *testing.T) {
	for _, tc := range []struct {
		spelt, ar, may, mayNot string
	}{
		{"jamal", "جمال", "jgdaeiouyw", "kqcstbmlnrhfpvxz"},
		{"aqili", "عقيلي", "kqcgjdxt", "slmnrbfhpvz"},
		{"sharlz", "تشارلز", "tcks", "jgdlmnrbfhpv"},
		{"mirdyayf", "ميرضيايف", "m", "ndsztjgk"},
	} {
		q := word(tc.spelt, tc.ar, true)
		l := newArabicLetterSet(&q)
		for i := 0; i < len(tc.may); i++ {
			if !l.mayStart(tc.may[i]) {
				t.Errorf("%s: a word starting with %c turned down", tc.ar, tc.may[i])
			}
		}
		for i := 0; i < len(tc.mayNot); i++ {
			if l.mayStart(tc.mayNot[i]) {
				t.Errorf("%s: a word starting with %c let through", tc.ar, tc.mayNot[i])
			}
		}
	}
}

// The Canon key does not make a Latin word a romanization variant of a
// word read from Arabic script where the script's letters give its vowels
// a fault (الأعرج: Araj, not Araiji, whose last i the script would
// write), nor where the key is the article's (عاضد read add, آس as: no
// A'al). An article the Latin spelling leaves out costs little (العلاقي
// Allagui).
func TestArabicCanonAndArticle(t *testing.T) {
	for _, tc := range []struct {
		ar, better, worse string
	}{
		{"الأعرج", "araj", "araiji"},
		{"العاضد", "adid", "a'al"},
		{"آس", "aas", "a'al"},
	} {
		b, w := CompareNames(tc.ar, tc.better, "").Score, CompareNames(tc.ar, tc.worse, "").Score
		if b <= w {
			t.Errorf("%s: %s %.3f, not above %s %.3f", tc.ar, tc.better, b, tc.worse, w)
		}
	}
	if s := CompareNames("العلاقي", "Allagui", "").Score; s < DefaultThreshold {
		t.Errorf("العلاقي ~ Allagui: %.3f, want a match", s)
	}
}
