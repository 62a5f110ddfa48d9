// Package sqlite implements embargo.Store on SQLite (modernc.org/sqlite:
// pure Go, no cgo).
//
// Schema (migrations/00001_init.sql): list_versions holds one row per
// imported version (hash, origin, format, published, imported_at, counts);
// entity_blobs holds each distinct entity JSON once, keyed by its sha256;
// version_entities links a version to its entities in file order. Most
// entities do not change between versions, so a new version costs a link
// row per entity plus the changed records, and Diff compares blob ids before
// decoding only the entities that changed. fetch_state keeps the ETag and
// Last-Modified of the last good download of each URL.
//
// The schema is versioned with goose (pressly/goose/v3) migrations embedded
// in the binary and applied by Open, so a newer binary upgrades an older
// store in place; postgres/ uses the same migrations' shape. The database
// runs in WAL mode so that screenings read while an update writes, and an
// import is one transaction (BEGIN IMMEDIATE): on error nothing is stored.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"embargo"
	"embargo/internal/storeutil"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an embargo.Store in one SQLite file.
type Store struct {
	storeutil.SQL // Import and the reads, shared with postgres
	db            *sql.DB
}

var _ embargo.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	// WAL lets readers run beside the one writer; busy_timeout waits for a
	// lock instead of failing; _txlock=immediate takes the write lock at
	// BEGIN so two imports cannot both pick the same next version number.
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return &Store{SQL: storeutil.NewSQL(db, dialect), db: db}, nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the database, for tests and maintenance.
func (s *Store) DB() *sql.DB { return s.db }
