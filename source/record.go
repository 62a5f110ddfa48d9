package source

import (
	"bytes"
	"encoding/csv"
	"strings"
	"sync"
)

// RecordWriter renders a record's rows as CSV text for Entity.Record.
// Writers are pooled: a csv.Writer allocates a 4 KB buffer, and one per
// entity was a tenth of everything the list parsers allocated.
type RecordWriter struct {
	b bytes.Buffer
	w *csv.Writer
}

var recordPool = sync.Pool{New: func() any {
	r := &RecordWriter{}
	r.w = csv.NewWriter(&r.b)
	return r
}}

// NewRecordWriter returns an empty writer; Release it when done.
func NewRecordWriter() *RecordWriter {
	r := recordPool.Get().(*RecordWriter)
	r.b.Reset()
	return r
}

// Row appends one CSV row.
func (r *RecordWriter) Row(cells []string) {
	_ = r.w.Write(cells) // writes to a bytes.Buffer, which does not fail
	r.w.Flush()
}

// Len is the length of the text so far.
func (r *RecordWriter) Len() int { return r.b.Len() }

// Truncate keeps the first n bytes.
func (r *RecordWriter) Truncate(n int) { r.b.Truncate(n) }

// WriteString appends raw text (a note, a comment line).
func (r *RecordWriter) WriteString(s string) { r.b.WriteString(s) }

// String returns the text without its final line break.
func (r *RecordWriter) String() string { return strings.TrimRight(r.b.String(), "\r\n") }

// Release returns the writer to the pool.
func (r *RecordWriter) Release() {
	if r.b.Cap() <= 1<<16 {
		recordPool.Put(r)
	}
}
