package embargo

import (
	"context"
	"time"
)

// ListVersion is one imported version of one source's list.
type ListVersion struct {
	Source     string         `json:"source"`
	Version    int64          `json:"version"`             // 1, 2, ... per source, in import order
	Hash       string         `json:"hash"`                // sha256 of the content as imported (all files, in order)
	Origin     string         `json:"origin"`              // URL or path(s)
	Format     string         `json:"format"`              // the parser that read it: "unsc", "ofac-csv", ...
	Published  Date           `json:"published,omitempty"` // where the file says
	ImportedAt time.Time      `json:"imported_at"`
	Entities   int            `json:"entities"`
	BySchema   map[Schema]int `json:"by_schema"`
	Problems   int            `json:"problems"` // parse problems reported (records kept or skipped, each named)
}

// Age is how long ago the version was published (or imported, when the file
// gives no date), as of now.
func (v ListVersion) Age(now time.Time) time.Duration {
	if !v.Published.IsZero() {
		return now.Sub(v.Published.Time())
	}
	return now.Sub(v.ImportedAt)
}

// Change is one entity that differs between two versions.
type Change struct {
	ID     string   `json:"id"`
	Fields []string `json:"fields"` // "names", "birth_dates", "designations", ...
}

// Diff is what changed in a source between two versions.
type Diff struct {
	Source  string   `json:"source"`
	From    int64    `json:"from"`
	To      int64    `json:"to"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Changed []Change `json:"changed"`
}

// EntityVersion is an entity as one list version held it.
type EntityVersion struct {
	Version ListVersion `json:"version"`
	Entity  Entity      `json:"entity"`
}

// Store keeps every version of every list. Implementations: sqlite (default),
// postgres. One suite (storetest) runs against each.
type Store interface {
	// Import stores a new version of source unless one with the same hash
	// exists, in which case it returns that version and created=false. The
	// change is atomic: on error nothing is stored.
	Import(ctx context.Context, v ListVersion, ents []Entity) (stored ListVersion, created bool, err error)
	// Latest returns the newest version of each source, sorted by source.
	Latest(ctx context.Context) ([]ListVersion, error)
	// Versions returns the versions of source, oldest first; ENOTFOUND if none.
	Versions(ctx context.Context, source string) ([]ListVersion, error)
	// Entities returns the entities of one version; version 0 means the latest.
	// ENOTFOUND if the source or version does not exist.
	Entities(ctx context.Context, source string, version int64) ([]Entity, error)
	// History returns the entity as each version that held it held it, oldest
	// first; ENOTFOUND if no version ever held the id.
	History(ctx context.Context, id string) ([]EntityVersion, error)
	// Diff compares two versions of source (0,0 = the latest two).
	Diff(ctx context.Context, source string, from, to int64) (*Diff, error)
	// AsOf returns, for each source, the version in force on date d: the
	// newest version published (or imported) on or before d.
	AsOf(ctx context.Context, d Date) ([]ListVersion, error)
	Close() error
}

// Catalog is the set of entities a screening runs against, with the list
// versions they came from. Demo is true when no list has been imported and
// the embedded demo subset stands in: answers must say so.
type Catalog struct {
	Entities []Entity      `json:"-"`
	Versions []ListVersion `json:"versions"`
	Demo     bool          `json:"demo"`
}
