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
		"United Kingdom": "GB", "Germany": "DE", "China": "CN", "Korea, South": "KR",
	} {
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
