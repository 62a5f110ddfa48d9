package ftm_test

import (
	"os"
	"path/filepath"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/ftm"
)

func readFiles(t *testing.T, rels ...string) []source.File {
	t.Helper()
	var fs []source.File
	for _, rel := range rels {
		fs = append(fs, source.File{Name: rel, Data: testdata.Read(t, rel)})
	}
	return fs
}

// TestCountZala: SOURCE.md gives Sanction 41, Ownership 14, Company 11,
// Address 11, Person 6, Family 4, Directorship 3, Passport 1.
func TestCountZala(t *testing.T) {
	res, err := ftm.Format{}.Parse(readFiles(t, "opensanctions/yente/ftm_fixtures/zala/entities.ftm.json"))
	if err != nil {
		t.Fatal(err)
	}
	by := map[embargo.Schema]int{}
	designations := map[string]int{}
	for _, e := range res.Entities {
		by[e.Schema]++
		designations[e.ID] = len(e.Designations)
	}
	for _, p := range res.Problems {
		t.Logf("problem: %v", p)
	}
	// 8 target companies and 6 persons; the 3 non-target companies are
	// related parties no Sanction names.
	if by[embargo.Person] != 6 || by[embargo.Organization] != 8 {
		t.Errorf("got %v, want 6 persons and 8 organisations", by)
	}
	// The 41 Sanction entities name two entities: LLC CST / Zala Aero (28)
	// and Zakharov (13); the other targets get one designation per dataset.
	if designations["ftm:NK-abdzbEBkqyT29GyREbiURZ"] != 28 || designations["ftm:NK-aU5ybkbRFJucf8YMwsJvDw"] != 13 {
		t.Errorf("designations from Sanction entities: %v", designations)
	}
	if designations["ftm:NK-2Tbri3s6GgNtAwsSXh4qpL"] != 7 {
		t.Errorf("Osetrova: %d designations, want one per dataset (7)", designations["ftm:NK-2Tbri3s6GgNtAwsSXh4qpL"])
	}
}

// TestCountT1: 7 real eu_fsf entities, one of them an Address, none with
// a Sanction entity: each target gets its dataset as designation.
func TestCountT1(t *testing.T) {
	res, err := ftm.Format{}.Parse(readFiles(t, "opensanctions/yente/ftm_fixtures/t1/entities.ftm.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) != 6 || len(res.Problems) != 1 {
		t.Errorf("got %d entities and problems %v, want 6 and one (the Address)", len(res.Entities), res.Problems)
	}
	for _, e := range res.Entities {
		if len(e.Designations) != 1 || e.Designations[0].List != "eu_fsf" {
			t.Errorf("%s: designations %+v", e.ID, e.Designations)
		}
	}
}

// TestDeltas applies the t2 delta series in the order of its index:
// ADD AL-QAIDA IN IRAQ and a person; ADD a test entity and MOD the first;
// DEL the test entity; ADD PLOTNIKOV.
func TestDeltas(t *testing.T) {
	dir := "opensanctions/yente/ftm_fixtures/t2"
	rels := []string{dir + "/delta.json"}
	root := testdata.Path(t, dir)
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	// Given in reverse order on purpose: the index sets the order.
	for i := len(ents) - 1; i >= 0; i-- {
		if ents[i].IsDir() {
			rels = append(rels, filepath.ToSlash(filepath.Join(dir, ents[i].Name(), "entities.delta.json")))
		}
	}
	res, err := ftm.Format{}.Parse(readFiles(t, rels...))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]embargo.Entity{}
	for _, e := range res.Entities {
		got[e.ID] = e
	}
	for _, p := range res.Problems {
		t.Logf("problem: %v", p)
	}
	if len(got) != 3 {
		t.Errorf("got %d entities, want 3: %v", len(got), keys(got))
	}
	if _, ok := got["ftm:NK-500Poltergeist"]; ok {
		t.Error("NK-500Poltergeist was deleted but is still there")
	}
	if e := got["ftm:NK-2T3S8Hu29ktYnKSTgQp2wL"]; len(e.Designations) != 1 || e.Designations[0].List != "eu_fsf" {
		t.Errorf("MOD not applied: designations %+v", e.Designations)
	}
	if res.Published.String() != "2024-05-28" || len(res.Problems) != 0 {
		t.Errorf("Published %s, problems %v", res.Published, res.Problems)
	}
}

func keys(m map[string]embargo.Entity) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
