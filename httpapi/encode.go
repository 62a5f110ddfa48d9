package httpapi

import (
	"net/http"
	"strconv"
	"sync"

	"embargo"
	"embargo/internal/jsonenc"
)

// A screening's answer and its audit record are encoded by hand, into a
// pooled buffer, byte for byte as encoding/json encodes them (the tests
// compare the two on every shape of answer): reflection over a response
// and its matches cost a busy server more CPU than anything outside the
// matcher but the system calls. Anything the hand encoder cannot write as
// encoding/json would (a NaN score, a time outside years 0-9999) falls
// back to encoding/json.

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) > 64<<10 {
		return // a rare large answer: let it go
	}
	*b = (*b)[:0]
	bufPool.Put(b)
}

// jsonContentType is the Content-Type of every JSON answer, one slice
// shared by all (headers are cloned, never modified in place, once
// written).
var jsonContentType = []string{"application/json; charset=utf-8"}

// writeBody writes an encoded JSON answer in one Write. net/http adds the
// Content-Length of an answer that fits its 2 KB buffer (most do); a
// longer one is given it here rather than sent in chunks.
func writeBody(w http.ResponseWriter, code int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonContentType
	if len(body) > 2048 {
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
	}
	w.WriteHeader(code)
	_, _ = w.Write(body)
}

// appendScreenResponse appends resp and a newline as writeJSON writes it
// (json.Encoder, HTML not escaped); false when encoding/json must.
func appendScreenResponse(b []byte, resp *screenResponse) ([]byte, bool) {
	m := &resp.answerMeta
	b = append(b, `{"request_id":`...)
	b = jsonenc.String(b, m.RequestID, false)
	b = append(b, `,"threshold":`...)
	var ok bool
	if b, ok = jsonenc.Float(b, m.Threshold); !ok {
		return b, false
	}
	b = append(b, `,"demo":`...)
	b = jsonenc.Bool(b, m.Demo)
	if m.Notice != "" {
		b = append(b, `,"notice":`...)
		b = jsonenc.String(b, m.Notice, false)
	}
	b = append(b, `,"stale":`...)
	b = jsonenc.Bool(b, m.Stale)
	b = append(b, `,"lists":`...)
	if b, ok = appendArray(b, m.Lists, appendListInfo); !ok {
		return b, false
	}
	b = append(b, `,"index_built":`...)
	t, err := m.IndexBuilt.MarshalJSON()
	if err != nil {
		return b, false
	}
	b = append(b, t...)
	b = append(b, `,"results":`...)
	if b, ok = appendArray(b, resp.Results, appendScreenResult); !ok {
		return b, false
	}
	return append(b, '}', '\n'), true
}

// appendArray appends xs as encoding/json writes a slice: null when nil,
// else each element by each, in brackets.
func appendArray[T any](b []byte, xs []T, each func([]byte, *T) ([]byte, bool)) ([]byte, bool) {
	if xs == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	var ok bool
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		if b, ok = each(b, &xs[i]); !ok {
			return b, false
		}
	}
	return append(b, ']'), true
}

func appendListInfo(b []byte, l *listInfo) ([]byte, bool) {
	b = append(b, `{"source":`...)
	b = jsonenc.String(b, l.Source, false)
	b = append(b, `,"version":`...)
	b = jsonenc.Int(b, l.Version)
	if l.Published != "" {
		b = append(b, `,"published":`...)
		b = jsonenc.String(b, l.Published, false)
	}
	if l.Imported != "" {
		b = append(b, `,"imported_at":`...)
		b = jsonenc.String(b, l.Imported, false)
	}
	b = append(b, `,"age_days":`...)
	var ok bool
	if b, ok = jsonenc.Float(b, l.AgeDays); !ok {
		return b, false
	}
	b = append(b, `,"stale":`...)
	b = jsonenc.Bool(b, l.Stale)
	return append(b, '}'), true
}

func appendScreenResult(b []byte, r *screenResult) ([]byte, bool) {
	b = append(b, '{')
	if r.ID != "" {
		b = append(b, `"id":`...)
		b = jsonenc.String(b, r.ID, false)
		b = append(b, ',')
	}
	b = append(b, `"query":{`...)
	b = appendQueryFields(b, &r.Query, false)
	b = append(b, `},"matches":`...)
	b, ok := appendArray(b, r.Matches, appendMatch)
	return append(b, '}'), ok
}

// appendQueryFields appends q's fields, without the braces, as
// encoding/json writes an embargo.Query.
func appendQueryFields(b []byte, q *embargo.Query, escapeHTML bool) []byte {
	b = append(b, `"name":`...)
	b = jsonenc.String(b, q.Name, escapeHTML)
	if len(q.Names) > 0 {
		b = append(b, `,"names":`...)
		b = jsonenc.Strings(b, q.Names, escapeHTML)
	}
	if q.Schema != "" {
		b = append(b, `,"schema":`...)
		b = jsonenc.String(b, string(q.Schema), escapeHTML)
	}
	if !q.BirthDate.IsZero() { // omitzero
		d := q.BirthDate
		b = append(b, `,"birth_date":{`...)
		sep := false
		for _, f := range [3]struct {
			name string
			v    int
		}{{`"year":`, d.Year}, {`"month":`, d.Month}, {`"day":`, d.Day}} {
			if f.v == 0 {
				continue
			}
			if sep {
				b = append(b, ',')
			}
			b = append(b, f.name...)
			b = jsonenc.Int(b, int64(f.v))
			sep = true
		}
		b = append(b, '}')
	}
	if len(q.Countries) > 0 {
		b = append(b, `,"countries":`...)
		b = jsonenc.Strings(b, q.Countries, escapeHTML)
	}
	if q.Gender != "" {
		b = append(b, `,"gender":`...)
		b = jsonenc.String(b, q.Gender, escapeHTML)
	}
	if len(q.Identifiers) > 0 {
		b = append(b, `,"identifiers":[`...)
		for i := range q.Identifiers {
			id := &q.Identifiers[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":`...)
			b = jsonenc.String(b, string(id.Type), escapeHTML)
			b = append(b, `,"value":`...)
			b = jsonenc.String(b, id.Value, escapeHTML)
			if id.Country != "" {
				b = append(b, `,"country":`...)
				b = jsonenc.String(b, id.Country, escapeHTML)
			}
			if id.Note != "" {
				b = append(b, `,"note":`...)
				b = jsonenc.String(b, id.Note, escapeHTML)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return b
}

func appendMatch(b []byte, m *embargo.Match) ([]byte, bool) {
	b = append(b, `{"entity_id":`...)
	b = jsonenc.String(b, m.EntityID, false)
	b = append(b, `,"caption":`...)
	b = jsonenc.String(b, m.Caption, false)
	b = append(b, `,"schema":`...)
	b = jsonenc.String(b, string(m.Schema), false)
	b = append(b, `,"score":`...)
	var ok bool
	if b, ok = jsonenc.Float(b, m.Score); !ok {
		return b, false
	}
	b = append(b, `,"match":`...)
	b = jsonenc.Bool(b, m.Matched)
	b = append(b, `,"matched_name":`...)
	b = jsonenc.String(b, m.MatchedName, false)
	b = append(b, `,"explanations":`...)
	b, ok = appendArray(b, m.Explanations, appendExplanation)
	return append(b, '}'), ok
}

func appendExplanation(b []byte, e *embargo.Explanation) ([]byte, bool) {
	var ok bool
	b = append(b, `{"field":`...)
	b = jsonenc.String(b, e.Field, false)
	if e.Query != "" {
		b = append(b, `,"query":`...)
		b = jsonenc.String(b, e.Query, false)
	}
	if e.Candidate != "" {
		b = append(b, `,"candidate":`...)
		b = jsonenc.String(b, e.Candidate, false)
	}
	b = append(b, `,"method":`...)
	b = jsonenc.String(b, e.Method, false)
	if e.Distance != 0 {
		b = append(b, `,"distance":`...)
		b = jsonenc.Int(b, int64(e.Distance))
	}
	b = append(b, `,"score":`...)
	if b, ok = jsonenc.Float(b, e.Score); !ok {
		return b, false
	}
	if e.Weight != 0 {
		b = append(b, `,"weight":`...)
		if b, ok = jsonenc.Float(b, e.Weight); !ok {
			return b, false
		}
	}
	if e.Note != "" {
		b = append(b, `,"note":`...)
		b = jsonenc.String(b, e.Note, false)
	}
	return append(b, '}'), true
}

// appendAuditQuery appends the audit record's query of a screening as
// json.Marshal writes struct{embargo.Query; ExcludeIDs []string
// `json:"exclude_ids,omitempty"`} (HTML escaped).
func appendAuditQuery(b []byte, q *embargo.Query, exclude []string) []byte {
	b = append(b, '{')
	b = appendQueryFields(b, q, true)
	if len(exclude) > 0 {
		b = append(b, `,"exclude_ids":`...)
		b = jsonenc.Strings(b, exclude, true)
	}
	return append(b, '}')
}
