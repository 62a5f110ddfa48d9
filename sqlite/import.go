package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"embargo"
	"embargo/internal/storeutil"
)

// dialect is how the shared store logic (storeutil.SQL) talks to SQLite.
var dialect = storeutil.Dialect{
	Name: "sqlite",
	// imported_at is RFC 3339 text (migrations/00001_init.sql).
	ImportedAt: func(t time.Time) any { return t.Format(time.RFC3339Nano) },
	// No Lock: _txlock=immediate takes the write lock at BEGIN (see Open).
	InsertEntities: insertEntities,
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
	ids, err := storeutil.BlobIDs(rows, len(ents))
	if err != nil {
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
