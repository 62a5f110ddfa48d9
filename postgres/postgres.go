// Package postgres implements embargo.Store on PostgreSQL (jackc/pgx/v5
// through database/sql), with the same tables and answers as the sqlite
// store. The schema is versioned with goose migrations embedded in the
// binary (migrations/*.sql) and applied on Open.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"

	"embargo"
	"embargo/internal/storeutil"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an embargo.Store in a PostgreSQL database.
type Store struct {
	storeutil.SQL // Import and the reads, shared with sqlite
	db            *sql.DB
}

var _ embargo.Store = (*Store)(nil)

// Open connects to dsn (a postgres:// URL or key=value string) and brings
// the schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err == nil {
		var p *goose.Provider
		if p, err = goose.NewProvider(goose.DialectPostgres, db, sub); err == nil {
			_, err = p.Up(ctx)
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: migrations: %w", err)
	}
	return &Store{SQL: storeutil.NewSQL(db, dialect), db: db}, nil
}

// Close closes the connections.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the database, for tests and maintenance.
func (s *Store) DB() *sql.DB { return s.db }

// FetchState returns the validators of the last good download of source's url.
func (s *Store) FetchState(ctx context.Context, source, url string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM fetch_state WHERE source = $1 AND url = $2`,
		source, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("postgres: fetch state: %w", err)
	}
	return etag, lastModified, nil
}

// SetFetchState remembers the validators of source's url.
func (s *Store) SetFetchState(ctx context.Context, source, url, etag, lastModified string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetch_state (source, url, etag, last_modified) VALUES ($1, $2, $3, $4)
		ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`,
		source, url, etag, lastModified)
	if err != nil {
		return fmt.Errorf("postgres: fetch state: %w", err)
	}
	return nil
}
