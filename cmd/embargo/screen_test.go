package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// unFixture is the hand-written UN SC list of source/unsc's golden tests
// (RI Won Ho KPi.033, KOMID KPe.001, ...).
const unFixture = "../../source/unsc/testdata/basic/input.xml"

// importedDir returns a data dir holding the UN fixture as one list version.
func importedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, _, err := runMain(t, "--data-dir", dir, "lists", "import", unFixture); err != nil {
		t.Fatalf("import fixture: %v", err)
	}
	return dir
}

func TestScreenDemoSaysSo(t *testing.T) {
	out, _, err := runMain(t, "screen", "Kim Jong Un")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "demo subset, not a compliance list") {
		t.Errorf("no demo notice in:\n%s", out)
	}
}

func TestScreenImportedList(t *testing.T) {
	dir := importedDir(t)
	out, _, err := runMain(t, "--data-dir", dir, "--json", "screen", "Won Ho Ri", "--type", "person", "--dob", "1964-07-17")
	if err != nil {
		t.Fatal(err)
	}
	var res screenResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if res.Demo || len(res.Versions) == 0 || res.Versions[0].Source != "un" {
		t.Errorf("versions %+v demo %v", res.Versions, res.Demo)
	}
	if len(res.Hits) == 0 || res.Hits[0].EntityID != "un:KPi.033" || !res.Hits[0].Matched {
		t.Fatalf("hits %+v", res.Hits)
	}
	if len(res.Hits[0].Explanations) == 0 {
		t.Errorf("no explanation")
	}
	text, _, err := runMain(t, "--data-dir", dir, "screen", "RI WON HO")
	if err != nil || !strings.Contains(text, "un:KPi.033") || !strings.Contains(text, "un v1") || strings.Contains(text, "demo subset") {
		t.Errorf("text output (%v):\n%s", err, text)
	}
}

func TestScreenBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"screen", "X", "--type", "planet"},
		{"screen", "X", "--dob", "1984-13-01"},
		{"screen", "X", "--country", "Atlantis"},
		{"screen"},
		{"screen", "X", "--file", "a.csv"},
	} {
		if _, _, err := runMain(t, args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
	if _, _, err := runMain(t, "screen", "--file", "customers.txt"); err == nil || !strings.Contains(err.Error(), "customers.txt") {
		t.Errorf("unknown extension: %v", err)
	}
}

func TestScreenFileResumes(t *testing.T) {
	dir := importedDir(t)
	in := filepath.Join(t.TempDir(), "customers.csv")
	write(t, in, "id,name,dob\nc1,Ri Won Ho,1964-07-17\nc2,Jane Smith,\nc3,Korea Mining Development Trading Corp,\nc4,Someone,1990-02-31\n")
	outPath := filepath.Join(t.TempDir(), "out.csv")
	_, stderr, err := runMain(t, "--data-dir", dir, "screen", "--file", in, "--output", outPath)
	if err != nil {
		t.Fatal(err)
	}
	recs := readCSVFile(t, outPath)
	if len(recs) != 5 || recs[0][0] != "row_id" {
		t.Fatalf("output %v", recs)
	}
	byID := map[string][]string{}
	for _, r := range recs[1:] {
		byID[r[0]] = r
	}
	if byID["c1"][4] != "un:KPi.033" || byID["c1"][3] != "true" || byID["c3"][4] != "un:KPe.001" {
		t.Errorf("results %v", recs)
	}
	if byID["c2"][3] != "false" || !strings.Contains(byID["c4"][10], "--dob") {
		t.Errorf("c2 %v c4 %v", byID["c2"], byID["c4"])
	}
	if !strings.Contains(stderr, "screened 4 rows") {
		t.Errorf("stderr %q", stderr)
	}
	// Stop after two rows, the third half written: the rerun redoes the rest only.
	data, _ := os.ReadFile(outPath)
	lines := strings.SplitAfter(string(data), "\n")
	write(t, outPath, strings.Join(lines[:3], "")+lines[3][:5])
	_, stderr, err = runMain(t, "--data-dir", dir, "screen", "--file", in, "--output", outPath)
	if err != nil {
		t.Fatal(err)
	}
	if again := readCSVFile(t, outPath); len(again) != 5 {
		t.Errorf("after resume %d rows: %v", len(again), again)
	}
	if !strings.Contains(stderr, "screened 2 rows (2 already in the output)") {
		t.Errorf("stderr %q", stderr)
	}
}

func TestScreenFileJSONL(t *testing.T) {
	dir := importedDir(t)
	in := filepath.Join(t.TempDir(), "customers.jsonl")
	write(t, in, `{"id":"a","full_name":"RI WON HO","type":"person"}`+"\n"+`{"id":"b","full_name":"Nobody Atall"}`+"\n")
	out, _, err := runMain(t, "--data-dir", dir, "screen", "--file", in, "--name-column", "full_name")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines: %s", len(lines), out)
	}
	var o outRow
	if err := json.Unmarshal([]byte(lines[0]), &o); err != nil || o.RowID != "a" || len(o.Hits) == 0 || o.Hits[0].EntityID != "un:KPi.033" {
		t.Errorf("%v %+v", err, o)
	}
	if _, _, err := runMain(t, "--data-dir", dir, "screen", "--file", in); err == nil || !strings.Contains(err.Error(), `"name"`) {
		t.Errorf("missing name column: %v", err)
	}
}

func TestCompare(t *testing.T) {
	out, _, err := runMain(t, "compare", "Kim Jong Un", "KIM, Jong-un", "--type", "person")
	if err != nil || !strings.Contains(out, "score 1.000, match") {
		t.Errorf("%v\n%s", err, out)
	}
	out, _, err = runMain(t, "compare", "Kim Jong Man", "Kim Jong Un")
	if err != nil || !strings.Contains(out, "not a match") || !strings.Contains(out, "unmatched") {
		t.Errorf("%v\n%s", err, out)
	}
	if _, _, err := runMain(t, "compare", "a"); !errors.Is(err, errUsage) {
		t.Errorf("one name: %v", err)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func TestScreenFileXLSX(t *testing.T) {
	dir := importedDir(t)
	x := excelize.NewFile()
	for i, row := range [][]any{{"Customer ID", "Name", "Country"}, {"x1", "Ri Won Ho", "North Korea"}, {"x2", "Jane Smith", "UK"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(t.TempDir(), "customers.xlsx")
	if err := x.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	// "Customer ID" is the id column; "Name" the name column.
	if _, _, err := runMain(t, "--data-dir", dir, "screen", "--file", in, "--output", out, "--name-column", "Name"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var first outRow
	if len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &first) != nil || first.RowID != "x1" || len(first.Hits) == 0 || first.Hits[0].EntityID != "un:KPi.033" {
		t.Errorf("output:\n%s", data)
	}
}
