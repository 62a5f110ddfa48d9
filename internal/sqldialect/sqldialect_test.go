package sqldialect

import "testing"

func TestRebind(t *testing.T) {
	q := "SELECT a FROM t WHERE x = ? AND y > ? LIMIT 3"
	if got := SQLite.Rebind(q); got != q {
		t.Errorf("SQLite: %q", got)
	}
	if got, want := Postgres.Rebind(q), "SELECT a FROM t WHERE x = $1 AND y > $2 LIMIT 3"; got != want {
		t.Errorf("Postgres: %q, want %q", got, want)
	}
}
