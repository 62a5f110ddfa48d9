package storeutil

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"

	"embargo"
)

// History returns the entity as each version that held it held it, in
// Chrono order (effective date, then version).
func (s SQL) History(ctx context.Context, id string) ([]embargo.EntityVersion, error) {
	type held struct {
		source  string
		version int64
		data    []byte
	}
	var hs []held
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT ve.source, ve.version, b.data FROM version_entities ve
		JOIN entity_blobs b ON b.id = ve.blob_id WHERE ve.entity_id = ?`), id)
	if err != nil {
		return nil, s.errorf("history: %w", err)
	}
	for rows.Next() {
		var h held
		if err := rows.Scan(&h.source, &h.version, &h.data); err != nil {
			rows.Close()
			return nil, s.errorf("history: %w", err)
		}
		hs = append(hs, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.errorf("history: %w", err)
	}
	if len(hs) == 0 {
		return nil, notFound("no list version holds entity %q", id)
	}
	var out []embargo.EntityVersion
	for _, h := range hs {
		v, err := s.version(ctx, h.source, h.version)
		if err != nil {
			return nil, err
		}
		e, err := Decode(h.data)
		if err != nil {
			return nil, err
		}
		out = append(out, embargo.EntityVersion{Version: v, Entity: e})
	}
	sort.SliceStable(out, func(i, j int) bool {
		ei, ej := Effective(out[i].Version), Effective(out[j].Version)
		if !ei.Equal(ej) {
			return ei.Before(ej)
		}
		return out[i].Version.Version < out[j].Version.Version
	})
	return out, nil
}

// ListedOn answers "was entity id listed on date d": it returns the entity
// as the version of its source in force on d held it, and ok=false when
// that version does not hold it (or no version was in force yet).
func (s SQL) ListedOn(ctx context.Context, id string, d embargo.Date) (ev embargo.EntityVersion, ok bool, err error) {
	src, _, _ := embargo.SplitID(id)
	vs, err := s.Versions(ctx, src)
	if err != nil {
		return ev, false, err
	}
	v, ok := InForce(vs, d)
	if !ok {
		return ev, false, nil
	}
	var data []byte
	err = s.db.QueryRowContext(ctx, s.q(`SELECT b.data FROM version_entities ve JOIN entity_blobs b ON b.id = ve.blob_id
		WHERE ve.source = ? AND ve.version = ? AND ve.entity_id = ?`), v.Source, v.Version, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return embargo.EntityVersion{Version: v}, false, nil
	}
	if err != nil {
		return ev, false, s.errorf("listed on: %w", err)
	}
	e, err := Decode(data)
	if err != nil {
		return ev, false, err
	}
	return embargo.EntityVersion{Version: v, Entity: e}, true, nil
}

// Diff compares two versions of source; 0,0 compares the two newest.
func (s SQL) Diff(ctx context.Context, source string, from, to int64) (*embargo.Diff, error) {
	vs, err := s.Versions(ctx, source)
	if err != nil {
		return nil, err
	}
	if from, to, err = DiffPair(vs, from, to); err != nil {
		return nil, err
	}
	a, err := s.links(ctx, source, from)
	if err != nil {
		return nil, err
	}
	b, err := s.links(ctx, source, to)
	if err != nil {
		return nil, err
	}
	return Compare(source, from, to, a, b, func(ha, hb string) ([]byte, []byte, error) {
		da, err := s.blob(ctx, ha)
		if err != nil {
			return nil, nil, err
		}
		db, err := s.blob(ctx, hb)
		return da, db, err
	})
}

// links maps each entity id of a version to the id of its stored JSON.
func (s SQL) links(ctx context.Context, source string, version int64) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT entity_id, blob_id FROM version_entities WHERE source = ? AND version = ?`), source, version)
	if err != nil {
		return nil, s.errorf("diff: %w", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var id string
		var blob int64
		if err := rows.Scan(&id, &blob); err != nil {
			return nil, s.errorf("diff: %w", err)
		}
		m[id] = strconv.FormatInt(blob, 10)
	}
	return m, rows.Err()
}

func (s SQL) blob(ctx context.Context, id string) ([]byte, error) {
	var data []byte
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT data FROM entity_blobs WHERE id = ?`), id).Scan(&data); err != nil {
		return nil, s.errorf("entity record %s: %w", id, err)
	}
	return data, nil
}
