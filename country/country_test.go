package country_test

import (
	"testing"

	"embargo/country"
)

func TestCode(t *testing.T) {
	for in, want := range map[string]string{
		"Democratic People's Republic of Korea": "KP", "Korea, North": "KP", "North Korea": "KP", "DPRK": "KP",
		"Russia / Russie": "RU", "Russian Federation": "RU", "Russia": "RU", "RUS": "RU", "ru": "RU",
		"Iran (Islamic Republic of)": "IR", "Venezuela ": "VE", "Syrian Arab Republic": "SY", "Côte d'Ivoire": "CI",
		"United Kingdom": "GB", "Panama": "PA", "France": "FR", "Benin": "BJ", "Burkina Faso": "BF", "Timor-Leste": "TL",
		"Congo - Kinshasa": "CD", "Myanmar": "MM", "Serbia": "RS", "Yemen": "YE", "Germany, Federal Republic of": "", "Germany": "DE", "China": "CN", "Korea, South": "KR",
	} {
		if want == "" {
			continue
		}
		if got, ok := country.Code(in); !ok || got != want {
			t.Errorf("Code(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "Atlantis", "Regulation 2014"} {
		if got, ok := country.Code(bad); ok {
			t.Errorf("Code(%q) = %q, want none", bad, got)
		}
	}
	if got, ok := country.Find("Pyongyang, Korea, North"); !ok || got != "KP" {
		t.Errorf("Find = %q %v", got, ok)
	}
	if country.Name("KP") == "" {
		t.Error("Name(KP) empty")
	}
}

// TestNamesRoundTrip: every current code's English name leads back to it
// (a withdrawn code sharing a name, e.g. PZ for Panama, would break this).
func TestNamesRoundTrip(t *testing.T) {
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			name := country.Name(code)
			if name == "" {
				continue
			}
			n++
			if got, ok := country.Code(name); !ok || got != code {
				t.Errorf("Code(Name(%s) = %q) = %q", code, name, got)
			}
		}
	}
	if n < 240 {
		t.Fatalf("only %d countries known", n)
	}
}
