package httpapi_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"embargo/audit"
	"embargo/httpapi"
	"embargo/internal/sqldialect"
)

// When the audit log cannot be written the server keeps the decisions
// queued, says so on /readyz (a load balancer then sends traffic
// elsewhere) and on /metrics, and stores them once the database is back.
// auditedServer serves the hand-written entities with an audit log in a
// temporary SQLite database.
func auditedServer(t *testing.T) (*httpapi.Server, *httptest.Server, *audit.Log, *sql.DB) {
	t.Helper()
	// As the server opens service.db: a writer busy retrying must make the
	// test's own statements wait, not fail with SQLITE_BUSY.
	db, err := sql.Open("sqlite", sqldialect.SQLiteDSN(filepath.Join(t.TempDir(), "svc.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	l, err := audit.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s := httpapi.New(httpapi.Config{})
	s.AuditLog, s.Audit = l, audit.NewWriter(l, 100, nil)
	s.Swap(httpapi.NewState(entities(1), time.Now()))
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts, l, db
}

func TestReadyzWhenTheAuditLogFails(t *testing.T) {
	s, ts, l, db := auditedServer(t)
	ctx := context.Background()

	if code, _ := do(t, "GET", ts.URL+"/readyz", ""); code != 200 {
		t.Fatalf("readyz before: %d", code)
	}
	if _, err := db.ExecContext(ctx, `ALTER TABLE audit_log RENAME TO away`); err != nil {
		t.Fatal(err)
	}
	if code, _ := do(t, "POST", ts.URL+"/v1/screen", `{"name":"Kim Jong Un"}`); code != 200 {
		t.Fatalf("screen: %d", code)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, resp := do(t, "GET", ts.URL+"/readyz", "")
		if code == 503 && resp["status"] == "audit log cannot be written" && resp["audit_backlog"].(float64) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz while the audit log fails: %d %v", code, resp)
		}
		time.Sleep(10 * time.Millisecond)
	}
	res, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "embargo_audit_backlog_records 1") || strings.Contains(string(body), "embargo_audit_append_failures_total 0") {
		t.Fatalf("metrics while failing:\n%s", grepLines(string(body), "embargo_audit"))
	}
	if _, err := db.ExecContext(ctx, `ALTER TABLE away RENAME TO audit_log`); err != nil {
		t.Fatal(err)
	}
	for {
		if code, _ := do(t, "GET", ts.URL+"/readyz", ""); code == 200 {
			break
		}
		if time.Now().After(deadline.Add(10 * time.Second)) {
			t.Fatal("readyz did not recover")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Audit.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := l.Verify(ctx); err != nil || n != 1 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, sub) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// A reviewer's cleared false positive (exclude_ids) is left out, the next
// candidate takes its place, and the audit record says what was excluded.
func TestScreenExcludeIDsAudited(t *testing.T) {
	s, ts, l, _ := auditedServer(t)
	ctx := context.Background()

	code, resp := do(t, "POST", ts.URL+"/v1/screen", `{"name":"Kim Jong Un","threshold":0,"exclude_ids":["ofac:20157"]}`)
	if code != 200 {
		t.Fatalf("%d %v", code, resp)
	}
	for _, m := range resp["results"].([]any)[0].(map[string]any)["matches"].([]any) {
		if m.(map[string]any)["entity_id"] == "ofac:20157" {
			t.Fatalf("excluded entity returned: %v", resp)
		}
	}
	if code, resp := do(t, "POST", ts.URL+"/v1/screen", `{"exclude_ids":["x:1"],"queries":[{"name":"Kim"}]}`); code != 400 || !strings.HasPrefix(resp["error"].(string), "exclude_ids:") {
		t.Fatalf("top-level exclude_ids with a batch: %d %v", code, resp)
	}
	if err := s.Audit.Close(); err != nil {
		t.Fatal(err)
	}
	var q string
	l.Each(ctx, audit.Filter{}, func(r audit.Record) error { q = string(r.Query); return nil })
	if !strings.Contains(q, `"exclude_ids":["ofac:20157"]`) {
		t.Fatalf("audit record query %s", q)
	}
}

// Every screening decision is queued for the audit log before its answer
// is written: with the log unwritable, the backlog counts each decision
// of an answer as soon as the answer is read, with no wait.
func TestScreenQueuedBeforeAnswered(t *testing.T) {
	s, ts, _, db := auditedServer(t)
	if _, err := db.ExecContext(context.Background(), `ALTER TABLE audit_log RENAME TO away`); err != nil {
		t.Fatal(err)
	}
	want := int64(0)
	for _, c := range []struct {
		body      string
		decisions int64
	}{
		{`{"name":"Kim Jong Un"}`, 1},
		{`{"queries":[{"name":"Kim"},{"name":"Taysaev"},{"name":"nobody"}]}`, 3},
		{`{"name":"Chon Ma San","schema":"vessel","exclude_ids":["x:1"]}`, 1},
		{`{"name":""}`, 0},
	} {
		code, _ := do(t, "POST", ts.URL+"/v1/screen", c.body)
		want += c.decisions
		if got := s.Audit.Backlog(); got != want {
			t.Fatalf("after %s (%d): backlog %d, want %d", c.body, code, got, want)
		}
	}
	if _, err := db.ExecContext(context.Background(), `ALTER TABLE away RENAME TO audit_log`); err != nil {
		t.Fatal(err)
	}
}
