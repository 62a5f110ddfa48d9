package postgres

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
// exists (then it returns that one and created=false), in one transaction.
func (s *Store) Import(ctx context.Context, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	if err := storeutil.Check(v, ents); err != nil {
		return embargo.ListVersion{}, false, err
	}
	if v.Hash == "" {
		return embargo.ListVersion{}, false, embargo.Errorf(embargo.EINVALID, "%s: list version has no content hash", v.Source)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return embargo.ListVersion{}, false, fmt.Errorf("postgres: import %s: %w", v.Source, err)
	}
	stored, created, err := importTx(ctx, tx, v, ents)
	if err != nil {
		return embargo.ListVersion{}, false, rollback(tx, fmt.Errorf("postgres: import %s: %w", v.Source, err))
	}
	if err := tx.Commit(); err != nil {
		return embargo.ListVersion{}, false, fmt.Errorf("postgres: import %s: commit: %w", v.Source, err)
	}
	return stored, created, nil
}

func importTx(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	// One importer per source at a time, so two cannot take the same number.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, v.Source); err != nil {
		return v, false, err
	}
	old, err := scanVersion(tx.QueryRowContext(ctx, selectVersion+` WHERE source = $1 AND hash = $2`, v.Source, v.Hash))
	if err == nil {
		return old, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return v, false, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM list_versions WHERE source = $1`, v.Source).Scan(&v.Version); err != nil {
		return v, false, err
	}
	if v.ImportedAt.IsZero() {
		v.ImportedAt = time.Now()
	}
	v.ImportedAt = v.ImportedAt.UTC().Truncate(time.Microsecond) // timestamptz keeps microseconds
	v.Entities, v.BySchema = len(ents), storeutil.Counts(ents)
	bySchema, err := json.Marshal(v.BySchema)
	if err != nil {
		return v, false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO list_versions
		(source, version, hash, origin, format, published, imported_at, entities, by_schema, problems)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		v.Source, v.Version, v.Hash, v.Origin, v.Format, v.Published.String(),
		v.ImportedAt, v.Entities, string(bySchema), v.Problems); err != nil {
		return v, false, err
	}
	if err := insertEntities(ctx, tx, v, ents); err != nil {
		return v, false, err
	}
	return v, true, nil
}

// insertEntities stores each entity's JSON once (by hash) and links the
// version to it: three statements over arrays, not one round trip per entity.
func insertEntities(ctx context.Context, tx *sql.Tx, v embargo.ListVersion, ents []embargo.Entity) error {
	hashes := make([]string, len(ents))
	datas := make([][]byte, len(ents))
	ids := make([]string, len(ents))
	pos := make([]int32, len(ents))
	for i := range ents {
		data, hash, err := storeutil.Encode(&ents[i])
		if err != nil {
			return err
		}
		hashes[i], datas[i], ids[i], pos[i] = hash, data, ents[i].ID, int32(i)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO entity_blobs (hash, data)
		SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (hash) DO NOTHING`, hashes, datas); err != nil {
		return fmt.Errorf("entity records: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT hash, id FROM entity_blobs WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return fmt.Errorf("entity records: %w", err)
	}
	blobID := make(map[string]int64, len(ents))
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			rows.Close()
			return err
		}
		blobID[h] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	blobs := make([]int64, len(ents))
	for i, h := range hashes {
		blobs[i] = blobID[h]
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO version_entities (source, version, pos, entity_id, blob_id)
		SELECT $1, $2, * FROM unnest($3::integer[], $4::text[], $5::bigint[])`,
		v.Source, v.Version, pos, ids, blobs); err != nil {
		return fmt.Errorf("entity links: %w", err)
	}
	return nil
}
