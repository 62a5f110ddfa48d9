package storeutil

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"embargo"
)

// Dialect is what differs between the SQL stores on the schema they share
// (list_versions, version_entities, entity_blobs; see their migrations).
type Dialect struct {
	// Name prefixes the store's errors: "sqlite", "postgres".
	Name string
	// Numbered placeholders ($1, $2, ...) instead of ?.
	Numbered bool
	// ImportedAt is the value the imported_at column takes for t (UTC).
	ImportedAt func(t time.Time) any
	// Lock, if set, runs first in an import's transaction so that two
	// imports of one source cannot take the same version number.
	Lock func(ctx context.Context, tx *sql.Tx, source string) error
	// InsertEntities stores a new version's entities: their JSON once per
	// hash in entity_blobs, and the links in version_entities. Bulk inserts
	// are where the dialects differ most.
	InsertEntities func(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) error
}

// SQL implements the reads and the import of embargo.Store over
// database/sql; the sqlite and postgres stores embed it, so they answer
// alike.
type SQL struct {
	db *sql.DB
	d  Dialect
}

// NewSQL returns the shared store logic over db.
func NewSQL(db *sql.DB, d Dialect) SQL { return SQL{db: db, d: d} }

// q writes query's ? placeholders as the dialect wants them.
func (s SQL) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// errorf prefixes an error with the store's name.
func (s SQL) errorf(format string, args ...any) error {
	return fmt.Errorf(s.d.Name+": "+format, args...)
}

func notFound(format string, args ...any) error {
	return embargo.Errorf(embargo.ENOTFOUND, format, args...)
}

const selectVersion = `SELECT source, version, hash, origin, format, published, imported_at,
	entities, by_schema, problems FROM list_versions`

type scanner interface{ Scan(dest ...any) error }

func scanVersion(row scanner) (embargo.ListVersion, error) {
	var v embargo.ListVersion
	var published string
	var imported any
	var bySchema []byte
	if err := row.Scan(&v.Source, &v.Version, &v.Hash, &v.Origin, &v.Format, &published,
		&imported, &v.Entities, &bySchema, &v.Problems); err != nil {
		return v, err
	}
	var err error
	if v.Published, err = embargo.ParseDate(published); err != nil {
		return v, fmt.Errorf("%s version %d: published: %w", v.Source, v.Version, err)
	}
	if v.ImportedAt, err = importedAt(imported); err != nil {
		return v, fmt.Errorf("%s version %d: imported_at: %w", v.Source, v.Version, err)
	}
	if err := json.Unmarshal(bySchema, &v.BySchema); err != nil {
		return v, fmt.Errorf("%s version %d: by_schema: %w", v.Source, v.Version, err)
	}
	return v, nil
}

// importedAt reads the imported_at column: a timestamptz (postgres) comes
// as a time.Time, given back in UTC; sqlite keeps the RFC 3339 text.
func importedAt(col any) (time.Time, error) {
	switch c := col.(type) {
	case time.Time:
		return c.UTC(), nil
	case string:
		return time.Parse(time.RFC3339Nano, c)
	case []byte:
		return time.Parse(time.RFC3339Nano, string(c))
	}
	return time.Time{}, fmt.Errorf("unexpected %T", col)
}

func (s SQL) queryVersions(ctx context.Context, where string, args ...any) ([]embargo.ListVersion, error) {
	rows, err := s.db.QueryContext(ctx, s.q(selectVersion+" "+where+" ORDER BY source, version"), args...)
	if err != nil {
		return nil, s.errorf("versions: %w", err)
	}
	defer rows.Close()
	var out []embargo.ListVersion
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, s.errorf("versions: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// bySource groups every version by source (sources sorted, versions oldest first).
func (s SQL) bySource(ctx context.Context) ([][]embargo.ListVersion, error) {
	all, err := s.queryVersions(ctx, "")
	if err != nil {
		return nil, err
	}
	var out [][]embargo.ListVersion
	for i, v := range all {
		if i == 0 || v.Source != all[i-1].Source {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], v)
	}
	return out, nil
}

// Latest returns the version in force now of each source, sorted by
// source: the newest by published (else import) date, then by version.
func (s SQL) Latest(ctx context.Context) ([]embargo.ListVersion, error) {
	groups, err := s.bySource(ctx)
	if err != nil {
		return nil, err
	}
	out := []embargo.ListVersion{}
	for _, g := range groups {
		out = append(out, Current(g))
	}
	return out, nil
}

// AsOf returns, for each source, the version in force on d.
func (s SQL) AsOf(ctx context.Context, d embargo.Date) ([]embargo.ListVersion, error) {
	groups, err := s.bySource(ctx)
	if err != nil {
		return nil, err
	}
	out := []embargo.ListVersion{}
	for _, g := range groups {
		if v, ok := InForce(g, d); ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// Versions returns the versions of source, oldest (lowest number) first.
func (s SQL) Versions(ctx context.Context, source string) ([]embargo.ListVersion, error) {
	vs, err := s.queryVersions(ctx, "WHERE source = ?", source)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, notFound("no version of list %q has been imported", source)
	}
	return vs, nil
}

// version resolves version 0 to the one in force now.
func (s SQL) version(ctx context.Context, source string, n int64) (embargo.ListVersion, error) {
	if n == 0 {
		vs, err := s.Versions(ctx, source)
		if err != nil {
			return embargo.ListVersion{}, err
		}
		return Current(vs), nil
	}
	v, err := scanVersion(s.db.QueryRowContext(ctx, s.q(selectVersion+` WHERE source = ? AND version = ?`), source, n))
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound("list %q has no version %d", source, n)
	}
	if err != nil {
		return v, s.errorf("%s version %d: %w", source, n, err)
	}
	return v, nil
}

// Entities returns the entities of one version in file order; 0 means the
// version in force now.
func (s SQL) Entities(ctx context.Context, source string, version int64) ([]embargo.Entity, error) {
	v, err := s.version(ctx, source, version)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT b.data FROM version_entities ve
		JOIN entity_blobs b ON b.id = ve.blob_id
		WHERE ve.source = ? AND ve.version = ? ORDER BY ve.pos`), v.Source, v.Version)
	if err != nil {
		return nil, s.errorf("entities: %w", err)
	}
	defer rows.Close()
	datas := make([][]byte, 0, v.Entities)
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, s.errorf("entities: %w", err)
		}
		datas = append(datas, data)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("entities: %w", err)
	}
	out, err := DecodeAll(datas)
	if err != nil {
		return nil, s.errorf("%s version %d: %w", v.Source, v.Version, err)
	}
	return out, nil
}
