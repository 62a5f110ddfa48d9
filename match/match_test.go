package match_test

import (
	"math"
	"strings"
	"testing"

	"embargo"
	"embargo/match"
)

// handBuilt is a small list written by hand after real designations (OFAC
// 20157, OFAC 35237 / UK RUS0649, the Putin listings), plus namesakes and a
// vessel, so that the named cases run without the official files.
func handBuilt() []embargo.Entity {
	person := func(id string, names []string, dob string, nat string) embargo.Entity {
		e := embargo.Entity{ID: id, Source: strings.Split(id, ":")[0], Schema: embargo.Person, Nationality: []string{nat}}
		for i, n := range names {
			k := embargo.AliasName
			if i == 0 {
				k = embargo.PrimaryName
			}
			e.Names = append(e.Names, embargo.Name{Full: n, Kind: k})
		}
		if dob != "" {
			d, err := embargo.ParseDate(dob)
			if err != nil {
				panic(err)
			}
			e.BirthDates = []embargo.BirthDate{{Date: d}}
		}
		return e
	}
	return []embargo.Entity{
		person("ofac:20157", []string{"KIM, Jong Un", "KIM, Jong-un", "KIM, Chong-un", "김정은", "金正恩"}, "1984-01-08", "KP"),
		person("ofac:90001", []string{"KIM, Jong Man"}, "1950", "KP"),
		person("ofac:90002", []string{"KIM, Jong Il"}, "1941-02-16", "KP"),
		person("ofac:90003", []string{"KIM, Yo Jong"}, "1987-09-26", "KP"),
		person("ofac:35237", []string{"TAYSAEV, Kazbek Kutsukovich", "Тайсаев Казбек Куцукович"}, "1967-03-20", "RU"),
		person("uk:RUS0649", []string{"Kazbek Kutsukovich TAYSAEV", "Казбек Куцукович ТАЙСАЕВ"}, "1967-03-20", "RU"),
		person("uk:RUS0251", []string{"Vladimir Vladimirovich PUTIN", "Владимир Владимирович ПУТИН"}, "1952-10-07", "RU"),
		person("ofac:90004", []string{"PUTILIN, Vladimir Ivanovich"}, "1960", "RU"),
		{ID: "un:KPe.001", Source: "un", Schema: embargo.Organization,
			Names: []embargo.Name{{Full: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Kind: embargo.PrimaryName}, {Full: "KOMID", Kind: embargo.AliasName}}},
		{ID: "ofac:90005", Source: "ofac", Schema: embargo.Organization,
			Names: []embargo.Name{{Full: "STROYGAZMONTAZH OOO", Kind: embargo.PrimaryName}}},
		{ID: "ofac:90006", Source: "ofac", Schema: embargo.Vessel,
			Names:       []embargo.Name{{Full: "CHON MA SAN", Kind: embargo.PrimaryName}},
			Identifiers: []embargo.Identifier{{Type: embargo.IMO, Value: "IMO 8660313"}}},
		{ID: "ofac:90007", Source: "ofac", Schema: embargo.Vessel,
			Names:       []embargo.Name{{Full: "HANA 1", Kind: embargo.PrimaryName}},
			Identifiers: []embargo.Identifier{{Type: embargo.IMO, Value: "9123456"}}},
		{ID: "ofac:90008", Source: "ofac", Schema: embargo.Vessel,
			Names: []embargo.Name{{Full: "HANA 2", Kind: embargo.PrimaryName}}},
	}
}

func top(t *testing.T, ix *match.Index, q embargo.Query) embargo.Match {
	t.Helper()
	hits := ix.Screen(q, match.Options{Threshold: 0, Limit: 5})
	if len(hits) == 0 {
		t.Fatalf("%q: no hit", q.Name)
	}
	return hits[0]
}

func TestNamedCasesHandBuilt(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	th := match.DefaultThreshold
	cases := []struct {
		name, want string
	}{
		{"Kim Jong Un", "ofac:20157"},
		{"Kim Jong-un", "ofac:20157"},
		{"KIM JONG UN", "ofac:20157"},
		{"Jong Un Kim", "ofac:20157"},
		{"Kim Jongun", "ofac:20157"},
		{"Kim Chong Un", "ofac:20157"},
		{"김정은", "ofac:20157"},
		{"金正恩", "ofac:20157"},
		{"Kazbek Taysaev", "ofac:35237"},
		{"Kazbek Taisaev", "ofac:35237"},
		{"Тайсаев Казбек Куцукович", "ofac:35237"},
		{"Taysaev K.K.", "ofac:35237"},
		{"Vladimir Putin", "uk:RUS0251"},
		{"Wladimir Putin", "uk:RUS0251"},
		{"Путин Владимир Владимирович", "uk:RUS0251"},
		{"Korea Mining Development Trading Corp.", "un:KPe.001"},
		{"OOO Stroygazmontazh", "ofac:90005"},
		{"M/V Chon Ma San", "ofac:90006"},
	}
	for _, c := range cases {
		m := top(t, ix, embargo.Query{Name: c.name})
		if m.EntityID != c.want || m.Score < th {
			t.Errorf("%q: top hit %s %.3f (%s), want %s >= %.2f; %+v", c.name, m.EntityID, m.Score, m.MatchedName, c.want, th, m.Explanations)
		}
	}
}

func TestTaysaevFindsBothLists(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	hits := ix.Screen(embargo.Query{Name: "Taysaev K.K."}, match.DefaultOptions())
	got := map[string]bool{}
	for _, h := range hits {
		got[h.EntityID] = true
	}
	if !got["ofac:35237"] || !got["uk:RUS0649"] {
		t.Errorf("want ofac:35237 and uk:RUS0649 above threshold, got %v", got)
	}
}

func TestNotExact(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	for _, c := range []struct{ query, notID string }{
		{"Kim Jong Man", "ofac:20157"},
		{"Kim Jong Il", "ofac:20157"},
		{"Vladimir Putilin", "uk:RUS0251"},
		{"Hana 3", "ofac:90007"},
	} {
		for _, h := range ix.Screen(embargo.Query{Name: c.query}, match.DefaultOptions()) {
			if h.EntityID == c.notID {
				t.Errorf("%q matches %s at %.3f, want below %.2f: %+v", c.query, c.notID, h.Score, match.DefaultThreshold, h.Explanations)
			}
		}
	}
}

func TestVesselByIMOAlone(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	for _, q := range []embargo.Query{
		{Name: "IMO 8660313"},
		{Identifiers: []embargo.Identifier{{Type: embargo.IMO, Value: "8660313"}}},
	} {
		hits := ix.Screen(q, match.DefaultOptions())
		if len(hits) == 0 || hits[0].EntityID != "ofac:90006" {
			t.Fatalf("%+v: got %+v, want ofac:90006", q, hits)
		}
		if !hasExplanation(hits[0], "identifier", "exact") || hasExplanation(hits[0], "name", "unmatched") {
			t.Errorf("want the identifier explained, and no name: %+v", hits[0].Explanations)
		}
	}
}

func TestSchemaNeverCrosses(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	hits := ix.Screen(embargo.Query{Name: "Chon Ma San", Schema: embargo.Person}, match.Options{Limit: 5})
	for _, h := range hits {
		if h.Schema == embargo.Vessel {
			t.Errorf("a person query found vessel %s", h.EntityID)
		}
	}
	m := match.Compare(embargo.Query{Name: "Chon Ma San", Schema: embargo.Person}, &handBuilt()[10], match.DefaultOptions())
	if m.Score != 0 || !hasExplanation(m, "schema", "contradicts") {
		t.Errorf("Compare person vs vessel: %+v", m)
	}
}

func TestQualifiers(t *testing.T) {
	ents := handBuilt()
	kim := &ents[0]
	base := match.Compare(embargo.Query{Name: "Kim Jong Un"}, kim, match.DefaultOptions())
	d, _ := embargo.ParseDate("1984-01-08")
	same := match.Compare(embargo.Query{Name: "Kim Jong Un", BirthDate: d}, kim, match.DefaultOptions())
	d2, _ := embargo.ParseDate("1950-05-05")
	other := match.Compare(embargo.Query{Name: "Kim Jong Un", BirthDate: d2}, kim, match.DefaultOptions())
	if !(same.Score >= base.Score && other.Score < base.Score) {
		t.Errorf("dob: base %.3f same %.3f other %.3f", base.Score, same.Score, other.Score)
	}
	if !hasExplanation(other, "birth_date", "contradicts") {
		t.Errorf("no contradiction explained: %+v", other.Explanations)
	}
	pass := match.Compare(embargo.Query{Name: "Kim Jong Un", Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: "X1"}}},
		&embargo.Entity{ID: "x", Schema: embargo.Person, Names: kim.Names, Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: "Y2"}}},
		match.DefaultOptions())
	if pass.Score >= base.Score || !hasExplanation(pass, "identifier", "contradicts") {
		t.Errorf("contradicting passport: %.3f vs %.3f %+v", pass.Score, base.Score, pass.Explanations)
	}
	// The UN writes a DPRK passport with its letter prefix, OFAC without:
	// the same document. Two different prefixes are two documents.
	for _, c := range []struct {
		q, e, method string
	}{
		{"472310104", "PD472310104", "same-number"},
		{"PD 472310104", "472310104", "same-number"},
		{"PD472310104", "PS472310104", "contradicts"},
		{"12345", "PD12345", "contradicts"}, // too short to be sure
	} {
		m := match.Compare(embargo.Query{Name: "Kim Jong Un", Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: c.q}}},
			&embargo.Entity{ID: "x", Schema: embargo.Person, Names: kim.Names, Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: c.e}}},
			match.DefaultOptions())
		if !hasExplanation(m, "identifier", c.method) {
			t.Errorf("passport %s vs %s: want %s, got %+v", c.q, c.e, c.method, m.Explanations)
		}
	}
	ix := match.NewIndex([]embargo.Entity{{ID: "un:KPi.001", Schema: embargo.Person, Names: []embargo.Name{{Full: "KIM SE GON", Kind: embargo.PrimaryName}},
		Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: "PD472310104"}}}})
	if hits := ix.Screen(embargo.Query{Identifiers: []embargo.Identifier{{Type: embargo.Passport, Value: "472310104"}}}, match.DefaultOptions()); len(hits) != 1 {
		t.Errorf("found by the bare number: %v", hits)
	}
	ru := match.Compare(embargo.Query{Name: "Kim Jong Un", Countries: []string{"RU"}}, kim, match.DefaultOptions())
	if ru.Score >= base.Score || !hasExplanation(ru, "country", "contradicts") {
		t.Errorf("country: %.3f vs %.3f", ru.Score, base.Score)
	}
}

func TestExplanationsNamed(t *testing.T) {
	m := match.CompareNames("Kazbek Tyasaev", "TAYSAEV, Kazbek Kutsukovich", embargo.Person)
	if !hasExplanation(m, "name", "exact") || !hasExplanation(m, "name", "edit-distance") {
		t.Fatalf("%+v", m.Explanations)
	}
	for _, x := range m.Explanations {
		if x.Method == "edit-distance" && (x.Distance != 1 || x.Query != "tyasaev") {
			t.Errorf("edit explanation (a transposition is one edit) %+v", x)
		}
	}
	m = match.CompareNames("Kim Sko Chol", "KIM SOK CHOL", embargo.Person)
	if m.Score < match.DefaultThreshold || !hasExplanation(m, "name", "edit-distance") {
		t.Errorf("three letters with two swapped: %.3f %+v", m.Score, m.Explanations)
	}
	if m := match.CompareNames("Kim Jong Min", "Kim Jong Man", embargo.Person); m.Score >= match.DefaultThreshold {
		t.Errorf("min ~ man (one letter changed in three) matched at %.3f", m.Score)
	}
	m = match.CompareNames("Kim Jongun", "Kim Jong Un", embargo.Person)
	if !hasExplanation(m, "name", "joined") {
		t.Errorf("joined: %+v", m.Explanations)
	}
	m = match.CompareNames("Taysaev K.K.", "Kazbek Kutsukovich Taysaev", embargo.Person)
	if !hasExplanation(m, "name", "initial") {
		t.Errorf("initial: %+v", m.Explanations)
	}
	m = match.CompareNames("Тайсаев Казбек", "Kazbek Taysaev", embargo.Person)
	for _, x := range m.Explanations {
		if x.Method == "exact" || x.Method == "" {
			t.Errorf("a transliterated match should name its method: %+v", x)
		}
	}
}

func TestDeterministicOrder(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	a := ix.Screen(embargo.Query{Name: "Kim Jong"}, match.Options{Limit: 10})
	for i := 1; i < len(a); i++ {
		if a[i-1].Score < a[i].Score || (a[i-1].Score == a[i].Score && a[i-1].EntityID > a[i].EntityID) {
			t.Errorf("order: %s %.3f before %s %.3f", a[i-1].EntityID, a[i-1].Score, a[i].EntityID, a[i].Score)
		}
	}
	if ix.Len() != len(handBuilt()) {
		t.Errorf("Len %d", ix.Len())
	}
}

func TestFilters(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	hits := ix.Screen(embargo.Query{Name: "Kazbek Taysaev"}, match.Options{Threshold: 0.5, Limit: 5, Sources: []string{"uk"}})
	if len(hits) == 0 || hits[0].EntityID != "uk:RUS0649" {
		t.Fatalf("source filter: %+v", hits)
	}
	for _, h := range hits {
		if !strings.HasPrefix(h.EntityID, "uk:") {
			t.Errorf("source filter let %s through", h.EntityID)
		}
	}
	// Exclusions leave the others in their order.
	all := ix.Screen(embargo.Query{Name: "Kazbek Taysaev"}, match.Options{Threshold: 0.5, Limit: 5})
	if len(all) < 2 {
		t.Fatalf("Kazbek Taysaev: %d hits", len(all))
	}
	for _, c := range []struct {
		name string
		opt  match.Options
	}{
		{"exclude the first id", match.Options{ExcludeIDs: []string{all[0].EntityID}}},
		{"exclude the first's source", match.Options{ExcludeSources: []string{all[0].Entity.Source}}},
	} {
		c.opt.Threshold, c.opt.Limit = 0.5, 5
		got := ix.Screen(embargo.Query{Name: "Kazbek Taysaev"}, c.opt)
		if len(got) == 0 || got[0].EntityID == all[0].EntityID || got[0].EntityID != all[1].EntityID {
			t.Errorf("%s: %v, all %v", c.name, got, all)
		}
	}
	if got := ix.Screen(embargo.Query{Name: "Kazbek Taysaev"}, match.Options{Threshold: 0.5, Limit: 5, ExcludeSchemas: []embargo.Schema{embargo.Person}}); len(got) != 0 {
		t.Errorf("persons excluded: %v", got)
	}
}

func hasExplanation(m embargo.Match, field, method string) bool {
	for _, x := range m.Explanations {
		if x.Field == field && x.Method == method {
			return true
		}
	}
	return false
}

// TestConcurrentScreen screens from several goroutines at once (the batch
// command and the server do): answers must equal the sequential ones. Run
// with -race to check the pooled scratch and the neighbour memo.
func TestConcurrentScreen(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	names := []string{"Kim Jong Un", "Kazbek Taisaev", "Путин Владимир", "Chon Ma San", "Kim Jongun", "Wladimir Putin"}
	want := map[string]string{}
	for _, n := range names {
		want[n] = top(t, ix, embargo.Query{Name: n}).EntityID
	}
	done := make(chan string, 4*len(names)*20)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 20*len(names); i++ {
				n := names[i%len(names)]
				hits := ix.Screen(embargo.Query{Name: n}, match.Options{Limit: 5})
				if len(hits) == 0 || hits[0].EntityID != want[n] {
					done <- n
					continue
				}
				done <- ""
			}
		}()
	}
	for i := 0; i < 4*20*len(names); i++ {
		if n := <-done; n != "" {
			t.Errorf("%q: concurrent answer differs from %s", n, want[n])
		}
	}
}

// Index.CompareNames weighs words by their rarity in the index: a shared
// common given name counts for less than a shared rare surname, and a pair
// scores what Screen gives the same names.
func TestIndexCompareNamesRarity(t *testing.T) {
	ents := handBuilt()
	for _, fam := range []string{"HASSAN", "OMAR", "YUSUF", "IBRAHIM", "KHALIL", "NASSER", "SALEH", "HAMID"} {
		ents = append(ents, embargo.Entity{ID: "x:" + fam, Source: "x", Schema: embargo.Person,
			Names: []embargo.Name{{Full: "MOHAMMED " + fam, Kind: embargo.PrimaryName}}})
	}
	ix := match.NewIndex(ents)
	plain := match.CompareNames("Mohammed Ali", "Mohammed Hassan", embargo.Person)
	rare := ix.CompareNames("Mohammed Ali", "Mohammed Hassan", embargo.Person)
	t.Logf("Mohammed Ali / Mohammed Hassan: plain %.3f, with rarity %.3f", plain.Score, rare.Score)
	if !(rare.Score < plain.Score) {
		t.Errorf("Mohammed Ali / Mohammed Hassan: with rarity %.3f, plain %.3f; want the common shared word to count less", rare.Score, plain.Score)
	}
	if m := ix.CompareNames("Kazbek Taysaev", "TAYSAEV, Kazbek", embargo.Person); !m.Matched {
		t.Errorf("Kazbek Taysaev / TAYSAEV, Kazbek with rarity: %.3f, not a match", m.Score)
	}
	// The same pair through Screen: an entity with that one name.
	hits := ix.Screen(embargo.Query{Name: "Muhammad Hamid", Schema: embargo.Person}, match.Options{Limit: 50})
	for _, h := range hits {
		if h.EntityID == "x:HAMID" {
			c := ix.CompareNames("Muhammad Hamid", "MOHAMMED HAMID", embargo.Person)
			if diff := c.Score - h.Score; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("CompareNames %.4f, Screen %.4f for the same pair", c.Score, h.Score)
			}
			return
		}
	}
	t.Errorf("Screen did not find x:HAMID for Muhammad Hamid: %v", hits)
}

// A name part's weight is its share of the name score: with no qualifier
// the score is the sum of weight times score over the parts, the shares sum
// to one, and a rare surname outweighs a patronymic.
func TestExplanationWeightsAddUp(t *testing.T) {
	ix := match.NewIndex(handBuilt())
	for _, c := range [][2]string{
		{"Kazbek Taysaev", "TAYSAEV, Kazbek Kutsukovich"},
		{"Kim Chong Un", "KIM, Jong Un"},
		{"Vladimir Putin", "Vladimir Vladimirovich PUTIN"},
		{"Mohammed Ali", "Mohammed Hassan"},
	} {
		m := ix.CompareNames(c[0], c[1], embargo.Person)
		var sum, shares float64
		weights := map[string]float64{}
		for _, x := range m.Explanations {
			if x.Field != "name" {
				t.Fatalf("%v: a qualifier in a bare-name comparison: %+v", c, x)
			}
			sum += x.Weight * x.Score
			shares += x.Weight
			weights[x.Query+"|"+x.Candidate] = x.Weight
		}
		if math.Abs(sum-m.Score) > 0.01 || math.Abs(shares-1) > 0.01 {
			t.Errorf("%v: score %.3f, sum of weight x score %.3f, shares %.3f: %+v", c, m.Score, sum, shares, m.Explanations)
		}
		if c[0] == "Kazbek Taysaev" && !(weights["taysaev|taysaev"] > weights["|kutsukovich"]) {
			t.Errorf("surname %.3f should outweigh the missing patronymic %.3f", weights["taysaev|taysaev"], weights["|kutsukovich"])
		}
	}
}

// Lists shorten business words ("SHPG" for SHIPPING): the abbreviation
// matches the word and the explanation says so; it is no other word.
func TestAbbreviations(t *testing.T) {
	m := match.CompareNames("SHANGHAI DONGFENG SHIPPING CO LTD", "SHANGHAI DONGFENG SHPG CO LTD", embargo.Organization)
	if !m.Matched || !hasExplanation(m, "name", "abbreviation") {
		t.Errorf("SHIPPING / SHPG: %.3f %+v", m.Score, m.Explanations)
	}
	if m := match.CompareNames("KOREA INTL CHEMICAL JOINT VENTURE CO", "Korea International Chemical Joint Venture Company", embargo.Organization); !m.Matched {
		t.Errorf("INTL / International: %.3f %+v", m.Score, m.Explanations)
	}
	for _, x := range m.Explanations {
		if x.Method == "abbreviation" && (x.Query != "shipping" || x.Candidate != "shpg") {
			t.Errorf("the explanation should show the words as written: %+v", x)
		}
	}
}
