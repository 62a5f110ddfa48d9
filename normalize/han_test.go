package normalize_test

import (
	"testing"

	"embargo/normalize"
)

func TestRomanizeHan(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"习近平", "xi jinping", "han-pinyin"},
		{"习近平", "xi jin ping", "han-pinyin"},
		{"李明", "li ming", "han-pinyin"},
		{"王伟", "wang wei", "han-pinyin"},
		{"欧阳修", "ouyang xiu", "han-pinyin"},
		{"張學良", "zhang xueliang", "han-pinyin"}, // traditional forms
		{"金正恩", "kim jong un", "han-korean"},
		{"金正恩", "jin zhengen", "han-pinyin"},
		{"金日成", "kim il song", "han-korean"},
		{"朴槿惠", "park geun hye", "han-korean"},
		{"崔龍海", "choe yong hae", "han-korean"},
		{"金與正", "kim yo jong", "han-korean"},
		{"Jin Tiesan (金铁三)", "jin tiesan jin tiesan", "han-pinyin"}, // Latin words kept whole
		{"阿不都·哈克", "abdul haq", "han-pinyin"},                       // Arabic names in Xinhua transcription
		{"奥萨马·本·拉登", "osama bin laden", "han-pinyin"},
		{"买买提明·艾力", "memet ming ali", "han-pinyin"},
	})
	for _, v := range normalize.Romanize("王本伟") {
		if v.Text == "wang bin wei" {
			t.Errorf("王本伟 read as an Arabic name: %v", v)
		}
	}
	first := map[string]string{"习近平": "xi jinping", "朴槿惠": "park geun hye", "王伟": "wang wei"}
	for in, want := range first {
		if vs := normalize.Romanize(in); vs[0].Text != want {
			t.Errorf("Romanize(%q) prefers %q, want %q", in, vs[0].Text, want)
		}
	}
	// 王 is no Korean surname here: no Sino-Korean reading.
	for _, v := range normalize.Romanize("习近平") {
		if v.Method == "han-korean" {
			t.Errorf("习近平 read as Korean: %v", v)
		}
	}
	// A character outside the table is read by unidecode, and said so.
	vs := normalize.Romanize("龘")
	if len(vs) == 0 || vs[0].Method != "unidecode" {
		t.Errorf("Romanize(龘) = %v, want a unidecode variant", vs)
	}
}

func TestPinyinOf(t *testing.T) {
	for r, want := range map[rune]string{'习': "xi", '張': "zhang", '曾': "zeng", '单': "shan", '吕': "lu"} {
		if got, ok := normalize.PinyinOf(r); !ok || got != want {
			t.Errorf("PinyinOf(%q) = %q, %v; want %q", r, got, ok, want)
		}
	}
	if _, ok := normalize.PinyinOf('a'); ok {
		t.Error("PinyinOf('a') found a reading")
	}
}
