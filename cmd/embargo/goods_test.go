package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"embargo/internal/testdata"
)

func TestGoodsCheckCLI(t *testing.T) {
	out, _, err := runMain(t, "goods", "check", "--hs", "2701", "--from", "KP", "--to", "CN", "--date", "2017-09-01", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Verdict  string `json:"verdict"`
		Measures []struct {
			ID, Instrument, Paragraph, Basis, Reason string
		} `json:"measures"`
		Exemptions []json.RawMessage `json:"exemptions"`
		Parties    []json.RawMessage `json:"parties"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if v.Verdict != "prohibited" || v.Measures[0].ID != "UN-2371-8" || v.Measures[0].Paragraph != "8" || v.Measures[0].Basis != "indicative" || v.Exemptions == nil || v.Parties == nil {
		t.Errorf("unexpected answer:\n%s", out)
	}
	// Bad input is an error, never a clear.
	if _, _, err := runMain(t, "goods", "check", "--hs", "2701", "--from", "KP", "--to", "CN", "--date", "2017-02-30"); err == nil || !strings.Contains(err.Error(), "date") {
		t.Errorf("impossible date: want an error, got %v", err)
	}
}

func TestGoodsCheckFileCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "s.csv")
	data := "ref,date,from,to,origin,via,hs\n" +
		"a,2017-09-01,KP,CN,,,2701\n" +
		"b,2018-03-01,KP,CN,RU,Rajin,2701\n" +
		"c,2018-03-01,DE,FR,,,9403\n" +
		"d,2018-03-01,KP,Atlantis,,,2701\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runMain(t, "goods", "check", "--file", in, "--no-parties")
	if err == nil || !strings.Contains(err.Error(), "1 of 4 rows") {
		t.Errorf("a bad row should fail the command after the file: %v", err)
	}
	for _, want := range []string{"line 2 (a): PROHIBITED", "line 3 (b): REVIEW", "line 4 (c): CLEAR", "line 5 (d): ERROR", "unknown country"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "4 rows") {
		t.Errorf("stderr lacks the summary: %s", stderr)
	}
}

func TestGoodsMeasuresCLI(t *testing.T) {
	out, _, err := runMain(t, "goods", "measures", "--regime", "RUSSIA")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "CHPL-T1") || strings.Contains(out, "UN-2371-8") || !strings.Contains(out, "854231(instrument)") {
		t.Errorf("unexpected listing:\n%s", out)
	}
	if _, _, err := runMain(t, "goods", "measures", "--regime", "IRAN"); err == nil {
		t.Error("unknown regime should be an error")
	}
}

func TestGoodsLedgerCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "d.csv")
	var b strings.Builder
	b.WriteString("ref,date,product,quantity,unit\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "D%d,2018-%02d-10,diesel,60000,bbl\n", i, i)
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runMain(t, "goods", "ledger", "--file", in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"UN-2397-5", "108.0 % of the cap used", "crossed 75 % with D7", "crossed 100 % with D9", "beyond the cap: D9"} {
		if !strings.Contains(out, want) {
			t.Errorf("ledger output lacks %q:\n%s", want, out)
		}
	}
}

func TestGoodsLabourCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "r.csv")
	data := "ref,nationality,country_of_work,start,authorised,end\nw1,KP,RU,2015-01-01,,\nw2,KP,CN,2017-10-01,2017-10-01,2018-01-01\nw3,KP,Narnia,2015-01-01,,\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runMain(t, "goods", "labour", "--file", in, "--as-of", "2020-01-15")
	if err == nil {
		t.Error("the record with an unknown country should fail the command")
	}
	for _, want := range []string{"line 2 (w1)", "UN-2397-8", "line 3", "UN-2375-17", "line 4", "ERROR"} {
		if !strings.Contains(out, want) {
			t.Errorf("labour output lacks %q:\n%s", want, out)
		}
	}
}

func TestGoodsDescriptionCLI(t *testing.T) {
	hsFile := testdata.Path(t, "hs_codes/harmonized-system_HS2022.csv")
	out, _, err := runMain(t, "goods", "check", "--description", "anthracite", "--from", "KP", "--to", "CN", "--date", "2018-01-10", "--hs-file", hsFile, "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"code": "270111"`) || !strings.Contains(out, `"verdict": "review"`) {
		t.Errorf("want candidate 270111 and review:\n%s", out)
	}
}

// writeShipments writes n generated shipments to a CSV file: codes at every
// level, the target countries and others, dates from 2015 to 2024.
func writeShipments(tb testing.TB, path string, n int) {
	tb.Helper()
	codes := []string{"2701", "270112", "0303", "610910", "854231", "8542.31.00", "2710.19", "2709", "8703", "9403",
		"3004", "1006", "7208", "8471", "84", "0101", "4407", "2601", "8807.30", "620520"}
	countries := []string{"KP", "CN", "RU", "DE", "US", "\"Korea, North\"", "Russia", "JP"}
	var b strings.Builder
	b.WriteString("ref,date,from,to,origin,via,hs,quantity,unit\n")
	for i := 0; i < n; i++ {
		via, origin := "", ""
		if i%7 == 0 {
			via, origin = "Rajin", "RU"
		}
		fmt.Fprintf(&b, "S%d,%d-%02d-%02d,%s,%s,%s,%s,%s,%d,t\n", i, 2015+i%10, 1+i%12, 1+i%28,
			countries[i%8], countries[(i/8)%8], origin, via, codes[(i*7)%len(codes)], i%10000)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkGoodsCheckFile times the CLI on 100,000 generated shipments
// without party screening, the progress bar and text output included.
func BenchmarkGoodsCheckFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "shipments.csv")
	const n = 100000
	writeShipments(b, path, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := NewMain()
		m.Stdout, m.Stderr = io.Discard, io.Discard
		m.DataDir = b.TempDir()
		if err := m.Run(context.Background(), []string{"goods", "check", "--file", path, "--no-parties"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
