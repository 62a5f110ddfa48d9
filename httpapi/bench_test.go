package httpapi_test

import (
	"context"
	"database/sql"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"embargo"
	"embargo/audit"
	"embargo/demo"
	"embargo/httpapi"
	"embargo/internal/sqldialect"
)

// discard is a ResponseWriter that keeps nothing but the status.
type discard struct {
	h    http.Header
	code int
	n    int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(code int)        { d.code = code }
func (d *discard) Write(b []byte) (int, error) { d.n += len(b); return len(b), nil }

// BenchmarkScreenHandler is one POST /v1/screen through the server's
// handler (request id, authentication, metrics, decoding, screening the
// demo lists, the answer, the audit record stored by the writer), without
// the network: the server's own CPU per request outside net/http.
func BenchmarkScreenHandler(b *testing.B) {
	db, err := sql.Open("sqlite", sqldialect.SQLiteDSN(filepath.Join(b.TempDir(), "svc.db")))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	l, err := audit.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	ents, err := demo.Entities()
	if err != nil {
		b.Fatal(err)
	}
	s := httpapi.New(httpapi.Config{})
	s.AuditLog, s.Audit = l, audit.NewWriter(l, 4096, nil)
	s.Swap(httpapi.NewState(&embargo.Catalog{Entities: ents, Versions: []embargo.ListVersion{{Source: "ofac", Version: 1}}}, time.Now()))
	bodies := []string{`{"name":"Kim Chong Un"}`, `{"name":"Taysaev Kazbek"}`, `{"name":"Bank of Kunlun"}`, `{"name":"nobody in particular"}`}
	w := &discard{h: http.Header{}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r, _ := http.NewRequest("POST", "/v1/screen", strings.NewReader(bodies[i%len(bodies)]))
		clear(w.h)
		s.ServeHTTP(w, r)
		if w.code != http.StatusOK {
			b.Fatalf("status %d", w.code)
		}
	}
	if err := s.Audit.Close(); err != nil {
		b.Fatal(err)
	}
}
