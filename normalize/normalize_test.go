package normalize_test

import (
	"slices"
	"strings"
	"testing"

	"embargo/normalize"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Тайсаев", "тайсаев"}, // й keeps its breve: Romanize needs it
		{"ЁЛКИН Ёлкин", "ёлкин ёлкин"},
		{"Ch'oe Ryong-Hae", "choe ryong hae"},
		{"MÜLLER, Hans-Peter", "muller hans peter"},
		{"ŁÓDŹ Straße Ørsted", "lodz strasse orsted"},
		{"ＫＩＭ　Ｊｏｎｇ", "kim jong"}, // full-width, NFKC
		{"  kim   jong  un ", "kim jong un"},
		{"kim jong un", "kim jong un"},
		{"مُحَمَّد", "محمد"}, // harakat are optional
		{"عبـــد", "عبد"},    // tatweel
		{"김정은", "김정은"},
		{"Ἀλέξανδρος", "αλεξανδροσ"}, // final sigma folds to σ, as in Unicode case folding
		{"Влади́мир", "владимир"},    // stress accent
		{"Nguyễn Tấn Dũng", "nguyen tan dung"},
		{"Heydər Əliyev", "heydar aliyev"},
		{"", ""},
		{"--", ""},
	} {
		if got := normalize.Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if normalize.Fold("й") == normalize.Fold("и") {
		t.Error("Fold must keep й apart from и")
	}
}

func TestDetectScript(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kim Jong Un", normalize.Latin},
		{"Путин", normalize.Cyrillic},
		{"김정은", normalize.Hangul},
		{"金正恩", normalize.Han},
		{"محمد", normalize.Arabic},
		{"山田たろう", normalize.Kana},
		{"Путин 김정은", normalize.Mixed},
		{"Ким Jong", normalize.Cyrillic},
		{"123", ""},
	} {
		if got := normalize.DetectScript(tc.in); got != tc.want {
			t.Errorf("DetectScript(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// has reports whether vs holds text made by method ("" for any method).
func has(vs []normalize.Variant, text, method string) bool {
	return slices.ContainsFunc(vs, func(v normalize.Variant) bool {
		return v.Text == text && (method == "" || v.Method == method)
	})
}

// romanizeCases checks that Romanize(in) gives every want (text, method).
func romanizeCases(t *testing.T, cases []struct{ in, text, method string }) {
	t.Helper()
	for _, tc := range cases {
		vs := normalize.Romanize(tc.in)
		if !has(vs, tc.text, tc.method) {
			t.Errorf("Romanize(%q) lacks %q by %s; got %v", tc.in, tc.text, tc.method, vs)
		}
	}
}

func TestRomanizeLatinIsExact(t *testing.T) {
	vs := normalize.Romanize("Kim Jong-Un")
	if len(vs) != 1 || vs[0] != (normalize.Variant{Text: "kim jong un", Method: "exact"}) {
		t.Errorf("Romanize(Latin) = %v", vs)
	}
}

func TestRomanizeDistinctASCII(t *testing.T) {
	for _, name := range []string{"Путин Владимир Владимирович", "김정은", "金正恩", "محمد علي", "Ким Чен Ын", "Αλέξανδρος", "משה", "สมชาย"} {
		vs := normalize.Romanize(name)
		if len(vs) == 0 {
			t.Errorf("Romanize(%q) gave nothing", name)
		}
		seen := map[string]bool{}
		for _, v := range vs {
			if seen[v.Text] {
				t.Errorf("Romanize(%q) repeats %q", name, v.Text)
			}
			seen[v.Text] = true
			for i := 0; i < len(v.Text); i++ {
				if c := v.Text[i]; c >= 0x80 || c != ' ' && !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
					t.Errorf("Romanize(%q) = %q (%s): not folded ASCII", name, v.Text, v.Method)
					break
				}
			}
			if v.Text != strings.TrimSpace(v.Text) || strings.Contains(v.Text, "  ") {
				t.Errorf("Romanize(%q) = %q: stray spaces", name, v.Text)
			}
		}
	}
}

func TestRomanizeFallback(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"Νικόλαος", "nikolaos", "greek-elot"},
		{"Δημήτρης Ιωαννίδης", "dimitris ioannidis", "greek-elot"},
		{"Ευάγγελος Μπακογιάννης", "evangelos bakogiannis", "greek-elot"},
		{"สมชาย", "smchaay", "unidecode"},
		{"Путин 김정은", "putin kim jeong eun", "cyrillic-icao"}, // mixed: word by word
	})
}

func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"Тайсаев", "Ch'oe Ryong-Hae", "MÜLLER, Hans", "مُحَمَّد علي", "김정은", "金正恩", "Ἀλέξανδρος", "Heydər Əliyev", "สมชาย", "हिन्दी नाम", "خامنه‌ای", "טנג'יל"} {
		f := normalize.Fold(s)
		if ff := normalize.Fold(f); ff != f {
			t.Errorf("Fold(Fold(%q)) = %q, Fold = %q", s, ff, f)
		}
		for _, v := range normalize.Romanize(s) {
			if fv := normalize.Fold(v.Text); fv != v.Text {
				t.Errorf("Romanize(%q) = %q is not folded (%q)", s, v.Text, fv)
			}
		}
	}
}

// TestRomanizeMixedWord: a word that mixes scripts is read run by run.
// Romanize once called itself on such a word until the stack overflowed,
// a fatal error no recover catches: one query brought the server down.
func TestRomanizeMixedWord(t *testing.T) {
	for in, want := range map[string]string{
		"ΑБ":            "ab",
		"Путинπ":        "putinp",
		"김Ким":          "gimkim",
		"Путин 김Ким Ли": "putin gimkim li",
	} {
		vs := normalize.Romanize(in)
		if len(vs) == 0 || vs[0].Text != want {
			t.Errorf("Romanize(%q) = %+v, want first %q", in, vs, want)
		}
	}
}
