package normalize

import "testing"

func TestPinyinToHangul(t *testing.T) {
	for syl, want := range map[string]string{
		"mao": "마오", "ze": "쩌", "dong": "둥", "jiang": "장", "zhang": "장", "min": "민",
		"quan": "취안", "xiao": "샤오", "ping": "핑", "zhou": "저우", "xun": "쉰", "jian": "젠",
		"xie": "셰", "wei": "웨이", "zhi": "즈", "si": "쓰", "tian": "톈", "jia": "자", "xiong": "슝",
	} {
		if got := pinyinToHangul(syl); got != want {
			t.Errorf("pinyinToHangul(%q) = %q, want %q", syl, got, want)
		}
	}
}

func TestRomanizeHangulChinese(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"마오쩌둥", "mao zedong"},
		{"장쩌민", "jiang zemin"},
		{"창완취안", "chang wanquan"},
		{"덩샤오핑", "deng xiaoping"},
		{"루쉰", "lu xun"},
		{"저우언라이", "zhou enlai"},
	} {
		vs := romanizeHangul(Fold(tc.in))
		found := false
		for _, v := range vs {
			found = found || v.Method == "hangul-pinyin" && v.Text == tc.want
		}
		if !found {
			t.Errorf("%s: no hangul-pinyin %q in %v", tc.in, tc.want, vs)
		}
	}
	// Korean and European names are not read as pinyin.
	for _, in := range []string{"김정은", "조지 워싱턴", "리설주", "마리아"} {
		for _, v := range romanizeHangul(Fold(in)) {
			if v.Method == "hangul-pinyin" {
				t.Errorf("%s read as pinyin: %q", in, v.Text)
			}
		}
	}
}
