package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
)

// cmdFake is a list format of these tests, so that the commands are tested
// without the real data: "CMDFAKE <date>", "ref,name,program" lines, "END".
type cmdFake struct{}

func init() { source.Register(cmdFake{}) }

func (cmdFake) Info() source.Info {
	return source.Info{Name: "cmdfake", Source: "cmdfake", Authority: "Test", List: "Test"}
}

func (cmdFake) Detect(_ string, head []byte) bool { return bytes.HasPrefix(head, []byte("CMDFAKE ")) }

func (cmdFake) Parse(files []source.File) (*source.Result, error) {
	res := &source.Result{}
	lines := strings.Split(strings.TrimSpace(string(files[0].Data)), "\n")
	if lines[len(lines)-1] != "END" {
		return nil, source.FormatError("cmdfake", files[0].Name, "truncated: no END line")
	}
	d, err := embargo.ParseDate(strings.TrimPrefix(lines[0], "CMDFAKE "))
	if err != nil {
		return nil, source.FormatError("cmdfake", files[0].Name, err.Error())
	}
	res.Published = d
	for _, l := range lines[1 : len(lines)-1] {
		f := strings.Split(l, ",")
		if len(f) != 3 {
			res.Problems.Skip(source.Pos{File: files[0].Name, Record: f[0]}, "want 3 fields, got %d", len(f))
			continue
		}
		res.Entities = append(res.Entities, embargo.Entity{ID: "cmdfake:" + f[0], Source: "cmdfake", Schema: embargo.Person,
			Names:        []embargo.Name{{Full: f[1], Kind: embargo.PrimaryName}},
			Designations: []embargo.Designation{{Authority: "Test", List: "Test", SourceProgram: f[2], Ref: f[0]}},
			Record:       l})
	}
	return res, nil
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// must runs a command that must succeed and returns its output.
func must(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, err := runMain(t, args...)
	if err != nil {
		t.Fatalf("embargo %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

func decode[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("output is not the JSON expected: %v\n%s", err, out)
	}
	return v
}

func TestListsEmptyStoreSaysDemo(t *testing.T) {
	out := must(t, "lists")
	if !strings.Contains(out, "demo subset") {
		t.Errorf("lists on an empty store does not say the demo subset is in use:\n%s", out)
	}
	rows := decode[[]map[string]any](t, must(t, "lists", "--json"))
	if len(rows) != 1 || rows[0]["source"] != "demo" || rows[0]["demo"] != true {
		t.Errorf("lists --json on an empty store = %v; want one demo row", rows)
	}
	dir := t.TempDir()
	must(t, "--data-dir", dir, "lists")
	if _, err := os.Stat(filepath.Join(dir, storeFile)); err == nil {
		t.Errorf("lists created a database in an empty data directory")
	}
}

func TestListsWithFixtures(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	v1 := writeFile(t, files, "v1.txt", "CMDFAKE 2026-01-10\nA1,Alpha One,RUSSIA-EO14024\nA2,Beta Two,DPRK3\nbad line\nEND\n")
	v2 := writeFile(t, files, "v2.txt", "CMDFAKE 2026-02-10\nA1,Alpha Uno,RUSSIA-EO14024\nA3,Gamma,RUSSIA-EO14024\nA4,Delta,RUSSIA-EO14024\nA5,Eps,IRAN\nEND\n")
	cut := writeFile(t, files, "cut.txt", "CMDFAKE 2026-03-10\nA1,Alpha One,RUSSIA-EO14024\nA9,Om")
	html := writeFile(t, files, "page.xml", "<!DOCTYPE html><html><body>Service unavailable</body></html>")

	out := must(t, "--data-dir", dir, "lists", "import", v1)
	for _, want := range []string{"cmdfake: imported version 1 (published 2026-01-10): 2 entities (Person 2), 1 problems",
		"problem: " + v1 + ": bad line: want 3 fields, got 1 (record skipped)"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	must(t, "--data-dir", dir, "lists", "import", "--source", "cmdfake", v2)
	if out := must(t, "--data-dir", dir, "lists", "import", v2); !strings.Contains(out, "unchanged: same content as version 2") {
		t.Errorf("second import of the same file: %s", out)
	}
	for _, bad := range []string{cut, html} {
		_, _, err := runMain(t, "--data-dir", dir, "lists", "import", bad)
		if err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("import %s: error %v; want one naming the file", bad, err)
		}
	}
	vs := decode[[]embargo.ListVersion](t, must(t, "--data-dir", dir, "--json", "lists", "versions", "cmdfake"))
	if len(vs) != 2 {
		t.Fatalf("after two good and two refused imports: %d versions; want 2", len(vs))
	}

	rows := decode[[]map[string]any](t, must(t, "--data-dir", dir, "lists", "--json"))
	if len(rows) != 1 || rows[0]["source"] != "cmdfake" || rows[0]["version"] != 2.0 || rows[0]["published"] != "2026-02-10" ||
		rows[0]["entities"] != 4.0 || rows[0]["by_schema"].(map[string]any)["Person"] != 4.0 {
		t.Errorf("lists --json = %v", rows)
	}

	rows = decode[[]map[string]any](t, must(t, "--data-dir", dir, "lists", "--json", "--on", "2026-02-09"))
	if len(rows) != 1 || rows[0]["version"] != 1.0 {
		t.Errorf("lists --on 2026-02-09 = %v; want version 1", rows)
	}
	if _, _, err := runMain(t, "--data-dir", dir, "lists", "--on", "2025-12-31"); embargo.ErrorKind(err) != embargo.ENOTFOUND {
		t.Errorf("lists --on a date before any list: %v; want not found", err)
	}

	d := decode[diffReport](t, must(t, "--data-dir", dir, "lists", "diff", "cmdfake", "--json"))
	if !slices.Equal(d.Added, []string{"cmdfake:A3", "cmdfake:A4", "cmdfake:A5"}) || !slices.Equal(d.Removed, []string{"cmdfake:A2"}) ||
		!slices.Equal(d.Changed, []string{"cmdfake:A1"}) || !slices.Equal(d.ChangedFields["cmdfake:A1"], []string{"names", "record"}) {
		t.Errorf("diff --json = %+v", d)
	}
	if d.AddedByProgram["RUSSIA-EO14024"] != 2 || d.AddedByProgram["IRAN"] != 1 || d.RemovedByProgram["DPRK3"] != 1 {
		t.Errorf("diff by program: added %v removed %v", d.AddedByProgram, d.RemovedByProgram)
	}
	human := must(t, "--data-dir", dir, "lists", "diff", "cmdfake", "--from", "1", "--to", "2")
	for _, want := range []string{"3 added, 1 removed, 1 changed", "RUSSIA-EO14024        2", "cmdfake:A1  Alpha Uno  [names, record]"} {
		if !strings.Contains(human, want) {
			t.Errorf("diff output lacks %q:\n%s", want, human)
		}
	}

	show := must(t, "--data-dir", dir, "lists", "show", "cmdfake:A2")
	for _, want := range []string{"cmdfake:A2  Beta Two  (Person)", "NOT in the version in force", "version 1 (2026-01-10): listed", "version 2 (2026-02-10): not listed", "A2,Beta Two,DPRK3"} {
		if !strings.Contains(show, want) {
			t.Errorf("show output lacks %q:\n%s", want, show)
		}
	}
	for _, tc := range []struct {
		id, on string
		listed bool
	}{{"cmdfake:A2", "2026-01-31", true}, {"cmdfake:A2", "2026-02-10", false}, {"cmdfake:A3", "2026-01-31", false}, {"cmdfake:A3", "2026-12-01", true}} {
		r := decode[onReport](t, must(t, "--data-dir", dir, "--json", "lists", "show", tc.id, "--on", tc.on))
		if r.Listed != tc.listed {
			t.Errorf("show %s --on %s: listed=%v; want %v", tc.id, tc.on, r.Listed, tc.listed)
		}
	}
	if _, _, err := runMain(t, "--data-dir", dir, "lists", "show", "cmdfake:A2", "--on", "2026-13-01"); err == nil {
		t.Errorf("show --on with an impossible date: no error")
	}
}

func TestListsDiffUN(t *testing.T) {
	old := testdata.Path(t, "un_sc_consolidated/consolidated_2025-11-29.xml")
	cur := testdata.Path(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	dir := t.TempDir()
	must(t, "--data-dir", dir, "lists", "import", old)
	must(t, "--data-dir", dir, "lists", "import", cur)
	d := decode[diffReport](t, must(t, "--data-dir", dir, "lists", "diff", "un", "--json"))
	wantAdded := []string{"un:SDi.007", "un:SDi.008", "un:SDi.009", "un:SDi.010"}
	if !slices.Equal(d.Added, wantAdded) || !slices.Equal(d.Removed, []string{"un:IQi.074"}) || len(d.Changed) != 0 {
		t.Errorf("UN 2025-11-29 -> 2026-02-27: added %v removed %v changed %v; want %v, [un:IQi.074], none",
			d.Added, d.Removed, d.Changed, wantAdded)
	}
	if d.AddedByProgram["Sudan"] != 4 {
		t.Errorf("added by program = %v; want Sudan 4", d.AddedByProgram)
	}
	r := decode[onReport](t, must(t, "--data-dir", dir, "--json", "lists", "show", "un:IQi.074", "--on", "2026-01-15"))
	if !r.Listed || r.Version == nil || r.Version.Version != 1 {
		t.Errorf("IQi.074 on 2026-01-15: %+v; want listed by version 1", r)
	}
	r = decode[onReport](t, must(t, "--data-dir", dir, "--json", "lists", "show", "un:IQi.074", "--on", "2026-03-01"))
	if r.Listed {
		t.Errorf("IQi.074 on 2026-03-01: listed; want removed by version 2")
	}
}

func TestListsRefusesBrokenUN(t *testing.T) {
	data := testdata.Read(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	dir, files := t.TempDir(), t.TempDir()
	good := testdata.Path(t, "un_sc_consolidated/consolidated_2025-11-29.xml")
	must(t, "--data-dir", dir, "lists", "import", good)
	cut := writeFile(t, files, "consolidated.xml", string(data[:len(data)/3]))
	html := writeFile(t, files, "error.xml", "<html><head><title>503</title></head><body>Service Unavailable</body></html>")
	for _, bad := range []string{cut, html} {
		_, _, err := runMain(t, "--data-dir", dir, "lists", "import", bad)
		if err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("import %s: error %v; want one naming the file", bad, err)
		}
		// Naming the format does not make a broken file acceptable.
		if _, _, err := runMain(t, "--data-dir", dir, "lists", "import", "--source", "un", bad); err == nil {
			t.Errorf("import --source un %s: no error", bad)
		}
	}
	vs := decode[[]embargo.ListVersion](t, must(t, "--data-dir", dir, "--json", "lists", "versions", "un"))
	if len(vs) != 1 || vs[0].Entities != 1000 {
		t.Errorf("after refused imports: %d versions; want the 1 good one", len(vs))
	}
}

func TestListsDiffOFAC(t *testing.T) {
	old := testdata.Path(t, "ofac_sdn/sdn_2022-02-17.csv")
	cur := testdata.Path(t, "ofac_sdn/sdn_2024-05-03.csv")
	dir := t.TempDir()
	must(t, "--data-dir", dir, "lists", "import", old)
	must(t, "--data-dir", dir, "lists", "import", cur)
	d := decode[diffReport](t, must(t, "--data-dir", dir, "lists", "diff", "ofac", "--json"))
	t.Logf("OFAC SDN 2022-02-17 -> 2024-05-03: %d added, %d removed, %d changed", len(d.Added), len(d.Removed), len(d.Changed))
	var b strings.Builder
	countTable(&b, d.AddedByProgram)
	t.Logf("added by program:\n%s", b.String())
	top, topN := "", 0
	for p, n := range d.AddedByProgram {
		if n > topN {
			top, topN = p, n
		}
	}
	if top != "RUSSIA-EO14024" || topN*2 < len(d.Added) {
		t.Errorf("program with most additions = %s (%d of %d); want RUSSIA-EO14024, over half", top, topN, len(d.Added))
	}
	// SOURCE.md: 4,440 rows of the 2024 file name RUSSIA-EO14024; the
	// additions are those of them that were not listed in 2022.
	if topN > 4440 {
		t.Errorf("RUSSIA-EO14024 additions = %d; more than the 4,440 rows naming it in 2024", topN)
	}
	if len(d.Added)-len(d.Removed) != 14965-9056 {
		t.Errorf("added - removed = %d; want 14,965 - 9,056 = %d", len(d.Added)-len(d.Removed), 14965-9056)
	}
}

func TestListsImportOFACSet(t *testing.T) {
	var set []string
	for _, n := range []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"} {
		set = append(set, testdata.Path(t, "ofac_sdn/set_2021-07_consistent/"+n))
	}
	dir := t.TempDir()
	r := decode[importReport](t, must(t, append([]string{"--data-dir", dir, "--json", "lists", "import"}, set...)...))
	// SOURCE.md: the 2021-07 set has 8,976 sdn.csv rows.
	if !r.Created || r.Version.Source != "ofac" || r.Version.Entities != 8976 {
		t.Errorf("the four OFAC files imported as %+v; want one new ofac version of 8,976 entities", r.Version)
	}
	slices.Reverse(set)
	out := must(t, append([]string{"--data-dir", dir, "lists", "import"}, set...)...)
	if !strings.Contains(out, "unchanged: same content as version 1") {
		t.Errorf("the same four files in another order: %s", out)
	}
}

func TestCatalogFromStoreElseDemo(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	m := NewMain()
	m.DataDir = dir
	defer m.Close()
	c, err := m.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Demo || len(c.Versions) != 0 {
		t.Errorf("Catalog of an empty store: demo=%v versions=%v; want the demo subset", c.Demo, c.Versions)
	}
	f := writeFile(t, t.TempDir(), "v1.txt", "CMDFAKE 2026-01-10\nA1,Alpha One,RUSSIA-EO14024\nA2,Beta Two,DPRK3\nEND\n")
	must(t, "--data-dir", dir, "lists", "import", f)
	m2 := NewMain()
	m2.DataDir = dir
	defer m2.Close()
	c, err = m2.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Demo || len(c.Entities) != 2 || len(c.Versions) != 1 || c.Versions[0].Source != "cmdfake" {
		t.Errorf("Catalog after an import: demo=%v, %d entities, versions %+v; want the imported list", c.Demo, len(c.Entities), c.Versions)
	}
}
