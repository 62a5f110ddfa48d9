package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// FetchState returns the conditional-request validators (RFC 9110 ETag and
// Last-Modified) the server gave with the last good download of source's
// url; empty strings when there is none.
func (s *Store) FetchState(ctx context.Context, source, url string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM fetch_state WHERE source = ? AND url = ?`,
		source, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("sqlite: fetch state: %w", err)
	}
	return etag, lastModified, nil
}

// SetFetchState remembers the validators of source's url.
func (s *Store) SetFetchState(ctx context.Context, source, url, etag, lastModified string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetch_state (source, url, etag, last_modified) VALUES (?, ?, ?, ?)
		ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`,
		source, url, etag, lastModified)
	if err != nil {
		return fmt.Errorf("sqlite: fetch state: %w", err)
	}
	return nil
}
