package goods_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"embargo/goods"
	"embargo/goods/hs"
	"embargo/internal/testdata"
)

// Every measure screened by code fires on the goods and in the direction it
// names, on its effective date and after, and not the day before, nor in the
// other direction, nor once superseded.
func TestEveryMeasureFires(t *testing.T) {
	ms := mustMeasures(t)
	c := &goods.Checker{Measures: ms}
	n := 0
	for _, m := range ms.All {
		if len(m.Goods) == 0 {
			continue
		}
		for _, g := range m.Goods {
			code := g.HS
			if code == "*" {
				code = "0101"
			}
			forward, backward := ship(m), reverse(m)
			eff, _ := time.Parse("2006-01-02", m.Effective)
			last := eff.AddDate(10, 0, 0)
			if e := m.Ends(); e != "" {
				end, _ := time.Parse("2006-01-02", e)
				last = end.AddDate(0, 0, -1)
				if fires(t, c, forward, code, e, m.ID) {
					t.Errorf("%s %s: fires on %s, the day it stopped applying", m.ID, code, e)
				}
			}
			if fires(t, c, forward, code, eff.AddDate(0, 0, -1).Format("2006-01-02"), m.ID) {
				t.Errorf("%s %s: fires the day before it took effect (%s)", m.ID, code, m.Effective)
			}
			if last.Before(eff) {
				continue // superseded the day it would have begun (2375 para 14 annual cap)
			}
			for _, d := range []time.Time{eff, last} {
				if !fires(t, c, forward, code, d.Format("2006-01-02"), m.ID) {
					t.Errorf("%s %s %s: does not fire on %s", m.ID, m.Direction, code, d.Format("2006-01-02"))
				}
			}
			if backward.From != "" && fires(t, c, backward, code, m.Effective, m.ID) {
				t.Errorf("%s %s: fires in the other direction (%s -> %s)", m.ID, code, backward.From, backward.To)
			}
			n++
		}
	}
	if n < 100 {
		t.Errorf("only %d measure codes tested", n)
	}
}

// ship returns a shipment moving goods the way m restricts.
func ship(m *goods.Measure) goods.Shipment {
	other := "CN"
	if m.Direction == goods.SupplyTo {
		return goods.Shipment{From: other, To: m.Target}
	}
	return goods.Shipment{From: m.Target, To: other}
}

// reverse returns a shipment the other way, or none for measures on both.
func reverse(m *goods.Measure) goods.Shipment {
	switch m.Direction {
	case goods.SupplyTo:
		return goods.Shipment{From: m.Target, To: "CN"}
	case goods.ExportFrom:
		return goods.Shipment{From: "CN", To: m.Target}
	}
	return goods.Shipment{}
}

func fires(t *testing.T, c *goods.Checker, s goods.Shipment, code, date, id string) bool {
	t.Helper()
	s.HS, s.Date = code, date
	v, err := c.Check(s)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	_, ok := hit(v, id)
	return ok
}

const good = `{"regime":"X","target":"KP","authority":"UN","note":"","measures":[
 {"id":"A","instrument":"UNSCR 1","paragraph":"1","paragraph_status":"verified","adopted":"2017-01-01","effective":"2017-01-01",
  "direction":"export_from","effect":"ban","title":"t","goods":[{"hs":"2701","basis":"indicative"}],"status":"verified","hs_basis":"indicative","sources":[]}]}`

func TestLoadRejectsMalformed(t *testing.T) {
	cases := map[string]struct{ old, new, want string }{
		"unknown direction":      {`"direction":"export_from"`, `"direction":"sideways"`, "unknown direction"},
		"bad HS code":            {`"hs":"2701"`, `"hs":"27.01x"`, "want a 2-, 4- or 6-digit HS code"},
		"3-digit HS code":        {`"hs":"2701"`, `"hs":"270"`, "want a 2-, 4- or 6-digit HS code"},
		"dates out of order":     {`"effective":"2017-01-01"`, `"effective":"2016-01-01"`, "before adopted"},
		"impossible date":        {`"adopted":"2017-01-01"`, `"adopted":"2017-02-30"`, "must be YYYY-MM-DD"},
		"superseded nowhere":     {`"effect":"ban"`, `"effect":"ban","superseded_by":"NOPE"`, "points to no measure"},
		"until before effective": {`"effect":"ban"`, `"effect":"ban","until":"2016-12-31"`, "until"},
		"unknown status":         {`"status":"verified"`, `"status":"probably"`, "unknown status"},
		"unknown basis":          {`"basis":"indicative"`, `"basis":"vibes"`, "unknown basis"},
		"cap without limits":     {`"effect":"ban"`, `"effect":"cap","cap":{"ledger":"coal","period":"calendar_year","from":"2017-01-01"}`, "no limits"},
		"unknown field":          {`"title":"t"`, `"title":"t","tittle":"x"`, "unknown field"},
		"exemption kind":         {`"effect":"ban"`, `"effect":"ban","exemptions":[{"id":"e","kind":"magic","status":"verified","text":"x"}]`, "unknown kind"},
	}
	if _, err := goods.Load(fstest.MapFS{"measures/x.json": {Data: []byte(good)}}); err != nil {
		t.Fatalf("the good fixture fails: %v", err)
	}
	for name, tc := range cases {
		bad := strings.Replace(good, tc.old, tc.new, 1)
		if bad == good {
			t.Fatalf("%s: fixture replacement did nothing", name)
		}
		_, err := goods.Load(fstest.MapFS{"measures/x.json": {Data: []byte(bad)}})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "x.json") {
			t.Errorf("%s: want an error naming x.json and %q, got %v", name, tc.want, err)
		}
	}
}

// Every code the measures name exists in HS 2022.
func TestMeasureCodesExist(t *testing.T) {
	f, err := os.Open(testdata.Path(t, "hs_codes/harmonized-system_HS2022.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nom, err := hs.Load("harmonized-system_HS2022.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mustMeasures(t).All {
		for _, g := range m.Goods {
			if g.HS == "*" {
				continue
			}
			if _, ok := nom.Get(g.HS); !ok {
				t.Errorf("%s names HS %s, not in HS 2022", m.ID, g.HS)
			}
		}
		for _, e := range m.Exemptions {
			for _, c := range e.HS {
				if _, ok := nom.Get(c); !ok {
					t.Errorf("%s exemption %s names HS %s, not in HS 2022", m.ID, e.ID, c)
				}
			}
		}
	}
}

func TestMeasureCounts(t *testing.T) {
	ms := mustMeasures(t)
	chpl := 0
	for _, m := range ms.Regime("RUSSIA") {
		chpl += len(m.Goods)
	}
	if chpl != 50 {
		t.Errorf("CHPL (2024-02-23) has 50 HS-6 codes, loaded %d", chpl)
	}
	for _, id := range []string{"UN-1718-8a-i", "UN-2270-29", "UN-2321-26b", "UN-2371-8", "UN-2375-16", "UN-2397-5", "UN-2397-8"} {
		if _, ok := ms.Get(id); !ok {
			t.Errorf("measure %s missing", id)
		}
	}
	m, _ := ms.Get("UN-2321-26b")
	if m.Ends() != "2017-08-05" {
		t.Errorf("2321 coal cap should end when 2371 para 8 took effect, ends %q", m.Ends())
	}
}
