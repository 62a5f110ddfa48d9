package audit_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"embargo/audit"
	"embargo/internal/sqldialect"
)

func open(t testing.TB) (*audit.Log, *sql.DB) {
	t.Helper()
	// As the server opens service.db: a writer retrying a failed batch
	// must make the test's own statements wait, not fail.
	db, err := sql.Open("sqlite", sqldialect.SQLiteDSN(filepath.Join(t.TempDir(), "audit.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	l, err := audit.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return l, db
}

func fill(t *testing.T, l *audit.Log, n int) {
	t.Helper()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		_, err := l.Append(context.Background(), audit.Record{
			Time: t0.Add(time.Duration(i) * time.Hour), RequestID: "req", KeyID: "k1", Kind: "screen",
			Query: json.RawMessage(`{"name":"Kim Chong Un"}`), Versions: json.RawMessage(`[{"source":"un","version":1}]`),
			Threshold: 0.8, Hits: json.RawMessage(`[{"entity_id":"un:KPi.033","score":0.97}]`),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestChainVerifies(t *testing.T) {
	l, _ := open(t)
	fill(t, l, 5)
	n, err := l.Verify(context.Background())
	if err != nil || n != 5 {
		t.Fatalf("Verify = %d, %v; want 5, nil", n, err)
	}
	var got []int64
	err = l.Each(context.Background(), audit.Filter{From: time.Date(2026, 3, 1, 13, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC)},
		func(r audit.Record) error { got = append(got, r.Seq); return nil })
	if err != nil || len(got) != 2 || got[0] != 2 {
		t.Fatalf("Each range = %v, %v; want [2 3]", got, err)
	}
}

func TestTamperingDetected(t *testing.T) {
	for name, tamper := range map[string]string{
		"edit":   `UPDATE audit_log SET hits = '[]' WHERE seq = 3`,
		"delete": `DELETE FROM audit_log WHERE seq = 2`,
		"relink": `UPDATE audit_log SET prev_hash = 'x' WHERE seq = 4`,
		"time":   `UPDATE audit_log SET time = '2020-01-01T00:00:00Z' WHERE seq = 1`,
	} {
		t.Run(name, func(t *testing.T) {
			l, db := open(t)
			fill(t, l, 5)
			if _, err := db.Exec(tamper); err != nil {
				t.Fatal(err)
			}
			if _, err := l.Verify(context.Background()); !errors.Is(err, audit.ErrBroken) {
				t.Fatalf("Verify after %s = %v; want ErrBroken", name, err)
			}
		})
	}
}

func TestAppendRejectsBadJSON(t *testing.T) {
	l, _ := open(t)
	if _, err := l.Append(context.Background(), audit.Record{Kind: "screen", Query: json.RawMessage(`{bad`)}); err == nil {
		t.Fatal("want error for invalid JSON query")
	}
}

func TestWriterFlushesInOrder(t *testing.T) {
	l, _ := open(t)
	w := audit.NewWriter(l, 16, nil)
	for i := 0; i < 100; i++ {
		w.Submit(audit.Record{RequestID: string(rune('a' + i%26)), Kind: "screen"})
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := l.Verify(context.Background())
	if err != nil || n != 100 {
		t.Fatalf("Verify = %d, %v; want 100", n, err)
	}
	var ids []string
	l.Each(context.Background(), audit.Filter{Limit: 3}, func(r audit.Record) error { ids = append(ids, r.RequestID); return nil })
	if len(ids) != 3 || ids[0] != "a" || ids[2] != "c" {
		t.Fatalf("order = %v", ids)
	}
}

// Many submitters against a small queue: Submit waits rather than drop, a
// record submitted after Close is still stored, and the chain verifies.
func TestWriterConcurrentSubmitters(t *testing.T) {
	l, _ := open(t)
	w := audit.NewWriter(l, 8, nil)
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 200; i++ {
				w.Submit(audit.Record{RequestID: "r", Kind: "screen"})
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w.Submit(audit.Record{RequestID: "late", Kind: "screen"})
	n, err := l.Verify(context.Background())
	if err != nil || n != 1601 {
		t.Fatalf("Verify = %d, %v; want 1601", n, err)
	}
}

// openPostgres opens a log in a schema of its own in the database
// EMBARGO_TEST_POSTGRES names, through n separate connection pools (as n
// servers would); it skips without it.
func openPostgres(t *testing.T, n int) []*audit.Log {
	t.Helper()
	dsn := os.Getenv("EMBARGO_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("EMBARGO_TEST_POSTGRES (a postgres DSN) is not set; skipping the audit log on PostgreSQL")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("embargo_audit_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE") })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	var logs []*audit.Log
	for i := 0; i < n; i++ {
		db, err := sql.Open("pgx", dsn+sep+"search_path="+schema)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		l, err := audit.OpenDialect(ctx, db, sqldialect.Postgres)
		if err != nil {
			t.Fatal(err)
		}
		logs = append(logs, l)
	}
	return logs
}

// Several servers on one PostgreSQL database append to one chain: the
// advisory lock keeps them from forking it.
func TestPostgresChainSharedByServers(t *testing.T) {
	logs := openPostgres(t, 3)
	ctx := context.Background()
	done := make(chan error, len(logs))
	for i, l := range logs {
		go func() {
			for j := 0; j < 40; j++ {
				_, err := l.AppendBatch(ctx, []audit.Record{
					{RequestID: fmt.Sprintf("s%d-%d-a", i, j), Kind: "screen", Threshold: 0.8, Query: json.RawMessage(`{"name":"Kim"}`)},
					{RequestID: fmt.Sprintf("s%d-%d-b", i, j), Kind: "screen", Threshold: 0.8},
				})
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range logs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	n, err := logs[0].Verify(ctx)
	if err != nil || n != 3*40*2 {
		t.Fatalf("Verify = %d, %v; want 240", n, err)
	}
	var thr float64
	logs[1].Each(ctx, audit.Filter{Limit: 1}, func(r audit.Record) error { thr = r.Threshold; return nil })
	if thr != 0.8 {
		t.Fatalf("threshold read back as %v", thr)
	}
}

// When the database refuses appends the writer keeps the records and
// retries; once it accepts them again nothing is missing from the chain.
func TestWriterRetriesAFailingDatabase(t *testing.T) {
	l, db := open(t)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `ALTER TABLE audit_log RENAME TO audit_log_away`); err != nil {
		t.Fatal(err)
	}
	w := audit.NewWriter(l, 64, nil)
	for i := 0; i < 20; i++ {
		w.Submit(audit.Record{RequestID: fmt.Sprint(i), Kind: "screen"})
	}
	deadline := time.Now().Add(10 * time.Second)
	for w.Err() == nil || w.Failures() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no append error while the table is away")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if b := w.Backlog(); b != 20 {
		t.Errorf("backlog while failing: %d, want 20", b)
	}
	if _, err := db.ExecContext(ctx, `ALTER TABLE audit_log_away RENAME TO audit_log`); err != nil {
		t.Fatal(err)
	}
	for i := 20; i < 30; i++ {
		w.Submit(audit.Record{RequestID: fmt.Sprint(i), Kind: "screen"})
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if b := w.Backlog(); b != 0 {
		t.Errorf("backlog after Close: %d", b)
	}
	n, err := l.Verify(ctx)
	if err != nil || n != 30 {
		t.Fatalf("Verify = %d, %v; want all 30 records", n, err)
	}
	var first string
	l.Each(ctx, audit.Filter{Limit: 1}, func(r audit.Record) error { first = r.RequestID; return nil })
	if first != "0" {
		t.Fatalf("first record %q: order lost", first)
	}
}

// A log that says it was written with another hash scheme is refused at
// open, not reported as tampered with record by record.
func TestOtherHashSchemeRefused(t *testing.T) {
	_, db := open(t)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `UPDATE audit_meta SET value = 'sha512-v9' WHERE key = 'hash_scheme'`); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.Open(ctx, db); err == nil || !strings.Contains(err.Error(), "sha512-v9") {
		t.Fatalf("Open = %v; want the scheme named", err)
	}
}

// While the database refuses appends, Submit blocks once the queue is full:
// the writer does not move the queue into an unbounded pending list.
func TestWriterBackpressureWhileFailing(t *testing.T) {
	l, db := open(t)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `ALTER TABLE audit_log RENAME TO away`); err != nil {
		t.Fatal(err)
	}
	w := audit.NewWriter(l, 4, nil)
	submitted := make(chan int, 100)
	go func() {
		for i := 0; i < 100; i++ {
			w.Submit(audit.Record{RequestID: fmt.Sprint(i), Kind: "screen"})
			submitted <- i
		}
		close(submitted)
	}()
	time.Sleep(300 * time.Millisecond)
	if n := len(submitted); n > 8 {
		t.Fatalf("%d records accepted while the database fails; the queue holds 4 (and 4 taken)", n)
	}
	if _, err := db.ExecContext(ctx, `ALTER TABLE away RENAME TO audit_log`); err != nil {
		t.Fatal(err)
	}
	for range submitted {
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := l.Verify(ctx); err != nil || n != 100 {
		t.Fatalf("Verify = %d, %v; want 100", n, err)
	}
}
