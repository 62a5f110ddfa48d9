//go:build ignore

// Jitter measures how often, and for how long, this machine takes a CPU
// away from a thread that wants it: THREADS threads (one OS thread each)
// spin reading the clock for DURATION, and every gap of more than 50 µs
// between two readings is time the thread did not run. On an idle machine
// those gaps are the hypervisor's: a request in flight on a vCPU that is
// taken away waits as long, whatever the server does. The HTTP load test's
// tail (scripts/bench-http.sh) is read against this.
//
// Usage: go run scripts/jitter.go [THREADS] [DURATION]   (default 2 10s)
package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"
)

func main() {
	threads, dur := 2, 10*time.Second
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "jitter: THREADS %q: want a positive number\n", os.Args[1])
			os.Exit(2)
		}
		threads = n
	}
	if len(os.Args) > 2 {
		d, err := time.ParseDuration(os.Args[2])
		if err != nil || d <= 0 {
			fmt.Fprintf(os.Stderr, "jitter: DURATION %q: want a duration such as 10s\n", os.Args[2])
			os.Exit(2)
		}
		dur = d
	}
	runtime.GOMAXPROCS(threads + 1)

	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		gaps []time.Duration
	)
	for range threads {
		wg.Go(func() {
			runtime.LockOSThread()
			var own []time.Duration
			start := time.Now()
			for last := start; last.Sub(start) < dur; {
				now := time.Now()
				if g := now.Sub(last); g > 50*time.Microsecond {
					own = append(own, g)
				}
				last = now
			}
			mu.Lock()
			gaps = append(gaps, own...)
			mu.Unlock()
		})
	}
	wg.Wait()

	slices.Sort(gaps)
	slices.Reverse(gaps)
	var lost, over1ms time.Duration
	var n1, n5 int
	for _, g := range gaps {
		lost += g
		if g > time.Millisecond {
			n1++
			over1ms += g
		}
		if g > 5*time.Millisecond {
			n5++
		}
	}
	secs := dur.Seconds() * float64(threads)
	fmt.Printf("%d spinning threads for %v: %d gaps over 50 µs (%.1f %% of the time); %d over 1 ms (%.1f a second per thread, %.2f %% of the time), %d over 5 ms; longest %v\n",
		threads, dur, len(gaps), 100*lost.Seconds()/secs, n1, float64(n1)/secs, 100*over1ms.Seconds()/secs, n5, gaps[:min(5, len(gaps))])
}
