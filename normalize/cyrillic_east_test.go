package normalize

import (
	"strings"
	"testing"
	"time"
)

func TestCyrillicEast(t *testing.T) {
	for _, tc := range []struct{ in, method, want string }{
		// Polivanov (Japanese): ти chi, си shi, дз z, дзи ji, цу tsu, э e.
		{"митикадзу", "cyrillic-japanese", "michikazu"},
		{"кигути", "cyrillic-japanese", "kiguchi"},
		{"акэхаси", "cyrillic-japanese", "akehashi"},
		{"иваидзуми", "cyrillic-japanese", "iwaizumi"},
		{"дзиндзи", "cyrillic-japanese", "jinji"},
		{"коитиро", "cyrillic-japanese", "koichiro"},
		{"хаттори хандзо", "cyrillic-japanese", "hattori hanzo"},
		{"синдзо абэ", "cyrillic-japanese", "shinzo abe"},
		{"синдзо абе", "cyrillic-japanese", "shinzo abe"},
		// Palladius (Chinese): цз j/z, чж zh, с x before i, юй yu, ун ong.
		{"мао цзэдун", "cyrillic-chinese", "mao zedong"},
		{"ицзин", "cyrillic-chinese", "yijing"},
		{"вэньсю", "cyrillic-chinese", "wenxiu"},
		{"юйтун", "cyrillic-chinese", "yutong"},
		{"нинцзи", "cyrillic-chinese", "ningji"},
		{"си цзиньпин", "cyrillic-chinese", "xi jinping"},
		{"чжоу эньлай", "cyrillic-chinese", "zhou enlai"},
		{"цзян цзэминь", "cyrillic-chinese", "jiang zemin"},
	} {
		got := ""
		for _, v := range romanizeCyrillic(tc.in) {
			if v.Method == tc.method {
				got = v.Text
			}
		}
		if got != tc.want {
			t.Errorf("%s %q = %q, want %q (%v)", tc.method, tc.in, got, tc.want, romanizeCyrillic(tc.in))
		}
	}
	// Russian names get neither reading.
	for _, in := range []string{"путин владимир владимирович", "сергей лавров", "дмитрий медведев", "иван петров"} {
		for _, v := range romanizeCyrillic(in) {
			if v.Method == "cyrillic-japanese" || v.Method == "cyrillic-chinese" {
				t.Errorf("%q read as %s: %q", in, v.Method, v.Text)
			}
		}
	}
}

func TestCyrillicForeignH(t *testing.T) {
	for in, want := range map[string]string{
		"хагиги":          "hagigi",       // Haghighi
		"хути":            "huti",         // Houthi
		"абу мухаммад":    "abu muhammad", // Abu Muhammad
		"пахомов роман":   "",             // a Russian surname keeps kh
		"ахмед хасанович": "",             // a patronymic: the name is read as Russian
	} {
		if got := cyrillicForeignH(in, langRu); got != want {
			t.Errorf("cyrillicForeignH(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCyrillicPolish(t *testing.T) {
	for in, want := range map[string]string{
		"пшиборовский": "przyborowski",
		"тшебятовский": "trzebiatowski",
		"кшиштоф":      "krzysztof",
		"люциан":       "lucjan",
		"иван петров":  "", // no Polish spelling
	} {
		if got := cyrillicPolishName(in, langRu); got != want {
			t.Errorf("cyrillicPolishName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The Palladius and pinyin-in-Hangul parsers back off and retry: a long
// word that parses almost to its end must not take exponential time.
func TestEastParsersBounded(t *testing.T) {
	start := time.Now()
	romanizeCyrillic(strings.Repeat("ан", 40) + "бэ")
	romanizeHangul(strings.Repeat("마오", 30) + "쩌둥")
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("two long names took %v", d)
	}
}

func TestCyrillicBelarusian(t *testing.T) {
	for _, tc := range []struct {
		in   string
		lang cyrLang
		want string
	}{
		{"игорь иванович бузовский", langRu, "ігар іванавіч бузоўскі"},  // Ihar Ivanavich BUZOUSKI
		{"сергей евгеньевич зубков", langRu, "сяргей яўгеневіч зубкоў"}, // Siarhei Yaugenavich ZUBKOU
		{"белякоў алег мікалаевіч", langBe, "беляков олег николаевич"},  // Oleg Nikolaevich BELIAKOV
		{"путин", langRu, ""}, // no given name, no patronymic
	} {
		if got := cyrillicBelarusian(tc.in, tc.lang); got != tc.want {
			t.Errorf("cyrillicBelarusian(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	romanized := false
	for _, v := range romanizeCyrillic("игорь иванович бузовский") {
		romanized = romanized || v.Text == "ihar ivanavich buzouski"
	}
	if !romanized {
		t.Errorf("игорь иванович бузовский: no reading ihar ivanavich buzouski in %v", romanizeCyrillic("игорь иванович бузовский"))
	}
}
