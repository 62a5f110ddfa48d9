// Package audit keeps an append-only, hash-chained log of screening
// decisions: who asked what, against which list versions, with which
// threshold, and what was found. Each record's hash covers its content and
// the previous record's hash, so that any edit or deletion is detectable by
// Verify.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"
	"unsafe"

	"embargo/internal/sqldialect"
)

// Record is one screening decision.
type Record struct {
	Seq       int64           `json:"seq"`
	Time      time.Time       `json:"time"`
	RequestID string          `json:"request_id"`
	KeyID     string          `json:"key_id,omitempty"` // API key id, "cli" for the command line, "" for anonymous
	Kind      string          `json:"kind"`             // "screen", "match", "goods", "compare"
	Query     json.RawMessage `json:"query"`
	Versions  json.RawMessage `json:"versions"` // list versions used
	Threshold float64         `json:"threshold"`
	Hits      json.RawMessage `json:"hits"` // entity ids and scores
	PrevHash  string          `json:"prev_hash"`
	Hash      string          `json:"hash"`

	// encoded: Query, Versions and Hits were encoded by the caller with
	// encoding/json or this package's encoders (Writer.SubmitEncoded), so
	// AppendBatch does not check again that they are valid JSON.
	encoded bool
}

// Log is the audit log in a SQL database: SQLite beside one server, or
// PostgreSQL shared by several servers, which then append to one chain.
type Log struct {
	db *sql.DB
	d  sqldialect.Dialect
	mu sync.Mutex // appends are serialised: each needs the previous hash
	// The chain head's query and the insert, prepared on db by the first
	// append (under mu) and bound to each append's transaction
	// (database/sql reuses a connection's prepared statement): preparing
	// both in every batch took a quarter of a busy server's audit CPU.
	headStmt, insertStmt *sql.Stmt
}

func schema(d sqldialect.Dialect) string {
	return `CREATE TABLE IF NOT EXISTS audit_log (
	seq ` + d.Int64() + ` PRIMARY KEY,
	time TEXT NOT NULL,
	request_id TEXT NOT NULL,
	key_id TEXT NOT NULL,
	kind TEXT NOT NULL,
	query TEXT NOT NULL,
	versions TEXT NOT NULL,
	threshold ` + d.Float() + ` NOT NULL,
	hits TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
)`
}

// Open prepares the log's table in an SQLite db.
func Open(ctx context.Context, db *sql.DB) (*Log, error) {
	return OpenDialect(ctx, db, sqldialect.SQLite)
}

// OpenDialect prepares the log's table in db of dialect d. The log records
// which hash scheme its chain uses; a log written with another scheme (by a
// newer embargo) is refused rather than reported as tampered with.
func OpenDialect(ctx context.Context, db *sql.DB, d sqldialect.Dialect) (*Log, error) {
	if _, err := db.ExecContext(ctx, schema(d)); err != nil {
		return nil, fmt.Errorf("audit: create table: %w", err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("audit: create table: %w", err)
	}
	// Logs written before the scheme was recorded used this one (the only
	// one released).
	if _, err := db.ExecContext(ctx, d.Rebind(`INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`), "hash_scheme", Scheme); err != nil {
		return nil, fmt.Errorf("audit: record the hash scheme: %w", err)
	}
	var scheme string
	if err := db.QueryRowContext(ctx, d.Rebind(`SELECT value FROM audit_meta WHERE key = ?`), "hash_scheme").Scan(&scheme); err != nil {
		return nil, fmt.Errorf("audit: read the hash scheme: %w", err)
	}
	if scheme != Scheme {
		return nil, fmt.Errorf("audit: the log's hash scheme is %q; this embargo writes and verifies %q", scheme, Scheme)
	}
	return &Log{db: db, d: d}, nil
}

// prepare prepares the append's statements once; l.mu is held.
func (l *Log) prepare(ctx context.Context) error {
	if l.insertStmt != nil {
		return nil
	}
	head, err := l.db.PrepareContext(ctx, headQuery)
	if err != nil {
		return err
	}
	insert, err := l.db.PrepareContext(ctx, l.d.Rebind(insertQuery))
	if err != nil {
		head.Close()
		return err
	}
	l.headStmt, l.insertStmt = head, insert
	return nil
}

const (
	headQuery   = `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`
	insertQuery = `INSERT INTO audit_log (seq, time, request_id, key_id, kind, query, versions, threshold, hits, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// Scheme names how record hashes are computed (see hash); the log stores
// it in its audit_meta table.
const Scheme = "sha256-length-prefixed-v2"

// chainLock is the PostgreSQL advisory lock that serialises appends across
// processes: each append reads the chain head and writes after it.
const chainLock = 0x656d62617267 // "embarg"

// genesis is the previous hash of the first record.
const genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// hash computes a record's chain hash: SHA-256 over every field but Hash,
// each written as its length and its bytes, in a fixed order, so that no
// two different records can give the same input. (Length-prefixing rather
// than JSON keeps the hot path free of re-encoding the query and hits.)
func hash(r Record) string { return hashOf(r, r.Time.UTC().Format(time.RFC3339Nano)) }

// hashOf is hash of r whose time is written tm. The input is laid out in
// one buffer and hashed at once (sha256.Sum256: no hasher allocated, no
// string copied to be written).
func hashOf(r Record, tm string) string {
	n := 11*8 + len(tm) + len(r.RequestID) + len(r.KeyID) + len(r.Kind) +
		len(r.Query) + len(r.Versions) + len(r.Hits) + len(r.PrevHash) + 3*len("null")
	var small [1024]byte
	b := small[:0]
	if n > len(small) {
		b = make([]byte, 0, n)
	}
	b = binary.BigEndian.AppendUint64(b, uint64(r.Seq))
	b = appendField(b, tm)
	b = appendField(b, r.RequestID)
	b = appendField(b, r.KeyID)
	b = appendField(b, r.Kind)
	b = appendField(b, orNull(r.Query))
	b = appendField(b, orNull(r.Versions))
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(r.Threshold))
	b = appendField(b, orNull(r.Hits))
	b = appendField(b, r.PrevHash)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// appendField appends one field of a record's hash input: its length, then
// its bytes.
func appendField[T ~string | ~[]byte](b []byte, v T) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(len(v)))
	return append(b, v...)
}

// text is m as a string for a TEXT column, without a copy: the drivers copy
// parameters before ExecContext returns, and a record's JSON is never
// modified once submitted (a copy of every screening's hits was a fifth of
// a busy server's allocations).
func text(m json.RawMessage) string {
	if len(m) == 0 {
		return ""
	}
	return unsafe.String(&m[0], len(m))
}

func orNull(m json.RawMessage) json.RawMessage {
	if len(m) == 0 {
		return json.RawMessage("null")
	}
	return m
}

// Append adds r to the log, setting Seq, PrevHash and Hash (and Time when zero).
func (l *Log) Append(ctx context.Context, r Record) (Record, error) {
	out, err := l.AppendBatch(ctx, []Record{r})
	if err != nil {
		return Record{}, err
	}
	return out[0], nil
}

// AppendBatch adds records in order in one transaction: all or none.
func (l *Log) AppendBatch(ctx context.Context, recs []Record) ([]Record, error) {
	out := make([]Record, len(recs))
	for i, r := range recs {
		for _, f := range []struct {
			name string
			v    json.RawMessage
		}{{"query", r.Query}, {"versions", r.Versions}, {"hits", r.Hits}} {
			if !r.encoded && len(f.v) > 0 && !json.Valid(f.v) {
				return nil, fmt.Errorf("audit: record %d: %s is not valid JSON", i, f.name)
			}
		}
		r.Query, r.Versions, r.Hits = orNull(r.Query), orNull(r.Versions), orNull(r.Hits)
		if r.Time.IsZero() {
			r.Time = time.Now()
		}
		r.Time = r.Time.UTC()
		out[i] = r
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.prepare(ctx); err != nil {
		return nil, fmt.Errorf("audit: append: %w", err)
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	defer tx.Rollback()
	if l.d == sqldialect.Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(chainLock)); err != nil {
			return nil, fmt.Errorf("audit: lock the chain: %w", err)
		}
	}
	seq, prev := int64(0), genesis
	var last sql.NullInt64
	var head sql.NullString
	err = tx.StmtContext(ctx, l.headStmt).QueryRowContext(ctx).Scan(&last, &head)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("audit: read chain head: %w", err)
	default:
		seq, prev = last.Int64, head.String
	}
	stmt := tx.StmtContext(ctx, l.insertStmt)
	defer stmt.Close()
	for i := range out {
		r := &out[i]
		seq++
		r.Seq, r.PrevHash = seq, prev
		tm := r.Time.Format(time.RFC3339Nano) // r.Time is UTC
		r.Hash = hashOf(*r, tm)
		prev = r.Hash
		if _, err := stmt.ExecContext(ctx, r.Seq, tm, r.RequestID, r.KeyID, r.Kind,
			text(r.Query), text(r.Versions), r.Threshold, text(r.Hits), r.PrevHash, r.Hash); err != nil {
			return nil, fmt.Errorf("audit: append: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("audit: append: %w", err)
	}
	return out, nil
}

// Filter selects records; zero fields select all.
type Filter struct {
	From, To time.Time // To is exclusive
	KeyID    string
	Limit    int
	AfterSeq int64
}

// Each calls fn for every record the filter selects, in sequence order.
func (l *Log) Each(ctx context.Context, f Filter, fn func(Record) error) error {
	q := `SELECT seq, time, request_id, key_id, kind, query, versions, threshold, hits, prev_hash, hash FROM audit_log WHERE seq > ?`
	args := []any{f.AfterSeq}
	if !f.From.IsZero() {
		q += ` AND time >= ?`
		args = append(args, f.From.UTC().Format(time.RFC3339Nano))
	}
	if !f.To.IsZero() {
		q += ` AND time < ?`
		args = append(args, f.To.UTC().Format(time.RFC3339Nano))
	}
	if f.KeyID != "" {
		q += ` AND key_id = ?`
		args = append(args, f.KeyID)
	}
	q += ` ORDER BY seq`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := l.db.QueryContext(ctx, l.d.Rebind(q), args...)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func scan(rows *sql.Rows) (Record, error) {
	var r Record
	var t, q, v, h string
	if err := rows.Scan(&r.Seq, &t, &r.RequestID, &r.KeyID, &r.Kind, &q, &v, &r.Threshold, &h, &r.PrevHash, &r.Hash); err != nil {
		return r, fmt.Errorf("audit: read: %w", err)
	}
	tm, err := time.Parse(time.RFC3339Nano, t)
	if err != nil {
		return r, fmt.Errorf("audit: record %d: bad time %q", r.Seq, t)
	}
	r.Time, r.Query, r.Versions, r.Hits = tm, json.RawMessage(q), json.RawMessage(v), json.RawMessage(h)
	return r, nil
}

// ErrBroken is wrapped by Verify's error when the chain does not hold.
var ErrBroken = errors.New("audit: hash chain broken")

// Verify walks the whole chain and returns how many records it checked, or an
// error wrapping ErrBroken naming the first record that was edited, deleted
// or inserted.
func (l *Log) Verify(ctx context.Context) (int, error) {
	n := 0
	prev, want := genesis, int64(1)
	err := l.Each(ctx, Filter{}, func(r Record) error {
		switch {
		case r.Seq != want:
			return fmt.Errorf("%w: record %d is missing (next present is %d)", ErrBroken, want, r.Seq)
		case r.PrevHash != prev:
			return fmt.Errorf("%w: record %d does not follow record %d (previous hash differs)", ErrBroken, r.Seq, r.Seq-1)
		case hash(r) != r.Hash:
			return fmt.Errorf("%w: record %d was altered (its content no longer matches its hash)", ErrBroken, r.Seq)
		}
		prev, want = r.Hash, r.Seq+1
		n++
		return nil
	})
	return n, err
}
