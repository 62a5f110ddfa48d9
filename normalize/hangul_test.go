package normalize_test

import (
	"testing"

	"embargo/normalize"
)

func TestRomanizeKoreanNames(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"김정은", "kim jong un", "korean-dprk"},
		{"김정은", "gim jeong eun", "hangul-rr"},
		{"김정은", "kim jeong eun", "hangul-rr"}, // customary surname spelling
		{"김정은", "kim chong un", "hangul-mr"},
		{"김 정은", "kim jong un", "korean-dprk"},
		{"박지성", "park ji seong", "hangul-rr"},
		{"박지성", "pak chi song", "hangul-mr"},
		{"이민호", "lee min ho", "hangul-rr"},
		{"이민호", "ri min ho", "korean-dprk"}, // the DPRK keeps the initial ㄹ
		{"이민호", "yi min ho", "hangul-mr"},
		// Where systems agree Romanize keeps the first method's label.
		{"최룡해", "choe ryong hae", ""},
		{"최룡해", "choi ryong hae", "hangul-rr"},
		{"리설주", "ri sol ju", ""},
		{"김여정", "kim yo jong", ""},
		{"김대중", "kim tae jung", "hangul-mr"}, // MR voicing: Tae-jung
		{"남궁민", "namgoong min", "hangul-rr"}, // two-syllable surname
	})
}

func TestRomanizeHangulWords(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"조지 워싱턴", "joji wosingteon", "hangul-rr"},
		{"독립", "dongnip", "hangul-rr"},   // nasalisation
		{"종로", "jongno", "hangul-rr"},    // ㄹ after ㅇ is n
		{"십리", "simni", "hangul-rr"},     // ㅂ+ㄹ -> m n
		{"맥아더", "maegadeo", "hangul-rr"}, // liaison
		{"맥아더", "maegado", "hangul-mr"},
		{"스미스", "smis", "hangul-loan"}, // loanword: epenthetic ㅡ dropped
	})
}

func TestRomanizeKana(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"トヨタ", "toyota", "kana-hepburn"},
		{"さっぽろ", "sapporo", "kana-hepburn"},
		{"しんじ", "shinji", "kana-hepburn"},
		{"マッチャ", "matcha", "kana-hepburn"},
	})
}

func TestIsKoreanSurnameHangul(t *testing.T) {
	for s, want := range map[string]bool{"김": true, "남궁": true, "리": true, "조지": false, "워": false} {
		if got := normalize.IsKoreanSurnameHangul(s); got != want {
			t.Errorf("IsKoreanSurnameHangul(%q) = %v", s, got)
		}
	}
}

func TestRomanizeHangulSyllable(t *testing.T) {
	for r, want := range map[rune]string{'김': "gim", '정': "jeong", '은': "eun", '쌍': "ssang", '의': "ui", 'a': ""} {
		if got := normalize.RomanizeHangulSyllable(r); got != want {
			t.Errorf("RomanizeHangulSyllable(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestRomanizeHangulLoan(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"줄리언 어산지", "julion osanji", "hangul-loan"}, // ㄹㄹ is one l
		{"제임스 쿡", "jeims kuk", "hangul-loan"},
		{"칭기즈 칸", "chinggiz kan", "hangul-loan"},
		{"루이 9세", "rui ix", "hangul-loan"},                // a ruler's ordinal
		{"프톨레마이오스 13세", "ptolemaios xiii", "hangul-loan"}, // 즈 z
		{"시몬 드 보부아르", "shimon de bobuar", "hangul-loan"},  // 드 alone is de
		{"레너드 코언", "lenerd koon", "hangul-loan"},          // ㄹ l, ㅓ er (the alternative reading)
		{"프랭크 허버트", "frangk hervert", "hangul-loan"},      // ㅍ f, ㅂ v; ㄹ inside a word r
		{"시몬 드 보부아르", "simon de bobuareu", "hangul-rr"},   // a particle is one in every reading
		{"루트비히 판 베토벤", "ruteubihi van betoben", "hangul-rr"},
		{"요한 야코프", "johann jakof", "hangul-loan"},         // a y-glide starting a word is j, a common given name as it is spelt (the alternative reading)
		{"존 하워드", "john haward", "hangul-loan"},           // 워 inside a word is English war
		{"엘리자베스 1세", "ellijabeseu i", "hangul-rr"},        // an ordinal is a Roman numeral in every reading
		{"뮌히하우젠 남작", "mwinhihaujen baron", "hangul-loan"}, // a title as English writes it
		{"헤센 공녀 엘리자베트", "hesen princess elijabet", "hangul-loan"},
		{"트라야누스", "trayan", "hangul-loan"}, // Trajan: no -us, as English writes Latin names
		{"율리아누스", "julian", "hangul-loan"},
	})
	for _, n := range []string{"김정은", "김 정은", "병철 김", "예준 준영 박", "리 설주", "남궁 민수"} {
		if !normalize.IsKoreanName(n) {
			t.Errorf("IsKoreanName(%q) = false", n)
		}
	}
	// 스, 트: a loanword; 리 캐터몰: three given-name syllables written apart (Lee Cattermole)
	for _, n := range []string{"조지 워싱턴", "로버트 루이스 스티븐슨", "줄리언 어산지", "이스코", "진 빈센트", "리 캐터몰"} {
		if normalize.IsKoreanName(n) {
			t.Errorf("IsKoreanName(%q) = true", n)
		}
	}
}
