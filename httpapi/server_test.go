package httpapi_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"embargo"
	"embargo/apikey"
	"embargo/httpapi"
)

// entities are hand-written from the real designations (OFAC SDN 20157,
// 35237; a UN-designated DPRK vessel).
func entities(version int64) *embargo.Catalog {
	ents := []embargo.Entity{
		{ID: "ofac:20157", Source: "ofac", Schema: embargo.Person,
			Names: []embargo.Name{{Full: "KIM, Jong Un", Kind: embargo.PrimaryName, Given: "Jong Un", Family: "KIM"},
				{Full: "김정은", Kind: embargo.OriginalName, Script: "Hangul"}},
			BirthDates:   []embargo.BirthDate{{Date: embargo.Date{Year: 1982, Month: 1, Day: 8}}},
			Nationality:  []string{"KP"},
			Designations: []embargo.Designation{{Authority: "US OFAC", List: "SDN", Program: "DPRK", SourceProgram: "DPRK2", Ref: "20157"}}},
		{ID: "ofac:35237", Source: "ofac", Schema: embargo.Person,
			Names: []embargo.Name{{Full: "TAYSAEV, Kazbek Kutsukovich", Kind: embargo.PrimaryName},
				{Full: "Тайсаев Казбек Куцукович", Kind: embargo.OriginalName, Script: "Cyrillic"}},
			BirthDates:   []embargo.BirthDate{{Date: embargo.Date{Year: 1967, Month: 4, Day: 10}}},
			Designations: []embargo.Designation{{Authority: "US OFAC", List: "SDN", Program: "RUSSIA", SourceProgram: "RUSSIA-EO14024", Ref: "35237"}}},
		{ID: "un:KPe.CHONMA", Source: "un", Schema: embargo.Vessel,
			Names:        []embargo.Name{{Full: "CHON MA SAN", Kind: embargo.PrimaryName}},
			Identifiers:  []embargo.Identifier{{Type: embargo.IMO, Value: "8660313"}},
			Designations: []embargo.Designation{{Authority: "UN Security Council", List: "UN SC Consolidated List", Program: "DPRK", Ref: "KPe.CHONMA"}}},
	}
	return &embargo.Catalog{Entities: ents, Versions: []embargo.ListVersion{
		{Source: "ofac", Version: version, Published: embargo.Date{Year: 2024, Month: 5, Day: 3}, ImportedAt: time.Now()},
		{Source: "un", Version: version, Published: embargo.Date{Year: 2026, Month: 2, Day: 27}, ImportedAt: time.Now()},
	}}
}

func newServer(t *testing.T, cfg httpapi.Config) (*httpapi.Server, *httptest.Server) {
	t.Helper()
	s := httpapi.New(cfg)
	s.Swap(httpapi.NewState(entities(1), time.Now()))
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

func do(t *testing.T, method, url, body string, header ...string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var out map[string]any
	if len(b) > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("%s %s: response is not JSON: %v\n%s", method, url, err, b)
		}
	}
	return res.StatusCode, out
}

func firstMatch(t *testing.T, resp map[string]any, i int) map[string]any {
	t.Helper()
	results := resp["results"].([]any)
	ms := results[i].(map[string]any)["matches"].([]any)
	if len(ms) == 0 {
		t.Fatalf("result %d: no matches: %v", i, resp)
	}
	return ms[0].(map[string]any)
}

func TestScreenOneAndBatch(t *testing.T) {
	_, ts := newServer(t, httpapi.Config{})
	code, resp := do(t, "POST", ts.URL+"/v1/screen", `{"name":"Kim Chong Un","schema":"person"}`)
	if code != 200 {
		t.Fatalf("status %d: %v", code, resp)
	}
	m := firstMatch(t, resp, 0)
	if m["entity_id"] != "ofac:20157" || m["match"] != true {
		t.Fatalf("Kim Chong Un: first hit %v", m)
	}
	if len(m["explanations"].([]any)) == 0 {
		t.Fatal("hit without explanation")
	}
	if lists := resp["lists"].([]any); len(lists) != 2 || resp["request_id"] == "" {
		t.Fatalf("meta missing: %v", resp)
	}
	code, resp = do(t, "POST", ts.URL+"/v1/screen", `{"queries":[{"id":"a","name":"Тайсаев Казбек"},{"id":"b","name":"김정은"},{"id":"c","identifiers":[{"type":"imo","value":"IMO 8660313"}]}]}`)
	if code != 200 {
		t.Fatalf("batch status %d: %v", code, resp)
	}
	for i, want := range []string{"ofac:35237", "ofac:20157", "un:KPe.CHONMA"} {
		if got := firstMatch(t, resp, i)["entity_id"]; got != want {
			t.Errorf("batch query %d: first hit %v, want %s", i, got, want)
		}
	}
}

func TestBadRequestsNameTheField(t *testing.T) {
	_, ts := newServer(t, httpapi.Config{MaxBatch: 2, MaxBody: 2048})
	for _, c := range []struct {
		body  string
		code  int
		field string
	}{
		{`{"name":"x","nmae":"y"}`, 400, "nmae"},
		{`{"name":"Kim","birth_date":"1982-13-01"}`, 400, "birth_date"},
		{`{"name":"Kim","schema":"planet"}`, 400, "schema"},
		{`{"name":"Kim","country":"Atlantis"}`, 400, "countries[0]"},
		{`{"queries":[{"name":"a"},{"name":"b","birth_date":"x"}]}`, 400, "queries[1].birth_date"},
		{`{"queries":[{"name":"a"},{"name":"b"},{"name":"c"}]}`, 413, "queries"},
		{`{"name": 5}`, 400, "name"},
		{`{"name":"Kim"`, 400, "body"},
		{``, 400, "body"},
		{`{"name":"` + strings.Repeat("a", 3000) + `"}`, 413, "body"},
		{`{"name":"Kim"} {"x":1}`, 400, "body"},
		{`{"name":"Kim"}` + strings.Repeat(" ", 3000), 413, "body"}, // over the limit after a whole value
		{`{}`, 400, "name"},
		{`{"name":"` + strings.Repeat("a", 501) + `"}`, 400, "name"},
		{`{"name":"Kim","names":["Kim Jong Un","` + strings.Repeat("a", 501) + `"]}`, 400, "names[1]"},
		{`{"name":"Kim","names":["a"` + strings.Repeat(`,"a"`, 32) + `]}`, 400, "names"},
	} {
		code, resp := do(t, "POST", ts.URL+"/v1/screen", c.body)
		msg, _ := resp["error"].(string)
		if code != c.code || !strings.HasPrefix(msg, c.field+":") {
			t.Errorf("%.60s: got %d %q; want %d naming %q", c.body, code, msg, c.code, c.field)
		}
	}
}

func TestYenteMatch(t *testing.T) {
	_, ts := newServer(t, httpapi.Config{})
	// Shaped like yente's documentation: queries keyed by the client's ids,
	// FtM schema and properties with list values.
	body := `{"queries":{"q1":{"schema":"Person","properties":{"name":["Kim Jong-un"],"birthDate":["1982-01-08"],"nationality":["kp"]}},
		"q2":{"schema":"Vessel","properties":{"imoNumber":"8660313"}},
		"q3":{"schema":"Company","properties":{"name":["Siemens AG"],"country":["de"]}}}}`
	code, resp := do(t, "POST", ts.URL+"/match/default?threshold=0.7&limit=3&algorithm=logic-v2", body)
	if code != 200 {
		t.Fatalf("status %d: %v", code, resp)
	}
	rs := resp["responses"].(map[string]any)
	q1 := rs["q1"].(map[string]any)
	res := q1["results"].([]any)
	if len(res) == 0 || res[0].(map[string]any)["id"] != "ofac:20157" || res[0].(map[string]any)["match"] != true {
		t.Fatalf("q1 results: %v", q1)
	}
	if q1["status"].(float64) != 200 || q1["total"].(map[string]any)["relation"] != "eq" {
		t.Fatalf("q1 shape: %v", q1)
	}
	props := res[0].(map[string]any)["properties"].(map[string]any)
	if props["name"] == nil || props["birthDate"] == nil {
		t.Fatalf("properties: %v", props)
	}
	if r2 := rs["q2"].(map[string]any)["results"].([]any); len(r2) == 0 || r2[0].(map[string]any)["id"] != "un:KPe.CHONMA" {
		t.Fatalf("vessel by IMO: %v", rs["q2"])
	}
	for _, r := range rs["q3"].(map[string]any)["results"].([]any) {
		if r.(map[string]any)["match"] == true {
			t.Fatalf("Siemens AG matched %v", r)
		}
	}
	if resp["limit"].(float64) != 3 {
		t.Fatalf("limit %v", resp["limit"])
	}
	code, resp = do(t, "POST", ts.URL+"/match/un", `{"queries":{"a":{"schema":"Person","properties":{"name":"Kim Jong Un"}}}}`)
	if code != 200 {
		t.Fatal(code, resp)
	}
	for _, r := range resp["responses"].(map[string]any)["a"].(map[string]any)["results"].([]any) {
		if !strings.HasPrefix(r.(map[string]any)["id"].(string), "un:") {
			t.Fatalf("dataset un returned %v", r)
		}
	}
	code, resp = do(t, "POST", ts.URL+"/match/default", `{"queries":{"a":{"schema":"Person","properties":{"nmae":"x"}}}}`)
	if code != 400 || !strings.Contains(resp["error"].(string), "queries.a.properties.nmae") {
		t.Fatalf("unknown property: %d %v", code, resp)
	}
	code, resp = do(t, "POST", ts.URL+"/match/default", `{"queries":{"a":{"schema":"Person","properties":{"name":["Kim","`+strings.Repeat("a", 501)+`"]}}}}`)
	if code != 400 || !strings.Contains(resp["error"].(string), "queries.a.properties.name") {
		t.Fatalf("a name of 501 bytes: %d %v", code, resp)
	}
	code, _ = do(t, "POST", ts.URL+"/match/nosuchlist", `{"queries":{"a":{"schema":"Person","properties":{"name":"x"}}}}`)
	if code != 404 {
		t.Fatalf("unknown dataset: %d", code)
	}
}

// yente's result filters, as its clients send them: a reviewer's cleared
// false positive (exclude_entity_ids), datasets, schemas, topics; and the
// body's algorithm config.
func TestYenteMatchFilters(t *testing.T) {
	cat := entities(1)
	for _, e := range []struct{ id, name string }{{"un:KPi.999", "KIM JONG UN"}, {"uk:DPR0999", "KIM Jong-un"}} {
		cat.Entities = append(cat.Entities, embargo.Entity{ID: e.id, Source: strings.Split(e.id, ":")[0], Schema: embargo.Person,
			Names: []embargo.Name{{Full: e.name, Kind: embargo.PrimaryName}}})
	}
	cat.Versions = append(cat.Versions, embargo.ListVersion{Source: "uk", Version: 1, ImportedAt: time.Now()})
	srv := httpapi.New(httpapi.Config{})
	srv.Swap(httpapi.NewState(cat, time.Now()))
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	body := `{"queries":{"a":{"schema":"Person","properties":{"name":["Kim Jong Un"]}}},"config":{},"weights":{}}`
	ids := func(query string) []string {
		t.Helper()
		code, resp := do(t, "POST", ts.URL+"/match/default?threshold=0.2&cutoff=0.2&limit=10"+query, body)
		if code != 200 {
			t.Fatalf("%s: %d %v", query, code, resp)
		}
		var out []string
		for _, r := range resp["responses"].(map[string]any)["a"].(map[string]any)["results"].([]any) {
			out = append(out, r.(map[string]any)["id"].(string))
		}
		return out
	}
	all := ids("")
	if len(all) != 3 || all[0] != "ofac:20157" {
		t.Fatalf("unfiltered: %v", all)
	}
	if got := ids("&exclude_entity_ids=ofac:20157"); len(got) == 0 || slices.Contains(got, "ofac:20157") {
		t.Errorf("exclude_entity_ids: %v", got)
	}
	if got := ids("&exclude_dataset=ofac"); slices.ContainsFunc(got, func(id string) bool { return strings.HasPrefix(id, "ofac:") }) {
		t.Errorf("exclude_dataset=ofac: %v", got)
	}
	if got := ids("&include_dataset=un&include_dataset=uk"); slices.ContainsFunc(got, func(id string) bool { return strings.HasPrefix(id, "ofac:") }) {
		t.Errorf("include_dataset=un,uk: %v", got)
	}
	if got := ids("&exclude_schema=Person"); len(got) != 0 {
		t.Errorf("exclude_schema=Person: %v", got)
	}
	if got := ids("&topics=role.pep"); len(got) != 0 {
		t.Errorf("topics=role.pep (no PEPs held): %v", got)
	}
	if got := ids("&topics=sanction&changed_since=2020-01-01T00:00:00"); len(got) != len(all) {
		t.Errorf("topics=sanction: %v, want %v", got, all)
	}
	if code, resp := do(t, "POST", ts.URL+"/match/default?exclude_schema=Planet", body); code != 400 || !strings.Contains(resp["error"].(string), "exclude_schema[0]") {
		t.Errorf("exclude_schema=Planet: %d %v", code, resp)
	}
}

func openKeys(t *testing.T) *apikey.Keys {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "svc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, err := apikey.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestAuth(t *testing.T) {
	s, ts := newServer(t, httpapi.Config{RequireKey: true})
	s.Keys = openKeys(t)
	_, screenKey, _ := s.Keys.Create(context.Background(), apikey.RoleScreen, "")
	_, adminKey, _ := s.Keys.Create(context.Background(), apikey.RoleAdmin, "")
	body := `{"name":"Kim Jong Un"}`
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", body); code != 401 {
		t.Errorf("no key: %d, want 401", code)
	}
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", body, "Authorization", "Bearer emb_nope_nope"); code != 401 {
		t.Errorf("bad key: %d, want 401", code)
	}
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", body, "Authorization", "Bearer "+screenKey); code != 200 {
		t.Errorf("screen key: %d, want 200", code)
	}
	if code, _ := do(t, "GET", ts.URL+"/v1/audit", "", "X-API-Key", screenKey); code != 403 {
		t.Errorf("screen key on admin route: %d, want 403", code)
	}
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", body, "X-API-Key", adminKey); code != 200 {
		t.Errorf("admin key on screen route: %d, want 200", code)
	}
	if code, _ := do(t, "GET", ts.URL+"/healthz", ""); code != 200 {
		t.Errorf("healthz needs no key: %d", code)
	}
}

func TestReadyOnlyOnceIndexBuilt(t *testing.T) {
	s := httpapi.New(httpapi.Config{})
	ts := httptest.NewServer(s)
	defer ts.Close()
	if code, _ := do(t, "GET", ts.URL+"/readyz", ""); code != 503 {
		t.Fatalf("readyz before build: %d", code)
	}
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", `{"name":"x"}`); code != 503 {
		t.Fatalf("screen before build: %d", code)
	}
	s.Swap(httpapi.NewState(entities(1), time.Now()))
	if code, _ := do(t, "GET", ts.URL+"/readyz", ""); code != 200 {
		t.Fatalf("readyz after build: %d", code)
	}
}

// failingStore makes History fail with an internal cause that must not reach the client.
type failingStore struct{ embargo.Store }

func (failingStore) History(context.Context, string) ([]embargo.EntityVersion, error) {
	return nil, errors.New("open /secret/path/embargo.db: disk I/O error")
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	s, ts := newServer(t, httpapi.Config{})
	s.Store = failingStore{}
	s.Logger = slogDiscard()
	code, resp := do(t, "GET", ts.URL+"/v1/entities/ofac:20157", "")
	if code != 500 || resp["error"] != "internal error" || resp["request_id"] == "" {
		t.Fatalf("got %d %v", code, resp)
	}
	s.Store = nil
	if code, _ := do(t, "GET", ts.URL+"/v1/entities/nope:1", ""); code != 404 {
		t.Fatalf("unknown entity without store: %d", code)
	}
}

// TestSwapUnderLoad checks that a request never sees a half-built index:
// each state's entities carry its own version, and every answer's hits must
// belong to the version the same answer reports.
func TestSwapUnderLoad(t *testing.T) {
	s, ts := newServer(t, httpapi.Config{})
	versioned := func(v int64) *httpapi.State {
		cat := entities(v)
		cat.Entities[0].Names[0].Full = fmt.Sprintf("KIM Jong Un v%d", v)
		return httpapi.NewState(cat, time.Now())
	}
	s.Swap(versioned(1))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 150; i++ {
				res, err := http.Post(ts.URL+"/v1/screen", "application/json", strings.NewReader(`{"name":"Kim Jong Un"}`))
				if err != nil {
					errs <- err
					return
				}
				var out struct {
					Lists []struct {
						Source  string `json:"source"`
						Version int64  `json:"version"`
					} `json:"lists"`
					Results []struct {
						Matches []embargo.Match `json:"matches"`
					} `json:"results"`
				}
				err = json.NewDecoder(res.Body).Decode(&out)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 {
					errs <- fmt.Errorf("status %d: %v", res.StatusCode, err)
					return
				}
				v := out.Lists[0].Version
				want := fmt.Sprintf("KIM Jong Un v%d", v)
				if len(out.Results[0].Matches) == 0 || out.Results[0].Matches[0].Caption != want {
					errs <- fmt.Errorf("answer reports version %d but hit is %+v", v, out.Results[0].Matches)
					return
				}
			}
		}()
	}
	go func() {
		for v := int64(2); ; v++ {
			select {
			case <-stop:
				return
			default:
			}
			s.Swap(versioned(v))
			time.Sleep(time.Millisecond)
		}
	}()
	wg.Wait()
	close(stop)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestMetricsAndStatic(t *testing.T) {
	_, ts := newServer(t, httpapi.Config{})
	do(t, "POST", ts.URL+"/v1/screen", `{"name":"Kim Jong Un"}`)
	res, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{`embargo_http_requests_total{code="200",route="/v1/screen"} 1`, "embargo_index_entities 3", "embargo_http_request_duration_seconds_bucket"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	res, err = http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(b, []byte(`<label for="s-name">Name</label>`)) {
		t.Fatalf("UI: %d", res.StatusCode)
	}
}
