package match

import (
	"strings"
	"testing"

	"embargo"
)

// English silent letters: wh, a first kn, a last mb (ويلر Wheeler, نايت
// Knight, كولوم Coulomb in wd_arabic_20).
func TestSkeletonSilentLetters(t *testing.T) {
	for _, tc := range [][2]string{
		{"wheeler", "wylr"}, {"knight", "nayt"}, {"coulomb", "kulum"}, {"wightman", "waytman"},
	} {
		if skeleton(tc[0]) != skeleton(tc[1]) || !hasSkeleton(tc[0], skeleton(tc[1])) {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q", tc[0], skeleton(tc[0]), tc[1], skeleton(tc[1]))
		}
	}
	for _, w := range []string{"khan", "habib", "bakr", "mbeki", "kanaan"} {
		if !hasSkeleton(w, skeleton(w)) {
			t.Errorf("hasSkeleton(%q) disagrees with skeleton %q", w, skeleton(w))
		}
	}
	if skeleton("mbeki") != "mbk" || skeleton("kanaan") != "kn" {
		t.Errorf("mbeki %q, kanaan %q: only a last mb and a first kn lose a letter", skeleton("mbeki"), skeleton("kanaan"))
	}
}

// A final y is the vowel i in the consonant comparison: عدلي (adli) is
// nearer Adly than Adele (google_ar2en).
func TestConsonantSimYIsI(t *testing.T) {
	if a, b := consonantSim("adli", "adly"), consonantSim("adli", "adele"); a <= b {
		t.Errorf("consonantSim(adli, adly) = %.3f, (adli, adele) = %.3f", a, b)
	}
}

// A Latin word of the same consonants as an Arabic-script word, but with a
// vowel where the Arabic script would write one and does not, or without
// the vowel of a letter it writes, is another name: محمد is Muhammad, not
// Mahmud or Mahmoud (محمود); حسن is Hasan, not Hussein (حسين); منصور is
// Mansur, not Mansar. Vowels the script leaves out are no fault.
func TestVowelFaults(t *testing.T) {
	for _, tc := range []struct {
		ar, lat string
		want    int
	}{
		{"محمد", "muhammad", 0}, {"محمد", "mohamed", 0}, {"محمود", "mahmoud", 0}, {"محمود", "mahmud", 0},
		{"محمد", "mahmud", 1}, {"محمد", "mahmoud", 1}, {"حسن", "hasan", 0}, {"حسن", "hussein", 1},
		{"حسين", "hussein", 0}, {"كوبر", "cuper", 0}, {"كوبر", "kobori", 2}, {"ران", "erwin", 3},
		{"عمر", "omar", 0}, {"سوزان", "susanne", 0}, {"كام", "camm", 0}, {"طارق", "tariq", 0},
		{"عباس", "abbas", 0}, {"ایران", "iran", 0}, {"قاسم", "qasim", 0},
		{"محمد", "mahmudov", -1}, // consonants that do not line up: not judged
		// Spellings of the consonants that line up: Persian h, v, gh and z,
		// French dj and ou, a last eh of ta marbuta.
		{"فرهاد", "farhad", 0}, {"علوی", "alavi", 0}, {"باقری", "bagheri", 0}, {"رضا", "reza", 0},
		{"اشتری", "kateri", 3}, {"اورور", "aurore", 0}, {"اورور", "faria", 1}, {"مهاجر", "mouhadjir", 0}, {"سلامة", "salameh", 0}, {"ألكوك", "alcock", 0}, {"ألكوك", "alak", -1},
		// A long vowel written is one the Latin word writes, and of its kind.
		{"منصور", "mansur", 0}, {"منصور", "mansar", 1}, {"منصور", "mansr", 1}, {"سالم", "salim", 0},
		{"سالم", "silim", 1}, {"استانکزی", "stanekzai", 0}, {"باكنر", "buckner", 0},
		{"ماكميلان", "mcmillan", 0}, {"نايت", "knight", 0}, {"تورغوت", "turgut", 0}, {"ألبوكيرك", "albuquerque", 0},
		// Two vowel letters together are both written: أوكي is Aoki, not
		// Aki; أليسيو Alessio, not Alesi. An a beside another is a
		// diphthong's (Brown, Bourgoin, English i in Knight and Fry),
		// English u is /ju/ (Cube), Portuguese nh is ny (Carvalho), and
		// Persian writes a silent و in خوا (Khajeh).
		{"أوكي", "aoki", 0}, {"أوكي", "aki", 1}, {"أليسيو", "alessio", 0}, {"أليسيو", "alesi", 1},
		{"أميليو", "amelio", 0}, {"أميليو", "amelia", 1}, {"عواد", "awad", 0}, {"عواد", "aouad", 0},
		{"براون", "brown", 0}, {"بورجوان", "bourgoin", 0}, {"فراي", "fry", 0}, {"كيوب", "cube", 0},
		{"كارفاليو", "carvalho", 0}, {"خواجه", "khajeh", 0}, {"بارجويل", "barguil", 0}, {"مصطفى", "mustafa", 0},
		// A first y or w before a vowel is a consonant the script writes.
		// تش is one consonant: ch, c, tch (كاتشو Cacho, أندريتش Andric,
		// ريتشي Ritchie) or the t and sh it writes (Katsho).
		{"كاتشو", "cacho", 0}, {"أندريتش", "andric", 0}, {"ريتشي", "ritchie", 0}, {"كاتشو", "katsho", 0}, {"كاتشو", "kamu", otherCons},
		// A last ه may write a vowel, which the Latin word then writes.
		{"أندريه", "andre", 0}, {"أنكه", "anke", 0}, {"أنكه", "ank", 1}, {"نبيه", "nabih", 0}, {"زاده", "zada", 0},
		{"إلينا", "yuliana", 1}, {"إلينا", "eliana", 0}, {"ياسين", "yasin", 0}, {"وليد", "walid", 0}, {"أحمد", "wahmad", 1},
	} {
		if got := vowelFaults(tc.ar, tc.lat); got != tc.want {
			t.Errorf("vowelFaults(%s, %s) = %d, want %d", tc.ar, tc.lat, got, tc.want)
		}
	}
	// The skeleton match pays for them.
	q, c := word("mahamad", "محمد", true), word("mahmud", "mahmud", false)
	right := word("muhammad", "muhammad", false)
	if a, b := tokenSimOf(&q, &c), tokenSimOf(&q, &right); a >= b || a > 0.7 {
		t.Errorf("محمد (mahamad): Mahmud %.3f, Muhammad %.3f", a, b)
	}
	// A skeleton whose consonants line up with the Arabic letters is the
	// better one.
	q = word("alakuk", "ألكوك", true)
	alcock, alak := word("alcock", "alcock", false), word("alak", "alak", false)
	if a, b := tokenSimOf(&q, &alcock), tokenSimOf(&q, &alak); a <= b {
		t.Errorf("ألكوك (alakuk): Alcock %.3f, Alak %.3f", a, b)
	}
}

func tokenSimOf(q, c *token) float64 {
	s, _, _ := tokenSim(q, c, "arabic", "exact")
	return s
}

// A word of one consonant has no skeleton: an Arabic-script one is matched
// to the Latin words of that consonant whose vowels stand where its vowel
// letters do (آبي Abe, آن Anne, ليل Lell), and found by it.
func TestOneConsonant(t *testing.T) {
	for w, want := range map[string]byte{"abe": 'b', "lell": 'l', "gigi": 'j', "anne": 'n', "adil": 0, "axe": 0, "a": 0, "aaa": 0} {
		if got := oneConsonant(w); got != want {
			t.Errorf("oneConsonant(%q) = %q, want %q", w, got, want)
		}
	}
	for _, tc := range []struct {
		ar, spelt, lat string
		match          bool
	}{
		{"آبي", "abi", "abe", true}, {"آن", "an", "anne", true}, {"ليل", "lil", "lell", true}, {"ادي", "adi", "edie", true},
		{"آبي", "abi", "abbo", false}, {"آن", "an", "nina", false}, {"ليل", "lil", "lol", false},
	} {
		q, c := word(tc.spelt, tc.ar, true), word(tc.lat, tc.lat, false)
		if s := tokenSimOf(&q, &c); (s > 0) != tc.match {
			t.Errorf("%s (%s) ~ %s: %.3f, want a match %v", tc.ar, tc.spelt, tc.lat, s, tc.match)
		}
	}
	ix := NewIndex(persons("Anne", "Nina Nouri", "Ann Nash Ross"))
	if hits := ix.Screen(embargo.Query{Name: "آن"}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != "0" {
		t.Errorf("آن: %+v, want Anne", hits)
	}
}

// A letter-by-letter spelling that happens to be a table spelling of
// another word (أديل adil, عادل's) still has guessed vowels: it is matched
// by skeleton (Adele); the table's own spelling of a word is not.
func TestTableSpellingOfItsWord(t *testing.T) {
	flag := func(name, text string) bool {
		for _, f := range forms(name, embargo.Person) {
			for _, tk := range f.toks {
				if tk.text == text {
					return tk.arabic
				}
			}
		}
		t.Fatalf("%s: no token %s", name, text)
		return false
	}
	if !flag("أديل", "adil") || flag("عادل", "adil") {
		t.Errorf("أديل adil arabic %v, عادل adil arabic %v; want true, false", flag("أديل", "adil"), flag("عادل", "adil"))
	}
}

// European spellings of sounds that Arabic script writes otherwise are
// read as it writes them, for an Arabic-script word: the sound y, which it
// writes ي (j, ll, gli, gn, lj: ياك Jäck, كاستيون Castillón, أنيزي Agnesi,
// ماليكوفيتش Maljković), the w that is v (فاليم Walem, أولشيفسكي
// Olszewski), the h that only lengthens a vowel (أكوا Acquah, آرونسون
// Aaronsohn), Spanish j and g before e, i, which it writes خ
// (أليخاندرو Alejandro), and French letters not said at the end (أرنو
// Arnaud, غوج Gouges); the index finds the Latin word by that reading.
func TestEuropeanReading(t *testing.T) {
	for w, want := range map[string]string{"jack": "yack", "joacim": "yoacim", "castillon": "castiyon", "castiglia": "castiyia",
		"agnesi": "anyesi", "djamel": "", "allen": "ayen", "russell": "", "jamal": "yamal", "kim": "",
		"maljkovic": "malykovic", "walem": "valem", "olszewski": "olszevski", "andrews": "", "acquah": "acqua",
		"aaronsohn": "aaronson", "ahlefeld": "alefeld", "kuhn": "kun", "ahmad": "", "shahid": "", "sheikh": "",
		"zierer": "tsierer", "annovazzi": "annovatsi", "klotz": "", "szabo": ""} {
		if got := europeanReading(w); got != want {
			t.Errorf("europeanReading(%q) = %q, want %q", w, got, want)
		}
	}
	for w, want := range map[string]string{"alejandro": "alekhandro", "angelino": "ankhelino", "djamel": "", "guido": "", "kim": ""} {
		if got := spanishReading(w); got != want {
			t.Errorf("spanishReading(%q) = %q, want %q", w, got, want)
		}
	}
	for _, tc := range [][3]string{{"ياك", "yak", "jack"}, {"كاستيون", "kastywn", "castillon"}, {"أنيزي", "anizi", "agnesi"},
		{"فاليم", "falim", "walem"}, {"أكوا", "akawa", "acquah"}, {"أليخاندرو", "alikhanadaru", "alejandro"}, {"ماليكوفيتش", "malikufich", "maljkovic"}} {
		q, c := word(tc[1], tc[0], true), word(tc[2], tc[2], false)
		if s := tokenSimOf(&q, &c); s < 0.75 {
			t.Errorf("%s (%s) ~ %s: %.3f", tc[0], tc[1], tc[2], s)
		}
	}
	// A word spelt with kh is the better match of خ than one read so.
	q := word("khalil", "خليل", true)
	kh, j := word("khalil", "khalil", false), word("jalil", "jalil", false)
	if a, b := tokenSimOf(&q, &kh), tokenSimOf(&q, &j); a <= b || b == 0 {
		t.Errorf("خليل: Khalil %.3f, Jalil %.3f", a, b)
	}
	for w, want := range map[string]string{"arnaud": "arnau", "thibault": "thibau", "gouges": "gouge", "jomard": "jomar", "benoit": "benoi",
		"bonnier": "bonnie", "hebert": "heber", "ahmad": "", "said": "", "abbas": "", "aziz": "", "carlos": "", "mohamed": "", "ahmadou": ""} {
		if got := frenchReading(w); got != want {
			t.Errorf("frenchReading(%q) = %q, want %q", w, got, want)
		}
	}
	for _, tc := range []struct{ q, want string }{{"ياك", "Jack"}, {"أليخاندرو", "Alejandro"}, {"فاليم", "Walem"}, {"أرنو", "Arnaud"}, {"غوج", "Gouges"}} {
		ix := NewIndex(persons(tc.want, "Kay Yates", "Alexander Lamb"))
		if hits := ix.Screen(embargo.Query{Name: tc.q}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != "0" {
			t.Errorf("%s: %+v, want %s", tc.q, hits, tc.want)
		}
	}
}

// A word of the Arabic name table matches a Latin spelling the table does
// not list when its consonants and vowels agree (سليمان, spelt sulayman:
// Souleymane), not when they do not (محمد, muhammad: Mahmud).
func TestTableSkeleton(t *testing.T) {
	for _, tc := range []struct {
		ar, spelt, lat string
		match          bool
	}{
		{"مصطفى", "mustafa", "moustfa", true}, {"سليمان", "sulayman", "souleymane", true}, {"محمد", "muhammad", "mahmud", false}, {"محمد", "muhammad", "mahmoud", false},
	} {
		q, c := word(tc.spelt, tc.ar, false), word(tc.lat, tc.lat, false)
		if s := tokenSimOf(&q, &c); (s > 0) != tc.match {
			t.Errorf("%s (%s) ~ %s: %.3f, want a match %v", tc.ar, tc.spelt, tc.lat, s, tc.match)
		}
	}
	// The index finds such a spelling by the word's skeleton, its vowels
	// judged (ناجي, spelt naji: Najee); a z is no ش (شادي: Chadi, not
	// Zadi).
	if f := vowelFaults("شادي", "zadi"); f != 1 {
		t.Errorf("vowelFaults(شادي, zadi) = %d, want a fault", f)
	}
	for _, tc := range []struct{ q, want, other string }{{"ناجي", "Najee", "Nagai"}, {"شادي", "Chadi", "Zadi"}} {
		ix := NewIndex(persons(tc.other, tc.want))
		if hits := ix.Screen(embargo.Query{Name: tc.q}, Options{Limit: 1}); len(hits) == 0 || hits[0].EntityID != "1" {
			t.Errorf("%s: %+v, want %s", tc.q, hits, tc.want)
		}
	}
}

// word is a token of one word as makeTokens makes it (what it works out
// of the text included), read from orig, its vowels guessed if arabic.
func word(text, orig string, arabic bool) token {
	t := makeTokens([]string{text}, []string{orig})[0]
	t.arabic = arabic
	return t
}

// readings agrees with the readings it stands for.
func TestReadings(t *testing.T) {
	for _, w := range []string{"jack", "djamel", "allen", "russell", "walem", "acquah", "ahmad", "george", "guido", "kim", "alejandro",
		"maljkovic", "hadj", "gigi", "agnesi", "castiglia", "castillon", "aaronsohn", "olszewski", "andrews", "ahlefeld", "hajj", "gllo", "gnn", "jj", "w", "h", "ah"} {
		r := readings(w)
		for _, bit := range []uint8{readEu, readEs, readFr} {
			if (r&bit != 0) != (readingOf(w, bit) != "") {
				t.Errorf("readings(%q) = %b; reading %b: %q", w, r, bit, readingOf(w, bit))
			}
		}
	}
}

// A reading that writes the article apart (العواضي al awadi) keeps the
// word as written for the word without it, so that its vowels are judged
// (Aouadhi, Adaileh); the article of a compound (عبد الرحمن) and Allah
// (امان اللهی, aman al lahi) are not split so. A word a reading joins
// from two keeps its Latin text, and the words after it their own, where
// a split elsewhere gives the reading as many words as the name.
func TestAlignArabic(t *testing.T) {
	for _, tc := range []struct {
		origs, words, want string
	}{
		{"العواضي", "al awadi", "ال عواضي"},
		{"علي العواضي", "ali al awadi", "علي ال عواضي"},
		{"العواضي", "alawadi", "العواضي"},
		{"عبد الرحمن", "abd al rahman", ""},
		{"امان اللهی", "aman al lahi", ""},
		{"ال", "al x", ""},
		{"عبد الله السندي", "abdullah al sanadi", "abdullah ال سندي"},
		{"محمد صلاح الدين عبد الحليم زيدان", "mohammed salaheddine abdul halim zidan", "محمد salaheddine عبد الحليم زيدان"},
		{"حرز الله", "haraz al lah", ""},
	} {
		got := strings.Join(alignArabic(strings.Fields(tc.origs), strings.Fields(tc.words)), " ")
		if got != tc.want {
			t.Errorf("alignArabic(%s, %s) = %q, want %q", tc.origs, tc.words, got, tc.want)
		}
	}
	var orig string
	for _, f := range forms("العواضي", embargo.Person) {
		for _, tk := range f.toks {
			if tk.text == "awadi" {
				orig = tk.orig
			}
		}
	}
	if orig != "عواضي" {
		t.Errorf("العواضي: awadi written %q, want عواضي", orig)
	}
}
