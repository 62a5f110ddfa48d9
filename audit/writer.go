package audit

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Writer appends records in the background, in batches, so that a busy
// server does not wait on one database transaction per request. Records
// keep their submission order. Close flushes what is queued.
type Writer struct {
	log    *Log
	logger *slog.Logger
	ch     chan Record
	done   chan struct{}
	once   sync.Once
	mu     sync.Mutex
	err    error // the last append error, for /readyz
}

// NewWriter starts a writer with a queue of size queue.
func NewWriter(l *Log, queue int, logger *slog.Logger) *Writer {
	if logger == nil {
		logger = slog.Default()
	}
	w := &Writer{log: l, logger: logger, ch: make(chan Record, queue), done: make(chan struct{})}
	go w.run()
	return w
}

// Submit queues r; it blocks when the queue is full rather than drop a record.
func (w *Writer) Submit(r Record) {
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	w.ch <- r
}

func (w *Writer) run() {
	defer close(w.done)
	batch := make([]Record, 0, 256)
	for r := range w.ch {
		batch = append(batch[:0], r)
	fill:
		for len(batch) < cap(batch) {
			select {
			case r, ok := <-w.ch:
				if !ok {
					break fill
				}
				batch = append(batch, r)
			default:
				break fill
			}
		}
		_, err := w.log.AppendBatch(context.Background(), batch)
		w.mu.Lock()
		w.err = err
		w.mu.Unlock()
		if err != nil {
			w.logger.Error("audit append failed", "records", len(batch), "err", err)
		}
	}
}

// Err returns the last append error, nil when the last batch was stored.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close stops accepting records and waits until every queued record is stored.
func (w *Writer) Close() error {
	w.once.Do(func() { close(w.ch) })
	<-w.done
	return w.Err()
}
