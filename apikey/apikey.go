// Package apikey issues and checks API keys. Only a SHA-256 hash of each
// secret is stored; the key itself is shown once, at creation.
package apikey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"embargo"
	"embargo/internal/sqldialect"
)

// Roles. Admin may do everything screen may, plus the admin routes.
const (
	RoleScreen = "screen"
	RoleAdmin  = "admin"
)

// Key is a stored key, without its secret.
type Key struct {
	ID      string    `json:"id"`
	Role    string    `json:"role"`
	Name    string    `json:"name,omitempty"`
	Created time.Time `json:"created"`
	Revoked bool      `json:"revoked"`
}

// Allows reports whether the key's role covers role.
func (k Key) Allows(role string) bool {
	return !k.Revoked && (k.Role == RoleAdmin || k.Role == role)
}

// Keys is the key table in a SQL database (SQLite, or PostgreSQL shared by
// several servers).
type Keys struct {
	db *sql.DB
	d  sqldialect.Dialect
}

// Open prepares the key table in an SQLite db.
func Open(ctx context.Context, db *sql.DB) (*Keys, error) {
	return OpenDialect(ctx, db, sqldialect.SQLite)
}

// OpenDialect prepares the key table in db of dialect d.
func OpenDialect(ctx context.Context, db *sql.DB, d sqldialect.Dialect) (*Keys, error) {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS api_keys (
		id TEXT PRIMARY KEY, hash TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
		created TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)`)
	if err != nil {
		return nil, fmt.Errorf("apikey: create table: %w", err)
	}
	return &Keys{db: db, d: d}, nil
}

// Create makes a key with role and returns it and its secret token
// ("emb_<id>_<secret>"), which is not stored and cannot be shown again.
func (s *Keys) Create(ctx context.Context, role, name string) (Key, string, error) {
	if role != RoleScreen && role != RoleAdmin {
		return Key{}, "", embargo.FieldError("role", "must be %q or %q, not %q", RoleScreen, RoleAdmin, role)
	}
	id, secret := random(6), random(24)
	k := Key{ID: id, Role: role, Name: name, Created: time.Now().UTC()}
	_, err := s.db.ExecContext(ctx, s.d.Rebind(`INSERT INTO api_keys (id, hash, role, name, created) VALUES (?, ?, ?, ?, ?)`),
		k.ID, digest(secret), k.Role, k.Name, k.Created.Format(time.RFC3339))
	if err != nil {
		return Key{}, "", fmt.Errorf("apikey: create: %w", err)
	}
	return k, "emb_" + id + "_" + secret, nil
}

// Check returns the key a token names, or EUNAUTH.
func (s *Keys) Check(ctx context.Context, token string) (Key, error) {
	unauth := embargo.Errorf(embargo.EUNAUTH, "invalid API key")
	rest, ok := strings.CutPrefix(token, "emb_")
	if !ok {
		return Key{}, unauth
	}
	id, secret, ok := strings.Cut(rest, "_")
	if !ok {
		return Key{}, unauth
	}
	var k Key
	var h, created string
	var revoked int
	err := s.db.QueryRowContext(ctx, s.d.Rebind(`SELECT id, hash, role, name, created, revoked FROM api_keys WHERE id = ?`), id).
		Scan(&k.ID, &h, &k.Role, &k.Name, &created, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return Key{}, unauth
	}
	if err != nil {
		return Key{}, fmt.Errorf("apikey: check: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(h), []byte(digest(secret))) != 1 {
		return Key{}, unauth
	}
	k.Created, _ = time.Parse(time.RFC3339, created)
	k.Revoked = revoked != 0
	if k.Revoked {
		return Key{}, embargo.Errorf(embargo.EUNAUTH, "API key %s was revoked", k.ID)
	}
	return k, nil
}

// List returns every key, oldest first.
func (s *Keys) List(ctx context.Context) ([]Key, error) {
	rows, err := s.db.QueryContext(ctx, s.d.Rebind(`SELECT id, role, name, created, revoked FROM api_keys ORDER BY created, id`))
	if err != nil {
		return nil, fmt.Errorf("apikey: list: %w", err)
	}
	defer rows.Close()
	var out []Key
	for rows.Next() {
		var k Key
		var created string
		var revoked int
		if err := rows.Scan(&k.ID, &k.Role, &k.Name, &created, &revoked); err != nil {
			return nil, fmt.Errorf("apikey: list: %w", err)
		}
		k.Created, _ = time.Parse(time.RFC3339, created)
		k.Revoked = revoked != 0
		out = append(out, k)
	}
	return out, rows.Err()
}

// Revoke disables a key; ENOTFOUND if there is none with that id.
func (s *Keys) Revoke(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, s.d.Rebind(`UPDATE api_keys SET revoked = 1 WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("apikey: revoke: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return embargo.Errorf(embargo.ENOTFOUND, "no API key %q", id)
	}
	return nil
}

func digest(secret string) string {
	s := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(s[:])
}

func random(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("apikey: crypto/rand failed: " + err.Error()) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}
