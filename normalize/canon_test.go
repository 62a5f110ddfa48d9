package normalize_test

import (
	"slices"
	"strings"
	"testing"

	"embargo/normalize"
)

func TestCanonJoins(t *testing.T) {
	for _, group := range []string{
		"taysaev taysayev tajsaev taisaev",
		"vladimir wladimir",
		"dmitry dmitriy dmitrii dmitrij dmitri",
		"yuri yuriy iurii youri",
		"yevgeny evgeny evgenii yevgeniy",
		"fyodor fedor fiodor",
		"pyotr petr piotr",
		"tatyana tatiana tatjana",
		"natalya nataliya natalia",
		"sergeyev sergeev",
		"smirnoff smirnov",
		"khasanov hasanov",
		"alexei aleksei aleksey alexey",
		"shcherbakov shherbakov schtscherbakow",
		"dzhokhar jokhar djokhar",
		"tsoi tzoi",
		"aleksandr alexander alexandr",
		"chong jong jeong cheong jung",
		"chol cheol chul tcheul cheul", // UK DPR0010: Jang Tcheul-hy / Chol-hy
		"jang djang",
		"hui hee hy",
		"un eun",
		"ri rhee lee yi rhi",
		"pak park bak",
		"choe choi chwe",
		"kim gim",
		"son sohn",
		"ryu yu yoo",
		"song sung seong",
		"yong young ryong",
		"mohammed muhammad mohamed mohammad",
		"hussein husayn husain hussain",
		"abdulrahman abdelrahman abdalrahman",
		"abdullah abdallah",
		"osama usama",
		"yusuf youssef yousef",
	} {
		f := strings.Fields(group)
		want := normalize.Canon(f[0])
		for _, w := range f[1:] {
			if got := normalize.Canon(w); got != want {
				t.Errorf("Canon(%q) = %q, Canon(%q) = %q: want equal", w, got, f[0], want)
			}
		}
	}
}

func TestCanonKeepsApart(t *testing.T) {
	for _, pair := range [][2]string{
		{"man", "un"}, {"jong", "jun"}, {"jong", "yong"}, {"un", "yun"},
		{"min", "man"}, {"kim", "kin"}, {"pak", "pan"}, {"ivan", "ivanov"},
		{"hasan", "husayn"}, {"maria", "mario"}, {"ali", "alia"},
		{"sergei", "sergeev"}, {"chol", "chal"}, {"il", "in"}, {"mario", "mare"}, {"iii", "i"},
	} {
		if a, b := normalize.Canon(pair[0]), normalize.Canon(pair[1]); a == b {
			t.Errorf("Canon(%q) = Canon(%q) = %q: want apart", pair[0], pair[1], a)
		}
	}
	canonText := func(s string) string {
		f := normalize.Tokens(s)
		for i := range f {
			f[i] = normalize.Canon(f[i])
		}
		return strings.Join(f, " ")
	}
	if canonText("kim jong man") == canonText("kim jong un") {
		t.Error("kim jong man collapses onto kim jong un")
	}
	if canonText("kim chong un") != canonText("gim jeong eun") {
		t.Error("kim chong un and gim jeong eun differ")
	}
}

func TestCanonIdempotent(t *testing.T) {
	for _, w := range []string{"taysayev", "wladimir", "dmitriy", "jeong", "mohammed", "abdulrahman", "schtscherbakow", "yevgeniy", "fyodor"} {
		c := normalize.Canon(w)
		if cc := normalize.Canon(c); cc != c {
			t.Errorf("Canon(Canon(%q)) = %q, Canon = %q", w, cc, c)
		}
	}
}

func TestSplitKorean(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"jongun", []string{"jong", "un"}},
		{"ilsung", []string{"il", "sung"}},
		{"kimjongun", []string{"kim", "jong", "un"}},
		{"yojong", []string{"yo", "jong"}},
		{"jong", nil},
		{"robert", nil},
		{"manhattan", nil},
	} {
		if got := normalize.SplitKorean(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("SplitKorean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := normalize.Join([]string{"jong", "un"}); got != "jongun" {
		t.Errorf("Join = %q", got)
	}
}
