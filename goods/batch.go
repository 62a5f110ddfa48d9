package goods

import (
	"context"
	"io"
	"runtime"
	"sync"

	"embargo/source"
)

// Result is the answer for one row of a batch: a verdict, or the error that
// row's input caused.
type Result struct {
	Pos     source.Pos `json:"pos"`
	Verdict *Verdict   `json:"result,omitempty"`
	Err     error      `json:"-"`
	Error   string     `json:"error,omitempty"`
}

// Summary counts a batch's outcomes.
type Summary struct {
	Rows       int `json:"rows"`
	Prohibited int `json:"prohibited"`
	Review     int `json:"review"`
	Clear      int `json:"clear"`
	Errors     int `json:"errors"`
}

const batchSize = 512

// CheckAll checks every shipment of r with workers goroutines (0 means
// GOMAXPROCS) and hands the results to emit in the file's order. A row's bad
// input is a Result with Err set, never dropped; emit's error or ctx's end
// stops the batch.
func (c *Checker) CheckAll(ctx context.Context, r *ShipmentReader, workers int, emit func(Result) error) (Summary, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		rows []Shipment
		pos  []source.Pos
		errs []error
		out  chan []Result
	}
	todo := make(chan *batch, workers)
	ordered := make(chan *batch, workers*2)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range todo {
				res := make([]Result, len(b.rows))
				for i, s := range b.rows {
					res[i] = c.result(s, b.pos[i], b.errs[i])
				}
				b.out <- res
			}
		}()
	}
	var readErr error
	go func() { // reader: batches in file order
		defer close(ordered)
		defer close(todo)
		for {
			b := &batch{out: make(chan []Result, 1)}
			for len(b.rows) < batchSize {
				s, pos, err := r.Next()
				if err == io.EOF {
					break
				}
				b.rows, b.pos, b.errs = append(b.rows, s), append(b.pos, pos), append(b.errs, err)
			}
			if len(b.rows) == 0 {
				return
			}
			select {
			case ordered <- b:
			case <-ctx.Done():
				readErr = ctx.Err()
				return
			}
			todo <- b
		}
	}()
	var sum Summary
	var err error
	for b := range ordered {
		res := <-b.out
		for _, x := range res {
			if err == nil {
				sum.add(x)
				if err = emit(x); err != nil {
					cancel()
				}
			}
		}
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return sum, err
}

func (c *Checker) result(s Shipment, pos source.Pos, err error) Result {
	if err == nil {
		var v Verdict
		if v, err = c.Check(s); err == nil {
			return Result{Pos: pos, Verdict: &v}
		}
	}
	return Result{Pos: pos, Err: err, Error: err.Error()}
}

func (s *Summary) add(r Result) {
	s.Rows++
	switch {
	case r.Err != nil:
		s.Errors++
	case r.Verdict.Verdict == Prohibited:
		s.Prohibited++
	case r.Verdict.Verdict == Review:
		s.Review++
	default:
		s.Clear++
	}
}
