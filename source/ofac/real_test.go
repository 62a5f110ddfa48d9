package ofac_test

import (
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/internal/testdata"
	"embargo/source"
	"embargo/source/ofac"
)

// readFiles reads files of shared/data (skipping when absent).
func readFiles(tb testing.TB, rel ...string) []source.File {
	tb.Helper()
	var out []source.File
	for _, r := range rel {
		out = append(out, source.File{Name: filepath.Base(r), Data: testdata.Read(tb, r)})
	}
	return out
}

func mustParse(tb testing.TB, format string, files []source.File) *source.Result {
	tb.Helper()
	f, ok := source.Lookup(format)
	if !ok {
		tb.Fatalf("format %s is not registered", format)
	}
	res, err := f.Parse(files)
	if err != nil {
		tb.Fatalf("%s: %v", format, err)
	}
	return res
}

func bySchema(ents []embargo.Entity) map[embargo.Schema]int {
	m := map[embargo.Schema]int{}
	for _, e := range ents {
		m[e.Schema]++
	}
	return m
}

// withProgram counts the entities with a programme whose code contains sub,
// as SOURCE.md counts "rows whose program field contains DPRK".
func withProgram(ents []embargo.Entity, sub string) int {
	n := 0
	for _, e := range ents {
		for _, d := range e.Designations {
			if strings.Contains(d.SourceProgram, sub) {
				n++
				break
			}
		}
	}
	return n
}

func find(ents []embargo.Entity, id string) *embargo.Entity {
	for i := range ents {
		if ents[i].ID == id {
			return &ents[i]
		}
	}
	return nil
}

func TestSDN2024Counts(t *testing.T) {
	res := mustParse(t, ofac.NameCSV, readFiles(t, "ofac_sdn/sdn_2024-05-03.csv"))
	// sdn.csv alone: the 18 remarks OFAC cut at 1,000 characters are reported once.
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "18 entries") {
		t.Errorf("problems = %v, want one about 18 cut remarks", res.Problems)
	}
	if got := len(res.Entities); got != 14965 {
		t.Errorf("entities = %d, want 14,965 (SOURCE.md)", got)
	}
	want := map[embargo.Schema]int{embargo.Person: 6854, embargo.Organization: 6884, embargo.Vessel: 851, embargo.Aircraft: 376}
	if got := bySchema(res.Entities); !equalCounts(got, want) {
		t.Errorf("by schema = %v, want %v", got, want)
	}
	if got := withProgram(res.Entities, "DPRK"); got != 484 {
		t.Errorf("DPRK entries = %d, want 484", got)
	}
	if got := withProgram(res.Entities, "RUSSIA-EO14024"); got != 4440 {
		t.Errorf("RUSSIA-EO14024 entries = %d, want 4,440", got)
	}
	kim := find(res.Entities, "ofac:20157")
	if kim == nil {
		t.Fatal("ofac:20157 (KIM Jong Un) missing")
	}
	if n := kim.Names[0]; n.Full != "KIM, Jong Un" || n.Family != "KIM" || n.Given != "Jong Un" {
		t.Errorf("KIM Jong Un name = %+v", n)
	}
	if len(kim.BirthDates) != 1 || kim.BirthDates[0].String() != "1984-01-08" {
		t.Errorf("KIM Jong Un birth dates = %v, want 1984-01-08", kim.BirthDates)
	}
	tay := find(res.Entities, "ofac:35237")
	if tay == nil || tay.Gender != "male" || len(tay.Nationality) != 1 || tay.Nationality[0] != "RU" {
		t.Errorf("ofac:35237 TAYSAEV = %+v", tay)
	}
}

func equalCounts(a, b map[embargo.Schema]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSDN2022Counts(t *testing.T) {
	res := mustParse(t, ofac.NameCSV, readFiles(t, "ofac_sdn/sdn_2022-02-17.csv"))
	if got := len(res.Entities); got != 9056 {
		t.Errorf("entities = %d, want 9,056", got)
	}
	if got := withProgram(res.Entities, "DPRK"); got != 423 {
		t.Errorf("DPRK entries = %d, want 423", got)
	}
	if got := withProgram(res.Entities, "RUSSIA-EO14024"); got != 15 {
		t.Errorf("RUSSIA-EO14024 entries = %d, want 15", got)
	}
}

var set2021 = []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}

func setFiles(tb testing.TB, dir string, names []string) []source.File {
	var rel []string
	for _, n := range names {
		rel = append(rel, dir+"/"+n)
	}
	return readFiles(tb, rel...)
}

func TestSet2021Consistent(t *testing.T) {
	files := setFiles(t, "ofac_sdn/set_2021-07_consistent", set2021)
	// The order of the files must not matter: their columns tell them apart.
	files[0], files[3] = files[3], files[0]
	res := mustParse(t, ofac.NameCSV, files)
	// The set is consistent; only its sdn_comments.csv, edited by moov-io,
	// lost OFAC's 0x1A end byte, and that is said.
	if len(res.Problems) != 1 || res.Problems[0].Pos.String() != "sdn_comments.csv: end of file" {
		t.Errorf("problems = %v, want one: sdn_comments.csv lacks 0x1A", res.Problems)
	}
	if got := len(res.Entities); got != 8976 {
		t.Errorf("entities = %d, want 8,976", got)
	}
	if got := withProgram(res.Entities, "DPRK"); got != 414 {
		t.Errorf("DPRK entries = %d, want 414", got)
	}
	var adds, strong int
	for _, e := range res.Entities {
		adds += len(e.Addresses)
		for _, n := range e.Names {
			if n.Quality == embargo.Strong {
				strong++
			}
		}
	}
	// add.csv has 13,837 rows, of which 2,397 are all "-0- " (no address known).
	if adds != 13837-2397 {
		t.Errorf("addresses = %d, want 11,440", adds)
	}
	// alt.csv has 11,910 rows; 6 repeat a name their entry already has
	// (8407, 10594, 12609, 13369, 16448, 20125) and are not listed twice.
	if strong != 11910-6 {
		t.Errorf("strong aliases = %d, want 11,904", strong)
	}
	// 12300's remarks continue in sdn_comments.csv: the Linked To cut there is whole.
	e := find(res.Entities, "ofac:12300")
	if e == nil {
		t.Fatal("ofac:12300 missing")
	}
	if !strings.Contains(e.Remarks, "Linked To: R D I S.A") {
		t.Errorf("ofac:12300 remarks do not join sdn_comments.csv: %q", e.Remarks)
	}
}

func TestUnitExcerpt(t *testing.T) {
	res := mustParse(t, ofac.NameCSV, setFiles(t, "ofac_sdn/unit_excerpt", set2021))
	if got := len(res.Entities); got != 17 {
		t.Errorf("entities = %d, want 17", got)
	}
	// The excerpt's add.csv and alt.csv name 9 entries its sdn.csv lacks:
	// each such row is reported, none is silently dropped. Its 4 files lack
	// OFAC's 0x1A end byte, which is said once per file.
	if len(res.Problems) != 9+4 {
		t.Errorf("%d problems, want 13", len(res.Problems))
	}
	for _, p := range res.Problems {
		if p.Pos.Record == "end of file" && strings.Contains(p.Msg, "no 0x1A") {
			continue
		}
		if !p.Skipped || !strings.Contains(p.Msg, "is not in sdn.csv") {
			t.Errorf("unexpected problem: %v", p)
		}
	}
}

func TestConsolidatedXML(t *testing.T) {
	for _, c := range []struct {
		file                 string
		total, ents, persons int
		published            string
	}{
		{"CONSOLIDATED_2026-01-08.xml", 442, 363, 79, "2026-01-08"},
		{"CONSOLIDATED_2025-03-28.xml", 443, 363, 80, "2025-03-28"},
	} {
		t.Run(c.file, func(t *testing.T) {
			files := readFiles(t, "ofac_consolidated_nonsdn/"+c.file)
			f, err := source.Detect(files[0].Name, files[0].Data)
			if err != nil || f.Info().Name != ofac.NameConsXML {
				t.Errorf("Detect = %v, %v; want %s", f, err, ofac.NameConsXML)
			}
			res := mustParse(t, ofac.NameConsXML, files)
			if len(res.Entities) != c.total {
				t.Errorf("entities = %d, want %d", len(res.Entities), c.total)
			}
			m := bySchema(res.Entities)
			if m[embargo.Organization] != c.ents || m[embargo.Person] != c.persons {
				t.Errorf("by schema = %v, want %d Organization, %d Person", m, c.ents, c.persons)
			}
			if res.Published.String() != c.published {
				t.Errorf("published = %s, want %s", res.Published, c.published)
			}
			if !strings.HasPrefix(res.Entities[0].ID, "ofac-cons:") {
				t.Errorf("id = %s, want ofac-cons:...", res.Entities[0].ID)
			}
			for _, p := range res.Problems {
				t.Logf("problem: %v", p)
			}
		})
	}
}

func TestConsolidatedCSV(t *testing.T) {
	names := []string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
	res := mustParse(t, ofac.NameConsCSV, setFiles(t, "ofac_consolidated_nonsdn/csv_2025-12", names))
	if got := len(res.Entities); got != 442 {
		t.Errorf("entities = %d, want 442", got)
	}
	if len(res.Problems) != 0 {
		t.Errorf("%d problems, first: %v", len(res.Problems), res.Problems[0])
	}
}

func TestSDNXMLExcerpt(t *testing.T) {
	res := mustParse(t, ofac.NameXML, readFiles(t, "ofac_sdn/sdn_xml_excerpt_2020-04-22.xml"))
	if got := len(res.Entities); got != 8 {
		t.Errorf("entities = %d, want 8", got)
	}
	// The excerpt's header still says Record_Count 8197: that is reported.
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "8197") {
		t.Errorf("problems = %v, want one about Record_Count 8197", res.Problems)
	}
	if res.Published.String() != "2020-04-22" {
		t.Errorf("published = %s", res.Published)
	}
}
