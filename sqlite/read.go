package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"embargo"
	"embargo/internal/storeutil"
)

const selectVersion = `SELECT source, version, hash, origin, format, published, imported_at,
	entities, by_schema, problems FROM list_versions`

type scanner interface{ Scan(dest ...any) error }

func scanVersion(row scanner) (embargo.ListVersion, error) {
	var v embargo.ListVersion
	var published, imported, bySchema string
	if err := row.Scan(&v.Source, &v.Version, &v.Hash, &v.Origin, &v.Format, &published,
		&imported, &v.Entities, &bySchema, &v.Problems); err != nil {
		return v, err
	}
	var err error
	if v.Published, err = embargo.ParseDate(published); err != nil {
		return v, fmt.Errorf("%s version %d: published: %w", v.Source, v.Version, err)
	}
	if v.ImportedAt, err = time.Parse(time.RFC3339Nano, imported); err != nil {
		return v, fmt.Errorf("%s version %d: imported_at: %w", v.Source, v.Version, err)
	}
	if err := json.Unmarshal([]byte(bySchema), &v.BySchema); err != nil {
		return v, fmt.Errorf("%s version %d: by_schema: %w", v.Source, v.Version, err)
	}
	return v, nil
}

func (s *Store) queryVersions(ctx context.Context, where string, args ...any) ([]embargo.ListVersion, error) {
	rows, err := s.db.QueryContext(ctx, selectVersion+" "+where+" ORDER BY source, version", args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: versions: %w", err)
	}
	defer rows.Close()
	var out []embargo.ListVersion
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: versions: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// bySource groups every version by source (sources sorted, versions oldest first).
func (s *Store) bySource(ctx context.Context) ([][]embargo.ListVersion, error) {
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
func (s *Store) Latest(ctx context.Context) ([]embargo.ListVersion, error) {
	groups, err := s.bySource(ctx)
	if err != nil {
		return nil, err
	}
	out := []embargo.ListVersion{}
	for _, g := range groups {
		out = append(out, storeutil.Current(g))
	}
	return out, nil
}

// AsOf returns, for each source, the version in force on d.
func (s *Store) AsOf(ctx context.Context, d embargo.Date) ([]embargo.ListVersion, error) {
	groups, err := s.bySource(ctx)
	if err != nil {
		return nil, err
	}
	out := []embargo.ListVersion{}
	for _, g := range groups {
		if v, ok := storeutil.InForce(g, d); ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// Versions returns the versions of source, oldest (lowest number) first.
func (s *Store) Versions(ctx context.Context, source string) ([]embargo.ListVersion, error) {
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
func (s *Store) version(ctx context.Context, source string, n int64) (embargo.ListVersion, error) {
	if n == 0 {
		vs, err := s.Versions(ctx, source)
		if err != nil {
			return embargo.ListVersion{}, err
		}
		return storeutil.Current(vs), nil
	}
	v, err := scanVersion(s.db.QueryRowContext(ctx, selectVersion+` WHERE source = ? AND version = ?`, source, n))
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound("list %q has no version %d", source, n)
	}
	if err != nil {
		return v, fmt.Errorf("sqlite: %s version %d: %w", source, n, err)
	}
	return v, nil
}

// Entities returns the entities of one version in file order; 0 means the
// version in force now.
func (s *Store) Entities(ctx context.Context, source string, version int64) ([]embargo.Entity, error) {
	v, err := s.version(ctx, source, version)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.data FROM version_entities ve
		JOIN entity_blobs b ON b.id = ve.blob_id
		WHERE ve.source = ? AND ve.version = ? ORDER BY ve.pos`, v.Source, v.Version)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	defer rows.Close()
	datas := make([][]byte, 0, v.Entities)
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
		datas = append(datas, data)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	out, err := storeutil.DecodeAll(datas)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s version %d: %w", v.Source, v.Version, err)
	}
	return out, nil
}

// History returns the entity as each version that held it held it, in
// Chrono order (effective date, then version).
func (s *Store) History(ctx context.Context, id string) ([]embargo.EntityVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT ve.source, ve.version, b.data FROM version_entities ve
		JOIN entity_blobs b ON b.id = ve.blob_id WHERE ve.entity_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: history: %w", err)
	}
	type held struct {
		source  string
		version int64
		data    []byte
	}
	var hs []held
	for rows.Next() {
		var h held
		if err := rows.Scan(&h.source, &h.version, &h.data); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: history: %w", err)
		}
		hs = append(hs, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: history: %w", err)
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
		e, err := storeutil.Decode(h.data)
		if err != nil {
			return nil, err
		}
		out = append(out, embargo.EntityVersion{Version: v, Entity: e})
	}
	sort.SliceStable(out, func(i, j int) bool {
		ei, ej := storeutil.Effective(out[i].Version), storeutil.Effective(out[j].Version)
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
func (s *Store) ListedOn(ctx context.Context, id string, d embargo.Date) (ev embargo.EntityVersion, ok bool, err error) {
	src, _, _ := embargo.SplitID(id)
	vs, err := s.Versions(ctx, src)
	if err != nil {
		return ev, false, err
	}
	v, ok := storeutil.InForce(vs, d)
	if !ok {
		return ev, false, nil
	}
	var data []byte
	err = s.db.QueryRowContext(ctx, `SELECT b.data FROM version_entities ve JOIN entity_blobs b ON b.id = ve.blob_id
		WHERE ve.source = ? AND ve.version = ? AND ve.entity_id = ?`, v.Source, v.Version, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return embargo.EntityVersion{Version: v}, false, nil
	}
	if err != nil {
		return ev, false, fmt.Errorf("sqlite: listed on: %w", err)
	}
	e, err := storeutil.Decode(data)
	if err != nil {
		return ev, false, err
	}
	return embargo.EntityVersion{Version: v, Entity: e}, true, nil
}

// Diff compares two versions of source; 0,0 compares the two newest.
func (s *Store) Diff(ctx context.Context, source string, from, to int64) (*embargo.Diff, error) {
	vs, err := s.Versions(ctx, source)
	if err != nil {
		return nil, err
	}
	if from, to, err = storeutil.DiffPair(vs, from, to); err != nil {
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
	return storeutil.Compare(source, from, to, a, b, func(ha, hb string) ([]byte, []byte, error) {
		da, err := s.blob(ctx, ha)
		if err != nil {
			return nil, nil, err
		}
		db, err := s.blob(ctx, hb)
		return da, db, err
	})
}

// links maps each entity id of a version to the id of its stored JSON.
func (s *Store) links(ctx context.Context, source string, version int64) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entity_id, blob_id FROM version_entities WHERE source = ? AND version = ?`, source, version)
	if err != nil {
		return nil, fmt.Errorf("sqlite: diff: %w", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var id string
		var blob int64
		if err := rows.Scan(&id, &blob); err != nil {
			return nil, fmt.Errorf("sqlite: diff: %w", err)
		}
		m[id] = strconv.FormatInt(blob, 10)
	}
	return m, rows.Err()
}

func (s *Store) blob(ctx context.Context, id string) ([]byte, error) {
	var data []byte
	if err := s.db.QueryRowContext(ctx, `SELECT data FROM entity_blobs WHERE id = ?`, id).Scan(&data); err != nil {
		return nil, fmt.Errorf("sqlite: entity record %s: %w", id, err)
	}
	return data, nil
}
