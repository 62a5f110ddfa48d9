package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite"

	"embargo/apikey"
	"embargo/audit"
)

// serviceFile holds the audit log and the API keys, apart from the list
// store so that list imports never contend with screening appends.
const serviceFile = "service.db"

// serviceDB opens m.DataDir/service.db on first use.
func (m *Main) serviceDB(ctx context.Context) (*sql.DB, error) {
	if m.svcDB != nil {
		return m.svcDB, nil
	}
	if err := os.MkdirAll(m.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	dsn := "file:" + filepath.Join(m.DataDir, serviceFile) + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("service database: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("service database %s: %w", filepath.Join(m.DataDir, serviceFile), err)
	}
	m.svcDB = db
	m.onClose(func() error { m.svcDB = nil; return db.Close() })
	return db, nil
}

func (m *Main) auditLog(ctx context.Context) (*audit.Log, error) {
	db, err := m.serviceDB(ctx)
	if err != nil {
		return nil, err
	}
	return audit.Open(ctx, db)
}

func (m *Main) apiKeys(ctx context.Context) (*apikey.Keys, error) {
	db, err := m.serviceDB(ctx)
	if err != nil {
		return nil, err
	}
	return apikey.Open(ctx, db)
}
