// Package loadgen drives a bounded HTTP load against an embargo server on
// this machine and measures latency and throughput. It refuses any target
// that is not a loopback address: load tests never leave the machine.
package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Config says what load to make. Duration and Requests both bound the run;
// whichever comes first ends it.
type Config struct {
	URL      string        // base URL, e.g. http://127.0.0.1:8080
	Token    string        // API key, if the server needs one
	Clients  int           // concurrent clients, each one request at a time
	Duration time.Duration // upper bound on the run
	Requests int           // upper bound on requests (0: none)
	Queries  []string      // names to screen, used round-robin
	PID      int           // server process to sample RSS from (0: none)
	// Rate, if above zero, paces the clients to this many requests a
	// second in all (each client Rate/Clients), instead of each sending its
	// next request as soon as the last one is answered. A request's latency
	// is then counted from when it was due if the client was still waiting
	// for the last answer then: a slow answer delays the requests behind it,
	// and that wait counts (no coordinated omission).
	Rate float64
	// NetHTTP sends the load through net/http's client instead of the
	// default lean HTTP/1.1 client (see rawClient).
	NetHTTP bool
}

// Result is what a run measured.
type Result struct {
	Clients  int           `json:"clients"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	RPS      float64       `json:"requests_per_second"`
	P50      time.Duration `json:"p50_ns"`
	P95      time.Duration `json:"p95_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
	Rate     float64       `json:"offered_rate,omitempty"`
	RSSMinKB int64         `json:"rss_min_kb,omitempty"`
	RSSMaxKB int64         `json:"rss_max_kb,omitempty"`
	RSSEndKB int64         `json:"rss_end_kb,omitempty"`
	// FirstError is the first error a request met, if any.
	FirstError string `json:"first_error,omitempty"`
}

func (r Result) String() string {
	paced := ""
	if r.Rate > 0 {
		paced = fmt.Sprintf(" paced at %.0f req/s", r.Rate)
	}
	s := fmt.Sprintf("%d clients%s: %d requests in %s (%.0f req/s), %d errors; latency p50 %s p95 %s p99 %s max %s",
		r.Clients, paced, r.Requests, r.Elapsed.Round(time.Millisecond), r.RPS, r.Errors, us(r.P50), us(r.P95), us(r.P99), us(r.Max))
	if r.FirstError != "" {
		s += fmt.Sprintf(" (first: %s)", r.FirstError)
	}
	if r.RSSMaxKB > 0 {
		s += fmt.Sprintf("; server RSS min %d MB max %d MB end %d MB", r.RSSMinKB/1024, r.RSSMaxKB/1024, r.RSSEndKB/1024)
	}
	return s
}

func us(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d.Microseconds())/1000) }

// CheckLoopback refuses URLs whose host is not a loopback address.
func CheckLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("loadgen: %w", err)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("loadgen: refusing %q: load is only sent to loopback addresses (127.0.0.0/8, ::1, localhost)", host)
	}
	return nil
}

// Run makes the load and measures it.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if err := CheckLoopback(cfg.URL); err != nil {
		return Result{}, err
	}
	if cfg.Clients < 1 || len(cfg.Queries) == 0 || cfg.Duration <= 0 {
		return Result{}, fmt.Errorf("loadgen: need at least one client, one query and a duration")
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients * 2}}
	bodies := make([][]byte, len(cfg.Queries))
	for i, q := range cfg.Queries {
		bodies[i], _ = json.Marshal(map[string]string{"name": q})
	}
	target, err := url.Parse(cfg.URL + "/v1/screen")
	if err != nil {
		return Result{}, fmt.Errorf("loadgen: %w", err)
	}
	var raws [][]byte // whole requests, for the lean client
	if !cfg.NetHTTP {
		if target.Scheme != "http" {
			return Result{}, fmt.Errorf("loadgen: the lean client speaks plain http only, not %q (use NetHTTP)", target.Scheme)
		}
		for _, b := range bodies {
			raws = append(raws, rawRequest(target, cfg.Token, b))
		}
	}
	var (
		mu      sync.Mutex
		lat     []time.Duration
		errs    int
		first   error
		next    int
		wg      sync.WaitGroup
		rssStop = make(chan struct{})
		rss     []int64
	)
	if cfg.PID > 0 {
		go func() {
			t := time.NewTicker(500 * time.Millisecond)
			defer t.Stop()
			for {
				if kb, err := RSS(cfg.PID); err == nil {
					mu.Lock()
					rss = append(rss, kb)
					mu.Unlock()
				}
				select {
				case <-rssStop:
					return
				case <-t.C:
				}
			}
		}()
	}
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if cfg.Requests > 0 && next >= cfg.Requests {
			return 0, false
		}
		next++
		return next - 1, true
	}
	start := time.Now()
	var every time.Duration // each client's interval when paced
	if cfg.Rate > 0 {
		every = time.Duration(float64(cfg.Clients) / cfg.Rate * float64(time.Second))
	}
	for c := 0; c < cfg.Clients; c++ {
		wg.Add(1)
		due := start.Add(every * time.Duration(c) / time.Duration(cfg.Clients)) // staggered
		go func() {
			defer wg.Done()
			own := make([]time.Duration, 0, 4096)
			bad := 0
			var rc rawClient
			defer rc.close()
			var pace *time.Timer // reused: one timer a client, not one a request
			if every > 0 {
				pace = time.NewTimer(time.Hour)
				defer pace.Stop()
			}
			for ctx.Err() == nil {
				i, ok := take()
				if !ok {
					break
				}
				t0 := time.Now()
				if every > 0 {
					if wait := time.Until(due); wait > 0 {
						pace.Reset(wait) // Go 1.23 timers: no stale tick to drain
						select {
						case <-ctx.Done():
						case <-pace.C:
						}
						if ctx.Err() != nil {
							break
						}
						// On time: counted from now. The runtime's timers
						// wake up to a millisecond late, and that lateness
						// is this client's, not the server's.
						t0 = time.Now()
					} else {
						// Behind: the last answer came after this request
						// was due, and the wait counts against the server.
						t0 = due
					}
					due = due.Add(every)
				}
				var err error
				if raws != nil {
					err = rc.do(ctx, target.Host, raws[i%len(raws)])
				} else {
					err = post(ctx, client, target.String(), cfg.Token, bodies[i%len(bodies)])
				}
				if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
					break // the run ended during this request: not counted
				}
				if err != nil {
					bad++
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					continue
				}
				own = append(own, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, own...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(rssStop)
	res := Result{Clients: cfg.Clients, Rate: cfg.Rate, Requests: len(lat) + errs, Errors: errs, Elapsed: elapsed, RPS: float64(len(lat)) / elapsed.Seconds()}
	if first != nil {
		res.FirstError = first.Error()
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if n := len(lat); n > 0 {
		res.P50, res.P95, res.P99, res.Max = lat[n*50/100], lat[n*95/100], lat[min(n-1, n*99/100)], lat[n-1]
	}
	if cfg.PID > 0 {
		if kb, err := RSS(cfg.PID); err == nil {
			rss = append(rss, kb)
			res.RSSEndKB = kb
		}
		for i, kb := range rss {
			if i == 0 || kb < res.RSSMinKB {
				res.RSSMinKB = kb
			}
			res.RSSMaxKB = max(res.RSSMaxKB, kb)
		}
	}
	return res, nil
}

func post(ctx context.Context, c *http.Client, url, token string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", res.StatusCode)
	}
	return nil
}

// rawClient is one keep-alive HTTP/1.1 connection that writes requests
// serialised in advance and reads the responses with http.ReadResponse (so
// Content-Length and chunked bodies are both read in full). net/http's
// client costs about as much CPU per request as the server's screening
// (a transport goroutine pair per connection, a channel hand-off per
// request): on the 2 cores that load generator and server share, it took
// 66 % of a core at 8 clients and the server's tail waited for it. Like wrk,
// this one stays out of the way.
type rawClient struct {
	conn net.Conn
	br   *bufio.Reader
}

func (rc *rawClient) do(ctx context.Context, host string, req []byte) error {
	if rc.conn == nil {
		var d net.Dialer
		c, err := d.DialContext(ctx, "tcp", host)
		if err != nil {
			return err
		}
		rc.conn = c
		if rc.br == nil {
			rc.br = bufio.NewReaderSize(c, 32<<10)
		} else {
			rc.br.Reset(c)
		}
		if dl, ok := ctx.Deadline(); ok {
			c.SetDeadline(dl) // a request in flight when the run ends returns then
		}
	}
	res, err := rc.exchange(req)
	if err != nil {
		rc.close() // the connection's state is unknown: start a new one
		if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
			return context.DeadlineExceeded // the run ended (ctx may learn it a little later)
		}
		return err
	}
	if res.Close {
		rc.close()
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", res.StatusCode)
	}
	return nil
}

func (rc *rawClient) exchange(req []byte) (*http.Response, error) {
	if _, err := rc.conn.Write(req); err != nil {
		return nil, err
	}
	res, err := http.ReadResponse(rc.br, nil)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res, err
}

func (rc *rawClient) close() {
	if rc.conn != nil {
		rc.conn.Close()
		rc.conn = nil
	}
}

// rawRequest is the whole HTTP/1.1 request posting body to u.
func rawRequest(u *url.URL, token string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n", u.RequestURI(), u.Host, len(body))
	if token != "" {
		fmt.Fprintf(&b, "Authorization: Bearer %s\r\n", token)
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// RSS reads a process's resident set size in KB from /proc.
func RSS(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}

// Mix builds n queries like the peer comparison's: half listed names with a
// variant spelling (one edit, reordered tokens or changed case), half
// synthetic unlisted names made of tokens from different listed names.
func Mix(names []string, n int, seed uint64) []string {
	if len(names) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var tokens []string
	for _, nm := range names {
		tokens = append(tokens, strings.Fields(nm)...)
	}
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			out = append(out, variant(names[r.IntN(len(names))], r))
			continue
		}
		k := 2 + r.IntN(2)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = tokens[r.IntN(len(tokens))]
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

func variant(name string, r *rand.Rand) string {
	toks := strings.Fields(name)
	switch r.IntN(4) {
	case 0: // reorder
		if len(toks) > 1 {
			toks[0], toks[len(toks)-1] = toks[len(toks)-1], toks[0]
		}
	case 1: // one deleted letter
		i := r.IntN(len(toks))
		if t := []rune(toks[i]); len(t) > 3 {
			j := 1 + r.IntN(len(t)-2)
			toks[i] = string(append(t[:j:j], t[j+1:]...))
		}
	case 2: // one swapped pair of letters
		i := r.IntN(len(toks))
		if t := []rune(toks[i]); len(t) > 3 {
			j := 1 + r.IntN(len(t)-2)
			t[j], t[j+1] = t[j+1], t[j]
			toks[i] = string(t)
		}
	default:
		return strings.ToLower(name)
	}
	s := strings.Join(toks, " ")
	if !utf8.ValidString(s) {
		return name
	}
	return s
}
