package goods_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"embargo/goods"
)

// Shipments makes n varied shipments: codes at every level, the target
// countries and others, dates across the measures' history.
func shipments(n int) []goods.Shipment {
	rng := rand.New(rand.NewSource(1))
	codes := []string{"2701", "270112", "0303", "610910", "854231", "8542.31.00", "2710.19", "2709", "8703", "9403",
		"3004", "1006", "7208", "8471", "84", "0101", "4407", "2601", "8807.30", "620520"}
	countries := []string{"KP", "CN", "RU", "DE", "US", "Korea, North", "Russia", "JP"}
	out := make([]goods.Shipment, n)
	for i := range out {
		out[i] = goods.Shipment{
			Ref:  fmt.Sprint(i),
			Date: fmt.Sprintf("%d-%02d-%02d", 2015+rng.Intn(10), 1+rng.Intn(12), 1+rng.Intn(28)),
			From: countries[rng.Intn(len(countries))], To: countries[rng.Intn(len(countries))],
			HS: codes[rng.Intn(len(codes))], Quantity: float64(rng.Intn(10000)), Unit: "t",
		}
		if i%7 == 0 {
			out[i].Via, out[i].Origin = []string{"Rajin"}, "RU"
		}
	}
	return out
}

func BenchmarkCheck(b *testing.B) {
	c := &goods.Checker{Measures: mustMeasures(b)}
	ss := shipments(100000)
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		for _, s := range ss {
			if _, err := c.Check(s); err != nil {
				b.Fatal(err)
			}
			rows++
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// The generated shipments are all valid: the benchmark measures checks,
// not error paths.
func TestBenchShipmentsValid(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	seen := map[goods.Outcome]int{}
	for _, s := range shipments(2000) {
		v, err := c.Check(s)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		seen[v.Verdict]++
	}
	if seen[goods.Clear] == 0 || seen[goods.Review] == 0 || seen[goods.Prohibited] == 0 {
		t.Errorf("want every verdict among generated shipments, got %v", seen)
	}
}

func TestShipmentReaderCSV(t *testing.T) {
	in := "ref,date,from,to,origin,via,hs,quantity,unit,attestations\n" +
		"a,2017-09-01,KP,CN,,,2701,100,t,\n" +
		"b,2018-03-01,KP,CN,RU,Rajin;Vladivostok,2701.12,5,t,advance-notification\n" +
		"c,2018-03-01,KP,CN,,,2701,lots,t,\n"
	r, err := goods.NewShipmentReader("s.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []goods.Shipment
	var errs []string
	for {
		s, pos, err := r.Next()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			errs = append(errs, pos.String()+": "+err.Error())
			continue
		}
		got = append(got, s)
	}
	if len(got) != 2 || len(got[1].Via) != 2 || got[1].Attestations[0] != "advance-notification" {
		t.Errorf("parsed %+v", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "s.csv: line 4 (c): quantity") {
		t.Errorf("want one error on line 4's quantity, got %v", errs)
	}
	if _, err := goods.NewShipmentReader("x.csv", strings.NewReader("date,from,to,orgin\n")); err == nil || !strings.Contains(err.Error(), "orgin") {
		t.Errorf("a misspelt column should be refused: %v", err)
	}
}

func TestShipmentReaderJSONL(t *testing.T) {
	in := `{"ref":"a","date":"2017-09-01","from":"KP","to":"CN","hs":"2701"}` + "\n\n" + `{"ref":"b","dat":"x"}` + "\n"
	r, _ := goods.NewShipmentReader("s.jsonl", strings.NewReader(in))
	s, _, err := r.Next()
	if err != nil || s.HS != "2701" {
		t.Fatalf("%+v %v", s, err)
	}
	if _, pos, err := r.Next(); err == nil || pos.Record != "line 3" {
		t.Errorf("want an error at line 3, got %v at %v", err, pos)
	}
}
