package goods_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"embargo/goods"
)

// CheckAll keeps the file's order across workers and reports bad rows.
func TestCheckAllOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("ref,date,from,to,hs\n")
	const n = 2000
	for i := 0; i < n; i++ {
		date := "2018-01-01"
		if i%100 == 0 {
			date = "2018-02-30"
		}
		fmt.Fprintf(&b, "r%d,%s,KP,CN,2701\n", i, date)
	}
	r, err := goods.NewShipmentReader("s.csv", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	c := &goods.Checker{Measures: mustMeasures(t)}
	i := 0
	sum, err := c.CheckAll(context.Background(), r, 4, func(res goods.Result) error {
		want := fmt.Sprintf("line %d (r%d)", i+2, i)
		if res.Pos.Record != want {
			t.Fatalf("result %d at %q, want %q", i, res.Pos.Record, want)
		}
		if (i%100 == 0) != (res.Err != nil) {
			t.Errorf("row %d: error %v", i, res.Err)
		}
		i++
		return nil
	})
	if err != nil || sum.Rows != n || sum.Errors != n/100 || sum.Prohibited != n-n/100 {
		t.Errorf("summary %+v, %v", sum, err)
	}
	// An emit error stops the batch and is returned.
	r, _ = goods.NewShipmentReader("s.csv", strings.NewReader(b.String()))
	stop := errors.New("stop")
	_, err = c.CheckAll(context.Background(), r, 2, func(goods.Result) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("want the emit error, got %v", err)
	}
}
