package httpapi

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"embargo"
	"embargo/demo"
	"embargo/match"
)

// stdScreenResponse is the answer as writeJSON encodes it.
func stdScreenResponse(t testing.TB, resp *screenResponse) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// stdAuditQuery is the audit record's query as json.Marshal encodes it.
func stdAuditQuery(t testing.TB, q embargo.Query, exclude []string) string {
	b, err := json.Marshal(struct {
		embargo.Query
		ExcludeIDs []string `json:"exclude_ids,omitempty"`
	}{q, exclude})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkScreenResponse(t testing.TB, resp *screenResponse) {
	t.Helper()
	got, ok := appendScreenResponse(nil, resp)
	if !ok {
		t.Fatalf("appendScreenResponse refused %+v", resp)
	}
	if want := stdScreenResponse(t, resp); string(got) != want {
		t.Fatalf("hand-encoded answer differs:\n got %s\nwant %s", got, want)
	}
	for i := range resp.Results {
		r := &resp.Results[i]
		for _, ex := range [][]string{nil, {}, {"ofac:1", "<x&y>"}} {
			if got, want := string(appendAuditQuery(nil, &r.Query, ex)), stdAuditQuery(t, r.Query, ex); got != want {
				t.Fatalf("hand-encoded audit query differs:\n got %s\nwant %s", got, want)
			}
		}
	}
}

var encodeQueries = []embargo.Query{
	{Name: "Kim Chong Un"},
	{Name: "KIM, Jong Un", BirthDate: embargo.Date{Year: 1982, Month: 1, Day: 8}, Countries: []string{"KP"}, Schema: embargo.Person},
	{Name: "Taysaev", BirthDate: embargo.Date{Year: 1967}, Gender: "male"},
	{Name: "Тайсаев Казбек", BirthDate: embargo.Date{Year: 1967, Month: 4}},
	{Name: "Chon Ma San", Schema: embargo.Vessel, Identifiers: []embargo.Identifier{{Type: embargo.IMO, Value: "8660313"}}},
	{Name: "", Identifiers: []embargo.Identifier{{Value: "8660313", Country: "KP", Note: "<n&b>"}}},
	{Name: "Bank <of> \"Korea\" & co\u2028\x01\xff", Names: []string{"Korea Bank", "조선"}},
	{Name: "김정은"},
	{Name: "Ali Hassan", Names: []string{}, Countries: []string{}},
	{Name: "nobody at all xyzzy"},
}

// The hand encoder writes what encoding/json writes, for real answers
// of the demo lists and for values shaped to reach every branch.
func TestScreenResponseAsEncodingJSON(t *testing.T) {
	ents, err := demo.Entities()
	if err != nil {
		t.Fatal(err)
	}
	cat := &embargo.Catalog{Entities: ents, Demo: true, Versions: []embargo.ListVersion{
		{Source: "ofac", Version: 3, Published: embargo.Date{Year: 2024, Month: 5, Day: 3}, ImportedAt: time.Date(2026, 3, 1, 12, 0, 0, 123456789, time.UTC)},
		{Source: "un", Version: 1},
	}}
	st := NewState(cat, time.Date(2026, 3, 1, 12, 30, 0, 5, time.FixedZone("x", 3600)))
	s := New(Config{StaleAfter: 24 * time.Hour})
	s.Swap(st)
	opt := match.DefaultOptions()
	opt.Threshold = 0.5
	var results []screenResult
	for i, q := range encodeQueries {
		ms := st.Index.Screen(q, opt)
		if ms == nil && i%2 == 0 {
			ms = []embargo.Match{}
		}
		id := ""
		if i%3 == 0 {
			id = "row-" + strings.Repeat("<", i)
		}
		results = append(results, screenResult{ID: id, Query: q, Matches: ms})
	}
	var some int
	for _, r := range results {
		some += len(r.Matches)
	}
	if some == 0 {
		t.Fatal("no matches to encode")
	}
	m := answerMeta{RequestID: "0123456789abcdef", Threshold: 0.5, Demo: true, Notice: demoNotice, Lists: listInfos(cat.Versions), IndexBuilt: st.Built}
	m.Lists[0].AgeDays, m.Lists[0].Stale, m.Stale = 301.7, true, true
	checkScreenResponse(t, &screenResponse{answerMeta: m, Results: results})
	for _, r := range results {
		checkScreenResponse(t, &screenResponse{answerMeta: m, Results: []screenResult{r}})
	}
	m.Notice, m.Demo, m.Lists, m.Threshold = "", false, nil, 1e-7
	checkScreenResponse(t, &screenResponse{answerMeta: m, Results: []screenResult{}})
	checkScreenResponse(t, &screenResponse{answerMeta: m})
	odd := []embargo.Match{{EntityID: "a", Score: 1e-9, Explanations: nil},
		{EntityID: "b", Caption: "<&>", Schema: embargo.Vessel, Score: 0.3, Matched: true, MatchedName: "x\ty",
			Explanations: []embargo.Explanation{{Field: "name", Method: "exact", Score: 0, Weight: 0, Distance: 0},
				{Field: "name", Query: "q", Candidate: "c", Method: "edit-distance", Distance: 2, Score: -0.25, Weight: 1e21, Note: "n\u2029"}}},
		{EntityID: "c", Explanations: []embargo.Explanation{}}}
	checkScreenResponse(t, &screenResponse{answerMeta: m, Results: []screenResult{{Query: embargo.Query{Name: "x", BirthDate: embargo.Date{Year: 2000, Day: 3}}, Matches: odd}}})

	// The meta of a live answer, and what encoding/json refuses, handed back.
	r := &screenResponse{answerMeta: m, Results: []screenResult{{Matches: []embargo.Match{{Score: math.NaN()}}}}}
	if _, ok := appendScreenResponse(nil, r); ok {
		t.Error("a NaN score was encoded by hand")
	}
	r = &screenResponse{answerMeta: answerMeta{IndexBuilt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}
	if _, ok := appendScreenResponse(nil, r); ok {
		t.Error("a year past 9999 was encoded by hand")
	}
}

// FuzzAuditQuery: any query's audit record is json.Marshal's.
func FuzzAuditQuery(f *testing.F) {
	f.Add("Kim <Chong> Un", "KP", "x&y", 1982, 1, 0)
	f.Fuzz(func(t *testing.T, name, country, other string, y, m, d int) {
		q := embargo.Query{Name: name, Names: []string{other}, Countries: []string{country}, Gender: other,
			BirthDate: embargo.Date{Year: y, Month: m, Day: d}, Identifiers: []embargo.Identifier{{Type: embargo.IDType(other), Value: name, Country: country, Note: other}}}
		if got, want := string(appendAuditQuery(nil, &q, []string{other})), stdAuditQuery(t, q, []string{other}); got != want {
			t.Fatalf("got %s\nwant %s", got, want)
		}
		r := screenResponse{Results: []screenResult{{ID: other, Query: q, Matches: []embargo.Match{{EntityID: name, Caption: other, MatchedName: country}}}}}
		checkScreenResponse(t, &r)
	})
}
