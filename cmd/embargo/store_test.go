package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestPostgresStoreFromTheCLI runs the list commands and a screening on a
// PostgreSQL store (--store), in a schema of its own; it skips without
// EMBARGO_TEST_POSTGRES (CI starts a server and sets it).
func TestPostgresStoreFromTheCLI(t *testing.T) {
	dsn := os.Getenv("EMBARGO_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("EMBARGO_TEST_POSTGRES (a postgres DSN) is not set; skipping the CLI test on PostgreSQL")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("embargo_cli_%d", time.Now().UnixNano())
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	store := dsn + sep + "search_path=" + schema
	dir := t.TempDir()
	if _, stderr, err := runMain(t, "--data-dir", dir, "--store", store, "lists", "import", "../../source/unsc/testdata/basic/input.xml"); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	out, _, err := runMain(t, "--data-dir", dir, "--store", store, "lists", "--json")
	if err != nil || !strings.Contains(out, `"source": "un"`) {
		t.Fatalf("lists: %q %v", out, err)
	}
	if _, err := os.Stat(dir + "/embargo.db"); err == nil {
		t.Fatal("an SQLite store was created although --store names PostgreSQL")
	}
	out, _, err = runMain(t, "--data-dir", dir, "--store", store, "screen", "Kim Jong Un", "--json")
	if err != nil || !strings.Contains(out, `"demo": false`) {
		t.Fatalf("screen on the postgres store: %q %v", out, err)
	}
	// The audit log and the keys live in PostgreSQL too: a second data
	// directory (another server) sees the same chain and keys.
	if _, _, err := runMain(t, "--data-dir", dir, "--store", store, "keys", "create", "--role", "screen"); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	out, _, err = runMain(t, "--data-dir", other, "--store", store, "audit", "verify")
	if err != nil || !strings.Contains(out, "audit log intact: 1 records") {
		t.Fatalf("audit verify from another data dir: %q %v", out, err)
	}
	out, _, err = runMain(t, "--data-dir", other, "--store", store, "keys", "list")
	if err != nil || !strings.Contains(out, "screen") {
		t.Fatalf("keys list from another data dir: %q %v", out, err)
	}
	for _, d := range []string{dir, other} {
		if _, err := os.Stat(d + "/service.db"); err == nil {
			t.Fatalf("%s/service.db created although --store names PostgreSQL", d)
		}
	}
}
