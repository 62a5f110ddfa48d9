package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"embargo"
	"embargo/postgres"
	"embargo/storetest"
)

var schemas atomic.Int64

// open returns a store in a new schema of the database EMBARGO_TEST_POSTGRES
// names (a DSN), dropped when the test ends; it skips without it.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	dsn := os.Getenv("EMBARGO_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("EMBARGO_TEST_POSTGRES (a postgres DSN) is not set; skipping the postgres store tests")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("embargo_test_%d_%d", time.Now().UnixNano(), schemas.Add(1))
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop test schema: %v", err)
		}
	})
	// pgx passes unknown DSN keys to the server as run-time parameters.
	sep := " "
	if strings.Contains(dsn, "://") {
		sep = "&"
		if !strings.Contains(dsn, "?") {
			sep = "?"
		}
	}
	s, err := postgres.Open(ctx, dsn+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) embargo.Store { return open(t) })
}

func TestFetchState(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	if err := s.SetFetchState(ctx, "un", "http://x/a.xml", `"e1"`, "Fri, 27 Feb 2026 00:00:09 GMT"); err != nil {
		t.Fatal(err)
	}
	etag, lm, err := s.FetchState(ctx, "un", "http://x/a.xml")
	if err != nil || etag != `"e1"` || lm != "Fri, 27 Feb 2026 00:00:09 GMT" {
		t.Errorf("FetchState = %q %q %v", etag, lm, err)
	}
}
