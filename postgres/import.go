package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"embargo"
	"embargo/internal/storeutil"
)

// dialect is how the shared store logic (storeutil.SQL) talks to PostgreSQL.
var dialect = storeutil.Dialect{
	Name:       "postgres",
	Numbered:   true,
	ImportedAt: func(t time.Time) any { return t }, // a timestamptz
	// One importer per source at a time, so two cannot take the same number.
	Lock: func(ctx context.Context, tx *sql.Tx, source string) error {
		_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, source)
		return err
	},
	InsertEntities: insertEntities,
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
	blobID, err := storeutil.BlobIDs(rows, len(ents))
	if err != nil {
		return fmt.Errorf("entity records: %w", err)
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
