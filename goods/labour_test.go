package goods_test

import (
	"errors"
	"testing"
	"time"

	"embargo"
	"embargo/goods"
)

func TestLabour(t *testing.T) {
	ms := mustMeasures(t)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	cases := []struct {
		name  string
		r     goods.Record
		asOf  string
		want  goods.Outcome
		cites string
	}{
		{"authorised after 2375", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "RU", Start: "2017-10-01", Authorised: "2017-09-12", End: "2018-06-01"}, "2018-07-01", goods.Prohibited, "UN-2375-17"},
		{"authorised between 2371 and 2375", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "CN", Start: "2017-08-20", End: "2018-01-01"}, "2018-07-01", goods.Review, "UN-2371-11"},
		{"authorised on 2375's day", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "CN", Start: "2017-09-11", End: "2018-01-01"}, "2018-07-01", goods.Review, "UN-2375-17"},
		{"prior contract attested", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "CN", Start: "2017-10-01", Contract: "2017-09-01", End: "2018-01-01", Attestations: []string{"committee-notified"}}, "2018-07-01", goods.Clear, "UN-2375-17"},
		{"prior contract not notified", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "CN", Start: "2017-10-01", Contract: "2017-09-01", End: "2018-01-01"}, "2018-07-01", goods.Review, "UN-2375-17"},
		{"still working after deadline", goods.Record{Nationality: []string{"North Korea"}, CountryOfWork: "Russia", Start: "2015-01-01"}, "2020-01-15", goods.Prohibited, "UN-2397-8"},
		{"working before deadline", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "RU", Start: "2015-01-01"}, "2019-06-01", goods.Review, "UN-2397-8"},
		{"repatriated on time", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "RU", Start: "2015-01-01", End: "2019-12-01"}, "2020-06-01", goods.Clear, ""},
		{"dual national of the State of work", goods.Record{Nationality: []string{"KP", "RU"}, CountryOfWork: "RU", Start: "2015-01-01"}, "2020-06-01", goods.Clear, "UN-2397-8"},
		{"refoulement barred", goods.Record{Nationality: []string{"KP"}, CountryOfWork: "DE", Start: "2015-01-01", Attestations: []string{"repatriation-prohibited"}}, "2020-06-01", goods.Clear, "UN-2397-8"},
		{"not a DPRK national", goods.Record{Nationality: []string{"CN"}, CountryOfWork: "RU", Start: "2018-01-01"}, "2020-06-01", goods.Clear, ""},
	}
	for _, tc := range cases {
		v, err := ms.CheckLabour(tc.r, day(tc.asOf))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		cited := tc.cites == ""
		for _, f := range v.Findings {
			cited = cited || f.Measure == tc.cites
		}
		if v.Verdict != tc.want || !cited {
			t.Errorf("%s: want %s citing %q, got %s %+v", tc.name, tc.want, tc.cites, v.Verdict, v.Findings)
		}
	}
}

func TestLabourBadInput(t *testing.T) {
	ms := mustMeasures(t)
	cases := map[string]goods.Record{
		"nationality":     {Nationality: []string{"Narnia"}, CountryOfWork: "RU", Start: "2018-01-01"},
		"country_of_work": {Nationality: []string{"KP"}, Start: "2018-01-01"},
		"start":           {Nationality: []string{"KP"}, CountryOfWork: "RU", Start: "2018-02-31"},
		"end":             {Nationality: []string{"KP"}, CountryOfWork: "RU", Start: "2018-02-01", End: "2017-01-01"},
	}
	for field, r := range cases {
		_, err := ms.CheckLabour(r, time.Now())
		var e *embargo.Error
		if !errors.As(err, &e) || e.Field != field {
			t.Errorf("%s: want an error on %s, got %v", field, field, err)
		}
	}
}
