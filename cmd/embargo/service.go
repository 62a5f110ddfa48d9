package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"embargo"
	"embargo/apikey"
	"embargo/audit"
	"embargo/internal/sqldialect"
)

// serviceFile holds the audit log and the API keys, apart from the list
// store so that list imports never contend with screening appends.
const serviceFile = "service.db"

// serviceDB opens the database of the audit log and the API keys on first
// use: m.DataDir/service.db, or with a PostgreSQL store (--store) the same
// PostgreSQL database, so that several servers share one audit chain and
// one set of keys.
func (m *Main) serviceDB(ctx context.Context) (*sql.DB, sqldialect.Dialect, error) {
	if m.svcDB != nil {
		return m.svcDB, m.svcDialect, nil
	}
	if m.StoreDSN != "" {
		db, err := sql.Open("pgx", m.StoreDSN)
		if err != nil {
			return nil, 0, fmt.Errorf("service database: %w", err)
		}
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, 0, fmt.Errorf("service database (PostgreSQL, --store): %w", err)
		}
		m.svcDB, m.svcDialect = db, sqldialect.Postgres
		m.onClose(func() error { m.svcDB = nil; return db.Close() })
		return db, m.svcDialect, nil
	}
	if err := os.MkdirAll(m.DataDir, 0o755); err != nil {
		return nil, 0, fmt.Errorf("data directory: %w", err)
	}
	// A CLI screening and a server may append at once (see SQLiteDSN).
	db, err := sql.Open("sqlite", sqldialect.SQLiteDSN(filepath.Join(m.DataDir, serviceFile)))
	if err != nil {
		return nil, 0, fmt.Errorf("service database: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("service database %s: %w", filepath.Join(m.DataDir, serviceFile), err)
	}
	m.svcDB, m.svcDialect = db, sqldialect.SQLite
	m.onClose(func() error { m.svcDB = nil; return db.Close() })
	return db, m.svcDialect, nil
}

func (m *Main) auditLog(ctx context.Context) (*audit.Log, error) {
	db, d, err := m.serviceDB(ctx)
	if err != nil {
		return nil, err
	}
	return audit.OpenDialect(ctx, db, d)
}

// auditCLI records a screening decision made on the command line (key id
// "cli") in the same hash-chained log as the server's. Screening the demo
// subset is not a compliance decision and is not recorded.
func (m *Main) auditCLI(ctx context.Context, kind string, q any, versions []embargo.ListVersion, threshold float64, hits []embargo.Match) error {
	l, err := m.auditLog(ctx)
	if err != nil {
		return err
	}
	_, err = l.Append(ctx, cliRecord(kind, q, versions, threshold, hits, ""))
	return err
}

// cliRecord builds the audit record of one CLI decision, in the shape the
// server records; where says which row of a file it was, if any.
func cliRecord(kind string, q any, versions []embargo.ListVersion, threshold float64, hits []embargo.Match, where string) audit.Record {
	qj, _ := json.Marshal(q)
	id := "cli-" + time.Now().UTC().Format("20060102T150405.000000000")
	if where != "" {
		id += " " + where
	}
	return audit.Record{RequestID: id, KeyID: "cli", Kind: kind, Query: qj, Versions: audit.Versions(false, versions), Threshold: threshold, Hits: audit.Hits(hits)}
}

func (m *Main) apiKeys(ctx context.Context) (*apikey.Keys, error) {
	db, d, err := m.serviceDB(ctx)
	if err != nil {
		return nil, err
	}
	return apikey.OpenDialect(ctx, db, d)
}
