package goods_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"embargo"
	"embargo/goods"
)

// Refined petroleum to the DPRK in 2018 crossing the 500,000-barrel cap of
// 2397 para 5: the share used, the thresholds crossed and the deliveries
// beyond the cap.
func TestLedgerRefinedCap(t *testing.T) {
	l := &goods.Ledger{Measures: mustMeasures(t)}
	for i := 1; i <= 9; i++ {
		d := goods.Delivery{Ref: fmt.Sprintf("D%d", i), Date: fmt.Sprintf("2018-%02d-10", i), Product: "diesel", Quantity: 60000, Unit: "bbl"}
		if _, err := l.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	// 10,000 t of gasoline at 8.5 bbl/t = 85,000 bbl, in December.
	if _, err := l.Add(goods.Delivery{Ref: "D10", Date: "2018-12-01", Product: "gasoline", Quantity: 10000, Unit: "t"}); err != nil {
		t.Fatal(err)
	}
	// Next year starts a new period.
	if _, err := l.Add(goods.Delivery{Ref: "N1", Date: "2019-01-05", Product: "diesel", Quantity: 1000, Unit: "bbl"}); err != nil {
		t.Fatal(err)
	}
	rep := l.Report()
	if len(rep.Accounts) != 2 {
		t.Fatalf("want 2 accounts (2018, 2019), got %+v", rep.Accounts)
	}
	a := rep.Accounts[0]
	if a.Measure != "UN-2397-5" || a.Period.From != "2018-01-01" || a.Period.To != "2018-12-31" {
		t.Fatalf("account %+v", a)
	}
	want := (9*60000.0 + 85000) / 500000
	if math.Abs(a.Share-want) > 1e-9 || a.Usage[0].Unit != "bbl" {
		t.Errorf("share %v, want %v", a.Share, want)
	}
	// 75 % = 375,000 bbl reached by D7 (420,000); 90 % and 95 % by D8 (480,000); the cap by D9 (540,000).
	crossed := map[float64]string{}
	for _, c := range a.Crossings {
		crossed[c.Percent] = c.Delivery
	}
	for pct, ref := range map[float64]string{75: "D7", 90: "D8", 95: "D8", 100: "D9"} {
		if crossed[pct] != ref {
			t.Errorf("%v %% crossed by %q, want %s (%+v)", pct, crossed[pct], ref, a.Crossings)
		}
	}
	if fmt.Sprint(a.Over) != "[D9 D10]" {
		t.Errorf("over cap: %v, want [D9 D10]", a.Over)
	}
	if b := rep.Accounts[1]; b.Period.From != "2019-01-01" || b.Share != 1000.0/500000 {
		t.Errorf("2019 account %+v", b)
	}
}

// Coal under 2321 para 26(b): whichever of USD and tonnes is lower binds;
// after 2371 para 8 coal is banned, not capped.
func TestLedgerCoal(t *testing.T) {
	l := &goods.Ledger{Measures: mustMeasures(t)}
	add := func(d goods.Delivery) goods.Booking {
		b, err := l.Add(d)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	add(goods.Delivery{Ref: "C1", Date: "2017-02-01", Product: "coal", Quantity: 1000000, Unit: "t", Value: 300000000})
	b := add(goods.Delivery{Ref: "C2", Date: "2017-09-01", Product: "coal", Quantity: 10, Unit: "t", Value: 1000})
	if b.Prohibits != "UN-2371-8" {
		t.Errorf("coal after 2017-08-05 should be prohibited by 2371 para 8: %+v", b)
	}
	rep := l.Report()
	a := rep.Accounts[0]
	if a.Measure != "UN-2321-26b" || math.Abs(a.Share-300000000.0/400870018) > 1e-9 {
		t.Errorf("USD binds (74.8 %% against 13.3 %% of tonnes): %+v", a)
	}
	if len(rep.Other) != 1 {
		t.Errorf("the banned delivery should be listed apart: %+v", rep.Other)
	}
}

// Crude oil under 2397 para 4: 12-month periods from 2017-12-22.
func TestLedgerCrudePeriods(t *testing.T) {
	l := &goods.Ledger{Measures: mustMeasures(t)}
	for _, d := range []string{"2018-12-21", "2018-12-22"} {
		if _, err := l.Add(goods.Delivery{Date: d, Product: "crude", Quantity: 73300, Unit: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	rep := l.Report()
	if len(rep.Accounts) != 2 || rep.Accounts[0].Period.From != "2017-12-22" || rep.Accounts[1].Period.From != "2018-12-22" {
		t.Fatalf("periods: %+v", rep.Accounts)
	}
	// 73,300 t = 537,289 bbl at 7.33: the tonnes share (13.96 %) is the larger.
	if s := rep.Accounts[0].Share; math.Abs(s-73300.0/525000) > 1e-9 {
		t.Errorf("share %v", s)
	}
}

func TestLedgerBadInput(t *testing.T) {
	l := &goods.Ledger{Measures: mustMeasures(t)}
	cases := map[string]goods.Delivery{
		"product":  {Date: "2018-01-01", Product: "unobtainium", Quantity: 1, Unit: "bbl"},
		"unit":     {Date: "2018-01-01", Product: "diesel", Quantity: 1, Unit: "gallons"},
		"date":     {Date: "2018-13-01", Product: "diesel", Quantity: 1, Unit: "bbl"},
		"quantity": {Date: "2018-01-01", Product: "diesel", Quantity: -5, Unit: "bbl"},
	}
	for field, d := range cases {
		_, err := l.Add(d)
		var e *embargo.Error
		if !errors.As(err, &e) || e.Field != field {
			t.Errorf("%s: want an error on %s, got %v", field, field, err)
		}
	}
	// Tonnes of an unnamed refined product: no factor, an error not a guess.
	if _, err := l.Add(goods.Delivery{Date: "2018-01-01", Product: "refined", Quantity: 1, Unit: "t"}); err == nil {
		t.Error("tonnes of unnamed refined product should be refused")
	}
	if n := len(l.Report().Accounts); n != 0 {
		t.Errorf("rejected deliveries were booked: %d accounts", n)
	}
}

// Refined petroleum from October to December 2017 counts against 2375 para
// 14's fixed period; crude oil between 2375 and 2397 against a baseline no
// figure gives (reported, not computed); refined before October 2017 has no cap.
func TestLedger2017Periods(t *testing.T) {
	l := &goods.Ledger{Measures: mustMeasures(t)}
	b1, _ := l.Add(goods.Delivery{Date: "2017-11-15", Product: "kerosene", Quantity: 1000, Unit: "t"})
	b2, _ := l.Add(goods.Delivery{Date: "2017-10-15", Product: "crude", Quantity: 1000, Unit: "bbl"})
	b3, _ := l.Add(goods.Delivery{Date: "2017-09-15", Product: "diesel", Quantity: 1000, Unit: "bbl"})
	if b1.Measure != "UN-2375-14-2017" || b1.Period.From != "2017-10-01" || b1.Period.To != "2017-12-31" || b1.Barrels != 7770 {
		t.Errorf("kerosene in November 2017: %+v", b1)
	}
	if b2.Measure != "" || b2.Finding == "" || !strings.Contains(b2.Finding, "UN-2375-15") {
		t.Errorf("crude in October 2017 should name the uncomputable baseline: %+v", b2)
	}
	if b3.Measure != "" || !strings.Contains(b3.Finding, "no cap in force") {
		t.Errorf("refined in September 2017: %+v", b3)
	}
}
