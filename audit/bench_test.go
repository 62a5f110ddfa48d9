package audit_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"embargo/audit"
	"embargo/internal/sqldialect"
)

// BenchmarkAppendBatch stores batches of records shaped like a server's
// screening decisions: 32 (the writer's batch every 10 ms at 3,200
// requests/s) and 100 (at ~10,000 requests/s).
func BenchmarkAppendBatch(b *testing.B) {
	for _, n := range []int{1, 32, 100} {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) { benchmarkAppendBatch(b, n) })
	}
}

func benchmarkAppendBatch(b *testing.B, n int) {
	// As the server opens service.db.
	db, err := sql.Open("sqlite", sqldialect.SQLiteDSN(filepath.Join(b.TempDir(), "svc.db")))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	l, err := audit.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]audit.Record, n)
	for i := range batch {
		batch[i] = audit.Record{RequestID: fmt.Sprintf("%016x", i), KeyID: "k1", Kind: "screen",
			Query:     json.RawMessage(`{"name":"Kim Chong Un"}`),
			Versions:  json.RawMessage(`[{"source":"ofac","version":1},{"source":"un","version":1,"published":"2026-02-27"}]`),
			Threshold: 0.8, Hits: json.RawMessage(`[{"entity_id":"ofac:20157","score":0.983}]`)}
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := l.AppendBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(batch)), "µs/record")
}
