package goods_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"embargo"
	"embargo/goods"
)

func mustMeasures(tb testing.TB) *goods.Measures {
	tb.Helper()
	ms, err := goods.Default()
	if err != nil {
		tb.Fatalf("embedded measures do not load: %v", err)
	}
	return ms
}

func check(t *testing.T, c *goods.Checker, s goods.Shipment) goods.Verdict {
	t.Helper()
	v, err := c.Check(s)
	if err != nil {
		t.Fatalf("Check(%+v): %v", s, err)
	}
	return v
}

func hit(v goods.Verdict, id string) (goods.Hit, bool) {
	for _, h := range v.Measures {
		if h.ID == id {
			return h, true
		}
	}
	return goods.Hit{}, false
}

func dump(v goods.Verdict) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// The cases the issue names.
func TestRequiredCases(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	t.Run("coal KP->CN 2017-09-01 prohibited by 2371 para 8", func(t *testing.T) {
		v := check(t, c, goods.Shipment{Date: "2017-09-01", From: "KP", To: "CN", HS: "2701"})
		h, ok := hit(v, "UN-2371-8")
		if v.Verdict != goods.Prohibited || !ok || h.Outcome != goods.Prohibited || h.Paragraph != "8" || !strings.Contains(h.Instrument, "2371") {
			t.Fatalf("want prohibited citing UNSCR 2371 para 8, got\n%s", dump(v))
		}
	})
	t.Run("coal KP->CN 2016-01-01 not prohibited by 2371", func(t *testing.T) {
		v := check(t, c, goods.Shipment{Date: "2016-01-01", From: "KP", To: "CN", HS: "2701"})
		if _, ok := hit(v, "UN-2371-8"); ok {
			t.Fatalf("2371 applied before its adoption:\n%s", dump(v))
		}
		found := false
		for _, h := range v.NotInForce {
			if h.ID == "UN-2371-8" && strings.Contains(h.Reason, "not yet adopted") {
				found = true
			}
		}
		if !found {
			t.Errorf("2371 para 8 should be listed as not yet adopted:\n%s", dump(v))
		}
		if v.Verdict == goods.Prohibited {
			t.Errorf("nothing prohibited coal on 2016-01-01 (2270 came on 2016-03-02):\n%s", dump(v))
		}
	})
	t.Run("Russian coal via Rajin exempt", func(t *testing.T) {
		s := goods.Shipment{Date: "2018-03-01", From: "KP", To: "CN", Origin: "Russia", Via: []string{"Rajin"}, HS: "2701.12",
			Attestations: []string{"advance-notification"}}
		v := check(t, c, s)
		h, ok := hit(v, "UN-2371-8")
		if !ok || h.Outcome != goods.Exempt || v.Verdict == goods.Prohibited {
			t.Fatalf("want 2371 para 8 exempt, got\n%s", dump(v))
		}
		named := false
		for _, e := range v.Exemptions {
			if e.Measure == "UN-2371-8" && e.ID == "rajin" && e.Outcome == "applies" {
				named = true
			}
		}
		if !named {
			t.Errorf("the Rajin exemption is not named as applying:\n%s", dump(v))
		}
		// Without the advance notification the exemption is only possible: review.
		s.Attestations = nil
		v = check(t, c, s)
		if h, _ := hit(v, "UN-2371-8"); h.Outcome != goods.Review {
			t.Errorf("without notification want review, got %s", h.Outcome)
		}
		// DPRK-origin coal via Rajin is not exempt.
		s.Origin, s.Attestations = "KP", []string{"advance-notification"}
		if h, _ := hit(check(t, c, s), "UN-2371-8"); h.Outcome != goods.Prohibited {
			t.Errorf("DPRK coal via Rajin: want prohibited, got %s", h.Outcome)
		}
	})
	t.Run("HS 854231 to RU is CHPL tier 1", func(t *testing.T) {
		v := check(t, c, goods.Shipment{Date: "2024-06-01", From: "DE", To: "RU", HS: "854231"})
		h, ok := hit(v, "CHPL-T1")
		if !ok || h.Paragraph != "Tier 1" || h.Level != "subheading" || v.Verdict != goods.Review {
			t.Fatalf("want CHPL tier 1 review, got\n%s", dump(v))
		}
	})
	t.Run("HS 0303 from KP in 2018: 2371 seafood ban", func(t *testing.T) {
		v := check(t, c, goods.Shipment{Date: "2018-05-01", From: "KP", To: "CN", HS: "0303"})
		if h, ok := hit(v, "UN-2371-9"); !ok || h.Outcome != goods.Prohibited || h.Level != "chapter" {
			t.Fatalf("want 2371 seafood ban, got\n%s", dump(v))
		}
	})
	t.Run("HS 6109 from KP in 2018: 2375 textiles ban", func(t *testing.T) {
		v := check(t, c, goods.Shipment{Date: "2018-05-01", From: "KP", To: "CN", HS: "6109"})
		if h, ok := hit(v, "UN-2375-16"); !ok || h.Outcome != goods.Prohibited {
			t.Fatalf("want 2375 textiles ban, got\n%s", dump(v))
		}
	})
}

// The 2375 textiles wind-down: 90 days for contracts finalised before
// adoption (2017-09-11), claimed by attestation.
func TestWindDown(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	cases := []struct {
		date   string
		attest []string
		want   goods.Outcome
	}{
		{"2017-11-01", []string{"prior-contract"}, goods.Exempt},
		{"2017-12-10", []string{"prior-contract"}, goods.Exempt}, // day 90
		{"2017-12-11", []string{"prior-contract"}, goods.Prohibited},
		{"2017-11-01", nil, goods.Prohibited},
	}
	for _, tc := range cases {
		v := check(t, c, goods.Shipment{Date: tc.date, From: "KP", To: "CN", HS: "620520", Attestations: tc.attest})
		if h, _ := hit(v, "UN-2375-16"); h.Outcome != tc.want {
			t.Errorf("%s %v: want %s, got %s (%s)", tc.date, tc.attest, tc.want, h.Outcome, h.Reason)
		}
	}
}

func TestBadInput(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	cases := []struct {
		name  string
		s     goods.Shipment
		field string
	}{
		{"unknown chapter", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN", HS: "7701"}, "hs"},
		{"3 digits", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN", HS: "303"}, "hs"},
		{"letters", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN", HS: "27O1"}, "hs"},
		{"impossible date", goods.Shipment{Date: "2017-02-30", From: "KP", To: "CN", HS: "2701"}, "date"},
		{"no date", goods.Shipment{From: "KP", To: "CN", HS: "2701"}, "date"},
		{"unknown country", goods.Shipment{Date: "2018-01-01", From: "Atlantis", To: "CN", HS: "2701"}, "from"},
		{"no destination", goods.Shipment{Date: "2018-01-01", From: "KP", HS: "2701"}, "to"},
		{"bad IMO check digit", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN", HS: "2701", IMO: "9166779"}, "imo"},
		{"no code no description", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN"}, "hs"},
		{"description without nomenclature", goods.Shipment{Date: "2018-01-01", From: "KP", To: "CN", Description: "anthracite"}, "hs"},
	}
	for _, tc := range cases {
		_, err := c.Check(tc.s)
		var e *embargo.Error
		if !errors.As(err, &e) || e.Kind != embargo.EINVALID || e.Field != tc.field {
			t.Errorf("%s: want EINVALID error on %s, got %v", tc.name, tc.field, err)
		}
	}
}

func TestIMO(t *testing.T) {
	if _, err := goods.ParseIMO("IMO 9166778"); err != nil {
		t.Errorf("valid IMO refused: %v", err)
	}
}
