package normalize_test

import (
	"testing"

	"embargo/normalize"
)

func TestTransliterateCyrillic(t *testing.T) {
	for _, tc := range []struct{ in, method, want string }{
		// ICAO Doc 9303: й i, х kh, ц ts, щ shch, ы y, ъ ie, ю iu, я ia.
		{"тайсаев", "cyrillic-icao", "taisaev"},
		{"щукин", "cyrillic-icao", "shchukin"},
		{"юлия", "cyrillic-icao", "iuliia"},
		{"подъячев", "cyrillic-icao", "podieiachev"},
		{"хрущёв", "cyrillic-icao", "khrushchev"},
		{"цыганов", "cyrillic-icao", "tsyganov"},
		{"эрнст", "cyrillic-icao", "ernst"},
		// BGN/PCGN: й y, ye initially and after vowels, ю yu, я ya.
		{"тайсаев", "cyrillic-bgn", "taysayev"},
		{"евгений", "cyrillic-bgn", "yevgeniy"},
		{"юлия", "cyrillic-bgn", "yuliya"},
		{"подъячев", "cyrillic-bgn", "podyachev"},
		{"ёлкин", "cyrillic-bgn", "yelkin"},
		// GOST 7.79 B: й j, х x, ц cz before e i y j else c, щ shh, ё yo.
		{"тайсаев", "cyrillic-gost", "tajsaev"},
		{"щукин", "cyrillic-gost", "shhukin"},
		{"цыганов", "cyrillic-gost", "czyganov"},
		{"цвет", "cyrillic-gost", "cvet"},
		{"хрущёв", "cyrillic-gost", "xrushhyov"},
		{"юлия", "cyrillic-gost", "yuliya"},
		// Everyday English, German, French.
		{"тайсаев", "cyrillic-common", "taysaev"},
		{"дмитрий", "cyrillic-common", "dmitry"},
		{"александр", "cyrillic-common", "alexandr"},
		{"фёдор", "cyrillic-common", "fyodor"},
		{"джохар", "cyrillic-common", "jokhar"},
		{"горбачёв", "cyrillic-german", "gorbatschow"},
		{"щукин", "cyrillic-german", "schtschukin"},
		{"путин", "cyrillic-french", "poutin"},
		{"чайковский", "cyrillic-french", "tchaikovski"},
		// Ukrainian: г h, ґ g, и y, і i, ї yi/i, є ye/ie.
		{"зеленський володимир олександрович", "cyrillic-icao", "zelenskii volodimir oleksandrovich"}, // no Ukrainian letter: read as Russian
		{"ґонгадзе георгій", "cyrillic-icao", "gonhadze heorhii"},                                     // national system 2010
		{"їжакевич", "cyrillic-icao", "yizhakevych"},
		{"зеленський іван", "cyrillic-bgn", "zelenskyy ivan"},
		// Belarusian: passports give Aliaksandr Lukashenka.
		{"лукашэнка аляксандр рыгоравіч", "cyrillic-icao", "lukashenka aliaksandr ryhoravich"},
		{"лукашэнка", "cyrillic-bgn", "lukashenka"},
		{"ўладзімір", "cyrillic-bgn", "wladzimir"},
	} {
		got, ok := normalize.TransliterateCyrillic(tc.in, tc.method)
		if !ok || got != tc.want {
			t.Errorf("TransliterateCyrillic(%q, %s) = %q, %v; want %q", tc.in, tc.method, got, ok, tc.want)
		}
	}
	if _, ok := normalize.TransliterateCyrillic("путин", "cyrillic-nope"); ok {
		t.Error("unknown method accepted")
	}
}

func TestRomanizeCyrillic(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"Тайсаев", "taysaev", "cyrillic-bgn"},
		{"Тайсаев", "taisaev", "cyrillic-icao"},
		{"Тайсаев", "tajsaev", "cyrillic-gost"},
		{"Тайсаев", "taysayev", "cyrillic-bgn"},
		{"Путин Владимир Владимирович", "putin vladimir vladimirovich", "cyrillic-icao"},
		{"ПУТИН Владимир", "putin wladimir", "cyrillic-german"},
		{"Дмитрий Медведев", "dmitry medvedev", "cyrillic-common"},
		{"Щербаков Юрий", "shcherbakov yury", "cyrillic-common"},
		{"Милан Радоичић", "milan radoicic", "cyrillic-serbian"},
		{"Жељка Цвијановић", "zeljka cvijanovic", "cyrillic-serbian"},
		{"Зеленський Володимир Олександрович", "zelenskyi volodymyr oleksandrovych", "cyrillic-icao"},
	})
}

func TestRomanizeCyrillicKorean(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"Ким Чен Ын", "kim jong un", "cyrillic-korean"},
		{"Ким Чен Ын", "kim chong un", "cyrillic-korean"},
		{"Ким Ир Сен", "kim il song", "cyrillic-korean"},
		{"Ри Соль Чжу", "ri sol ju", "cyrillic-korean"},
		{"Чхве Рён Хэ", "choe ryong hae", "cyrillic-korean"},
		{"Пак Пон Чжу", "pak pong ju", "cyrillic-korean"},
		{"Ким Ё Чжон", "kim yo jong", "cyrillic-korean"},
		{"Кан Сок Чу", "kang sok ju", "cyrillic-korean"},
	})
	// A Soviet Korean with a Russian given name is read as Russian only.
	// A Russian name gets no Ukrainian reading (Евгений is not Evhenyi).
	for _, v := range normalize.Romanize("Евгений Пригожин") {
		if v.Text == "evhenyi pryhozhyn" {
			t.Errorf("Евгений Пригожин read as Ukrainian: %v", v)
		}
	}
	for _, name := range []string{"Ким Александр Сергеевич", "Пак Ирина"} {
		for _, v := range normalize.Romanize(name) {
			if v.Method == "cyrillic-korean" {
				t.Errorf("%s read as Korean: %v", name, v)
			}
		}
	}
	if vs := normalize.Romanize("Ким Чен Ын"); vs[0].Text != "kim jong un" {
		t.Errorf("Ким Чен Ын: preferred %q", vs[0].Text)
	}
}
