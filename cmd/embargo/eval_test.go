package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"embargo/eval"
)

func TestEvalQueries(t *testing.T) {
	dir := importedDir(t)
	qs := filepath.Join(t.TempDir(), "queries.csv")
	write(t, qs, "query_id,schema,name,birth_date,nationality,expected,group\n"+
		"1,person,Ri Won Ho,1964-07-17,kp,un:KPi.033,dprk\n"+
		"2,person,RI WON HO,,North Korea,un:KPi.033,dprk\n"+
		"3,organization,KOMID,,,un:KPe.001,dprk\n"+
		"4,person,Jane Smith,1980-01-01,gb,,none\n")
	out, _, err := runMain(t, "--data-dir", dir, "--json", "eval", qs, "--by", "group")
	if err != nil {
		t.Fatal(err)
	}
	var r eval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Queries != 4 || r.RecallAt1 != 1 || r.RecallAt5 != 1 || r.FalsePositiveRate != 0 || r.Threshold != 0.8 {
		t.Errorf("%s", out)
	}
	if r.Subsets["dprk"] == nil || r.Subsets["dprk"].Queries != 3 || r.Subsets["none"].Queries != 1 {
		t.Errorf("subsets %s", out)
	}
	for _, key := range []string{`"recall_at_1_thresholded"`, `"latency_ms"`, `"p50"`, `"p99"`, `"false_positive_rate"`} {
		if !strings.Contains(out, key) {
			t.Errorf("no %s in %s", key, out)
		}
	}
	text, _, err := runMain(t, "--data-dir", dir, "eval", qs)
	if err != nil || !strings.Contains(text, "R@1") {
		t.Errorf("%v %s", err, text)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	write(t, bad, "query_id,name\n1,x\n")
	if _, _, err := runMain(t, "--data-dir", dir, "eval", bad); err == nil || !strings.Contains(err.Error(), "expected") {
		t.Errorf("missing columns: %v", err)
	}
}

func TestEvalPairs(t *testing.T) {
	ps := filepath.Join(t.TempDir(), "pairs.csv")
	write(t, ps, "name1,name2,is_match,schema\n"+
		"Kim Jong Un,\"KIM, Jong-un\",true,person\n"+
		"Vladimir Putin,Путин Владимир Владимирович,true,person\n"+
		"Kim Jong Man,Kim Jong Un,false,person\n"+
		"Hana 1,Hana 2,false,vessel\n")
	out, _, err := runMain(t, "--json", "eval", "--pairs", ps)
	if err != nil {
		t.Fatal(err)
	}
	var r eval.PairReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Pairs != 4 || r.Precision != 1 || r.Recall != 1 || r.F1 != 1 || r.BestF1 != 1 {
		t.Errorf("%s", out)
	}
}
