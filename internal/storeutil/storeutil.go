// Package storeutil holds what every embargo.Store implementation shares so
// that sqlite and postgres answer alike: how an entity is encoded and hashed,
// which fields of two encodings differ, and how versions are put in
// chronological order for Latest, AsOf and the default Diff.
package storeutil

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"embargo"
)

// Encode returns the entity's stored form (its JSON) and the sha256 of it.
// encoding/json writes struct fields in declaration order and Entity holds
// no maps, so equal entities always give equal bytes and equal hashes.
func Encode(e *embargo.Entity) (data []byte, hash string, err error) {
	data, err = json.Marshal(e)
	if err != nil {
		return nil, "", fmt.Errorf("encode entity %s: %w", e.ID, err)
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

// Decode reads an entity's stored form.
func Decode(data []byte) (embargo.Entity, error) {
	var e embargo.Entity
	if err := json.Unmarshal(data, &e); err != nil {
		return e, fmt.Errorf("decode stored entity: %w", err)
	}
	return e, nil
}

// fieldOrder is the JSON names of Entity's fields in declaration order, so
// that Change.Fields reads like the struct.
var fieldOrder = func() map[string]int {
	t := reflect.TypeOf(embargo.Entity{})
	m := map[string]int{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		m[name] = i
	}
	return m
}()

// ChangedFields compares two stored entities field by field and returns the
// JSON names of the fields that differ ("names", "birth_dates", ...).
func ChangedFields(a, b []byte) ([]string, error) {
	var ma, mb map[string]json.RawMessage
	if err := json.Unmarshal(a, &ma); err != nil {
		return nil, fmt.Errorf("decode stored entity: %w", err)
	}
	if err := json.Unmarshal(b, &mb); err != nil {
		return nil, fmt.Errorf("decode stored entity: %w", err)
	}
	var out []string
	for k, va := range ma {
		if vb, ok := mb[k]; !ok || !bytes.Equal(va, vb) {
			out = append(out, k)
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return fieldOrder[out[i]] < fieldOrder[out[j]] })
	return out, nil
}

// Counts returns the number of entities by schema.
func Counts(ents []embargo.Entity) map[embargo.Schema]int {
	m := map[embargo.Schema]int{}
	for i := range ents {
		m[ents[i].Schema]++
	}
	return m
}

// Check refuses a version a store must not hold: no source, an entity
// without id, of another source, or an id twice.
func Check(v embargo.ListVersion, ents []embargo.Entity) error {
	if v.Source == "" {
		return embargo.Errorf(embargo.EINVALID, "list version has no source")
	}
	seen := make(map[string]bool, len(ents))
	for i := range ents {
		e := &ents[i]
		switch {
		case e.ID == "":
			return embargo.Errorf(embargo.EINVALID, "%s: entity %d has no id", v.Source, i+1)
		case e.Source != v.Source:
			return embargo.Errorf(embargo.EINVALID, "%s: entity %s belongs to source %q", v.Source, e.ID, e.Source)
		case seen[e.ID]:
			return embargo.Errorf(embargo.EINVALID, "%s: entity id %s appears twice", v.Source, e.ID)
		}
		seen[e.ID] = true
	}
	return nil
}

// Effective is the day a version takes effect: its published date (first
// day it can mean), else the day it was imported.
func Effective(v embargo.ListVersion) time.Time {
	if !v.Published.IsZero() {
		return v.Published.Time()
	}
	t := v.ImportedAt.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Chrono sorts versions of one source by effective day, then version
// number: a list imported late for history (the 2022 SDN after the 2024
// one) does not become the one in force.
func Chrono(vs []embargo.ListVersion) {
	sort.SliceStable(vs, func(i, j int) bool {
		ei, ej := Effective(vs[i]), Effective(vs[j])
		if !ei.Equal(ej) {
			return ei.Before(ej)
		}
		return vs[i].Version < vs[j].Version
	})
}

// LastDay is the last day a (partial) date can mean: 2025 -> 2025-12-31.
func LastDay(d embargo.Date) time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.Time()
}

// InForce returns the version of one source in force on d: the newest (in
// Chrono order) whose effective day is on or before d; ok=false if none.
func InForce(vs []embargo.ListVersion, d embargo.Date) (embargo.ListVersion, bool) {
	vs = append([]embargo.ListVersion(nil), vs...)
	Chrono(vs)
	last := LastDay(d)
	for i := len(vs) - 1; i >= 0; i-- {
		if !Effective(vs[i]).After(last) {
			return vs[i], true
		}
	}
	return embargo.ListVersion{}, false
}

// Current returns the version of one source in force now: the last in Chrono order.
func Current(vs []embargo.ListVersion) embargo.ListVersion {
	vs = append([]embargo.ListVersion(nil), vs...)
	Chrono(vs)
	return vs[len(vs)-1]
}

// DiffPair resolves the versions Diff compares: from=to=0 means the two
// newest in Chrono order; one of them 0 means the one before (or after)
// the other in that order.
func DiffPair(vs []embargo.ListVersion, from, to int64) (int64, int64, error) {
	src := ""
	if len(vs) > 0 {
		src = vs[0].Source
	}
	vs = append([]embargo.ListVersion(nil), vs...)
	Chrono(vs)
	idx := func(n int64) int {
		for i, v := range vs {
			if v.Version == n {
				return i
			}
		}
		return -1
	}
	switch {
	case from == 0 && to == 0:
		if len(vs) < 2 {
			return 0, 0, embargo.Errorf(embargo.ENOTFOUND, "%s has %d version(s); a diff needs two", src, len(vs))
		}
		return vs[len(vs)-2].Version, vs[len(vs)-1].Version, nil
	case from == 0:
		i := idx(to)
		if i < 0 {
			return 0, 0, embargo.Errorf(embargo.ENOTFOUND, "%s has no version %d", src, to)
		}
		if i == 0 {
			return 0, 0, embargo.Errorf(embargo.ENOTFOUND, "%s version %d has no earlier version", src, to)
		}
		return vs[i-1].Version, to, nil
	case to == 0:
		i := idx(from)
		if i < 0 {
			return 0, 0, embargo.Errorf(embargo.ENOTFOUND, "%s has no version %d", src, from)
		}
		return from, Current(vs).Version, nil
	}
	for _, n := range []int64{from, to} {
		if idx(n) < 0 {
			return 0, 0, embargo.Errorf(embargo.ENOTFOUND, "%s has no version %d", src, n)
		}
	}
	return from, to, nil
}

// Compare builds a Diff from two id->hash maps (in the stores, the hash is
// the link to the shared entity record) and a loader for changed entities.
func Compare(source string, from, to int64, a, b map[string]string, load func(hashA, hashB string) (da, db []byte, err error)) (*embargo.Diff, error) {
	d := &embargo.Diff{Source: source, From: from, To: to, Added: []string{}, Removed: []string{}, Changed: []embargo.Change{}}
	for id, hb := range b {
		ha, ok := a[id]
		if !ok {
			d.Added = append(d.Added, id)
			continue
		}
		if ha == hb {
			continue
		}
		da, db, err := load(ha, hb)
		if err != nil {
			return nil, err
		}
		fields, err := ChangedFields(da, db)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		d.Changed = append(d.Changed, embargo.Change{ID: id, Fields: fields})
	}
	for id := range a {
		if _, ok := b[id]; !ok {
			d.Removed = append(d.Removed, id)
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Removed)
	sort.Slice(d.Changed, func(i, j int) bool { return d.Changed[i].ID < d.Changed[j].ID })
	return d, nil
}

// DecodeAll decodes stored entities on every CPU: decoding JSON is most of
// the time it takes to load a list (see BenchmarkLatestEntities).
func DecodeAll(datas [][]byte) ([]embargo.Entity, error) {
	out := make([]embargo.Entity, len(datas))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(datas)/500))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(datas); i += workers {
				if err := json.Unmarshal(datas[i], &out[i]); err != nil {
					errs[w] = fmt.Errorf("decode stored entity %d: %w", i+1, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}
