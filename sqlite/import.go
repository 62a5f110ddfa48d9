package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"embargo"
	"embargo/internal/storeutil"
)

// Import stores a new version of v.Source unless one with the same hash
// exists (then it returns that one and created=false). The store assigns
// Version, counts Entities and BySchema from ents, and sets ImportedAt when
// it is zero. All of it is one transaction: on error nothing is stored.
func (s *Store) Import(ctx context.Context, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	if err := storeutil.Check(v, ents); err != nil {
		return embargo.ListVersion{}, false, err
	}
	if v.Hash == "" {
		return embargo.ListVersion{}, false, embargo.Errorf(embargo.EINVALID, "%s: list version has no content hash", v.Source)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return embargo.ListVersion{}, false, fmt.Errorf("sqlite: import %s: %w", v.Source, err)
	}
	stored, created, err := s.importTx(ctx, tx, v, ents)
	if err != nil {
		return embargo.ListVersion{}, false, rollback(tx, fmt.Errorf("sqlite: import %s: %w", v.Source, err))
	}
	if err := tx.Commit(); err != nil {
		return embargo.ListVersion{}, false, fmt.Errorf("sqlite: import %s: commit: %w", v.Source, err)
	}
	return stored, created, nil
}

func (s *Store) importTx(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	old, err := scanVersion(tx.QueryRowContext(ctx, selectVersion+` WHERE source = ? AND hash = ?`, v.Source, v.Hash))
	if err == nil {
		return old, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return v, false, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM list_versions WHERE source = ?`, v.Source).Scan(&v.Version); err != nil {
		return v, false, err
	}
	if v.ImportedAt.IsZero() {
		v.ImportedAt = time.Now()
	}
	// Microseconds: what postgres keeps, so both stores round-trip alike.
	v.ImportedAt = v.ImportedAt.UTC().Truncate(time.Microsecond)
	v.Entities, v.BySchema = len(ents), storeutil.Counts(ents)
	bySchema, err := json.Marshal(v.BySchema)
	if err != nil {
		return v, false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO list_versions
		(source, version, hash, origin, format, published, imported_at, entities, by_schema, problems)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.Source, v.Version, v.Hash, v.Origin, v.Format, v.Published.String(),
		v.ImportedAt.Format(time.RFC3339Nano), v.Entities, string(bySchema), v.Problems); err != nil {
		return v, false, err
	}
	if err := insertEntities(ctx, tx, v, ents); err != nil {
		return v, false, err
	}
	return v, true, nil
}

// batch is how many entities one INSERT statement carries: a statement per
// entity costs a round trip through database/sql each (32,000 for UN + OFAC).
const batch = 250

// insertEntities stores each entity's JSON once (by hash) and links the
// version to it, in multi-row statements.
func insertEntities(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) error {
	for lo := 0; lo < len(ents); lo += batch {
		hi := min(lo+batch, len(ents))
		if err := insertBatch(ctx, tx, v, ents[lo:hi], lo); err != nil {
			return err
		}
	}
	return nil
}

func insertBatch(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity, first int) error {
	hashes := make([]string, len(ents))
	var q strings.Builder
	args := make([]any, 0, 2*len(ents))
	q.WriteString(`INSERT INTO entity_blobs (hash, data) VALUES `)
	for i := range ents {
		data, hash, err := storeutil.Encode(&ents[i])
		if err != nil {
			return err
		}
		hashes[i] = hash
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(?, ?)")
		args = append(args, hash, data)
	}
	// The no-op update makes RETURNING give the id of an existing row too.
	q.WriteString(` ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING hash, id`)
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return fmt.Errorf("entity records: %w", err)
	}
	ids := make(map[string]int64, len(ents))
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			rows.Close()
			return err
		}
		ids[h] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entity records: %w", err)
	}
	q.Reset()
	args = args[:0]
	q.WriteString(`INSERT INTO version_entities (source, version, pos, entity_id, blob_id) VALUES `)
	for i := range ents {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(?, ?, ?, ?, ?)")
		args = append(args, v.Source, v.Version, first+i, ents[i].ID, ids[hashes[i]])
	}
	if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
		return fmt.Errorf("entity links (entities %d-%d): %w", first+1, first+len(ents), err)
	}
	return nil
}
