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

func TestListedOn(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	v := embargo.ListVersion{Source: "un", Hash: "a", Published: embargo.Date{Year: 2025, Month: 11, Day: 29}}
	if _, _, err := s.Import(ctx, v, ents("IQi.074", "KPi.033")); err != nil {
		t.Fatal(err)
	}
	v.Hash, v.Published = "b", embargo.Date{Year: 2026, Month: 2, Day: 27}
	if _, _, err := s.Import(ctx, v, ents("KPi.033", "SDi.007")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id      string
		on      embargo.Date
		listed  bool
		version int64
	}{
		{"un:IQi.074", embargo.Date{Year: 2025, Month: 11, Day: 28}, false, 0},
		{"un:IQi.074", embargo.Date{Year: 2026, Month: 1, Day: 1}, true, 1},
		{"un:IQi.074", embargo.Date{Year: 2026, Month: 2, Day: 27}, false, 2},
		{"un:SDi.007", embargo.Date{Year: 2026, Month: 1, Day: 1}, false, 1},
		{"un:SDi.007", embargo.Date{Year: 2026, Month: 3, Day: 1}, true, 2},
	} {
		ev, listed, err := s.ListedOn(ctx, tc.id, tc.on)
		if err != nil {
			t.Fatal(err)
		}
		if listed != tc.listed || ev.Version.Version != tc.version || (listed && ev.Entity.ID != tc.id) {
			t.Errorf("ListedOn(%s, %s) = listed %v by version %d (entity %q); want %v by %d",
				tc.id, tc.on, listed, ev.Version.Version, ev.Entity.ID, tc.listed, tc.version)
		}
	}
	if _, _, err := s.ListedOn(ctx, "uk:X", embargo.Date{Year: 2026}); embargo.ErrorKind(err) != embargo.ENOTFOUND {
		t.Errorf("ListedOn of a source never imported: %v; want not found", err)
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
