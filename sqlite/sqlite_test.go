package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"embargo"
	"embargo/sqlite"
	"embargo/storetest"
)

func open(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) embargo.Store { return open(t) })
}

func ents(names ...string) []embargo.Entity {
	var out []embargo.Entity
	for _, n := range names {
		out = append(out, embargo.Entity{ID: "un:" + n, Source: "un", Schema: embargo.Person,
			Names: []embargo.Name{{Full: n, Kind: embargo.PrimaryName}}})
	}
	return out
}

func TestEntityStoredOnce(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	v := embargo.ListVersion{Source: "un", Hash: "a"}
	if _, _, err := s.Import(ctx, v, ents("A", "B", "C")); err != nil {
		t.Fatal(err)
	}
	v.Hash = "b"
	if _, _, err := s.Import(ctx, v, ents("A", "B", "D")); err != nil {
		t.Fatal(err)
	}
	var blobs, links int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM entity_blobs`).Scan(&blobs); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM version_entities`).Scan(&links); err != nil {
		t.Fatal(err)
	}
	if blobs != 4 || links != 6 {
		t.Errorf("two versions of 3 entities sharing 2: %d entity records, %d links; want 4, 6", blobs, links)
	}
}

func TestFetchStateAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "embargo.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if etag, lm, err := s.FetchState(ctx, "un", "http://x/a.xml"); err != nil || etag != "" || lm != "" {
		t.Errorf("FetchState of nothing = %q %q %v", etag, lm, err)
	}
	if err := s.SetFetchState(ctx, "un", "http://x/a.xml", `"e1"`, "Fri, 27 Feb 2026 00:00:09 GMT"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Import(ctx, embargo.ListVersion{Source: "un", Hash: "a"}, ents("A")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopening runs the migrations again: nothing to do, nothing lost.
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	etag, lm, err := s.FetchState(ctx, "un", "http://x/a.xml")
	if err != nil || etag != `"e1"` || lm != "Fri, 27 Feb 2026 00:00:09 GMT" {
		t.Errorf("FetchState after reopen = %q %q %v", etag, lm, err)
	}
	if vs, err := s.Versions(ctx, "un"); err != nil || len(vs) != 1 {
		t.Errorf("Versions after reopen = %v, %v", vs, err)
	}
	var mode string
	if err := s.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}
