//go:build ignore

// Jitter measures how often, and for how long, this machine takes a CPU
// away from a thread that wants it: THREADS threads (one OS thread each)
// spin reading the clock for DURATION, and every gap of more than 50 µs
// between two readings is time the thread did not run. On an idle machine
// those gaps are the hypervisor's: a request in flight on a vCPU that is
// taken away waits as long, whatever the server does. The HTTP load test's
// tail (scripts/bench-http.sh) is read against this.
//
// With "sleep" for THREADS it measures the other half instead: how late a
// thread that sleeps 200 µs at a time in the kernel, on a machine
// otherwise idle, wakes up, i.e. how long the guest's timers and the host
// take to run a vCPU that was idle again (a paced load test's requests
// arrive at idle vCPUs).
//
// Usage: go run scripts/jitter.go [THREADS|sleep] [DURATION]   (default 2 10s)
package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"
)

func main() {
	threads, dur := 2, 10*time.Second
	if len(os.Args) > 2 {
		d, err := time.ParseDuration(os.Args[2])
		if err != nil || d <= 0 {
			fmt.Fprintf(os.Stderr, "jitter: DURATION %q: want a duration such as 10s\n", os.Args[2])
			os.Exit(2)
		}
		dur = d
	}
	if len(os.Args) > 1 && os.Args[1] == "sleep" {
		oversleep(dur)
		return
	}
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "jitter: THREADS %q: want a positive number\n", os.Args[1])
			os.Exit(2)
		}
		threads = n
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

// oversleep sleeps 200 µs at a time for dur and prints how late it woke.
// It sleeps in the kernel (nanosleep), not with time.Sleep, whose timers
// wait in epoll with a timeout of whole milliseconds when the process is
// idle: that would measure Go, not the host.
func oversleep(dur time.Duration) {
	const nap = 200 * time.Microsecond
	runtime.LockOSThread()
	ts := syscall.NsecToTimespec(int64(nap))
	var late []time.Duration
	for start := time.Now(); time.Since(start) < dur; {
		t0 := time.Now()
		if err := syscall.Nanosleep(&ts, nil); err != nil && err != syscall.EINTR {
			fmt.Fprintln(os.Stderr, "jitter: nanosleep:", err)
			os.Exit(1)
		}
		late = append(late, time.Since(t0)-nap)
	}
	slices.Sort(late)
	n := len(late)
	over1ms := 0
	for _, l := range late {
		if l > time.Millisecond {
			over1ms++
		}
	}
	fmt.Printf("%d sleeps of %v in %v: woken late by p50 %v, p99 %v, p99.9 %v, max %v; %d (%.2f %%) over 1 ms late\n",
		n, nap, dur, late[n/2], late[n*99/100], late[n*999/1000], late[n-1], over1ms, 100*float64(over1ms)/float64(n))
}
