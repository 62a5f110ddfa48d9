package storeutil

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"embargo"
)

// Import stores a new version of v.Source unless one with the same hash
// exists (then it returns that one and created=false). The store assigns
// Version, counts Entities and BySchema from ents, and sets ImportedAt when
// it is zero. All of it is one transaction: on error nothing is stored.
func (s SQL) Import(ctx context.Context, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	if err := Check(v, ents); err != nil {
		return embargo.ListVersion{}, false, err
	}
	if v.Hash == "" {
		return embargo.ListVersion{}, false, embargo.Errorf(embargo.EINVALID, "%s: list version has no content hash", v.Source)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return embargo.ListVersion{}, false, s.errorf("import %s: %w", v.Source, err)
	}
	stored, created, err := s.importTx(ctx, tx, v, ents)
	if err != nil {
		return embargo.ListVersion{}, false, Rollback(tx, s.errorf("import %s: %w", v.Source, err))
	}
	if err := tx.Commit(); err != nil {
		return embargo.ListVersion{}, false, s.errorf("import %s: commit: %w", v.Source, err)
	}
	return stored, created, nil
}

func (s SQL) importTx(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	if s.d.Lock != nil {
		if err := s.d.Lock(ctx, tx, v.Source); err != nil {
			return v, false, err
		}
	}
	old, err := scanVersion(tx.QueryRowContext(ctx, s.q(selectVersion+` WHERE source = ? AND hash = ?`), v.Source, v.Hash))
	if err == nil {
		return old, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return v, false, err
	}
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(MAX(version), 0) + 1 FROM list_versions WHERE source = ?`), v.Source).Scan(&v.Version); err != nil {
		return v, false, err
	}
	if v.ImportedAt.IsZero() {
		v.ImportedAt = time.Now()
	}
	// Microseconds: what a postgres timestamptz keeps, so both stores
	// round-trip alike.
	v.ImportedAt = v.ImportedAt.UTC().Truncate(time.Microsecond)
	v.Entities, v.BySchema = len(ents), Counts(ents)
	bySchema, err := json.Marshal(v.BySchema)
	if err != nil {
		return v, false, err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO list_versions
		(source, version, hash, origin, format, published, imported_at, entities, by_schema, problems)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		v.Source, v.Version, v.Hash, v.Origin, v.Format, v.Published.String(),
		s.d.ImportedAt(v.ImportedAt), v.Entities, string(bySchema), v.Problems); err != nil {
		return v, false, err
	}
	if err := s.d.InsertEntities(ctx, tx, v, ents); err != nil {
		return v, false, err
	}
	return v, true, nil
}

// Rollback ends tx after a failure, keeping the first error.
func Rollback(tx *sql.Tx, err error) error {
	if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
		return errors.Join(err, rerr)
	}
	return err
}

// BlobIDs reads rows of (hash, id) from entity_blobs into a map, closing
// rows: how both stores learn the ids of the blobs they just inserted.
func BlobIDs(rows *sql.Rows, n int) (map[string]int64, error) {
	defer rows.Close()
	ids := make(map[string]int64, n)
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		ids[h] = id
	}
	return ids, rows.Err()
}
