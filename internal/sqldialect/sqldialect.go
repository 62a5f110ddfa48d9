// Package sqldialect covers the few differences between SQLite and
// PostgreSQL that the service tables (audit log, API keys) meet through
// database/sql: placeholders and column types.
package sqldialect

import (
	"strconv"
	"strings"
)

// Dialect is a SQL database flavour.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

// Rebind rewrites ? placeholders as $1, $2, ... for PostgreSQL. Queries
// here hold no ? inside string literals.
func (d Dialect) Rebind(q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Float is the column type of a float64 (SQLite's REAL is 8 bytes,
// PostgreSQL's 4).
func (d Dialect) Float() string {
	if d == Postgres {
		return "DOUBLE PRECISION"
	}
	return "REAL"
}

// Int64 is the column type of an int64 primary key or counter.
func (d Dialect) Int64() string {
	if d == Postgres {
		return "BIGINT"
	}
	return "INTEGER"
}

// SQLiteDSN is how the service tables open an SQLite file that a server
// and command-line processes write at once: WAL so that readers run beside
// the writer; a busy timeout so that a writer waits for the lock instead
// of failing; NORMAL sync (WAL stays consistent, a power cut may lose the
// last commits); and _txlock=immediate so that an audit append takes the
// write lock when it begins and two processes never read the same chain
// head.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}
