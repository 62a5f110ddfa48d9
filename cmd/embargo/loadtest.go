package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/internal/loadgen"
)

func init() { commands = append(commands, newLoadtestCmd) }

func newLoadtestCmd(m *Main) *cobra.Command {
	var (
		target, clients, queries, token string
		duration                        time.Duration
		netHTTP                         bool
		rate                            float64
		requests, mix, pid, procs       int
	)
	c := &cobra.Command{
		Use:   "loadtest",
		Short: "Measure a running embargo server on this machine (loopback only): latency percentiles, throughput, RSS",
		Long: `loadtest sends POST /v1/screen requests to a server on a loopback address and
reports p50/p95/p99 latency and requests per second for each client count.
Queries come from --queries FILE (one name per line) or are a mix built from
the stored lists (--mix N): half listed names with a variant spelling, half
synthetic unlisted names. --pid samples the server's RSS during the run.

By default each client sends its next request as soon as the last is
answered (closed loop: the server is saturated and the figures are its
capacity). --rate R paces the clients to R requests/s in all and counts each
request's latency from when it was due, so a stall is charged to every
request queued behind it. Requests go over keep-alive HTTP/1.1 connections
written directly (--net-http: through Go's net/http client, which costs the
shared CPU about as much as the server's screening does), by a Go scheduler
of one processor (--procs): its clients then never wake an idle thread for
an answer, which on a machine shared with the server costs the server CPU.
Latency is still counted from when a request was sent or due; an answer
that waits for the one processor is counted late, never early.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if rate < 0 {
				return fmt.Errorf("%w: --rate must be 0 (unpaced) or above", errUsage)
			}
			qs, err := m.loadQueries(c, queries, mix)
			if err != nil {
				return err
			}
			if procs > 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			}
			var results []loadgen.Result
			for _, s := range strings.Split(clients, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil || n < 1 {
					return fmt.Errorf("%w: --clients wants numbers such as 1,8,32", errUsage)
				}
				res, err := loadgen.Run(c.Context(), loadgen.Config{URL: strings.TrimRight(target, "/"), Token: token, Clients: n,
					Duration: duration, Requests: requests, Queries: qs, PID: pid, NetHTTP: netHTTP, Rate: rate})
				if err != nil {
					return err
				}
				results = append(results, res)
				if !m.JSON {
					fmt.Fprintln(m.Stdout, res)
				}
			}
			if m.JSON {
				return json.NewEncoder(m.Stdout).Encode(results)
			}
			return nil
		},
	}
	c.Flags().StringVar(&target, "url", "http://127.0.0.1:8080", "server base URL (loopback only)")
	c.Flags().StringVar(&token, "key", "", "API key")
	c.Flags().StringVar(&clients, "clients", "1,8,32", "client counts to run, one after the other")
	c.Flags().DurationVar(&duration, "duration", 30*time.Second, "length of each run")
	c.Flags().IntVar(&requests, "requests", 0, "stop each run after this many requests (0: only --duration)")
	c.Flags().StringVar(&queries, "queries", "", "file of names, one per line")
	c.Flags().IntVar(&mix, "mix", 2000, "queries to build from the stored lists when --queries is not given")
	c.Flags().IntVar(&pid, "pid", 0, "server process id, to sample its RSS")
	c.Flags().Float64Var(&rate, "rate", 0, "pace each run at this many requests/s in all, latency counted from when each request was due (0: every client sends again as soon as answered)")
	c.Flags().IntVar(&procs, "procs", 1, "processors for the load generator's Go scheduler (GOMAXPROCS) during the runs; 0: the runtime's default. One keeps the load generator from waking idle threads on every answer: on a machine it shares with the server it then takes less of the server's CPU")
	c.Flags().BoolVar(&netHTTP, "net-http", false, "send through Go's net/http client (heavier) instead of the lean keep-alive HTTP/1.1 client")
	return c
}

func (m *Main) loadQueries(c *cobra.Command, file string, mix int) ([]string, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var qs []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				qs = append(qs, s)
			}
		}
		return qs, sc.Err()
	}
	cat, err := m.Catalog(c.Context())
	if err != nil {
		return nil, err
	}
	var names []string
	for i := range cat.Entities {
		for _, n := range cat.Entities[i].Names {
			if n.Kind == embargo.PrimaryName {
				names = append(names, n.Full)
			}
		}
	}
	return loadgen.Mix(names, mix, 1), nil
}
