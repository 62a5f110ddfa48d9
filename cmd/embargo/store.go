package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"embargo"
	"embargo/fetch"
	"embargo/natsbus"
	"embargo/postgres"
	"embargo/sqlite"
)

// storeFile is the store's file name inside m.DataDir.
const storeFile = "embargo.db"

// Store opens the list store at m.DataDir/embargo.db on first use, creating
// the directory and the database, and closes it when Main closes. With
// --nats, every new version it stores is announced there.
func (m *Main) Store(ctx context.Context) (embargo.Store, error) {
	if m.store != nil {
		return m.store, nil
	}
	s, err := m.openStore(ctx)
	if err != nil || m.NATSURL == "" {
		return s, err
	}
	bus, err := m.Bus(ctx)
	if err != nil {
		// Announcements only spare the servers their poll: a NATS outage
		// must not stop a list update. The store stays the truth.
		fmt.Fprintf(m.Stderr, "warning: %v: new versions will not be announced (servers find them at their next store poll)\n", err)
		return s, nil
	}
	m.store = natsbus.AnnouncingStore{Store: s, Bus: bus}
	return m.store, nil
}

// The announcing wrapper keeps `update`'s conditional requests.
var _ fetch.Validators = natsbus.AnnouncingStore{}

// Bus connects to --nats on first use and closes the connection when Main
// closes.
func (m *Main) Bus(ctx context.Context) (*natsbus.Bus, error) {
	if m.bus != nil {
		return m.bus, nil
	}
	b, err := natsbus.Connect(ctx, m.NATSURL)
	if err != nil {
		return nil, err
	}
	m.bus = b
	m.onClose(func() error { m.bus = nil; return b.Close() })
	return b, nil
}

func (m *Main) openStore(ctx context.Context) (embargo.Store, error) {
	if m.StoreDSN != "" {
		// A shared PostgreSQL store, for several servers and updaters.
		s, err := postgres.Open(ctx, m.StoreDSN)
		if err != nil {
			return nil, err
		}
		m.store = s
		m.onClose(func() error { m.store = nil; return s.Close() })
		return s, nil
	}
	if err := os.MkdirAll(m.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(m.DataDir, storeFile))
	if err != nil {
		return nil, err
	}
	m.store = s
	m.onClose(func() error {
		m.store = nil
		return s.Close()
	})
	return s, nil
}

// existingStore opens the store only if it exists: commands that only read
// (lists, screening) must not leave an empty database behind. It returns
// nil, nil when there is none.
func (m *Main) existingStore(ctx context.Context) (embargo.Store, error) {
	if m.store != nil || m.StoreDSN != "" {
		return m.Store(ctx)
	}
	_, err := os.Stat(filepath.Join(m.DataDir, storeFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return m.Store(ctx)
}
