package audit

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Writer appends records in the background, in batches, so that a busy
// server does not wait on one database transaction per request. Records
// keep their submission order. Close flushes what is queued.
//
// Submit only appends to a slice under a mutex: it does not wake the
// writer goroutine, which stores what has gathered every linger (or at
// once when a batch is full). One transaction per record, and one
// goroutine wake-up per record, cost a busy one-client server a third of
// its CPU. Records wait in memory either way: a crash loses the queue,
// whether it waits 0 or 10 ms.
type Writer struct {
	log    *Log
	logger *slog.Logger
	limit  int // queued records beyond which Submit waits

	mu      sync.Mutex
	queue   []Record
	full    chan struct{} // signalled when the queue reaches a batch
	drained *sync.Cond    // broadcast after each stored batch
	closed  bool
	err     error // the last append error, for /readyz
	done    chan struct{}

	backlog  atomic.Int64 // submitted, not stored yet
	failures atomic.Int64 // appends the database refused
}

// Backlog is how many submitted records are not stored yet.
func (w *Writer) Backlog() int64 { return w.backlog.Load() }

// Failures is how many batch appends the database has refused so far.
func (w *Writer) Failures() int64 { return w.failures.Load() }

const (
	linger   = 10 * time.Millisecond
	maxBatch = 512
)

// NewWriter starts a writer that holds at most queue records in memory.
func NewWriter(l *Log, queue int, logger *slog.Logger) *Writer {
	if logger == nil {
		logger = slog.Default()
	}
	w := &Writer{log: l, logger: logger, limit: max(queue, 1), full: make(chan struct{}, 1), done: make(chan struct{})}
	w.drained = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// Submit queues r; it blocks when the queue is full rather than drop a
// record. Records submitted after Close are stored synchronously.
func (w *Writer) Submit(r Record) {
	r.encoded = false
	w.submit(r)
}

// SubmitEncoded is Submit for a record whose Query, Versions and Hits the
// caller encoded itself with encoding/json, Hits or Versions (or nil): they
// are valid JSON by construction and are stored without being checked
// again. Records of any other origin go through Submit.
func (w *Writer) SubmitEncoded(r Record) {
	r.encoded = true
	w.submit(r)
}

func (w *Writer) submit(r Record) {
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	w.mu.Lock()
	for len(w.queue) >= w.limit && !w.closed {
		w.drained.Wait()
	}
	if w.closed {
		w.mu.Unlock()
		if _, err := w.log.AppendBatch(context.Background(), []Record{r}); err != nil {
			w.logger.Error("audit append failed", "records", 1, "err", err)
		}
		return
	}
	w.queue = append(w.queue, r)
	w.backlog.Add(1)
	n := len(w.queue)
	w.mu.Unlock()
	if n == maxBatch || n == w.limit {
		select {
		case w.full <- struct{}{}:
		default:
		}
	}
}

func (w *Writer) run() {
	defer close(w.done)
	tick := time.NewTicker(linger)
	defer tick.Stop()
	var (
		pending  []Record // taken from the queue, not stored yet: kept across failures
		failures int
		giveUp   time.Time // once closed and still failing: when to stop trying
	)
	for {
		if failures == 0 {
			select {
			case <-tick.C:
			case <-w.full:
			}
		} else {
			// The database refuses appends: keep the records and retry,
			// backing off to 5 s. Nothing more is taken from the queue
			// meanwhile, so Submit blocks once it is full: the server
			// stops answering rather than answer unaudited.
			time.Sleep(min(5*time.Second, linger<<min(failures, 9)))
		}
		w.mu.Lock()
		closed := w.closed
		if len(pending) == 0 {
			pending, w.queue = w.queue, pending[:0] // swap buffers
		}
		w.mu.Unlock()
		i := 0
		for i < len(pending) {
			n := min(len(pending)-i, maxBatch)
			if !w.store(pending[i : i+n]) {
				break
			}
			clear(pending[i : i+n]) // the stored records' bodies can go
			i += n
		}
		if i == len(pending) {
			failures, pending = 0, pending[:0]
		} else {
			failures, pending = failures+1, pending[i:]
		}
		w.mu.Lock()
		w.drained.Broadcast()
		empty := len(w.queue) == 0
		w.mu.Unlock()
		switch {
		case !closed:
		case len(pending) == 0 && empty:
			return
		case failures == 0:
			// Stored what was taken; the queue still holds some: go on.
			select {
			case w.full <- struct{}{}:
			default:
			}
		case giveUp.IsZero():
			giveUp = time.Now().Add(closeGrace)
		case time.Now().After(giveUp):
			w.mu.Lock()
			lost := len(pending) + len(w.queue)
			w.err = fmt.Errorf("audit: %d records could not be stored before closing: %w", lost, w.err)
			w.mu.Unlock()
			w.logger.Error("audit records lost at close", "records", lost, "err", w.err)
			return
		}
	}
}

// closeGrace is how long Close keeps retrying a failing database.
const closeGrace = 10 * time.Second

// store appends one batch and reports whether it was stored.
func (w *Writer) store(batch []Record) bool {
	_, err := w.log.AppendBatch(context.Background(), batch)
	w.mu.Lock()
	w.err = err
	w.mu.Unlock()
	if err != nil {
		w.failures.Add(1)
		w.logger.Error("audit append failed; records kept and retried", "records", len(batch), "err", err)
		return false
	}
	w.backlog.Add(-int64(len(batch)))
	return true
}

// Err returns the last append error, nil when the last batch was stored.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close stops the background writer once every queued record is stored.
func (w *Writer) Close() error {
	w.mu.Lock()
	w.closed = true
	w.drained.Broadcast()
	w.mu.Unlock()
	select {
	case w.full <- struct{}{}:
	default:
	}
	<-w.done
	return w.Err()
}
