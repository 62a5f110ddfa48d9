package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"embargo"
	"embargo/httpapi"
)

func TestCoverage(t *testing.T) {
	on := func(y, m, d int) embargo.Date { return embargo.Date{Year: y, Month: m, Day: d} }
	cat := &embargo.Catalog{
		Entities: []embargo.Entity{
			{ID: "un:KPi.033", Source: "un", Schema: embargo.Person, Names: []embargo.Name{{Full: "RI WON HO", Kind: embargo.PrimaryName}},
				Designations: []embargo.Designation{{Program: "DPRK", Ref: "KPi.033", ListedOn: on(2016, 11, 30)}}},
			{ID: "un:KPe.001", Source: "un", Schema: embargo.Organization, Names: []embargo.Name{{Full: "KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID)", Kind: embargo.PrimaryName}},
				Designations: []embargo.Designation{{Program: "DPRK", Ref: "KPe.001", ListedOn: on(2009, 4, 24)}}},
			{ID: "un:QDi.001", Source: "un", Schema: embargo.Person, Names: []embargo.Name{{Full: "ABU EXAMPLE", Kind: embargo.PrimaryName}},
				Designations: []embargo.Designation{{Program: "TERRORISM", Ref: "QDi.001"}}},
			{ID: "uk:13478", Source: "uk", Schema: embargo.Person, Names: []embargo.Name{{Full: "Won Ho RI", Kind: embargo.PrimaryName}},
				Designations: []embargo.Designation{{Program: "DPRK", Ref: "DPR0033", ListedOn: on(2017, 6, 2), CrossRefs: []string{"un:KPi.033"}}}},
			{ID: "ofac:9345", Source: "ofac", Schema: embargo.Organization, Names: []embargo.Name{{Full: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Kind: embargo.PrimaryName}},
				Designations: []embargo.Designation{{Program: "DPRK", Ref: "9345"}}},
		},
		Versions: []embargo.ListVersion{{Source: "un", Version: 1}, {Source: "uk", Version: 1}, {Source: "ofac", Version: 1}},
	}
	s := httpapi.New(httpapi.Config{})
	s.Swap(httpapi.NewState(cat, time.Now()))
	ts := httptest.NewServer(s)
	defer ts.Close()

	code, out := do(t, "GET", ts.URL+"/v1/analysis/coverage?regime=dprk", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %v", code, out)
	}
	if out["reference"] != "un" || out["regime"] != "DPRK" || out["entities"] != 2.0 || out["request_id"] == "" || out["threshold"] != 0.9 {
		t.Errorf("answer %v, want un DPRK, 2 entities, with the meta and the min score as threshold", out)
	}
	srcs := out["sources"].([]any)
	if len(srcs) != 2 {
		t.Fatalf("sources %v, want ofac and uk", srcs)
	}
	ofac, uk := srcs[0].(map[string]any), srcs[1].(map[string]any)
	if ofac["source"] != "ofac" || ofac["covered"] != 1.0 || ofac["by_match"] != 1.0 {
		t.Errorf("ofac %v, want 1 covered by match", ofac)
	}
	if uk["source"] != "uk" || uk["by_cross_reference"] != 1.0 || uk["lag"].(map[string]any)["max_days"] != 184.0 {
		t.Errorf("uk %v, want 1 by cross-reference, lag 184 days", uk)
	}
	if gaps := out["gaps"].([]any); len(gaps) != 0 {
		t.Errorf("gaps %v, want none", gaps)
	}

	code, out = do(t, "GET", ts.URL+"/v1/analysis/coverage?sources=uk", "")
	if code != http.StatusOK || out["entities"] != 3.0 || len(out["sources"].([]any)) != 1 || len(out["gaps"].([]any)) != 2 {
		t.Errorf("every regime, uk only: %d %v, want 3 entities, 1 source, 2 gaps", code, out)
	}

	if code, out := do(t, "GET", ts.URL+"/v1/analysis/coverage?min_score=0", ""); code != http.StatusBadRequest {
		t.Errorf("min_score=0: %d %v, want 400", code, out)
	}
}
