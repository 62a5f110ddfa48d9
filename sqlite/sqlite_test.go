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
