package eval_test

import (
	"strings"
	"testing"

	"embargo"
	"embargo/eval"
)

const queries = `query_id,schema,name,birth_date,nationality,expected,region
1,person,Kim Jong Un,1984-1-8,North Korea,ofac:20157,asia
2,person,Jane Doe,,gb,,europe
3,,Someone Else,1970,,ofac:1,europe
`

func TestReadQueries(t *testing.T) {
	qs, err := eval.ReadQueries(strings.NewReader(queries), "q.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].Query.BirthDate != (embargo.Date{Year: 1984, Month: 1, Day: 8}) ||
		qs[0].Query.Countries[0] != "KP" || qs[0].Expected != "ofac:20157" || qs[1].Expected != "" ||
		qs[2].Query.Schema != embargo.Thing || qs[2].Fields["region"] != "europe" {
		t.Errorf("%+v", qs)
	}
	for _, bad := range []struct{ csv, want string }{
		{"query_id,name\n1,x\n", `lacks column "schema"`},
		{"", "empty file"},
		{"query_id,schema,name,birth_date,nationality,expected\n1,planet,x,,,\n", "row 2: schema"},
		{"query_id,schema,name,birth_date,nationality,expected\n1,person,x,1990-02-30,,\n", "row 2: birth_date"},
		{"query_id,schema,name,birth_date,nationality,expected\n1,person,x,,Atlantis,\n", "row 2: nationality"},
		{"query_id,schema,name,birth_date,nationality,expected\n1,person,x\n", "row 2 has 3 fields"},
	} {
		if _, err := eval.ReadQueries(strings.NewReader(bad.csv), "q.csv"); err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "q.csv") {
			t.Errorf("%q: error %v, want one naming q.csv and %q", bad.csv, err, bad.want)
		}
	}
}

func TestRunMetrics(t *testing.T) {
	qs, err := eval.ReadQueries(strings.NewReader(queries), "q.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Query 1 finds its entity first above the threshold; query 3 finds its
	// entity second; the negative query 2 gets a hit above the threshold.
	screen := func(q embargo.Query) []embargo.Match {
		switch q.Name {
		case "Kim Jong Un":
			return []embargo.Match{{EntityID: "ofac:20157", Score: 0.95}}
		case "Jane Doe":
			return []embargo.Match{{EntityID: "x", Score: 0.85}}
		}
		return []embargo.Match{{EntityID: "y", Score: 0.7}, {EntityID: "ofac:1", Score: 0.6}}
	}
	r := eval.Run(qs, screen, 0.8, "region")
	if r.Queries != 3 || r.RecallAt1 != 0.5 || r.RecallAt5 != 1 || r.RecallAt1Thresholded != 0.5 || r.FalsePositiveRate != 1 {
		t.Errorf("%+v", r)
	}
	if e := r.Subsets["europe"]; e == nil || e.Queries != 2 || e.RecallAt1 != 0 || e.RecallAt5 != 1 {
		t.Errorf("europe %+v", e)
	}
}

func TestPairs(t *testing.T) {
	ps, err := eval.ReadPairs(strings.NewReader("name1,name2,is_match,schema\na,a,true,person\nb,c,false,\nd,e,1,vessel\nf,g,0,\n"), "p.csv")
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]float64{"a": 0.9, "b": 0.85, "d": 0.7, "f": 0.1}
	r, _ := eval.RunPairs(ps, func(p eval.Pair) float64 { return scores[p.Name1] }, 0.8)
	// At 0.8: a (tp), b (fp), d missed: P 0.5, R 0.5. At 0.7: P 2/3, R 1, F1 0.8.
	if r.Pairs != 4 || r.Precision != 0.5 || r.Recall != 0.5 || r.F1 != 0.5 || r.BestThreshold != 0.7 || r.BestF1 != 0.8 {
		t.Errorf("%+v", r)
	}
	if _, err := eval.ReadPairs(strings.NewReader("name1,name2,is_match\na,b,maybe\n"), "p.csv"); err == nil || !strings.Contains(err.Error(), "p.csv: row 2: is_match") {
		t.Errorf("bad is_match: %v", err)
	}
}

func TestResolveExpected(t *testing.T) {
	ents := []embargo.Entity{
		{ID: "un:1", Names: []embargo.Name{{Full: "SALEK, Abdulhai"}}, BirthDates: []embargo.BirthDate{{Date: embargo.Date{Year: 1965}}}},
		{ID: "un:2", Names: []embargo.Name{{Full: "Janan AGHA"}}, BirthDates: []embargo.BirthDate{{Date: embargo.Date{Year: 1958}}}},
		{ID: "un:3", Names: []embargo.Name{{Full: "Janan AGHA"}}, BirthDates: []embargo.BirthDate{{Date: embargo.Date{Year: 1958}}}},
	}
	rows := []eval.YenteRow{{Name: "ABDULHAI SALEK", BirthDate: "1965"}, {Name: "JANAN AGHA", BirthDate: "1958"}, {Name: "ABDULHAI SALEK", BirthDate: "1966"}}
	ids, n := eval.ResolveExpected(rows, ents)
	if n != 1 || ids[0] != "un:1" || ids[1] != "" || ids[2] != "" {
		t.Errorf("ids %v resolved %d: want un:1 only (the namesakes are ambiguous, the other date wrong)", ids, n)
	}
}
