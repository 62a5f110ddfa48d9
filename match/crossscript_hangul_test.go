package match

import "testing"

func TestHangulMatchesLatin(t *testing.T) {
	for _, tc := range []struct {
		hangul, latin string // the hangul-loan reading of a Wikidata name, its Latin form
		want          bool
	}{
		{"valthaim", "waldheim", true}, // 발트하임: German w is ㅂ
		{"koon", "cohen", true},        // 코언: h between vowels silent
		{"renod", "leonard", true},     // 레너드
		{"jak", "jacques", true},       // 자크: French final s silent
		{"shirak", "chirac", true},     // 시라크: French ch
		{"yohan", "johann", true},      // 요한: German j
		{"hainrihi", "heinrich", true}, // 하인리히: German ch
		{"bokachio", "boccaccio", true},
		{"betoben", "beethoven", true},  // 베토벤
		{"shubartsu", "schwarz", true},  // 슈바르츠: German z
		{"pongpidu", "pompidou", false}, // m before p is not ㅇ
		{"betoben", "batman", false},
		{"klaujebitsu", "clausewitz", true},   // 클라우제비츠: German s before a vowel
		{"rudbihi", "ludwig", true},           // 루드비히: German -ig
		{"elijabes", "elizabeth", true},       // 엘리자베스: English th
		{"wigo", "hugo", true},                // 위고: French h silent
		{"dwinang", "dunant", true},           // 뒤낭: French final t silent
		{"puko", "foucault", true},            // 푸코: French -ault
		{"woko", "walker", true},              // 워커: English alk
		{"mitsukiebichi", "mickiewicz", true}, // 미츠키에비치: Polish ck
		{"kurt", "kirk", false},
	} {
		if got := hangulMatchesLatin(tc.hangul, tc.latin); got != tc.want {
			var b [32]byte
			t.Errorf("hangulMatchesLatin(%q, %q) = %v, want %v (key %q)", tc.hangul, tc.latin, got, tc.want, hangulConsonants(b[:0], tc.hangul))
		}
	}
}
