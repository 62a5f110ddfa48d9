package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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

// insertEntities stores each entity's JSON once (by hash) and links the version to it.
func insertEntities(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) error {
	// The no-op update makes RETURNING give the id of an existing row too.
	blob, err := tx.PrepareContext(ctx, `INSERT INTO entity_blobs (hash, data) VALUES (?, ?)
		ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id`)
	if err != nil {
		return err
	}
	defer blob.Close()
	link, err := tx.PrepareContext(ctx, `INSERT INTO version_entities (source, version, pos, entity_id, blob_id) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer link.Close()
	for i := range ents {
		data, hash, err := storeutil.Encode(&ents[i])
		if err != nil {
			return err
		}
		var id int64
		if err := blob.QueryRowContext(ctx, hash, data).Scan(&id); err != nil {
			return fmt.Errorf("entity %s: %w", ents[i].ID, err)
		}
		if _, err := link.ExecContext(ctx, v.Source, v.Version, i, ents[i].ID, id); err != nil {
			return fmt.Errorf("entity %s: %w", ents[i].ID, err)
		}
	}
	return nil
}
