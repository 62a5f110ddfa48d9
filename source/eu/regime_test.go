package eu

import "testing"

func TestRegime(t *testing.T) {
	for code, want := range map[string]string{
		"PRK": "DPRK", "RUS": "RUSSIA", "TAQA": "TERRORISM", "COD": "DRC",
		"CAF": "CAR", "GNB": "GUINEA-BISSAU", "YEM": "YEMEN", "VEN": "VENEZUELA",
		"SOM": "SOMALIA", "HR": "", "": "",
	} {
		if got := regime(code); got != want {
			t.Errorf("regime(%q) = %q, want %q", code, got, want)
		}
	}
}
