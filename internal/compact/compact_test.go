package compact

import (
	"reflect"
	"strings"
	"testing"

	"embargo"
	"embargo/demo"
)

func TestEntitiesEqual(t *testing.T) {
	ents, err := demo.Entities()
	if err != nil {
		t.Fatal(err)
	}
	// Exercise every field the demo may lack.
	ents = append(ents, full("x:1"), full("x:2"), embargo.Entity{ID: "x:3", Designations: []embargo.Designation{}})
	got := Entities(ents)
	if !reflect.DeepEqual(got, ents) {
		for i := range ents {
			if !reflect.DeepEqual(got[i], ents[i]) {
				t.Fatalf("entity %d differs:\n got %+v\nwant %+v", i, got[i], ents[i])
			}
		}
		t.Fatal("copies differ")
	}
	// The copy owns its memory: changing it leaves the input alone.
	got[len(got)-2].Names[0].Full = "changed"
	got[len(got)-2].Vessel.Flag = "ZZ"
	if ents[len(ents)-2].Names[0].Full == "changed" || ents[len(ents)-2].Vessel.Flag == "ZZ" {
		t.Fatal("the copy shares slices with the input")
	}
}

// Every string of an entity must go through strs, or the copy would keep
// the scattered original (still correct, but not compact): a field added
// to the domain model without a line in strs fails here.
func TestStrsVisitsEveryString(t *testing.T) {
	e := full("x:1")
	var n int
	countStrings(reflect.ValueOf(e), &n)
	visited := 0
	strs(&e, func(s string) string {
		if s != "" {
			visited++
		}
		return s
	})
	if visited != n {
		t.Fatalf("strs visits %d non-empty strings of %d: a field of embargo.Entity is missing from strs", visited, n)
	}
}

func countStrings(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			*n++
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			countStrings(v.Field(i), n)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			countStrings(v.Index(i), n)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			countStrings(v.Elem(), n)
		}
	}
}

// full is an entity with every field set to a non-empty value, by reflection,
// so that a new field is filled too.
func full(id string) embargo.Entity {
	var e embargo.Entity
	i := 0
	fill(reflect.ValueOf(&e).Elem(), &i)
	e.ID = id
	return e
}

func fill(v reflect.Value, i *int) {
	switch v.Kind() {
	case reflect.String:
		*i++
		v.SetString(strings.Repeat("s", *i%7+1) + string(rune('a'+*i%26)))
	case reflect.Int:
		*i++
		v.SetInt(int64(*i))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for j := 0; j < v.NumField(); j++ {
			fill(v.Field(j), i)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for j := 0; j < 2; j++ {
			fill(s.Index(j), i)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), i)
		v.Set(p)
	}
}
