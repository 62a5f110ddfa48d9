package normalize

import "strings"

// surnameForms are the spellings of one Korean surname: south is the
// customary South Korean passport spelling (Kim, Lee, Park, Choi), mr the
// McCune–Reischauer one, north the DPRK one, which keeps the initial ㄹ the
// South drops (리 Ri for 이 Lee, 림 Rim for 임 Lim).
type surnameForms struct{ south, mr, north string }

// customarySurnames lists surname, customary spelling (National Institute
// of Korean Language survey of passport spellings, 2000s): the most common
// ~110 surnames, which cover over 99 % of the population.
const customarySurnames = `김 kim 이 lee 박 park 최 choi 정 jung 강 kang 조 cho 윤 yoon 장 jang
임 lim 한 han 오 oh 서 seo 신 shin 권 kwon 황 hwang 안 ahn 송 song 류 ryu 유 yoo 홍 hong
전 jeon 고 ko 문 moon 양 yang 손 son 배 bae 백 baek 허 heo 남 nam 심 shim 노 noh 하 ha
곽 kwak 성 sung 차 cha 주 joo 우 woo 구 koo 나 na 민 min 진 jin 지 ji 엄 eom 채 chae 원 won
천 cheon 방 bang 공 kong 현 hyun 함 ham 변 byun 염 yeom 여 yeo 추 choo 도 do 소 so 석 seok
선 sun 설 seol 마 ma 길 gil 연 yeon 위 wi 표 pyo 명 myung 기 ki 반 ban 라 ra 왕 wang
금 keum 옥 ok 육 yook 인 in 맹 maeng 제 je 모 mo 탁 tak 국 kook 어 eo 은 eun 편 pyeon
용 yong 예 ye 경 kyung 봉 bong 사 sa 부 boo 가 ka 두 doo 감 kam 동 dong 좌 jwa 피 pi
견 kyun 목 mok 태 tae 계 kye 승 seung 시 si 온 on 간 kan 상 sang 빈 bin 단 dan 호 ho
리 lee 림 lim 로 roh 량 yang 룡 yong 렴 yeom 려 yeo 륙 yook 라 ra 란 ran
황보 hwangbo 남궁 namgoong 제갈 jegal 선우 sunwoo 독고 dokgo 사공 sagong 서문 seomun
동방 dongbang 어금 eogeum 망절 mangjeol`

// northOverrides: surnames the DPRK spells with the initial ㄹ restored.
var northOverrides = map[string]string{
	"이": "ri", "임": "rim", "유": "ryu", "양": "ryang", "노": "ro", "나": "ra",
	"육": "ryuk", "염": "ryom", "여": "ryo", "용": "ryong", "류": "ryu", "리": "ri",
	"림": "rim", "로": "ro", "량": "ryang", "룡": "ryong", "렴": "ryom", "려": "ryo",
}

// mrOverrides: Library of Congress MR practice for the surname 이.
var mrOverrides = map[string]string{"이": "yi", "리": "ri"}

var koreanSurnames = buildSurnames()

func buildSurnames() map[string]surnameForms {
	f := strings.Fields(customarySurnames)
	m := make(map[string]surnameForms, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		h := f[i]
		sf := surnameForms{south: f[i+1], mr: mrWord(h, &mrInitial), north: mrWord(h, &dprkInitial)}
		if o, ok := mrOverrides[h]; ok {
			sf.mr = o
		}
		if o, ok := northOverrides[h]; ok {
			sf.north = o
		}
		m[h] = sf
	}
	return m
}

// mrWord romanizes a short Hangul word syllable by syllable with word-initial
// forms for the first and voiced forms after it.
func mrWord(h string, first *[19]string) string {
	var b []byte
	var prev syllable
	for i, r := range h {
		s := decompose(r)
		ini := first[s.l]
		if i > 0 && voicedEnd(prev) {
			ini = mrVoiced[s.l]
		}
		b = appendSyllable(b, s, ini, &mrMedial)
		prev = s
	}
	return string(b)
}

// IsKoreanSurnameHangul reports whether s (one or two Hangul syllables) is a
// Korean surname.
func IsKoreanSurnameHangul(s string) bool {
	_, ok := koreanSurnames[s]
	return ok
}
