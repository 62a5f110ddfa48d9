package storeutil

import (
	"testing"
	"time"
)

// The queries are written once with ? and numbered for postgres.
func TestPlaceholders(t *testing.T) {
	const query = `SELECT data FROM t WHERE source = ? AND version = ? AND id = ?`
	if got := (SQL{}).q(query); got != query {
		t.Errorf("unnumbered: %s", got)
	}
	want := `SELECT data FROM t WHERE source = $1 AND version = $2 AND id = $3`
	if got := (SQL{d: Dialect{Numbered: true}}).q(query); got != want {
		t.Errorf("numbered: %s", got)
	}
}

// imported_at comes back as a time from postgres, as text from sqlite.
func TestImportedAt(t *testing.T) {
	want := time.Date(2026, 1, 8, 10, 30, 0, 123456000, time.UTC)
	for _, col := range []any{want.In(time.FixedZone("CET", 3600)), "2026-01-08T10:30:00.123456Z", []byte("2026-01-08T10:30:00.123456Z")} {
		got, err := importedAt(col)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("importedAt(%v) = %v, %v", col, got, err)
		}
	}
	if _, err := importedAt(int64(5)); err == nil {
		t.Error("importedAt(int64): no error")
	}
	if _, err := importedAt("yesterday"); err == nil {
		t.Error("importedAt(yesterday): no error")
	}
}
