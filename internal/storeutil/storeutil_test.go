package storeutil_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"embargo"
	"embargo/internal/storeutil"
)

func TestChangedFieldsInStructOrder(t *testing.T) {
	a := embargo.Entity{ID: "un:X", Source: "un", Names: []embargo.Name{{Full: "A"}}, Remarks: "r"}
	b := a
	b.Names = []embargo.Name{{Full: "B"}}
	b.Remarks = ""                                       // omitted from b's JSON
	b.Addresses = []embargo.Address{{City: "Pyongyang"}} // absent from a's JSON
	da, _, err := storeutil.Encode(&a)
	if err != nil {
		t.Fatal(err)
	}
	db, _, err := storeutil.Encode(&b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := storeutil.ChangedFields(da, db)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"names", "addresses", "remarks"}; !slices.Equal(got, want) {
		t.Errorf("ChangedFields = %v; want %v", got, want)
	}
}

func TestInForceAndDiffPair(t *testing.T) {
	imported := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	vs := []embargo.ListVersion{
		{Source: "ofac", Version: 1, Published: embargo.Date{Year: 2024, Month: 5, Day: 3}},
		{Source: "ofac", Version: 2, Published: embargo.Date{Year: 2022, Month: 2, Day: 17}}, // back-filled
		{Source: "ofac", Version: 3, ImportedAt: imported},                                   // undated: its import day
	}
	for _, tc := range []struct {
		on   embargo.Date
		want int64
	}{
		{embargo.Date{Year: 2022, Month: 2, Day: 16}, 0},
		{embargo.Date{Year: 2023}, 2},
		{embargo.Date{Year: 2024, Month: 5, Day: 3}, 1},
		{embargo.Date{Year: 2026, Month: 3, Day: 1}, 3},
	} {
		v, ok := storeutil.InForce(vs, tc.on)
		if v.Version != tc.want || ok != (tc.want != 0) {
			t.Errorf("InForce(%s) = %d, %v; want %d", tc.on, v.Version, ok, tc.want)
		}
	}
	if c := storeutil.Current(vs); c.Version != 3 {
		t.Errorf("Current = %d; want 3", c.Version)
	}
	for _, tc := range []struct{ from, to, wantFrom, wantTo int64 }{
		{0, 0, 1, 3}, {0, 1, 2, 1}, {2, 0, 2, 3}, {3, 2, 3, 2},
	} {
		f, to, err := storeutil.DiffPair(vs, tc.from, tc.to)
		if err != nil || f != tc.wantFrom || to != tc.wantTo {
			t.Errorf("DiffPair(%d, %d) = %d, %d, %v; want %d, %d", tc.from, tc.to, f, to, err, tc.wantFrom, tc.wantTo)
		}
	}
	for _, bad := range [][2]int64{{0, 2}, {9, 0}, {1, 9}} {
		if _, _, err := storeutil.DiffPair(vs, bad[0], bad[1]); embargo.ErrorKind(err) != embargo.ENOTFOUND {
			t.Errorf("DiffPair(%d, %d): error %v; want not found", bad[0], bad[1], err)
		}
	}
}

func TestDecodeAllKeepsOrder(t *testing.T) {
	var datas [][]byte
	for i := range 2345 {
		e := embargo.Entity{ID: fmt.Sprintf("un:%d", i), Source: "un"}
		d, _, err := storeutil.Encode(&e)
		if err != nil {
			t.Fatal(err)
		}
		datas = append(datas, d)
	}
	got, err := storeutil.DecodeAll(datas)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range got {
		if e.ID != fmt.Sprintf("un:%d", i) {
			t.Fatalf("entity %d is %s", i, e.ID)
		}
	}
	datas[1500] = []byte("{broken")
	if _, err := storeutil.DecodeAll(datas); err == nil || !strings.Contains(err.Error(), "entity 1501") {
		t.Errorf("a broken record: error %v; want one naming entity 1501", err)
	}
}
